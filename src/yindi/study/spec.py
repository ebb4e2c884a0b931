"""The study: every choice behind a result set or a report, read from and written to ``study.toml``.

研究设定（TOML）：数据、年份、分析单元（层级、范围、排除）、各分析的选项与随机种子，用于复现结果与报告。
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from yindi._typing import LANGS, LEVELS, Lang, Level
from yindi.errors import DataFormatError, ParameterError, ParameterTypeError, check_option
from yindi.options import did_you_mean
from yindi.study.options import DEFAULT_SEED, resolve_options


@dataclass(frozen=True)
class Study:
    """Choices behind one set of results (and the report built from them).

    Attributes
    ----------
    data : str
        Data source: a pack folder, an NBS export, a table file or ``workspace:NAME``.
    year : int or None
        Report year; ``None`` picks the latest year in which at least ``report.min_coverage`` (80 %) of the
        units have every key indicator.
    lang : {"zh", "en"}
        Language of names and text (Chinese by default).
    level : {"province", "city", "county"}
        Level of the analysed units.
    within : str or None
        A region (name or adcode) whose units of ``level`` are analysed, e.g. ``"广东"`` with
        ``level="city"``; ``None`` is the whole mainland.
    exclude : tuple of str
        Regions (names or adcodes) left out, with every unit inside them.
    exclude_tibet : bool
        Shorthand for ``exclude=("西藏",)`` (30 provinces instead of 31).
    seed : int
        Seed of every stochastic routine (Monte Carlo, permutations, bootstrap).
    sections : tuple of str
        Report sections, in order (empty: all).
    options : mapping
        Method choices per analysis, e.g. ``{"index": {"weighting": "critic"}}``. Validated against the
        analyses' option tables (unknown analyses, misspelled keys and out-of-range values are errors that
        name the closest valid key); after construction it holds every option resolved, defaults included.
    workspace : str or None
        DuckDB workspace file (datasets and stored results); ``None`` uses the default workspace.
    data_sha256 : str or None
        Digest of the data the study was run on (written by the report; a rerun compares it).
    """

    data: str
    year: int | None = None
    lang: Lang = "zh"
    level: Level = "province"
    within: str | None = None
    exclude: tuple[str, ...] = ()
    exclude_tibet: bool = False
    seed: int = DEFAULT_SEED
    sections: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    workspace: str | None = None
    data_sha256: str | None = None

    def __post_init__(self) -> None:
        check_option("lang", self.lang, LANGS, where="Study")
        check_option("level", self.level, LEVELS, where="Study")
        checks: list[tuple[str, object, tuple[type, ...]]] = [
            ("data", self.data, (str,)),
            ("year", self.year, (int, type(None))),
            ("within", self.within, (str, type(None))),
            ("exclude_tibet", self.exclude_tibet, (bool,)),
            ("seed", self.seed, (int,)),
            ("workspace", self.workspace, (str, type(None))),
            ("data_sha256", self.data_sha256, (str, type(None))),
        ]
        for name, value, types in checks:
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                wanted = " or ".join("none" if t is type(None) else t.__name__ for t in types)
                raise ParameterTypeError(
                    f"Study {name!r} must be {wanted}. Got {value!r} ({type(value).__name__}) instead "
                    '(in TOML: year = 2023, exclude_tibet = true, seed = 7, data = "path").',
                    zh=f"研究设定的 {name!r} 应为 {wanted}，实际为 {value!r}（TOML 示例：year = 2023）。",
                )
        for name in ("sections", "exclude"):
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))
                value = tuple(value)
            if not isinstance(value, tuple) or not all(isinstance(s, str) for s in value):
                raise ParameterTypeError(
                    f"Study {name!r} must be a list of names. Got {value!r}.",
                    zh=f"研究设定的 {name!r} 应为名称列表，实际为 {value!r}。",
                )
        _check_sections(self.sections)
        if not isinstance(self.options, Mapping) or not all(
            isinstance(v, Mapping) for v in self.options.values()
        ):
            raise ParameterTypeError(
                "Study 'options' must be tables per analysis, e.g. [options.index] weighting = \"entropy\".",
                zh='研究设定的 options 应按分析分表，例如 [options.index] weighting = "entropy"。',
            )
        object.__setattr__(self, "options", resolve_options(self.options))

    @property
    def excluded(self) -> tuple[str, ...]:
        """Regions left out, with Tibet added by ``exclude_tibet``."""
        extra = ("540000",) if self.exclude_tibet and "540000" not in self.exclude else ()
        return (*self.exclude, *extra)

    def option(self, analysis: str, name: str) -> Any:
        """The resolved value of one option (an unknown name is an error naming the closest)."""
        from yindi.options import table

        table(analysis)[name]  # raises with a suggestion for an unknown key
        return self.options[analysis][name]

    def to_toml(self) -> str:
        import tomli_w

        doc: dict[str, Any] = {k: v for k, v in asdict(self).items() if v is not None}
        doc["sections"] = list(self.sections)
        doc["exclude"] = list(self.exclude)
        doc["options"] = {k: _toml_safe(dict(v)) for k, v in self.options.items()}
        header = (
            "# Yindi study file: `yindi report --study study.toml` reproduces the report.\n"
            "# Every option is listed with the value used (defaults included); options left out had no value.\n"
        )
        return header + tomli_w.dumps(doc)

    def write(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(self.to_toml(), encoding="utf-8")
        return target

    @classmethod
    def read(cls, path: str | Path) -> Study:
        src = Path(path)
        try:
            doc = tomllib.loads(src.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataFormatError(
                f"{src}: study file not found.", zh=f"{src}：找不到研究设定文件。"
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise DataFormatError(
                f"{src}: not valid TOML ({exc}).", zh=f"{src}：不是有效的 TOML（{exc}）。"
            ) from None
        known = [f.name for f in fields(cls)]
        unknown = sorted(set(doc) - set(known))
        if unknown:
            hint, hint_zh = did_you_mean(unknown[0], known)
            raise ParameterError(
                f"{src}: unknown key(s) {', '.join(unknown)}.{hint} Allowed: {', '.join(sorted(known))}.",
                zh=f"{src}：未知的键 {', '.join(unknown)}。{hint_zh}允许的键：{', '.join(sorted(known))}。",
            )
        if "data" not in doc:
            raise ParameterError(
                f"{src}: the key 'data' (path of the data) is required.",
                zh=f"{src}：缺少键 'data'（数据路径）。",
            )
        for key in ("sections", "exclude"):
            if isinstance(doc.get(key), list):
                doc[key] = tuple(doc[key])
        return cls(**doc)


def _check_sections(names: tuple[str, ...]) -> None:
    """Unknown report sections are errors naming the closest section."""
    from yindi.study.sections import SECTIONS

    for name in names:
        if name not in SECTIONS:
            hint, hint_zh = did_you_mean(name, SECTIONS)
            raise ParameterError(
                f"Unknown report section {name!r}.{hint} Available: {', '.join(SECTIONS)}.",
                zh=f"未知的报告章节 {name!r}。{hint_zh}可选：{', '.join(SECTIONS)}。",
            )


def _toml_safe(value: Any) -> Any:
    """TOML has no null: drop ``None`` entries (they mean "no value"); tuples become lists."""
    if isinstance(value, Mapping):
        return {str(k): _toml_safe(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_toml_safe(v) for v in value if v is not None]
    return value
