"""Objective weighting kernels (客观赋权): entropy, CRITIC, coefficient of variation, PCA, equal, combined.

Each function takes the raw matrix ``X`` of shape ``(n, m)`` (rows = regions, or region-years stacked for the
panel / "global" variant; columns = indicators) and returns the weights, a float array of shape ``(m,)`` that is
non-negative and sums to 1. Constant columns get weight 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import ComputationError, ParameterError, check_option
from yindi.index._options import COMBINE_METHODS, CombineMethod
from yindi.index.normalize import as_directions, as_matrix, constant_columns, minmax


def _finish(score: FloatArray, where: str) -> FloatArray:
    total = float(score.sum())
    if not np.isfinite(total) or total <= 0:
        raise ComputationError(
            f"{where}: no indicator carries information (all constant, or for CRITIC all perfectly correlated), "
            "so no weights can be derived. "
            "Check the data or use equal weights.",
            zh=f"{where}：没有任何指标含有信息（全部为常数，或对 CRITIC 而言全部完全相关），无法求出权重。"
            "请检查数据，或使用等权重。",
        )
    return np.asarray(score / total)


def entropy_weights(
    X: FloatArray | Sequence[Sequence[float]],
    directions: Sequence[int] | FloatArray | None = None,
    *,
    shift: float = 0.0,
    normalized: bool = False,
) -> FloatArray:
    """Entropy weights (熵值法; cross-section, or the panel "global" variant when rows are region-years).

    Parameters
    ----------
    X : array, shape (n, m)
        Raw indicator values (``normalized=False``) or already normalised non-negative values.
    directions : array of ±1, shape (m,), optional
        +1 when more is better, −1 when less is better (default all +1).
    shift : float, default 0
        Added to the min–max normalised values before the shares are taken (the literature's ``x' + 0.001``).
        With the default 0, the convention :math:`0 \\ln 0 = 0` applies.
    normalized : bool, default False
        If True, ``X`` is used as is (it must be non-negative) instead of being min–max normalised.

    Returns
    -------
    FloatArray, shape (m,)

    Notes
    -----
    .. math:: p_{ij} = x'_{ij}/\\sum_i x'_{ij},\\quad e_j = -\\frac{1}{\\ln n}\\sum_i p_{ij}\\ln p_{ij},\\quad
              w_j = (1-e_j)/\\sum_k (1-e_k)

    with :math:`n` the number of rows; stacking :math:`T` years of :math:`N` regions gives the panel constant
    :math:`1/\\ln(TN)` (杨丽 & 孙之淳 2015). A constant column has :math:`e_j = 1` and weight 0.

    References
    ----------
    Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical Journal* 27.
    杨丽, 孙之淳 (2015). 基于熵值法的西部新型城镇化发展水平测评. 经济问题.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 10.0], [2.0, 10.5], [4.0, 30.0]])
    >>> entropy_weights(X).round(3).tolist()
    [0.353, 0.647]
    """
    A = as_matrix(X, "entropy_weights()")
    if shift < 0 or not np.isfinite(shift):
        raise ParameterError(
            f"The 'shift' parameter of entropy_weights() must be ≥ 0. Got {shift!r} instead.",
            zh=f"entropy_weights() 的参数 'shift' 须 ≥ 0，收到的是 {shift!r}。",
        )
    n = A.shape[0]
    if normalized:
        if np.any(A < 0):
            raise ParameterError(
                "entropy_weights(normalized=True) needs non-negative values; got negatives.",
                zh="entropy_weights(normalized=True) 需要非负值，但数据中有负数。",
            )
        Z = A.copy()
        const = constant_columns(A)
    else:
        d = as_directions(directions, A.shape[1], "entropy_weights()")
        Z = minmax(A, d)
        const = constant_columns(A)
    Z = Z + shift
    colsum = Z.sum(axis=0)
    info = np.zeros(A.shape[1])
    live = ~const & (colsum > 0)
    P = Z[:, live] / colsum[live]
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(P > 0, P * np.log(np.where(P > 0, P, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / np.log(n)
    info[live] = np.clip(1.0 - e, 0.0, None)
    return _finish(info, "entropy_weights()")


def critic_weights(
    X: FloatArray | Sequence[Sequence[float]],
    directions: Sequence[int] | FloatArray | None = None,
) -> FloatArray:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995) on the min–max normalised matrix.

    Returns
    -------
    FloatArray, shape (m,)

    Notes
    -----
    .. math:: C_j = \\sigma_j \\sum_k (1 - r_{jk}),\\qquad w_j = C_j / \\sum_k C_k

    with :math:`\\sigma_j` the standard deviation (``ddof=1``) of the normalised column and :math:`r_{jk}` the
    Pearson correlation of normalised columns. Directions matter: a negative indicator is reversed before the
    correlations are taken. A constant column has :math:`\\sigma_j = 0` (weight 0); its correlations, undefined,
    are taken as 0 for the other columns.

    References
    ----------
    Diakoulaki, D., Mavrotas, G., Papayannakis, L. (1995). Determining objective weights in multiple criteria
    problems: the CRITIC method. *Computers & Operations Research* 22(7): 763–770.

    Examples
    --------
    >>> import numpy as np
    >>> critic_weights(np.array([[1.0, 10.0], [2.0, 10.5], [4.0, 30.0]])).round(3).tolist()
    [0.472, 0.528]
    """
    A = as_matrix(X, "critic_weights()")
    d = as_directions(directions, A.shape[1], "critic_weights()")
    Z = minmax(A, d)
    const = constant_columns(A)
    sd = Z.std(axis=0, ddof=1)
    sd[const] = 0.0
    centered = Z - Z.mean(axis=0)
    norms = np.sqrt((centered**2).sum(axis=0))
    safe = np.where(norms > 0, norms, 1.0)
    U = centered / safe
    R = U.T @ U
    R[const, :] = 0.0
    R[:, const] = 0.0
    np.fill_diagonal(R, 1.0)
    conflict = 1.0 - np.clip(R, -1.0, 1.0)
    conflict[conflict < 1e-12] = 0.0  # r = 1 up to rounding: no conflict (keeps the degenerate case exact)
    C = sd * conflict.sum(axis=0)
    return _finish(np.clip(C, 0.0, None), "critic_weights()")


