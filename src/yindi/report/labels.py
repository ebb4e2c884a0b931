"""Bilingual labels of result measures, columns, decisions, roles and alert levels shown to readers.

结果度量、列名、布局决策、协同角色和预警等级的中英文名称（报告、接口和仪表盘共用）。
"""

from __future__ import annotations

from yindi._typing import Lang

#: measure or column id → (Chinese, English)
MEASURES: dict[str, tuple[str, str]] = {
    "score": ("得分", "score"),
    "rank": ("排名", "rank"),
    "rank_low": ("排名区间下限", "rank interval, best"),
    "rank_median": ("排名中位数", "median rank"),
    "rank_high": ("排名区间上限", "rank interval, worst"),
    "top5_share": ("进入前五的概率", "chance of top five"),
    "coupling": ("耦合度", "coupling"),
    "development": ("综合发展水平", "development level"),
    "coordination": ("耦合协调度", "coupling coordination"),
    "obstacle": ("障碍度", "obstacle degree"),
    "workers": ("劳动者", "workers"),
    "means": ("劳动资料", "means of labour"),
    "objects": ("劳动对象", "objects of labour"),
    "劳动者": ("劳动者", "workers"),
    "劳动资料": ("劳动资料", "means of labour"),
    "劳动对象": ("劳动对象", "objects of labour"),
    "te_crs": ("综合技术效率（CRS）", "technical efficiency (CRS)"),
    "pte_vrs": ("纯技术效率（VRS）", "pure technical efficiency (VRS)"),
    "scale": ("规模效率", "scale efficiency"),
    "tfp_change_pct": ("全要素生产率累计变化（%）", "cumulative TFP change (%)"),
    "green_sbm": ("绿色效率（SBM）", "green efficiency (SBM)"),
    "rd_intensity": ("研发投入强度", "R&D intensity"),
    "gdp_per_capita": ("人均地区生产总值", "GDP per capita"),
    "cluster": ("聚类", "cluster"),
    "stability": ("稳定性", "stability"),
    "technology": ("技术进步驱动", "technology-driven"),
    "factor": ("要素投入驱动", "factor-driven"),
    "missing": ("缺少生产率结果", "no productivity result"),
    "tfp_share": ("全要素生产率对增长的贡献", "TFP share of growth"),
    "capital_deepening": ("资本深化", "capital deepening"),
    "enterprise_rd_share": ("企业研发占比", "enterprise share of R&D"),
    "tc": ("技术进步", "technical change"),
    "ec": ("技术效率变化", "efficiency change"),
    "index": ("全要素生产率指数", "TFP index"),
    "net_flow_trend": ("技术合同净流出趋势", "trend of net technology outflow"),
    "creation_level": ("知识创造水平", "knowledge creation level"),
    "absorption_level": ("吸收转化水平", "absorption level"),
    "targets": ("列为目标的地区数", "regions targeting it"),
    "capable": ("具备条件的地区数", "capable regions"),
    "ratio": ("目标/具备条件之比", "targets per capable region"),
    "hhi": ("集中度（HHI）", "concentration (HHI)"),
    "creation": ("知识创造", "knowledge creation"),
    "absorption": ("吸收转化", "absorption"),
    "net_flow": ("技术合同净流出（亿元）", "net technology outflow (100 million yuan)"),
    "distance_km": ("距离（公里）", "distance (km)"),
    "I": ("局部莫兰指数", "local Moran's I"),
    "z": ("标准化值", "standardised value"),
    "lag": ("空间滞后值", "spatial lag"),
    "p_sim": ("置换检验 p 值", "permutation p-value"),
    "p_adjusted": ("多重检验校正后的 p 值", "adjusted p-value"),
}

DECISIONS: dict[str, tuple[str, str]] = {
    "upgrade": ("改造提升", "upgrade"),
    "grow": ("培育壮大", "grow"),
    "preposition": ("前瞻布局", "pre-position"),
    "apply": ("场景应用", "apply"),
    "avoid": ("暂不布局", "avoid"),
    "insufficient_data": ("数据不足", "insufficient data"),
}

ROLES: dict[str, tuple[str, str]] = {
    "source": ("创新策源地", "innovation source"),
    "carrier": ("承载转化地", "carrier"),
    "both": ("策源兼承载", "source and carrier"),
    "neither": ("暂无突出角色", "neither"),
    "unknown": ("数据不足", "unknown"),
}

ALERTS: dict[str, tuple[str, str]] = {
    "high": ("高度预警", "high alert"),
    "watch": ("关注", "watch"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
    "none": ("无", "none"),
}

TIERS: dict[str, tuple[str, str]] = {
    "traditional": ("传统产业", "traditional"),
    "emerging": ("战略性新兴产业", "emerging"),
    "future": ("未来产业", "future"),
}


NODES: dict[str, tuple[str, str]] = {
    "index": ("综合指数", "composite index"),
    "typology": ("地区类型", "typology"),
    "productivity": ("效率与生产率", "productivity"),
    "plan": ("产业布局", "lay-out"),
    "coordinate": ("区域协同", "coordination"),
    "structure": ("产业结构", "structure"),
    "disparity": ("区域差异", "disparity"),
    "spatial": ("空间格局", "spatial patterns"),
}


def _pick(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def measure_label(key: str) -> tuple[str, str]:
    """(Chinese, English) label of a measure or column id (the id itself when unknown)."""
    return MEASURES.get(key, (key, key))


def label(kind: str, key: str, lang: Lang = "zh") -> str:
    """Label of ``key`` among ``kind`` = measure, decision, role, alert or tier, in ``lang``."""
    table = {
        "measure": MEASURES,
        "decision": DECISIONS,
        "role": ROLES,
        "alert": ALERTS,
        "tier": TIERS,
        "node": NODES,
    }[kind]
    return _pick(table, key, lang)


#: column id → (Chinese, English) for table headers (HTML and Excel) of the per-region report
COLUMNS: dict[str, tuple[str, str]] = {
    "region_code": ("地区代码", "region code"),
    "region": ("地区", "region"),
    "year": ("年份", "year"),
    "measure": ("度量", "measure"),
    "value": ("数值", "value"),
    "dimension": ("维度", "dimension"),
    "indicator": ("指标", "indicator"),
    "name": ("名称", "name"),
    "tier": ("层级", "tier"),
    "industry_id": ("产业代码", "industry code"),
    "industry": ("产业", "industry"),
    "decision": ("决策", "decision"),
    "sentence": ("理由", "reason"),
    "reason": ("理由", "reason"),
    "reasons": ("理由代码", "reason codes"),
    "level": ("预警等级", "alert level"),
    "partner_code": ("伙伴代码", "partner code"),
    "partner": ("伙伴", "partner"),
    "as": ("本地角色", "this region as"),
    "role": ("协同角色", "role"),
    "driver": ("发展动力", "growth driver"),
    "transfer_mode": ("转化模式", "transfer mode"),
    "type": ("类型", "type"),
    "rule": ("判定规则", "rule"),
    "note": ("说明", "note"),
    "table": ("来源表", "source table"),
    "grade": ("协调等级", "coordination grade"),
    "list": ("清单", "list"),
}


def column_label(key: str, lang: Lang = "zh") -> str:
    """Header of a column in ``lang`` (measure labels as a fallback, then the id itself)."""
    pair = COLUMNS.get(key) or MEASURES.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
