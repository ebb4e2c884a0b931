"""Kernels of the spatial autocorrelation statistics: pure NumPy/SciPy on arrays and a CSR weights matrix.

Formulas follow Cliff & Ord (1981) for Moran's I and Geary's C under the normality assumption, Anselin (1995)
for local Moran, and Getis & Ord (1992) / Ord & Getis (1995) for Gi*; the conventions (standardisation,
scaling of local Moran by ``n − 1``) are those of PySAL esda so that values can be compared directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from yindi._typing import FloatArray


@dataclass(frozen=True)
class WeightSums:
    """The sums ``S0 = Σ w_ij``, ``S1 = ½ Σ (w_ij + w_ji)²``, ``S2 = Σ_i (w_i· + w_·i)²``."""

    s0: float
    s1: float
    s2: float


def weight_sums(w: Any) -> WeightSums:
    """``w``: scipy sparse matrix, shape (n, n)."""
    sym = w + w.T
    s1 = 0.5 * float(sym.multiply(sym).sum())
    rs = np.asarray(w.sum(axis=1)).ravel()
    cs = np.asarray(w.sum(axis=0)).ravel()
    return WeightSums(float(w.sum()), s1, float(((rs + cs) ** 2).sum()))


def moran_i(z: FloatArray, w: Any, s0: float) -> FloatArray:
    """Moran's I of one or many centred vectors; ``z`` shape (n,) or (m, n) → scalar or (m,)."""
    n = z.shape[-1]
    wz = (w @ z.T).T if z.ndim == 2 else w @ z
    return np.asarray(n / s0 * (z * wz).sum(axis=-1) / (z * z).sum(axis=-1), dtype=np.float64)


def moran_normal_variance(n: int, s: WeightSums) -> tuple[float, float]:
    """``E[I] = −1/(n−1)`` and ``Var[I]`` under normality (Cliff & Ord 1981, eq. 1.35)."""
    ei = -1.0 / (n - 1)
    vi = (n * n * s.s1 - n * s.s2 + 3 * s.s0**2) / ((n * n - 1) * s.s0**2) - ei**2
    return ei, vi


def geary_c(x: FloatArray, w: Any, s0: float, rowcol: FloatArray) -> FloatArray:
    """Geary's C of one or many vectors; ``rowcol = w·1 + wᵀ·1`` (shape (n,)); ``x`` shape (n,) or (m, n).

    ``C = (n − 1) Σ w_ij (x_i − x_j)² / (2 S0 Σ (x_i − x̄)²)``, using
    ``Σ w_ij (x_i − x_j)² = Σ_i (w_i· + w_·i) x_i² − 2 xᵀWx``.
    """
    n = x.shape[-1]
    wx = (w @ x.T).T if x.ndim == 2 else w @ x
    num = (x * x) @ rowcol - 2 * (x * wx).sum(axis=-1)
    dev = x - x.mean(axis=-1, keepdims=True)
    return np.asarray((n - 1) * num / (2 * s0 * (dev * dev).sum(axis=-1)), dtype=np.float64)


def geary_normal_variance(n: int, s: WeightSums) -> float:
    """``Var[C]`` under normality: ``((2 S1 + S2)(n − 1) − 4 S0²) / (2 (n + 1) S0²)``."""
    return ((2 * s.s1 + s.s2) * (n - 1) - 4 * s.s0**2) / (2 * (n + 1) * s.s0**2)


def standardise(y: FloatArray) -> FloatArray:
    """``(y − ȳ) / σ`` with the population standard deviation (ddof = 0), as esda's local Moran."""
    return np.asarray((y - y.mean()) / y.std(), dtype=np.float64)


def quadrants(z: FloatArray, lag: FloatArray) -> FloatArray:
    """Moran-scatterplot quadrant codes: 1 HH, 2 LH, 3 LL, 4 HL (esda's convention), shape (n,)."""
    zp, lp = z > 0, lag > 0
    return np.asarray(
        np.where(zp & lp, 1, np.where(~zp & lp, 2, np.where(~zp & ~lp, 3, 4))), dtype=np.float64
    )


def getis_ord_star(y: FloatArray, w_star: Any) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Gi* with the unit in its own neighbourhood (``w_star`` has a non-zero diagonal).

    ``G*_i = Σ_j w_ij y_j / Σ_j y_j``, ``E = W_i / n``,
    ``Var = W_i (n − W_i) / (n − 1) / n² · s² / ȳ²`` with ``W_i = Σ_j w_ij`` and ``s²`` the population variance
    of ``y``; returns ``(G, E, Var, z)``, each shape (n,).
    """
    n = len(y)
    g = (w_star @ y) / y.sum()
    wi = np.asarray(w_star.sum(axis=1)).ravel()
    e = wi / n
    var = wi * (n - wi) / (n - 1) / n**2 * y.var() / y.mean() ** 2
    return g, e, var, (g - e) / np.sqrt(var)
