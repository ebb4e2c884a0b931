"""Errors and warnings raised by Yindi.

Every error a user can cause derives from :class:`YindiError`; each subclass also derives from the built-in
exception a Python programmer would expect (``ValueError``, ``TypeError``, ``LookupError``), so existing
``except ValueError`` code keeps working. Messages say what was expected, what was given, and how to fix it,
naming the file, row, column or region where there is one.

错误信息说明期望什么、得到了什么、如何修正，并尽量指出文件、行、列或地区。
"""

from __future__ import annotations

from collections.abc import Iterable


class YindiError(Exception):
    """Base class of every error Yindi raises on purpose.

    ``str(exc)`` is the English message; ``exc.zh`` the Chinese one when the raiser wrote it (``zh=...``).
    :func:`bilingual` gives the text a user sees: Chinese first, then English.
    """

    def __init__(self, *args: object, zh: str | None = None) -> None:
        super().__init__(*args)
        self.zh = zh


#: Chinese lead-in per error class, used when a raiser gave no Chinese message of its own.
_ZH_KIND: dict[str, str] = {
    "ParameterError": "参数取值无效",
    "ParameterTypeError": "参数类型错误",
    "RegionNotFoundError": "无法识别的地区",
    "DataValidationError": "数据校验未通过",
    "DataFormatError": "文件格式不符合要求",
    "MissingDataError": "所需数据缺失",
    "WorkspaceError": "工作区读写失败",
    "ComputationError": "计算无法完成",
    "ResourceLimitError": "超出资源上限",
}


def bilingual(exc: BaseException) -> str:
    """The message of ``exc`` in Chinese and English (two lines; the Chinese line is the raiser's own text,
    else a lead-in naming the kind of error)."""
    en = str(exc)
    zh = getattr(exc, "zh", None)
    if not zh:
        kind = next((_ZH_KIND[c.__name__] for c in type(exc).__mro__ if c.__name__ in _ZH_KIND), "错误")
        zh = f"{kind}（详见下方英文说明）。"
    return f"{zh}\n{en}"


class ParameterError(YindiError, ValueError):
    """A function or command received an option value it does not accept."""


class ParameterTypeError(YindiError, TypeError):
    """A function received an argument of the wrong type."""


class RegionNotFoundError(YindiError, LookupError, ValueError):
    """A region name or code could not be resolved to exactly one region."""


class DataValidationError(YindiError, ValueError):
    """Imported data break a rule (unknown region, non-numeric cell, conflicting duplicate, ...)."""


class DataFormatError(YindiError, ValueError):
    """A file is not in the layout the importer expects."""


class MissingDataError(YindiError, ValueError):
    """Values needed by a method are missing and the chosen policy does not allow that."""


class WorkspaceError(YindiError, ValueError):
    """The DuckDB workspace could not be read or written as asked."""


class ComputationError(YindiError, ValueError):
    """A numerical method could not produce a result (infeasible LP, singular matrix, ...)."""


class ResourceLimitError(YindiError, ValueError):
    """A request would exceed a documented limit that protects the user's machine (rows, draws, memory)."""


class YindiWarning(UserWarning):
    """Base class of Yindi's warnings; like errors, a raiser may give the Chinese text as ``zh=``."""

    def __init__(self, *args: object, zh: str | None = None) -> None:
        super().__init__(*args)
        self.zh = zh


#: Chinese lead-in per warning class, for warnings raised without a Chinese message of their own.
_ZH_WARNING: dict[str, str] = {
    "DataRepairWarning": "数据已修正",
    "MethodWarning": "方法提示",
    "RuntimeWarning": "数值计算提示",
}


def bilingual_warning(message: Warning | str, category: type[Warning]) -> str:
    """A warning as the CLI shows it: Chinese then English, no file name or source line."""
    en = str(message)
    zh = getattr(message, "zh", None)
    if not zh:
        kind = next((_ZH_WARNING[c.__name__] for c in category.__mro__ if c.__name__ in _ZH_WARNING), "提示")
        zh = f"{kind}（详见下方英文说明）。"
    return f"{zh}\n{en}"


class DataRepairWarning(YindiWarning):
    """Data were repaired on import (a misspelled region corrected, a unit converted); the repair is reported."""


class MethodWarning(YindiWarning):
    """A method ran but its result should be read with care (too few DMUs, a constant column, ...)."""


def check_option(name: str, value: object, allowed: Iterable[object], *, where: str) -> None:
    """Raise :class:`ParameterError` unless ``value`` is one of ``allowed``.

    The message follows one format everywhere:
    ``The 'rts' parameter of dea() must be one of 'crs', 'vrs'. Got 'cr' instead.``
    """
    options = tuple(allowed)
    if value not in options:
        shown = ", ".join(repr(o) for o in options)
        raise ParameterError(
            f"The {name!r} parameter of {where} must be one of {shown}. Got {value!r} instead.",
            zh=f"{where} 的参数 {name!r} 须为 {'、'.join(repr(o) for o in options)} 之一，收到的是 {value!r}。",
        )
