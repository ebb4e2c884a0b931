"""Numerical kernels of the lay-out layer: pure NumPy on region × industry arrays (no pandas, no I/O).

布局分析的数值内核：地区 × 产业数组上的纯 NumPy 函数。Shapes: ``R`` regions, ``I`` industries, ``S`` evidence
sources, ``K`` reason codes. Missing values are NaN and stay NaN (never zero).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._typing import BoolArray, FloatArray

__all__ = [
    "REASON_CODES",
    "DecisionArrays",
    "Thresholds",
    "aggregate_lq",
    "column_quantile",
    "combine",
    "decide",
    "hhi",
    "jaccard",
    "percentile_rank",
    "sorted_quantile",
    "symmetric",
]

#: Integer decision codes: index into ``yindi.plan._options.DECISIONS``; -1 = insufficient data.
UPGRADE, GROW, PREPOSITION, APPLY, AVOID, MONITOR, INSUFFICIENT = 0, 1, 2, 3, 4, 5, -1
TRADITIONAL, EMERGING, FUTURE = 0, 1, 2

#: Reason codes, in the order of the first axis of ``DecisionArrays.reasons``.
REASON_CODES: tuple[str, ...] = (
    "strong_base",  # 0 capability ≥ base threshold
    "no_base",  # 1 capability < base threshold
    "high_relatedness",  # 2 density ≥ grow quantile
    "low_relatedness",  # 3 density < low quantile of the industry and < the region's own median density
    "insufficient_relatedness",  # 4 low quantile ≤ density < grow quantile
    "research_strong",  # 5 rd ≥ strong
    "research_middle",  # 6 middle ≤ rd < strong
    "no_research_base",  # 7 rd < middle
    "green_retrofit",  # 8 upgrade of an energy-intensive industry or in a carbon-constrained region
    "carbon_constraint",  # 9 energy-intensive industry, carbon-constrained region, no base
    "application_scenarios",  # 10 enabling technology, market ≥ quantile
    "research_region_low_tier",  # 11 research-strong region, low/primary-tier industry without base
    "transfer_fit",  # 12 traditional grow by taking over an industry (003 §3.2)
    "strong_base_for_frontier",  # 13 research-middle region with a strong base for a future industry
    "missing_evidence",  # 14 the decisive evidence is missing
    "base_below_frontier",  # 15 research-middle region, future industry, capability < strong base
    "adequate_relatedness",  # 16 density ≥ low quantile (research-strong region pre-positions without a base)
    "energy_endowment",  # 17 energy-endowed industry in an energy-rich region (001 §2.1 东技西能)
    "coarse_evidence_only",  # 18 capability ≥ base only from sources that cannot tell divisions apart
    "near_base",  # 19 base − margin ≤ capability < base: not ruled out (monitor), except a carbon constraint
)


def symmetric(x: FloatArray) -> FloatArray:
    """Map an LQ / RCA in [0, ∞) to [0, 1): ``x / (1 + x)`` (= (SRCA + 1) / 2 of Dalum et al. 1998); LQ 1 → 0.5."""
    with np.errstate(invalid="ignore"):
        out: FloatArray = x / (1.0 + x)
    return out


def aggregate_lq(x: FloatArray, link: FloatArray, row_total: FloatArray | None = None) -> FloatArray:
    """Location quotient of aggregated activities.

    ``y = x @ link`` (R × I) sums the activities linked to each industry; ``LQ_ri = (y_ri / T_r) / (Σ_r y_ri /
    Σ_r T_r)`` with ``T_r`` the region's total (default ``x.sum(1)``, so that activities linked to two
    industries are not counted twice in the denominator). NaN where ``T_r`` is 0 or NaN, or the industry's
    national total is 0.
    """
    y = x @ link
    t = x.sum(axis=1) if row_total is None else row_total
    with np.errstate(divide="ignore", invalid="ignore"):
        share = y / t[:, None]
        national = np.nansum(y, axis=0) / np.nansum(t)
        out: FloatArray = share / national[None, :]
    out[:, national == 0] = np.nan
    out[~(t > 0)] = np.nan
    return out


def combine(stack: FloatArray, weights: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Weighted mean over sources ignoring missing ones: ``(S, R, I), (S,) → (R, I)`` and the weight used.

    ``c = Σ_s w_s v_s / Σ_{s: v_s present} w_s``; NaN where no source is present (or all present weights are 0).
    """
    present = np.isfinite(stack)
    w = np.where(present, weights[:, None, None], 0.0)
    used = w.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out: FloatArray = (np.where(present, stack, 0.0) * w).sum(axis=0) / used
    out[used == 0] = np.nan
    return out, used


