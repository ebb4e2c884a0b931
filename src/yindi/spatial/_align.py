"""Map user values (dict, Series or array) onto the order of a weights object, and the transform option."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import DataValidationError, MethodWarning, MissingDataError, ParameterError, check_option
from yindi.spatial._options import TRANSFORMS
from yindi.spatial.weights import Weights


def aligned(y: Any, w: Weights, where: str, name: str = "y") -> FloatArray:
    """Values of ``y`` in the order of ``w.ids``; ``y`` is a mapping/Series keyed by adcode, or an array."""
    if hasattr(y, "items") and not isinstance(y, np.ndarray):
        mapping = {str(k): v for k, v in y.items()}
        missing = [c for c in w.ids if c not in mapping]
        if missing:
            raise MissingDataError(
                f"{where}: {name} has no value for region(s) {missing[:5]}"
                f"{' …' if len(missing) > 5 else ''}; give one value per region of the weights "
                "(or build the weights on the regions you have with regions=...).",
                zh=f"{where}："
                f"{name} 缺少地区 {missing[:5]}{' …' if len(missing) > 5 else ''} 的数值；"
                "请为空间权重中的每个地区给出一个数值（或用 regions=... 只在已有数据的地区上构建空间权重）。",
            )
        out = np.array([mapping[c] for c in w.ids], dtype=np.float64)
    else:
        out = np.asarray(y, dtype=np.float64).ravel()
        if out.shape != (w.n,):
            raise DataValidationError(
                f"{where}: {name} has {out.size} values but the weights have {w.n} regions.",
                zh=f"{where}：{name} 有 {out.size} 个数值，但空间权重有 {w.n} 个地区。",
            )
    bad = ~np.isfinite(out)
    if bad.any():
        codes = [c for c, b in zip(w.ids, bad, strict=True) if b]
        raise MissingDataError(
            f"{where}: {name} is missing or not finite for region(s) {codes[:5]}.",
            zh=f"{where}：地区 {codes[:5]} 的 {name} 缺失或不是有限值。",
        )
    if out.std() == 0:
        raise DataValidationError(
            f"{where}: {name} is constant; spatial autocorrelation is undefined.",
            zh=f"{where}：{name} 为常数，空间自相关无定义。",
        )
    return out


def transformed(w: Weights, transformation: str, where: str, permutations: int = 0) -> Weights:
    """``w`` row-standardised (a new object) or as given; warns once about islands.

    With ``permutations`` > 0 it also checks that the regions allow that many distinct orderings (``n!``)
    and that the permutation table fits the resource limits (:mod:`yindi.limits`).
    """
    check_option("transformation", transformation, TRANSFORMS, where=where)
    if w.n < 3:
        raise ParameterError(
            f"{where} needs at least 3 regions; the weights have {w.n}.",
            zh=f"{where} 至少需要 3 个地区，当前权重只有 {w.n} 个。",
        )
    if permutations:
        check_orderings(w.n, permutations, where)
    if w.islands:
        warnings.warn(
            MethodWarning(
                f"{where}: region(s) {', '.join(w.islands)} have no neighbours (islands); their spatial lag is 0. "
                "Build the weights with islands='nearest' to attach them.",
                zh=f"{where}：地区 {'、'.join(w.islands)} 没有邻居（孤岛），其空间滞后为 0。"
                "构建空间权重时设 islands='nearest' 可为其连上最近的地区。",
            ),
            stacklevel=3,
        )
    if transformation == "row":
        return w.row_standardised()
    if transformation == "binary":
        return w.from_neighbors(w.neighbors, kind=w.kind)
    return w


def check_permutations(permutations: int, where: str) -> None:
    from yindi import limits

    if not isinstance(permutations, int) or permutations < 0:
        raise ParameterError(
            f"The 'permutations' parameter of {where} must be an integer ≥ 0. Got {permutations!r}.",
            zh=f"{where} 的参数 'permutations' 须为 ≥ 0 的整数，收到的是 {permutations!r}。",
        )
    limits.check("max_permutations", permutations, where, what="permutations", what_zh="置换次数")


def check_orderings(n: int, permutations: int, where: str) -> None:
    """Permutation inference needs more distinct orderings of the ``n`` values than permutations (``n! >
    permutations``); with fewer regions every ordering repeats and the pseudo p-value means nothing (with 3
    regions, every unit of a LISA came out "significant at 0.001")."""
    import math

    from yindi import limits

    limits.check(
        "max_permutation_cells",
        n * permutations,
        where,
        what="regions × permutations",
        what_zh="地区数 × 置换次数",
    )
    if math.factorial(min(n, 20)) <= permutations:
        raise ParameterError(
            f"{where}: {n} regions have only {math.factorial(n):,} distinct orderings, not enough for "
            f"{permutations:,} permutations; the pseudo p-value would be meaningless. Use more regions, or "
            "pass permutations=0 (CLI: --permutations 0) and read the normal-approximation p-value.",
            zh=f"{where}：{n} 个地区只有 {math.factorial(n):,} 种不同排列，不足以进行 {permutations:,} 次置换，"
            "伪 p 值没有意义。请增加地区，或设 --permutations 0 使用正态近似的 p 值。",
        )
