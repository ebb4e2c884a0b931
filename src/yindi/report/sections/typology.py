"""Report section 'typology': source-003 S&T types I–IV (map, table with deciding values, comparison)."""

from __future__ import annotations

import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, note, paragraph, table
from yindi.study.result import NodeResult
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["typology"]  # the nodes this section renders (listed in yindi.study.sections)

COLORS = {"I": "#54278f", "II": "#8c6bb1", "III": "#bcbddc", "IV": "#fdd9b5", "unclassified": "#969696"}


def _source_comparison(ctx: ReportContext, res: NodeResult) -> list[str]:
    """Which of the source's candidate years reproduces its counts on these data, and which regions differ."""
    if not res.meta.get("source_years"):
        return []
    counts = res.table("source_counts")

    by_year_type = dict(
        zip(
            zip(counts["year"].tolist(), counts["type"].tolist(), strict=True),
            counts["regions"].tolist(),
            strict=True,
        )
    )

    def fmt(y: int) -> str:
        return "/".join(str(int(by_year_type.get((y, t), 0))) for t in ("I", "II", "III", "IV"))

    years = list(res.meta["source_years"])
    same = list(res.meta["matching_years"])
    listed = "；".join(f"{y} 年 {fmt(y)}" for y in years)
    listed_en = "; ".join(f"{y}: {fmt(y)}" for y in years)
    out = [
        ctx.tr(
            f"用本数据复算（I/II/III/IV 类地区数）：{listed}。"
            + (
                f"与文献数字一致的年份：{'、'.join(map(str, same))}。"
                if same
                else "没有一年与文献数字完全一致。"
            ),
            f"Recomputed on these data (regions of type I/II/III/IV): {listed_en}. "
            + (
                f"Years matching the source's counts: {', '.join(map(str, same))}."
                if same
                else "No year matches the source's counts exactly."
            ),
        )
    ]
    last = years[-1]
    moved = [
        f"{ctx.region_name(c)}（{a}→{b}）" if ctx.lang == "zh" else f"{ctx.region_name(c)} ({a}→{b})"
        for c, a, b in res.meta["moved"]
    ]
    if moved:
        out.append(
            ctx.tr(
                f"{same[0]} 年到 {last} 年类型变化的地区：{'、'.join(moved)}。文献的分组与 {same[0]} 年的研发强度一致。",
                f"Regions whose type differs between {same[0]} and {last}: {', '.join(moved)}. The source's grouping "
                f"matches the {same[0]} intensities.",
            )
        )
    for code, text in res.meta["flagged"]:
        out.append(
            ctx.tr(f"{last} 年{ctx.region_name(code)}：{text}。", f"{last}, {ctx.region_name(code)}: {text}.")
        )
    return out


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("typology")
    if res is None:
        why = ctx.failure("typology")
        if why:  # the node said why (e.g. no R&D series): the banner shows it
            from yindi.errors import MissingDataError

            raise MissingDataError(why, zh=why)
        return None
    tr = ctx.tr
    year = int(res.meta["year"])
    types = res.table("types")
    cmp = res.table("vs_source")
    cat = maps.category_map(
        dict(zip(types["region_code"], types["type"], strict=True)),
        title=tr(f"区域科技类型（{year}）", f"Regional S&T types ({year})"),
        lang=ctx.lang,
        level=ctx.level,
        units=ctx.map_units,
        colors=COLORS,
        order=["I", "II", "III", "IV"],
    )
    names = [ctx.region_name(c) for c in types["region_code"]]
    shown = pd.DataFrame(
        {
            tr("类型", "Type"): types["type"],
            tr("地区", "Region"): names,
            tr("R&D经费投入强度(%)", "R&D intensity (%)"): types["rd_intensity"],
            tr("人均GDP(元)", "GDP per capita (yuan)"): types["gdp_per_capita"],
            tr("判定依据", "Rule"): [
                tr(str(r).replace("GDP/cap", "人均GDP").replace(", ", "，"), str(r)) for r in types["rule"]
            ],
            tr("说明", "Note"): types["note"],
        }
    )
    counts = "、".join(f"{r.type}类 {r.regions} 个" for r in cmp.itertuples())
    counts_en = ", ".join(f"type {r.type}: {r.regions}" for r in cmp.itertuples())
    intro = tr(
        f"按李国平、冯雨雪（2025）《因地制宜发展新质生产力的现实基础及其实现路径研究》的规则：研发强度 > 4% 为 I 类，> 3% 为 II 类，> 2% 为 III 类，其余为 IV 类（文献描述为"
        f"研发强度 < 2% 且人均GDP < 10万元）。{year} 年：{counts}。",
        f"Rule of Li and Feng (2025), 'Developing NQPF according to local conditions': R&D intensity > 4% type I, > 3% type II, > 2% type III, the rest type IV "
        f"(described as R&D intensity < 2% and GDP per capita < 100,000 yuan). {year}: {counts_en}.",
    )
    comparison = []
    if res.meta.get("source_years"):
        comparison.append(
            tr(
                "该文称其划分基于2023年数据：I 类 2 个（北京、上海）、II 类 4 个（广东、江苏、浙江、天津）、"
                "III 类 9 个、IV 类 16 个。",
                "Li and Feng (2025) say their grouping uses 2023 data: type I 2 (Beijing, Shanghai), II 4 (Guangdong, "
                "Jiangsu, Zhejiang, Tianjin), III 9, IV 16.",
            )
        )
    comparison.extend(_source_comparison(ctx, res))
    html_parts = [paragraph(intro), figure(cat), table(shown, digits=2), *[note(c) for c in comparison]]
    tables: dict[str, pd.DataFrame] = {"typology_types": types, "typology_vs_source": cmp}
    if "clusters" in res.tables:
        labels = res.table("clusters")
        method = ctx.study.options["typology"]["cluster_method"]
        method_zh = "k-means" if method == "kmeans" else "Ward 层次聚类"
        how_zh = "按平均轮廓系数选 " if ctx.study.options["typology"]["clusters"] is None else ""
        how_en = " by mean silhouette" if ctx.study.options["typology"]["clusters"] is None else ""
        html_parts.append(
            paragraph(
                tr(
                    f"数据驱动的聚类（{method_zh}，标准化的指数指标，{how_zh}k = {res.meta['k']}）："
                    + "；".join(f"{c}: {'、'.join(g['region'])}" for c, g in labels.groupby("cluster")),
                    f"Data-driven clusters ({method} on the standardised index indicators, k = {res.meta['k']}{how_en}): "
                    + "; ".join(
                        f"{c}: {', '.join(ctx.region_name(x) for x in g['region_code'])}"
                        for c, g in labels.groupby("cluster")
                    ),
                )
            )
        )
        tables["typology_clusters"] = labels
        tables["typology_silhouette"] = res.table("silhouette")
    return Section("typology", tr("区域科技类型", "Regional S&T types"), "".join(html_parts), tables)
