"""Words of the lay-out layer: decision names and reason templates in Chinese and English.

布局分析的用语：决策名称与理由模板（中英文）。A reason is rendered three ways: a machine-readable code with its
numbers (``low_relatedness(density=0.12 < p25=0.20)``), a Chinese phrase and an English phrase.
"""

from __future__ import annotations

__all__ = ["DECISION_NAMES", "REASON_TEXT", "decision_name"]

#: Decision → (Chinese, English).
DECISION_NAMES: dict[str, tuple[str, str]] = {
    "upgrade": ("改造提升", "upgrade"),
    "grow": ("培育壮大", "grow"),
    "preposition": ("前瞻布局", "pre-position"),
    "apply": ("场景应用", "apply"),
    "avoid": ("暂不布局", "avoid"),
    "monitor": ("跟踪观察", "monitor"),
    "insufficient_data": ("数据不足", "insufficient data"),
}

#: Decision → (Chinese lead, English lead) of the rendered sentence.
DECISION_LEAD: dict[str, tuple[str, str]] = {
    "upgrade": (
        "建议改造提升（智改数转、设备更新）",
        "Upgrade (digital and intelligent retrofit, equipment renewal)",
    ),
    "grow": ("建议培育壮大", "Grow"),
    "preposition": ("建议前瞻布局", "Pre-position"),
    "apply": (
        "建议做场景应用，不建核心制造",
        "Apply the technology in local scenarios rather than build its core industry",
    ),
    "avoid": ("建议暂不布局", "Do not pursue for now"),
    "monitor": ("暂不作重点，跟踪观察", "Not a priority; keep under watch"),
    "insufficient_data": ("证据不足，无法判断", "Not enough evidence to decide"),
}

