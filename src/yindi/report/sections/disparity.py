"""Report section 'disparity': regional disparities, their dynamics and spatial patterns.

Renders the 'disparity' and 'spatial' nodes. Default variable: R&D intensity (``rd_intensity``, R&D expenditure /
GDP, %), the innovation-input core of New Quality Productive Forces and the longest balanced series in the
provincial pack; any indicator can be chosen with the study option ``disparity.indicator``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from yindi.report import charts, html, maps
from yindi.report.base import ReportContext, Section
from yindi.report.sections._theil import theil_block
from yindi.study.result import NodeResult
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["disparity"]  # the nodes this section renders (listed in yindi.study.sections)

CLUSTER_COLORS = {"HH": "#d7301f", "LL": "#2b8cbe", "HL": "#fdae6b", "LH": "#9ecae1", "ns": "#e5e5e5"}


def _dagum_block(ctx: ReportContext, res: NodeResult) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    from yindi.regions import grouping as get_grouping

    opt = ctx.study.options["disparity"]
    grp = get_grouping(opt["grouping"])
    boot = opt["bootstrap"]
    frame = res.table("dagum")
    pairs = res.table("dagum_pairs")
    x = frame["year"].tolist()
    t = ctx.tr
    comp = {
        t("总体基尼系数 G", "Overall Gini G"): frame["G"].tolist(),
        t("区域内 G_w", "Within G_w"): frame["within"].tolist(),
        t("区域间净值 G_nb", "Net between G_nb"): frame["between"].tolist(),
        t("超变密度 G_t", "Transvariation G_t"): frame["transvariation"].tolist(),
    }
    shares = {
        t("区域内", "Within"): (100 * frame["within_share"]).tolist(),
        t("区域间净值", "Net between"): (100 * frame["between_share"]).tolist(),
        t("超变密度", "Transvariation"): (100 * frame["transvariation_share"]).tolist(),
    }
    within_series, between_series = _pair_series(pairs, x, lambda g: grp.label(g, ctx.lang))
    figs = html.grid(
        [
            html.figure(
                charts.line_chart(
                    x,
                    comp,
                    title=t("Dagum 基尼系数及其分解", "Dagum Gini and its parts"),
                    xlabel=t("年份", "Year"),
                )
            ),
            html.figure(
                charts.stacked_bar_chart(
                    [str(v) for v in x],
                    shares,
                    title=t("差异来源贡献率", "Contributions to G"),
                    unit="%",
                    horizontal=False,
                )
            ),
            html.figure(
                charts.line_chart(
                    x,
                    within_series,
                    title=t("区域内基尼系数", "Within-region Gini"),
                    xlabel=t("年份", "Year"),
                )
            ),
            html.figure(
                charts.line_chart(
                    x,
                    between_series,
                    title=t("区域间基尼系数", "Between-region Gini"),
                    xlabel=t("年份", "Year"),
                )
            ),
        ],
        columns=2,
    )
    shown = frame[["year", "G", "within", "between", "transvariation", "between_share"]].copy()
    shown["between_share"] = 100 * shown["between_share"]
    shown.columns = [t("年份", "Year"), "G", "G_w", "G_nb", "G_t", t("区域间贡献率 %", "Between share %")]
    last = frame.iloc[-1]
    text = t(
        f"{int(last['year'])} 年总体基尼系数为 {last['G']:.3f}"
        + (f"（{boot} 次自助法 95% 区间 {last['G_ci_low']:.3f}–{last['G_ci_high']:.3f}）" if boot else "")
        + f"，区域间净值差异贡献 {100 * last['between_share']:.1f}%，为差异的主要来源。"
        if last["between_share"] >= max(last["within_share"], last["transvariation_share"])
        else f"，区域内差异贡献 {100 * last['within_share']:.1f}%，区域间净值差异贡献 {100 * last['between_share']:.1f}%。",
        f"In {int(last['year'])} the overall Gini is {last['G']:.3f}"
        + (
            f" (95% bootstrap interval {last['G_ci_low']:.3f}–{last['G_ci_high']:.3f}, {boot} replicates)"
            if boot
            else ""
        )
        + f"; net between-region differences contribute {100 * last['between_share']:.1f}%, within-region "
        f"{100 * last['within_share']:.1f}%, transvariation {100 * last['transvariation_share']:.1f}%.",
    )
    body = html.paragraph(text) + figs + html.table(shown, digits=3)
    return body, frame, pairs


def _pair_series(
    pairs: pd.DataFrame, years: list[int], label: Callable[[str], str]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """The within-group Gini of each group (over the years that have one, in order) and the between-group
    Gini of each pair of groups (over ``years``, NaN when missing), read once from the long table."""
    within: dict[str, dict[int, float]] = {}
    between: dict[tuple[str, str], dict[int, float]] = {}
    for component, year, a, b, value in zip(
        *(pairs[c].tolist() for c in ("component", "year", "group_a", "group_b", "value")), strict=True
    ):
        if component == "gini_within":
            within.setdefault(a, {})[year] = value
        elif component == "gini_between":
            between.setdefault((a, b), {})[year] = value
    within_years = sorted({y for by_year in within.values() for y in by_year})
    nan = float("nan")
    within_series = {label(g): [within[g].get(y, nan) for y in within_years] for g in sorted(within)}
    between_series = {
        f"{label(str(a))}–{label(str(b))}": [between[a, b].get(y, nan) for y in years]
        for a, b in sorted(between)
    }
    return within_series, between_series


def _spatial_block(ctx: ReportContext, res: NodeResult) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    t = ctx.tr
    year = int(res.meta["year"])
    perms = int(res.meta["permutations"])
    moran_frame = res.table("moran")
    lf = res.table("lisa")
    alpha = ctx.study.options["spatial"]["alpha"]
    adjust = ctx.study.options["spatial"]["adjust"]
    names = {
        "HH": t("高-高", "High-High"),
        "LL": t("低-低", "Low-Low"),
        "HL": t("高-低", "High-Low"),
        "LH": t("低-高", "Low-High"),
        "ns": t("不显著", "Not significant"),
    }
    cats = {str(c): names[v] for c, v in zip(lf["region_code"], lf["cluster"], strict=True)}
    colors = {names[k]: v for k, v in CLUSTER_COLORS.items()}
    cmap = maps.category_map(
        cats,
        title=t(f"{year} 年 LISA 集聚图", f"LISA clusters, {year}"),
        lang=ctx.lang,
        level=ctx.level,
        units=ctx.map_units,
        colors=colors,
        order=[names[k] for k in ("HH", "LL", "HL", "LH", "ns")],
    )
    line = charts.line_chart(
        moran_frame["year"].tolist(),
        {t("全局莫兰指数 I", "Moran's I"): moran_frame["moran_I"].tolist()},
        title=t("全局莫兰指数", "Global Moran's I"),
        xlabel=t("年份", "Year"),
    )
    members: dict[str, list[str]] = {}  # the significant clusters' regions, in table order
    for cluster, region in zip(lf["cluster"].tolist(), lf["region"].tolist(), strict=True):
        members.setdefault(cluster, []).append(region)
    listed = (
        "；".join(f"{names[k]}：{'、'.join(members[k])}" for k in ("HH", "LL", "HL", "LH") if k in members)
        if ctx.lang == "zh"
        else "; ".join(
            f"{names[k]}: {', '.join(members[k])}" for k in ("HH", "LL", "HL", "LH") if k in members
        )
    )
    last = (
        moran_frame[moran_frame["year"] == year].iloc[0]
        if (moran_frame["year"] == year).any()
        else moran_frame.iloc[-1]
    )
    text = t(
        f"{year} 年全局莫兰指数 I = {last['moran_I']:.3f}（置换检验 p = {last['p_sim']:.3f}，{perms} 次）。"
        f"显著的局部集聚（α = {alpha:g}，条件置换{'，' + adjust + ' 校正' if adjust != 'none' else ''}）：{listed or '无'}。",
        f"Global Moran's I in {year} is {last['moran_I']:.3f} (permutation p = {last['p_sim']:.3f}, {perms} "
        f"permutations). Significant local clusters (α = {alpha:g}, conditional permutations"
        f"{', ' + adjust + ' correction' if adjust != 'none' else ''}): {listed or 'none'}.",
    )
    attached = [(ctx.region_name(a), ctx.region_name(b)) for a, b in res.meta.get("attached", [])]
    if attached:
        text += t(
            "无陆地邻接的单元按最近邻连接：" + "；".join(f"{a}→{b}" for a, b in attached) + "。",
            " Units without a land neighbour are linked to their nearest unit: "
            + "; ".join(f"{a} → {b}" for a, b in attached)
            + ".",
        )
    body = html.paragraph(text) + html.grid([html.figure(cmap), html.figure(line)], columns=2)
    return body, moran_frame, lf


def _dynamics_block(ctx: ReportContext, res: NodeResult) -> tuple[str, dict[str, pd.DataFrame], list[str]]:
    t = ctx.tr
    meta = res.meta
    kde_frame = res.table("kde")
    grid = kde_frame[kde_frame["year"] == kde_frame["year"].iloc[0]]["x"].tolist()
    kde = charts.line_chart(
        [round(float(v), 4) for v in grid],
        {str(y): g["density"].tolist() for y, g in kde_frame.groupby("year", sort=True)},
        title=t("核密度估计（Silverman 带宽）", "Kernel density (Silverman bandwidth)"),
        xlabel=ctx.indicator_label(str(meta["indicator"])),
    )
    markov_p = res.table("markov_p").set_index("from")
    k = markov_p.shape[0]
    labels = [f"Q{i}" for i in range(1, k + 1)]
    heat = charts.heatmap(
        markov_p.to_numpy(dtype=float),
        labels,
        labels,
        title=t("马尔可夫转移概率（相对水平四分位）", "Markov transitions (relative quartiles)"),
        annotate=True,
        vmin=0,
        vmax=1,
    )
    mtab = markov_p.copy()
    mtab.insert(0, t("转移次数", "n"), [int(v) for v in meta["markov_n"]])
    mtab = mtab.reset_index().rename(columns={"from": t("初始状态", "From")})
    mtab[mtab.columns[1]] = mtab[mtab.columns[1]].astype(object)
    mtab.loc[len(mtab)] = [t("遍历分布", "Ergodic"), "", *meta["ergodic"]]
    sigma = res.table("sigma")
    sy, sv = sigma["year"].tolist(), sigma["value"].tolist()
    beta = res.table("beta").set_index("model")
    ab, cd = beta.loc["absolute"], beta.loc["conditional"]
    conv = beta.reset_index()
    conv["model"] = [
        t("绝对β收敛（混合OLS）", "Absolute β (pooled OLS)")
        if m == "absolute"
        else t("条件β收敛（双向固定效应）", "Conditional β (two-way FE)")
        for m in conv["model"]
    ]
    sig_line = charts.line_chart(
        sy,
        {t("变异系数", "CV"): sv},
        title=t("σ 收敛（变异系数）", "σ-convergence (CV)"),
        xlabel=t("年份", "Year"),
    )
    converging = bool(meta["sigma_converging"]) and float(meta["sigma_slope_p"]) < 0.05
    lr, dof, lr_p = float(meta["lr"]), int(meta["dof"]), float(meta["lr_p"])
    text = t(
        f"变异系数由 {sv[0]:.3f}（{sy[0]}）变为 {sv[-1]:.3f}（{sy[-1]}），"
        f"{'呈 σ 收敛' if converging else '未见显著 σ 收敛'}；"
        f"绝对 β = {ab['beta']:.4f}（p = {ab['p']:.3f}），条件 β = {cd['beta']:.4f}（p = {cd['p']:.3f}）。"
        f"空间马尔可夫同质性检验 LR = {lr:.2f}（自由度 {dof}，p = {lr_p:.3f}）："
        f"{'邻居状态显著影响转移' if lr_p < 0.05 else '未发现邻居状态显著影响转移'}。",
        f"The CV moves from {sv[0]:.3f} ({sy[0]}) to {sv[-1]:.3f} ({sy[-1]}): "
        f"{'σ-convergence' if converging else 'no significant σ-convergence'}; absolute "
        f"β = {ab['beta']:.4f} (p = {ab['p']:.3f}), conditional β = {cd['beta']:.4f} (p = {cd['p']:.3f}). "
        f"Spatial Markov homogeneity test LR = {lr:.2f} (dof {dof}, p = {lr_p:.3f}): neighbours "
        f"{'do' if lr_p < 0.05 else 'do not detectably'} change the transition probabilities.",
    )
    shown = conv.rename(
        columns={
            "model": t("模型", "Model"),
            "beta": "β",
            "se": t("标准误", "s.e."),
            "N": t("观测数", "N"),
            "speed": t("收敛速度", "Speed"),
            "half_life": t("半衰期（年）", "Half-life (years)"),
        }
    )
    body = (
        html.paragraph(text)
        + html.grid([html.figure(kde), html.figure(heat), html.figure(sig_line)], columns=3)
        + html.table(mtab, digits=3, caption=t("马尔可夫转移概率矩阵", "Markov transition matrix"))
        + html.table(
            shown,
            digits=4,
            caption=t(
                f"β 收敛（按{ctx.unit_word()}聚类稳健标准误）", "β-convergence (region-clustered s.e.)"
            ),
        )
    )
    tables = {
        "disparity_kde": kde_frame,
        "disparity_markov": res.table("markov"),
        "disparity_spatial_markov": res.table("spatial_markov"),
        "disparity_convergence": res.table("convergence"),
    }
    wopt = ctx.study.options["weights"]
    attached = [(ctx.region_name(a), ctx.region_name(b)) for a, b in meta["attached"]]
    links_zh = "；".join(f"{a}连接{b}" for a, b in attached)
    links_en = "; ".join(f"{a} attached to {b}" for a, b in attached)
    notes = [
        t(
            f"马尔可夫状态为各年相对水平（除以当年均值）的混合 {k} 分位；空间滞后采用{ {'queen': '后式（Queen）', 'rook': '车式（Rook）'}.get(wopt['contiguity'], wopt['contiguity']) }"
            f"邻接{'（' + links_zh + '）' if links_zh else ''}行标准化权重。",
            f"Markov states are pooled {k}-quantiles of values relative to each year's mean; spatial lags use "
            f"row-standardised {wopt['contiguity']} contiguity{' (' + links_en + ')' if links_en else ''}.",
        )
    ]
    return body, tables, notes


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("disparity")
    if res is None:
        return None
    t = ctx.tr
    units = ctx.unit_word()
    first, last = int(res.meta["first"]), int(res.meta["last"])
    label = ctx.indicator_label(str(res.meta["indicator"]))
    from yindi.regions import grouping

    grp = grouping(ctx.study.options["disparity"]["grouping"])
    through = (
        t("（市、县按所属省份归组）", " (cities and counties through their province)")
        if ctx.level != "province"
        else ""
    )
    if res.meta["indicator"] == "rd_intensity":
        what_zh = f"本节以“{label}”衡量{res.meta['n_units']}个{units}的创新投入水平（新质生产力的核心要素；"
        what_en = (
            f"This section measures innovation input by '{label}' (the core of New Quality Productive Forces) "
            f"for {res.meta['n_units']} {units}, "
        )
    else:
        what_zh = f"本节分析“{label}”在{res.meta['n_units']}个{units}间的差异（"
        what_en = f"This section analyses '{label}' across {res.meta['n_units']} {units}, "
    intro = html.paragraph(
        t(
            f"{what_zh}{first}–{last} 年），按{grp.name_zh}{through}分析差异来源、分布动态、收敛性与空间格局。",
            f"{what_en}{first}–{last}, and analyses the sources of disparity across the "
            f"{grp.name_en}{through}, distributional dynamics, convergence and spatial patterns.",
        )
    )
    dy_body, dy_tables, dy_notes = _dynamics_block(ctx, res)
    body = intro + f"<h3>{html.esc(t('Dagum 基尼系数分解', 'Dagum Gini decomposition'))}</h3>"
    tables: dict[str, Any] = {}
    if "dagum" in res.tables:
        d_body, d_frame, d_pairs = _dagum_block(ctx, res)
        body += d_body
        tables |= {"disparity_dagum": d_frame, "disparity_dagum_pairs": d_pairs}
    else:
        body += html.paragraph(
            t(
                f"分析的{units}都属于{grp.name_zh}的同一组，无法做组间分解。",
                f"Every analysed unit is in the same group of the {grp.name_en}; there is no between-group "
                "decomposition.",
            )
        )
    nested = theil_block(ctx, res)
    if nested is not None:
        body += f"<h3>{html.esc(t('泰尔指数嵌套分解', 'Nested Theil decomposition'))}</h3>" + nested[0]
        tables["disparity_theil"] = nested[1]
    body += f"<h3>{html.esc(t('分布动态与收敛', 'Distributional dynamics and convergence'))}</h3>" + dy_body
    tables |= dy_tables
    spatial = ctx.result("spatial")
    if spatial is not None:
        s_body, m_frame, l_frame = _spatial_block(ctx, spatial)
        body += f"<h3>{html.esc(t('空间自相关', 'Spatial autocorrelation'))}</h3>" + s_body
        tables["disparity_moran"] = m_frame
        tables["disparity_lisa"] = l_frame
        spatial_notes: tuple[str, ...] = spatial.notes
    else:
        spatial_notes = ()
    notes = (
        t(
            "Dagum (1997) 分解：G = G_w + G_nb + G_t；置信区间为组内分层自助法百分位区间。",
            "Dagum (1997): G = G_w + G_nb + G_t; intervals are percentile intervals of a bootstrap stratified by region.",
        ),
        t(
            "LISA 采用条件置换检验（与 PySAL esda 相同）；多重检验校正可在研究设定中选择（默认不校正）。",
            "LISA uses conditional permutation inference (as PySAL esda); the multiple-testing correction is the "
            "study option spatial.adjust (none by default).",
        ),
        *dy_notes,
        *res.notes,
        *spatial_notes,
    )
    return Section(
        "disparity",
        t("区域差异、动态演进与空间格局", "Disparities, dynamics and spatial patterns"),
        body,
        tables,
        notes,
    )
