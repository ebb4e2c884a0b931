"""inequality_by_year(): the per-year loop that used to live in the CLI, checked year by year against the
single-year functions and a hand-computed Gini."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.disparity import cv, gini, inequality_by_year, theil
from yindi.errors import MissingDataError, ParameterError

CODES = ["110000", "120000", "130000", "310000", "320000", "440000", "510000", "620000"]


def _table() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    t = pd.DataFrame(rng.uniform(1, 10, (8, 3)), index=CODES, columns=[2021, 2022, 2023])
    t.loc["620000", 2022] = np.nan
    return t


def test_each_year_equals_the_single_year_functions() -> None:
    t = _table()
    res = inequality_by_year(t, "nbs4")
    assert res.years == (2021, 2022, 2023) and res.n == (8, 7, 8)
    assert res.dropped == {2021: (), 2022: ("620000",), 2023: ()}
    for k, y in enumerate(res.years):
        col = t[y].dropna()
        assert res.values["gini"][k] == gini(col)
        assert res.values["cv"][k] == cv(col)
        assert res.values["theil_T_between"][k] == theil(col, "nbs4").between
        assert res.values["theil_L_within"][k] == theil(col, "nbs4", kind="L").within
    assert list(res.table().columns[:3]) == ["year", "n", "gini"]


def test_hand_computed_gini() -> None:
    # values 1, 2, 3, 4: Σ|yi − yj| over ordered pairs = 20; G = 20 / (2 · 4² · 2.5) = 0.25
    t = pd.DataFrame({2020: [1.0, 2.0, 3.0, 4.0]}, index=CODES[:4])
    assert inequality_by_year(t, None).values["gini"] == (pytest.approx(0.25),)


def test_missing_error_names_the_year_and_regions() -> None:
    with pytest.raises(MissingDataError, match="2022: 620000") as info:
        inequality_by_year(_table(), "nbs4", missing="error")
    assert "2022 年" in (info.value.zh or "")
    with pytest.raises(ParameterError, match="now spelled 'error'"):
        inequality_by_year(_table(), "nbs4", missing="raise")  # type: ignore[arg-type]