#: Reason code → (machine template, Chinese template, English template); fields are filled per cell.
REASON_TEXT: dict[str, tuple[str, str, str]] = {
    "strong_base": (
        "strong_base(capability={cap:.2f} >= {base:.2f})",
        "已有产业基础（综合能力 {cap:.2f} ≥ {base:.2f}）",
        "an existing base (capability {cap:.2f} ≥ {base:.2f})",
    ),
    "no_base": (
        "no_base(capability={cap:.2f} < {base:.2f})",
        "缺乏产业基础（综合能力 {cap:.2f} < {base:.2f}）",
        "no industrial base (capability {cap:.2f} < {base:.2f})",
    ),
    "high_relatedness": (
        "high_relatedness(density={dens:.2f} >= p{qg:.0f}={qgv:.2f})",
        "关联度较高（关联密度 {dens:.2f} ≥ 第{qg:.0f}百分位 {qgv:.2f}）",
        "high relatedness (density {dens:.2f} ≥ p{qg:.0f} {qgv:.2f})",
    ),
    "low_relatedness": (
        "low_relatedness(density={dens:.2f} < p{ql:.0f}={qlv:.2f})",
        "关联度低（关联密度 {dens:.2f} < 第{ql:.0f}百分位 {qlv:.2f}）",
        "low relatedness (density {dens:.2f} < p{ql:.0f} {qlv:.2f})",
    ),
    "insufficient_relatedness": (
        "insufficient_relatedness(density={dens:.2f} < p{qg:.0f}={qgv:.2f})",
        "关联度不足以新建（关联密度 {dens:.2f} < 第{qg:.0f}百分位 {qgv:.2f}）",
        "not related enough to start (density {dens:.2f} < p{qg:.0f} {qgv:.2f})",
    ),
    "research_strong": (
        "research_strong(rd_intensity={rd:.2f}% >= {rs:.1f}%)",
        "研发能力较强（研发强度 {rd:.2f}% ≥ {rs:.1f}%）",
        "strong research capacity (R&D intensity {rd:.2f}% ≥ {rs:.1f}%)",
    ),
    "research_middle": (
        "research_middle(rd_intensity={rd:.2f}% in [{rm:.1f}%, {rs:.1f}%))",
        "研发能力中等（研发强度 {rd:.2f}%，介于 {rm:.1f}% 与 {rs:.1f}% 之间）",
        "middle research capacity (R&D intensity {rd:.2f}%, between {rm:.1f}% and {rs:.1f}%)",
    ),
    "no_research_base": (
        "no_research_base(rd_intensity={rd:.2f}% < {rm:.1f}%)",
        "研发基础薄弱（研发强度 {rd:.2f}% < {rm:.1f}%）",
        "weak research base (R&D intensity {rd:.2f}% < {rm:.1f}%)",
    ),
    "green_retrofit": (
        "green_retrofit(energy_intensive={ei}, co2_rank={cr:.2f})",
        "宜绿色化改造（{ei_zh}；碳排放强度位次 {cr:.2f}）",
        "green retrofit ({ei_en}; CO2-intensity rank {cr:.2f})",
    ),
    "carbon_constraint": (
        "carbon_constraint(co2_intensity={co2:.2f}t/10k_yuan, rank={cr:.2f} >= {cq:.2f})",
        "碳约束（碳排放强度 {co2:.2f} 吨/万元，位次 {cr:.2f} ≥ {cq:.2f}），高耗能产业不宜扩张",
        "carbon constraint (CO2 intensity {co2:.2f} t/10k yuan, rank {cr:.2f} ≥ {cq:.2f}): no expansion of an "
        "energy-intensive industry",
    ),
    "application_scenarios": (
        "application_scenarios(market_rank={mk:.2f} >= {mq:.2f})",
        "市场与应用场景较丰富（市场规模位次 {mk:.2f} ≥ {mq:.2f}）",
        "rich application scenarios (market-size rank {mk:.2f} ≥ {mq:.2f})",
    ),
    "research_region_low_tier": (
        "research_region_low_tier(level_003={lvl}, rd_intensity={rd:.2f}%)",
        "研发强区不宜新增低端环节（制造业技术档次：{lvl_zh}）",
        "a research-strong region should not add a {lvl}-tier industry",
    ),
    "transfer_fit": (
        "transfer_fit(density={dens:.2f} >= p{qg:.0f}={qgv:.2f}, level_003={lvl})",
        "可承接产业转移（关联密度 {dens:.2f} ≥ 第{qg:.0f}百分位 {qgv:.2f}，{lvl_zh}）",
        "can take over this industry (density {dens:.2f} ≥ p{qg:.0f} {qgv:.2f}, {lvl} tier)",
    ),
    "strong_base_for_frontier": (
        "strong_base_for_frontier(capability={cap:.2f} >= {sb:.2f})",
        "基础产业能力突出（综合能力 {cap:.2f} ≥ {sb:.2f}），可作突破口",
        "a strong base in the underlying industries (capability {cap:.2f} ≥ {sb:.2f})",
    ),
    "missing_evidence": (
        "missing_evidence(capability={cap:.2f}, rd_intensity={rd:.2f})",
        "关键证据缺失（综合能力 {cap:.2f}，研发强度 {rd:.2f}）",
        "key evidence missing (capability {cap:.2f}, R&D intensity {rd:.2f})",
    ),
    "base_below_frontier": (
        "base_below_frontier(capability={cap:.2f} < {sb:.2f})",
        "研发中等地区且基础产业能力不够突出（综合能力 {cap:.2f} < {sb:.2f}）",
        "a middle-research region without a strong base (capability {cap:.2f} < {sb:.2f})",
    ),
    "adequate_relatedness": (
        "adequate_relatedness(density={dens:.2f} >= p{ql:.0f}={qlv:.2f})",
        "关联度尚可（关联密度 {dens:.2f} ≥ 第{ql:.0f}百分位 {qlv:.2f}）",
        "adequate relatedness (density {dens:.2f} ≥ p{ql:.0f} {qlv:.2f})",
    ),
    "energy_endowment": (
        "energy_endowment(generation_rank={er:.2f} >= {eq:.2f})",
        "能源富集（发电量/用电量位次 {er:.2f} ≥ {eq:.2f}），可依托能源禀赋",
        "energy-rich region (generation/consumption rank {er:.2f} ≥ {eq:.2f})",
    ),
    "coarse_evidence_only": (
        "coarse_evidence_only(capability={cap:.2f} >= {base:.2f}, census_section_only)",
        "仅有门类级粗粒度证据（综合能力 {cap:.2f} ≥ {base:.2f}，但只来自一个普查门类，无法区分具体行业），不足以认定产业基础",
        "only coarse evidence (capability {cap:.2f} ≥ {base:.2f} from a census section that cannot tell its "
        "divisions apart): not enough to establish a base",
    ),
    "near_base": (
        "near_base(capability={cap:.2f} >= {base:.2f}-{near:.2f})",
        "综合能力 {cap:.2f} 接近产业基础阈值 {base:.2f}（差距不足 {near:.2f}），不宜排除",
        "capability {cap:.2f} is within {near:.2f} of the base threshold {base:.2f}: not ruled out",
    ),
    "crowded": (
        "crowded(targets={targets}, capable={capable})",
        "全国扎堆（{targets} 个地区以其为目标，仅 {capable} 个具备能力）",
        "crowded ({targets} regions target it, {capable} are capable)",
    ),
}

LEVEL_ZH = {"primary": "初级加工", "low": "低端", "mid": "中端", "high": "高端", "": "—"}


def decision_name(decision: str, lang: str = "zh") -> str:
    """The Chinese or English name of a decision."""
    zh, en = DECISION_NAMES[decision]
    return en if lang == "en" else zh
