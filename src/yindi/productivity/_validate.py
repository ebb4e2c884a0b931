"""Input checks shared by :func:`dea` and :func:`malmquist`: errors name the unit and the column."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import DataValidationError, MethodWarning, ParameterError


def as_matrix(values: object, n: int | None, role: str, where: str) -> FloatArray:
    """A 2-D float array (1-D input is one column)."""
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{where}: {role} must be numeric (an array of numbers); could not convert it."
        ) from None
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[1] == 0:
        raise ParameterError(f"{where}: {role} must be a 2-D array (units as rows); got shape {arr.shape}.")
    if arr.shape[0] == 0:
        raise DataValidationError(
            f"{where}: {role} has no units (no rows) — e.g. a year without values for these indicators. "
            "Choose a year with data.",
            zh=f"{where}：{role} 没有任何单元（无数据行），例如所选年份这些指标没有数据。请选择有数据的年份。",
        )
    if n is not None and arr.shape[0] != n:
        raise ParameterError(
            f"{where}: {role} has {arr.shape[0]} rows but the inputs have {n}; give one row per unit in both."
        )
    return arr


def check_values(
    arr: FloatArray,
    *,
    role: str,
    names: Sequence[str],
    units: Sequence[str],
    strictly_positive: bool,
    where: str,
) -> None:
    """NaN/inf, negative and (if asked) zero values raise :class:`DataValidationError` naming unit and column."""
    bad = ~np.isfinite(arr)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise DataValidationError(
            f"{where}: {role} {names[j]!r} is missing or infinite for unit {units[i]!r} "
            f"({int(bad.sum())} such cells). DEA needs complete data: drop or impute these units first."
        )
    neg = arr < 0 if not strictly_positive else arr <= 0
    if neg.any():
        i, j = np.argwhere(neg)[0]
        need = "strictly positive" if strictly_positive else "non-negative"
        raise DataValidationError(
            f"{where}: {role} {names[j]!r} must be {need}; unit {units[i]!r} has {arr[i, j]!r} "
            f"({int(neg.sum())} such cells). Rescale or shift the column, or use a model that accepts it."
        )


def check_shape_rules(
    x: FloatArray, y: FloatArray, names: Sequence[str], where: str, extra: FloatArray | None = None
) -> None:
    """Warn when there are too few units (Cooper et al. rule of thumb) or a column is constant."""
    n, m = x.shape
    s = y.shape[1] + (0 if extra is None else extra.shape[1])
    need = max(m * s, 3 * (m + s))
    if n < need:
        warnings.warn(
            f"{where}: {n} units for {m} inputs and {s} outputs; the rule of thumb n ≥ max(m·s, 3(m+s)) = {need} "
            "is not met, so many units will look efficient. Use fewer variables or more units.",
            MethodWarning,
            stacklevel=3,
        )
    cols = [x, y] + ([] if extra is None else [extra])
    allv = np.hstack(cols)
    roles = ["input"] * m + ["output"] * (allv.shape[1] - m)
    zero = np.nonzero((allv == 0).all(axis=0))[0]
    if zero.size:
        j = int(zero[0])
        raise DataValidationError(
            f"{where}: {roles[j]} {names[j]!r} is zero for every unit, so DEA cannot compare the units on it "
            "(every score would be 0 or undefined). Check the indicator and the year, or leave it out.",
            zh=f"{where}：{'投入' if roles[j] == 'input' else '产出'} {names[j]!r} 在所有单元均为 0，DEA 无法据此比较"
            "各单元（效率全为 0 或无定义）。请检查该指标和年份，或不使用它。",
        )
    const = np.nonzero(np.ptp(allv, axis=0) == 0)[0]
    for role in ("input", "output"):
        mine = [int(k) for k in const if roles[int(k)] == role]
        if not mine:
            continue
        shown = ", ".join(repr(names[k]) for k in mine)
        why = (
            "A constant input is the 'benefit of the doubt' device under CRS, but under VRS it is redundant"
            if role == "input"
            else "A constant output does not distinguish the units"
        )
        warnings.warn(
            f"{where}: {role}(s) {shown} are constant across units. {why}; check that this is intended.",
            MethodWarning,
            stacklevel=3,
        )


def check_row_support(
    x: FloatArray, y: FloatArray, units: Sequence[str], orientation: str, where: str
) -> None:
    """Each unit needs a positive input (input orientation) or a positive output (output orientation)."""
    arr, role = (x, "input") if orientation == "input" else (y, "output")
    zero = ~(arr > 0).any(axis=1)
    if zero.any():
        i = int(np.nonzero(zero)[0][0])
        raise DataValidationError(
            f"{where}: unit {units[i]!r} has no positive {role}, so its {orientation}-oriented score is undefined "
            f"({int(zero.sum())} such units). Remove these units or use the other orientation."
        )
