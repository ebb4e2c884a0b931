"""Region names checked against codes in one call give what the pair-by-pair check gave (values, notes,
errors)."""

from __future__ import annotations

import pandas as pd
import pytest

from yindi.errors import DataValidationError, YindiError
from yindi.structure import _parse
from yindi.structure.table import read_activity_table


def _frame(bad_code: bool = False) -> pd.DataFrame:
    rows = []
    for year in (2020, 2021):
        for name, code in (("北京", "110000"), ("河北省", "130000"), ("山西", "140000"), ("北亰", "110000")):
            for act in ("a", "b", "c"):
                rows.append((name, code, year, act, 1.0 + len(rows)))
    f = pd.DataFrame(rows, columns=["region", "region_code", "year", "activity", "value"])
    f = f[~((f["region"] == "北亰") & (f["year"] == 2021))]  # the misspelling on a few rows only
    f = f[~((f["region"] == "北京") & (f["year"] == 2020))]
    if bad_code:
        f.loc[f.index[7], "region_code"] = "140000"
    return f.reset_index(drop=True)


def _read(frame: pd.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    t = read_activity_table(frame, region_code="region_code", region_fixes={"北亰": "北京"})
    return t.regions, t.notes


def _pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise YindiError("use the loop")

    monkeypatch.setattr(_parse, "_regions_at_once", fail)


def test_same_regions_and_repair_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(_frame())
    assert any("北亰" in n and "(3 row(s))" in n for n in fast[1])
    _pair_by_pair(monkeypatch)
    assert _read(_frame()) == fast


def test_same_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DataValidationError) as fast:
        _read(_frame(bad_code=True))
    _pair_by_pair(monkeypatch)
    with pytest.raises(DataValidationError) as slow:
        _read(_frame(bad_code=True))
    assert str(fast.value) == str(slow.value)
