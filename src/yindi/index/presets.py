"""Index presets (指标体系): dimensions and indicators, loaded from TOML files.

A preset lists dimensions and indicators. An indicator is either a panel indicator (``source = "id"``) or a
derived ratio of two panel indicators (``numerator``, ``denominator``, ``scale``: value = scale × num / den),
which is how size-dependent totals are turned into per-capita or per-GDP intensities. Ship-with presets live
in ``yindi/index/presets/*.toml``; users pass the path of their own file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi.data.panel import Panel, unit_label
from yindi.errors import DataFormatError, MissingDataError, ParameterError

DEFAULT_PRESET = "nqpf_three_elements"


@dataclass(frozen=True, slots=True)
class PresetIndicator:
    """One indicator of a preset (a panel series or a ratio of two)."""

    id: str
    dimension: str
    direction: int
    source: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    scale: float = 1.0
    unit: str = ""
    name_zh: str = ""
    name_en: str = ""
    reason: str = ""

    @property
    def inputs(self) -> tuple[str, ...]:
        """Panel indicators this one is computed from."""
        if self.source is not None:
            return (self.source,)
        return (str(self.numerator), str(self.denominator))

    def formula(self) -> str:
        """Human-readable definition, e.g. ``"1 × rd_personnel_fte / population"``."""
        if self.source is not None:
            return self.source
        return f"{self.scale:g} × {self.numerator} / {self.denominator}"


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass(frozen=True, slots=True)
class Preset:
    """An index definition: dimensions, indicators, default years, references."""

    id: str
    name_zh: str
    name_en: str
    dimensions: tuple[Dimension, ...]
    indicators: tuple[PresetIndicator, ...]
    years: tuple[int, int] | None = None
    references: tuple[str, ...] = ()
    weights: tuple[float, ...] | None = None
    note_zh: str = ""
    note_en: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def note(self, lang: str = "zh") -> str:
        """What a reader must know about the preset (e.g. that it is a proxy on fewer dimensions); may be empty."""
        return self.note_en if lang == "en" else self.note_zh

    @property
    def indicator_ids(self) -> list[str]:
        return [i.id for i in self.indicators]

    @property
    def directions(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        return np.array([float(i.direction) for i in self.indicators])

    @property
    def dimension_index(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        pos = {d.id: k for k, d in enumerate(self.dimensions)}
        return np.array([pos[i.dimension] for i in self.indicators], dtype=np.int64)

    def label(self, indicator: str, panel: Panel | None = None, lang: str = "zh") -> str:
        """Display name of a preset indicator (falls back to the panel's metadata for plain series)."""
        ind = next(i for i in self.indicators if i.id == indicator)
        name = ind.name_en if lang == "en" else ind.name_zh
        unit = ind.unit
        if not name and ind.source and panel is not None and ind.source in panel.indicators:
            meta = panel.indicators[ind.source]
            name, unit = meta.name(lang), meta.unit
        name = name or ind.id
        unit = unit_label(unit, lang)
        return f"{name} ({unit})" if unit else name

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """One row per indicator: dimension, id, name, unit, direction, formula, reason."""
        dims = {d.id: d.name(lang) for d in self.dimensions}
        return pd.DataFrame(
            {
                "dimension": [dims[i.dimension] for i in self.indicators],
                "indicator": [i.id for i in self.indicators],
                "name": [i.name_en if lang == "en" else i.name_zh for i in self.indicators],
                "unit": [i.unit for i in self.indicators],
                "direction": [i.direction for i in self.indicators],
                "formula": [i.formula() for i in self.indicators],
                "reason": [i.reason for i in self.indicators],
            }
        )


def available_presets() -> list[str]:
    """Names of the presets shipped with Yindi."""
    folder = resources.files("yindi.index") / "presets"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def _req(d: dict[str, Any], key: str, where: str) -> Any:
    if key not in d:
        raise DataFormatError(f"{where}: missing key {key!r}.", zh=f"{where}：缺少键 {key!r}。")
    return d[key]


def parse_preset(data: dict[str, Any], origin: str = "<preset>") -> Preset:
    """Build a :class:`Preset` from the parsed TOML mapping, checking every rule with a clear message."""
    dims = tuple(
        Dimension(
            str(_req(d, "id", f"{origin} [[dimensions]]")),
            str(d.get("name_zh", d["id"])),
            str(d.get("name_en", d["id"])),
        )
        for d in data.get("dimensions", [])
    )
    if not dims:
        raise DataFormatError(
            f"{origin}: a preset needs at least one [[dimensions]] table with an 'id'.",
            zh=f"{origin}：预设至少需要一个带 'id' 的 [[dimensions]] 表。",
        )
    dim_ids = {d.id for d in dims}
    inds: list[PresetIndicator] = []
    for k, raw in enumerate(data.get("indicators", [])):
        where = f"{origin} [[indicators]] #{k + 1}"
        iid = str(_req(raw, "id", where))
        dim = str(_req(raw, "dimension", where))
        if dim not in dim_ids:
            raise DataFormatError(
                f"{where} ({iid}): dimension {dim!r} is not one of {sorted(dim_ids)}.",
                zh=f"{where}（{iid}）：维度 {dim!r} 不在 {sorted(dim_ids)} 之中。",
            )
        direction = int(raw.get("direction", 1))
        if direction not in (1, -1):
            raise DataFormatError(
                f"{where} ({iid}): direction must be 1 or -1. Got {direction!r}.",
                zh=f"{where}（{iid}）：direction 须为 1 或 -1，收到的是 {direction!r}。",
            )
        has_source = "source" in raw
        has_ratio = "numerator" in raw and "denominator" in raw
        if has_source == has_ratio:
            raise DataFormatError(
                f'{where} ({iid}): give either source = "panel_indicator" or numerator and denominator '
                '(e.g. numerator = "rd_personnel_fte", denominator = "population").',
                zh=f'{where}（{iid}）：请给出 source = "panel_indicator"，'
                '或同时给出 numerator 和 denominator（如 numerator = "rd_personnel_fte", denominator = "population"）'
                "。",
            )
        inds.append(
            PresetIndicator(
                id=iid,
                dimension=dim,
                direction=direction,
                source=str(raw["source"]) if has_source else None,
                numerator=str(raw["numerator"]) if has_ratio else None,
                denominator=str(raw["denominator"]) if has_ratio else None,
                scale=float(raw.get("scale", 1.0)),
                unit=str(raw.get("unit", "")),
                name_zh=str(raw.get("name_zh", "")),
                name_en=str(raw.get("name_en", "")),
                reason=str(raw.get("reason", "")),
            )
        )
    if len(inds) < 2:
        raise DataFormatError(
            f"{origin}: a preset needs at least two [[indicators]].",
            zh=f"{origin}：预设至少需要两个 [[indicators]]。",
        )
    ids = [i.id for i in inds]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise DataFormatError(
            f"{origin}: indicator ids must be unique; repeated: {', '.join(dup)}.",
            zh=f"{origin}：指标 id 必须唯一；重复的有：{'、'.join(dup)}。",
        )
    empty = [d.id for d in dims if d.id not in {i.dimension for i in inds}]
    if empty:
        raise DataFormatError(
            f"{origin}: dimension(s) without indicators: {', '.join(empty)}.",
            zh=f"{origin}：以下维度没有指标：{'、'.join(empty)}。",
        )
    years = data.get("years")
    weights = data.get("weights")
    if weights is not None:
        weights = tuple(float(weights[i]) for i in ids) if isinstance(weights, dict) else None
    return Preset(
        id=str(data.get("id", Path(origin).stem)),
        name_zh=str(data.get("name_zh", data.get("id", ""))),
        name_en=str(data.get("name_en", data.get("id", ""))),
        dimensions=dims,
        indicators=tuple(inds),
        years=(int(years[0]), int(years[1])) if years else None,
        references=tuple(str(r) for r in data.get("references", [])),
        weights=weights,
        note_zh=str(data.get("note_zh", "")),
        note_en=str(data.get("note_en", "")),
    )


def load_preset(preset: str | Path | Preset = DEFAULT_PRESET) -> Preset:
    """A shipped preset by name (see :func:`available_presets`), a TOML file path, or a :class:`Preset`."""
    if isinstance(preset, Preset):
        return preset
    text = str(preset)
    if text in available_presets():
        res = resources.files("yindi.index") / "presets" / f"{text}.toml"
        return parse_preset(tomllib.loads(res.read_text(encoding="utf-8")), f"{text}.toml")
    path = Path(text)
    if path.suffix.lower() == ".toml" and path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise DataFormatError(
                f"{path}: not valid TOML ({exc}).", zh=f"{path}：不是有效的 TOML（{exc}）。"
            ) from None
        return parse_preset(data, str(path))
    raise ParameterError(
        f"Unknown preset {text!r}. Use one of {', '.join(available_presets())} or the path of a .toml file.",
        zh=f"未知的预设 {text!r}。请使用 {'、'.join(available_presets())} 之一，或 .toml 文件的路径。",
    )


def preset_values(panel: Panel, preset: Preset, years: list[int] | None = None) -> pd.DataFrame:
    """Region-year × preset-indicator table of raw (derived) values; NaN where an input is missing.

    A ratio with a zero denominator is NaN (reported by the missing-value policy, never silently 0).
    """
    needed = sorted({s for i in preset.indicators for s in i.inputs})
    absent = [s for s in needed if s not in panel.indicators]
    if absent:
        raise MissingDataError(
            f"Preset {preset.id!r} needs panel indicator(s) {', '.join(absent)}, which the data do not contain. "
            "Import them, or write a preset without them (see docs/methods/index.md).",
            zh=f"预设 {preset.id!r} 需要面板指标 {'、'.join(absent)}，但数据中没有。"
            "请导入这些指标，或编写不含它们的预设（见 docs/methods/index.md）。",
        )
    wide = panel.wide(needed, years=years)
    out = pd.DataFrame(index=wide.index)
    for ind in preset.indicators:
        if ind.source is not None:
            out[ind.id] = wide[ind.source].astype(float)
        else:
            den = wide[str(ind.denominator)].astype(float)
            out[ind.id] = ind.scale * wide[str(ind.numerator)].astype(float) / den.where(den != 0)
    return out
