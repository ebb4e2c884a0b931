"""Report section 'coverage': what the data hold — indicators × years × regions, gaps and repairs."""

from __future__ import annotations

import pandas as pd

from yindi.data.panel import unit_label
from yindi.report import charts
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, paragraph, table


def coverage_matrix(ctx: ReportContext) -> pd.DataFrame:
    """Indicator × year: number of analysed regions with a value."""
    f = ctx.analysis.frame
    present = f[f["value"].notna()]
    counts = present.groupby(["indicator", "year"])["region_code"].nunique().unstack(fill_value=0)
    return counts.sort_index()


def build(ctx: ReportContext) -> Section:
    tr = ctx.tr
    panel = ctx.analysis
    n_regions = len(panel.region_codes)
    matrix = coverage_matrix(ctx)
    years = [int(y) for y in matrix.columns]
    summary = panel.coverage()
    name_col = "name_en" if ctx.lang == "en" else "name_zh"
    shown = summary[
        ["indicator", name_col, "unit", "first_year", "last_year", "years", "regions", "values", "missing"]
    ].assign(unit=lambda t: [unit_label(u, ctx.lang) for u in t["unit"]])
    shown = shown.rename(
        columns={
            "indicator": tr("指标代码", "Indicator id"),
            name_col: tr("指标", "Indicator"),
            "unit": tr("单位", "Unit"),
            "first_year": tr("起始年", "First year"),
            "last_year": tr("结束年", "Last year"),
            "years": tr("年数", "Years"),
            "regions": tr("地区数", "Regions"),
            "values": tr("观测值", "Values"),
            "missing": tr("缺失", "Missing"),
        }
    )
    complete = int((matrix[ctx.year] >= n_regions).sum()) if ctx.year in matrix.columns else 0
    intro = tr(
        f"数据共 {len(summary)} 个指标、{n_regions} 个地区，年份 {years[0]}–{years[-1]}；"
        f"{ctx.year} 年有 {complete} 个指标覆盖全部地区。面板不平衡：各指标年份不同，缺失值保持缺失，不以 0 填补。",
        f"The data hold {len(summary)} indicators for {n_regions} regions, {years[0]}–{years[-1]}; in {ctx.year}, "
        f"{complete} indicators cover every region. The panel is unbalanced: coverage differs by indicator, and "
        "missing values stay missing (never filled with 0).",
    )
    labels = [ctx.panel.indicator(i).name(ctx.lang) for i in matrix.index]
    heat = charts.heatmap(
        matrix.to_numpy(dtype=float),
        labels,
        [str(y) for y in years],
        title=tr("各指标各年份有数据的地区数", "Regions with data, by indicator and year"),
        palette="Blues",
        vmin=0,
        vmax=float(n_regions),
    )
    excel_matrix = matrix.copy()
    excel_matrix.columns = [str(c) for c in excel_matrix.columns]
    excel_matrix = excel_matrix.reset_index()
    html = (
        paragraph(intro)
        + figure(
            heat,
            tr(
                f"颜色越深，覆盖的地区越多（最多 {n_regions}）。",
                f"Darker = more regions covered (max {n_regions}).",
            ),
        )
        + table(shown, caption=tr("指标覆盖情况", "Indicator coverage"), max_rows=80)
    )
    notes = [
        tr(
            "本节只统计分析范围内的省级行政区；全国合计（100000）单列在数据中但不参与地区比较。",
            "Only the analysed provinces are counted; national totals (100000) are kept in the data but not compared.",
        ),
    ]
    if ctx.panel.repairs:
        notes.append(
            tr(
                f"导入时共有 {len(ctx.panel.repairs)} 处修正，见页脚。",
                f"{len(ctx.panel.repairs)} repairs were made on import; see the footer.",
            )
        )
    return Section(
        id="coverage",
        title=tr("数据覆盖", "Data coverage"),
        html=html,
        tables={"coverage": summary, "coverage_matrix": excel_matrix},
        notes=tuple(notes),
    )