def cv_weights(X: FloatArray | Sequence[Sequence[float]]) -> FloatArray:
    """Coefficient-of-variation weights (变异系数法) on the raw values: :math:`w_j \\propto s_j/|\\bar x_j|`.

    ``s_j`` uses ``ddof=1``. The coefficient of variation needs a ratio scale (a meaningful zero): pass raw,
    positive indicators, not normalised ones. Direction does not matter.

    Returns
    -------
    FloatArray, shape (m,)
    """
    A = as_matrix(X, "cv_weights()")
    mean = A.mean(axis=0)
    if np.any(mean == 0):
        j = int(np.flatnonzero(mean == 0)[0])
        raise ComputationError(
            f"cv_weights(): column {j} has mean 0, so its coefficient of variation is undefined.",
            zh=f"cv_weights()：第 {j} 列均值为 0，变异系数无定义。",
        )
    cv = A.std(axis=0, ddof=1) / np.abs(mean)
    cv[constant_columns(A)] = 0.0
    return _finish(cv, "cv_weights()")


def pca_weights(X: FloatArray | Sequence[Sequence[float]], *, variance: float = 0.85) -> FloatArray:
    """PCA weights (主成分分析赋权) from the correlation matrix.

    The components are kept until their cumulative share of variance reaches ``variance``; the weight of an
    indicator is the variance-share-weighted mean of the absolute loadings
    :math:`w_j \\propto \\sum_{k\\le K} \\lambda_k |u_{jk}| / \\sum_{k\\le K}\\lambda_k` (eigenvectors :math:`u`
    of the correlation matrix, eigenvalues :math:`\\lambda`), then normalised to sum 1. Constant columns get 0.

    Returns
    -------
    FloatArray, shape (m,)
    """
    A = as_matrix(X, "pca_weights()")
    if not 0 < variance <= 1:
        raise ParameterError(
            f"The 'variance' parameter of pca_weights() must be in (0, 1]. Got {variance!r}.",
            zh=f"pca_weights() 的参数 'variance' 须在 (0, 1] 内，收到的是 {variance!r}。",
        )
    const = constant_columns(A)
    live = np.flatnonzero(~const)
    if live.size == 0:
        return _finish(np.zeros(A.shape[1]), "pca_weights()")
    Z = A[:, live]
    Z = (Z - Z.mean(axis=0)) / Z.std(axis=0, ddof=1)
    R = np.atleast_2d(np.corrcoef(Z, rowvar=False))
    lam, U = np.linalg.eigh(R)
    order = np.argsort(lam)[::-1]
    lam = np.clip(lam[order], 0.0, None)
    U = U[:, order]
    share = np.cumsum(lam) / lam.sum()
    k = int(np.searchsorted(share, variance - 1e-12) + 1)
    score = np.abs(U[:, :k]) @ lam[:k] / lam[:k].sum()
    out = np.zeros(A.shape[1])
    out[live] = score
    return _finish(out, "pca_weights()")


def equal_weights(m: int) -> FloatArray:
    """Equal weights :math:`1/m`, shape (m,)."""
    if m < 1:
        raise ParameterError(
            f"equal_weights() needs m ≥ 1. Got {m!r}.", zh=f"equal_weights() 需要 m ≥ 1，收到的是 {m!r}。"
        )
    return np.full(m, 1.0 / m)


def combine_weights(
    subjective: FloatArray | Sequence[float],
    objective: FloatArray | Sequence[float],
    *,
    alpha: float = 0.5,
    method: CombineMethod = "linear",
) -> FloatArray:
    """Combine subjective (e.g. AHP) and objective (e.g. entropy) weights (组合赋权).

    ``linear``: :math:`w = \\alpha w^s + (1-\\alpha) w^o`; ``multiplicative``:
    :math:`w_j = w^s_j w^o_j / \\sum_k w^s_k w^o_k`.

    Returns
    -------
    FloatArray, shape (m,)
    """
    check_option("method", method, COMBINE_METHODS, where="combine_weights()")
    a = np.asarray(subjective, dtype=np.float64)
    b = np.asarray(objective, dtype=np.float64)
    if a.shape != b.shape or a.ndim != 1:
        raise ParameterError(
            f"combine_weights(): both weight vectors need the same length; got {a.shape} and {b.shape}.",
            zh=f"combine_weights()：两个权重向量长度须相同，收到的形状为 {a.shape} 和 {b.shape}。",
        )
    if not 0 <= alpha <= 1:
        raise ParameterError(
            f"The 'alpha' parameter of combine_weights() must be in [0, 1]. Got {alpha!r}.",
            zh=f"combine_weights() 的参数 'alpha' 须在 [0, 1] 内，收到的是 {alpha!r}。",
        )
    if np.any(a < 0) or np.any(b < 0):
        raise ParameterError(
            "combine_weights(): weights must be non-negative.", zh="combine_weights()：权重须为非负数。"
        )
    a = a / a.sum()
    b = b / b.sum()
    w = alpha * a + (1 - alpha) * b if method == "linear" else a * b
    return _finish(np.asarray(w), "combine_weights()")
