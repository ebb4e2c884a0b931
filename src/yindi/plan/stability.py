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
    """
    from yindi.plan.kernels import decide_codes, sorted_quantile
    from yindi.plan.portfolio import prepare, thresholds_from

    inputs = prepare(evidence)
    draws = int(opts["draws"])
    rng = np.random.default_rng(int(opts["seed"]))
    same = np.zeros(baseline.shape, dtype=np.int32)
    a = inputs.arrays
    for _ in range(draws):
        o = perturbed_options(opts, rng, float(opts["jitter"]))
        w = (float(o["w_electricity"]), float(o["w_firms"]), float(o["w_census"]))
        used = w[0] * inputs.present[0] + w[1] * inputs.present[1] + w[2] * inputs.present[2]
        with np.errstate(invalid="ignore", divide="ignore"):
            cap = (w[0] * inputs.filled[0] + w[1] * inputs.filled[1] + w[2] * inputs.filled[2]) / used
        cap[used == 0] = np.nan
        d = decide_codes(
            cap, inputs.density,
            sorted_quantile(inputs.dens_sorted, inputs.dens_n, float(o["density_low_quantile"])),
            sorted_quantile(inputs.dens_sorted, inputs.dens_n, float(o["density_grow_quantile"])),
            inputs.rd, inputs.market, inputs.carbon, a["tier"], a["midhigh"], a["energy"], a["enabling"],
            thresholds_from(o), endowment=a["endowment"], energy_rank=inputs.energy, fine=inputs.fine,
        )  # fmt: skip
        same += d == baseline
    out: FloatArray = same / max(draws, 1)
    return out
