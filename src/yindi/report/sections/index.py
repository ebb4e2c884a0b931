"""Report section 'index': the NQPF composite index — ranking, map, dimension scores, rank intervals."""

from __future__ import annotations

import pandas as pd

from yindi.report import charts, maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, note, paragraph, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["index"]  # the nodes this section renders (listed in yindi.study.sections)

_METHOD_ZH = {
    "entropy": "熵值法",
    "critic": "CRITIC 法",
    "cv": "变异系数法",
    "pca": "主成分法",
    "equal": "等权",
    "topsis": "TOPSIS",
    "weighted_sum": "加权求和",
    "grey": "灰色关联",
    "minmax": "极差标准化",
    "zscore": "Z 分数标准化",
    "vector": "向量标准化",
}


def build(ctx: ReportContext) -> Section | None:
    tr = ctx.tr
    title = tr("新质生产力综合指数", "NQPF composite index")
    res = ctx.result("index")
    if res is None:
        why = ctx.failure("index")
        if why is None:
            return None
        return Section(
            "index", title, paragraph(tr(f"无法计算指数：{why}", f"The index could not be computed: {why}"))
        )
    opt = ctx.study.options["index"]
    weighting, aggregation, draws = opt["weighting"], opt["aggregation"], opt["draws"]
    concentration, top_k = opt["concentration"], opt["top_k"]
    year = int(res.meta["year"])
    years = list(res.meta["years"])
    dim_names = list(res.meta["dimensions"])
    preset_zh, preset_en = res.meta["preset"]
    ranking = res.table("ranking")
    intervals = res.table("intervals")
    # each region's interval columns, read once (not one .loc per region and column)
    iv = {
        c: dict(zip(intervals.columns, row, strict=True))
        for c, row in zip(
            intervals["region_code"].tolist(), intervals.itertuples(index=False, name=None), strict=True
        )
    }
    shown = ranking.copy()
    shown["interval"] = [f"{iv[c]['rank_low']}–{iv[c]['rank_high']}" for c in shown["region_code"]]
    shown[f"top{top_k}"] = [float(iv[c][f"top{top_k}_share"]) for c in shown["region_code"]]
    shown = shown.drop(columns="region_code")
    shown = shown[["rank", "region", *[c for c in shown.columns if c not in ("rank", "region")]]].rename(
        columns={
            "rank": tr("排名", "Rank"),
            "region": tr("地区", "Region"),
            "score": tr("综合得分", "Score"),
            "interval": tr("排名区间(5%–95%)", "Rank interval (5–95%)"),
            f"top{top_k}": tr(f"进入前{top_k}的概率", f"P(top {top_k})"),
        }
    )
    labels = ranking["region"].tolist()
    score_map = maps.choropleth(
        dict(zip(ranking["region_code"], ranking["score"].astype(float), strict=True)),
        title=tr(f"新质生产力综合得分（{year}）", f"NQPF index score ({year})"),
        lang=ctx.lang,
        level=ctx.level,
        units=ctx.map_units,
        palette="Purples",
    )
    bars = charts.bar_chart(
        labels,
        {name: ranking[name].astype(float).tolist() for name in dim_names},
        title=tr("三要素得分", "Dimension scores"),
    )
    top = ranking.head(5)
    radar = charts.radar_chart(
        dim_names,
        {str(r["region"]): [float(r[n]) for n in dim_names] for _, r in top.iterrows()},
        title=tr("前五名地区的维度得分", "Dimension scores of the top five"),
    )
    ranks = charts.interval_chart(
        labels,
        [float(iv[c]["rank"]) for c in ranking["region_code"]],
        [float(iv[c]["rank_low"]) for c in ranking["region_code"]],
        [float(iv[c]["rank_high"]) for c in ranking["region_code"]],
        title=tr("排名及其不确定区间", "Rank and its uncertainty interval"),
        xlabel=tr("排名", "Rank"),
        limits=(1, len(ranking)),
    )
    weights = res.table("weights")
    weights_shown = weights.rename(
        columns={
            "dimension": tr("维度", "Dimension"),
            "indicator": tr("指标代码", "Indicator id"),
            "name": tr("指标", "Indicator"),
            "direction": tr("方向", "Direction"),
            "weight": tr("权重", "Weight"),
        }
    )
    scope_zh = "全局" if opt["scope"] == "panel" else "逐年"
    scope_en = "global" if opt["scope"] == "panel" else "year-by-year"
    comparable = (
        tr("各年得分可比", "so scores are comparable across years")
        if opt["scope"] == "panel"
        else tr(
            "各年分别标准化与赋权，得分只在年内可比",
            "normalised and weighted within each year, so scores compare within a year only",
        )
    )
    intro = tr(
        f"指标体系“{preset_zh}”共 {res.meta['n_indicators']} 个指标（{'、'.join(dim_names)}），"
        f"{years[0]}–{years[-1]} 年 {res.meta['n_regions']} 个地区；{scope_zh}{_METHOD_ZH.get(opt['normalization'], opt['normalization'])}、"
        f"{scope_zh}{_METHOD_ZH.get(weighting, weighting)}赋权、{_METHOD_ZH.get(aggregation, aggregation)}集成，"
        f"{comparable}。下表为 {year} 年排名；排名区间来自 {draws} 次围绕所得权重的 Dirichlet 权重抽样（集中度 "
        f"{concentration:g}，种子 {ctx.seed}）。",
        f"Preset '{preset_en}': {res.meta['n_indicators']} indicators ({', '.join(dim_names)}), "
        f"{res.meta['n_regions']} regions, {years[0]}–{years[-1]}; {scope_en} {opt['normalization']} normalisation, "
        f"{scope_en} {weighting} weights and {aggregation} aggregation, {comparable}. The table ranks {year}; rank "
        f"intervals come from {draws} Dirichlet draws of the weights around the fitted weights "
        f"(concentration {concentration:g}, seed {ctx.seed}).",
    )
    note_zh, note_en = res.meta.get("preset_note", ["", ""])
    html = "".join(
        [
            paragraph(intro),
            note(tr(note_zh, note_en)) if note_zh or note_en else "",
            table(shown, digits=3),
            grid([figure(score_map), figure(ranks)]),
            grid([figure(bars), figure(radar)]),
            table(
                weights_shown,
                digits=4,
                caption=tr(
                    f"指标权重（{_METHOD_ZH.get(weighting, weighting)}）", f"Indicator weights ({weighting})"
                ),
            ),
            note(
                tr(
                    "派生指标（人均、占GDP比重）由数据中的原始指标计算，定义见 Yindi 方法文档“综合指数”一章。",
                    "Derived ratios (per capita, share of GDP) are computed from the raw indicators in the data; "
                    "the Yindi methods documentation (chapter 'Composite index') defines them.",
                )
            ),
        ]
    )
    notes = (
        tr(
            f"权重方法：{_METHOD_ZH.get(weighting, weighting)}，集成方法：{_METHOD_ZH.get(aggregation, aggregation)}；维度得分以维度内重新归一的权重计算，取值 [0, 1]。",
            f"Weighting {weighting}, aggregation {aggregation}; dimension scores use the weights renormalised "
            "within each dimension and lie in [0, 1].",
        ),
        *res.notes,
    )
    tables: dict[str, pd.DataFrame] = {
        "index_scores": res.table("scores"),
        "index_weights": weights,
        "index_rank_intervals": intervals,
        "index_obstacles": res.table("obstacles"),
    }
    if "coupling" in res.tables:
        tables["index_coupling"] = res.table("coupling")
    return Section("index", title, html, tables, tuple(notes))
