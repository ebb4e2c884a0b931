"""The 'structure' section from the three sectors, for data without a sector-by-sector file (the city pack):
shares of value added, their shift over time, maps, and the unit-years whose sectors do not add up to GDP."""

from __future__ import annotations

from yindi.report import charts, maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, note, paragraph, table

#: Units drawn as bars (more would not be readable; the table and the workbook hold every unit).
MAX_BARS = 40


def sectors_section(ctx: ReportContext) -> Section | None:
    """The section, or ``None`` when the 'sectors' node has no result."""
    res = ctx.result("sectors")
    if res is None:
        return None
    tr = ctx.tr
    units = ctx.unit_word()
    meta = res.meta
    year, base = int(meta["year"]), int(meta["base_year"])
    shift = res.table("shift")
    gaps = res.table("gaps")
    names = {
        "primary_share": tr("第一产业", "Primary"),
        "secondary_share": tr("第二产业", "Secondary"),
        "tertiary_share": tr("第三产业", "Tertiary"),
    }
    med = shift[["primary_share", "secondary_share", "tertiary_share"]].median()
    up = shift[shift["tertiary_share_change"] > 0]
    sec_led = shift[shift["secondary_share"] > shift["tertiary_share"]]
    top = shift.head(3)["region"].tolist()
    intro = tr(
        f"{year} 年 {len(shift)} 个{units}三次产业增加值结构的中位数为 {med['primary_share']:.1f} : "
        f"{med['secondary_share']:.1f} : {med['tertiary_share']:.1f}；第三产业占比最高的是{'、'.join(top)}。"
        f"与 {base} 年相比，{len(up)} 个{units}第三产业占比上升；{len(sec_led)} 个{units}第二产业占比仍高于第三产业"
        "（制造业基础与服务化的取舍因地而异，不以一个方向为优）。",
        f"In {year} the median three-sector structure of {len(shift)} {units} is {med['primary_share']:.1f} : "
        f"{med['secondary_share']:.1f} : {med['tertiary_share']:.1f}; the highest tertiary shares are in "
        f"{', '.join(top)}. Since {base}, the tertiary share rose in {len(up)} {units}; in {len(sec_led)} the "
        "secondary sector is still larger than the tertiary (a manufacturing base and a shift to services are "
        "choices that depend on local conditions; neither direction is scored as better).",
    )
    values = dict(zip(shift["region_code"], shift["tertiary_share"].astype(float), strict=True))
    change = dict(zip(shift["region_code"], shift["tertiary_share_change"].astype(float), strict=True))
    share_map = maps.choropleth(
        values,
        title=tr(f"第三产业占比（{year}）", f"Tertiary share ({year})"),
        unit="%",
        lang=ctx.lang,
        level=ctx.level,
        units=ctx.map_units,
        palette="Purples",
    )
    change_map = maps.choropleth(
        change,
        title=tr(f"第三产业占比变动（{base}–{year}）", f"Change in tertiary share ({base}–{year})"),
        unit=tr("百分点", "pp"),
        lang=ctx.lang,
        level=ctx.level,
        units=ctx.map_units,
        diverging=True,
    )
    figures = [figure(share_map), figure(change_map)]
    if len(shift) <= MAX_BARS:
        figures.append(
            figure(
                charts.stacked_bar_chart(
                    shift["region"].tolist(),
                    {names[k]: shift[k].astype(float).tolist() for k in names},
                    title=tr(f"三次产业结构（{year}）", f"Three-sector structure ({year})"),
                    unit="%",
                )
            )
        )
    shown = shift[
        [
            "region",
            "region_code",
            "primary_share",
            "secondary_share",
            "tertiary_share",
            "tertiary_share_change",
            "secondary_share_change",
            "ts_ratio",
        ]
    ].rename(
        columns={
            "region": tr("地区", "Region"),
            "region_code": tr("代码", "Code"),
            "primary_share": tr("第一产业 %", "Primary %"),
            "secondary_share": tr("第二产业 %", "Secondary %"),
            "tertiary_share": tr("第三产业 %", "Tertiary %"),
            "tertiary_share_change": tr(
                f"第三产业变动（{base}–{year}，百分点）", f"Tertiary change {base}–{year} (pp)"
            ),
            "secondary_share_change": tr(
                f"第二产业变动（{base}–{year}，百分点）", f"Secondary change {base}–{year} (pp)"
            ),
            "ts_ratio": tr("三产/二产", "Tertiary/secondary"),
        }
    )
    body = (
        paragraph(intro)
        + grid(figures, columns=2)
        + table(
            shown,
            digits=2,
            caption=tr(
                f"三次产业结构（{year}，按第三产业占比排序）",
                f"Three-sector structure ({year}, by tertiary share)",
            ),
            max_rows=40,
        )
    )
    left = [ctx.region_name(c) for c in meta["left_out"]]
    notes = [
        tr(
            "占比以三次产业增加值之和为分母（加总为 100%）。",
            "Shares use the sum of the three sectors as denominator (they add to 100%).",
        ),
        tr(
            "区位商、专业化与复杂度需要分行业数据（如 CEADs 分行业用电量文件），本数据只有三次产业，故本节只报告结构与变动。",
            "Location quotients, specialisation and complexity need sector-by-sector data (e.g. the CEADs "
            "electricity-by-sector file); these data have three sectors only, so this section reports the "
            "structure and its shift.",
        ),
    ]
    gdp_note = ctx.panel.indicators["gdp"].note if "gdp" in ctx.panel.indicators else ""
    if "first published" in gdp_note:  # the city pack's vintage (its indicators.csv says so)
        notes.append(
            tr(
                "GDP 为各年首次公布数，未按经济普查修订，不与省级修订序列混用。",
                "GDP is as first published each year, not revised after the economic censuses; it is not mixed "
                "with the revised provincial series.",
            )
        )
    if left:
        notes.append(
            tr(
                f"{len(left)} 个{units}在 {base} 或 {year} 年缺少三次产业数据，未列入：{'、'.join(left)}。",
                f"{len(left)} {units} lack sector values in {base} or {year} and are not shown: {', '.join(left)}.",
            )
        )
    if len(gaps):
        listed = gaps.sort_values(["region_code", "year"])
        shown_gaps = [f"{r} {y}" for r, y in zip(listed["region"], listed["year"], strict=True)][:30]
        more = tr(" 等", " …") if len(gaps) > 30 else ""
        notes.append(
            tr(
                f"{len(gaps)} 个地区-年份的三产之和与 GDP 相差超过 {100 * float(meta['tolerance']):g}%（数据原样保留，"
                f"未修改）：{'、'.join(shown_gaps)}{more}。",
                f"In {len(gaps)} unit-years the three sectors differ from GDP by more than "
                f"{100 * float(meta['tolerance']):g}% (kept as published, nothing changed): "
                f"{', '.join(shown_gaps)}{more}.",
            )
        )
    body += note(
        tr(
            "三次产业只给出粗略的结构；具体产业的选择请用布局分析。",
            "The three sectors give the structure only coarsely; industry choices: the layout analysis.",
        )
    )
    return Section(
        id="structure",
        title=tr("三次产业结构与变动", "Three-sector structure and its shift"),
        html=body,
        tables={
            "structure_sector_shift": shift,
            "structure_sector_shares": res.table("shares"),
            "structure_sector_gaps": gaps,
        },
        notes=tuple(notes),
    )
