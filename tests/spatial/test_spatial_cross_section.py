"""cross_section(): the spatial commands' input, with the missing-value policy in the library."""

from __future__ import annotations

import math

import pytest

from yindi.errors import MissingDataError, ParameterError
from yindi.spatial import cross_section


def test_latest_year_and_gaps_are_reported(panel) -> None:  # type: ignore[no-untyped-def]
    p = panel.mainland()
    cs = cross_section(p, "rd_intensity")
    assert cs.year == p.years("rd_intensity")[-1]
    col = p.series("rd_intensity")[cs.year]
    assert set(cs.dropped) == {c for c in col.index if math.isnan(col[c])}
    assert len(cs.values) + len(cs.dropped) == len(col) and cs.values.notna().all()


def test_bad_year_lists_the_available_years(panel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParameterError, match="no values in 1990; available years") as info:
        cross_section(panel.mainland(), "rd_intensity", 1990)
    assert "1990 年没有数值" in (info.value.zh or "")


def test_missing_error_and_drop_on_a_small_panel() -> None:
    import pandas as pd

    from yindi.data import read_table

    df = pd.DataFrame({"省份": ["北京", "天津", "河北"], "年份": 2022, "x": [1.0, None, 3.0]})
    p = read_table(df, region="省份", year="年份")
    with pytest.raises(MissingDataError, match="120000"):
        cross_section(p, "x", 2022, missing="error")
    cs = cross_section(p, "x", 2022)
    assert cs.dropped == ("120000",) and cs.values.to_dict() == {"110000": 1.0, "130000": 3.0}
