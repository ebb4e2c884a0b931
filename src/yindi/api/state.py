"""What the HTTP API holds in memory: one pipeline run (read back from the store when it is there), the data,
the region list and the catalogue of map layers — built once at start-up, read-only afterwards.

接口的内存状态：启动时运行（或从工作区读回）一次分析流水线，之后只读。
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from yindi._typing import Lang

if TYPE_CHECKING:
    from yindi.data.panel import Panel
    from yindi.study.result import StudyResults
    from yindi.study.spec import Study

#: Columns that identify rows, never a map layer.
_KEY_COLUMNS = frozenset({"region_code", "region", "level", "year", "measure", "value", "period", "base"})


@dataclass(frozen=True)
class Layer:
    """One series that can colour the map: an indicator of the data or a numeric result column/measure."""

    id: str
    kind: str  # "indicator" | "result"
    node: str
    table: str
    column: str
    measure: str | None
    name_zh: str
    name_en: str
    unit: str
    years: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "node": self.node,
            "table": self.table,
            "column": self.column,
            "measure": self.measure,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "unit": self.unit,
            "years": list(self.years),
        }


@dataclass
class ApiState:
    """Everything the routes read. ``profiles`` caches assembled region profiles (results never change)."""

    results: StudyResults
    panel: Panel | None
    lang: Lang
    regions: list[dict[str, Any]]
    layers: dict[str, Layer]
    profiles: dict[tuple[str, str], bytes] = field(default_factory=dict)
    geometry: dict[str, bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.results.codes)

    def profile_json(self, code: str, lang: Lang) -> bytes:
        """The profile of ``code`` as JSON bytes, assembled once and cached (the results never change)."""
        import json

        from yindi.report.profile import region_profile

        key = (code, lang)
        hit = self.profiles.get(key)
        if hit is None:
            doc = region_profile(self.results, code, lang)
            hit = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
            with self.lock:
                self.profiles[key] = hit
        return hit


def _pinyin(text: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(text, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return full, initials


def region_rows(codes: tuple[str, ...]) -> list[dict[str, Any]]:
    """The analysed units as API rows: code, names zh/en (short and full), pinyin, initials, level, parent."""
    from yindi.regions import registry

    reg = registry()
    rows = []
    for code in codes:
        r = reg.get(code)
        full, initials = _pinyin(r.short_zh)
        rows.append(
            {
                "code": r.adcode,
                "name_zh": r.short_zh,
                "full_name_zh": r.name_zh,
                "name_en": r.name_en,
                "pinyin": full,
                "initials": initials,
                "level": r.level,
                "parent": r.parent,
                "province": r.province,
            }
        )
    return rows


def _label(key: str, panel: Panel | None) -> tuple[str, str]:
    """(Chinese, English) name of a measure or column: a known measure, an indicator of the data, or a region code
    (a column of a region × region table, e.g. structural similarity)."""
    from yindi.regions import registry
    from yindi.report.labels import MEASURES

    if key in MEASURES:
        return MEASURES[key]
    if panel is not None and key in panel.indicators:
        meta = panel.indicators[key]
        return meta.name_zh, meta.name_en
    if key.isdigit() and len(key) == 6 and key in registry():
        r = registry().get(key)
        return f"与{r.short_zh}的相似度", f"similarity to {r.name_en}"
    return key, key


def _result_layers(results: StudyResults, panel: Panel | None = None) -> list[Layer]:
    """Map layers from result tables with a ``region_code`` column: each measure of a long table (one value per
    region and year) and each numeric column of a wide table (one row per region and year)."""
    out: list[Layer] = []
    for node, res in results.results.items():
        if res is None:
            continue
        for name, frame in res.tables.items():
            if "region_code" not in frame.columns or frame.empty:
                continue
            keys = ["region_code", *(["year"] if "year" in frame.columns else [])]
            if {"measure", "value"} <= set(frame.columns):
                extra = [c for c in frame.columns if c not in _KEY_COLUMNS]
                for m, sub in frame.groupby("measure", sort=False):
                    if sub.duplicated(subset=[*keys, *extra]).any() or (
                        extra and sub[extra].nunique().max() > 1
                    ):
                        continue
                    years = _years(sub)
                    zh, en = _label(str(m), panel)
                    out.append(
                        Layer(f"{node}:{name}:{m}", "result", node, name, "value", str(m), zh, en, "", years)
                    )
                continue
            if frame.duplicated(subset=keys).any():
                continue
            for col in frame.columns:
                if col in _KEY_COLUMNS or not pd.api.types.is_numeric_dtype(frame[col]):
                    continue
                if pd.api.types.is_bool_dtype(frame[col]):
                    continue
                zh, en = _label(str(col), panel)
                out.append(
                    Layer(
                        f"{node}:{name}:{col}",
                        "result",
                        node,
                        name,
                        str(col),
                        None,
                        zh,
                        en,
                        "",
                        _years(frame),
                    )
                )
    return out


def _years(frame: pd.DataFrame) -> tuple[int, ...]:
    if "year" not in frame.columns:
        return ()
    return tuple(sorted({int(y) for y in frame["year"].dropna().unique()}))


def _indicator_layers(panel: Panel | None) -> list[Layer]:
    if panel is None:
        return []
    years = panel.frame.loc[panel.frame["value"].notna()].groupby("indicator")["year"].unique()
    out = []
    for ind_id in panel.indicator_ids:
        meta = panel.indicators[ind_id]
        ys = tuple(sorted(int(y) for y in years.get(ind_id, [])))
        out.append(
            Layer(
                f"data:panel:{ind_id}",
                "indicator",
                "data",
                "panel",
                ind_id,
                None,
                meta.name_zh,
                meta.name_en,
                meta.unit,
                ys,
            )
        )
    return out


def build_state(results: StudyResults, panel: Panel | None = None, *, lang: Lang = "zh") -> ApiState:
    """The API's state from a run (and the data it ran on, for indicators)."""
    layers = [*_indicator_layers(panel), *_result_layers(results, panel)]
    return ApiState(
        results=results,
        panel=panel.select(regions=list(results.codes)) if panel is not None else None,
        lang=lang,
        regions=region_rows(tuple(results.codes)),
        layers={layer.id: layer for layer in layers},
    )


def load_state(
    source: str | Path | Study,
    *,
    workspace: str | Path | None = None,
    options: Mapping[str, Any] | None = None,
    nodes: Sequence[str] | None = None,
) -> ApiState:
    """Load the data and run the pipeline once (stored results are read back, not recomputed).

    ``source`` is a data folder/file/``workspace:NAME`` or a :class:`~yindi.study.spec.Study`; ``nodes`` limits
    the run to these analyses and the ones they read (default: every node).
    """
    from dataclasses import replace

    from yindi.data import load
    from yindi.study.pipeline import run
    from yindi.study.spec import Study

    if isinstance(source, Study):
        study = source
    else:
        text = str(source)
        study = Study(
            data=str(Path(text).resolve()) if Path(text).exists() else text, options=dict(options or {})
        )
    if workspace is not None:
        study = replace(study, workspace=str(Path(workspace).resolve()))
    panel = load(study.data, workspace=study.workspace)
    results = run(study, panel, nodes=nodes)
    return build_state(results, panel, lang=study.lang)
