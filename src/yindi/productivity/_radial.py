"""Radial DEA kernels (CCR/BCC envelopment form) on arrays, solved in one batch.

Notes
-----
Input orientation, unit ``o`` against reference units ``j``::

    min θ  s.t.  Σ_j λ_j x_ij + s⁻_i = θ x_io,   Σ_j λ_j y_rj − s⁺_r = y_ro,   λ, s ≥ 0,

plus ``Σλ = 1`` (VRS), ``Σλ ≤ 1`` (NIRS) or ``Σλ ≥ 1`` (NDRS). Output orientation maximises φ with
``Σλx + s⁻ = x_o`` and ``Σλy − s⁺ = φ y_o``; efficiency is reported as ``1/φ``. Super-efficiency
(Andersen & Petersen 1993) removes unit ``o`` from its own reference set.

Only units on the VRS frontier can carry λ > 0 at an optimum of any of the four technologies (they
generate the VRS hull, whose convex-conical extensions are the NIRS, NDRS and CRS technologies), so the
frontier is found first by hierarchical decomposition (Barr & Durchholz 1997) and every unit is then solved
against it; :func:`yindi.productivity._batch.solve_batch` certifies each answer against *all* reference
units, so the reduced set never changes a score.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp

from yindi._typing import FloatArray, IntArray
from yindi.productivity._batch import BatchLP, BatchSolution, solve_batch
from yindi.productivity._frame import PREFILTER_ABOVE, prefilter
from yindi.productivity._options import RTS, Orientation

_EFF_TOL = 1e-9
_BLOCK = 512


@dataclass(frozen=True)
class RadialSolution:
    """Radial DEA of ``n`` units against ``n_ref`` reference units, ``m`` inputs and ``s`` outputs.

    Attributes
    ----------
    efficiency : (n,) float — θ (input) or 1/φ (output); NaN where the LP is infeasible.
    radial : (n,) float — θ or φ itself.
    lambdas : (n, n_ref) sparse CSR — intensity weights (peers are the non-zero columns).
    slack_in : (n, m) float — input slacks s⁻ (in data units) at the first-stage optimum.
    slack_out : (n, s) float — output slacks s⁺.
    feasible : (n,) bool.
    n_frontier : int — size of the reduced reference set used by the solver.
    frontier : (n_frontier,) int — that set (reference-unit indices), reusable by later solves.
    n_fallback : int — units re-solved by the HiGHS fallback.
    """

    efficiency: FloatArray
    radial: FloatArray
    lambdas: sp.csr_matrix
    slack_in: FloatArray
    slack_out: FloatArray
    feasible: np.ndarray
    n_frontier: int
    n_fallback: int
    frontier: IntArray


def build_radial_lp(
    x: FloatArray,
    y: FloatArray,
    x_ref: FloatArray,
    y_ref: FloatArray,
    *,
    rts: RTS,
    orientation: Orientation,
    exclude: IntArray | None = None,
) -> BatchLP:
    """Standard-form LP data of the radial model (columns: λ | radial, s⁻, s⁺, [e])."""
    n, m = x.shape
    s = y.shape[1]
    n_ref = x_ref.shape[0]
    conv = rts != "crs"
    r = m + s + int(conv)
    a_ref = np.vstack([x_ref.T, y_ref.T] + ([np.ones((1, n_ref))] if conv else []))
    p = 1 + m + s + int(rts in ("nirs", "ndrs"))
    a_own = np.zeros((n, r, p))
    rhs = np.zeros((n, r))
    c_own = np.zeros((n, p))
    if orientation == "input":
        a_own[:, :m, 0] = -x
        rhs[:, m : m + s] = y
        c_own[:, 0] = 1.0
    else:
        a_own[:, m : m + s, 0] = -y
        rhs[:, :m] = x
        c_own[:, 0] = -1.0
    idx = np.arange(m)
    a_own[:, idx, 1 + idx] = 1.0
    ids = np.arange(s)
    a_own[:, m + ids, 1 + m + ids] = -1.0
    if conv:
        rhs[:, -1] = 1.0
        if rts == "nirs":
            a_own[:, -1, -1] = 1.0
        elif rts == "ndrs":
            a_own[:, -1, -1] = -1.0
    ex = np.full(n, -1, dtype=np.int64) if exclude is None else np.asarray(exclude, dtype=np.int64)
    return BatchLP(a_ref, np.zeros(n_ref), a_own, c_own, rhs, ex)


def _scale(x_ref: FloatArray, y_ref: FloatArray) -> tuple[FloatArray, FloatArray]:
    sx = np.abs(x_ref).mean(axis=0)
    sy = np.abs(y_ref).mean(axis=0)
    return np.where(sx > 0, sx, 1.0), np.where(sy > 0, sy, 1.0)


def _seed_candidates(x: FloatArray, y: FloatArray) -> IntArray:
    """A few units sure to be on the VRS frontier: extreme in one input or output, best in output/input."""
    ratio = y.sum(axis=1) / x.sum(axis=1)
    picks = [np.argmin(x, axis=0), np.argmax(y, axis=0), [int(np.argmax(ratio))]]
    return np.unique(np.concatenate([np.asarray(p_, dtype=np.int64).ravel() for p_ in picks]))


def frontier_units(x: FloatArray, y: FloatArray, *, prefilter_above: int = PREFILTER_ABOVE) -> IntArray:
    """Indices of units with VRS input-oriented θ = 1 that generate every technology (a superset of the frame).

    Hierarchical decomposition: a unit inefficient within a block is inefficient in the whole set, so only
    the block-efficient units go on to the next level. ``x`` and ``y`` should be scaled to order one.
    Above ``prefilter_above`` units the set is first shrunk by :func:`~._frame.prefilter` (seeds,
    dominance, envelopment by the seeds). Without the pre-filter every unit with θ = 1 is returned; with it,
    a unit with θ = 1 that is weakly dominated by a seed (an exact duplicate, or a weakly efficient unit with
    slack) may be left out. Either way every unit not returned is weakly dominated by a convex combination of
    the units returned, which is what the candidate and certificate sets need.
    """
    n = x.shape[0]
    if n > prefilter_above:
        keep = prefilter(x, y)
        if keep.size < n:
            return keep[frontier_units(x[keep], y[keep], prefilter_above=n)]
    if n <= 2 * _BLOCK:
        return _efficient_against_self(x, y, np.arange(n))
    keep_blocks: list[IntArray] = []
    for start in range(0, n, _BLOCK):
        blk = np.arange(start, min(n, start + _BLOCK))
        keep_blocks.append(blk[frontier_units(x[blk], y[blk], prefilter_above=prefilter_above)])
    union = np.concatenate(keep_blocks)
    if union.size >= 0.9 * n:  # little eliminated: solve directly against a seed set
        return _efficient_against_self(x, y, _seed_candidates(x, y))
    return union[frontier_units(x[union], y[union], prefilter_above=prefilter_above)]


def _efficient_against_self(x: FloatArray, y: FloatArray, cand: IntArray) -> IntArray:
    lp = build_radial_lp(x, y, x, y, rts="vrs", orientation="input")
    sol = solve_batch(lp, cand)
    return np.nonzero(sol.objective >= 1.0 - _EFF_TOL)[0]


def crs_frontier(x: FloatArray, y: FloatArray, frontier: IntArray) -> IntArray:
    """The members of ``frontier`` (a :func:`frontier_units` set) with CRS input-oriented θ = 1.

    Every unit is weakly dominated by a non-negative combination of them, so they generate the CRS
    technology and suffice as the candidate and certificate set of CRS models.
    """
    xf, yf = x[frontier], y[frontier]
    lp = build_radial_lp(xf, yf, xf, yf, rts="crs", orientation="input")
    sol = solve_batch(
        lp,
        _seed_candidates(xf, yf),
    )
    return frontier[np.nonzero(sol.objective >= 1.0 - _EFF_TOL)[0]]


def radial(
    x: FloatArray,
    y: FloatArray,
    *,
    x_ref: FloatArray | None = None,
    y_ref: FloatArray | None = None,
    rts: RTS = "vrs",
    orientation: Orientation = "input",
    super_efficiency: bool = False,
    frontier: IntArray | None = None,
    frontier_complete: bool = False,
    prefilter_above: int = PREFILTER_ABOVE,
) -> RadialSolution:
    """Radial efficiency of every row of ``x``/``y`` against the reference technology.

    Parameters
    ----------
    x, y : (n, m), (n, s) float arrays — evaluated units (positive inputs, non-negative outputs).
    x_ref, y_ref : reference units; default the evaluated units themselves.
    rts, orientation : technology and orientation.
    super_efficiency : exclude each unit from its own reference set (only when the reference is ``x``/``y``).
    frontier : precomputed :func:`frontier_units` of the (scaled) reference set, to reuse across calls.
    frontier_complete : ``frontier`` is the complete VRS-efficient set (as :func:`frontier_units` returns), so
        the optimality certificate may price only those columns (see :class:`~._batch.BatchLP`). Otherwise,
        and always under super-efficiency, every reference column is priced. Under CRS a complete
        frontier is first narrowed to its CRS-efficient members (:func:`crs_frontier`).
    prefilter_above : reference-set size above which :func:`frontier_units` pre-filters the frame.
    """
    same = x_ref is None
    xr = x if x_ref is None else x_ref
    yr = y if y_ref is None else y_ref
    sx, sy = _scale(xr, yr)
    xs, ys, xrs, yrs = x / sx, y / sy, xr / sx, yr / sy
    complete = frontier is None or frontier_complete
    if frontier is None:
        cand = frontier_units(xrs, yrs, prefilter_above=prefilter_above)
    else:
        cand = np.asarray(frontier, dtype=np.int64)
    exclude = np.arange(x.shape[0]) if (super_efficiency and same) else None
    if exclude is not None:
        cand = np.union1d(cand, _seed_candidates(xrs, yrs))
    elif complete and rts == "crs" and cand.size > 1:
        cand = crs_frontier(xrs, yrs, cand)
    lp = build_radial_lp(xs, ys, xrs, yrs, rts=rts, orientation=orientation, exclude=exclude)
    if complete and exclude is None:
        lp = replace(lp, price=np.asarray(cand, dtype=np.int64))
    sol: BatchSolution = solve_batch(lp, cand)
    feasible = sol.status == 0
    rad = np.where(feasible, np.abs(sol.objective), np.nan)
    eff = rad if orientation == "input" else 1.0 / rad
    m = x.shape[1]
    s_in = sol.x_own[:, 1 : 1 + m] * sx
    s_out = sol.x_own[:, 1 + m : 1 + m + y.shape[1]] * sy
    s_in[~feasible] = np.nan
    s_out[~feasible] = np.nan
    return RadialSolution(eff, rad, sol.x_ref, s_in, s_out, feasible, int(cand.size), sol.n_fallback, cand)
