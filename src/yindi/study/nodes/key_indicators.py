"""Node 'key_indicators': the key indicators in the report year (or the latest earlier year with data).

关键指标：报告年份（或此前有数据的最近年份）的各地区数值；派生指标（如城市的人均 GDP）按指数指标体系计算。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.schema import tidy
from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Table ``values`` in the result schema (``measure`` = indicator id; ``year`` = the year shown, the latest
    year up to the report year with data); meta ``missing`` (key indicators the data cannot give), ``shown``
    (indicator ids in order) and ``labels`` (id → [name, unit] in the study's language)."""
    from yindi.study import derived
    from yindi.study.pipeline import study_preset

    panel = scope.panel
    preset = study_preset(options)
    parts: list[pd.DataFrame] = []
    missing: list[str] = []
    shown: list[str] = []
    labels: dict[str, list[str]] = {}
    for indicator in options["report"]["key_indicators"]:
        if not derived.available(panel, indicator, preset):
            missing.append(indicator)
            continue
        series = derived.series(panel, indicator, preset)
        years = [int(y) for y in series.columns if int(y) <= scope.year and series[y].notna().any()]
        if not years:
            continue
        year = max(years)
        col = series[year].dropna()  # units without a value are shown grey on the map (no row)
        parts.append(
            pd.DataFrame(
                {
                    "region_code": col.index.astype(str),
                    "year": year,
                    "measure": indicator,
                    "value": col.to_numpy(),
                }
            )
        )
        shown.append(indicator)
        labels[indicator] = list(derived.label(panel, indicator, preset, scope.lang))
    if not parts:
        return None
    values = tidy(pd.concat(parts, ignore_index=True), lang=scope.lang)
    return NodeResult(
        "key_indicators", {"values": values}, {"missing": missing, "shown": shown, "labels": labels}
    )
