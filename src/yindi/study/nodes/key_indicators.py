"""Node 'key_indicators': the key indicators in the report year (or the latest earlier year with data).

关键指标：报告年份（或此前有数据的最近年份）的各地区数值。
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
    year up to the report year with data); meta ``missing`` (key indicators absent from the data) and
    ``shown`` (indicator ids in order)."""
    panel = scope.panel
    parts: list[pd.DataFrame] = []
    missing: list[str] = []
    shown: list[str] = []
    for indicator in options["report"]["key_indicators"]:
        if indicator not in panel.indicators:
            missing.append(indicator)
            continue
        series = panel.series(indicator)
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
    if not parts:
        return None
    values = tidy(pd.concat(parts, ignore_index=True), lang=scope.lang)
    return NodeResult("key_indicators", {"values": values}, {"missing": missing, "shown": shown})
