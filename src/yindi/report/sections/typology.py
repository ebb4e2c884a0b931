"""Report section 'typology': source-003 S&T types I–IV (map, table with deciding values, comparison)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, note, paragraph, table

COLORS = {"I": "#54278f", "II": "#807dba", "III": "#bcbddc", "IV": "#f2f0f7", "unclassified": "#cccccc"}


def _latest_complete_year(ctx: ReportContext) -> int | None:
    p = ctx.analysis
    if "rd_intensity" not in p.indicators or "gdp_per_capita" not in p.indicators:
        return None
    n = len(p.region_codes)
    both = p.wide(["rd_intensity", "gdp_per_capita"]).dropna()
    counts = both.groupby(level="year").size()
    years = [int(str(y)) for y, k in counts.items() if k == n and int(str(y)) <= ctx.year]
    return max(years) if years else None


def build(ctx: ReportContext) -> Section | None:
    from yindi.errors import YindiError
    from yindi.typology import cluster_regions, compare_with_source, stage_types

    tr = ctx.tr
    year = ctx.option("typology", "year", None) or _latest_complete_year(ctx)
    if year is None:
        return None
    types = stage_types(ctx.analysis, int(year))
    cmp = compare_with_source(types)
    cat = maps.category_map(
        dict(zip(types["region_code"], types["type"], strict=True)),
        title=tr(f"区域科技类型（{year}）", f"Regional S&T types ({year})"),
        lang=ctx.lang,
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
            tr("判定依据", "Rule"): types["rule"],
            tr("说明", "Note"): types["note"],
        }
    )
    counts = "、".join(f"{r.type}类 {r.regions} 个" for r in cmp.itertuples())
    counts_en = ", ".join(f"type {r.type}: {r.regions}" for r in cmp.itertuples())
    intro = tr(
        f"按文献003 §2.2 的规则：研发强度 > 4% 为 I 类，> 3% 为 II 类，> 2% 为 III 类，其余为 IV 类（文献描述为"
        f"研发强度 < 2% 且人均GDP < 10万元）。{year} 年：{counts}。",
        f"Rule of source 003 §2.2: R&D intensity > 4% type I, > 3% type II, > 2% type III, the rest type IV "
        f"(described as R&D intensity < 2% and GDP per capita < 100,000 yuan). {year}: {counts_en}.",
    )
    comparison = [
        tr(
            "文献003称其划分基于2023年数据：I 类 2 个（北京、上海）、II 类 4 个（广东、江苏、浙江、天津）、"
            "III 类 9 个、IV 类 16 个。",
            "Source 003 says its grouping uses 2023 data: type I 2 (Beijing, Shanghai), II 4 (Guangdong, Jiangsu, "
            "Zhejiang, Tianjin), III 9, IV 16.",
        )
    ]
    if 2022 in ctx.analysis.years("rd_intensity") and 2023 in ctx.analysis.years("rd_intensity"):
        c22 = stage_types(ctx.analysis, 2022)["type"].value_counts().to_dict()
        c23 = stage_types(ctx.analysis, 2023)["type"].value_counts().to_dict()

        def fmt(c: Mapping[Any, int]) -> str:
            return "/".join(str(c.get(t, 0)) for t in ("I", "II", "III", "IV"))

        comparison.append(
            tr(
                f"用已公布的研发强度复算：2023 年为 {fmt(c23)}（河北 2.08%、河南 2.05% 进入 III 类，内蒙古人均GDP "
                f"超过10万元），2022 年为 {fmt(c22)}，与文献完全一致——文献的分组对应 2022 年的研发强度。",
                f"Recomputed from published R&D intensities: 2023 gives {fmt(c23)} (Hebei 2.08% and Henan 2.05% "
                f"become type III; Inner Mongolia's GDP per capita exceeds 100,000 yuan); 2022 gives {fmt(c22)}, "
                "exactly the source's figure, so the source's grouping matches the 2022 intensities.",
            )
        )
    try:
        clusters = cluster_regions(ctx.analysis, int(year), seed=ctx.seed)
    except YindiError:  # the index indicators are incomplete in that year: no clusters, the types still stand
        clusters = None
    html_parts = [paragraph(intro), figure(cat), table(shown, digits=2), *[note(c) for c in comparison]]
    tables: dict[str, pd.DataFrame] = {"typology_types": types, "typology_vs_source": cmp}
    if clusters is not None:
        html_parts.append(
            paragraph(
                tr(
                    f"数据驱动的聚类（k-means，标准化的指数指标，按平均轮廓系数选 k = {clusters.k}）："
                    + "；".join(
                        f"{c}: {'、'.join(g['region'])}" for c, g in clusters.labels.groupby("cluster")
                    ),
                    f"Data-driven clusters (k-means on the standardised index indicators, k = {clusters.k} by mean "
                    "silhouette): "
                    + "; ".join(
                        f"{c}: {', '.join(ctx.region_name(x) for x in g['region_code'])}"
                        for c, g in clusters.labels.groupby("cluster")
                    ),
                )
            )
        )
        tables["typology_clusters"] = clusters.labels
        tables["typology_silhouette"] = clusters.selection
    return Section("typology", tr("区域科技类型", "Regional S&T types"), "".join(html_parts), tables)
