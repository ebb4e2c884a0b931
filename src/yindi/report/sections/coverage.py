"""Report section 'coverage': what the data hold — indicators × years × regions, gaps and repairs."""

from __future__ import annotations

from yindi.data.panel import unit_label
from yindi.report import charts
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, paragraph, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["coverage"]  # the nodes this section renders (listed in yindi.study.sections)


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("coverage")
    if res is None:
        return None
    tr = ctx.tr
    n_regions = int(res.meta["n_regions"])
    years = list(res.meta["years"])
    summary = res.table("summary")
    excel_matrix = res.table("matrix")
    matrix = excel_matrix.set_index("indicator")
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
    complete = int(res.meta["complete"])
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
    units = ctx.unit_word()
    notes = [
        tr(
            f"本节只统计分析范围内的{units}；全国合计（100000）单列在数据中但不参与地区比较。",
            f"Only the analysed {units} are counted; national totals (100000) are kept in the data but not compared.",
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
        title=tr("附录：数据覆盖", "Appendix: data coverage"),
        html=html,
        tables={"coverage": summary, "coverage_matrix": excel_matrix},
        notes=tuple(notes),
    )
