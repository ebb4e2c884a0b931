"""Turn user values and groups into aligned arrays (explicit missing-value policy, clear errors)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from yindi._missing import check_missing
from yindi._typing import FloatArray, IntArray
from yindi.disparity._options import MISSING_POLICIES
from yindi.errors import DataValidationError, MethodWarning, MissingDataError


def as_series(values: Any, where: str) -> tuple[tuple[str, ...], FloatArray]:
    """Labels and float values from a mapping/Series, or positional labels for an array."""
    if hasattr(values, "items") and not isinstance(values, np.ndarray):
        items = list(values.items())
        labels = tuple(str(k) for k, _ in items)
        vals = np.array([np.nan if v is None else v for _, v in items], dtype=np.float64)
    else:
        vals = np.asarray(values, dtype=np.float64).ravel()
        labels = tuple(str(i) for i in range(vals.size))
    if vals.size == 0:
        raise DataValidationError(f"{where} received no values.", zh=f"{where} 没有收到任何数值。")
    return labels, vals


def group_codes(groups: Any, labels: tuple[str, ...], where: str) -> tuple[tuple[str, ...], list[str | None]]:
    """Group of each label: ``groups`` is a grouping id (``"nbs4"``), a mapping label → group, or a sequence."""
    if isinstance(groups, str):
        from yindi.regions import grouping
        from yindi.regions.groupings import province_of

        of = grouping(groups).groups_of(labels)
        unknown = [lab for lab in labels if province_of(lab) is None and lab != "100000"]
        if unknown:
            raise DataValidationError(
                f"{where}: the grouping {groups!r} places units by their adcode; {len(unknown)} label(s) are not "
                f"adcodes: {unknown[:5]}. Pass values keyed by region code, or a mapping label → group.",
                zh=f"{where}：分组 {groups!r} 按地区代码归组；{len(unknown)} 个标签不是地区代码：{unknown[:5]}。",
            )
    elif hasattr(groups, "items"):
        mapping: Mapping[str, Any] = {str(k): v for k, v in groups.items()}
        of = [None if mapping.get(lab) is None else str(mapping[lab]) for lab in labels]
    else:
        seq = list(groups)
        if len(seq) != len(labels):
            raise DataValidationError(
                f"{where}: {len(seq)} group labels for {len(labels)} values.",
                zh=f"{where}：{len(labels)} 个数值只对应 {len(seq)} 个分组标签。",
            )
        of = [None if v is None else str(v) for v in seq]
    names = tuple(sorted({g for g in of if g is not None}))
    return names, of


def clean(
    labels: tuple[str, ...],
    vals: FloatArray,
    of: list[str | None] | None,
    missing: str,
    where: str,
    *,
    positive: bool = False,
) -> tuple[IntArray, tuple[str, ...]]:
    """Positions kept under the ``missing`` policy and the labels dropped; checks signs."""
    check_missing(missing, MISSING_POLICIES, where=where)
    bad = ~np.isfinite(vals)
    if of is not None:
        bad |= np.array([g is None for g in of])
    dropped = tuple(lab for lab, b in zip(labels, bad, strict=True) if b)
    if dropped and missing == "error":
        raise MissingDataError(
            f"{where}: missing value or group for {list(dropped[:5])}{' …' if len(dropped) > 5 else ''}. "
            "Pass missing='drop' to leave them out (they are then listed in the result).",
            zh=f"{where}："
            f"{list(dropped[:5])}{' …' if len(dropped) > 5 else ''} 缺少数值或分组。"
            "请设 missing='drop' 将其排除（排除的单元会在结果中列出）。",
        )
    if dropped:
        warnings.warn(
            MethodWarning(
                f"{where}: left out {len(dropped)} unit(s) without value or group: {list(dropped[:5])}",
                zh=f"{where}：已排除 {len(dropped)} 个缺少数值或分组的单元：{list(dropped[:5])}",
            ),
            stacklevel=3,
        )
    keep = np.flatnonzero(~bad)
    v = vals[keep]
    if np.any(v < 0):
        neg = [labels[i] for i in keep[v < 0]][:5]
        raise DataValidationError(
            f"{where} needs non-negative values; negative for {neg}.",
            zh=f"{where} 需要非负数值；以下单元为负：{neg}。",
        )
    if positive and np.any(v <= 0):
        zero = [labels[i] for i in keep[v <= 0]][:5]
        raise DataValidationError(
            f"{where} needs positive values (logarithms); zero for {zero}.",
            zh=f"{where} 需要正数值（要取对数）；以下单元为零：{zero}。",
        )
    if v.size < 2 or v.sum() <= 0:
        raise DataValidationError(
            f"{where} needs at least two values with a positive total.",
            zh=f"{where} 至少需要两个数值且总和为正。",
        )
    return keep, dropped
