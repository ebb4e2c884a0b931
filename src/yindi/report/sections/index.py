"""Report section 'index': the NQPF composite index — ranking, map, dimension scores, rank intervals."""

from __future__ import annotations

import pandas as pd

from yindi.report import charts, maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, note, paragraph, table


def build(ctx: ReportContext) -> Section | None:
    from yindi.errors import YindiError
    from yindi.index import evaluate, load_preset, rank_intervals

    tr = ctx.tr
    preset_name = ctx.option("index", "preset", "nqpf_three_elements")
    weighting = ctx.option("index", "weighting", "entropy")
    aggregation = ctx.option("index", "aggregation", "topsis")
    draws = int(ctx.option("index", "draws", 2000))
    concentration = float(ctx.option("index", "concentration", 100.0))
    preset = load_preset(preset_name)
    try:
        res = evaluate(ctx.analysis, preset, weighting=weighting, aggregation=aggregation, scope="panel")
    except YindiError as exc:
        return Section(
            "index",
            tr("新质生产力综合指数", "NQPF composite index"),
            paragraph(tr(f"无法计算指数：{exc}", f"The index could not be computed: {exc}")),
        )
    year = max([y for y in res.years if y <= ctx.year] or res.years)
    top_k = 5
    intervals = rank_intervals(
        res, year=year, draws=draws, concentration=concentration, seed=ctx.seed, top_k=top_k
    )
    ranking = res.ranking(year, lang=ctx.lang)
    iv = intervals.set_index("region_code")
    dim_names = [d.name(ctx.lang) for d in res.preset.dimensions]
    shown = ranking.copy()
    shown["interval"] = [f"{iv.loc[c, 'rank_low']}–{iv.loc[c, 'rank_high']}" for c in shown["region_code"]]
    shown[f"top{top_k}"] = [float(iv.loc[c, f"top{top_k}_share"]) for c in shown["region_code"]]
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
        [float(iv.loc[c, "rank"]) for c in ranking["region_code"]],
        [float(iv.loc[c, "rank_low"]) for c in ranking["region_code"]],
        [float(iv.loc[c, "rank_high"]) for c in ranking["region_code"]],
        title=tr("排名及其不确定区间", "Rank and its uncertainty interval"),
        xlabel=tr("排名", "Rank"),
    )
    weights = res.weight_table(ctx.lang).rename(columns={"panel": "weight"})
    weights["name"] = [preset.label(i, ctx.panel, ctx.lang) for i in weights["indicator"]]
    weights_shown = weights.rename(
        columns={
            "dimension": tr("维度", "Dimension"),
            "indicator": tr("指标代码", "Indicator id"),
            "name": tr("指标", "Indicator"),
            "direction": tr("方向", "Direction"),
            "weight": tr("权重", "Weight"),
        }
    )
    intro = tr(
        f"指标体系“{preset.name('zh')}”共 {len(preset.indicators)} 个指标（{'、'.join(dim_names)}），"
        f"{res.years[0]}–{res.years[-1]} 年 {len(res.regions)} 个地区；全局极差标准化、全局熵值法赋权、TOPSIS 集成，"
        f"各年得分可比。下表为 {year} 年排名；排名区间来自 {draws} 次围绕熵权的 Dirichlet 权重抽样（集中度 "
        f"{concentration:g}，种子 {ctx.seed}）。",
        f"Preset '{preset.name('en')}': {len(preset.indicators)} indicators ({', '.join(dim_names)}), "
        f"{len(res.regions)} regions, {res.years[0]}–{res.years[-1]}; global min–max normalisation, global "
        f"entropy weights and TOPSIS, so scores are comparable across years. The table ranks {year}; rank "
        f"intervals come from {draws} Dirichlet draws of the weights around the entropy weights "
        f"(concentration {concentration:g}, seed {ctx.seed}).",
    )
    html = "".join(
        [
            paragraph(intro),
            table(shown, digits=3),
            grid([figure(score_map), figure(ranks)]),
            grid([figure(bars), figure(radar)]),
            table(
                weights_shown,
                digits=4,
                caption=tr(f"指标权重（{weighting}）", f"Indicator weights ({weighting})"),
            ),
            note(
                tr(
                    "派生指标（人均、占GDP比重）的定义见 docs/methods/index.md。",
                    "Derived ratios are defined in docs/methods/index.md.",
                )
            ),
        ]
    )
    notes = (
        tr(
            f"权重方法 {weighting}，集成方法 {aggregation}；维度得分以维度内重新归一的权重计算，取值 [0, 1]。",
            f"Weighting {weighting}, aggregation {aggregation}; dimension scores use the weights renormalised "
            "within each dimension and lie in [0, 1].",
        ),
        *res.actions,
    )
    tables: dict[str, pd.DataFrame] = {
        "index_scores": res.scores.reset_index(),
        "index_weights": weights,
        "index_rank_intervals": intervals,
        "index_obstacles": res.obstacles(year, lang=ctx.lang),
        "index_coupling": res.coupling(year, lang=ctx.lang),
    }
    return Section("index", tr("新质生产力综合指数", "NQPF composite index"), html, tables, tuple(notes))
