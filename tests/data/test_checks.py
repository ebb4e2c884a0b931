"""Data checks on the real city pack find the source errors its README lists, and change nothing.

The expected lists below are transcribed from ../shared/data/cn-cities/README.md ("Known source errors"),
written down before the checks were run; the codes are those of the pack's rows for these names.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from yindi.data import load_pack
from yindi.data.checks import TABLE, check_panel
from yindi.errors import ParameterError

# README: 鄂尔多斯 2022 (23,158.65 after 4,715.7, then 5,849.86) and the "jumps by a factor above 3" list.
GDP_JUMPS = {
    ("鄂尔多斯", 2022), ("鄂尔多斯", 2023),
    ("七台河", 2011), ("七台河", 2012), ("牡丹江", 2012), ("黑河", 2011), ("绥化", 2011), ("绥化", 2012),
    ("淮南", 2022), ("淮南", 2023),
}  # fmt: skip

# README: "Values identical to the same city's previous year in 25 city-years".
_G = ("gdp", "va_primary", "va_secondary", "va_tertiary")
_GDP_2022 = [
    "伊犁",
    "凉山",
    "博尔塔拉蒙古",
    "和田",
    "喀什",
    "塔城",
    "巴音郭楞蒙古",
    "昌吉",
    "果洛",
    "海北",
    "海南",
    "海西",
    "玉树",
    "甘孜",
    "阿克苏",
    "阿勒泰",
    "阿坝",
    "黄南",
]
REPEATS = (
    {("拉萨", 2003, i) for i in _G}
    | {("威海", 2009, i) for i in _G}
    | {("岳阳", 2009, "va_primary"), ("乌海", 2015, "va_primary"), ("双鸭山", 2023, "va_tertiary")}
    | {("汉中", 2023, "gdp")}
    | {("潮州", 2023, i) for i in _G[1:]}
    | {(n, 2022, "gdp") for n in _GDP_2022}
)

# README: "Sector values do not add up to gdp (gap above 2 %) in 68 city-years".
_SUM_LIST = {
    "杭州": [2017], "泰安": [2017], "广州": [2012, 2013, 2014], "韶关": [2011, 2012, 2013, 2014],
    "深圳": [2009, 2011, 2012, 2013, 2014], "珠海": [2011, 2012, 2013, 2014], "佛山": [2011], "湛江": [2014],
    "肇庆": [2009, 2011, 2012, 2013, 2014], "梅州": [2011], "汕尾": [2011], "河源": [2011, 2012, 2014],
    "阳江": [2009, 2011, 2012, 2013, 2014], "清远": [2009], "东莞": [2011, 2012, 2013, 2014],
    "中山": [2011, 2012, 2013, 2014], "潮州": [2014, 2023], "揭阳": [2011, 2012, 2013, 2014],
    "云浮": [2011, 2012, 2014],
}  # fmt: skip
_SUM_2022 = [
    "阿坝",
    "甘孜",
    "凉山",
    "海南",
    "果洛",
    "海西",
    "昌吉",
    "博尔塔拉蒙古",
    "巴音郭楞蒙古",
    "阿克苏",
    "喀什",
    "和田",
    "伊犁",
    "塔城",
    "阿勒泰",
]
SUMS = {(n, y) for n, ys in _SUM_LIST.items() for y in ys} | {(n, 2022) for n in _SUM_2022}

# README: "rows swapped between Heilongjiang cities in 2011" — the 2011 values of these cities sit at other
# cities' levels (七台河's 940 is 牡丹江's trend, 黑河's 912 is 绥化's, 绥化's 124.7 is 大兴安岭's).
SWAPPED_2011 = {"七台河", "牡丹江", "黑河", "绥化", "佳木斯"}
# Not in the README, found by the swap check and confirmed by eye: 贵港 and 玉林 (Guangxi) 2005 GDP exchanged
# (贵港 2004/2005/2006: 164.83 / 356.25 / 265.19; 玉林: 299.87 / 227.02 / 415.06 — each at the other's level).
SWAPPED_ELSEWHERE = {("贵港", 2005), ("玉林", 2005)}


@pytest.fixture(scope="module")
def checks(city_panel):  # type: ignore[no-untyped-def]
    return check_panel(city_panel)


def _found(frame: pd.DataFrame, *cols: str) -> set[tuple[object, ...]]:
    return {tuple(r) for r in frame.loc[:, list(cols)].itertuples(index=False)}


def test_readme_lists_are_complete_transcriptions() -> None:
    assert len(SUMS) == 68
    assert len({(n, y) for n, y, _ in REPEATS}) == 25


def test_gdp_jumps_are_exactly_the_readme_list(checks) -> None:  # type: ignore[no-untyped-def]
    jumps = checks.of("jump")
    assert _found(jumps[jumps["indicator"] == "gdp"], "region", "year") == GDP_JUMPS
    ordos = jumps[
        (jumps["region_code"] == "150600") & (jumps["year"] == 2022) & (jumps["indicator"] == "gdp")
    ]
    assert ordos["value"].item() == 23_158.65 and ordos["reference"].item() == 4_715.7
    assert ordos["file"].item().endswith("panel.csv") and ordos["row"].item() > 1
    # its 2022 sector values are wrong too (README) and are flagged as jumps as well
    assert {"va_primary", "va_secondary", "va_tertiary"} <= set(
        jumps[(jumps["region_code"] == "150600") & (jumps["year"] == 2022)]["indicator"]
    )


def test_repeats_are_exactly_the_readme_list(checks) -> None:  # type: ignore[no-untyped-def]
    assert _found(checks.of("repeat"), "region", "year", "indicator") == REPEATS


def test_sector_sums_are_exactly_the_readme_list(checks) -> None:  # type: ignore[no-untyped-def]
    sums = checks.of("sum")
    assert _found(sums, "region", "year") == SUMS
    assert (sums["indicator"] == "gdp").all()


def test_heilongjiang_2011_values_are_reported_as_swapped_or_misplaced(checks) -> None:  # type: ignore[no-untyped-def]
    swaps = checks.of("swap")
    assert _found(swaps, "region", "year") == {(n, 2011) for n in SWAPPED_2011} | SWAPPED_ELSEWHERE
    qth = swaps[swaps["region_code"] == "230900"]  # 七台河: its value is 牡丹江's (231000) level
    assert "231000" in set(qth["partner_code"])
    gx = swaps[swaps["year"] == 2005].set_index("region_code")["partner_code"]
    assert gx.to_dict() == {"450800": "450900", "450900": "450800"}  # mutual: 贵港 ↔ 玉林


def test_rows_are_the_file_rows(cities_dir: Path, checks) -> None:  # type: ignore[no-untyped-def]
    raw = pd.read_csv(cities_dir / "panel.csv", dtype={"region_code": str})
    for r in checks.findings.head(20).itertuples():
        line = raw.iloc[int(r.row) - 2]  # header is row 1
        assert (line["region_code"], line["year"], line["indicator"]) == (r.region_code, r.year, r.indicator)
        assert line["value"] == pytest.approx(r.value)


def test_checks_change_nothing(cities_dir: Path, city_panel, checks) -> None:  # type: ignore[no-untyped-def]
    fresh = load_pack(cities_dir)
    pd.testing.assert_frame_equal(fresh.frame, city_panel.frame)
    check_panel(city_panel)
    pd.testing.assert_frame_equal(fresh.frame, city_panel.frame)


def test_thresholds_are_options(city_panel) -> None:  # type: ignore[no-untyped-def]
    strict = check_panel(city_panel, {"jump_ratio": 10.0, "sum_tolerance": 0.5})
    jumps = strict.of("jump")
    assert set(jumps[jumps["indicator"] == "gdp"]["region"]) == set()  # no GDP ratio reaches 10
    assert len(strict.of("sum")) < 68
    with pytest.raises(ParameterError, match="jump_ratio"):
        check_panel(city_panel, {"jump_ration": 2})
    with pytest.raises(ParameterError, match="sum_rules"):
        check_panel(city_panel, {"sum_rules": ("gdp",)})
    assert TABLE.defaults()["jump_ratio"] == 3.0


def test_result_schema_and_summary(checks) -> None:  # type: ignore[no-untyped-def]
    frame = checks.to_frame("en")
    assert list(frame.columns[:6]) == ["region_code", "region", "level", "year", "measure", "value"]
    assert "row" in frame.columns and "file" in frame.columns
    assert "鄂尔多斯" in checks.summary("zh") and "threshold" in checks.summary("en")


def test_county_census_has_no_sum_errors(county_panel) -> None:  # type: ignore[no-untyped-def]
    # pop_total = pop_urban + pop_rural in every row of the census
    assert check_panel(county_panel).of("sum").empty


def test_a_streamed_import_is_checked_without_building_its_frame(tmp_path: Path, city_panel, checks) -> None:  # type: ignore[no-untyped-def]
    """A large tidy CSV stays held as codes while `yindi data import` checks it: the checks read only the rows
    of the indicators their rules name and the negative values, and find exactly what they find on the whole
    frame (here the 黑龙江 and 广东 cities of the real pack, written out as a tidy CSV with codes)."""
    from yindi.data import read_table
    from yindi.data._coded import CodedPanel

    f = city_panel.frame
    sub = f[f["region_code"].str[:2].isin(["23", "44"]) & f["region_code"].str.endswith("00")]
    sub = sub[sub["region_code"].str[2:4] != "00"]
    path = tmp_path / "cities.csv"
    sub.assign(region=sub["region_code"])[["region", "year", "indicator", "value", "unit"]].to_csv(
        path, index=False
    )
    panel = read_table(path, indicator="indicator", value="value", unit="unit")
    assert isinstance(panel, CodedPanel) and "frame" not in panel.__dict__
    streamed = check_panel(panel)
    assert "frame" not in panel.__dict__  # the checks did not build the frame
    cols = ["check", "region_code", "year", "indicator", "value", "reference", "partner_code", "detail_en"]
    want = checks.findings[checks.findings["region_code"].isin(sub["region_code"].unique())]
    got = streamed.findings
    assert len(got) > 10 and {"jump", "repeat", "sum"} <= set(got["check"])
    key = ["check", "region_code", "year", "indicator"]
    pd.testing.assert_frame_equal(
        got[[c for c in cols if c in got.columns]].sort_values(key).reset_index(drop=True),
        want[[c for c in cols if c in want.columns]].sort_values(key).reset_index(drop=True),
        check_dtype=False,
    )
