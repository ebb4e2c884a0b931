"""Report section 'coverage': what the data hold — indicators × years × regions, gaps and repairs."""

from __future__ import annotations

from yindi.data.panel import unit_label
from yindi.report import charts
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, paragraph, table
from yindi.study.result import NodeResult
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
        + _year_rule(ctx, res)
        + figure(
            heat,
            tr(
                f"颜色越深，覆盖的地区越多（最多 {n_regions}）。",
                f"Darker = more regions covered (max {n_regions}).",
            ),
        )
        + table(shown, caption=tr("指标覆盖情况", "Indicator coverage"), max_rows=80)
        + _checks(ctx, res)
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
        tables={
            "coverage": summary,
            "coverage_matrix": excel_matrix,
            **({"coverage_year_rule": res.table("year_rule")} if "year_rule" in res.tables else {}),
            **({"data_checks": res.table("checks")} if "checks" in res.tables else {}),
        },
        notes=tuple(notes),
    )


def _year_rule(ctx: ReportContext, res: NodeResult) -> str:
    """Why the report year is the one it is (the study option report.min_coverage), and the analysed units
    the data do not cover at all."""
    tr = ctx.tr
    parts: list[str] = []
    uncovered = [ctx.region_name(c) for c in res.meta.get("uncovered", [])]
    n_units = int(res.meta.get("n_units", res.meta["n_regions"]))
    if uncovered:
        parts.append(
            paragraph(
                tr(
                    f"分析范围内共 {n_units} 个{ctx.unit_word()}级单元，数据覆盖其中 {n_units - len(uncovered)} 个；"
                    f"数据中没有的单元（地图上为灰色）：{'、'.join(uncovered)}。",
                    f"The analysis set has {n_units} units; the data cover {n_units - len(uncovered)}. Units the "
                    f"data do not hold (grey on the maps): {', '.join(uncovered)}.",
                )
            )
        )
    if "year_rule" not in res.tables or not res.meta.get("key_indicators"):
        return "".join(parts)
    full = res.table("year_rule")
    rule = full[full["complete"] > 0]
    if rule.empty:
        return "".join(parts)
    names = tr("、", ", ").join(str(n) for n, _ in res.meta["key_labels"])
    share = float(res.meta["min_coverage"])
    row = rule[rule["year"] == ctx.year]
    later = full[full["year"] > ctx.year]  # years with data but too few units (0 included: 2024 for cities)
    have = row.iloc[0] if not row.empty else None
    text = tr(
        f"报告年份规则（研究选项 report.min_coverage = {share:.0%}）：取至少 {share:.0%} 的{ctx.unit_word()}"
        f"同时具备全部关键指标（{names}）的最近年份。",
        f"Report-year rule (study option report.min_coverage = {share:.0%}): the latest year in which at least "
        f"{share:.0%} of the {ctx.unit_word()} have every key indicator ({names}).",
    )
    if have is not None:
        text += tr(
            f"{ctx.year} 年有 {int(have['complete'])}/{int(have['units'])} 个（{float(have['share']):.0%}）。",
            f" In {ctx.year}: {int(have['complete'])} of {int(have['units'])} ({float(have['share']):.0%}).",
        )
    if not later.empty:
        shown = tr("；", "; ").join(
            f"{int(y)}: {int(c)}/{int(u)}（{float(s):.0%}）"
            if ctx.lang == "zh"
            else f"{int(y)}: {int(c)}/{int(u)} ({float(s):.0%})"
            for y, c, u, s in later[["year", "complete", "units", "share"]].itertuples(index=False)
        )
        text += tr(f"更晚的年份未达门槛：{shown}。", f" Later years fall short: {shown}.")
    meets = rule[rule["share"] >= share - 1e-12]
    by_rule = int(meets["year"].max()) if not meets.empty else None
    if by_rule is not None and by_rule != ctx.year:
        text += tr(
            f"本报告年份 {ctx.year} 由用户指定（按规则应为 {by_rule} 年）。",
            f" This report's year {ctx.year} was set by the user (the rule gives {by_rule}).",
        )
    parts.append(paragraph(text))
    return "".join(parts)


#: Names of the plausibility checks.
CHECK_NAMES: dict[str, tuple[str, str]] = {
    "negative": ("不应为负", "Below zero"),
    "jump": ("异常跳变", "Implausible jump"),
    "repeat": ("与上年相同", "Same as the year before"),
    "sum": ("分项之和不符", "Parts do not add up"),
    "swap": ("疑似错位或互换", "Looks swapped or misplaced"),
}


def _checks(ctx: ReportContext, res: NodeResult) -> str:
    """The plausibility findings on the analysed units (nothing in the data was changed)."""
    if "checks" not in res.tables:
        return ""
    tr = ctx.tr
    found = res.table("checks")
    if found.empty:
        return paragraph(
            tr("数据合理性检查未发现可疑数值。", "The plausibility checks found no suspicious value.")
        )
    shown = found.assign(
        check=[
            CHECK_NAMES.get(str(c), (str(c), str(c)))[1 if ctx.lang == "en" else 0] for c in found["check"]
        ],
        region=[ctx.region_name(str(c)) for c in found["region_code"]],
    )[["check", "region", "region_code", "year", "indicator", "detail"]].rename(
        columns={
            "check": tr("检查", "Check"),
            "region": tr("地区", "Region"),
            "region_code": tr("代码", "Code"),
            "year": tr("年份", "Year"),
            "indicator": tr("指标代码", "Indicator id"),
            "detail": tr("说明", "Detail"),
        }
    )
    counts = tr("；", "; ").join(
        f"{CHECK_NAMES.get(str(k), (str(k), str(k)))[1 if ctx.lang == 'en' else 0]} {int(v)}"
        for k, v in found["check"].value_counts().items()
    )
    return paragraph(
        tr(
            f"数据合理性检查（yindi data check）在分析范围内发现 {len(found)} 处可疑数值（{counts}）。数据原样使用，"
            "未作任何修改；使用前请与统计公报核对。",
            f"The plausibility checks (yindi data check) flag {len(found)} suspicious values among the analysed "
            f"units ({counts}). The data are used as published, nothing was changed; check them against the "
            "statistical bulletins before relying on them.",
        )
    ) + table(shown, caption=tr("可疑数值", "Suspicious values"), max_rows=30)
