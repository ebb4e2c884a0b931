"""Uncertainty and sensitivity of an index result: Monte Carlo rank intervals, leave-one-indicator-out,
and the spread of ranks across weighting methods and normalisations (model layer)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.errors import ParameterError
from yindi.index.montecarlo import dirichlet_weights, rank_distribution
from yindi.index.normalize import minmax, vector, zscore
from yindi.index.result import IndexResult, _region_name


def _fit_again(result: IndexResult, raw: pd.DataFrame, **changes: Any) -> IndexResult:
    from yindi.index.evaluate import fit_index

    o = {**result.options, **changes}
    keys = (
        "weighting",
        "aggregation",
        "scope",
        "normalization",
        "missing",
        "weights",
        "ahp_matrix",
        "entropy_shift",
    )
    kw = {k: o[k] for k in keys if k in o}
    preset = changes.pop("preset", result.preset)
    return fit_index(raw, preset, **kw)


def _normalized_all(result: IndexResult, year: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Rows of ``year`` in the normalisation the aggregation uses, and the TOPSIS bounds of their block."""
    o = result.options
    d = result.preset.directions
    raw = result.raw if o["scope"] == "panel" else result.raw.xs(year, level="year", drop_level=False)
    X = raw.to_numpy(dtype=float)
    norm = o["normalization"]
    R = vector(X, d) if norm == "vector" else zscore(X, d) if norm == "zscore" else minmax(X, d)
    rows = raw.index.get_level_values("year") == year
    return R[rows], R.max(axis=0), R.min(axis=0)


def rank_intervals(
    result: IndexResult,
    *,
    year: int | None = None,
    draws: int = 2000,
    concentration: float = 100.0,
    seed: int = 0,
    top_k: int = 5,
    interval: tuple[float, float] = (0.05, 0.95),
) -> pd.DataFrame:
    """Rank interval of each region under Dirichlet draws of the weights around the result's weights.

    Parameters
    ----------
    year : int, optional
        Year whose ranks are perturbed (default the last). Scores and ideal points use the result's scope, so
        for ``scope="panel"`` the region-years of other years still fix the normalisation and TOPSIS ideals.
    draws : int, default 2000
    concentration : float, default 100
        Dirichlet concentration c: :math:`W \\sim Dir(c\\,w)`, so :math:`sd(W_j) = \\sqrt{w_j(1-w_j)/(c+1)}`
        (c = 100: a weight of 0.10 varies with sd ≈ 0.03).
    seed : int, default 0
    top_k : int, default 5
    interval : (float, float), default (0.05, 0.95)

    Returns
    -------
    DataFrame
        ``region_code, region, year, rank, rank_low, rank_median, rank_high, top_k_share``, sorted by rank.
    """
    from yindi import limits

    limits.check("max_draws", draws, "rank_intervals()", what="Monte Carlo draws", what_zh="蒙特卡洛抽样次数")
    o = result.options
    if o["aggregation"] == "grey":
        raise ParameterError(
            "rank_intervals() supports aggregation 'topsis' or 'weighted_sum', not 'grey'.",
            zh="rank_intervals() 只支持 aggregation 'topsis' 或 'weighted_sum'，不支持 'grey'。",
        )
    y = result.years[-1] if year is None else int(year)
    if y not in result.years:
        raise ParameterError(
            f"rank_intervals(): year {y} is not in the result ({result.years[0]}–{result.years[-1]}).",
            zh=f"rank_intervals()：{y} 年不在结果中（{result.years[0]}–{result.years[-1]}）。",
        )
    R, hi, lo = _normalized_all(result, y)
    W = dirichlet_weights(result.weight_vector(y), draws, concentration=concentration, seed=seed)
    dist = rank_distribution(
        R,
        W,
        aggregation=o["aggregation"],
        q_low=interval[0],
        q_high=interval[1],
        top_k=top_k,
        bounds=(hi, lo),
    )
    base = result.scores.xs(y, level="year")
    codes = [str(c) for c in base.index]
    out = pd.DataFrame(
        {
            "region_code": codes,
            "region": [_region_name(c, "zh") for c in codes],
            "year": y,
            "rank": base["rank"].to_numpy(),
            "rank_low": dist.low,
            "rank_median": dist.median,
            "rank_high": dist.high,
            f"top{top_k}_share": dist.top_share,
        }
    )
    return out.sort_values("rank", kind="stable").reset_index(drop=True)


def leave_one_out(result: IndexResult, *, year: int | None = None) -> pd.DataFrame:
    """Ranks when each indicator in turn is left out (weights re-derived by the same method).

    Returns
    -------
    DataFrame
        Index region_code; columns ``rank`` (all indicators), one column per left-out indicator (the rank
        without it), and ``max_shift`` (largest absolute rank change).
    """
    y = result.years[-1] if year is None else int(year)
    base = result.scores.xs(y, level="year")["rank"]
    out = pd.DataFrame({"rank": base})
    for ind in result.preset.indicator_ids:
        keep = [i for i in result.preset.indicators if i.id != ind]
        dims = tuple(d for d in result.preset.dimensions if any(i.dimension == d.id for i in keep))
        preset = replace(result.preset, indicators=tuple(keep), dimensions=dims)
        changes: dict[str, Any] = {"preset": preset}
        if result.options.get("ahp_matrix") is not None:
            j = result.preset.indicator_ids.index(ind)
            A = np.delete(np.delete(np.asarray(result.options["ahp_matrix"], dtype=float), j, 0), j, 1)
            changes["ahp_matrix"] = A
        res = _fit_again(result, result.raw.drop(columns=ind), **changes)
        out[ind] = res.scores.xs(y, level="year")["rank"]
    out["max_shift"] = out.drop(columns="rank").sub(out["rank"], axis=0).abs().max(axis=1)
    return out


def method_sensitivity(result: IndexResult, *, year: int | None = None, top_k: int = 5) -> pd.DataFrame:
    """Ranks of ``year`` under each objective weighting (entropy, CRITIC, CV, PCA, equal) and, for TOPSIS,
    both normalisations; columns ``weighting/normalization`` plus ``rank``, ``rank_min``, ``rank_max`` and
    ``top{k}_share`` (share of the method combinations that put the region in the top ``top_k``)."""
    y = result.years[-1] if year is None else int(year)
    norms = (
        ("minmax", "vector")
        if result.options["aggregation"] == "topsis"
        else (result.options["normalization"],)
    )
    base = result.scores.xs(y, level="year")["rank"]
    out = pd.DataFrame({"rank": base})
    for wgt in ("entropy", "critic", "cv", "pca", "equal"):
        for norm in norms:
            res = _fit_again(result, result.raw, weighting=wgt, normalization=norm)
            out[f"{wgt}/{norm}"] = res.scores.xs(y, level="year")["rank"]
    ranks = out.drop(columns="rank")
    out["rank_min"] = ranks.min(axis=1)
    out["rank_max"] = ranks.max(axis=1)
    out[f"top{top_k}_share"] = (ranks <= top_k).mean(axis=1)
    return out
