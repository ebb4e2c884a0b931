"""Report section 'structure': tiers, location quotients, homogeneity and complexity (advice: section 'layout').

Reads ``sector_electricity.csv`` from the data pack folder (CEADs final electricity use by sector); without it
the section is left out. Every figure says that electricity use is a proxy for structure, not value added.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from yindi.report import charts, maps
from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, grid, note, paragraph, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["structure"]  # the nodes this section renders (listed in yindi.study.sections)


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("structure")
    if res is None:  # no sector-by-sector file (the city pack): the three sectors, when the data hold them
        from yindi.report.sections._sectors import sectors_section

        return sectors_section(ctx)
    from yindi.structure import ELECTRICITY_PROXY_NOTE_EN, ELECTRICITY_PROXY_NOTE_ZH, TIER_NAMES
    from yindi.structure.concordance import sector_names

    tr = ctx.tr
    units = ctx.unit_word()
    proxy = tr(ELECTRICITY_PROXY_NOTE_ZH, ELECTRICITY_PROXY_NOTE_EN)
    opt = ctx.study.options["structure"]
    meta = res.meta
    year = int(meta["year"])
    periods = list(meta["periods"])
    conc = sector_names()

    def act(sector: str) -> str:
        return str(conc.get(sector, sector)) if ctx.lang == "zh" else sector

    def reg(code: str) -> str:
        return ctx.region_name(code)

    tiers = res.table("tiers")
    tiers_y = tiers[tiers["period"] == year]
    high = dict(
        zip(
            tiers_y.loc[tiers_y["tier"] == "high", "region_code"],
            tiers_y.loc[tiers_y["tier"] == "high", "share"],
            strict=True,
        )
    )
    tier_order = ["primary", "low", "mid", "high", "mixed"]
    tier_label = {k: (v[0] if ctx.lang == "zh" else v[1]) for k, v in TIER_NAMES.items()}
    wide = (  # one row per region and tier (tier_shares): pivot, as pivot_table without its aggregation
        tiers_y.pivot(index="region_code", columns="tier", values="share")
        .dropna(how="all")
        .reindex(columns=tier_order)
        .fillna(0.0)
    )
    wide = wide.sort_values("high", ascending=False)
    tier_map = maps.choropleth(
        {k: 100 * v for k, v in high.items()},
        title=tr(
            f"{year} 年高端制造业份额（用电量口径）",
            f"High-end manufacturing share, {year} (electricity use)",
        ),
        unit="%",
        lang=ctx.lang,
        level=ctx.level,
    )
    tier_bars = charts.stacked_bar_chart(
        [reg(c) for c in wide.index],
        {tier_label[k]: list(100 * wide[k]) for k in tier_order},
        title=tr("制造业四档份额（李国平、冯雨雪，2025）", "Manufacturing tiers (Li and Feng 2025)"),
        unit="%",
    )

    codes = list(meta["lq_rows"])
    acts = list(meta["lq_cols"])
    cells = res.table("lq")
    lq = cells.pivot(index="region_code", columns="activity", values="lq").reindex(index=codes, columns=acts)
    lq_heat = charts.heatmap(
        np.minimum(lq.to_numpy(dtype=float), 2.0),
        [reg(c) for c in codes],
        [act(a) for a in acts],
        title=tr(f"{year} 年区位商（>2 按 2 显示）", f"Location quotients, {year} (values > 2 shown as 2)"),
        vmin=0.0,
        vmax=2.0,
        center=1.0,
    )
    sim = res.table("similarity").set_index("region_code")
    sim_heat = charts.heatmap(
        sim.to_numpy(dtype=float),
        [reg(c) for c in sim.index],
        [reg(c) for c in sim.columns],
        title=tr(f"{year} 年产业结构相似系数", f"Structural similarity, {year}"),
        vmin=float(
            np.floor(10 * np.nanmin(sim.to_numpy(dtype=float))) / 10
        ),  # spread the colours over the data
        vmax=1.0,
    )
    hom = res.table("homogeneity")
    peers: dict[tuple[str, float], list[str]] = {}  # (region, mean similarity) -> its peers, in table order
    for code, mean, peer, similarity in zip(
        hom["region_code"].tolist(),
        hom["mean_similarity"].tolist(),
        hom["peer_code"].tolist(),
        hom["similarity"].tolist(),
        strict=True,
    ):
        if mean == mean:  # a missing mean has no row (as grouping by it would drop it)
            peers.setdefault((code, mean), []).append(f"{reg(peer)} ({similarity:.2f})")
    sep = "，" if ctx.lang == "zh" else ", "
    hom_show = pd.DataFrame(
        {
            tr("地区", "Region"): [reg(c) for c, _ in peers],
            tr("与其他地区平均相似度", "Mean similarity to others"): [m for _, m in peers],
            tr("最相似的地区", "Most similar regions"): [sep.join(p) for p in peers.values()],
        }
    )

    eci = res.table("eci")
    rk = eci[eci["period"] == year].sort_values("eci", ascending=False)
    eci_bar = charts.bar_chart(
        [reg(c) for c in rk["region_code"]],
        list(rk["eci"]),
        title=tr(f"{year} 年经济复杂度指数 ECI", f"Economic complexity index (ECI), {year}"),
    )
    rank_show = pd.DataFrame(
        {
            tr("地区", "Region"): [reg(c) for c in rk["region_code"]],
            tr("多样性", "Diversity"): rk["diversity"].astype(int),
            "ECI": rk["eci"],
            "COI": rk["coi"],
        }
    )

    zero_sectors, zero_regions = list(meta["zero_sectors"]), list(meta["zero_regions"])
    households = list(meta["households"])
    excluded_zh = [f"合计行 {a}（等于其余各部门之和，自动识别）" for a in meta["excluded_totals"]]
    excluded_en = [f"'{a}' (equals the sum of the other sectors; detected)" for a in meta["excluded_totals"]]
    if households:
        excluded_zh.append(f"居民生活用电 {'、'.join(households)}（不是经济活动）")
        excluded_en.append(f"residential use {', '.join(households)} (not an economic activity)")
    if zero_sectors:
        excluded_zh.append("合计为零的部门：" + "、".join(act(a) for a in zero_sectors))
        excluded_en.append("sectors with a zero total: " + ", ".join(zero_sectors))
    if zero_regions:
        excluded_zh.append("合计为零的地区：" + "、".join(reg(c) for c in zero_regions))
        excluded_en.append("regions with a zero total: " + ", ".join(reg(c) for c in zero_regions))
    static = sorted(reg(c) for c in meta["static"])
    intro = tr(
        f"本节用 CEADs 分行业终端用电量（{meta['n_regions']} 个{units} × {meta['n_activities']} 个部门，{periods[0]}–{periods[-1]}）"
        f"刻画产业结构，展示 {year} 年：制造业四档份额、区位商、结构相似度（同质化）与经济复杂度。",
        f"This section describes industrial structure with CEADs final electricity use by sector ({meta['n_regions']} "
        f"{units} × {meta['n_activities']} sectors, {periods[0]}–{periods[-1]}), shown for {year}: manufacturing "
        "tiers, location quotients, structural similarity (homogeneity) and economic complexity.",
    )
    html = (
        paragraph(intro)
        + note(proxy)
        + grid([figure(tier_map), figure(tier_bars)])
        + figure(
            lq_heat,
            tr(
                "蓝色：区位商 > 1，该部门在该省的用电份额高于全国（专业化）；红色：< 1。",
                "Blue: LQ > 1, the sector's share of the province's electricity use exceeds the national share (specialised); red: < 1.",
            ),
        )
        + figure(
            sim_heat,
            tr(
                "相似系数为两省部门份额向量的夹角余弦（UNIDO），1 表示结构相同。",
                "UNIDO coefficient: cosine of the two provinces' sector-share vectors; 1 = identical structure.",
            ),
        )
        + table(
            hom_show,
            caption=tr(
                f"同质化：各{units}最相似的{units}", f"Homogeneity: each region's most similar {units}"
            ),
            max_rows=40,
        )
        + grid(
            [figure(eci_bar), table(rank_show, caption=tr("复杂度排名", "Complexity ranking"), max_rows=40)]
        )
        + note(
            tr(
                "本节不再给出按用电结构推算的“潜在机会”表（它曾建议北京、上海发展服装纺织）：各地区做什么、不做什么，"
                "见“布局”一节——那里综合用电、上市公司与普查证据并按文献规则给出理由。",
                "This section no longer lists electricity-based 'opportunities' (they had told Beijing and Shanghai to "
                "make garments): what each region should and should not do is in the Layout section, which combines "
                "electricity, listed-firm and census evidence and gives the documented reasons.",
            )
        )
    )
    notes = [
        proxy,
        tr(
            "制造业四档按李国平、冯雨雪（2025）文中注释的国民经济行业大类划分；CEADs 的“交通运输设备”同时包含汽车（高端）与铁路船舶航空航天（中端），"
            "无法拆分，单列为“跨档”。",
            "Tiers follow the note of Li and Feng (2025) by GB/T 4754 division; CEADs 'Transportation Equipment' holds both motor "
            "vehicles (high-end) and other transport equipment (mid-end) and cannot be split: shown as 'mixed'.",
        ),
        tr(
            "ECI 符号约定：ECI 与多样性正相关；PCI 与 ECI 同一标度，地区的 ECI 等于其具有比较优势（RCA ≥ "
            f"{opt['rca_threshold']:g}）的部门 PCI 的平均值。定义与 ecomplexity 0.5.3 一致并经实时对照检验。",
            "Sign convention: ECI correlates positively with diversity; PCI is on the ECI scale, so a region's ECI "
            f"is the mean PCI of its sectors with RCA ≥ {opt['rca_threshold']:g}. Definitions match ecomplexity "
            "0.5.3 and are tested live against it.",
        ),
        tr(
            f"剔除的行：{'；'.join(excluded_zh)}。",
            f"Rows left out: {'; '.join(excluded_en)}.",
        ),
    ]
    if static:
        notes.append(
            tr(
                "以下省份采矿、制造和公用事业各部门的用电结构在各年完全相同（清单按固定比例拆分工业用电），"
                f"其份额变化为零并不说明结构未变：{'、'.join(static)}。",
                "In these provinces the split of electricity use across mining, manufacturing and utility sectors is "
                "identical in every year (the inventory splits industrial electricity by fixed proportions), so "
                f"their zero change over time is not evidence of an unchanged structure: {', '.join(static)}.",
            )
        )
    tables = {
        "structure_tiers": tiers,
        "structure_lq": cells,
        "structure_similarity": sim.reset_index(),
        "structure_homogeneity": hom,
        "structure_eci": eci,
        "structure_pci": res.table("pci"),
        "structure_excluded": res.table("excluded"),
    }
    return Section(
        id="structure",
        title=tr(
            "产业结构、比较优势与经济复杂度", "Industrial structure, comparative advantage and complexity"
        ),
        html=html,
        tables=tables,
        notes=tuple(notes),
    )
