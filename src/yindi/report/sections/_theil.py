"""Part of the 'disparity' section below the province: Gini and the nested Theil decomposition (NBS four
regions → provinces → units) rendered from the 'disparity' node's ``theil`` table."""

from __future__ import annotations

import math

import pandas as pd

from yindi.report import charts, html
from yindi.report.base import ReportContext
from yindi.study.result import NodeResult


def theil_block(ctx: ReportContext, res: NodeResult) -> tuple[str, pd.DataFrame] | None:
    """Text, chart and table of the ``theil`` table, or ``None`` when the node made none (provinces)."""
    if "theil" not in res.tables:
        return None
    t = ctx.tr
    frame = res.table("theil")
    units = ctx.unit_word()
    two_stage = bool(frame["between_regions"].notna().any())
    weighted = res.meta.get("theil_weights") == "population"
    x = frame["year"].tolist()
    series = {t("泰尔指数 T", "Theil T"): frame["theil"].tolist()}
    if two_stage:
        series[t("四大区域间", "Between the four regions")] = frame["between_regions"].tolist()
        series[t("区域内省际", "Between provinces within regions")] = frame["between_provinces"].tolist()
    else:
        series[t("省际", "Between provinces")] = frame["between_provinces"].tolist()
    series[t(f"省内{units}间", f"Within provinces ({units})")] = frame["within_provinces"].tolist()
    chart = charts.line_chart(
        x,
        series,
        title=t("泰尔指数及其嵌套分解", "Theil index and its nested parts"),
        xlabel=t("年份", "Year"),
    )
    gini_chart = charts.line_chart(
        x,
        {t("基尼系数", "Gini"): frame["gini"].tolist()},
        title=t("基尼系数", "Gini coefficient"),
        xlabel=t("年份", "Year"),
    )
    last = frame.iloc[-1]
    total = float(last["theil"])
    within_share = 100 * float(last["within_provinces"]) / total if total > 0 else math.nan
    weight_zh = "按常住人口加权" if weighted else "各单元等权"
    weight_en = "population-weighted" if weighted else "unit weights"
    provinces = int(res.meta.get("theil_provinces", 0))
    if provinces <= 1:
        text = t(
            f"{int(last['year'])} 年省内 {int(last['n'])} 个{units}间的基尼系数为 {last['gini']:.3f}，泰尔指数 T 为 "
            f"{total:.3f}（{weight_zh}）。",
            f"In {int(last['year'])} the Gini across the province's {int(last['n'])} {units} is "
            f"{last['gini']:.3f} and Theil T {total:.3f} ({weight_en}).",
        )
    else:
        text = t(
            f"{int(last['year'])} 年 {int(last['n'])} 个{units}的泰尔指数 T 为 {total:.3f}（{weight_zh}），其中省内"
            f"{units}间差异占 {within_share:.1f}%"
            + (f"，四大区域间占 {100 * float(last['between_regions']) / total:.1f}%" if two_stage else "")
            + "。",
            f"In {int(last['year'])} Theil T across {int(last['n'])} {units} is {total:.3f} ({weight_en}); "
            f"differences within provinces account for {within_share:.1f}%"
            + (
                f", differences between the four regions for {100 * float(last['between_regions']) / total:.1f}%"
                if two_stage
                else ""
            )
            + ".",
        )
    shown = frame.rename(
        columns={
            "year": t("年份", "Year"),
            "n": t(f"{units}数", f"{units.capitalize()}"),
            "gini": t("基尼系数", "Gini"),
            "theil": t("泰尔指数 T", "Theil T"),
            "between_regions": t("四大区域间", "Between regions"),
            "between_provinces": t("省际", "Between provinces"),
            "within_provinces": t("省内", "Within provinces"),
        }
    )
    if not two_stage:
        shown = shown.drop(columns=[t("四大区域间", "Between regions")])
    body = (
        html.paragraph(text)
        + html.grid([html.figure(chart), html.figure(gini_chart)], columns=2)
        + html.table(shown, digits=4, max_rows=40)
    )
    return body, frame
