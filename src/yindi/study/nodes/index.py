"""Node 'index': the composite index (scores, weights, rank intervals, obstacles, coupling).

综合指数：得分、权重、排名区间、障碍度与耦合协调度。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult:
    """Tables ``ranking`` (the year's ranking with dimension scores), ``intervals`` (rank intervals),
    ``scores`` (every region-year), ``weights``, ``obstacles``, ``coupling``; meta ``year``, ``years``,
    ``n_regions``, ``dimensions`` (names), ``preset`` (names zh/en), ``n_indicators``."""
    from yindi.index import evaluate, load_preset, rank_intervals

    opt = options["index"]
    preset = load_preset(opt["preset"])
    res = evaluate(
        scope.panel,
        preset,
        weighting=opt["weighting"],
        aggregation=opt["aggregation"],
        normalization=opt["normalization"],
        scope=opt["scope"],
    )
    year = max([y for y in res.years if y <= scope.year] or res.years)
    intervals = rank_intervals(
        res,
        year=year,
        draws=opt["draws"],
        concentration=opt["concentration"],
        seed=scope.seed,
        top_k=opt["top_k"],
    )
    weights = res.weight_table(scope.lang)
    wcol = "panel" if "panel" in weights.columns else year
    weights = weights.rename(columns={wcol: "weight"})
    weights = weights[[c for c in weights.columns if isinstance(c, str)]]
    weights["name"] = [preset.label(i, scope.full, scope.lang) for i in weights["indicator"]]
    tables = {
        "ranking": res.ranking(year, lang=scope.lang),
        "intervals": intervals,
        "scores": res.scores.reset_index(),
        "weights": weights,
        "obstacles": res.obstacles(year, lang=scope.lang),
    }
    if opt["normalization"] != "zscore":
        tables["coupling"] = res.coupling(year, lang=scope.lang)
    meta = {
        "year": year,
        "years": res.years,
        "n_regions": len(res.regions),
        "dimensions": [d.name(scope.lang) for d in res.preset.dimensions],
        "preset": [preset.name("zh"), preset.name("en")],
        "n_indicators": len(preset.indicators),
    }
    return NodeResult("index", tables, meta, tuple(res.actions))
