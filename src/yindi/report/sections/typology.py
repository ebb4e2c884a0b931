"""Report section 'typology': source-003 S&T types I–IV (map, table with deciding values, comparison)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, note, paragraph, table

COLORS = {"I": "#54278f", "II": "#8c6bb1", "III": "#bcbddc", "IV": "#fdd9b5", "unclassified": "#969696"}


def _latest_complete_year(ctx: ReportContext) -> int | None:
    p = ctx.analysis
    if "rd_intensity" not in p.indicators or "gdp_per_capita" not in p.indicators:
        return None
    n = len(p.region_codes)
    both = p.wide(["rd_intensity", "gdp_per_capita"]).dropna()
    counts = both.groupby(level="year").size()
    years = [int(str(y)) for y, k in counts.items() if k == n and int(str(y)) <= ctx.year]
    return max(years) if years else None


def _fmt(c: Mapping[Any, int]) -> str:
    return "/".join(str(c.get(t, 0)) for t in ("I", "II", "III", "IV"))


def _source_comparison(ctx: ReportContext) -> list[str]:
    """Which of 2022/2023 reproduces the source's counts on these data, and which regions differ (data-driven)."""
    from yindi.errors import YindiError
    from yindi.typology import SOURCE_003_COUNTS, stage_types

    found: dict[int, pd.DataFrame] = {}
    for y in (2022, 2023):
        try:
            found[y] = stage_types(ctx.analysis, y, lang=ctx.lang)
        except YindiError:
            continue
    if not found:
        return []
    counts = {y: t["type"].value_counts().to_dict() for y, t in found.items()}
    listed = "；".join(f"{y} 年 {_fmt(c)}" for y, c in counts.items())
    listed_en = "; ".join(f"{y}: {_fmt(c)}" for y, c in counts.items())
    same = [y for y, c in counts.items() if all(c.get(t, 0) == k for t, k in SOURCE_003_COUNTS.items())]
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
    if 2023 in found and same and same[0] != 2023:
        a = found[same[0]].set_index("region_code")["type"]
        b = found[2023].set_index("region_code")["type"]
        moved = [
            f"{ctx.region_name(c)}（{a[c]}→{b[c]}）"
            if ctx.lang == "zh"
            else f"{ctx.region_name(c)} ({a[c]}→{b[c]})"
            for c in a.index
            if c in b.index and a[c] != b[c]
        ]
        if moved:
            out.append(
                ctx.tr(
                    f"{same[0]} 年到 2023 年类型变化的地区：{'、'.join(moved)}。文献的分组与 {same[0]} 年的研发强度一致。",
                    f"Regions whose type differs between {same[0]} and 2023: {', '.join(moved)}. The source's grouping "
                    f"matches the {same[0]} intensities.",
                )
            )
    flagged = found.get(2023)
    if flagged is not None:
        for row in flagged[flagged["note"] != ""].itertuples():
            out.append(
                ctx.tr(
                    f"2023 年{ctx.region_name(str(row.region_code))}：{row.note}。",
                    f"2023, {ctx.region_name(str(row.region_code))}: {row.note}.",
                )
            )
    return out


def build(ctx: ReportContext) -> Section | None:
    from yindi.errors import YindiError
    from yindi.typology import cluster_regions, compare_with_source, stage_types

    tr = ctx.tr
    year = ctx.option("typology", "year", None) or _latest_complete_year(ctx)
    if year is None:
        return None
    types = stage_types(ctx.analysis, int(year), lang=ctx.lang)
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
    comparison.extend(_source_comparison(ctx))
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
