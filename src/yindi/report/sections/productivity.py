"""Report section 'productivity': innovation efficiency (DEA), its Malmquist decomposition, and a green variant
with CO2 as an undesirable output (SBM and global Malmquist–Luenberger).

创新效率（DEA）、Malmquist 分解，以及以二氧化碳为非期望产出的绿色创新效率（SBM 与全局 Malmquist–Luenberger）。
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from yindi.report import html
from yindi.report.base import ReportContext, Section
from yindi.study.sections import SECTION_NODES

TIBET = "540000"

#: Analysis nodes this section renders.
NODES = SECTION_NODES["productivity"]  # the nodes this section renders (listed in yindi.study.sections)


def _figure(make: Callable[[], str], caption: str) -> str:
    return html.figure(make(), caption)


def _by_region(frame: pd.DataFrame, measure: str) -> dict[str, float]:
    """Region code -> value of one measure of a long table (read as Python values, no filtered frame)."""
    return {
        str(c): float(v)
        for m, c, v in zip(
            frame["measure"].tolist(), frame["region_code"].tolist(), frame["value"].tolist(), strict=True
        )
        if m == measure
    }


def build(ctx: ReportContext) -> Section | None:
    from yindi.report import charts, maps

    res = ctx.result("productivity")
    if res is None:
        why = ctx.failure("productivity")
        if why:  # the node said why (e.g. the data have no innovation inputs): the banner shows it
            from yindi.errors import MissingDataError

            raise MissingDataError(why, zh=why)
        return None
    tr = ctx.tr
    units = ctx.unit_word()
    opt = ctx.study.options["productivity"]
    meta = res.meta
    first, last, y_eff = int(meta["first"]), int(meta["last"]), int(meta["year"])
    notes: list[str] = list(res.notes)
    blocks: list[str] = []
    tables: dict[str, pd.DataFrame] = {}

    # 1. Innovation efficiency in the latest year
    eff_long = res.table("efficiency")
    te, pte, se = (_by_region(eff_long, m) for m in ("te_crs", "pte_vrs", "scale"))
    codes = list(te)
    eff = pd.DataFrame(
        {
            "region_code": codes,
            tr("地区", "region"): [ctx.region_name(c) for c in codes],
            tr("综合效率(CRS)", "TE (CRS)"): [te[c] for c in codes],
            tr("纯技术效率(VRS)", "PTE (VRS)"): [pte[c] for c in codes],
            tr("规模效率", "SE"): [se[c] for c in codes],
        }
    ).sort_values(tr("综合效率(CRS)", "TE (CRS)"), ascending=False)
    tables["prod_innov_eff"] = eff
    if meta["vrs_only"]:
        names = tr("、", ", ").join(ctx.region_name(c) for c in meta["vrs_only"])
        notes.append(
            tr(
                f"VRS 下有效但 CRS 下无效的{units}（{names}）多为规模极端者：VRS 前沿在规模两端没有可比同伴，"
                "纯技术效率=1 应结合规模效率解读。",
                f"{units.capitalize()} efficient under VRS but not CRS ({names}) sit at the extremes of scale, where "
                "the VRS frontier has no comparable peers; read PTE = 1 together with scale efficiency.",
            )
        )
    ind = ctx.panel.indicator

    def names_of(ids: list[str]) -> str:
        return tr("、", ", ").join(ind(i).name(ctx.lang) for i in ids if i in ctx.panel.indicators)

    blocks.append(
        html.paragraph(
            tr(
                f"创新效率模型：投入为{names_of(list(opt['inputs']))}，产出为{names_of(list(opt['outputs']))}。"
                f"{y_eff}年{meta['n_units']}个{units}中{meta['n_frontier']}个处于CRS前沿（综合效率=1）。",
                f"Innovation-efficiency model: inputs {names_of(list(opt['inputs']))}; outputs "
                f"{names_of(list(opt['outputs']))}. In {y_eff}, {meta['n_frontier']} of {meta['n_units']} {units} "
                "are on the CRS frontier (TE = 1).",
            )
        )
    )
    if TIBET in meta.get("frontier", []):
        # the caveat stands next to the result a reader will doubt, not only in the notes
        blocks.append(
            html.warning(
                tr(
                    "注意：西藏处于效率前沿，但其投入与产出规模都很小、可比单元少；DEA 对这类单元和数据误差很敏感，"
                    "前沿位置不宜解读为创新效率领先。可用 --exclude-tibet 查看不含西藏的结果。",
                    "Caution: Tibet is on the frontier, but its inputs and outputs are very small and it has few "
                    "comparable peers; DEA is sensitive to such units and to data errors, so do not read its frontier "
                    "position as leading efficiency. Use --exclude-tibet to see the results without Tibet.",
                )
            )
        )
    blocks.append(
        html.grid(
            [
                _figure(
                    lambda: maps.choropleth(
                        te,
                        title=tr(f"{y_eff}年创新综合效率", f"Innovation TE, {y_eff}"),
                        lang=ctx.lang,
                        level=ctx.level,
                    ),
                    tr("DEA-CCR 投入导向综合效率", "DEA-CCR input-oriented technical efficiency"),
                ),
                html.table(eff.drop(columns="region_code"), digits=3, max_rows=40),
            ]
        )
    )

    # 2. Malmquist decomposition over the years
    if "malmquist_by_year" in res.tables:
        per = res.table("malmquist_by_year")
        tables["prod_malmquist"] = res.table("malmquist")
        tables["prod_malmquist_by_year"] = per
        x = [str(p) for p in per["period"]]
        series = {
            tr("Malmquist指数", "Malmquist index"): per["index"].tolist(),
            tr("技术效率变化 EC", "efficiency change EC"): per["ec"].tolist(),
            tr("技术进步 TC", "technical change TC"): per["tc"].tolist(),
        }
        cum = _by_region(res.table("cumulative"), "tfp_change_pct")
        blocks.append(
            html.grid(
                [
                    _figure(
                        lambda: charts.line_chart(
                            x,
                            series,
                            title=tr(
                                f"Malmquist 指数分解（{units}几何平均）",
                                "Malmquist decomposition (geometric mean)",
                            ),
                            xlabel=tr("年份", "year"),
                            ylabel=tr("指数", "index"),
                        ),
                        tr("M = EC × TC；>1 表示进步", "M = EC × TC; > 1 means improvement"),
                    ),
                    _figure(
                        lambda: maps.choropleth(
                            cum,
                            title=tr(
                                f"{first}—{last}年全要素生产率累积变化",
                                f"Cumulative productivity change {first}–{last}",
                            ),
                            unit="%",
                            lang=ctx.lang,
                            level=ctx.level,
                            diverging=True,
                        ),
                        tr(
                            "（累积Malmquist指数 − 1）× 100，累积指数为各年指数连乘",
                            "(cumulative Malmquist index − 1) × 100; cumulative = product of the yearly indices",
                        ),
                    ),
                ]
            )
        )
        blocks.append(
            html.table(
                per.rename(
                    columns={
                        "period": tr("年份", "Year"),
                        "index": tr("Malmquist 指数 M", "Malmquist index M"),
                        "ec": tr("效率变化 EC", "Efficiency change EC"),
                        "tc": tr("技术进步 TC", "Technical change TC"),
                        "pec": tr("纯技术效率变化 PEC", "Pure efficiency change PEC"),
                        "sec": tr("规模效率变化 SEC", "Scale efficiency change SEC"),
                    }
                ),
                digits=4,
                caption=tr("逐年分解（几何平均）", "Decomposition by year (geometric mean)"),
            )
        )

    # 3. Green variant: undesirable outputs (CO2: no Tibet, ends 2022)
    if "green_years" in meta:
        green_years = list(meta["green_years"])
        lost = [ctx.region_name(c) for c in meta["green_left_out"]]
        bad = names_of(list(opt["undesirable"]))
        notes.append(
            tr(
                f"绿色变体：非期望产出（{bad}）止于{max(green_years) if green_years else '—'}年，"
                f"因此仅用{meta['green_units']}个{units}、{len(green_years)}个年份"
                f"（未纳入：{', '.join(lost) or '无'}）。",
                f"Green variant: the undesirable output ({bad}) ends in {max(green_years) if green_years else '—'}, "
                f"so it uses {meta['green_units']} {units} and {len(green_years)} years (left out: "
                f"{', '.join(lost) or 'none'}).",
            )
        )
        if "green_sbm" in res.tables:
            gy = int(meta["green_year"])
            green_map = _by_region(res.table("green_sbm"), "green_sbm")
            tables["prod_green_sbm"] = pd.DataFrame(
                {
                    "region_code": list(green_map),
                    tr("地区", "region"): [ctx.region_name(c) for c in green_map],
                    tr("绿色创新效率(SBM)", "green efficiency (SBM)"): list(green_map.values()),
                }
            )
            figs = [
                _figure(
                    lambda: maps.choropleth(
                        green_map,
                        title=tr(
                            f"{gy}年绿色创新效率（SBM，{bad}为非期望产出）",
                            f"Green innovation efficiency {gy} (SBM, {bad} undesirable)",
                        ),
                        lang=ctx.lang,
                        level=ctx.level,
                    ),
                    tr(
                        f"SBM-{opt['green_rts'].upper()}，Tone (2001, 2004)",
                        f"SBM-{opt['green_rts'].upper()}, Tone (2001, 2004)",
                    ),
                )
            ]
            if "green_by_year" in res.tables:
                gper = res.table("green_by_year")
                tables["prod_green_ml"] = res.table("green_ml")
                gx = [str(p) for p in gper["period"]]
                gseries = {
                    tr("GML指数", "GML index"): gper["index"].tolist(),
                    tr("效率变化 EC", "EC"): gper["ec"].tolist(),
                    tr("技术变化 TC", "TC"): gper["tc"].tolist(),
                }
                figs.append(
                    _figure(
                        lambda: charts.line_chart(
                            gx,
                            gseries,
                            title=tr(
                                "全局 Malmquist–Luenberger 分解", "Global Malmquist–Luenberger decomposition"
                            ),
                            xlabel=tr("年份", "year"),
                            ylabel=tr("指数", "index"),
                        ),
                        tr(
                            "全局前沿（Oh 2010）保证跨期 LP 可行",
                            "global frontier (Oh 2010): every LP is feasible",
                        ),
                    )
                )
            blocks.append(html.grid(figs))

    notes.append(
        tr(
            "增长核算（永续盘存法资本存量与索洛余值）需要投资、价格指数与就业数据，本数据包没有这些序列，"
            "因此本节不报告；提供固定资本形成总额、投资价格指数、实际产出与就业数据后，可用 Yindi 的增长核算函数计算。",
            "Growth accounting (perpetual-inventory capital stock and Solow residual) needs investment, its price "
            "index and employment; the data pack has none of these, so it is not reported here. Bring gross fixed "
            "capital formation, an investment deflator, real output and employment and call growth_accounting().",
        )
    )
    notes.append(
        tr(
            "方法：DEA-CCR/BCC（Charnes et al. 1978；Banker et al. 1984），Malmquist 指数按 Färe et al. (1994) 在 CRS 技术下"
            "计算并以 VRS 分解 EC = PEC × SEC；绿色效率为含非期望产出的 SBM（Tone 2004）与全局 ML 指数（Oh 2010）。",
            "Methods: DEA-CCR/BCC (Charnes et al. 1978; Banker et al. 1984); Malmquist index as in Färe et al. "
            "(1994) on the CRS technology with EC = PEC × SEC from VRS; green efficiency by SBM with undesirable "
            "outputs (Tone 2004) and the global ML index (Oh 2010).",
        )
    )
    return Section(
        id="productivity",
        title=tr("创新效率与全要素生产率", "Innovation efficiency and productivity"),
        html="".join(blocks),
        tables=tables,
        notes=tuple(notes),
    )


__all__ = ["build"]
