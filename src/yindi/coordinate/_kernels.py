"""Kernels of the roles: standard scores, weighted axis scores, the normal-CDF scaling, trend slopes.

Pure NumPy on arrays (no pandas, no I/O). Missing values are ``NaN`` and stay missing; nothing is filled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray


def standardise(x: FloatArray) -> FloatArray:
    """Standard scores of each column over its finite entries, ``(x − mean) / sd`` (population sd, ddof = 0).

    A column with fewer than two finite values or zero spread gets 0 where it is finite (no information to
    rank regions), ``NaN`` where it is missing. Shape is kept: ``(n,)`` or ``(n, k)``.

    Examples
    --------
    >>> import numpy as np
    >>> standardise(np.array([1.0, 2.0, 3.0, np.nan])).round(3).tolist()
    [-1.225, 0.0, 1.225, nan]
    """
    a = np.asarray(x, dtype=np.float64)
    two = a.reshape(a.shape[0], -1)
    out = np.full_like(two, np.nan)
    for j in range(two.shape[1]):
        col = two[:, j]
        ok = np.isfinite(col)
        if ok.sum() == 0:
            continue
        mu = col[ok].mean()
        sd = col[ok].std()
        out[ok, j] = 0.0 if ok.sum() < 2 or sd == 0 else (col[ok] - mu) / sd
    return out.reshape(a.shape)


@dataclass(frozen=True)
class AxisScores:
    """Result of :func:`axis_scores` for ``n`` regions and ``k`` components.

    Attributes
    ----------
    z : (n, k) array
        Standard score of each component (direction applied), ``NaN`` where the input is missing.
    raw : (n,) array
        Weighted mean of the available standard scores, ``Σ_j w_j z_ij / Σ_j w_j`` over finite ``z_ij``.
    score : (n,) array
        ``raw`` standardised again across regions (mean 0, sd 1), so thresholds read as standard deviations.
    coverage : (n,) array
        Share of the total weight a region's available components carry (1 = nothing missing).
    """

    z: FloatArray
    raw: FloatArray
    score: FloatArray
    coverage: FloatArray


def axis_scores(logx: FloatArray, weights: FloatArray, direction: FloatArray) -> AxisScores:
    """Axis score from log-values ``logx`` (n, k), relative ``weights`` (k,) ≥ 0 and ``direction`` (k,) ±1.

    Notes
    -----
    ``z_ij = d_j (y_ij − ȳ_j) / s_j`` with ``y = log x``; ``raw_i = Σ_j w_j z_ij / Σ_j w_j`` over the components
    observed for region ``i``; ``score = standardise(raw)``.

    Examples
    --------
    >>> import numpy as np
    >>> res = axis_scores(np.log([[10.0, 5.0], [100.0, 50.0], [1000.0, np.nan]]), np.ones(2), np.ones(2))
    >>> res.score.round(3).tolist(), res.coverage.tolist()
    ([-1.348, 0.303, 1.045], [1.0, 1.0, 0.5])
    """
    y = np.asarray(logx, dtype=np.float64) * np.asarray(direction, dtype=np.float64)[None, :]
    z = standardise(y)
    w = np.asarray(weights, dtype=np.float64)
    ok = np.isfinite(z) & (w[None, :] > 0)
    wsum = np.where(ok, w[None, :], 0.0).sum(axis=1)
    num = np.where(ok, z * w[None, :], 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = np.where(wsum > 0, num / wsum, np.nan)
    total = w.sum()
    coverage = wsum / total if total > 0 else np.zeros_like(wsum)
    return AxisScores(z=z, raw=raw, score=standardise(raw), coverage=coverage)


def normal_cdf(z: FloatArray) -> FloatArray:
    """Φ(z), the standard normal CDF, elementwise (``NaN`` stays ``NaN``): scales a standard score to (0, 1)."""
    from scipy.special import ndtr

    return np.asarray(ndtr(np.asarray(z, dtype=np.float64)), dtype=np.float64)


def ols_slope(years: FloatArray, values: FloatArray, min_points: int = 3) -> FloatArray:
    """Least-squares slope of each row of ``values`` (n, t) on ``years`` (t,), over its finite entries.

    Rows with fewer than ``min_points`` finite values get ``NaN``. Units: value units per year.
    """
    v = np.asarray(values, dtype=np.float64)
    t = np.asarray(years, dtype=np.float64)
    out = np.full(v.shape[0], np.nan)
    for i in range(v.shape[0]):
        ok = np.isfinite(v[i])
        if ok.sum() < min_points:
            continue
        tt, vv = t[ok], v[i, ok]
        dt = tt - tt.mean()
        out[i] = float((dt * (vv - vv.mean())).sum() / (dt * dt).sum())
    return out
