"""Spatial weights for the units of a city or county table, keyed by the codes the table uses.

City tables write the municipalities under their province codes (北京 = 110000) while the boundaries of the
city level are 110100, 120100, 310100 (重庆 500000 at both levels); county tables contain functional zones,
grouping rows and units re-coded since. :func:`unit_weights` builds contiguity or k-nearest-neighbour weights
on the registry's boundaries of ``level``, gives each unit the code the table uses, and reports every unit
that has no boundary at that level (historical units, functional zones, rows without a code) instead of
dropping it silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from yindi._typing import Level
from yindi.errors import DataValidationError, check_option
from yindi.spatial._options import IslandPolicy
from yindi.spatial.weights import Weights

UnitMethod = Literal["queen", "rook", "knn"]
UNIT_METHODS: tuple[UnitMethod, ...] = ("queen", "rook", "knn")


@dataclass(frozen=True)
class UnitWeights:
    """Weights on the units of a table and the units left out.

    Attributes
    ----------
    weights : Weights
        Ids are the table's codes (110000 for 北京 in a city table).
    excluded : tuple of (str, str, str)
        ``(code, reason_zh, reason_en)`` for every unit without a boundary at the level.
    geometry_codes : dict str → str
        Table code → registry code whose boundary was used, where they differ (110000 → 110100).
    """

    weights: Weights
    excluded: tuple[tuple[str, str, str], ...]
    geometry_codes: dict[str, str]

    def report(self, lang: str = "zh") -> str:
        """One line per left-out unit and per re-keyed unit."""
        lines = []
        for code, zh, en in self.excluded:
            lines.append(f"{code}: {zh if lang == 'zh' else en}")
        for table_code, geo in sorted(self.geometry_codes.items()):
            if lang == "zh":
                lines.append(f"{table_code}: 使用区划库城市级单位 {geo} 的边界")
            else:
                lines.append(f"{table_code}: boundary of the registry's city-level unit {geo}")
        return "\n".join(lines)


def geometry_code(code: str, level: Level) -> tuple[str | None, str, str]:
    """The registry code whose boundary stands for ``code`` at ``level``, or ``None`` with the reason."""
    from yindi.regions import registry
    from yindi.regions.units import MUNICIPALITY_CITY_CODE, historical, special_unit

    reg = registry()
    members = {r.adcode for r in reg.at_level(level)}
    text = str(code)
    if level == "city" and text in MUNICIPALITY_CITY_CODE:
        return MUNICIPALITY_CITY_CODE[text], "", ""
    if text in members:
        return text, "", ""
    past = historical(text)
    if past is not None:
        return (
            None,
            past.describe("zh") + "无现行边界。",
            past.describe("en") + " It has no current boundary.",
        )
    special = special_unit(text.split(":", 1)[0] if ":" not in text else None, text.split(":", 1)[-1])
    if special is not None or ":" in text:
        name = text.split(":", 1)[-1]
        return (
            None,
            f"{name} 是功能区、汇总行或无代码单位，没有边界。",
            f"{name} is a functional zone, grouping row or uncoded unit without a boundary.",
        )
    if text in reg:
        unit = reg.get(text)
        return None, f"{unit.name_zh} 不是 {level} 级单位。", f"{unit.name_zh} is not a {level}-level unit."
    return None, f"{text} 不是区划库中的代码。", f"{text} is not a code of the registry."


def unit_weights(
    codes: Iterable[str],
    level: Level,
    method: UnitMethod = "queen",
    *,
    k: int = 6,
    islands: IslandPolicy = "nearest",
) -> UnitWeights:
    """Contiguity (queen/rook) or k-nearest-neighbour weights between the units ``codes`` of a table.

    Parameters
    ----------
    codes : iterable of str
        Codes as the table writes them (a city table's 110000 is 北京's city-level unit).
    level : {"city", "county"} (``"province"`` works too)
    method : {"queen", "rook", "knn"}
    k : int
        Neighbours for ``"knn"``.
    islands : {"keep", "nearest"}
        Contiguity only: link units without a neighbour (海南's cities, island counties) to the nearest unit.

    Returns
    -------
    UnitWeights
        The weights (ids in the table's codes) and the units left out, each with its reason.
    """
    from yindi.spatial.build import contiguity, knn

    check_option("method", method, UNIT_METHODS, where="unit_weights()")
    table = list(dict.fromkeys(str(c) for c in codes))
    geo: dict[str, str] = {}
    excluded: list[tuple[str, str, str]] = []
    for code in table:
        g, zh, en = geometry_code(code, level)
        if g is None:
            excluded.append((code, zh, en))
        else:
            geo[code] = g
    if len(set(geo.values())) != len(geo):
        dup = sorted(c for c in geo if list(geo.values()).count(geo[c]) > 1)
        raise DataValidationError(
            f"unit_weights(): codes {dup} stand for the same boundary; keep one of them.",
            zh=f"unit_weights()：代码 {dup} 对应同一边界，请只保留一个。",
        )
    if len(geo) < 2:
        raise DataValidationError(
            f"unit_weights() needs at least two units with a boundary at level {level!r}; got {len(geo)}.",
            zh=f"unit_weights() 在层级 {level!r} 至少需要两个有边界的单位，实际为 {len(geo)} 个。",
        )
    regions = list(geo.values())
    if method == "knn":
        w = knn(k, level, regions=regions)
    else:
        w = contiguity(level, method, regions=regions, islands=islands)
    back = {g: c for c, g in geo.items()}
    renamed = Weights(
        tuple(back[i] for i in w.ids), w.indptr, w.indices, w.values, w.kind, w.transform,
        tuple((back[a], back[b]) for a, b in w.attached),
    )  # fmt: skip
    return UnitWeights(renamed, tuple(excluded), {c: g for c, g in geo.items() if c != g})


def map_values(
    values: Mapping[str, float], level: Level
) -> tuple[dict[str, float], tuple[tuple[str, str, str], ...]]:
    """Re-key a table's values to the registry codes of ``level`` for maps (``yindi.report.maps.choropleth``):
    北京 110000 in a city table → 110100; units without a boundary (historical units, zones) are returned as
    ``(code, reason_zh, reason_en)`` for the map's note instead of being dropped silently."""
    out: dict[str, float] = {}
    left: list[tuple[str, str, str]] = []
    for code, value in values.items():
        g, zh, en = geometry_code(str(code), level)
        if g is None:
            left.append((str(code), zh, en))
        else:
            out[g] = value
    return out, tuple(left)
