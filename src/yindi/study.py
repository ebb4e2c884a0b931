"""The study file: every choice behind a report, so that ``yindi report --study FILE`` reproduces it.

研究设定文件（TOML）：数据、年份、地区、方法与随机种子，用于复现报告。
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from yindi._typing import LANGS, Lang
from yindi.errors import DataFormatError, ParameterError, ParameterTypeError, check_option


@dataclass(frozen=True)
class Study:
    """Choices behind one report.

    Attributes
    ----------
    data : str
        Data source: a pack folder, an NBS export, a table file or ``workspace:NAME``.
    year : int or None
        Report year; ``None`` picks the latest year in which the key indicators cover every region.
    lang : {"zh", "en"}
        Report language (Chinese by default).
    exclude_tibet : bool
        Analyse 30 provinces instead of 31.
    seed : int
        Seed of every stochastic routine (Monte Carlo, permutations, bootstrap).
    sections : tuple of str
        Report sections, in order.
    options : mapping
        Per-section method choices, e.g. ``{"index": {"weighting": "entropy"}}``.
    """

    data: str
    year: int | None = None
    lang: Lang = "zh"
    exclude_tibet: bool = False
    seed: int = 20240305
    sections: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    workspace: str | None = None
    data_sha256: str | None = None

    def __post_init__(self) -> None:
        check_option("lang", self.lang, LANGS, where="Study")
        checks: list[tuple[str, object, tuple[type, ...]]] = [
            ("data", self.data, (str,)),
            ("year", self.year, (int, type(None))),
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
                    '(in TOML: year = 2023, exclude_tibet = true, seed = 7, data = "path").'
                )
        if not isinstance(self.sections, tuple) or not all(isinstance(s, str) for s in self.sections):
            raise ParameterTypeError(
                f"Study 'sections' must be a list of names. Got {list(self.sections)!r}."
            )
        if not isinstance(self.options, Mapping) or not all(
            isinstance(v, Mapping) for v in self.options.values()
        ):
            raise ParameterTypeError(
                "Study 'options' must be tables per section, e.g. [options.index] weighting = \"entropy\"."
            )

    def option(self, section: str, name: str, default: Any) -> Any:
        """A per-section option with its default."""
        return self.options.get(section, {}).get(name, default)

    def to_toml(self) -> str:
        import tomli_w

        doc: dict[str, Any] = {k: v for k, v in asdict(self).items() if v is not None}
        doc["sections"] = list(self.sections)
        doc["options"] = {k: _toml_safe(dict(v)) for k, v in self.options.items()}
        header = "# Yindi study file: `yindi report --study study.toml` reproduces the report.\n"
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
            raise DataFormatError(f"{src}: study file not found.") from None
        except tomllib.TOMLDecodeError as exc:
            raise DataFormatError(f"{src}: not valid TOML ({exc}).") from None
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(doc) - known)
        if unknown:
            raise ParameterError(
                f"{src}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}."
            )
        if "data" not in doc:
            raise ParameterError(f"{src}: the key 'data' (path of the data) is required.")
        sections = doc.get("sections", ())
        doc["sections"] = tuple(sections) if isinstance(sections, list) else sections
        return cls(**doc)


def _toml_safe(value: Any) -> Any:
    """TOML has no null: drop ``None`` entries (they mean "the default"); tuples become lists."""
    if isinstance(value, Mapping):
        return {str(k): _toml_safe(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_toml_safe(v) for v in value if v is not None]
    return value
