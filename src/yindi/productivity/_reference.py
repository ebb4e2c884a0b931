"""Plain per-unit DEA with ``scipy.optimize.linprog``: the obviously-correct reference for tests and benchmarks.

Each function builds and solves one LP per evaluated unit against the *full* reference set, exactly as the
textbook writes it. Slow on purpose; never used by the public functions.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog

from yindi._typing import FloatArray


def radial_reference(
    x: FloatArray,
    y: FloatArray,
    x_ref: FloatArray | None = None,
    y_ref: FloatArray | None = None,
    *,
    rts: str = "vrs",
    orientation: str = "input",
    super_efficiency: bool = False,
) -> FloatArray:
    """Radial efficiency (θ, or 1/φ for output orientation) per unit; NaN where infeasible."""
    xr = x if x_ref is None else x_ref
    yr = y if y_ref is None else y_ref
    n, m = x.shape
    s = y.shape[1]
    nr = xr.shape[0]
    out = np.full(n, np.nan)
    for o in range(n):
        ub = np.full(nr, np.inf)
        if super_efficiency and x_ref is None:
            ub[o] = 0.0
        if orientation == "input":
            c = np.r_[1.0, np.zeros(nr)]
            a_ub = np.vstack([np.c_[-x[o][:, None], xr.T], np.c_[np.zeros((s, 1)), -yr.T]])
            b_ub = np.r_[np.zeros(m), -y[o]]
        else:
            c = np.r_[-1.0, np.zeros(nr)]
            a_ub = np.vstack([np.c_[np.zeros((m, 1)), xr.T], np.c_[y[o][:, None], -yr.T]])
            b_ub = np.r_[x[o], np.zeros(s)]
        a_eq = b_eq = None
        row = np.r_[0.0, np.ones(nr)][None, :]
        if rts == "vrs":
            a_eq, b_eq = row, np.array([1.0])
        elif rts == "nirs":
            a_ub, b_ub = np.vstack([a_ub, row]), np.r_[b_ub, 1.0]
        elif rts == "ndrs":
            a_ub, b_ub = np.vstack([a_ub, -row]), np.r_[b_ub, -1.0]
        bounds = [(None, None)] + [(0.0, u) for u in ub]
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if res.status == 0:
            out[o] = res.x[0] if orientation == "input" else 1.0 / res.x[0]
    return out


def sbm_reference(
    x: FloatArray,
    y: FloatArray,
    bad: FloatArray | None = None,
    *,
    rts: str = "crs",
    units: npt.ArrayLike | None = None,
) -> FloatArray:
    """Tone (2001) SBM efficiency with optional undesirable outputs (Tone 2004), Charnes-Cooper LP.

    ``units`` restricts the evaluation to some rows (all rows remain in the reference set); the result has one
    value per evaluated unit.
    """
    n, m = x.shape
    s1 = y.shape[1]
    b = np.zeros((n, 0)) if bad is None else bad
    s2 = b.shape[1]
    evaluated = np.arange(n) if units is None else np.asarray(units, dtype=np.int64)
    out = np.full(evaluated.size, np.nan)
    for pos, o in enumerate(evaluated):
        # variables: t, Λ (n), S⁻ (m), S^g (s1), S^b (s2)
        nv = 1 + n + m + s1 + s2
        c = np.zeros(nv)
        c[0] = 1.0
        c[1 + n : 1 + n + m] = -1.0 / (m * x[o])
        rows, rhs = [], []
        norm = np.zeros(nv)
        norm[0] = 1.0
        norm[1 + n + m : 1 + n + m + s1] = 1.0 / ((s1 + s2) * y[o])
        if s2:
            norm[1 + n + m + s1 :] = 1.0 / ((s1 + s2) * b[o])
        rows.append(norm)
        rhs.append(1.0)
        for i in range(m):
            r = np.zeros(nv)
            r[0], r[1 : 1 + n], r[1 + n + i] = -x[o, i], x[:, i], 1.0
            rows.append(r)
            rhs.append(0.0)
        for k in range(s1):
            r = np.zeros(nv)
            r[0], r[1 : 1 + n], r[1 + n + m + k] = -y[o, k], y[:, k], -1.0
            rows.append(r)
            rhs.append(0.0)
        for k in range(s2):
            r = np.zeros(nv)
            r[0], r[1 : 1 + n], r[1 + n + m + s1 + k] = -b[o, k], b[:, k], 1.0
            rows.append(r)
            rhs.append(0.0)
        if rts == "vrs":
            r = np.zeros(nv)
            r[0], r[1 : 1 + n] = -1.0, 1.0
            rows.append(r)
            rhs.append(0.0)
        res = linprog(c, A_eq=np.array(rows), b_eq=np.array(rhs), bounds=(0, None), method="highs")
        if res.status == 0:
            out[pos] = res.fun
    return out


def ddf_reference(
    x: FloatArray,
    y: FloatArray,
    bad: FloatArray,
    x_ref: FloatArray,
    y_ref: FloatArray,
    bad_ref: FloatArray,
    *,
    rts: str = "crs",
) -> FloatArray:
    """Directional distance β with g = (0, y, −b), weak disposability of bads (Chung et al. 1997)."""
    n = x.shape[0]
    nr = x_ref.shape[0]
    out = np.full(n, np.nan)
    for o in range(n):
        c = np.r_[-1.0, np.zeros(nr)]
        a_ub = np.vstack([np.c_[np.zeros((x.shape[1], 1)), x_ref.T], np.c_[y[o][:, None], -y_ref.T]])
        b_ub = np.r_[x[o], -y[o]]
        a_eq = np.c_[bad[o][:, None], bad_ref.T]
        b_eq = bad[o].copy()
        if rts == "vrs":
            a_eq = np.vstack([a_eq, np.r_[0.0, np.ones(nr)]])
            b_eq = np.r_[b_eq, 1.0]
        res = linprog(
            c,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=[(None, None)] + [(0, None)] * nr,
            method="highs",
        )
        if res.status == 0:
            out[o] = res.x[0]
    return out


def super_sbm_reference(x: FloatArray, y: FloatArray, *, rts: str = "crs") -> FloatArray:
    """Tone (2002) super-SBM, written directly in (t, Λ, x̃, ỹ) with inequality constraints; NaN if infeasible."""
    n, m = x.shape
    s = y.shape[1]
    out = np.full(n, np.nan)
    for o in range(n):
        others = np.array([j for j in range(n) if j != o])
        k = others.size
        # variables: t, Λ (k), x̃ (m), ỹ (s)
        nv = 1 + k + m + s
        c = np.zeros(nv)
        c[1 + k : 1 + k + m] = 1.0 / (m * x[o])
        a_eq = [np.r_[0.0, np.zeros(k), np.zeros(m), 1.0 / (s * y[o])]]
        b_eq = [1.0]
        if rts == "vrs":
            a_eq.append(np.r_[-1.0, np.ones(k), np.zeros(m + s)])
            b_eq.append(0.0)
        a_ub, b_ub = [], []
        for i in range(m):
            a_ub.append(np.r_[0.0, x[others, i], -np.eye(m)[i], np.zeros(s)])  # XΛ ≤ x̃
            a_ub.append(np.r_[x[o, i], np.zeros(k), -np.eye(m)[i], np.zeros(s)])  # t x_o ≤ x̃
            b_ub += [0.0, 0.0]
        for r in range(s):
            a_ub.append(np.r_[0.0, -y[others, r], np.zeros(m), np.eye(s)[r]])  # ỹ ≤ YΛ
            a_ub.append(np.r_[-y[o, r], np.zeros(k), np.zeros(m), np.eye(s)[r]])  # ỹ ≤ t y_o
            b_ub += [0.0, 0.0]
        res = linprog(
            c,
            A_ub=np.array(a_ub),
            b_ub=b_ub,
            A_eq=np.array(a_eq),
            b_eq=b_eq,
            bounds=(0, None),
            method="highs",
        )
        if res.status == 0:
            out[o] = res.fun
    return out
