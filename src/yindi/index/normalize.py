"""Normalisation kernels (标准化): min–max with direction, z-score, vector.

Pure NumPy on a matrix ``X`` of shape ``(n, m)``: rows are regions (or region-years, for a panel the rows of
all years stacked, so that the min and max are "global"), columns are indicators.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from yindi._typing import BoolArray, FloatArray
from yindi.errors import ComputationError, ParameterError, check_option
from yindi.index._options import NORMALIZATIONS, Normalization


def as_matrix(X: object, where: str) -> FloatArray:
    """``X`` as a finite 2-D float array (rows = regions, columns = indicators) or a clear error."""
    arr = np.asarray(X, dtype=np.float64)
    if arr.ndim != 2:
        raise ParameterError(
            f"{where} expects a 2-D matrix (regions × indicators). Got shape {arr.shape}.",
            zh=f"{where} 需要二维矩阵（地区 × 指标），收到的形状为 {arr.shape}。",
        )
    if arr.shape[0] < 2 or arr.shape[1] < 1:
        raise ParameterError(
            f"{where} needs at least 2 rows (regions) and 1 column (indicator). Got shape {arr.shape}.",
            zh=f"{where} 至少需要 2 行（地区）和 1 列（指标），收到的形状为 {arr.shape}。",
        )
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        raise ParameterError(
            f"{where}: the matrix has a missing or infinite value at row {bad[0]}, column {bad[1]}. "
            "Apply a missing-value policy first (evaluate(..., missing='interpolate'|'drop_indicator')).",
            zh=f"{where}：矩阵第 {bad[0]} 行第 {bad[1]} 列有缺失值或无穷值。"
            "请先选择缺失值处理方式（evaluate(..., missing='interpolate'|'drop_indicator')）"
            "。",
        )
    return arr


def as_directions(directions: Sequence[int] | FloatArray | None, m: int, where: str) -> FloatArray:
    """Directions as an array of +1/−1 of length ``m`` (``None`` → all +1)."""
    if directions is None:
        return np.ones(m)
    d = np.asarray(directions, dtype=np.float64).ravel()
    if d.shape != (m,) or not np.all(np.isin(d, (-1.0, 1.0))):
        raise ParameterError(
            f"The 'directions' parameter of {where} must hold +1 (more is better) or -1 (less is better) for "
            f"each of the {m} indicators. Got {np.asarray(directions).tolist()!r} instead.",
            zh=f"{where} 的参数 'directions' 须为 {m} 个指标各给出 +1（越大越好）或 -1（越小越好）"
            f"，收到的是 {np.asarray(directions).tolist()!r}。",
        )
    return d


def constant_columns(X: FloatArray) -> BoolArray:
    """Boolean mask (as bool array) of columns whose values are all equal (up to rounding)."""
    span = X.max(axis=0) - X.min(axis=0)
    scale = np.maximum(np.abs(X).max(axis=0), 1.0)
    return np.asarray(span <= 1e-12 * scale)


def minmax(X: FloatArray, directions: FloatArray) -> FloatArray:
    """Min–max normalisation with direction (METHODS §3.1); constant columns become 0.

    Notes
    -----
    Positive: :math:`x' = (x - \\min x)/(\\max x - \\min x)`; negative: :math:`x' = (\\max x - x)/(\\max x - \\min x)`.
    The min and max are over all rows given, so a stacked panel gets "global" bounds.

    Returns
    -------
    FloatArray, shape (n, m), values in [0, 1].
    """
    lo = X.min(axis=0)
    hi = X.max(axis=0)
    span = hi - lo
    const = constant_columns(X)
    safe = np.where(const, 1.0, span)
    pos = (X - lo) / safe
    out = np.where(directions > 0, pos, 1.0 - pos)
    out[:, const] = 0.0
    return np.asarray(np.clip(out, 0.0, 1.0))


def zscore(X: FloatArray, directions: FloatArray) -> FloatArray:
    """z-score with direction: :math:`d_j (x - \\bar x_j)/s_j` (``ddof=1``); constant columns become 0."""
    mean = X.mean(axis=0)
    sd = X.std(axis=0, ddof=1)
    const = constant_columns(X)
    out = (X - mean) / np.where(const, 1.0, sd) * directions
    out[:, const] = 0.0
    return np.asarray(out)


def vector(X: FloatArray, directions: FloatArray) -> FloatArray:
    """Vector normalisation :math:`x/\\sqrt{\\sum_i x_i^2}`; a negative indicator becomes :math:`1 - x/\\lVert x\\rVert`.

    The ``1 - r`` form for negative indicators (as in pymcdm) keeps "larger is better" in every column; the
    TOPSIS distances are the same as taking the minimum as the ideal of the raw ratio.
    """
    norm = np.sqrt((X**2).sum(axis=0))
    if np.any(norm == 0):
        j = int(np.flatnonzero(norm == 0)[0])
        raise ComputationError(
            f"Vector normalisation: column {j} is all zeros; use 'minmax' instead.",
            zh=f"向量标准化：第 {j} 列全为 0；请改用 'minmax'。",
        )
    r = X / norm
    return np.asarray(np.where(directions > 0, r, 1.0 - r))


def normalize(
    X: FloatArray, directions: Sequence[int] | FloatArray | None = None, method: Normalization = "minmax"
) -> FloatArray:
    """Normalise ``X`` (n × m) column by column with ``method`` ('minmax', 'zscore' or 'vector')."""
    check_option("method", method, NORMALIZATIONS, where="normalize()")
    A = as_matrix(X, "normalize()")
    d = as_directions(directions, A.shape[1], "normalize()")
    if method == "minmax":
        return minmax(A, d)
    if method == "zscore":
        return zscore(A, d)
    return vector(A, d)
