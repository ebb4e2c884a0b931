"""The one result schema."""

from __future__ import annotations

import pandas as pd
import pytest

from yindi.schema import RESULT_COLUMNS, check_schema, tidy


def test_tidy_fills_names_levels_and_types() -> None:
    raw = pd.DataFrame(
        {"region_code": [110000, "100000", "320500", "999999"], "measure": "x", "value": [1, 2, 3, 4]}
    )
    out = tidy(raw, lang="en")
    check_schema(out)
    assert tuple(out.columns) == RESULT_COLUMNS
    assert out["region"].tolist() == ["Beijing", "China", "Suzhou", "999999"]
    assert out["level"].tolist() == ["province", "nation", "city", "unknown"]
    assert out["year"].isna().all()


def test_check_schema_rejects_other_shapes() -> None:
    with pytest.raises(AssertionError, match="starts with"):
        check_schema(pd.DataFrame({"region": ["110000"], "value": [1.0]}))
