"""Report section 'summary': the key findings (要点), first in the report.

Each finding is one sentence with its numbers, read from the node tables the later sections render (index ranking
and rank intervals, types I–IV, the efficiency frontier, disparity and Moran's I, layout and coordination), and
links to the section that shows the evidence. Nothing is computed here: every number is a stored value.
"""

from __future__ import annotations

import pandas as pd

from yindi.report import html
from yindi.report.base import ReportContext, Section
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["summary"]  # the nodes this section renders (listed in yindi.study.sections)

TIBET = "540000"


def _item(ctx: ReportContext, text: str, anchor: str) -> str:
    more = ctx.tr("详见", "see")
    return f'<li>{html.esc(text)} <a href="#{html.esc(anchor)}">{html.esc(more)} →</a></li>'


def _names(ctx: ReportContext, codes: list[str]) -> str:
    return ctx.tr("、", ", ").join(ctx.region_name(c) for c in codes)


def _index(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("index")
    if res is None:
        return None
    iv = res.table("intervals").sort_values("rank")
    n = len(iv)
    if n < 6:
        return None

    def one(row: pd.Series) -> str:
        name = ctx.region_name(str(row["region_code"]))
        low, high = int(row["rank_low"]), int(row["rank_high"])
        span = str(low) if low == high else f"{low}–{high}"
        return ctx.tr(
            f"{name}（第 {int(row['rank'])} 位，排名区间 {span}）",
            f"{name} (#{int(row['rank'])}, rank interval {span})",
        )

    top = ctx.tr("、", ", ").join(one(r) for _, r in iv.head(3).iterrows())
    bottom = ctx.tr("、", ", ").join(one(r) for _, r in iv.tail(3).iterrows())
    year = int(res.meta["year"])
    name_zh, name_en = res.meta["preset"]
    return ctx.tr(
        f"{year} 年{name_zh}（{n} 个{ctx.unit_word()}）领先的是{top}；居后的是{bottom}。",
        f"In {year} the {name_en} ({n} {ctx.unit_word()}) is led by {top}; the last places are {bottom}.",
    ), "index"


def _types(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("typology")
    if res is None or "vs_source" not in res.tables:
        return None
    counts = res.table("vs_source").set_index("type")["regions"]
    year = int(res.meta["year"])
    parts_zh = "、".join(f"{t} 类 {int(counts[t])} 个" for t in ("I", "II", "III", "IV") if t in counts.index)
    parts_en = ", ".join(f"type {t} {int(counts[t])}" for t in ("I", "II", "III", "IV") if t in counts.index)
    return ctx.tr(
        f"按研发强度与人均 GDP 划分的区域科技类型（{year} 年）：{parts_zh}。",
        f"Regional S&T types by R&D intensity and GDP per capita ({year}): {parts_en}.",
    ), "typology"


def _frontier(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("productivity")
    if res is None:
        return None
    meta = res.meta
    frontier = [str(c) for c in meta.get("frontier", [])]
    text = ctx.tr(
        f"{meta['year']} 年 {meta['n_units']} 个{ctx.unit_word()}中 {meta['n_frontier']} 个处于 DEA 效率前沿"
        f"（综合效率 = 1）" + (f"：{_names(ctx, frontier)}" if frontier else "") + "。",
        f"In {meta['year']}, {meta['n_frontier']} of {meta['n_units']} {ctx.unit_word()} are on the DEA "
        "efficiency frontier (TE = 1)" + (f": {_names(ctx, frontier)}" if frontier else "") + ".",
    )
    if TIBET in frontier:
        text += ctx.tr(
            "注意：西藏的投入与产出规模都很小、可比单元少，DEA 前沿位置对这类单元和数据误差很敏感，不宜解读为生产率领先。",
            " Caution: Tibet's inputs and outputs are very small and it has few comparable peers; a DEA frontier "
            "position is fragile for such a unit and for data errors, so do not read it as leading productivity.",
        )
    return text, "productivity"


def _disparity(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("disparity")
    if res is None:
        return None
    label = ctx.indicator_label(str(res.meta["indicator"]))
    sigma = res.table("sigma")
    first, last = sigma.iloc[0], sigma.iloc[-1]
    converging = bool(res.meta["sigma_converging"]) and float(res.meta["sigma_slope_p"]) < 0.05
    text = ctx.tr(
        f"“{label}”的变异系数由 {first['value']:.3f}（{int(first['year'])}）变为 {last['value']:.3f}"
        f"（{int(last['year'])}），{'差距在缩小（σ 收敛）' if converging else '未见显著收敛'}",
        f"The coefficient of variation of '{label}' moves from {first['value']:.3f} ({int(first['year'])}) to "
        f"{last['value']:.3f} ({int(last['year'])}): "
        f"{'the gap is narrowing (σ-convergence)' if converging else 'no significant convergence'}",
    )
    if "dagum" in res.tables:
        dg = res.table("dagum")
        d0, d1 = dg.iloc[0], dg.iloc[-1]
        text += ctx.tr(
            f"；Dagum 基尼系数由 {d0['G']:.3f} 变为 {d1['G']:.3f}，{int(d1['year'])} 年区域间差异贡献 "
            f"{100 * d1['between_share']:.1f}%",
            f"; the Dagum Gini moves from {d0['G']:.3f} to {d1['G']:.3f}, with between-region differences "
            f"contributing {100 * d1['between_share']:.1f}% in {int(d1['year'])}",
        )
    return text + ctx.tr("。", "."), "disparity"


def _moran(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("spatial")
    if res is None:
        return None
    year = int(res.meta["year"])
    moran = res.table("moran")
    row = moran[moran["year"] == year].iloc[0] if (moran["year"] == year).any() else moran.iloc[-1]
    p = float(row["p_sim"])
    sig = p < 0.05
    return ctx.tr(
        f"{int(row['year'])} 年全局莫兰指数 I = {row['moran_I']:.3f}（置换检验 p = {p:.3f}）："
        f"{'相邻地区水平相近，存在显著空间集聚' if sig else '未见显著空间集聚'}。",
        f"Global Moran's I in {int(row['year'])} is {row['moran_I']:.3f} (permutation p = {p:.3f}): "
        f"{'neighbours have similar levels — significant spatial clustering' if sig else 'no significant clustering'}.",
    ), "disparity"


def _layout(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("plan")
    if res is None:
        return None
    meta = res.meta
    by_region = dict(meta.get("regions_by_decision", {}))
    herd = res.table("herding").sort_values(["targets", "ratio"], ascending=False)
    top = herd.iloc[0]
    alerts = herd[herd["level"] == "high"]
    alert_names = ctx.tr("、", ", ").join(str(v) for v in alerts["industry"].head(3))
    n = int(meta["n_regions"])
    return ctx.tr(
        f"{n} 个{ctx.unit_word()}中 {by_region.get('grow', 0)} 个有建议培育壮大的产业、{by_region.get('preposition', 0)} "
        f"个有建议前瞻布局的产业；目标最集中的是“{top['industry']}”（{int(top['targets'])} 个地区以其为目标，"
        f"具备基础的 {int(top['capable'])} 个）；一哄而上高度预警产业 {len(alerts)} 个"
        + (f"（{alert_names}{'等' if len(alerts) > 3 else ''}）" if len(alerts) else "")
        + "。",
        f"Of {n} {ctx.unit_word()}, {by_region.get('grow', 0)} are advised to grow and "
        f"{by_region.get('preposition', 0)} to pre-position at least one industry; the most targeted industry is "
        f"'{top['industry']}' ({int(top['targets'])} regions target it, {int(top['capable'])} have the base); "
        f"{len(alerts)} industries carry a high herding alert"
        + (f" ({alert_names}{', …' if len(alerts) > 3 else ''})" if len(alerts) else "")
        + ".",
    ), "layout"


def _coordination(ctx: ReportContext) -> tuple[str, str] | None:
    res = ctx.result("coordinate")
    if res is None:
        return None
    counts = dict(res.meta["counts"])
    text = ctx.tr(
        f"协同分工：创新策源地 {counts.get('source', 0)} 个、承载转化地 {counts.get('carrier', 0)} 个、"
        f"两者兼具 {counts.get('both', 0)} 个",
        f"Division of labour: {counts.get('source', 0)} innovation sources, {counts.get('carrier', 0)} carriers, "
        f"{counts.get('both', 0)} both",
    )
    corridors = res.table("corridors")
    if len(corridors):
        best = corridors.sort_values("rank").iloc[0]
        a, b = ctx.region_name(str(best["source_code"])), ctx.region_name(str(best["carrier_code"]))
        text += ctx.tr(
            f"；得分最高的协同对是{a} → {b}（{best['score']:.3f}，相距 {best['distance_km']:.0f} 公里）",
            f"; the best-scoring pair is {a} → {b} ({best['score']:.3f}, {best['distance_km']:.0f} km apart)",
        )
    return text + ctx.tr("。", "."), "coordination"


FINDINGS = (_index, _types, _frontier, _disparity, _moran, _layout, _coordination)
"""The findings in report order; each returns (sentence, section anchor) or None when its node has no result."""


def build(ctx: ReportContext) -> Section | None:
    found = [f(ctx) for f in FINDINGS]
    shown = [f for f in found if f is not None]
    if not shown:
        return None
    items = "".join(_item(ctx, text, anchor) for text, anchor in shown)
    body = f'<ol class="findings">{items}</ol>' + html.note(
        ctx.tr(
            "排名区间：指标权重随机扰动下排名的 5%–95% 范围；区间越宽，名次越不确定。每条要点后的链接指向给出证据的章节。",
            "Rank interval: the 5–95% range of the rank when the indicator weights are perturbed; the wider it is, "
            "the less certain the place. Each finding links to the section with its evidence.",
        )
    )
    return Section("summary", ctx.tr("要点", "Key findings"), body)
