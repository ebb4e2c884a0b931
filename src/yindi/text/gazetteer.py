"""Region names as they appear in Chinese policy text → region codes.

文本中的地区名 → 地区代码：31 个省级单位（全称与简称）、地级单位（全称，及不易与普通词混淆的简称），以及
京津冀、长三角、粤港澳大湾区、成渝、长江经济带、黄河流域和四大区域（东部、中部、西部、东北，含“地区”、
中西部、西部大开发、中部崛起、东北振兴等说法），以及华北、华东、华中、华南、西南、西北。

Names come from :func:`yindi.regions.registry` (provinces and prefecture-level units of the mainland) and from
:data:`yindi.regions.STRATEGIC` / :func:`yindi.regions.grouping` for groups, which stand for their member
provinces. City short names that are also ordinary words (:data:`AMBIGUOUS_SHORT`) are matched only in their
full form (朝阳市, not 朝阳 in 朝阳产业). Matching is done on jieba words (see :mod:`yindi.text.regions_in_text`),
so names inside longer words (长治久安) are not matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

#: City short names that are ordinary words or name something else: matched only with their suffix (市/州 …).
AMBIGUOUS_SHORT: frozenset[str] = frozenset(
    {
        *("朝阳", "大同", "长治", "安康", "白山", "中山", "阿里", "海东", "海西", "海北", "海南", "黄南"),
        *("果洛", "玉树", "东方", "北海", "普洱", "怒江", "黑河", "双河", "白银", "红河", "白沙", "昆玉"),
        *("北屯", "来宾", "兴安", "文山"),
    }
)

#: Other names of strategic regions and macro-regions (name → STRATEGIC id or ``nbs4:<group>``).
GROUP_ALIASES: dict[str, str] = {
    "京津冀": "jingjinji",
    "长三角": "yangtze_delta",
    "长江三角洲": "yangtze_delta",
    "长三角地区": "yangtze_delta",
    "粤港澳大湾区": "gba",
    "大湾区": "gba",
    "成渝": "chengyu",
    "成渝地区": "chengyu",
    "成渝地区双城经济圈": "chengyu",
    "长江经济带": "yangtze_belt",
    "黄河流域": "yellow_river",
    "东部地区": "nbs4:east",
    "中部地区": "nbs4:central",
    "西部地区": "nbs4:west",
    "东北地区": "nbs4:northeast",
    "东部": "nbs4:east",
    "中部": "nbs4:central",
    "西部": "nbs4:west",
    "东北": "nbs4:northeast",
    "中西部": "nbs4:central+west",
    "中西部地区": "nbs4:central+west",
    "西部大开发": "nbs4:west",
    "中部崛起": "nbs4:central",
    "东北振兴": "nbs4:northeast",
    "东部沿海": "nbs4:east",
    "西北": "area:northwest",
    "西北地区": "area:northwest",
    "西南": "area:southwest",
    "西南地区": "area:southwest",
    "华北": "area:north",
    "华北地区": "area:north",
    "华东": "area:east_china",
    "华东地区": "area:east_china",
    "华南": "area:south_china",
    "华南地区": "area:south_china",
    "华中": "area:central_china",
    "华中地区": "area:central_china",
}

#: The customary geographic areas (the six great administrative regions of 1949–1954, with 华中 and 华南 the
#: usual split of 中南): 华北 京津冀晋蒙, 华东 沪苏浙皖闽赣鲁, 华中 豫鄂湘, 华南 粤桂琼, 西南 渝川黔滇藏,
#: 西北 陕甘青宁新 (东北 is the NBS northeast).
AREAS: dict[str, tuple[str, ...]] = {
    "north": ("110000", "120000", "130000", "140000", "150000"),
    "east_china": ("310000", "320000", "330000", "340000", "350000", "360000", "370000"),
    "central_china": ("410000", "420000", "430000"),
    "south_china": ("440000", "450000", "460000"),
    "southwest": ("500000", "510000", "520000", "530000", "540000"),
    "northwest": ("610000", "620000", "630000", "640000", "650000"),
}


@dataclass(frozen=True)
class RegionName:
    """What a surface form names: ``codes`` (province or city adcodes), ``kind`` (province, city or group)
    and, for a group, its id."""

    codes: tuple[str, ...]
    kind: str
    group: str = ""


@cache
def gazetteer(*, cities: bool = True) -> dict[str, RegionName]:
    """Surface form → :class:`RegionName` for every mainland province, prefecture-level unit (``cities=True``)
    and group. Built once per process from the region registry."""
    from yindi.regions import STRATEGIC, grouping, registry

    reg = registry()
    out: dict[str, RegionName] = {}
    if cities:
        shorts: dict[str, list[str]] = {}
        for r in reg.at_level("city"):
            if r.level != "city":  # municipalities appear as provinces below
                continue
            out[r.name_zh] = RegionName((r.adcode,), "city")
            if len(r.short_zh) >= 2 and r.short_zh not in AMBIGUOUS_SHORT:
                shorts.setdefault(r.short_zh, []).append(r.adcode)
        for short, codes in shorts.items():
            if len(codes) == 1 and short not in out:
                out[short] = RegionName((codes[0],), "city")
    for p in reg.provinces():
        out[p.name_zh] = RegionName((p.adcode,), "province")
        out[p.short_zh] = RegionName((p.adcode,), "province")  # a province wins over a same-named city (吉林)
    nbs4 = grouping("nbs4")
    for name, gid in GROUP_ALIASES.items():
        members: tuple[str, ...]
        if gid.startswith("area:"):
            members = AREAS[gid.split(":", 1)[1]]
        elif gid.startswith("nbs4:"):
            members = tuple(c for g in gid.split(":", 1)[1].split("+") for c in nbs4.groups[g])
        else:
            members = STRATEGIC[gid].provinces
        out[name] = RegionName(members, "group", gid)
    return out
