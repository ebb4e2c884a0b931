"""Period-by-period distance computations for the Malmquist and Malmquist–Luenberger indices (arrays only).

Everything is expressed through one "efficiency" ``E`` so that both indices share their formulas:
``E = θ`` (input) or ``1/φ`` (output) for Malmquist, and ``E = 1/(1+β)`` for Malmquist–Luenberger, where β
is the directional distance with ``g = (0, y, −b)``. With ``E^a(b)`` the efficiency of period-b data
against the period-a frontier:

* contemporaneous / sequential (Färe et al. 1994; Shestalova 2003)::

      M  = sqrt[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)],   EC = E^{t+1}(t+1)/E^t(t),   TC = M/EC

* global (Pastor & Lovell 2005; Oh 2010)::

      M  = E^G(t+1)/E^G(t),   EC as above,   TC = [E^G(t+1)/E^{t+1}(t+1)] / [E^G(t)/E^t(t)]

* under VRS: PEC = E_v^{t+1}(t+1)/E_v^t(t) and SEC = EC/PEC.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray, IntArray
from yindi.productivity._frame import PREFILTER_ABOVE
from yindi.productivity._options import RTS, Frontier, Orientation
from yindi.productivity._radial import _scale, frontier_units, radial
from yindi.productivity._sbm import ddf


@dataclass(frozen=True)
class PeriodData:
    """One period: ``n_t`` units with inputs (n_t, m), good outputs (n_t, s), bad outputs (n_t, k)."""

    x: FloatArray
    y: FloatArray
    b: FloatArray


Scorer = Callable[[PeriodData, PeriodData, RTS, IntArray | None], FloatArray]


def _stack(parts: Sequence[PeriodData]) -> PeriodData:
    return PeriodData(
        np.vstack([p.x for p in parts]), np.vstack([p.y for p in parts]), np.vstack([p.b for p in parts])
    )


def radial_scorer(orientation: Orientation) -> Scorer:
    def score(ev: PeriodData, ref: PeriodData, rts: RTS, cand: IntArray | None) -> FloatArray:
        return radial(
            ev.x,
            ev.y,
            x_ref=ref.x,
            y_ref=ref.y,
            rts=rts,
            orientation=orientation,
            frontier=cand,
            frontier_complete=True,
        ).efficiency

    return score


def ml_scorer(ev: PeriodData, ref: PeriodData, rts: RTS, cand: IntArray | None) -> FloatArray:
    beta = ddf(ev.x, ev.y, ev.b, ref.x, ref.y, ref.b, rts=rts, candidates=cand)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(1.0 + beta > 0, 1.0 / (1.0 + beta), np.nan)  # β ≤ −1: index undefined


def _candidates(ref: PeriodData, ml: bool, prefilter_above: int = PREFILTER_ABOVE) -> IntArray:
    sx, sy = _scale(ref.x, ref.y)
    xs, ys = ref.x / sx, ref.y / sy
    kw = {"prefilter_above": prefilter_above}
    if not ml:
        return frontier_units(xs, ys, **kw)
    sb = _scale(ref.b, ref.b)[0]
    bs = ref.b / sb
    return np.union1d(
        frontier_units(np.hstack([xs, bs]), ys, **kw), frontier_units(xs, np.hstack([ys, bs]), **kw)
    )


@dataclass(frozen=True)
class IndexArrays:
    """Per period ``t`` (length T): ``own[t]`` E^t(t); ``prev[t]`` E^t(t−1) on period t−1 units;
    ``next[t]`` E^t(t+1) on period t+1 units; ``own_v[t]`` VRS E^t(t); ``glob[t]`` E^G(t)."""

    own: list[FloatArray]
    prev: list[FloatArray | None]
    nxt: list[FloatArray | None]
    own_v: list[FloatArray | None]
    glob: list[FloatArray | None]


def compute(
    periods: Sequence[PeriodData],
    *,
    frontier: Frontier,
    rts: RTS,
    orientation: Orientation,
    ml: bool,
    progress: Callable[[int], None] | None = None,
    prefilter_above: int = PREFILTER_ABOVE,
) -> IndexArrays:
    """All efficiencies the index formulas need, one batched LP call per frontier.

    The global frontier's candidate set is found among the union of the periods' frontier sets only: a unit
    efficient against all periods pooled is efficient against its own period (the frame of a union lies
    in the union of the frames), so the pooled set is never decomposed from scratch.
    """
    score = ml_scorer if ml else radial_scorer(orientation)
    t_count = len(periods)
    own: list[FloatArray] = []
    prev: list[FloatArray | None] = []
    nxt: list[FloatArray | None] = []
    own_v: list[FloatArray | None] = []
    glob: list[FloatArray | None] = [None] * t_count
    cand_prev: IntArray | None = None
    period_cands: list[IntArray] = []
    seq_ref: PeriodData | None = None
    for t in range(t_count):
        if frontier == "sequential":
            seq_ref = periods[t] if seq_ref is None else _stack([seq_ref, periods[t]])
            ref = seq_ref
            if cand_prev is None:
                cand = _candidates(ref, ml, prefilter_above)
            else:  # frontier of S_t lies within the frontier of S_{t-1} plus the new period
                offset = ref.x.shape[0] - periods[t].x.shape[0]
                pool = np.concatenate([cand_prev, offset + np.arange(periods[t].x.shape[0])])
                sub = PeriodData(ref.x[pool], ref.y[pool], ref.b[pool])
                cand = pool[_candidates(sub, ml, prefilter_above)]
            cand_prev = cand
        else:
            ref = periods[t]
            cand = _candidates(ref, ml, prefilter_above)
            period_cands.append(cand)
        evals = [periods[t]]
        if frontier != "global":
            if t > 0:
                evals.insert(0, periods[t - 1])
            if t < t_count - 1:
                evals.append(periods[t + 1])
        e = score(_stack(evals), ref, "crs", cand)
        sizes = np.cumsum([0] + [p.x.shape[0] for p in evals])
        parts = [e[sizes[i] : sizes[i + 1]] for i in range(len(evals))]
        if frontier != "global" and t > 0:
            prev.append(parts.pop(0))
        else:
            prev.append(None)
        own.append(parts.pop(0))
        nxt.append(parts.pop(0) if parts else None)
        own_v.append(score(periods[t], ref, "vrs", cand) if rts == "vrs" else None)
        if progress is not None:
            progress(t)
    if frontier == "global":
        pooled = _stack(list(periods))
        sizes = np.cumsum([0] + [p.x.shape[0] for p in periods])
        pool = np.concatenate([c + sizes[i] for i, c in enumerate(period_cands)])
        sub = PeriodData(pooled.x[pool], pooled.y[pool], pooled.b[pool])
        e_g = score(pooled, pooled, "crs", pool[_candidates(sub, ml, prefilter_above)])
        glob = [e_g[sizes[i] : sizes[i + 1]] for i in range(t_count)]
    return IndexArrays(own, prev, nxt, own_v, glob)
