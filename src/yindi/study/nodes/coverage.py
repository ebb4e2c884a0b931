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
    """Tables ``summary`` (Panel.coverage()), ``matrix`` (indicator × year: units with a value; one column per
    year, named by the year), ``checks`` (the plausibility findings of :func:`yindi.data.checks.check_panel` on
    the analysed units, with the detail in the study's language) and ``year_rule`` (per year: units with every key indicator, units covered,
    share — what the report year was chosen by); meta ``n_regions``, ``n_units`` (analysis set),
    ``uncovered`` (units the data do not cover at all), ``years``, ``complete`` (indicators covering every unit
    in the report year), ``key_indicators`` and ``key_labels``, ``min_coverage``."""
    from yindi.study.derived import available, key_coverage, label
    from yindi.study.pipeline import study_preset

    panel = scope.panel
    f = panel.frame
    present = f[f["value"].notna()]
    counts = (
        present.groupby(["indicator", "year"])["region_code"].nunique().unstack(fill_value=0).sort_index()
    )
    covered = set(panel.region_codes)  # a property that sorts the frame's codes: read once
    n_regions = len(covered)
    complete = int((counts[scope.year] >= n_regions).sum()) if scope.year in counts.columns else 0
    years = [int(y) for y in counts.columns]
    matrix = counts.copy()
    matrix.columns = [str(c) for c in matrix.columns]
    keys = list(options["report"]["key_indicators"])
    preset = study_preset(options)
    rule = key_coverage(panel, keys, preset)
    used = [i for i in keys if available(panel, i, preset)]
    from yindi.data.checks import check_panel

    found = check_panel(panel).findings
    detail = "detail_en" if scope.lang == "en" else "detail_zh"
    checks = found.assign(detail=found[detail])[
        [
            "check",
            "region_code",
            "year",
            "indicator",
            "value",
            "reference",
            "partner_code",
            "file",
            "row",
            "detail",
        ]
    ]
    return NodeResult(
        "coverage",
        {"summary": panel.coverage(), "matrix": matrix.reset_index(), "year_rule": rule, "checks": checks},
        {
            "n_regions": n_regions,
            "n_units": len(scope.codes),
            "uncovered": [c for c in scope.codes if c not in covered],
            "years": years,
            "complete": complete,
            "n_indicators": len(panel.indicators),
            "key_indicators": used,
            "key_labels": [list(label(panel, i, preset, scope.lang)) for i in used],
            "min_coverage": float(options["report"]["min_coverage"]),
        },
    )
