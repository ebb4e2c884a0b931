"""Opportunity view: for each region and each activity it does not yet have, feasibility × attractiveness.

机会视图：对每个地区尚未具备比较优势的行业，可行性（关联密度）× 吸引力（PCI / COG / 全国增速）。
This is the table the layout recommendations read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from yindi.errors import ParameterError, check_option
from yindi.structure.complexity import ComplexityResult

__all__ = ["ATTRACTIVENESS", "national_growth", "opportunities"]

ATTRACTIVENESS = ("pci", "cog", "growth")


def _scale01(v: pd.Series) -> pd.Series:
    lo, hi = v.min(), v.max()
    if not np.isfinite(lo) or hi == lo:
        return pd.Series(0.5, index=v.index)
    out: pd.Series = (v - lo) / (hi - lo)
    return out


def opportunities(
    result: ComplexityResult,
    *,
    period: int | None = None,
    attractiveness: str = "pci",
    growth: pd.DataFrame | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Rank each region's absent activities (``M = 0``) by feasibility × attractiveness.

    Parameters
    ----------
    result : ComplexityResult
    period : int, optional
        Default: the last period.
    attractiveness : {"pci", "cog", "growth"}
        What makes an activity worth entering: its complexity (PCI), the region's outlook gain (COG), or the
        activity's national growth (needs ``growth``).
    growth : DataFrame, optional
        Columns ``activity, growth`` (e.g. the annual growth of the national total); required for
        ``attractiveness="growth"`` and shown as a column whenever given.
    top : int, optional
        Keep each region's ``top`` best opportunities.

    Returns
    -------
    DataFrame
        ``period, region_code, region, activity, density, pci, cog, [growth,] feasibility, attractiveness,
        score, rank``; ``.attrs["notes"]`` holds the result's notes. ``feasibility`` is the density ω (in
        [0, 1]); ``attractiveness`` is the chosen measure rescaled to [0, 1] over the activities of the period
        (min–max); ``score = feasibility × attractiveness``; ``rank`` 1 = best within the region.

    Notes
    -----
    Density measures how many related capabilities a region already has (Hidalgo et al. 2007); a high-density,
    high-PCI activity is a "low-hanging, high-value" diversification (Hausmann et al. 2014, ch. 5). The product
    of two rescaled axes is one transparent choice among many; both axes are kept in the table.
    """
    check_option("attractiveness", attractiveness, ATTRACTIVENESS, where="opportunities()")
    if top is not None and top < 1:
        raise ParameterError(
            f"The 'top' parameter of opportunities() must be ≥ 1. Got {top!r} instead.",
            zh=f"opportunities() 的参数 'top' 须 ≥ 1，收到的是 {top!r}。",
        )
    p = result.periods[-1] if period is None else period
    if p not in result.periods:
        raise ParameterError(
            f"opportunities(): period {p} is not in the result; it has {list(result.periods)}.",
            zh=f"opportunities()：结果中没有时期 {p}；现有时期：{list(result.periods)}。",
        )
    cells = result.cells[(result.cells["period"] == p) & (result.cells["m"] == 0)]
    pci = result.activities[result.activities["period"] == p].set_index("activity")["pci"]
    out = cells[["period", "region_code", "region", "activity", "density", "cog"]].copy()
    out.insert(5, "pci", out["activity"].map(pci).to_numpy())
    if growth is not None:
        if not {"activity", "growth"} <= set(growth.columns):
            raise ParameterError(
                "opportunities(): growth must have columns 'activity' and 'growth'.",
                zh="opportunities()：growth 须有 'activity' 和 'growth' 两列。",
            )
        out["growth"] = out["activity"].map(growth.set_index("activity")["growth"]).to_numpy()
    elif attractiveness == "growth":
        raise ParameterError(
            "opportunities(): attractiveness='growth' needs growth=DataFrame(activity, growth).",
            zh="opportunities()：attractiveness='growth' 需要 growth=DataFrame(activity, growth)。",
        )
    out["feasibility"] = out["density"]
    if attractiveness == "cog":
        out["attractiveness"] = _scale01(out["cog"])
    else:
        by_act = pci if attractiveness == "pci" else growth.set_index("activity")["growth"]  # type: ignore[union-attr]
        out["attractiveness"] = out["activity"].map(_scale01(by_act)).to_numpy()
    out["score"] = out["feasibility"] * out["attractiveness"]
    out = out.sort_values(["region_code", "score"], ascending=[True, False], kind="stable")
    out["rank"] = out.groupby("region_code").cumcount() + 1
    if top is not None:
        out = out[out["rank"] <= top]
    out = out.reset_index(drop=True)
    out.attrs["notes"] = result.notes  # the proxy caveat and every policy travel with the table
    return out


def national_growth(result_table: pd.DataFrame) -> pd.DataFrame:
    """Annual growth of each activity's national total between the first and last period of a tidy table.

    ``result_table`` has columns ``period, activity, value`` (e.g. ``ActivityTable.frame``); returns
    ``activity, growth`` with ``growth = (V_last / V_first)^(1/(t_last − t_first)) − 1`` (NaN if V_first = 0).
    """
    tot = result_table.groupby(["activity", "period"])["value"].sum().unstack("period")
    t0, t1 = int(tot.columns.min()), int(tot.columns.max())
    if t1 == t0:
        raise ParameterError(
            "national_growth(): the table has a single period; growth needs two or more.",
            zh="national_growth()：表中只有一个时期，计算增长至少需要两个时期。",
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        g = (tot[t1] / tot[t0]) ** (1.0 / (t1 - t0)) - 1.0
    g = g.where(tot[t0] > 0)
    return pd.DataFrame({"activity": g.index.astype(str), "growth": g.to_numpy()})
