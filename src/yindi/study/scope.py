"""The analysis set (level, within, exclude) and what every node receives (:class:`Scope`).

分析单元集合：层级（省、市、县）、范围（某地区之内）与排除的地区；以及每个节点收到的输入。
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from yindi._typing import Lang, Level
from yindi.errors import ParameterError

if TYPE_CHECKING:
    from yindi.data.panel import Panel


def analysis_codes(level: Level, within: str | None = None, exclude: Sequence[str] = ()) -> tuple[str, ...]:
    """Adcodes of the mainland units of ``level`` inside ``within`` (any name or adcode; ``None``: the whole
    mainland), minus the ``exclude`` regions and every unit inside them. Sorted by adcode."""
    from yindi.regions import registry

    reg = registry()
    anchor = None if within is None else reg.resolve(within).adcode
    if anchor is not None and reg.get(anchor).level == level:
        raise ParameterError(
            f"within={within!r} is itself a {level}; give the region whose {level} units to analyse "
            f"(e.g. level='city', within='广东').",
            zh=f"within={within!r} 本身就是{level}级单元；应给出其下级单元所属的地区（例如 level='city', within='广东'）。",
        )
    dropped = {reg.resolve(x).adcode for x in exclude}

    def inside(code: str, target: str) -> bool:
        seen: str | None = code
        while seen is not None:
            if seen == target:
                return True
            parent = reg.get(seen).parent
            seen = parent if parent != seen else None
        return False

    codes = [
        r.adcode
        for r in reg.at_level(level)
        if (anchor is None or inside(r.adcode, anchor)) and not any(inside(r.adcode, d) for d in dropped)
    ]
    if not codes:
        raise ParameterError(
            f"No {level} units are left in the analysis set (within={within!r}, exclude={list(exclude)}).",
            zh=f"分析范围内没有{level}级单元（within={within!r}，exclude={list(exclude)}）。",
        )
    return tuple(sorted(codes))


@dataclass(frozen=True)
class Scope:
    """What every node receives besides its options and inputs.

    Attributes
    ----------
    panel : Panel
        The data of the analysed units only (no national totals, no units outside the analysis set).
    full : Panel
        Everything imported (indicator metadata, national totals).
    codes : tuple of str
        The analysed units (adcodes), whether or not the data cover them.
    level : {"province", "city", "county"}
    year : int
        The report year.
    seed : int
    lang : {"zh", "en"}
    data : str
        The data source (a pack folder may hold side files, e.g. the CEADs electricity file).
    """

    panel: Panel
    full: Panel
    codes: tuple[str, ...]
    level: Level
    year: int
    seed: int
    lang: Lang
    data: str

    def tr(self, zh: str, en: str) -> str:
        """Pick the text for the study's language."""
        return en if self.lang == "en" else zh

    def region_name(self, code: str) -> str:
        from yindi.regions import registry

        if code == "100000":
            return self.tr("全国", "China")
        return registry().get(code).name(self.lang)

    @property
    def unit_word(self) -> str:
        """ "省份"/"城市"/"县" or "provinces"/"cities"/"counties", for prose."""
        zh = {"province": "省份", "city": "城市", "county": "县区"}[self.level]
        en = {"province": "provinces", "city": "cities", "county": "counties"}[self.level]
        return self.tr(zh, en)
