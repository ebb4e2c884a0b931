"""One options table per analysis: the single source for study validation, CLI flags, API parameters and docs.

每项分析一张选项表（名称、类型或取值范围、默认值、中英文说明）：研究设定的校验、命令行参数、HTTP 接口参数和文档
都由它生成。拼错的选项名是错误，并给出最接近的有效名称。

An analysis module declares its table once, at import time::

    TABLE = register(OptionTable("index", "指数", "Index", (
        Option("weighting", "entropy", "赋权方法", "Weighting method",
               choices=("entropy", "critic", "cv", "pca", "equal")),
        Option("draws", 1000, "蒙特卡洛抽样次数", "Monte Carlo draws", low=0, high=100_000),
    )))

and reads validated values with ``TABLE.resolve(user_mapping)`` (defaults filled in, unknown keys rejected).
"""

from __future__ import annotations

import builtins
import contextlib
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from yindi.errors import ParameterError, ParameterTypeError

_TYPES: tuple[type, ...] = (bool, int, float, str)


def closest(name: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates closest to ``name`` (difflib ratio ≥ 0.5), best first."""
    return difflib.get_close_matches(name, list(candidates), n=n, cutoff=0.5)


def did_you_mean(name: str, candidates: Iterable[str]) -> tuple[str, str]:
    """The hint sentence naming the closest candidate, in English and Chinese (both empty when none is close)."""
    near = closest(name, candidates)
    if not near:
        return "", ""
    return f" Did you mean {near[0]!r}?", f"是否想写 {near[0]!r}？"


@dataclass(frozen=True)
class Option:
    """One choice of an analysis.

    Attributes
    ----------
    name : str
        Key in the study file and API; the CLI flag is ``--name-with-dashes``.
    default : bool, int, float, str, tuple or None
        Value used when the user says nothing. Its type is the option's type unless ``type`` is given.
    help_zh, help_en : str
        One-line help in Chinese and English (docs, ``--help``, the API schema).
    choices : tuple or None
        The allowed values (a ``Literal``); ``None`` for free values.
    low, high : float or None
        Inclusive bounds for numbers.
    type : type or None
        ``bool``, ``int``, ``float``, ``str`` or ``tuple`` (a list of strings); inferred from ``default``.
    nullable : bool
        Whether ``None`` (TOML: leave the key out) is a valid value.
    """

    name: str
    default: Any
    help_zh: str
    help_en: str
    choices: tuple[Any, ...] | None = None
    low: float | None = None
    high: float | None = None
    type: builtins.type | None = None
    nullable: bool = False

    @property
    def kind(self) -> builtins.type:
        if self.type is not None:
            return self.type
        if self.default is None:
            return str
        return tuple if isinstance(self.default, (tuple, list)) else type(self.default)

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def validate(self, value: Any, where: str) -> Any:
        """Return ``value`` converted to the option's type, or raise one clear error."""
        if value is None:
            if self.nullable or self.default is None:
                return None
            raise ParameterError(
                f"The {self.name!r} option of {where} needs a value (default {self.default!r}).",
                zh=f"{where} 的选项 {self.name!r} 需要一个值（默认 {self.default!r}）。",
            )
        kind = self.kind
        if kind is tuple:
            if isinstance(value, str):
                value = tuple(v.strip() for v in value.split(",") if v.strip())
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ParameterTypeError(
                    f"The {self.name!r} option of {where} must be a list of names. Got {value!r} instead.",
                    zh=f"{where} 的选项 {self.name!r} 应为名称列表，实际为 {value!r}。",
                )
            value = tuple(value)
        elif kind is bool:
            if isinstance(value, str) and value.lower() in {"true", "false", "yes", "no", "1", "0"}:
                value = value.lower() in {"true", "yes", "1"}
            if not isinstance(value, bool):
                raise ParameterTypeError(
                    f"The {self.name!r} option of {where} must be true or false. Got {value!r} instead.",
                    zh=f"{where} 的选项 {self.name!r} 应为 true 或 false，实际为 {value!r}。",
                )
        elif kind in (int, float):
            if isinstance(value, str):
                with contextlib.suppress(ValueError):
                    value = kind(value)
            ok = isinstance(value, int) and not isinstance(value, bool)
            if kind is float:
                ok = ok or isinstance(value, float)
            if not ok:
                raise ParameterTypeError(
                    f"The {self.name!r} option of {where} must be {'an integer' if kind is int else 'a number'}. "
                    f"Got {value!r} instead.",
                    zh=f"{where} 的选项 {self.name!r} 应为{'整数' if kind is int else '数值'}，实际为 {value!r}。",
                )
            value = kind(value)
            if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
                lo = "−∞" if self.low is None else f"{self.low:g}"
                hi = "∞" if self.high is None else f"{self.high:g}"
                raise ParameterError(
                    f"The {self.name!r} option of {where} must lie in [{lo}, {hi}]. Got {value!r} instead.",
                    zh=f"{where} 的选项 {self.name!r} 应在 [{lo}, {hi}] 之间，实际为 {value!r}。",
                )
        elif not isinstance(value, str):
            raise ParameterTypeError(
                f"The {self.name!r} option of {where} must be text. Got {value!r} instead.",
                zh=f"{where} 的选项 {self.name!r} 应为文字，实际为 {value!r}。",
            )
        if self.choices is not None and value not in self.choices:
            shown = ", ".join(repr(c) for c in self.choices)
            hint, hint_zh = did_you_mean(str(value), [str(c) for c in self.choices])
            raise ParameterError(
                f"The {self.name!r} option of {where} must be one of {shown}. Got {value!r} instead.{hint}",
                zh=f"{where} 的选项 {self.name!r} 只能取 {shown}，实际为 {value!r}。{hint_zh}",
            )
        return value


@dataclass(frozen=True)
class OptionTable:
    """The options of one analysis (``analysis`` is the key in the study file: ``[options.<analysis>]``)."""

    analysis: str
    title_zh: str
    title_en: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        names = [o.name for o in self.options]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate option names in {self.analysis!r}: {names}")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.options)

    def __getitem__(self, name: str) -> Option:
        for o in self.options:
            if o.name == name:
                return o
        raise self._unknown(name)

    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}

    def resolve(self, given: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every option of the table: the user's value (validated) or the default. Unknown keys are errors
        that name the closest valid key."""
        given = dict(given or {})
        for key in given:
            if key not in self.names:
                raise self._unknown(key)
        where = f"[options.{self.analysis}]"
        return {
            o.name: o.validate(given[o.name], where) if o.name in given else o.default for o in self.options
        }

    def _unknown(self, key: str) -> ParameterError:
        valid = ", ".join(self.names) or "(none)"
        hint, hint_zh = did_you_mean(key, self.names)
        return ParameterError(
            f"{key!r} is not an option of {self.analysis!r}.{hint} Valid options: {valid}.",
            zh=f"{key!r} 不是 {self.analysis!r} 的选项。{hint_zh}有效选项：{valid}。",
        )


_REGISTRY: dict[str, OptionTable] = {}


def register(table: OptionTable) -> OptionTable:
    """Add an analysis's table to the registry (idempotent for the same table); return it."""
    existing = _REGISTRY.get(table.analysis)
    if existing is not None and existing != table:
        raise ValueError(f"two different option tables for {table.analysis!r}")
    _REGISTRY[table.analysis] = table
    return table


def tables() -> dict[str, OptionTable]:
    """All registered tables, by analysis name (import the analysis modules first)."""
    return dict(_REGISTRY)


def table(analysis: str) -> OptionTable:
    """The table of ``analysis``; an unknown name is an error naming the closest one."""
    if analysis in _REGISTRY:
        return _REGISTRY[analysis]
    hint, hint_zh = did_you_mean(analysis, _REGISTRY)
    valid = ", ".join(sorted(_REGISTRY))
    raise ParameterError(
        f"{analysis!r} is not an analysis with options.{hint} Valid: {valid}.",
        zh=f"{analysis!r} 不是可设置选项的分析。{hint_zh}有效名称：{valid}。",
    )


def resolve_all(
    given: Mapping[str, Mapping[str, Any]], only: Iterable[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Validate a study's ``[options]`` (every section must be a registered analysis, and one of ``only`` when
    given); return every table (of ``only``) resolved, defaults included, so that the study file records every
    choice actually used."""
    names = sorted(_REGISTRY) if only is None else sorted(n for n in only if n in _REGISTRY)
    for analysis, values in given.items():
        if not isinstance(values, Mapping):
            raise ParameterTypeError(
                f"[options.{analysis}] must be a table of option = value lines. Got {values!r} instead.",
                zh=f"[options.{analysis}] 应为“选项 = 值”的表，实际为 {values!r}。",
            )
        if analysis not in names:
            hint, hint_zh = did_you_mean(analysis, names)
            raise ParameterError(
                f"{analysis!r} is not an analysis with options.{hint} Valid: {', '.join(names)}.",
                zh=f"{analysis!r} 不是可设置选项的分析。{hint_zh}有效名称：{', '.join(names)}。",
            )
    return {name: _REGISTRY[name].resolve(given.get(name)) for name in names}
