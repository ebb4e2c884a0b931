"""Numbers written with thousands separators ("11,230") are read and reported as repairs, never silently."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from yindi.data import load_pack, read_table
from yindi.data.validate import RowSource, parse_values
from yindi.errors import DataValidationError
from yindi.structure import read_activity_table


@pytest.mark.parametrize(
    ("cell", "number"),
    [("11,230", 11230.0), ("1,234,567.8", 1234567.8), ("-2,000", -2000.0), ("999", 999.0)],
)
def test_grouped_numbers_are_read(cell: str, number: float) -> None:
    fixes: list = []  # type: ignore[type-arg]
    out = parse_values(pd.Series([cell]), RowSource("t.csv"), "gdp", fixes)
    assert out.tolist() == [number]
    assert len(fixes) == (1 if "," in cell else 0)


@pytest.mark.parametrize("cell", ["1,23", "12,3456", "1,234,56", ",123", "1.234,5", "11,230元"])
def test_ambiguous_separators_stay_errors(cell: str) -> None:
    with pytest.raises(DataValidationError, match="is not a number") as info:
        parse_values(pd.Series([cell]), RowSource("t.csv"), "gdp", [])
    assert "不是数字" in (info.value.zh or "")


def test_without_a_repair_list_a_separator_is_an_error() -> None:
    with pytest.raises(DataValidationError, match="row 2, column 'gdp'"):
        parse_values(pd.Series(["11,230"]), RowSource("t.csv"), "gdp")


def test_pack_reports_each_repaired_cell(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text(
        'region_code,region,year,indicator,value,unit,source\n110000,北京,2020,gdp,"11,230",亿元,x\n'
        "120000,天津,2020,gdp,900,亿元,x\n",
        encoding="utf-8",
    )
    panel = load_pack(tmp_path)
    assert panel.value("北京", 2020, "gdp") == 11230.0
    fixes = [r for r in panel.repairs if r.action == "thousands separators removed"]
    assert [(r.row, r.column, r.before, r.after) for r in fixes] == [(2, "value", "11,230", "11230")]


def test_read_table_reports_the_repair() -> None:
    wide = pd.DataFrame({"省份": ["北京", "天津"], "年份": [2020, 2020], "GDP": ["11,230", "900"]})
    panel = read_table(wide, region="省份", year="年份")
    assert panel.value("北京", 2020, "GDP") == 11230.0
    assert any(r.before == "11,230" for r in panel.repairs)


def test_activity_table_notes_the_repair() -> None:
    df = pd.DataFrame({"year": 2020, "region": ["a", "a"], "activity": ["x", "y"], "value": ["1,500", "20"]})
    t = read_activity_table(
        df, region="region", activity="activity", period="year", value="value", regions="as_is"
    )
    assert t.matrix(2020).tolist() == [[1500.0, 20.0]]
    assert any("thousands separators" in n and "'1,500'" in n for n in t.notes)
