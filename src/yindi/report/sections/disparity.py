"""Report section 'disparity': regional disparities, their dynamics and spatial patterns.

Default variable: R&D intensity (``rd_intensity``, R&D expenditure / GDP, %), the innovation-input core of
New Quality Productive Forces and the longest balanced series in the provincial pack (31 provinces, 2011–2023,
as published by NBS). Any indicator can be chosen with the study option ``disparity.indicator``.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from yindi.errors import MethodWarning
from yindi.report import charts, html, maps
from yindi.report.base import ReportContext, Section

#: Analysis nodes this section renders.
NODES: tuple[str, ...] = ()

CLUSTER_COLORS = {"HH": "#d7301f", "LL": "#2b8cbe", "HL": "#fdae6b", "LH": "#9ecae1", "ns": "#e5e5e5"}


def _selected_years(years: list[int]) -> list[int]:
    if len(years) <= 3:
        return years
    return sorted({years[0], years[len(years) // 2], years[-1]})


def _dagum_block(
    ctx: ReportContext, table: pd.DataFrame, grouping: str, boot: int
) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    from yindi.disparity import dagum_by_year
    from yindi.regions import grouping as get_grouping

    grp = get_grouping(grouping)
    series = dagum_by_year(table, grouping, bootstrap=boot, seed=ctx.seed)
    frame = series.table()
    tidy = series.to_frame()
    pairs = tidy[tidy["component"].isin(["gini_within", "gini_between"])].reset_index(drop=True)
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
    within = pairs[pairs["component"] == "gini_within"].pivot(index="year", columns="group_a", values="value")
    within_series = {grp.label(g, ctx.lang): within[g].tolist() for g in within.columns}
    between = pairs[pairs["component"] == "gini_between"]
    between_series: dict[str, list[float]] = {}
    for (a, b), part in between.groupby(["group_a", "group_b"], sort=True):
        key = f"{grp.label(str(a), ctx.lang)}–{grp.label(str(b), ctx.lang)}"
        between_series[key] = part.set_index("year")["value"].reindex(x).tolist()
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


def _spatial_block(
    ctx: ReportContext, table: pd.DataFrame, year: int, perms: int
) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    from yindi.spatial import contiguity, local_moran, moran

    t = ctx.tr
    codes = list(table.index)
    w = contiguity("province", islands="nearest", regions=codes)
    rows = []
    for y in table.columns:
        col = table[y].dropna()
        if len(col) < len(codes):
            continue
        m = moran(col, w, permutations=perms, seed=ctx.seed)
        rows.append(
            {"year": int(y), "moran_I": m.I, "z_norm": m.z_norm, "p_norm": m.p_norm, "p_sim": m.p_sim}
        )
    moran_frame = pd.DataFrame(rows)
    lisa = local_moran(table[year], w, permutations=perms, seed=ctx.seed)
    lf = lisa.to_frame()
    lf.insert(1, "region", [ctx.region_name(c) for c in lf["region_code"]])
    names = {
        "HH": t("高-高", "High-High"),
        "LL": t("低-低", "Low-Low"),
        "HL": t("高-低", "High-Low"),
        "LH": t("低-高", "Low-High"),
        "ns": t("不显著", "Not significant"),
    }
    cats = {c: names[v] for c, v in lisa.clusters.items()}
    colors = {names[k]: v for k, v in CLUSTER_COLORS.items()}
    cmap = maps.category_map(
        cats,
        title=t(f"{year} 年 LISA 集聚图", f"LISA clusters, {year}"),
        lang=ctx.lang,
        colors=colors,
        order=[names[k] for k in ("HH", "LL", "HL", "LH", "ns")],
    )
    line = charts.line_chart(
        moran_frame["year"].tolist(),
        {"Moran's I": moran_frame["moran_I"].tolist()},
        title=t("全局莫兰指数", "Global Moran's I"),
        xlabel=t("年份", "Year"),
    )
    sig = lf[lf["cluster"] != "ns"]
    listed = (
        "；".join(
            f"{names[k]}：{'、'.join(sig.loc[sig['cluster'] == k, 'region'])}"
            for k in ("HH", "LL", "HL", "LH")
            if (sig["cluster"] == k).any()
        )
        if ctx.lang == "zh"
        else "; ".join(
            f"{names[k]}: {', '.join(sig.loc[sig['cluster'] == k, 'region'])}"
            for k in ("HH", "LL", "HL", "LH")
            if (sig["cluster"] == k).any()
        )
    )
    last = (
        moran_frame[moran_frame["year"] == year].iloc[0]
        if (moran_frame["year"] == year).any()
        else moran_frame.iloc[-1]
    )
    text = t(
        f"{year} 年全局莫兰指数 I = {last['moran_I']:.3f}（置换检验 p = {last['p_sim']:.3f}，{perms} 次）。"
        f"显著的局部集聚（α = 0.05，条件置换）：{listed or '无'}。",
        f"Global Moran's I in {year} is {last['moran_I']:.3f} (permutation p = {last['p_sim']:.3f}, {perms} "
        f"permutations). Significant local clusters (α = 0.05, conditional permutations): {listed or 'none'}.",
    )
    body = html.paragraph(text) + html.grid([html.figure(cmap), html.figure(line)], columns=2)
    return body, moran_frame, lf


def _dynamics_block(
    ctx: ReportContext, table: pd.DataFrame
) -> tuple[str, dict[str, pd.DataFrame], list[str]]:
    from yindi.disparity import beta_convergence, kernel_density, markov, sigma_convergence, spatial_markov
    from yindi.spatial import contiguity

    t = ctx.tr
    years = [int(c) for c in table.columns]
    dens = kernel_density(table, years=_selected_years(years), points=100)
    kde = charts.line_chart(
        [round(float(v), 4) for v in dens.grid],
        {str(y): d.tolist() for y, d in zip(dens.years, dens.density, strict=True)},
        title=t("核密度估计（Silverman 带宽）", "Kernel density (Silverman bandwidth)"),
        xlabel=ctx.indicator_label(ctx.option("disparity", "indicator", "rd_intensity")),
    )
    balanced = table.dropna()
    mk = markov(balanced, k=4, relative=True)
    w = contiguity("province", islands="nearest", regions=list(balanced.index))
    smk = spatial_markov(balanced, w, k=4, relative=True)
    labels = [t(f"Q{i}", f"Q{i}") for i in range(1, 5)]
    heat = charts.heatmap(
        mk.p,
        labels,
        labels,
        title=t("马尔可夫转移概率（相对水平四分位）", "Markov transitions (relative quartiles)"),
        annotate=True,
        vmin=0,
        vmax=1,
    )
    mtab = mk.table().reset_index().rename(columns={"index": t("初始状态", "From"), "n": t("转移次数", "n")})
    mtab[mtab.columns[1]] = mtab[mtab.columns[1]].astype(object)
    mtab.loc[len(mtab)] = [t("遍历分布", "Ergodic"), "", *mk.ergodic]
    sigma = sigma_convergence(table)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MethodWarning)
        absolute = beta_convergence(balanced)
        conditional = beta_convergence(balanced, kind="conditional")
    conv = pd.DataFrame(
        [
            {
                "model": t("绝对β收敛（混合OLS）", "Absolute β (pooled OLS)"),
                "beta": absolute.beta,
                "se": absolute.se,
                "p": absolute.p,
                "speed": absolute.speed,
                "half_life": absolute.half_life,
                "N": absolute.n_obs,
            },
            {
                "model": t("条件β收敛（双向固定效应）", "Conditional β (two-way FE)"),
                "beta": conditional.beta,
                "se": conditional.se,
                "p": conditional.p,
                "speed": conditional.speed,
                "half_life": conditional.half_life,
                "N": conditional.n_obs,
            },
        ]
    )
    sig_line = charts.line_chart(
        list(sigma.years),
        {t("变异系数", "CV"): list(sigma.values)},
        title=t("σ 收敛（变异系数）", "σ-convergence (CV)"),
        xlabel=t("年份", "Year"),
    )
    ht = smk.test
    text = t(
        f"变异系数由 {sigma.values[0]:.3f}（{sigma.years[0]}）变为 {sigma.values[-1]:.3f}（{sigma.years[-1]}），"
        f"{'呈 σ 收敛' if sigma.converging and sigma.slope_p < 0.05 else '未见显著 σ 收敛'}；"
        f"绝对 β = {absolute.beta:.4f}（p = {absolute.p:.3f}），条件 β = {conditional.beta:.4f}（p = {conditional.p:.3f}）。"
        f"空间马尔可夫同质性检验 LR = {ht.lr:.2f}（自由度 {ht.dof}，p = {ht.lr_p:.3f}）："
        f"{'邻居状态显著影响转移' if ht.lr_p < 0.05 else '未发现邻居状态显著影响转移'}。",
        f"The CV moves from {sigma.values[0]:.3f} ({sigma.years[0]}) to {sigma.values[-1]:.3f} ({sigma.years[-1]}): "
        f"{'σ-convergence' if sigma.converging and sigma.slope_p < 0.05 else 'no significant σ-convergence'}; absolute "
        f"β = {absolute.beta:.4f} (p = {absolute.p:.3f}), conditional β = {conditional.beta:.4f} (p = {conditional.p:.3f}). "
        f"Spatial Markov homogeneity test LR = {ht.lr:.2f} (dof {ht.dof}, p = {ht.lr_p:.3f}): neighbours "
        f"{'do' if ht.lr_p < 0.05 else 'do not detectably'} change the transition probabilities.",
    )
    shown = conv.rename(
        columns={
            "model": t("模型", "Model"),
            "se": t("标准误", "s.e."),
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
            caption=t("β 收敛（按省聚类稳健标准误）", "β-convergence (region-clustered s.e.)"),
        )
    )
    tables = {
        "disparity_kde": dens.to_frame(),
        "disparity_markov": mk.to_frame(),
        "disparity_spatial_markov": smk.to_frame(),
        "disparity_convergence": pd.concat(
            [sigma.to_frame(), absolute.to_frame(), conditional.to_frame()], ignore_index=True
        ),
    }
    notes = [
        t(
            "马尔可夫状态为各年相对水平（除以当年均值）的混合四分位；空间滞后采用 Queen 邻接（海南连接广东）行标准化权重。",
            "Markov states are pooled quartiles of values relative to each year's mean; spatial lags use row-standardised "
            "queen contiguity (Hainan attached to Guangdong).",
        )
    ]
    return body, tables, notes


def build(ctx: ReportContext) -> Section | None:
    indicator = ctx.option("disparity", "indicator", "rd_intensity")
    grouping = ctx.option("disparity", "grouping", "nbs4")
    boot = int(ctx.option("disparity", "bootstrap", 200))
    perms = int(ctx.option("disparity", "permutations", 999))
    t = ctx.tr
    if indicator not in ctx.analysis.indicators:
        return None
    table = ctx.analysis.series(indicator)
    table = table.loc[:, [c for c in table.columns if int(c) <= ctx.year]]
    table = table.loc[:, table.notna().sum() >= 3]
    if table.shape[1] < 3:
        return None
    year = (
        int(max(c for c in table.columns if table[c].notna().all()))
        if table.notna().all().any()
        else int(table.columns[-1])
    )
    label = ctx.indicator_label(indicator)
    intro = html.paragraph(
        t(
            f"本节以“{label}”衡量各省创新投入水平（新质生产力的核心要素；{min(table.columns)}–{max(table.columns)} 年 31 省齐全），"
            "按国家统计局四大区域分析差异来源、分布动态、收敛性与空间格局。",
            f"This section measures innovation input by '{label}' (the core of New Quality Productive Forces; complete "
            f"for the 31 provinces {min(table.columns)}–{max(table.columns)}) and analyses the sources of disparity across "
            "the NBS four macro-regions, distributional dynamics, convergence and spatial patterns.",
        )
    )
    d_body, d_frame, d_pairs = _dagum_block(ctx, table, grouping, boot)
    s_body, m_frame, l_frame = _spatial_block(ctx, table, year, perms)
    dy_body, dy_tables, dy_notes = _dynamics_block(ctx, table)
    body = (
        intro
        + f"<h3>{html.esc(t('Dagum 基尼系数分解', 'Dagum Gini decomposition'))}</h3>"
        + d_body
        + f"<h3>{html.esc(t('分布动态与收敛', 'Distributional dynamics and convergence'))}</h3>"
        + dy_body
        + f"<h3>{html.esc(t('空间自相关', 'Spatial autocorrelation'))}</h3>"
        + s_body
    )
    notes = (
        t(
            "Dagum (1997) 分解：G = G_w + G_nb + G_t；置信区间为组内分层自助法百分位区间。",
            "Dagum (1997): G = G_w + G_nb + G_t; intervals are percentile intervals of a bootstrap stratified by region.",
        ),
        t(
            "LISA 采用条件置换检验（与 PySAL esda 相同），未做多重检验校正；可在研究设定中选择 FDR。",
            "LISA uses conditional permutation inference (as PySAL esda), without multiple-testing correction by default.",
        ),
        *dy_notes,
    )
    tables: dict[str, Any] = {
        "disparity_dagum": d_frame,
        "disparity_dagum_pairs": d_pairs,
        "disparity_moran": m_frame,
        "disparity_lisa": l_frame,
        **dy_tables,
    }
    return Section(
        "disparity",
        t("区域差异、动态演进与空间格局", "Disparities, dynamics and spatial patterns"),
        body,
        tables,
        notes,
    )
