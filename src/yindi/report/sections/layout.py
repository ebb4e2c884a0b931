"""Report section 'layout' (布局): what each region should and should not do, from the 'plan' node.

Renders the node's tables only: a map of how many industries each region is told to grow or pre-position, a map
of the decisions for the most-targeted industry, per-region do / don't lists with their reason sentences, the
herding alerts (一哄而上) and the most similar target lists (同质化).
"""

from __future__ import annotations

import pandas as pd

from yindi.report import maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import esc, figure, grid, note, paragraph, rows_table, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["layout"]  # the nodes this section renders (listed in yindi.study.sections)

#: Items per list shown for each region (the Excel workbook has the full lists).
SHOWN = 5

DECISION_COLORS = {
    "upgrade": "#1b9e77",
    "grow": "#2c7fb8",
    "preposition": "#7570b3",
    "apply": "#66c2a4",
    "monitor": "#fee8a0",
    "avoid": "#d95f02",
    "insufficient_data": "#bdbdbd",
}


def _decision_name(decision: str, lang: str) -> str:
    from yindi.plan._text import decision_name

    return decision_name(decision, lang)


def _region_lists(ctx: ReportContext, lists: pd.DataFrame, pf: pd.DataFrame) -> str:
    """One collapsible block per region: its do list and don't list (top items) with reason sentences; the
    counts are the region's decisions in the whole portfolio (the lists hold the top ``list_top`` only)."""
    tr = ctx.tr
    decisions = pf["decision"]
    doing = pf["region_code"][decisions.isin(["upgrade", "grow", "preposition", "apply"])].value_counts()
    avoiding = pf["region_code"][decisions == "avoid"].value_counts()
    crowded = tr("全国扎堆，不宜跟进", "crowded: do not follow")
    names: dict[str, str] = {}
    # the shown rows of every region, in the lists' order, read once as Python values (no frame per region)
    shown: dict[str, dict[str, list[tuple[object, ...]]]] = {}
    columns = ["region_code", "list", "rank", "industry", "decision", "reasons", "stability", "sentence"]
    for code, kind, rank, industry, decision, reasons, stability, sentence in zip(
        *(lists[c].tolist() for c in columns), strict=True
    ):
        region = shown.setdefault(code, {"do": [], "dont": []})
        if kind not in region or not rank <= SHOWN:
            continue
        if "crowded(" in reasons:
            label = crowded
        elif decision in names:
            label = names[decision]
        else:
            label = names[decision] = _decision_name(decision, ctx.lang)
        region[kind].append((int(rank), industry, label, stability, sentence))
    headers = [tr("序", "#"), tr("产业", "Industry"), tr("决策", "Decision"), tr("稳定性", "Stability"),
               tr("理由", "Reasons")]  # fmt: skip
    blocks = []
    for code in sorted(shown):
        n_do, n_dont = int(doing.get(code, 0)), int(avoiding.get(code, 0))
        parts = []
        for name, rows in (
            (tr("做什么", "Do"), shown[code]["do"]),
            (tr("不做什么", "Don't"), shown[code]["dont"]),
        ):
            if not rows:
                parts.append(note(tr(f"{name}：无。", f"{name}: none.")))
                continue
            parts.append(rows_table(headers, rows, caption=name, digits=2))
        summary = tr(
            f"{ctx.region_name(str(code))}：建议做 {n_do} 项、暂不布局 {n_dont} 项（各显示前 {SHOWN} 项）",
            f"{ctx.region_name(str(code))}: {n_do} to do, {n_dont} to avoid (top {SHOWN} of each shown)",
        )
        blocks.append(f"<details><summary>{esc(summary)}</summary>{''.join(parts)}</details>")
    return "".join(blocks)


