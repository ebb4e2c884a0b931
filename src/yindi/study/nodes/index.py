"""Node 'index': the composite index (scores, weights, rank intervals, obstacles, coupling).

综合指数：得分、权重、排名区间、障碍度与耦合协调度。
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from yindi.errors import MissingDataError
from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult:
    """Tables ``ranking`` (the year's ranking with dimension scores), ``intervals`` (rank intervals),
    ``scores`` (every region-year), ``weights``, ``obstacles``, ``coupling``; meta ``year``, ``years``,
    ``n_regions``, ``dimensions`` (names), ``preset`` (names zh/en), ``n_indicators``."""
    from yindi.index import load_preset, rank_intervals
    from yindi.index.evaluate import fit_index
    from yindi.index.presets import preset_values

    opt = options["index"]
    preset = load_preset(opt["preset"])
    panel = scope.panel
    present = set(panel.years())
    span = range(preset.years[0], preset.years[1] + 1) if preset.years else sorted(present)
    use = [y for y in span if y in present]
    if not use:
        raise MissingDataError(
            f"The data have no year of the index preset's span ({span[0]}–{span[-1]}).",
            zh=f"数据中没有指数指标体系所用年份（{span[0]}–{span[-1]}）的数值。",
        )
    raw = preset_values(panel, preset, use)
    # region-years lacking an indicator are left out of the index and listed (never filled)
    gaps = raw[raw.isna().any(axis=1)]
    raw = raw.dropna()
    if raw.empty:
        raise MissingDataError(
            "No region-year has every indicator of the index preset.",
            zh="没有哪个地区-年份具备指数指标体系的全部指标。",
        )
    res = fit_index(
        raw,
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
        "preset_note": [preset.note("zh"), preset.note("en")],
        "n_indicators": len(preset.indicators),
        "left_out": sorted({str(c) for c in gaps.index.get_level_values("region_code")}),
        "left_out_year": sorted(str(c) for (c, y) in gaps.index if int(y) == year),
        "n_left_out": len(gaps),
    }
    notes = list(res.actions)
    missing_now = [str(c) for (c, y) in gaps.index if int(y) == year]
    if len(gaps):
        notes.append(
            scope.tr(
                f"{len(gaps)} 个地区-年份缺少指数所需指标，未计入指数（不插补）；{year} 年缺少的地区："
                f"{'、'.join(scope.region_name(c) for c in missing_now) or '无'}。",
                f"{len(gaps)} region-years lack an indicator of the index and are left out (nothing is filled); "
                f"missing in {year}: {', '.join(scope.region_name(c) for c in missing_now) or 'none'}.",
            )
        )
    return NodeResult("index", tables, meta, tuple(notes))
