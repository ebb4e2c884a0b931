"""Report section 'productivity': innovation efficiency (DEA), its Malmquist decomposition, and a green variant
with CO2 as an undesirable output (SBM and global Malmquist–Luenberger).

创新效率（DEA）、Malmquist 分解，以及以二氧化碳为非期望产出的绿色创新效率（SBM 与全局 Malmquist–Luenberger）。
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pandas as pd

from yindi.report import html
from yindi.report.base import ReportContext, Section

#: Analysis nodes this section renders.
NODES: tuple[str, ...] = ()

INPUTS = ["rd_personnel_fte", "rd_expenditure"]
OUTPUTS = ["invention_patents_granted", "tech_contract_turnover", "firms_new_product_sales"]
BAD = ["co2_emissions"]
FIRST_YEAR = 2018


def _figure(make: Callable[[], str], caption: str) -> str:
    return html.figure(make(), caption)


def _latest(frame: pd.DataFrame, year: int) -> int:
    years = [int(y) for y in frame["period"].unique() if int(y) <= year]
    return max(years) if years else int(frame["period"].max())


def build(ctx: ReportContext) -> Section | None:
    from yindi.productivity import dea, malmquist
    from yindi.report import charts, maps

    tr = ctx.tr
    panel = ctx.analysis
    if any(i not in panel.indicators for i in INPUTS + OUTPUTS):
        return None
    last = min(int(ctx.option("productivity", "last_year", ctx.year)), 2023)
    first = int(ctx.option("productivity", "first_year", FIRST_YEAR))
    years = list(range(first, last + 1))
    mq_frontier = ctx.option("productivity", "malmquist_frontier", "contemporaneous")
    mq_rts = ctx.option("productivity", "malmquist_rts", "vrs")
    green_frontier = ctx.option("productivity", "green_frontier", "global")
    green_rts = ctx.option("productivity", "green_rts", "vrs")
    wide = panel.wide(INPUTS + OUTPUTS + [b for b in BAD if b in panel.indicators], years=years).reset_index()
    wide = wide.rename(columns={"region_code": "region", "year": "period"})
    core = wide.dropna(subset=INPUTS + OUTPUTS)
    if core["period"].nunique() < 1:
        return None
    notes: list[str] = []
    blocks: list[str] = []
    tables: dict[str, pd.DataFrame] = {}

    # 1. Innovation efficiency in the latest year: CRS (overall), VRS (pure technical), scale = CRS/VRS
    y_eff = _latest(core, last)
    cs = core[core["period"] == y_eff].sort_values("region")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        crs = dea(
            cs[INPUTS].to_numpy(float), cs[OUTPUTS].to_numpy(float), rts="crs", units=cs["region"].tolist()
        )
        vrs = dea(
            cs[INPUTS].to_numpy(float), cs[OUTPUTS].to_numpy(float), rts="vrs", units=cs["region"].tolist()
        )
    notes.extend(str(w.message) for w in caught)
    eff = pd.DataFrame(
        {
            "region_code": cs["region"].to_numpy(),
            tr("地区", "region"): [ctx.region_name(c) for c in cs["region"]],
            tr("综合效率(CRS)", "TE (CRS)"): crs.efficiency,
            tr("纯技术效率(VRS)", "PTE (VRS)"): vrs.efficiency,
            tr("规模效率", "SE"): crs.efficiency / vrs.efficiency,
        }
    ).sort_values(tr("综合效率(CRS)", "TE (CRS)"), ascending=False)
    tables["prod_innov_eff"] = eff
    n_eff = int((crs.efficiency >= 1 - 1e-9).sum())
    vrs_only = [
        c for c, a, b in zip(cs["region"], crs.efficiency, vrs.efficiency, strict=True) if b >= 1 - 1e-9 > a
    ]
    if vrs_only:
        names = tr("、", ", ").join(ctx.region_name(c) for c in vrs_only)
        notes.append(
            tr(
                f"VRS 下有效但 CRS 下无效的省份（{names}）多为规模极端者：VRS 前沿在规模两端没有可比同伴，"
                "纯技术效率=1 应结合规模效率解读。",
                f"Provinces efficient under VRS but not CRS ({names}) sit at the extremes of scale, where the VRS "
                "frontier has no comparable peers; read PTE = 1 together with scale efficiency.",
            )
        )
    blocks.append(
        html.paragraph(
            tr(
                f"创新效率模型：投入为R&D人员全时当量与R&D经费，产出为发明专利授权数、技术市场成交额与规上工业"
                f"新产品销售收入。{y_eff}年{len(cs)}个省份中{n_eff}个处于CRS前沿（综合效率=1）。",
                f"Innovation-efficiency model: inputs R&D personnel (FTE) and R&D expenditure; outputs invention "
                f"patents granted, technology-contract turnover and new-product sales. In {y_eff}, {n_eff} of "
                f"{len(cs)} provinces are on the CRS frontier (TE = 1).",
            )
        )
    )
    te_map = {str(k): float(v) for k, v in zip(cs["region"], crs.efficiency, strict=True)}
    blocks.append(
        html.grid(
            [
                _figure(
                    lambda: maps.choropleth(
                        te_map, title=tr(f"{y_eff}年创新综合效率", f"Innovation TE, {y_eff}"), lang=ctx.lang
                    ),
                    tr("DEA-CCR 投入导向综合效率", "DEA-CCR input-oriented technical efficiency"),
                ),
                html.table(eff.drop(columns="region_code"), digits=3, max_rows=31),
            ]
        )
    )

    # 2. Malmquist decomposition over the years (contemporaneous frontier, EC split into PEC x SEC)
    if core["period"].nunique() >= 2:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            mq = malmquist(core, inputs=INPUTS, outputs=OUTPUTS, rts=mq_rts, frontier=mq_frontier)
        notes.extend(sorted({str(w.message) for w in caught}))
        per = mq.by_period()
        tables["prod_malmquist"] = mq.to_frame()
        tables["prod_malmquist_by_year"] = per
        x = [str(p) for p in per["period"]]
        series = {
            tr("Malmquist指数", "Malmquist index"): per["index"].tolist(),
            tr("技术效率变化 EC", "efficiency change EC"): per["ec"].tolist(),
            tr("技术进步 TC", "technical change TC"): per["tc"].tolist(),
        }
        cum = {
            str(k): 100.0 * (float(v) - 1.0)
            for k, v in mq.frame.groupby("region")["cum_index"].last().items()
        }
        blocks.append(
            html.grid(
                [
                    _figure(
                        lambda: charts.line_chart(
                            x,
                            series,
                            title=tr(
                                "Malmquist 指数分解（省份几何平均）",
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
                per, digits=4, caption=tr("逐年分解（几何平均）", "Decomposition by year (geometric mean)")
            )
        )

    # 3. Green variant: CO2 as undesirable output (no Tibet, CO2 ends 2022)
    if all(b in wide.columns for b in BAD):
        green = wide.dropna(subset=INPUTS + OUTPUTS + BAD)
        lost = sorted(set(map(str, core["region"])) - set(map(str, green["region"])))
        green_years = sorted(int(p) for p in green["period"].unique())
        notes.append(
            tr(
                f"绿色变体：CEADs 二氧化碳数据不含西藏且止于{max(green_years) if green_years else '—'}年，"
                f"因此仅用{green['region'].nunique()}个省份、{len(green_years)}个年份"
                f"（未纳入：{', '.join(ctx.region_name(c) for c in lost) or '无'}）。",
                f"Green variant: the CEADs CO2 series has no Tibet and ends in "
                f"{max(green_years) if green_years else '—'}, so it uses {green['region'].nunique()} provinces and "
                f"{len(green_years)} years (left out: {', '.join(ctx.region_name(c) for c in lost) or 'none'}).",
            )
        )
        if green_years:
            gy = max(green_years)
            gs = green[green["period"] == gy].sort_values("region")
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                sbm = dea(
                    gs[INPUTS].to_numpy(float),
                    gs[OUTPUTS].to_numpy(float),
                    model="sbm",
                    rts=green_rts,
                    undesirable=gs[BAD].to_numpy(float),
                    units=gs["region"].tolist(),
                )
            gtab = pd.DataFrame(
                {
                    "region_code": gs["region"].to_numpy(),
                    tr("地区", "region"): [ctx.region_name(c) for c in gs["region"]],
                    tr("绿色创新效率(SBM)", "green efficiency (SBM)"): sbm.efficiency,
                }
            )
            tables["prod_green_sbm"] = gtab
            green_map = {str(k): float(v) for k, v in zip(gs["region"], sbm.efficiency, strict=True)}
            figs = [
                _figure(
                    lambda: maps.choropleth(
                        green_map,
                        title=tr(
                            f"{gy}年绿色创新效率（SBM，CO2为非期望产出）",
                            f"Green innovation efficiency {gy} (SBM, CO2 undesirable)",
                        ),
                        lang=ctx.lang,
                    ),
                    tr("SBM-VRS，Tone (2001, 2004)", "SBM-VRS, Tone (2001, 2004)"),
                )
            ]
            if len(green_years) >= 2:
                with warnings.catch_warnings(record=True):
                    warnings.simplefilter("always")
                    ml = malmquist(
                        green,
                        inputs=INPUTS,
                        outputs=OUTPUTS,
                        undesirable=BAD,
                        rts=green_rts,
                        frontier=green_frontier,
                    )
                gper = ml.by_period()
                tables["prod_green_ml"] = ml.to_frame()
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
            "因此本节不报告；用户可提供固定资本形成总额、投资价格指数、实际产出与就业后调用 growth_accounting()。",
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
