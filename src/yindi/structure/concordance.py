"""Classifications shipped as data: CEADs sectors → GB/T 4754-2017 divisions, and source 003's tiers.

行业对照：CEADs 47 部门 → GB/T 4754-2017 大类；来源 003 注①的制造业四档（初级加工、低端、中端、高端）。

Both tables live in ``yindi/structure/data/`` as CSV so that a reviewer can read and correct them without
touching code. :func:`tier_shares` computes each region's tier shares and their change since the first period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from io import StringIO
from typing import Literal

import pandas as pd

from yindi.errors import DataValidationError
from yindi.structure.table import ActivityTable

__all__ = [
    "TIERS",
    "TIER_NAMES",
    "ceads_concordance",
    "manufacturing_tiers",
    "sector_tiers",
    "tier_shares",
]

Tier = Literal["primary", "low", "mid", "high"]
#: Tier ids in order, from source 003 note ①.
TIERS: tuple[Tier, ...] = ("primary", "low", "mid", "high")
#: Chinese and English tier names; "mixed" marks a sector whose divisions fall in two tiers.
TIER_NAMES: dict[str, tuple[str, str]] = {
    "primary": ("初级加工业", "primary processing"),
    "low": ("低端制造业", "low-end manufacturing"),
    "mid": ("中端制造业", "mid-end manufacturing"),
    "high": ("高端制造业", "high-end manufacturing"),
    "mixed": ("跨档（无法拆分）", "mixed (cannot be split)"),
}


def _read(name: str) -> pd.DataFrame:
    text = resources.files("yindi.structure").joinpath("data", name).read_text(encoding="utf-8")
    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)


@cache
def _tiers() -> pd.DataFrame:
    return _read("gbt4754_tiers_003.csv")


@cache
def _concordance() -> pd.DataFrame:
    return _read("ceads_gbt4754.csv")


def manufacturing_tiers() -> pd.DataFrame:
    """Source 003 note ①: GB/T 4754-2017 divisions 06–46 and their tier.

    Returns
    -------
    DataFrame
        ``division`` (2-digit string), ``name_zh``, ``tier`` (primary / low / mid / high); 41 rows.

    Notes
    -----
    Primary processing (初级加工业) is mining 06–12 and utilities 44–46; low-end 13–25; mid-end 29–33, 37,
    41–43; high-end 26–28, 34–36, 38–40 (李国平、冯雨雪, note ①).
    """
    return _tiers().copy()


def ceads_concordance() -> pd.DataFrame:
    """CEADs inventory sectors → GB/T 4754-2017 divisions, with each sector's tier.

    Returns
    -------
    DataFrame
        ``sector`` (as spelt by CEADs), ``name_zh``, ``kind`` (industry / aggregate / household),
        ``divisions`` (``;``-separated 2-digit codes, empty when no single list applies), ``tier`` (a tier id,
        ``"mixed"`` when the divisions span two tiers, empty outside divisions 06–46), ``note``.
    """
    out = _concordance().copy()
    out["tier"] = [_tier_of(d.split(";") if d else []) for d in out["divisions"]]
    return out


@cache
def _tier_lookup() -> dict[str, str]:
    """Division → tier (read-only: shared by every call)."""
    return dict(zip(_tiers()["division"], _tiers()["tier"], strict=True))


def _tier_of(divisions: Sequence[str]) -> str:
    lookup = _tier_lookup()
    tiers = {lookup[d] for d in divisions if d in lookup}
    if not tiers:
        return ""
    return tiers.pop() if len(tiers) == 1 else "mixed"


def sector_tiers(activity_divisions: Mapping[str, Sequence[str]] | None = None) -> dict[str, str]:
    """Activity → tier; from ``activity_divisions`` if given, else from the CEADs concordance.

    Activities outside divisions 06–46 are absent from the result.
    """
    if activity_divisions is None:
        c = ceads_concordance()
        return {s: t for s, t in zip(c["sector"], c["tier"], strict=True) if t}
    out = {}
    for act, divs in activity_divisions.items():
        tier = _tier_of([str(d).zfill(2) for d in divs])
        if tier:
            out[act] = tier
    return out


def tier_shares(
    table: ActivityTable, *, activity_divisions: Mapping[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """Each region's share of each manufacturing tier (source 003 note ①) and its change since the first period.

    Parameters
    ----------
    table : ActivityTable
    activity_divisions : mapping, optional
        Activity → GB/T 4754-2017 division codes. Default: activities named as 2-digit division codes map to
        themselves, otherwise the CEADs concordance is used.

    Returns
    -------
    DataFrame
        ``period, region_code, region, tier, value, share, change`` where ``share`` is the tier's share of
        the region's tiered total (divisions 06–46) and ``change`` is ``share`` minus the region's share in
        the table's first period (percentage points as fractions). Tier ``"mixed"`` appears when an activity
        spans two tiers (CEADs' Transportation Equipment = 汽车 36 high + 其他运输设备 37 mid).
        ``.attrs["notes"]`` holds the table's notes (e.g. the electricity-proxy caveat).

    Raises
    ------
    DataValidationError
        No activity of the table falls in divisions 06–46.
    """
    acts = table.activities
    if activity_divisions is None and all(a.isdigit() and len(a) == 2 for a in acts):
        activity_divisions = {a: [a] for a in acts}
    mapping = sector_tiers(activity_divisions)
    used = {a: mapping[a] for a in acts if a in mapping}
    if not used:
        raise DataValidationError(
            "tier_shares(): no activity of the table maps to GB/T 4754 divisions 06–46. Name activities by "
            "division code ('13', '26', …) or pass activity_divisions={activity: [division, …]}.",
            zh="tier_shares()：表中没有任何产业对应到 GB/T 4754 的 06–46 大类。"
            "请以大类代码命名产业（'13'、'26'、…），"
            "或传入 activity_divisions={activity: [division, …]}。",
        )
    f = table.frame[table.frame["activity"].isin(used)].copy()
    f["tier"] = f["activity"].map(used)
    g = f.groupby(["period", "region_code", "region", "tier"])["value"].sum().reset_index()
    tot = g.groupby(["period", "region_code"])["value"].transform("sum")
    g["share"] = (g["value"] / tot).where(tot > 0)
    first = g[g["period"] == g["period"].min()].set_index(["region_code", "tier"])["share"]
    g["change"] = g["share"] - pd.Series(
        first.reindex(pd.MultiIndex.from_arrays([g["region_code"], g["tier"]])).to_numpy(), index=g.index
    )
    order = {t: i for i, t in enumerate((*TIERS, "mixed"))}
    g["_o"] = g["tier"].map(order)
    out = g.sort_values(["period", "region_code", "_o"]).drop(columns="_o").reset_index(drop=True)
    out.attrs["notes"] = table.all_notes()  # the proxy caveat travels with the table
    return out
