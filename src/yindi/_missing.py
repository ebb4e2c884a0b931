"""The one missing-value policy vocabulary of Yindi.

Every function with a ``missing=`` argument takes a subset of these names, with ``"error"`` the default:

``"error"``
    a missing value raises :class:`~yindi.errors.MissingDataError` naming the region, period and indicator;
``"drop"``
    the region-period (or unit) with a gap is left out, and the result lists what was left out;
``"zero"``
    the gap counts as 0 (structure tables only, where an absent cell usually means "no such activity");
``"interpolate"``
    linear interpolation inside each region's series (composite index only);
``"drop_indicator"``
    an indicator with gaps is left out of the index (composite index only).

Older spellings (``"raise"``) are errors naming the new word, so a script written for an earlier version fails
loudly instead of meaning something else.

缺失值策略统一用词：error（报错，默认）、drop（剔除并报告）、zero（按 0 计，仅产业结构表）、interpolate（插值，
仅综合指数）、drop_indicator（剔除指标，仅综合指数）。
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeAlias

from yindi.errors import ParameterError, check_option

MissingPolicy: TypeAlias = Literal["error", "drop", "zero", "interpolate", "drop_indicator"]

#: Old spelling → the word that replaced it.
RENAMED: dict[str, str] = {"raise": "error"}


def check_missing(value: object, allowed: Iterable[str], *, where: str) -> None:
    """Raise :class:`ParameterError` unless ``value`` is one of ``allowed`` (old spellings name the new one)."""
    options = tuple(allowed)
    if isinstance(value, str) and value in RENAMED and RENAMED[value] in options:
        new = RENAMED[value]
        raise ParameterError(
            f"The 'missing' parameter of {where}: {value!r} is now spelled {new!r} (one vocabulary across Yindi: "
            f"{', '.join(map(repr, options))}). Use missing={new!r}.",
            zh=f"{where} 的 missing 参数：{value!r} 已改名为 {new!r}（全库统一用词："
            f"{'、'.join(options)}）。请改用 missing={new!r}。",
        )
    check_option("missing", value, options, where=where)
