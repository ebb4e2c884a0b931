"""Slacks-based measure (Tone 2001) with undesirable outputs (Tone 2004), and the directional distance
function used by the Malmquist–Luenberger index (Chung, Färe & Grosskopf 1997), solved in one batch.

Notes
-----
SBM with good outputs ``y`` (s₁) and bad outputs ``b`` (s₂)::

    ρ = min [1 − (1/m) Σ s⁻_i / x_io] / [1 + (1/(s₁+s₂)) (Σ s^g_r / y_ro + Σ s^b_k / b_ko)]
    s.t. x_o = Xλ + s⁻,  y_o = Yλ − s^g,  b_o = Bλ + s^b,  λ, s ≥ 0  (+ Σλ = 1 for VRS),

linearised by Charnes–Cooper (t = 1/denominator, Λ = tλ, S = ts). Directional distance with
``g = (0, y_o, −b_o)``::

    β = max β  s.t.  Xλ ≤ x_o,  Yλ ≥ (1+β) y_o,  Bλ = (1−β) b_o,  λ ≥ 0  (+ Σλ = 1 for VRS).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from yindi._typing import FloatArray, IntArray
from yindi.productivity._batch import BatchLP, solve_batch
from yindi.productivity._options import RTS
from yindi.productivity._radial import _scale, frontier_units


@dataclass(frozen=True)
class SBMSolution:
    """SBM of ``n`` units (m inputs, s₁ good and s₂ bad outputs) against ``n_ref`` reference units.

    Attributes
    ----------
    efficiency : (n,) float — ρ in (0, 1].
    lambdas : (n, n_ref) sparse CSR — λ = Λ / t.
    slack_in : (n, m) float; slack_out : (n, s₁) float; slack_bad : (n, s₂) float (data units).
    feasible : (n,) bool.
    n_frontier, n_fallback : int — solver statistics.
    """

    efficiency: FloatArray
    lambdas: sp.csr_matrix
    slack_in: FloatArray
    slack_out: FloatArray
    slack_bad: FloatArray
    feasible: np.ndarray
    n_frontier: int
    n_fallback: int


def _stack_ref(x: FloatArray, y: FloatArray, b: FloatArray, conv: bool) -> FloatArray:
    n = x.shape[0]
    rows = [np.zeros((1, n)), x.T, y.T, b.T] + ([np.ones((1, n))] if conv else [])
    return np.vstack(rows)


def sbm(x: FloatArray, y: FloatArray, bad: FloatArray | None = None, *, rts: RTS = "crs") -> SBMSolution:
    """Non-oriented SBM efficiency of every unit against the others (inputs and outputs positive)."""
    n, m = x.shape
    s1 = y.shape[1]
    b = np.zeros((n, 0)) if bad is None else bad
    s2 = b.shape[1]
    sx, sy = _scale(x, y)
    sb = _scale(b, b)[0] if s2 else np.ones(0)
    xs, ys, bs = x / sx, y / sy, b / sb
    conv = rts != "crs"
    r = 1 + m + s1 + s2 + int(conv)
    a_ref = _stack_ref(xs, ys, bs, conv)
    extra = int(rts in ("nirs", "ndrs"))
    p = 1 + m + s1 + s2 + extra
    a_own = np.zeros((n, r, p))
    c_own = np.zeros((n, p))
    a_own[:, 0, 0] = 1.0
    a_own[:, 1 : 1 + m, 0] = -xs
    a_own[:, 1 + m : 1 + m + s1, 0] = -ys
    a_own[:, 1 + m + s1 : 1 + m + s1 + s2, 0] = -bs
    c_own[:, 0] = 1.0
    for i in range(m):
        a_own[:, 1 + i, 1 + i] = 1.0
        c_own[:, 1 + i] = -1.0 / (m * xs[:, i])
    for k in range(s1):
        a_own[:, 1 + m + k, 1 + m + k] = -1.0
        a_own[:, 0, 1 + m + k] = 1.0 / ((s1 + s2) * ys[:, k])
    for k in range(s2):
        j = 1 + m + s1 + k
        a_own[:, j, j] = 1.0
        a_own[:, 0, j] = 1.0 / ((s1 + s2) * bs[:, k])
    if conv:
        a_own[:, -1, 0] = -1.0
        if rts == "nirs":
            a_own[:, -1, -1] = 1.0
        elif rts == "ndrs":
            a_own[:, -1, -1] = -1.0
    rhs = np.zeros((n, r))
    rhs[:, 0] = 1.0
    lp = BatchLP(a_ref, np.zeros(n), a_own, c_own, rhs, np.full(n, -1, dtype=np.int64))
    cand = frontier_units(np.hstack([xs, bs]), ys)
    sol = solve_batch(lp, cand)
    feasible = sol.status == 0
    t = sol.x_own[:, 0]
    safe_t = np.where(t > 0, t, np.nan)
    lam = sp.csr_matrix(sp.diags(1.0 / np.where(t > 0, t, 1.0)) @ sol.x_ref)
    s_all = sol.x_own[:, 1 : 1 + m + s1 + s2] / safe_t[:, None]
    return SBMSolution(
        efficiency=np.where(feasible, sol.objective, np.nan),
        lambdas=lam,
        slack_in=s_all[:, :m] * sx,
        slack_out=s_all[:, m : m + s1] * sy,
        slack_bad=s_all[:, m + s1 :] * sb,
        feasible=feasible,
        n_frontier=int(cand.size),
        n_fallback=sol.n_fallback,
    )


def ddf(
    x: FloatArray,
    y: FloatArray,
    bad: FloatArray,
    x_ref: FloatArray,
    y_ref: FloatArray,
    bad_ref: FloatArray,
    *,
    rts: RTS = "crs",
    candidates: IntArray | None = None,
) -> FloatArray:
    """Directional distance β (g = (0, y, −b)) of each evaluated unit; NaN where the LP is infeasible."""
    n, m = x.shape
    s1, s2 = y.shape[1], bad.shape[1]
    sx, sy = _scale(x_ref, y_ref)
    sb = _scale(bad_ref, bad_ref)[0]
    xs, ys, bs = x / sx, y / sy, bad / sb
    xr, yr, br = x_ref / sx, y_ref / sy, bad_ref / sb
    conv = rts == "vrs"
    r = m + s1 + s2 + int(conv)
    n_ref = xr.shape[0]
    a_ref = np.vstack([xr.T, yr.T, br.T] + ([np.ones((1, n_ref))] if conv else []))
    p = 2 + m + s1  # β⁺, β⁻ (β is free: a unit outside a cross-period frontier has β < 0), s⁻, s^g
    a_own = np.zeros((n, r, p))
    c_own = np.zeros((n, p))
    c_own[:, 0], c_own[:, 1] = -1.0, 1.0
    a_own[:, m : m + s1, 0] = -ys
    a_own[:, m + s1 : m + s1 + s2, 0] = bs
    a_own[:, :, 1] = -a_own[:, :, 0]
    idx = np.arange(m)
    a_own[:, idx, 2 + idx] = 1.0
    ids = np.arange(s1)
    a_own[:, m + ids, 2 + m + ids] = -1.0
    rhs = np.hstack([xs, ys, bs] + ([np.ones((n, 1))] if conv else []))
    lp = BatchLP(a_ref, np.zeros(n_ref), a_own, c_own, rhs, np.full(n, -1, dtype=np.int64))
    if candidates is None:
        candidates = np.union1d(
            frontier_units(np.hstack([xr, br]), yr), frontier_units(xr, np.hstack([yr, br]))
        )
    sol = solve_batch(lp, candidates)
    return np.where(sol.status == 0, -sol.objective, np.nan)


def super_sbm(x: FloatArray, y: FloatArray, *, rts: RTS = "crs") -> tuple[FloatArray, np.ndarray]:
    """Tone (2002) super-SBM (non-oriented) of every unit, with the unit left out of its reference set.

    Returns ``(delta, feasible)``, both (n,). Only meaningful for SBM-efficient units (δ ≥ 1); the caller keeps
    the SBM score for the others.

    Notes
    -----
    ``δ = min (1/m) Σ x̄_i/x_io / ((1/s) Σ ȳ_r/y_ro)`` s.t. ``x̄ ≥ Σ_{j≠o} λ_j x_j``, ``ȳ ≤ Σ_{j≠o} λ_j y_j``,
    ``x̄ ≥ x_o``, ``0 ≤ ȳ ≤ y_o``, ``λ ≥ 0`` (+ ``Σλ = 1`` for VRS, ``Σλ ≤ 1`` for NIRS, ``Σλ ≥ 1`` for NDRS),
    linearised by Charnes–Cooper (the returns-to-scale row becomes ``ΣΛ − t (+ e | − e) = 0`` with ``e ≥ 0``).
    """
    n, m = x.shape
    s = y.shape[1]
    sx, sy = _scale(x, y)
    xs, ys = x / sx, y / sy
    conv = rts != "crs"
    # rows: norm | X̃ − XΛ − u = 0 (m) | X̃ − t x_o − w = 0 (m) | Ỹ − YΛ + v = 0 (s) | Ỹ − t y_o + z = 0 (s) | conv
    r = 1 + 2 * m + 2 * s + int(conv)
    zeros_m, zeros_s = np.zeros((m, n)), np.zeros((s, n))
    a_ref = np.vstack(
        [np.zeros((1, n)), -xs.T, zeros_m, -ys.T, zeros_s] + ([np.ones((1, n))] if conv else [])
    )
    # own columns: t | X̃ (m) | Ỹ (s) | u (m) | w (m) | v (s) | z (s) [| e: slack of Σλ ≤ 1 or Σλ ≥ 1]
    extra = int(rts in ("nirs", "ndrs"))
    p = 1 + 3 * m + 3 * s + extra
    a_own = np.zeros((n, r, p))
    c_own = np.zeros((n, p))
    ix1, ix2 = 1, 1 + m  # first rows of the two input blocks
    iy1, iy2 = 1 + 2 * m, 1 + 2 * m + s
    a_own[:, ix2 : ix2 + m, 0] = -xs
    a_own[:, iy2 : iy2 + s, 0] = -ys
    if conv:
        a_own[:, -1, 0] = -1.0
        if rts == "nirs":  # ΣΛ + e = t, i.e. Σλ ≤ 1
            a_own[:, -1, -1] = 1.0
        elif rts == "ndrs":  # ΣΛ − e = t, i.e. Σλ ≥ 1
            a_own[:, -1, -1] = -1.0
    for i in range(m):
        col = 1 + i
        a_own[:, ix1 + i, col] = 1.0
        a_own[:, ix2 + i, col] = 1.0
        c_own[:, col] = 1.0 / (m * xs[:, i])
        a_own[:, ix1 + i, 1 + m + s + i] = -1.0
        a_own[:, ix2 + i, 1 + 2 * m + s + i] = -1.0
    for k in range(s):
        col = 1 + m + k
        a_own[:, 0, col] = 1.0 / (s * ys[:, k])
        a_own[:, iy1 + k, col] = 1.0
        a_own[:, iy2 + k, col] = 1.0
        a_own[:, iy1 + k, 1 + 3 * m + s + k] = 1.0
        a_own[:, iy2 + k, 1 + 3 * m + 2 * s + k] = 1.0
    rhs = np.zeros((n, r))
    rhs[:, 0] = 1.0
    lp = BatchLP(a_ref, np.zeros(n), a_own, c_own, rhs, np.arange(n, dtype=np.int64))
    cand = frontier_units(xs, ys)
    sol = solve_batch(lp, cand)
    feasible = sol.status == 0
    return np.where(feasible, sol.objective, np.nan), feasible
