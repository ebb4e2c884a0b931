"""load_pack on the real cn-provinces pack, checked against an independent read of panel.csv (csv module),
and every validation rule on small packs written in tmp_path."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from yindi.data import load_pack
from yindi.errors import DataFormatError, DataValidationError

HEADER = "region_code,region,year,indicator,value,unit,source\n"


def test_real_pack_matches_panel_csv_read_with_the_csv_module(provinces_dir: Path, panel) -> None:  # type: ignore[no-untyped-def]
    with open(provinces_dir / "panel.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(panel) == len(rows) == 22435
    got = {(r.region_code, int(r.year), r.indicator): r.value for r in panel.frame.itertuples()}
    for row in rows:
        expected = float(row["value"]) if row["value"] else math.nan
        value = got[(row["region_code"], int(row["year"]), row["indicator"])]
        assert (math.isnan(value) and math.isnan(expected)) or value == expected


def test_known_values(panel) -> None:  # type: ignore[no-untyped-def]
    assert panel.value("北京", 2023, "gdp") == 47353.7
    assert panel.value("Beijing", 2023, "gdp") == 47353.7
    assert panel.indicator("gdp").name_zh == "地区生产总值" and panel.indicator("gdp").unit == "亿元"
    assert len(panel.indicators) == 70
    assert len(panel.mainland().region_codes) == 31
    assert len(panel.mainland(exclude_tibet=True).region_codes) == 30


def test_unit_label_difference_is_reported_not_hidden(panel) -> None:  # type: ignore[no-untyped-def]
    assert any("co2_emissions" in r.action and r.after == "百万吨 (Mt)" for r in panel.repairs)


def test_wide_and_cross_section(panel) -> None:  # type: ignore[no-untyped-def]
    wide = panel.mainland().wide(["gdp", "rd_intensity"], years=[2023])
    assert wide.shape == (31, 2)
    assert wide.loc[("110000", 2023), "rd_intensity"] == pytest.approx(6.73)
    cs = panel.mainland().cross_section(2023, ["gdp"])
    assert cs.loc["110000", "gdp"] == 47353.7


def _pack(tmp_path: Path, body: str, indicators: str | None = None) -> Path:
    (tmp_path / "panel.csv").write_text(HEADER + body, encoding="utf-8")
    if indicators is not None:
        (tmp_path / "indicators.csv").write_text(indicators, encoding="utf-8")
    return tmp_path


def test_unknown_region_names_file_row_and_candidates(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n150000,内蒙占,2020,gdp,2,亿元,x\n"
    with pytest.raises(DataValidationError) as info:
        load_pack(_pack(tmp_path, body))
    msg = str(info.value)
    assert "panel.csv, row 3, column 'region'" in msg and "内蒙古" in msg and "region_fixes" in msg


def test_explicit_region_fix_is_applied_and_reported(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n150000,内蒙占,2020,gdp,2,亿元,x\n"
    panel = load_pack(_pack(tmp_path, body), region_fixes={"内蒙占": "内蒙古"})
    assert panel.value("内蒙古", 2020, "gdp") == 2.0
    (repair,) = panel.repairs
    assert (repair.row, repair.column, repair.before, repair.after) == (3, "region", "内蒙占", "内蒙古")


def test_code_name_mismatch(tmp_path: Path) -> None:
    with pytest.raises(
        DataValidationError, match=r"row 2: region_code '120000' does not match region '北京'"
    ):
        load_pack(_pack(tmp_path, "120000,北京,2020,gdp,1,亿元,x\n"))


def test_non_numeric_cell(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n120000,天津,2020,gdp,12 345,亿元,x\n"
    with pytest.raises(DataValidationError, match=r"row 3, column 'value': '12 345' is not a number"):
        load_pack(_pack(tmp_path, body))


def test_blank_and_nbs_markers_are_missing_not_zero(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,,亿元,x\n120000,天津,2020,gdp,…,亿元,x\n130000,河北,2020,gdp,0,亿元,x\n"
    panel = load_pack(_pack(tmp_path, body))
    values = panel.frame.set_index("region_code")["value"]
    assert math.isnan(values["110000"]) and math.isnan(values["120000"]) and values["130000"] == 0.0


def test_conflicting_duplicates(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n110000,北京,2020,gdp,2,亿元,y\n"
    with pytest.raises(
        DataValidationError,
        match=r"conflicting duplicate rows for region 110000, year 2020.*1.0 \(.*panel.csv, row 2\), 2.0 \(.*panel.csv, row 3\)",
    ):
        load_pack(_pack(tmp_path, body))


def test_identical_duplicates_collapsed_and_reported(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n110000,北京,2020,gdp,1,亿元,y\n"
    panel = load_pack(_pack(tmp_path, body))
    assert len(panel) == 1 and any("duplicate" in r.action for r in panel.repairs)


def test_mixed_units(tmp_path: Path) -> None:
    body = "110000,北京,2020,cable,1,公里,x\n120000,天津,2020,cable,2,万公里,x\n"
    with pytest.raises(DataValidationError, match=r"mixed units '公里' \(.*row 2\), '万公里' \(.*row 3\)"):
        load_pack(_pack(tmp_path, body))


@pytest.mark.parametrize("year", ["1900", "2999", "twenty"])
def test_years_out_of_range_or_not_years(tmp_path: Path, year: str) -> None:
    with pytest.raises(DataValidationError, match=r"row 2, column 'year'"):
        load_pack(_pack(tmp_path, f"110000,北京,{year},gdp,1,亿元,x\n"))


def test_indicator_missing_from_metadata(tmp_path: Path) -> None:
    meta = "indicator,name_zh,name_en,unit\ngdp,地区生产总值,GRP,亿元\n"
    body = "110000,北京,2020,gdp,1,亿元,x\n110000,北京,2020,pop,1,万人,x\n"
    with pytest.raises(DataValidationError, match=r"row 3, column 'indicator': 'pop' is not described"):
        load_pack(_pack(tmp_path, body, meta))


def test_missing_columns_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text("region,year,value\n北京,2020,1\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="missing column"):
        load_pack(tmp_path)
    with pytest.raises(DataFormatError, match="not found"):
        load_pack(tmp_path / "nowhere")


def test_gb18030_pack(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text(HEADER + "150000,内蒙古,2020,gdp,1.5,亿元,x\n", encoding="gb18030")
    assert load_pack(tmp_path).value("内蒙古", 2020, "gdp") == 1.5


def test_blank_lines_do_not_shift_row_numbers(tmp_path: Path) -> None:
    body = "110000,北京,2020,gdp,1,亿元,x\n\n120000,天津,2020,gdp,x1,亿元,x\n"
    with pytest.raises(DataValidationError, match=r"row 4, column 'value': 'x1'"):
        load_pack(_pack(tmp_path, body))


def test_coverage_counts_absent_region_years_as_missing(panel) -> None:  # type: ignore[no-untyped-def]
    cov = panel.mainland().coverage().set_index("indicator")
    # technology contracts: 2000-2023 published for 15 years only, so 9 whole years are absent for 31 regions
    row = cov.loc["tech_contract_turnover"]
    assert (row["first_year"], row["last_year"], row["years"]) == (2000, 2023, 15)
    assert row["missing"] == 24 * 31 - row["values"]
    assert cov.loc["co2_emissions", "missing"] == 26 * 31 - cov.loc["co2_emissions", "values"]  # no Tibet
    assert cov.loc["gdp", "missing"] == 0


def test_compound_units_in_english() -> None:
    """English reports show units in English, compound ones part by part; unknown units stay as the data give."""
    from yindi.data.panel import unit_label

    assert unit_label("件/万人", "en") == "items per 10,000 persons"
    assert unit_label("元/人", "en") == "yuan per person"
    assert unit_label("吨/万元", "en") == "t per 10,000 yuan"
    assert unit_label("件/万人", "zh") == "件/万人"
    assert unit_label("斤/亩", "en") == "斤/亩"