def column_quantile(x: FloatArray, q: float) -> FloatArray:
    """Per-column quantile ignoring NaN (linear interpolation, NumPy's default method), ``(R, I) → (I,)``.

    Vectorised: one sort of the whole array (NaN sorts last); NaN for an all-NaN column. Equals
    ``numpy.nanquantile(x, q, axis=0)`` (tested).
    """
    return sorted_quantile(np.sort(x, axis=0), np.isfinite(x).sum(axis=0), q)


def sorted_quantile(s: FloatArray, n: np.ndarray, q: float) -> FloatArray:
    """:func:`column_quantile` from columns already sorted (NaN last) with ``n`` finite values each."""
    pos = (np.maximum(n, 1) - 1) * q
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
    frac = pos - lo
    a = np.take_along_axis(s, lo[None, :], axis=0)[0]
    b = np.take_along_axis(s, hi[None, :], axis=0)[0]
    out: FloatArray = a + (b - a) * frac
    out[n == 0] = np.nan
    return out


def percentile_rank(x: FloatArray) -> FloatArray:
    """Rank in [0, 1] along axis 0 ignoring NaN ((rank − 1) / (n − 1), ties averaged); NaN stays NaN.

    Works on ``(R,)`` and ``(R, I)`` arrays; a column with one value gets 0.5.
    """
    a = np.asarray(x, dtype=np.float64)
    flat = a.reshape(a.shape[0], -1)
    out = np.full(flat.shape, np.nan)
    for j in range(flat.shape[1]):
        col = flat[:, j]
        ok = np.isfinite(col)
        n = int(ok.sum())
        if n == 0:
            continue
        if n == 1:
            out[ok, j] = 0.5
            continue
        v = col[ok]
        order = np.argsort(v, kind="mergesort")
        ranks = np.empty(n)
        ranks[order] = np.arange(n, dtype=np.float64)
        # average ties
        uniq, inv = np.unique(v, return_inverse=True)
        if len(uniq) < n:
            sums = np.bincount(inv, weights=ranks)
            counts = np.bincount(inv)
            ranks = (sums / counts)[inv]
        out[ok, j] = ranks / (n - 1)
    return out.reshape(a.shape)


@dataclass(frozen=True)
class Thresholds:
    """The thresholds of :func:`decide` (see the ``plan`` options for meanings and sources)."""

    base: float = 0.5
    strong_base: float = 0.6
    research_strong: float = 3.0
    research_middle: float = 2.0
    market: float = 0.5
    carbon: float = 0.75
    energy: float = 0.75
    transfer: bool = True
    near: float = 0.1
    low_region_q: float = 0.5
    w_capability: float = 0.5
    w_density: float = 0.25
    w_research: float = 0.25


@dataclass(frozen=True)
class DecisionArrays:
    """Decisions of every region × industry.

    Attributes
    ----------
    decision : (R, I) int8
        Code (0 upgrade, 1 grow, 2 preposition, 3 apply, 4 avoid, 5 monitor, -1 insufficient data).
    score : (R, I) float
        Weighted mean of capability, density rank and (emerging/future) research rank, in [0, 1].
    reasons : (K, R, I) bool
        Which reason codes (:data:`REASON_CODES`) back each decision.
    """

    decision: np.ndarray
    score: FloatArray
    reasons: BoolArray


