"""Diagnostic kernels: obstacle degree (障碍度) and coupling-coordination degree (耦合协调度)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray, IntArray
from yindi.errors import ParameterError
from yindi.index.aggregate import as_weights

#: The ten grades of the coupling-coordination degree D (廖重斌 1999), class width 0.1 from 0 to 1.
COORDINATION_GRADES_ZH: tuple[str, ...] = (
    "极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
    "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调",
)  # fmt: skip
COORDINATION_GRADES_EN: tuple[str, ...] = (
    "extreme imbalance", "severe imbalance", "moderate imbalance", "mild imbalance", "verge of imbalance",
    "barely coordinated", "primary coordination", "intermediate coordination", "good coordination",
    "high-quality coordination",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ObstacleResult:
    """Result of :func:`obstacle_degree`.

    Attributes
    ----------
    indicator : FloatArray, shape (n, m)
        Obstacle degree :math:`O_{ij}` in percent; each row sums to 100 (or is 0 when a region is best on every
        indicator).
    dimension : FloatArray, shape (n, k)
        :math:`U_{ik} = \\sum_{j \\in k} O_{ij}` for the ``k`` dimensions (one column when no dimensions given).
    """

    indicator: FloatArray
    dimension: FloatArray


def obstacle_degree(
    Xn: FloatArray, weights: FloatArray | Sequence[float], dimensions: IntArray | Sequence[int] | None = None
) -> ObstacleResult:
    """Obstacle degree of each indicator for each region (METHODS §3.11).

    Parameters
    ----------
    Xn : array, shape (n, m)
        Min–max normalised values in [0, 1] (larger = better).
    weights : array, shape (m,)
        Overall weight of each indicator (factor contribution :math:`F_j`; for a two-level index pass
        :math:`W_k w_j`, which is what :func:`yindi.index.evaluate` stores).
    dimensions : int array, shape (m,), optional
        Dimension number 0..k-1 of each indicator.

    Notes
    -----
    :math:`I_{ij} = 1 - x'_{ij}`, :math:`O_{ij} = 100\\, F_j I_{ij} / \\sum_j F_j I_{ij}`.
    """
    A = np.asarray(Xn, dtype=np.float64)
    if A.ndim != 2 or np.any(~np.isfinite(A)) or np.any(A < -1e-12) or np.any(A > 1 + 1e-12):
        raise ParameterError(
            "obstacle_degree() needs a normalised matrix with values in [0, 1] (regions × indicators).",
            zh="obstacle_degree() 需要取值在 [0, 1] 内的标准化矩阵（地区 × 指标）。",
        )
    w = as_weights(weights, A.shape[1], "obstacle_degree()")
    dims = (
        np.zeros(A.shape[1], dtype=np.int64) if dimensions is None else np.asarray(dimensions, dtype=np.int64)
    )
    if dims.shape != (A.shape[1],) or np.any(dims < 0):
        raise ParameterError(
            "obstacle_degree(): 'dimensions' must give a dimension number ≥ 0 for each indicator.",
            zh="obstacle_degree()：'dimensions' 须为每个指标给出一个 ≥ 0 的维度编号。",
        )
    contrib = w * (1.0 - A)
    tot = contrib.sum(axis=1, keepdims=True)
    obs = np.where(tot > 0, 100.0 * contrib / np.where(tot > 0, tot, 1.0), 0.0)
    k = int(dims.max()) + 1
    D = np.zeros((A.shape[0], k))
    for j in range(k):
        D[:, j] = obs[:, dims == j].sum(axis=1)
    return ObstacleResult(np.asarray(obs), D)


@dataclass(frozen=True, slots=True)
class CouplingResult:
    """Result of :func:`coupling_coordination`.

    Attributes
    ----------
    coupling : FloatArray, shape (n,)
        Coupling degree C in [0, 1].
    development : FloatArray, shape (n,)
        Comprehensive development index :math:`T = \\sum_i \\alpha_i U_i`.
    coordination : FloatArray, shape (n,)
        Coupling-coordination degree :math:`D = \\sqrt{CT}`.
    grade : IntArray, shape (n,)
        Grade 0..9 on the ten-grade scale (:data:`COORDINATION_GRADES_ZH`); D = 1 is grade 9.
    """

    coupling: FloatArray
    development: FloatArray
    coordination: FloatArray
    grade: IntArray


def coupling_coordination(
    U: FloatArray | Sequence[Sequence[float]], alpha: FloatArray | Sequence[float] | None = None
) -> CouplingResult:
    """Coupling-coordination degree of ``k`` subsystems (METHODS §3.6).

    Parameters
    ----------
    U : array, shape (n, k)
        Subsystem indices in [0, 1] (e.g. the three element scores, or two indices the user gives), k ≥ 2.
    alpha : array, shape (k,), optional
        Contribution weights of the subsystems in T (default equal, :math:`1/k`).

    Notes
    -----
    .. math:: C = k\\left[\\frac{\\prod_i U_i}{(\\sum_i U_i)^k}\\right]^{1/k},\\quad T = \\sum_i \\alpha_i U_i,
              \\quad D = \\sqrt{C T}

    (for k = 2, :math:`C = 2\\sqrt{U_1U_2}/(U_1+U_2)`). C = 0 when every U is 0.

    References
    ----------
    廖重斌 (1999). 环境与经济协调发展的定量评判及其分类体系——以珠江三角洲城市群为例. 热带地理 19(2): 171–177.
    王淑佳, 孔伟, 任亮 等 (2021). 国内耦合协调度模型的误区及修正. 自然资源学报 36(3): 793–810.

    Examples
    --------
    >>> r = coupling_coordination([[0.4, 0.6]])
    >>> round(float(r.coordination[0]), 4), COORDINATION_GRADES_ZH[r.grade[0]]
    (0.6999, '初级协调')
    """
    A = np.asarray(U, dtype=np.float64)
    if A.ndim != 2 or A.shape[1] < 2:
        raise ParameterError(
            f"coupling_coordination() needs an (n, k) matrix with k ≥ 2 subsystems. Got shape {A.shape}.",
            zh=f"coupling_coordination() 需要 (n, k) 矩阵且子系统数 k ≥ 2，收到的形状为 {A.shape}。",
        )
    if np.any(~np.isfinite(A)) or np.any(A < 0) or np.any(A > 1 + 1e-12):
        raise ParameterError(
            "coupling_coordination(): subsystem indices must lie in [0, 1] (normalise them first).",
            zh="coupling_coordination()：子系统指数须在 [0, 1] 内（请先标准化）。",
        )
    k = A.shape[1]
    a = np.full(k, 1.0 / k) if alpha is None else as_weights(alpha, k, "coupling_coordination()")
    s = A.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(s > 0, np.prod(A / np.where(s > 0, s, 1.0)[:, None], axis=1), 0.0)
    C = np.clip(k * ratio ** (1.0 / k), 0.0, 1.0)
    T = A @ a
    D = np.sqrt(C * T)
    grade = np.minimum(np.floor(D * 10 + 1e-12), 9).astype(np.int64)
    return CouplingResult(np.asarray(C), np.asarray(T), np.asarray(D), grade)
