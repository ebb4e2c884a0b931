"""read_nbs_export on the real NBS website exports, checked against panel.csv (whose NBS-sourced series were
compiled independently of this importer) and across export files; malformed exports give clear errors."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from yindi.data import load
from yindi.data.nbs import is_nbs_export, read_nbs_export
from yindi.errors import DataFormatError, DataValidationError

# export file → panel.csv indicator with the same series (region × year tables)
SAME_SERIES = {
    "居民消费价格指数分省.csv": "cpi",
    "分省年度数据可支配收入.csv": "disposable_income_per_capita",
    "分省年度数据消费支出.csv": "consumption_per_capita",
    "分省年度数据城镇就业人员.csv": "urban_employment",
    "社会消费品总额.csv": "retail_sales",
    "分省年度数据地方财政数据.csv": "budget_revenue",
    "地区生产总值指数（近十年）.csv": "gdp_index",
    "分省年度数据城镇登记失业人数.csv": "registered_unemployed",
}


def _as_map(panel, indicator: str) -> dict[tuple[str, int], float]:  # type: ignore[no-untyped-def]
    f = panel.frame[(panel.frame["indicator"] == indicator) & panel.frame["value"].notna()]
    return {(r.region_code, int(r.year)): float(r.value) for r in f.itertuples()}


@pytest.mark.parametrize(("name", "indicator"), sorted(SAME_SERIES.items()))
def test_region_by_year_exports_match_panel(nbs_dir: Path, panel, name: str, indicator: str) -> None:  # type: ignore[no-untyped-def]
    got = _as_map(read_nbs_export(nbs_dir / name, indicator=indicator), indicator)
    expected = _as_map(panel, indicator)
    assert len(got) >= 217
    assert got == {k: expected[k] for k in got}


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2023])
def test_region_by_indicator_exports_match_panel(nbs_dir: Path, panel, year: int) -> None:  # type: ignore[no-untyped-def]
    name = {2019: "分省年度数据.2019csv.csv"}.get(year, f"分省年度数据{year}.csv")
    exported = read_nbs_export(nbs_dir / name)
    assert exported.years() == [year]
    assert {"gdp", "gdp_per_capita", "va_industry", "va_tertiary"} <= set(exported.indicator_ids)
    assert exported.indicator("gdp").unit == "亿元" and exported.indicator("gdp_per_capita").unit == "元/人"
    for indicator in ("gdp", "gdp_per_capita", "va_primary", "va_secondary", "va_finance"):
        got = _as_map(exported, indicator)
        assert len(got) == 31
        assert got == {k: v for k, v in _as_map(panel, indicator).items() if k[1] == year}


def test_beijing_2023_gdp_and_blank_2025_stays_missing(nbs_dir: Path) -> None:
    p = read_nbs_export(nbs_dir / "按照年份的GDP.csv", indicator="gdp", unit="亿元")
    assert p.value("北京", 2023, "gdp") == 47353.7
    y2025 = p.frame[p.frame["year"] == 2025]["value"]
    assert len(y2025) == 31 and y2025.isna().all()


def test_cross_file_vintage_agreement_2024(nbs_dir: Path) -> None:
    by_year = _as_map(read_nbs_export(nbs_dir / "按照年份的GDP.csv", indicator="gdp"), "gdp")
    one_year = _as_map(read_nbs_export(nbs_dir / "分省年度数据2024.csv"), "gdp")
    assert {k: v for k, v in by_year.items() if k[1] == 2024} == one_year


def test_indicator_id_defaults_to_file_name_and_is_reported(nbs_dir: Path) -> None:
    p = read_nbs_export(nbs_dir / "第一产业.csv")
    assert p.indicator_ids == ["第一产业"]
    assert any("file name" in r.action for r in p.repairs)


def test_national_table_rows_are_indicators(nbs_dir: Path) -> None:
    p = read_nbs_export(nbs_dir / "居民消费价格指数.csv")
    assert p.region_codes == ["100000"]
    assert p.value("全国", 2024, "cpi") == 100.2


def test_every_real_export_parses_or_asks_for_the_year(nbs_dir: Path) -> None:
    files = sorted(nbs_dir.glob("*.csv"))
    assert len(files) >= 20
    for f in files:
        assert is_nbs_export(f)
        if f.name == "2025GDP.csv":
            with pytest.raises(DataFormatError, match=r"line 2: the year of the data is not in the file"):
                read_nbs_export(f)
            assert len(read_nbs_export(f, year=2025)) == 31
        else:
            panel = read_nbs_export(f)
            assert len(panel) > 0
            assert "数据来源：国家统计局" in next(iter(panel.indicators.values())).note


def test_load_detects_nbs_exports(nbs_dir: Path) -> None:
    assert load(nbs_dir / "分省年度数据2023.csv").value("上海", 2023, "gdp") == 51404.5


EXPORT = "数据库：分省年度数据\n时间：2021年-2022年\n地区\t,2022年\t,2021年\t,\n{rows}注：测试\n数据来源：国家统计局\n"


def _write(tmp_path: Path, rows: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "x.csv"
    path.write_text(EXPORT.format(rows=rows), encoding=encoding)
    return path


def test_gb18030_encoded_export(tmp_path: Path) -> None:
    p = read_nbs_export(_write(tmp_path, "北京市\t,1.5\t,\t,\n", encoding="gb18030"), indicator="x")
    assert p.value("北京", 2022, "x") == 1.5 and math.isnan(p.value("北京", 2021, "x"))


def test_non_numeric_cell_names_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match=r"x.csv, row 5, column '2021年': 'abc' is not a number"):
        read_nbs_export(_write(tmp_path, "北京市\t,1\t,2\t,\n天津市\t,3\t,abc\t,\n"), indicator="x")


def test_wrong_cell_count(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match=r"line 4: 2 cells but the header"):
        read_nbs_export(_write(tmp_path, "北京市\t,1\t,\n"), indicator="x")


def test_unknown_region_in_export_names_its_file_line(tmp_path: Path) -> None:
    rows = "北京市\t,1\t,2\t,\n\n天津市\t,1\t,2\t,\n山两\t,1\t,2\t,\n"  # a blank line before 天津
    with pytest.raises(
        DataValidationError, match=r"x.csv, row 7, column '地区': Unknown region '山两'.*山西"
    ):
        read_nbs_export(_write(tmp_path, rows), indicator="x")


def test_bad_year_header(tmp_path: Path) -> None:
    path = tmp_path / "y.csv"
    path.write_text("数据库：分省年度数据\n时间：\n地区\t,2099年\t,\n北京市\t,1\t,\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"y.csv, line 3, header cell '2099年': not a year"):
        read_nbs_export(path, indicator="x")


def test_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert not is_nbs_export(path)
    with pytest.raises(DataFormatError, match="line 1: expected '数据库"):
        read_nbs_export(path)
