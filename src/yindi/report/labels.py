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
    # city report: year rule, data checks, nested Theil, three sectors
    "complete": ("具备全部关键指标的地区数", "units with every key indicator"),
    "units": ("数据覆盖的地区数", "units in the data"),
    "check": ("检查", "check"),
    "detail": ("说明", "detail"),
    "file": ("文件", "file"),
    "row": ("行", "row"),
    "reference": ("参照值", "reference"),
    "gini": ("基尼系数", "Gini"),
    "theil": ("泰尔指数 T", "Theil T"),
    "between_regions": ("四大区域间", "between regions"),
    "between_provinces": ("省际", "between provinces"),
    "within_provinces": ("省内", "within provinces"),
    "n": ("单元数", "units"),
    "sector_sum": ("三次产业之和", "sum of the three sectors"),
    "gdp": ("地区生产总值", "GDP"),
    "gap": ("相对差", "relative gap"),
    "primary_share": ("第一产业占比（%）", "primary share (%)"),
    "secondary_share": ("第二产业占比（%）", "secondary share (%)"),
    "tertiary_share": ("第三产业占比（%）", "tertiary share (%)"),
    "primary_share_base": ("基期第一产业占比（%）", "primary share, base year (%)"),
    "secondary_share_base": ("基期第二产业占比（%）", "secondary share, base year (%)"),
    "tertiary_share_base": ("基期第三产业占比（%）", "tertiary share, base year (%)"),
    "primary_share_change": ("第一产业占比变动（百分点）", "change in primary share (pp)"),
    "secondary_share_change": ("第二产业占比变动（百分点）", "change in secondary share (pp)"),
    "tertiary_share_change": ("第三产业占比变动（百分点）", "change in tertiary share (pp)"),
    "ts_ratio": ("三产/二产", "tertiary/secondary"),
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
    # national report workbook
    "score": ("得分", "score"),
    "rank": ("排名", "rank"),
    "rank_low": ("排名区间下限", "rank interval low"),
    "rank_median": ("排名中位数", "median rank"),
    "rank_high": ("排名区间上限", "rank interval high"),
    "top5_share": ("进入前5的概率", "share of draws in the top 5"),
    "workers": ("劳动者", "workers"),
    "means": ("劳动资料", "means of labour"),
    "objects": ("劳动对象", "objects of labour"),
    "direction": ("方向", "direction"),
    "weight": ("权重", "weight"),
    "obstacle": ("障碍度(%)", "obstacle degree (%)"),
    "coupling": ("耦合度", "coupling"),
    "development": ("发展度", "development"),
    "coordination": ("耦合协调度", "coupling coordination"),
    "rd_intensity": ("R&D经费投入强度(%)", "R&D intensity (%)"),
    "gdp_per_capita": ("人均地区生产总值(元)", "GDP per capita (yuan)"),
    "regions": ("地区数", "regions"),
    "source_003": ("文献中的地区数", "regions in the source"),
    "named_regions_agree": ("点名地区一致", "named regions agree"),
    "cluster": ("聚类", "cluster"),
    "k": ("类数", "k"),
    "silhouette": ("轮廓系数", "silhouette"),
    "base": ("基期", "base year"),
    "period": ("时期", "period"),
    "index": ("指数", "index"),
    "ec": ("效率变化", "efficiency change"),
    "tc": ("技术进步", "technical change"),
    "pec": ("纯技术效率变化", "pure efficiency change"),
    "sec": ("规模效率变化", "scale efficiency change"),
    "share": ("份额", "share"),
    "change": ("变化", "change"),
    "activity": ("部门", "sector"),
    "lq": ("区位商", "location quotient"),
    "specialised": ("专业化", "specialised"),
    "mean_similarity": ("平均相似系数", "mean similarity"),
    "peer_code": ("最相似地区代码", "closest peer code"),
    "peer": ("最相似地区", "closest peer"),
    "similarity": ("相似系数", "similarity"),
    "diversity": ("多样性", "diversity"),
    "eci": ("经济复杂度 ECI", "ECI"),
    "coi": ("复杂度前景 COI", "COI"),
    "ubiquity": ("普遍性", "ubiquity"),
    "pci": ("产品复杂度 PCI", "PCI"),
    "kind": ("类别", "kind"),
    "label": ("标签", "label"),
    "total": ("合计", "total"),
    "component": ("分量", "component"),
    "group_a": ("组 A", "group A"),
    "group_b": ("组 B", "group B"),
    "ci_low": ("区间下限", "interval low"),
    "ci_high": ("区间上限", "interval high"),
    "density": ("密度", "density"),
    "lag_class": ("邻居状态", "neighbour class"),
    "from_class": ("初始状态", "from"),
    "to_class": ("转移状态", "to"),
    "model": ("模型", "model"),
    "term": ("项", "term"),
    "quadrant": ("象限", "quadrant"),
    "p_sim": ("置换 p 值", "permutation p"),
    "p_adjusted": ("校正后 p 值", "adjusted p"),
    "tier_name": ("层级名称", "tier name"),
    "decision_name": ("决策名称", "decision name"),
    "stability": ("稳定性", "stability"),
    "targets": ("以其为目标的地区数", "regions targeting it"),
    "capable": ("具备基础的地区数", "regions with the base"),
    "ratio": ("目标/基础比", "targets per capable region"),
    "level_name": ("预警等级名称", "alert level name"),
    "jaccard": ("重合度(Jaccard)", "Jaccard overlap"),
    "cosine": ("余弦相似度", "cosine similarity"),
    "maturity": ("成熟度", "maturity"),
    "transfer_mode_name": ("转化模式名称", "transfer mode name"),
    "role_name": ("角色名称", "role name"),
    "creation": ("知识创造得分", "knowledge creation"),
    "absorption": ("吸收转化得分", "absorption"),
    "source_code": ("策源地代码", "source code"),
    "source": ("策源地", "source"),
    "carrier_code": ("承载地代码", "carrier code"),
    "carrier": ("承载地", "carrier"),
    "distance_km": ("距离(公里)", "distance (km)"),
    "main_part": ("主要贡献项", "main part"),
    "first_year": ("起始年份", "first year"),
    "last_year": ("截止年份", "last year"),
    "years": ("年数", "years"),
    "values": ("数值个数", "values"),
    "missing": ("缺失个数", "missing"),
    "unit": ("单位", "unit"),
    "name_zh": ("中文名称", "Chinese name"),
    "name_en": ("英文名称", "English name"),
    "item": ("项目", "item"),
    "G": ("总体基尼系数", "overall Gini"),
    "G_ci_low": ("基尼系数区间下限", "Gini interval low"),
    "G_ci_high": ("基尼系数区间上限", "Gini interval high"),
    "within": ("区域内差异", "within"),
    "between": ("区域间净值差异", "net between"),
    "transvariation": ("超变密度", "transvariation"),
    "within_share": ("区域内贡献率", "within share"),
    "between_share": ("区域间贡献率", "between share"),
    "transvariation_share": ("超变密度贡献率", "transvariation share"),
    "moran_I": ("全局莫兰指数", "Moran's I"),
    "z_norm": ("正态近似 z 值", "z (normal approximation)"),
    "p_norm": ("正态近似 p 值", "p (normal approximation)"),
    "coverage_creation": ("知识创造数据覆盖率", "coverage of creation data"),
    "coverage_absorption": ("吸收转化数据覆盖率", "coverage of absorption data"),
    "creation_level": ("知识创造水平", "creation level"),
    "absorption_level": ("吸收转化水平", "absorption level"),
    "energy": ("能源条件", "energy"),
    "land": ("土地条件", "land"),
    "labour": ("劳动力条件", "labour"),
    "talent": ("人才条件", "talent"),
    "net_flow": ("技术净流出", "net technology outflow"),
    "net_flow_trend": ("技术净流出趋势", "trend of net outflow"),
    "by": ("排序依据", "ranked by"),
    "knowledge_gap": ("知识势差", "knowledge gap"),
    "base_fit": ("产业基础匹配", "base fit"),
    "absorptive_capacity": ("吸收能力", "absorptive capacity"),
    "distance_decay": ("距离衰减", "distance decay"),
    "strategic_link": ("战略关联", "strategic link"),
    "complementarity": ("要素互补", "complementarity"),
    "shared": ("共同区域战略", "shared regional strategy"),
    "profile": ("权重方案", "weight profile"),
    "source_lon": ("策源地经度", "source longitude"),
    "source_lat": ("策源地纬度", "source latitude"),
    "carrier_lon": ("承载地经度", "carrier longitude"),
    "carrier_lat": ("承载地纬度", "carrier latitude"),
    "hhi": ("集中度 HHI", "HHI"),
    "driver_basis": ("动力判定依据", "driver basis"),
    "enterprise_rd_share": ("企业研发占比(%)", "enterprise R&D share (%)"),
    "research_class": ("研发能力等级", "research class"),
    "reason_zh": ("理由（中文）", "reason (Chinese)"),
    "reason_en": ("理由（英文）", "reason (English)"),
    "rd_expenditure": ("R&D经费", "R&D expenditure"),
    "rd_researchers": ("R&D研究人员", "R&D researchers"),
    "basic_research": ("基础研究经费", "basic research"),
    "invention_patents": ("发明专利", "invention patents"),
    "tech_outflow": ("技术输出", "technology outflow"),
    "tech_inflow": ("技术吸纳", "technology inflow"),
    "industry_va": ("工业增加值", "industry value added"),
    "energy_supply": ("能源供给", "energy supply"),
    "labour_cost": ("劳动力成本", "labour cost"),
    "population": ("人口", "population"),
}

#: Prefixes of derived columns: c_<part> is a part's contribution to a score, z_<indicator> its z-score.
PREFIXES: dict[str, tuple[str, str]] = {"c_": ("贡献：", "contribution: "), "z_": ("标准化值：", "z-score: ")}


def column_label(key: str, lang: Lang = "zh") -> str:
    """Header of a column in ``lang`` (measure labels as a fallback, then the id itself)."""
    pair = COLUMNS.get(key) or MEASURES.get(key)
    if pair is None:
        for prefix, (zh, en) in PREFIXES.items():
            rest = key[len(prefix) :]
            if key.startswith(prefix) and (COLUMNS.get(rest) or MEASURES.get(rest)):
                return (en if lang == "en" else zh) + column_label(rest, lang)
        return key
    return pair[1] if lang == "en" else pair[0]