def decide(
    cap: FloatArray,
    density: FloatArray,
    q_low: FloatArray,
    q_grow: FloatArray,
    rd: FloatArray,
    research: FloatArray,
    market: FloatArray,
    carbon: FloatArray,
    tier: np.ndarray,
    midhigh: BoolArray,
    energy: BoolArray,
    enabling: BoolArray,
    t: Thresholds,
    *,
    with_reasons: bool = True,
    endowment: BoolArray | None = None,
    energy_rank: FloatArray | None = None,
    fine: BoolArray | None = None,
) -> DecisionArrays:
    """Apply the portfolio rules (docs/methods/plan.md) to arrays.

    Parameters
    ----------
    cap, density : (R, I) float
        Combined capability in [0, 1]; relatedness density (NaN = missing).
    q_low, q_grow : (I,) float
        Per-industry density quantiles (low relatedness; enough relatedness to grow without a base).
    rd, research, market, carbon : (R,) float
        R&D intensity (%); research-capacity rank, market-size rank and CO2-intensity rank in [0, 1].
    tier : (I,) int
        0 traditional, 1 emerging, 2 future.
    midhigh, energy, enabling : (I,) bool
        Source-003 mid/high tier; NBS energy-intensive; technology that can be applied without its core industry.
    t : Thresholds
    with_reasons : bool
        False skips the score and reasons (the stability draws only need decisions).
    endowment : (I,) bool, optional
        Industries that rest on an energy endowment (data centres, new energy, hydrogen, storage).
    energy_rank : (R,) float, optional
        Rank of generation / consumption in [0, 1]; with ``endowment``, an energy-rich region (rank ≥
        ``t.energy``) grows such an emerging industry and applies such a future one (source 001 §2.1 东技西能).
    fine : (R, I) bool, optional
        Whether a division-specific capability source (electricity LQ or listed-firm RCA) is present; a
        capability at or above the base threshold from coarse sources only (a census section spread over many
        divisions) does not establish a base (``coarse_evidence_only``). Default: every cell is fine.

    Notes
    -----
    A cell that no positive rule selects is ``avoid`` only with an explicit negative reason — low relatedness,
    no research base (future industries; emerging ones without a base and without high relatedness), a carbon
    constraint, or a research-strong region in a low-tier traditional industry — and, except for the carbon
    constraint, only when the capability is more than ``t.near`` below the base threshold; otherwise it is
    ``monitor`` (not a priority, kept under watch).
    """
    r_n, i_n = cap.shape
    trad = (tier == TRADITIONAL)[None, :]
    emer = (tier == EMERGING)[None, :]
    fut = (tier == FUTURE)[None, :]
    fine2 = np.ones((r_n, i_n), dtype=bool) if fine is None else np.asarray(fine, dtype=bool)
    with np.errstate(invalid="ignore"):
        has_cap = cap >= t.base
        has_base = has_cap & fine2
        coarse = has_cap & ~fine2
        strong_base = (cap >= t.strong_base) & fine2
        gap = cap < t.base - t.near  # clearly below the base: negative reasons may rule the industry out
        low_rel = (density < q_low[None, :]) & (
            density <= column_quantile(density.T, t.low_region_q)[:, None]
        )
        rel_ok = density >= q_grow[None, :]
        adequate = density >= q_low[None, :]  # missing density is not adequate relatedness
        res_strong = (rd >= t.research_strong)[:, None]
        res_mid = ((rd >= t.research_middle) & (rd < t.research_strong))[:, None]
        res_weak = (rd < t.research_middle)[:, None]
        market_ok = (market >= t.market)[:, None]
        carbon_hi = (carbon >= t.carbon)[:, None]
    end1 = np.zeros(i_n, dtype=bool) if endowment is None else np.asarray(endowment, dtype=bool)
    with np.errstate(invalid="ignore"):
        rich = np.zeros((r_n, 1), dtype=bool) if energy_rank is None else (energy_rank >= t.energy)[:, None]
    cap_missing = ~np.isfinite(cap)
    rd_missing = ~np.isfinite(rd)[:, None]
    low_tier = ~midhigh[None, :]
    energy2 = energy[None, :]

    # each tier's rule is evaluated on its own columns only (no work on the other tiers' cells)
    d = np.full((r_n, i_n), MONITOR, dtype=np.int8)
    it, ie, iff = (np.flatnonzero(tier == k) for k in (TRADITIONAL, EMERGING, FUTURE))
    hb_t = has_base[:, it]
    cblock_t = energy[None, it] & carbon_hi & ~hb_t
    t_ok = ~res_strong & rel_ok[:, it] & midhigh[None, it] & ~cblock_t
    t_neg = cblock_t | (gap[:, it] & (low_rel[:, it] | (low_tier[:, it] & res_strong)))
    d[:, it] = np.where(hb_t, UPGRADE, np.where(t_ok & t.transfer, GROW, np.where(t_neg, AVOID, MONITOR)))
    e_grow = has_base[:, ie] | ((res_mid | res_strong) & rel_ok[:, ie]) | (end1[None, ie] & rich)
    e_apply = enabling[None, ie] & market_ok
    e_neg = gap[:, ie] & (low_rel[:, ie] | (res_weak & ~rel_ok[:, ie]))
    d[:, ie] = np.where(e_grow, GROW, np.where(e_apply, APPLY, np.where(e_neg, AVOID, MONITOR)))
    f_pre = (res_strong & (has_base[:, iff] | adequate[:, iff])) | (res_mid & strong_base[:, iff])
    f_apply = (enabling[None, iff] & market_ok) | (end1[None, iff] & rich)
    f_neg = gap[:, iff] & (res_weak | low_rel[:, iff])
    d[:, iff] = np.where(f_pre, PREPOSITION, np.where(f_apply, APPLY, np.where(f_neg, AVOID, MONITOR)))
    insufficient = cap_missing | (fut & rd_missing)
    d[insufficient] = INSUFFICIENT

    if not with_reasons:
        return DecisionArrays(decision=d, score=np.empty((0, 0)), reasons=np.empty((0, 0, 0), dtype=bool))
    carbon_block = energy2 & carbon_hi & ~has_base
    # score
    dens_rank = percentile_rank(density)
    res2 = np.broadcast_to(research[:, None], (r_n, i_n))
    w_r = np.where(trad, 0.0, t.w_research)
    parts = np.stack([cap, dens_rank, res2])
    weights = np.stack(
        [
            np.full((r_n, i_n), t.w_capability),
            np.full((r_n, i_n), t.w_density),
            np.broadcast_to(w_r, (r_n, i_n)),
        ]
    )
    present = np.isfinite(parts)
    w = np.where(present, weights, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = (np.where(present, parts, 0.0) * w).sum(0) / w.sum(0)

    k = len(REASON_CODES)
    reasons = np.zeros((k, r_n, i_n), dtype=bool)
    decided = ~insufficient
    is_ = {code: d == code for code in (UPGRADE, GROW, PREPOSITION, APPLY, AVOID, MONITOR)}
    not_do = is_[AVOID] | is_[APPLY] | is_[MONITOR]
    reasons[0] = decided & has_base & ~is_[APPLY]
    reasons[1] = decided & ~has_cap & not_do
    reasons[2] = decided & rel_ok & (is_[GROW] | is_[PREPOSITION]) & ~has_base
    reasons[3] = decided & low_rel & (is_[AVOID] | is_[APPLY])
    reasons[4] = decided & ~low_rel & ~rel_ok & np.isfinite(density) & (is_[AVOID] | is_[MONITOR]) & ~has_base
    reasons[5] = decided & res_strong & ~trad & (is_[PREPOSITION] | is_[GROW])
    reasons[6] = decided & res_mid & ~trad & (is_[PREPOSITION] | is_[GROW] | (fut & not_do))
    reasons[7] = decided & res_weak & (fut | (emer & ~has_base)) & (is_[AVOID] | is_[APPLY])
    reasons[8] = decided & is_[UPGRADE] & (energy2 | carbon_hi)
    reasons[9] = decided & carbon_block & trad & is_[AVOID]
    reasons[10] = decided & is_[APPLY] & enabling[None, :] & market_ok
    reasons[11] = decided & trad & low_tier & res_strong & ~has_base & is_[AVOID]
    reasons[12] = decided & trad & is_[GROW]
    reasons[13] = decided & fut & res_mid & strong_base & is_[PREPOSITION]
    reasons[14] = insufficient
    reasons[15] = decided & fut & res_mid & ~strong_base & not_do
    reasons[16] = decided & fut & is_[PREPOSITION] & res_strong & ~has_base & adequate & ~rel_ok
    reasons[17] = decided & ~trad & end1[None, :] & rich & (is_[GROW] | is_[APPLY])
    reasons[18] = decided & coarse
    reasons[19] = decided & ~has_cap & ~gap & is_[MONITOR]
    return DecisionArrays(decision=d, score=score, reasons=reasons)


def hhi(capacity: FloatArray) -> FloatArray:
    """Herfindahl–Hirschman index of each column's distribution over regions, ``(R, I) → (I,)`` in [1/R, 1].

    ``HHI_i = Σ_r (x_ri / Σ_r x_ri)²`` over present values; NaN when the column total is 0 or all missing.
    """
    x = np.where(np.isfinite(capacity), capacity, 0.0)
    tot = x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = x / tot[None, :]
        out: FloatArray = (s**2).sum(axis=0)
    out[~(tot > 0)] = np.nan
    return out


def jaccard(targets: BoolArray) -> FloatArray:
    """Pairwise Jaccard similarity of regions' target sets, ``(R, I) bool → (R, R)``; NaN when both are empty.

    ``J_ab = |A ∩ B| / |A ∪ B|``.
    """
    m = targets.astype(np.float32)  # counts are exact in float32 up to 2**24
    inter = (m @ m.T).astype(np.float64)
    size = m.sum(axis=1, dtype=np.float64)
    union = size[:, None] + size[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        out: FloatArray = inter / union
    return out


def decide_codes(
    cap: FloatArray,
    density: FloatArray,
    q_low: FloatArray,
    q_grow: FloatArray,
    rd: FloatArray,
    market: FloatArray,
    carbon: FloatArray,
    tier: np.ndarray,
    midhigh: BoolArray,
    energy: BoolArray,
    enabling: BoolArray,
    t: Thresholds,
    *,
    endowment: BoolArray | None = None,
    energy_rank: FloatArray | None = None,
    fine: BoolArray | None = None,
) -> np.ndarray:
    """Only the decision codes of :func:`decide` (same rules, fewer temporaries: each tier's columns are
    processed on their own); used by the stability draws and tested equal to :func:`decide`."""
    d = np.full(cap.shape, MONITOR, dtype=np.int8)
    end1 = np.zeros(cap.shape[1], dtype=bool) if endowment is None else np.asarray(endowment, dtype=bool)
    with np.errstate(invalid="ignore"):
        rich = (
            np.zeros((cap.shape[0], 1), dtype=bool)
            if energy_rank is None
            else (energy_rank >= t.energy)[:, None]
        )
        res_strong = (rd >= t.research_strong)[:, None]
        res_mid = ((rd >= t.research_middle) & (rd < t.research_strong))[:, None]
        res_weak = (rd < t.research_middle)[:, None]
        market_ok = (market >= t.market)[:, None]
        carbon_hi = (carbon >= t.carbon)[:, None]
        q_reg = column_quantile(density.T, t.low_region_q)[:, None]
        for k in (TRADITIONAL, EMERGING, FUTURE):
            cols = np.flatnonzero(tier == k)
            if cols.size == 0:
                continue
            c = cap[:, cols]
            dn = density[:, cols]
            fn = True if fine is None else fine[:, cols]
            hb = (c >= t.base) & fn
            gap = c < t.base - t.near
            low = (dn < q_low[cols]) & (dn <= q_reg)
            rel = dn >= q_grow[cols]
            if k == TRADITIONAL:
                cb = energy[cols] & carbon_hi & ~hb
                ok = ~res_strong & rel & midhigh[cols] & ~cb
                neg = cb | (gap & (low | (~midhigh[cols] & res_strong)))
                out = np.where(hb, UPGRADE, np.where(ok & t.transfer, GROW, np.where(neg, AVOID, MONITOR)))
            elif k == EMERGING:
                grow = hb | ((res_mid | res_strong) & rel) | (end1[cols] & rich)
                neg = gap & (low | (res_weak & ~rel))
                app = enabling[cols] & market_ok
                out = np.where(grow, GROW, np.where(app, APPLY, np.where(neg, AVOID, MONITOR)))
            else:
                pre = (res_strong & (hb | (dn >= q_low[cols]))) | (res_mid & (c >= t.strong_base) & fn)
                app = (enabling[cols] & market_ok) | (end1[cols] & rich)
                neg = gap & (res_weak | low)
                out = np.where(pre, PREPOSITION, np.where(app, APPLY, np.where(neg, AVOID, MONITOR)))
                out[~np.isfinite(rd)] = INSUFFICIENT
            out[np.isnan(c)] = INSUFFICIENT
            d[:, cols] = out
    return d