def _herding(ctx: ReportContext, herd: pd.DataFrame) -> pd.DataFrame:
    tr = ctx.tr
    alert = herd[herd["level"] != "none"]
    level = {"high": tr("高度预警", "high"), "watch": tr("关注", "watch")}
    tier = {"traditional": tr("传统产业", "traditional"), "emerging": tr("新兴产业", "emerging"),
            "future": tr("未来产业", "future")}  # fmt: skip
    return pd.DataFrame(
        {
            tr("产业", "Industry"): alert["industry"].to_numpy(),
            tr("层级", "Tier"): [tier.get(t, t) for t in alert["tier"]],
            tr("目标地区数", "Targets"): alert["targets"].astype(int).to_numpy(),
            tr("具备能力地区数", "Capable"): alert["capable"].astype(int).to_numpy(),
            tr("目标/能力", "Ratio"): alert["ratio"].to_numpy(),
            tr("现有产能集中度（赫芬达尔指数）", "Concentration (HHI)"): alert["hhi"].to_numpy(),
            tr("预警", "Alert"): [level.get(v, v) for v in alert["level"]],
        }
    )


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("plan")
    if res is None:
        return None
    tr = ctx.tr
    meta = res.meta
    pf = res.table("portfolio")
    lists = res.table("lists")
    herd = res.table("herding")
    sim = res.table("similarity")
    year = meta.get("year")
    counts = dict(meta["counts"])
    order = ["upgrade", "grow", "preposition", "apply", "monitor", "avoid", "insufficient_data"]
    count_zh = "、".join(f"{_decision_name(d, 'zh')} {counts[d]}" for d in order if counts.get(d))
    count_en = ", ".join(f"{_decision_name(d, 'en')} {counts[d]}" for d in order if counts.get(d))
    units = ctx.unit_word()
    intro = tr(
        f"按李国平、冯雨雪（2025）《因地制宜发展新质生产力的现实基础及其实现路径研究》第三部分的分类指导思路，为 {meta['n_regions']} 个{units} × {meta['n_industries']} 个产业（传统、新兴、"
        f"未来三层）逐一给出决策及理由（{year} 年证据）：{count_zh}。“暂不布局”只在有明确负面理由时给出（关联度低、"
        "研发基础薄弱、碳约束、研发强区不宜新增低端环节）；没有正面依据也没有负面理由的产业为“跟踪观察”。",
        f"Following the guidance by type of Li and Feng (2025), 'Developing NQPF according to local conditions' (part 3), every one of {meta['n_regions']} {units} × {meta['n_industries']} industries "
        f"(traditional, emerging, future) gets a decision with its reasons ({year} evidence): {count_en}. 'Avoid' "
        "needs an explicit negative reason (low relatedness, no research base, carbon constraint, a research-strong "
        "region in a low-tier industry); industries with neither a positive nor a negative reason are 'monitor'.",
    )
    # map 1: how many industries each region is told to grow or pre-position
    targets = pf[pf["decision"].isin(["grow", "preposition"])].groupby("region_code").size()
    target_map = maps.choropleth(
        {c: float(targets.get(c, 0)) for c in pf["region_code"].unique()},
        title=tr("培育壮大与前瞻布局的产业数", "Industries to grow or pre-position"),
        unit=tr("个", "industries"),
        lang=ctx.lang,
        level=ctx.level,
        palette="Blues",
    )
    # map 2: decisions for the industry most regions target (the herding risk)
    top = herd.sort_values(["targets", "ratio"], ascending=False).iloc[0]
    one = pf[pf["industry_id"] == top["industry_id"]]
    names = {d: _decision_name(d, ctx.lang) for d in order}
    present = [names[d] for d in order if d in set(one["decision"])]
    decision_map = maps.category_map(
        {c: names[d] for c, d in zip(one["region_code"], one["decision"], strict=True)},
        title=tr(f"{top['industry']}：各地区决策", f"{top['industry']}: decision per region"),
        lang=ctx.lang,
        level=ctx.level,
        colors={names[d]: c for d, c in DECISION_COLORS.items()},
        order=present,
    )
    herd_show = _herding(ctx, herd)
    sim_top = sim.dropna(subset=["jaccard"]).head(10)
    sim_show = pd.DataFrame(
        {
            tr("地区", "Region"): [ctx.region_name(str(c)) for c in sim_top["region_code"]],
            tr("相似地区", "Similar to"): [ctx.region_name(str(c)) for c in sim_top["partner_code"]],
            tr("目标清单重合度（交集/并集）", "Overlap of target lists (Jaccard)"): sim_top[
                "jaccard"
            ].to_numpy(),
        }
    )
    html = (
        paragraph(intro)
        + grid(
            [
                figure(target_map),
                figure(
                    decision_map,
                    tr(
                        f"以其为目标的地区最多（{int(top['targets'])} 个）的产业。",
                        f"The industry most regions target ({int(top['targets'])}).",
                    ),
                ),
            ]
        )
        + paragraph(
            tr(
                f"各{units}“有所为有所不为”清单（点击展开；理由句子给出所用数值）：",
                "Each region's do / don't lists (click to open; the sentences give the numbers used):",
            )
        )
        + _region_lists(ctx, lists, pf)
        + table(
            herd_show,
            caption=tr(
                f"一哄而上预警：以该产业为目标的地区数远多于具备能力的地区数（目标来自本工具的建议，共 {len(herd_show)} 个产业）",
                f"Herding alerts: many more regions target the industry than are capable of it (targets from "
                f"Yindi's recommendations; {len(herd_show)} industries)",
            ),
            digits=2,
        )
        + table(
            sim_show,
            caption=tr("目标清单最相似的地区对（同质化）", "Most similar target lists (homogeneity)"),
            digits=2,
        )
    )
    sources = meta.get("sources", {})
    missing_src = [k for k, v in sources.items() if not v]
    src_zh = {
        "electricity": "CEADs 分行业用电",
        "firms": "上市公司名录",
        "census": "2020 年人口普查长表",
        "panel": "面板指标",
    }
    notes = [
        tr(
            "用电区位商是产业结构的代理指标，不是增加值：高耗能行业的份额被放大，轻工与高技术产业被低估。",
            "The electricity LQ is a proxy for structure, not value added: energy-intensive industries weigh more, "
            "light and high-tech industries less.",
        ),
        tr(
            "上市公司数据：AFAN (afan-life)，“macropage”，GitHub AFAN-LIFE/macropage，commit 9ef6144，"
            "文件 data/stock_basic.csv（Tushare stock_basic 导出），CC BY 4.0 许可。",
            'Listed firms: AFAN (afan-life), "macropage", GitHub AFAN-LIFE/macropage, commit 9ef6144, file '
            "data/stock_basic.csv (Tushare stock_basic export), licensed CC BY 4.0.",
        ),
        tr(
            "普查就业只有门类粒度（如“采矿业”对应 7 个行业大类），单靠它不能认定某一行业的产业基础，"
            "此类情形标为“跟踪观察”（仅有粗粒度证据）。",
            "Census employment is by section only (mining covers seven divisions); it alone cannot establish a "
            "base in one industry: such cells are 'monitor' (coarse evidence only).",
        ),
        tr(
            "稳定性：权重与阈值各扰动 ±20%（带种子的蒙特卡洛）后决策不变的比例；低于 0.6 的决策应谨慎对待。",
            "Stability: the share of seeded Monte Carlo draws (weights and thresholds perturbed by ±20%) in which "
            "the decision is unchanged; treat decisions below 0.6 with care.",
        ),
    ]
    if missing_src:
        notes.append(
            tr(
                "未找到的证据文件："
                + "、".join(src_zh.get(k, k) for k in missing_src)
                + "（按缺失处理，不当作零）。",
                "Evidence files not found: "
                + ", ".join(missing_src)
                + " (treated as missing, never as zero).",
            )
        )
    gaps = res.table("missing")
    gaps = gaps[gaps["region_code"] != ""]
    if len(gaps):
        notes.append(
            tr(
                "个别地区缺少的证据："
                + "、".join(
                    f"{ctx.region_name(c)}（{src_zh.get(s, s)}）"
                    for s, c in zip(gaps["source"], gaps["region_code"], strict=True)
                    if s in src_zh
                )
                + "。",
                "Evidence missing for: "
                + ", ".join(
                    f"{ctx.region_name(c)} ({s})"
                    for s, c in zip(gaps["source"], gaps["region_code"], strict=True)
                )
                + ".",
            )
        )
    tables = {
        "layout_portfolio": pf,
        "layout_lists": lists,
        "layout_herding": herd,
        "layout_similarity": sim,
        "layout_modes": res.table("modes"),
    }
    return Section(
        id="layout",
        title=tr("布局：有所为有所不为", "Layout: what to do and what not to do"),
        html=html,
        tables=tables,
        notes=tuple(notes),
    )
