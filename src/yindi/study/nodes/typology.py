"""Node 'typology': source-003 S&T types I–IV, the check against the source's counts, data-driven clusters.

区域科技类型（文献003 I–IV 类）、与文献数字的对照，以及数据驱动的聚类。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.errors import YindiError
from yindi.study.result import NodeResult
from yindi.study.scope import Scope

#: Source 003 says its grouping uses 2023 data; both candidate years are recomputed (provinces only).
SOURCE_YEARS = (2022, 2023)


def latest_complete_year(scope: Scope) -> int | None:
    """Latest year up to the report year in which R&D intensity and GDP per capita cover every unit."""
    p = scope.panel
    if "rd_intensity" not in p.indicators or "gdp_per_capita" not in p.indicators:
        return None
    n = len(p.region_codes)
    both = p.wide(["rd_intensity", "gdp_per_capita"]).dropna()
    counts = both.groupby(level="year").size()
    years = [int(str(y)) for y, k in counts.items() if k == n and int(str(y)) <= scope.year]
    return max(years) if years else None


def _source_check(scope: Scope, gdp_rule: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Counts per type in the source's candidate years, the years matching the source, moved and flagged units."""
    from yindi.typology import SOURCE_003_COUNTS, stage_types

    found: dict[int, pd.DataFrame] = {}
    for y in SOURCE_YEARS:
        try:
            found[y] = stage_types(scope.panel, y, gdp_rule=gdp_rule, lang=scope.lang)  # type: ignore[arg-type]
        except YindiError:
            continue
    rows = [
        (y, t, int((types["type"] == t).sum()))
        for y, types in found.items()
        for t in ("I", "II", "III", "IV")
    ]
    counts = pd.DataFrame(rows, columns=["year", "type", "regions"])
    same = [
        y
        for y in found
        if all(
            int(counts[(counts["year"] == y) & (counts["type"] == t)]["regions"].sum()) == k
            for t, k in SOURCE_003_COUNTS.items()
        )
    ]
    moved: list[list[str]] = []
    last = SOURCE_YEARS[-1]
    if last in found and same and same[0] != last:
        a = found[same[0]].set_index("region_code")["type"]
        b = found[last].set_index("region_code")["type"]
        moved = [[str(c), str(a[c]), str(b[c])] for c in a.index if c in b.index and a[c] != b[c]]
    flagged: list[list[str]] = []
    if last in found:
        f = found[last]
        flagged = [[str(r.region_code), str(r.note)] for r in f[f["note"] != ""].itertuples()]
    return counts, {"source_years": sorted(found), "matching_years": same, "moved": moved, "flagged": flagged}


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``types`` (stage_types), ``vs_source`` (compare_with_source), ``source_counts`` (units per type in
    the source's years; provinces only), ``clusters`` and ``silhouette`` (when the index indicators are complete);
    meta ``year``, ``k``, ``source_years``, ``matching_years``, ``moved``, ``flagged``."""
    from yindi.typology import cluster_regions, compare_with_source, stage_types

    opt = options["typology"]
    if "rd_intensity" not in scope.panel.indicators:  # said, not hidden (city panels have no R&D series)
        from yindi.errors import MissingDataError

        raise MissingDataError(
            "The data have no R&D intensity (rd_intensity): the regional S&T types, defined by R&D intensity and "
            "GDP per capita, cannot be assigned.",
            zh="数据中没有 R&D 经费投入强度（rd_intensity）：区域科技类型按研发强度与人均 GDP 划分，无法判定。",
        )
    year = opt["year"] or latest_complete_year(scope)
    if year is None:
        return None
    types = stage_types(scope.panel, int(year), gdp_rule=opt["gdp_rule"], lang=scope.lang)
    tables: dict[str, pd.DataFrame] = {"types": types, "vs_source": compare_with_source(types)}
    meta: dict[str, Any] = {"year": int(year), "k": None}
    if scope.level == "province":
        counts, check = _source_check(scope, opt["gdp_rule"])
        tables["source_counts"] = counts
        meta.update(check)
    try:
        clusters = cluster_regions(
            scope.panel, int(year), method=opt["cluster_method"], k=opt["clusters"], seed=scope.seed
        )
    except YindiError:  # the index indicators are incomplete in that year: no clusters, the types still stand
        clusters = None
    if clusters is not None:
        tables["clusters"] = clusters.labels
        tables["silhouette"] = clusters.selection
        meta["k"] = int(clusters.k)
    return NodeResult("typology", tables, meta)
