"""Groupings of regions: the NBS four macro-regions, the older three belts, and strategic regions.

Sources
-------
- NBS four macro-regions: 国家统计局《东西中部和东北地区划分方法》(2011-06-13): East 10, Central 6, West 12,
  Northeast 3.
- Three belts: the 7th Five-Year Plan (1986) split the country into eastern, central and western belts
  (12 / 9 / 10 provinces, 重庆 added to the west in 1997). Since the Western Development programme (2000)
  内蒙古 and 广西 are counted in the west, giving the 11 / 8 / 12 split most papers use; that is
  ``"three_belts"``; the original is ``"three_belts_1986"``.
- Strategic regions: 京津冀协同发展规划纲要 (2015); 长江三角洲区域一体化发展规划纲要 (2019, 沪苏浙皖);
  粤港澳大湾区发展规划纲要 (2019, nine mainland cities plus Hong Kong and Macao); 成渝地区双城经济圈建设规划纲要
  (2021, 重庆 and 15 cities of 四川 — some only in part, see ``note``); 长江经济带发展规划纲要 (2016, 11
  provinces); 黄河流域生态保护和高质量发展规划纲要 (2021, 9 provinces).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from yindi.errors import ParameterError
from yindi.regions.names import normalise_key


@dataclass(frozen=True)
class Grouping:
    """A partition of the 31 mainland provinces into named groups."""

    id: str
    name_zh: str
    name_en: str
    groups: Mapping[str, tuple[str, ...]]  # group id → province adcodes
    group_names: Mapping[str, tuple[str, str]]  # group id → (zh, en)
    source: str

    def group_of(self, adcode: str) -> str:
        for gid, codes in self.groups.items():
            if adcode in codes:
                return gid
        raise ParameterError(
            f"Region {adcode!r} is in no group of the grouping {self.id!r} (mainland provinces only).",
            zh=f"地区 {adcode!r} 不属于分组 {self.id!r} 的任何一组（仅限大陆省份）。",
        )

    def label(self, group: str, lang: str = "zh") -> str:
        zh, en = self.group_names[group]
        return en if lang == "en" else zh

    def mapping(self) -> dict[str, str]:
        """adcode → group id for every member."""
        return {code: gid for gid, codes in self.groups.items() for code in codes}

    def groups_of(self, codes: Iterable[str]) -> list[str | None]:
        """Group of each unit at any level — a city or county belongs to its province's group (through its
        parents; historical units, functional zones and municipalities under province codes included) —
        or ``None`` for a unit in no group (Hong Kong, Macao, Taiwan, the national total, a non-code)."""
        mapping = self.mapping()
        return [mapping.get(province_of(c) or "") for c in codes]


def province_of(code: str) -> str | None:
    """Province adcode of a unit at any level, found through its parents: a current unit of the registry, a
    historical unit (莱芜市 371200 → 370000), a functional zone (苏州工业园区 320571 → 320000), a key
    ``parent:name`` of a row without code, or a municipality under its province code. ``None`` for the national
    total and for text that is not a code."""
    from yindi.regions.registry import registry
    from yindi.regions.units import historical

    text = str(code).strip()
    if ":" in text:
        text = text.split(":", 1)[0]
    if len(text) != 6 or not text.isdigit() or text == "100000":
        return None
    reg = registry()
    if text in reg:
        return reg.get(text).province
    past = historical(text)
    if past is not None:
        return province_of(past.parent)
    prefix = text[:2] + "0000"
    return prefix if prefix in reg else None


def _p(*two_digit: str) -> tuple[str, ...]:
    return tuple(f"{c}0000" for c in two_digit)


NBS4 = Grouping(
    id="nbs4",
    name_zh="四大区域（国家统计局）",
    name_en="NBS four macro-regions",
    groups={
        "east": _p("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
        "central": _p("14", "34", "36", "41", "42", "43"),
        "west": _p("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
        "northeast": _p("21", "22", "23"),
    },
    group_names={
        "east": ("东部", "East"),
        "central": ("中部", "Central"),
        "west": ("西部", "West"),
        "northeast": ("东北", "Northeast"),
    },
    source="国家统计局《东西中部和东北地区划分方法》2011-06-13",
)

THREE_BELTS = Grouping(
    id="three_belts",
    name_zh="三大地带（2000年后口径）",
    name_en="Three belts (post-2000 convention)",
    groups={
        "east": _p("11", "12", "13", "21", "31", "32", "33", "35", "37", "44", "46"),
        "central": _p("14", "22", "23", "34", "36", "41", "42", "43"),
        "west": _p("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
    },
    group_names={"east": ("东部", "East"), "central": ("中部", "Central"), "west": ("西部", "West")},
    source="七五计划 (1986) three belts with the 西部大开发 (2000) assignment of 内蒙古 and 广西 to the west",
)

THREE_BELTS_1986 = Grouping(
    id="three_belts_1986",
    name_zh="三大地带（七五计划口径）",
    name_en="Three belts (1986 7th Five-Year Plan)",
    groups={
        "east": _p("11", "12", "13", "21", "31", "32", "33", "35", "37", "44", "45", "46"),
        "central": _p("14", "15", "22", "23", "34", "36", "41", "42", "43"),
        "west": _p("50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
    },
    group_names={"east": ("东部", "East"), "central": ("中部", "Central"), "west": ("西部", "West")},
    source="第七个五年计划 (1986); 重庆 counted in the west since its creation in 1997",
)

GROUPINGS: dict[str, Grouping] = {g.id: g for g in (NBS4, THREE_BELTS, THREE_BELTS_1986)}


def grouping(name: str = "nbs4") -> Grouping:
    """A grouping by id (``"nbs4"``, ``"three_belts"``, ``"three_belts_1986"``)."""
    try:
        return GROUPINGS[name]
    except KeyError:
        raise ParameterError(
            f"The 'grouping' parameter must be one of {', '.join(map(repr, GROUPINGS))}. Got {name!r} instead.",
            zh=f"参数 'grouping' 须为 {'、'.join(map(repr, GROUPINGS))} 之一，收到的是 {name!r}。",
        ) from None


@dataclass(frozen=True)
class StrategicRegion:
    """A national strategic region with its member provinces and, where the plan names them, cities."""

    id: str
    name_zh: str
    name_en: str
    provinces: tuple[str, ...]
    cities: tuple[str, ...] = ()
    note: str = ""
    source: str = ""

    def contains(self, code: str) -> bool:
        """Whether a unit at any level is in the region: a province if listed; a city or county if its
        province is listed and, where the plan names cities of that province, its city is one of them."""
        province = province_of(code)
        if province is None or province not in self.provinces:
            return False
        named = [c for c in self.cities if c[:2] == province[:2]]
        if not named or str(code) == province:
            return True
        return city_of(code) in named


STRATEGIC: dict[str, StrategicRegion] = {
    r.id: r
    for r in (
        StrategicRegion(
            "jingjinji",
            "京津冀",
            "Beijing-Tianjin-Hebei",
            _p("11", "12", "13"),
            source="京津冀协同发展规划纲要 (2015)",
        ),
        StrategicRegion(
            "yangtze_delta",
            "长三角",
            "Yangtze River Delta",
            _p("31", "32", "33", "34"),
            source="长江三角洲区域一体化发展规划纲要 (2019)",
        ),
        StrategicRegion(
            "gba",
            "粤港澳大湾区",
            "Guangdong-Hong Kong-Macao Greater Bay Area",
            _p("44"),
            cities=("440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000"),
            note="Mainland part: nine cities of Guangdong; Hong Kong and Macao are outside mainland analyses.",
            source="粤港澳大湾区发展规划纲要 (2019)",
        ),
        StrategicRegion(
            "chengyu",
            "成渝地区双城经济圈",
            "Chengdu-Chongqing Economic Circle",
            _p("50", "51"),
            cities=(
                "500000",
                "510100",
                "510300",
                "510500",
                "510600",
                "510700",
                "510900",
                "511000",
                "511100",
                "511300",
                "511400",
                "511500",
                "511600",
                "511700",
                "511800",
                "512000",
            ),
            note="绵阳, 达州 and 雅安 are included only in part and 重庆 only its 27 districts plus parts of 开州 "
            "and 云阳 in the plan; whole units are listed here.",
            source="成渝地区双城经济圈建设规划纲要 (2021)",
        ),
        StrategicRegion(
            "yangtze_belt",
            "长江经济带",
            "Yangtze River Economic Belt",
            _p("31", "32", "33", "34", "36", "42", "43", "50", "51", "52", "53"),
            source="长江经济带发展规划纲要 (2016)",
        ),
        StrategicRegion(
            "yellow_river",
            "黄河流域",
            "Yellow River Basin",
            _p("63", "51", "62", "64", "15", "14", "61", "41", "37"),
            source="黄河流域生态保护和高质量发展规划纲要 (2021)",
        ),
    )
}


def city_of(code: str) -> str | None:
    """City-level adcode a unit belongs to (itself for a city; a municipality's province code for its units,
    as city tables write them: 110105 → 110000, 500101 → 500000); ``None`` for provinces and non-codes."""
    from yindi.regions.registry import registry
    from yindi.regions.units import CITY_CODE_MUNICIPALITY, MUNICIPALITY_CITY_CODE, historical

    text = str(code).strip().split(":", 1)[0]
    reg = registry()
    if text in MUNICIPALITY_CITY_CODE:
        return text
    if text in reg:
        unit = reg.get(text)
        if unit.level == "province":
            return None
        city = text if unit.level == "city" else (unit.parent or "")
        return CITY_CODE_MUNICIPALITY.get(city, city) or None
    past = historical(text)
    if past is not None:
        return text if past.level == "city" else past.parent
    if len(text) == 6 and text.isdigit():
        return text[:4] + "00"
    return None


def strategic_region(name: str) -> StrategicRegion:
    """A strategic region by id, Chinese or English name ("京津冀", "jingjinji", "Yangtze River Delta")."""
    key = normalise_key(name)
    for r in STRATEGIC.values():
        if key in {normalise_key(r.id), normalise_key(r.name_zh), normalise_key(r.name_en)}:
            return r
    if key in {normalise_key("长三角地区"), normalise_key("长江三角洲")}:
        return STRATEGIC["yangtze_delta"]
    if key in {normalise_key("成渝"), normalise_key("大湾区")}:
        return STRATEGIC["chengyu" if "成渝" in name else "gba"]
    names = ", ".join(f"{r.name_zh} ({r.id})" for r in STRATEGIC.values())
    raise ParameterError(
        f"Unknown strategic region {name!r}. Known: {names}.",
        zh=f"未知的战略区域 {name!r}。可用的有："
        f"{'、'.join(f'{r.name_zh}（{r.id}）' for r in STRATEGIC.values())}。",
    )
