"""Stability of decisions: seeded Monte Carlo perturbation of weights and thresholds.

决策稳定性：对权重与阈值做带种子的蒙特卡洛扰动（各乘以 U(1 − j, 1 + j)），统计每个决策保持不变的比例。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from yindi._typing import FloatArray
from yindi.plan._options import STABILITY_KEYS

__all__ = ["decision_stability", "perturbed_options"]

_QUANTILES = {
    "density_low_quantile",
    "density_grow_quantile",
    "market_quantile",
    "carbon_quantile",
    "energy_quantile",
}


def perturbed_options(opts: Mapping[str, Any], rng: np.random.Generator, jitter: float) -> dict[str, Any]:
    """One draw: every key of :data:`STABILITY_KEYS` times U(1 − jitter, 1 + jitter); quantiles and
    capability thresholds kept in [0, 1]; the middle research threshold kept below the strong one."""
    out = dict(opts)
    factors = rng.uniform(1.0 - jitter, 1.0 + jitter, size=len(STABILITY_KEYS))
    for key, f in zip(STABILITY_KEYS, factors, strict=True):
        out[key] = float(opts[key]) * float(f)
    for key in (*_QUANTILES, "base_threshold", "strong_base_threshold"):
        out[key] = min(max(out[key], 0.0), 1.0)
    out["research_middle_rd"] = min(out["research_middle_rd"], out["research_strong_rd"])
    return out


def decision_stability(evidence: Any, opts: Mapping[str, Any], baseline: np.ndarray) -> FloatArray:
    """Share of ``opts['draws']`` perturbed runs whose decision equals ``baseline``, shape (R, I).

    Reproducible: the generator is ``numpy.random.default_rng(opts['seed'])``; nothing touches global state.
    The draws are decided in blocks (:func:`_draw_codes`), each giving the decisions of
    :func:`~yindi.plan.kernels.decide_codes` with the options of :func:`perturbed_options`.
    """
    from yindi.plan.kernels import column_quantile
    from yindi.plan.portfolio import prepare

    inputs = prepare(evidence)
    draws = int(opts["draws"])
    rng = np.random.default_rng(int(opts["seed"]))
    jitter = float(opts["jitter"])
    with np.errstate(invalid="ignore"):
        q_reg = column_quantile(inputs.density.T, float(opts["density_low_region_quantile"]))[:, None]
    same = np.zeros(baseline.shape, dtype=np.int64)
    for start in range(0, draws, _BLOCK):
        n = min(_BLOCK, draws - start)
        factors = rng.uniform(1.0 - jitter, 1.0 + jitter, size=(n, len(STABILITY_KEYS)))  # = n draws in turn
        o = _perturbed_block(opts, factors)
        same += (_draw_codes(inputs, o, q_reg, opts) == baseline[None]).sum(axis=0)
    out: FloatArray = same / max(draws, 1)
    return out


#: Draws decided together (bounds the (draws, R, I) temporaries).
_BLOCK = 256


def _perturbed_block(opts: Mapping[str, Any], factors: FloatArray) -> dict[str, FloatArray]:
    """:func:`perturbed_options` for a block of draws (one row of ``factors`` each): key → (n,) values."""
    out = {key: float(opts[key]) * factors[:, k] for k, key in enumerate(STABILITY_KEYS)}
    for key in (*_QUANTILES, "base_threshold", "strong_base_threshold"):
        out[key] = np.minimum(np.maximum(out[key], 0.0), 1.0)
    out["research_middle_rd"] = np.minimum(out["research_middle_rd"], out["research_strong_rd"])
    return out


def _draw_codes(
    x: Any, o: Mapping[str, FloatArray], q_reg: FloatArray, opts: Mapping[str, Any]
) -> np.ndarray:
    """Decision codes (n, R, I) of a block of draws: :func:`~yindi.plan.kernels.decide_codes` with each draw's
    weights and thresholds ``o`` (arrays over draws), element for element the same arithmetic."""
    from yindi.plan.kernels import (
        APPLY,
        AVOID,
        EMERGING,
        FUTURE,
        GROW,
        INSUFFICIENT,
        MONITOR,
        PREPOSITION,
        TRADITIONAL,
        UPGRADE,
    )

    def per_draw(key: str) -> FloatArray:
        return o[key][:, None, None]

    w0, w1, w2 = per_draw("w_electricity"), per_draw("w_firms"), per_draw("w_census")
    used = w0 * x.present[0] + w1 * x.present[1] + w2 * x.present[2]
    with np.errstate(invalid="ignore", divide="ignore"):
        cap = (w0 * x.filled[0] + w1 * x.filled[1] + w2 * x.filled[2]) / used
    cap[used == 0] = np.nan
    q_low = _sorted_quantiles(x.dens_sorted, x.dens_n, o["density_low_quantile"])[:, None, :]
    q_grow = _sorted_quantiles(x.dens_sorted, x.dens_n, o["density_grow_quantile"])[:, None, :]
    a = x.arrays
    tier, midhigh, energy, enabling, end1 = (
        a["tier"],
        a["midhigh"],
        a["energy"],
        a["enabling"],
        a["endowment"],
    )
    base, strong_base = per_draw("base_threshold"), per_draw("strong_base_threshold")
    near, transfer = float(opts["near_base_margin"]), bool(opts["transfer"])
    d = np.full(cap.shape, MONITOR, dtype=np.int8)
    with np.errstate(invalid="ignore"):
        rich = (x.energy[None, :] >= o["energy_quantile"][:, None])[:, :, None]
        rs, rm = o["research_strong_rd"][:, None], o["research_middle_rd"][:, None]
        res_strong = (x.rd[None, :] >= rs)[:, :, None]
        res_mid = ((x.rd[None, :] >= rm) & (x.rd[None, :] < rs))[:, :, None]
        res_weak = (x.rd[None, :] < rm)[:, :, None]
        market_ok = (x.market[None, :] >= o["market_quantile"][:, None])[:, :, None]
        carbon_hi = (x.carbon[None, :] >= o["carbon_quantile"][:, None])[:, :, None]
        for k in (TRADITIONAL, EMERGING, FUTURE):
            cols = np.flatnonzero(tier == k)
            if cols.size == 0:
                continue
            c = cap[:, :, cols]
            dn = x.density[:, cols]
            fn = x.fine[:, cols]
            hb = (c >= base) & fn
            gap = c < base - near
            low = (dn < q_low[:, :, cols]) & (dn <= q_reg)
            rel = dn >= q_grow[:, :, cols]
            if k == TRADITIONAL:
                cb = energy[cols] & carbon_hi & ~hb
                ok = ~res_strong & rel & midhigh[cols] & ~cb
                neg = cb | (gap & (low | (~midhigh[cols] & res_strong)))
                out = np.where(hb, UPGRADE, np.where(ok & transfer, GROW, np.where(neg, AVOID, MONITOR)))
            elif k == EMERGING:
                grow = hb | ((res_mid | res_strong) & rel) | (end1[cols] & rich)
                neg = gap & (low | (res_weak & ~rel))
                app = enabling[cols] & market_ok
                out = np.where(grow, GROW, np.where(app, APPLY, np.where(neg, AVOID, MONITOR)))
            else:
                pre = (res_strong & (hb | (dn >= q_low[:, :, cols]))) | (res_mid & (c >= strong_base) & fn)
                app = (enabling[cols] & market_ok) | (end1[cols] & rich)
                neg = gap & (res_weak | low)
                out = np.where(pre, PREPOSITION, np.where(app, APPLY, np.where(neg, AVOID, MONITOR)))
                out[:, ~np.isfinite(x.rd), :] = INSUFFICIENT
            out[np.isnan(c)] = INSUFFICIENT
            d[:, :, cols] = out
    return d


def _sorted_quantiles(s: FloatArray, n: np.ndarray, q: FloatArray) -> FloatArray:
    """:func:`~yindi.plan.kernels.sorted_quantile` for several ``q`` at once: (len(q), I)."""
    pos = (np.maximum(n, 1) - 1)[None, :] * q[:, None]
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(n - 1, 0)[None, :])
    frac = pos - lo
    cols = np.arange(s.shape[1])[None, :]
    a = s[lo, cols]
    b = s[hi, cols]
    out: FloatArray = a + (b - a) * frac
    out[:, n == 0] = np.nan
    return out
