"""Node 'sectors': structure from the three sectors (shares of value added, their shift over time).

三次产业结构：各地区第一、二、三产业增加值占比、与若干年前相比的变动，以及三产之和与 GDP 不符的地区-年份。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.study.result import NodeResult
from yindi.study.scope import Scope

#: The three sectors and the share measure each gives.
SECTOR_SHARES: dict[str, str] = {
    "va_primary": "primary_share",
    "va_secondary": "secondary_share",
    "va_tertiary": "tertiary_share",
}


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``shares`` (result schema: ``primary_share``, ``secondary_share``, ``tertiary_share`` in % of the
    three sectors' sum, every unit-year up to the report year with all three), ``shift`` (one row per unit: the
    shares in the base year (``*_base``) and the report year, their change in percentage points and the tertiary/secondary
    ratio), ``gaps`` (unit-years whose sector sum differs from ``gdp`` by more than the tolerance); meta
    ``year``, ``base_year``, ``n_units``, ``left_out`` (units without all three sectors in both years),
    ``n_gaps``, ``tolerance``. ``None`` when the data lack the three sectors."""
    from yindi.schema import tidy

    panel = scope.panel
    if not all(s in panel.indicators for s in SECTOR_SHARES):
        return None
    opt = options["structure"]
    wide = panel.wide([*SECTOR_SHARES, *(["gdp"] if "gdp" in panel.indicators else [])])
    wide = wide[wide.index.get_level_values("year") <= scope.year]
    sectors = wide[list(SECTOR_SHARES)].dropna()
    sectors = sectors[(sectors >= 0).all(axis=1) & (sectors.sum(axis=1) > 0)]
    if sectors.empty:
        return None
    total = sectors.sum(axis=1)
    shares = sectors.div(total, axis=0).mul(100.0).rename(columns=SECTOR_SHARES)
    years = sorted({int(y) for y in shares.index.get_level_values("year")})
    year = years[-1]
    target = year - int(opt["sector_shift_years"])
    base = max((y for y in years if y <= target), default=years[0])
    at = shares.xs(year, level="year")
    before = shares.xs(base, level="year")
    both = sorted(set(at.index) & set(before.index))
    shift = pd.DataFrame({"region_code": both, "region": [scope.region_name(c) for c in both]})
    for col in SECTOR_SHARES.values():
        shift[f"{col}_base"] = before.loc[both, col].to_numpy()
        shift[col] = at.loc[both, col].to_numpy()
        shift[f"{col}_change"] = shift[col] - shift[f"{col}_base"]
    shift["ts_ratio"] = shift["tertiary_share"] / shift["secondary_share"].where(shift["secondary_share"] > 0)
    shift = shift.sort_values("tertiary_share", ascending=False).reset_index(drop=True)
    long = shares.reset_index().melt(id_vars=["region_code", "year"], var_name="measure", value_name="value")
    tol = float(opt["sector_sum_tolerance"])
    gaps = pd.DataFrame(columns=["region_code", "region", "year", "sector_sum", "gdp", "gap"])
    if "gdp" in wide.columns:
        g = wide.loc[sectors.index, "gdp"]
        rel = (total - g) / g.where(g > 0)
        hit = rel[rel.abs() > tol].dropna()
        if len(hit):
            idx = hit.index
            gaps = pd.DataFrame(
                {
                    "region_code": [str(c) for c, _ in idx],
                    "region": [scope.region_name(str(c)) for c, _ in idx],
                    "year": [int(y) for _, y in idx],
                    "sector_sum": total.loc[idx].to_numpy(),
                    "gdp": g.loc[idx].to_numpy(),
                    "gap": hit.to_numpy(),
                }
            )
    covered = [c for c in scope.codes if c in set(panel.region_codes)]
    meta = {
        "year": year,
        "base_year": base,
        "n_units": len(both),
        "left_out": [c for c in covered if c not in set(both)],
        "n_gaps": len(gaps),
        "tolerance": tol,
    }
    tables = {"shares": tidy(long, lang=scope.lang), "shift": shift, "gaps": gaps}
    return NodeResult("sectors", tables, meta)
