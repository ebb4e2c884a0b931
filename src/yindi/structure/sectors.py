"""Structure from the three sectors (primary, secondary, tertiary value added) of a city panel.

:func:`sector_table` turns ``va_primary``, ``va_secondary`` and ``va_tertiary`` of a panel (the city pack
``../shared/data/cn-cities``) into an :class:`~yindi.structure.table.ActivityTable` for
:func:`yindi.structure.specialisation` (LQ, specialisation, similarity of cities). City-years without all three
values are left out and listed; nothing is filled. Run :func:`yindi.data.checks.check_panel` first: the pack has
city-years whose sector values do not add up to GDP (Guangdong 2009–2014) and swapped rows (Heilongjiang 2011).

三次产业结构（城市）：第一、二、三产业增加值。
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from yindi.data.panel import Panel
from yindi.errors import MissingDataError
from yindi.structure.table import ActivityTable

#: Indicator id → (中文, English) of the three sectors.
SECTORS: dict[str, tuple[str, str]] = {
    "va_primary": ("第一产业", "Primary industry"),
    "va_secondary": ("第二产业", "Secondary industry"),
    "va_tertiary": ("第三产业", "Tertiary industry"),
}


def sector_table(
    panel: Panel,
    *,
    years: Iterable[int] | None = None,
    regions: Iterable[str] | None = None,
    lang: str = "zh",
) -> ActivityTable:
    """City × three-sector value-added table for the given years (all years with sector data by default).

    Only cities with all three sectors in every chosen year are kept (a rectangular table); the others are
    listed in ``excluded`` with the missing years. The national row (100000) is never a region.
    """
    f = panel.frame[panel.frame["indicator"].isin(list(SECTORS))]
    f = f[f["region_code"] != "100000"]
    if regions is not None:
        f = f[f["region_code"].isin([str(r) for r in regions])]
    chosen = sorted(f["year"].unique()) if years is None else sorted(int(y) for y in years)
    f = f[f["year"].isin(chosen)]
    cube = f.pivot_table(index=["region_code", "year"], columns="indicator", values="value", aggfunc="first")
    cube = cube.reindex(columns=list(SECTORS))
    codes = sorted(f["region_code"].unique())
    full = cube.reindex(pd.MultiIndex.from_product([codes, chosen], names=["region_code", "year"]))
    incomplete = full.isna().any(axis=1).groupby(level="region_code").any()
    excluded = []
    for code in incomplete.index[incomplete]:
        gap_years = full.loc[code][full.loc[code].isna().any(axis=1)].index.tolist()
        excluded.append(
            ("region", code, f"sector values missing in {gap_years[:5]}{' …' if len(gap_years) > 5 else ''}")
        )
    keep = [c for c in codes if not incomplete[c]]
    if not keep:
        raise MissingDataError(
            "sector_table(): no city has all three sectors in the years chosen.",
            zh="sector_table()：所选年份没有任何城市三次产业数据齐全。",
        )
    values = np.stack([full.loc[keep].xs(y, level="year").to_numpy(dtype=np.float64) for y in chosen])
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    idx = 0 if lang == "zh" else 1
    return ActivityTable(
        periods=tuple(int(y) for y in chosen),
        regions=tuple(keep),
        activities=tuple(SECTORS[s][idx] for s in SECTORS),
        values=values,
        region_names={c: str(names.get(c, c)) for c in keep},
        measure="value added (亿元), as first published",
        excluded=pd.DataFrame(excluded, columns=["kind", "label", "reason"]),
        notes=(f"{len(excluded)} city(ies) without all three sectors in {chosen[0]}–{chosen[-1]} left out",),
        source="; ".join(panel.sources),
    )
