"""Analytic Hierarchy Process weights (层次分析法) with Saaty's consistency ratio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import ComputationError, ParameterError

#: Saaty's random consistency index RI for n = 1..15 (Saaty 1980, *The Analytic Hierarchy Process*, table
#: 1.7 as reproduced in most Chinese AHP texts). Other tables exist (e.g. Tummala & Ling 1998, used by pymcdm).
SAATY_RI: tuple[float, ...] = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)


@dataclass(frozen=True, slots=True)
class AHPResult:
    """Result of :func:`ahp_weights`.

    Attributes
    ----------
    weights : FloatArray, shape (n,)
        Normalised principal eigenvector (sums to 1).
    lambda_max : float
        Principal eigenvalue.
    ci : float
        Consistency index :math:`(\\lambda_{max} - n)/(n - 1)`.
    cr : float
        Consistency ratio :math:`CI/RI_n` (0 for n ≤ 2).
    """

    weights: FloatArray
    lambda_max: float
    ci: float
    cr: float


def ahp_weights(matrix: FloatArray | Sequence[Sequence[float]], *, max_cr: float | None = 0.1) -> AHPResult:
    """Weights from a reciprocal pairwise-comparison matrix (principal eigenvector) and its consistency.

    Parameters
    ----------
    matrix : array, shape (n, n)
        ``matrix[i, j]`` says how much more important criterion i is than j on Saaty's 1–9 scale;
        ``matrix[j, i]`` must be ``1 / matrix[i, j]`` and the diagonal 1.
    max_cr : float or None, default 0.1
        Raise :class:`~yindi.errors.ComputationError` when CR exceeds it (Saaty's 10 % rule); ``None`` accepts
        any CR (the result still reports it).

    Notes
    -----
    :math:`A w = \\lambda_{max} w`, :math:`CI = (\\lambda_{max}-n)/(n-1)`, :math:`CR = CI / RI_n` with
    :data:`SAATY_RI`.

    References
    ----------
    Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill.
    Saaty, T. L. (2008). Decision making with the analytic hierarchy process. *Int. J. Services Sciences*
    1(1): 83–98 (the drinks example used in the tests).

    Examples
    --------
    >>> ahp_weights([[1, 3], [1 / 3, 1]]).weights.round(3).tolist()
    [0.75, 0.25]
    """
    A = np.asarray(matrix, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] < 1:
        raise ParameterError(
            f"ahp_weights() needs a square pairwise matrix. Got shape {A.shape}.",
            zh=f"ahp_weights() 需要方阵形式的两两比较矩阵，收到的形状为 {A.shape}。",
        )
    n = A.shape[0]
    if n > len(SAATY_RI):
        raise ParameterError(
            f"ahp_weights(): Saaty's RI table covers n ≤ {len(SAATY_RI)}; got n = {n}. Split the hierarchy.",
            zh="ahp_weights()：Saaty 平均随机一致性指标（RI）"
            f"表只覆盖 n ≤ {len(SAATY_RI)}，收到 n = {n}。请把层次结构拆分。",
        )
    if not np.all(np.isfinite(A)) or np.any(A <= 0):
        raise ParameterError(
            "ahp_weights(): every entry of the pairwise matrix must be a positive number.",
            zh="ahp_weights()：两两比较矩阵的每个元素都须为正数。",
        )
    if not np.allclose(A * A.T, 1.0, rtol=1e-6):
        i, j = np.argwhere(~np.isclose(A * A.T, 1.0, rtol=1e-6))[0]
        raise ParameterError(
            f"ahp_weights(): the matrix is not reciprocal: a[{i},{j}] = {A[i, j]:g} but a[{j},{i}] = {A[j, i]:g} "
            f"(expected {1 / A[i, j]:g}).",
            zh=f"ahp_weights()：矩阵不满足互反性：a[{i},{j}] = {A[i, j]:g}，"
            f"而 a[{j},{i}] = {A[j, i]:g}（应为 {1 / A[i, j]:g}）。",
        )
    vals, vecs = np.linalg.eig(A)
    k = int(np.argmax(vals.real))
    lam = float(vals.real[k])
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ci = max(ci, 0.0)
    ri = SAATY_RI[n - 1]
    cr = ci / ri if ri > 0 else 0.0
    if max_cr is not None and cr > max_cr:
        raise ComputationError(
            f"ahp_weights(): the pairwise matrix is inconsistent: CR = {cr:.3f} > {max_cr:g}. Revise the "
            "judgements (the largest ratios first), or pass max_cr=None to accept it knowingly.",
            zh=f"ahp_weights()：两两比较矩阵不一致：CR = {cr:.3f} > {max_cr:g}。"
            "请修改判断（先改比值最大的），或传入 max_cr=None 明知而接受。",
        )
    return AHPResult(np.asarray(w), lam, ci, cr)
