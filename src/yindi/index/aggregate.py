"""Aggregation kernels: TOPSIS, weighted sum, grey relational analysis (灰色关联分析)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import ParameterError, check_option
from yindi.index._options import NORMALIZATIONS, Normalization
from yindi.index.normalize import as_directions, as_matrix, minmax, vector


def as_weights(weights: FloatArray | Sequence[float], m: int, where: str) -> FloatArray:
    w = np.asarray(weights, dtype=np.float64).ravel()
    if w.shape != (m,) or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ParameterError(
            f"The 'weights' parameter of {where} must be {m} non-negative numbers with a positive sum. "
            f"Got {np.asarray(weights).tolist()!r} instead.",
            zh=f"{where} 的参数 'weights' 须为 {m} 个非负数且总和为正，"
            f"收到的是 {np.asarray(weights).tolist()!r}。",
        )
    return np.asarray(w / w.sum())


@dataclass(frozen=True, slots=True)
class TopsisResult:
    """Result of :func:`topsis`.

    Attributes
    ----------
    closeness : FloatArray, shape (n,)
        Relative closeness :math:`C_i = D_i^-/(D_i^+ + D_i^-)` in [0, 1] (0.5 where both distances are 0).
    d_plus, d_minus : FloatArray, shape (n,)
        Distances to the positive and negative ideal points.
    ideal, anti_ideal : FloatArray, shape (m,)
        :math:`V^+_j = \\max_i v_{ij}` and :math:`V^-_j = \\min_i v_{ij}` of the weighted normalised matrix.
    """

    closeness: FloatArray
    d_plus: FloatArray
    d_minus: FloatArray
    ideal: FloatArray
    anti_ideal: FloatArray


def topsis(
    X: FloatArray | Sequence[Sequence[float]],
    weights: FloatArray | Sequence[float],
    directions: Sequence[int] | FloatArray | None = None,
    *,
    normalization: Normalization = "minmax",
    normalized: bool = False,
) -> TopsisResult:
    """TOPSIS closeness (Hwang & Yoon 1981) of each row of ``X`` (n × m).

    Parameters
    ----------
    X : array, shape (n, m)
        Raw values; for a panel stack all region-years so that the ideal points are global.
    weights : array, shape (m,)
        Non-negative weights (rescaled to sum 1).
    directions : array of ±1, shape (m,), optional
    normalization : {'minmax', 'vector'}, default 'minmax'
        'minmax' (METHODS §3.1) or Hwang & Yoon's vector normalisation (negative indicators as ``1 - r``).
    normalized : bool, default False
        Take ``X`` as already normalised (larger = better in every column).

    Notes
    -----
    .. math:: v_{ij} = w_j r_{ij},\\ D_i^{\\pm} = \\lVert v_i - V^{\\pm}\\rVert_2,\\ C_i = D_i^-/(D_i^+ + D_i^-)

    References
    ----------
    Hwang, C. L., Yoon, K. (1981). *Multiple Attribute Decision Making*. Springer.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 10.0], [2.0, 10.5], [4.0, 30.0]])
    >>> topsis(X, [0.5, 0.5]).closeness.round(3).tolist()
    [0.0, 0.221, 1.0]
    """
    check_option("normalization", normalization, NORMALIZATIONS, where="topsis()")
    if normalization == "zscore":
        raise ParameterError(
            "topsis() supports normalization='minmax' or 'vector'. Got 'zscore' instead.",
            zh="topsis() 只支持 normalization='minmax' 或 'vector'，收到的是 'zscore'。",
        )
    A = as_matrix(X, "topsis()")
    w = as_weights(weights, A.shape[1], "topsis()")
    if normalized:
        R = A
    else:
        d = as_directions(directions, A.shape[1], "topsis()")
        R = minmax(A, d) if normalization == "minmax" else vector(A, d)
    V = R * w
    ideal = V.max(axis=0)
    anti = V.min(axis=0)
    dp = np.sqrt(((V - ideal) ** 2).sum(axis=1))
    dm = np.sqrt(((V - anti) ** 2).sum(axis=1))
    den = dp + dm
    c = np.where(den > 0, dm / np.where(den > 0, den, 1.0), 0.5)
    return TopsisResult(np.asarray(c), dp, dm, ideal, anti)


def weighted_sum(
    X: FloatArray | Sequence[Sequence[float]],
    weights: FloatArray | Sequence[float],
    directions: Sequence[int] | FloatArray | None = None,
    *,
    normalized: bool = False,
) -> FloatArray:
    """Linear weighted sum :math:`S_i = \\sum_j w_j x'_{ij}` of the min–max normalised matrix; shape (n,)."""
    A = as_matrix(X, "weighted_sum()")
    w = as_weights(weights, A.shape[1], "weighted_sum()")
    R = A if normalized else minmax(A, as_directions(directions, A.shape[1], "weighted_sum()"))
    return np.asarray(R @ w)


def grey_relational(
    X: FloatArray | Sequence[Sequence[float]],
    weights: FloatArray | Sequence[float],
    directions: Sequence[int] | FloatArray | None = None,
    *,
    rho: float = 0.5,
    normalized: bool = False,
) -> FloatArray:
    """Grey relational grade (Deng 1982) of each row with the ideal row; shape (n,), values in (0, 1].

    Notes
    -----
    With min–max normalised :math:`x'` and the reference series :math:`x'_{0j} = \\max_i x'_{ij}`,
    :math:`\\Delta_{ij} = |x'_{0j} - x'_{ij}|`,
    :math:`\\xi_{ij} = (\\Delta_{min} + \\rho\\Delta_{max})/(\\Delta_{ij} + \\rho\\Delta_{max})` with the minimum
    and maximum over all i, j, and the grade :math:`\\gamma_i = \\sum_j w_j \\xi_{ij}`; ``rho`` (distinguishing
    coefficient) is 0.5 by convention.

    References
    ----------
    Deng, J. L. (1982). Control problems of grey systems. *Systems & Control Letters* 1(5): 288–294.
    """
    if not 0 < rho <= 1:
        raise ParameterError(
            f"The 'rho' parameter of grey_relational() must be in (0, 1]. Got {rho!r}.",
            zh=f"grey_relational() 的参数 'rho' 须在 (0, 1] 内，收到的是 {rho!r}。",
        )
    A = as_matrix(X, "grey_relational()")
    w = as_weights(weights, A.shape[1], "grey_relational()")
    R = A if normalized else minmax(A, as_directions(directions, A.shape[1], "grey_relational()"))
    delta = np.abs(R.max(axis=0) - R)
    dmin, dmax = float(delta.min()), float(delta.max())
    if dmax == 0:
        return np.ones(A.shape[0])
    xi = (dmin + rho * dmax) / (delta + rho * dmax)
    return np.asarray(xi @ w)
