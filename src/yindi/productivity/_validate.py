"""Input checks shared by :func:`dea` and :func:`malmquist`: errors name the unit and the column."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import DataValidationError, MethodWarning, ParameterError

#: Chinese names of the roles the checks are called with (English names are the code's own words).
_ZH_ROLE: dict[str, str] = {
    "input": "投入",
    "output": "产出",
    "undesirable output": "非期望产出",
    "X (inputs)": "X（投入）",
    "Y (outputs)": "Y（产出）",
    "undesirable": "undesirable（非期望产出）",
}


def zh_role(role: str) -> str:
    """The Chinese name of a role (``'input'`` → ``'投入'``); unknown roles are returned unchanged."""
    return _ZH_ROLE.get(role, role)


def as_matrix(values: object, n: int | None, role: str, where: str) -> FloatArray:
    """A 2-D float array (1-D input is one column)."""
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{where}: {role} must be numeric (an array of numbers); could not convert it.",
            zh=f"{where}：{zh_role(role)} 须为数值（数字组成的数组），无法转换。请检查其中是否有文字或空对象。",
        ) from None
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.shape[1] == 0:
        raise ParameterError(
            f"{where}: {role} must be a 2-D array (units as rows); got shape {arr.shape}.",
            zh=f"{where}：{zh_role(role)} 须为二维数组（每行一个决策单元），收到的形状是 {arr.shape}。",
        )
    if arr.shape[0] == 0:
        raise DataValidationError(
            f"{where}: {role} has no units (no rows) — e.g. a year without values for these indicators. "
            "Choose a year with data.",
            zh=f"{where}：{zh_role(role)} 没有任何决策单元（无数据行），例如所选年份这些指标没有数据。请选择有数据的年份。",
        )
    if n is not None and arr.shape[0] != n:
        raise ParameterError(
            f"{where}: {role} has {arr.shape[0]} rows but the inputs have {n}; give one row per unit in both.",
            zh=f"{where}：{zh_role(role)} 有 {arr.shape[0]} 行，而投入有 {n} 行。请在两者中都按每个决策单元一行给出。",
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
            f"({int(bad.sum())} such cells). DEA needs complete data: drop or impute these units first.",
            zh=f"{where}：决策单元 {units[i]!r} 的{zh_role(role)} {names[j]!r} 缺失或为无穷大"
            f"（共 {int(bad.sum())} 个这样的单元格）。DEA 需要完整数据：请先剔除或插补这些决策单元。",
        )
    neg = arr < 0 if not strictly_positive else arr <= 0
    if neg.any():
        i, j = np.argwhere(neg)[0]
        need = "strictly positive" if strictly_positive else "non-negative"
        need_zh = "严格为正" if strictly_positive else "非负"
        raise DataValidationError(
            f"{where}: {role} {names[j]!r} must be {need}; unit {units[i]!r} has {arr[i, j]!r} "
            f"({int(neg.sum())} such cells). Rescale or shift the column, or use a model that accepts it.",
            zh=f"{where}：{zh_role(role)} {names[j]!r} 须{need_zh}；决策单元 {units[i]!r} 的值为 {arr[i, j]!r}"
            f"（共 {int(neg.sum())} 个这样的单元格）。请对该列重新缩放或平移，或改用接受此类数值的模型。",
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
            MethodWarning(
                f"{where}: {n} units for {m} inputs and {s} outputs; the rule of thumb n ≥ max(m·s, 3(m+s)) = "
                f"{need} is not met, so many units will look efficient. Use fewer variables or more units.",
                zh=f"{where}：{n} 个决策单元对应 {m} 个投入和 {s} 个产出，未满足经验法则 n ≥ max(m·s, 3(m+s)) = "
                f"{need}，许多决策单元会显得有效率。请减少变量或增加决策单元。",
            ),
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
        why_zh = (
            "在规模报酬不变（CRS）下常数投入相当于“存疑从宽”的设定，但在规模报酬可变（VRS）下它是多余的"
            if role == "input"
            else "常数产出无法区分各决策单元"
        )
        warnings.warn(
            MethodWarning(
                f"{where}: {role}(s) {shown} are constant across units. {why}; check that this is intended.",
                zh=f"{where}：{zh_role(role)} {'、'.join(repr(names[k]) for k in mine)} 在各决策单元间取值相同。"
                f"{why_zh}；请确认这是有意为之。",
            ),
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
            f"({int(zero.sum())} such units). Remove these units or use the other orientation.",
            zh=f"{where}：决策单元 {units[i]!r} 没有为正的{zh_role(role)}，其"
            f"{'投入' if orientation == 'input' else '产出'}导向效率无定义（共 {int(zero.sum())} 个这样的决策单元）。"
            "请剔除这些决策单元，或改用另一种导向。",
        )
