"""Node 'coverage': what the data hold for the analysed units — indicators × years, gaps.

数据覆盖：分析范围内各指标各年份有数据的地区数。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult:
    """Tables ``summary`` (Panel.coverage()) and ``matrix`` (indicator × year: units with a value; one column per
    year, named by the year); meta ``n_regions``, ``years``, ``complete`` (indicators covering every unit in the
    report year)."""
    panel = scope.panel
    f = panel.frame
    present = f[f["value"].notna()]
    counts = (
        present.groupby(["indicator", "year"])["region_code"].nunique().unstack(fill_value=0).sort_index()
    )
    n_regions = len(panel.region_codes)
    complete = int((counts[scope.year] >= n_regions).sum()) if scope.year in counts.columns else 0
    years = [int(y) for y in counts.columns]
    matrix = counts.copy()
    matrix.columns = [str(c) for c in matrix.columns]
    return NodeResult(
        "coverage",
        {"summary": panel.coverage(), "matrix": matrix.reset_index()},
        {"n_regions": n_regions, "years": years, "complete": complete, "n_indicators": len(panel.indicators)},
    )
