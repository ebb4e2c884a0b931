"""Kernel: OLS with absorbed one- or two-way fixed effects (balanced panel) and region-clustered errors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray, IntArray


@dataclass(frozen=True)
class OlsFit:
    """Coefficients of the non-absorbed regressors.

    Attributes
    ----------
    coef, se : float arrays, shape (p,)
        Estimates and cluster-robust standard errors (clusters = regions; CR1 correction
        ``G/(G−1) · (N−1)/(N−K)`` with ``K`` counting absorbed effects, as Stata ``areg``/statsmodels with dummies).
    r2 : float
        R² of the (demeaned) regression.
    n_obs, k : int
        Observations and parameters including absorbed effects.
    """

    coef: FloatArray
    se: FloatArray
    r2: float
    n_obs: int
    k: int


def demean(a: FloatArray, unit: IntArray, time: IntArray, effects: str) -> FloatArray:
    """Remove unit (``"region"``) or unit and time (``"twoway"``) means; balanced panel assumed for two-way."""
    if effects == "none":
        return a
    out = a.copy()
    nu = int(unit.max()) + 1
    cnt = np.bincount(unit, minlength=nu).astype(float)
    um = np.stack([np.bincount(unit, weights=col, minlength=nu) / cnt for col in a.T], axis=1)
    out = a - um[unit]
    if effects == "twoway":
        nt = int(time.max()) + 1
        ct = np.bincount(time, minlength=nt).astype(float)
        tm = np.stack([np.bincount(time, weights=col, minlength=nt) / ct for col in a.T], axis=1)
        out = out - tm[time] + a.mean(axis=0)
    return np.asarray(out, dtype=np.float64)


def ols_fe(y: FloatArray, x: FloatArray, unit: IntArray, time: IntArray, effects: str) -> OlsFit:
    """OLS of ``y`` (N,) on ``x`` (N, p) with ``effects`` in {"none", "region", "twoway"} absorbed.

    With ``effects="none"`` include a constant column in ``x`` yourself.
    """
    n = y.size
    yx = demean(np.column_stack([y, x]), unit, time, effects)
    yt, xt = yx[:, 0], yx[:, 1:]
    xtx_inv = np.linalg.pinv(xt.T @ xt)
    coef = xtx_inv @ xt.T @ yt
    resid = yt - xt @ coef
    g = int(unit.max()) + 1
    absorbed = {"none": 0, "region": g, "twoway": g + int(time.max()) + 1 - 1}[effects]
    k = x.shape[1] + absorbed
    scores = np.stack(
        [np.bincount(unit, weights=xt[:, j] * resid, minlength=g) for j in range(x.shape[1])], axis=1
    )
    meat = scores.T @ scores
    corr = g / (g - 1) * (n - 1) / (n - k)
    cov = corr * xtx_inv @ meat @ xtx_inv
    tss = ((yt - yt.mean()) ** 2).sum() if effects == "none" else (yt**2).sum()
    r2 = 1 - float((resid**2).sum() / tss) if tss > 0 else float("nan")
    return OlsFit(coef, np.sqrt(np.diag(cov)), r2, n, k)
