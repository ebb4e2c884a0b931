"""Options of the lay-out layer: every weight and threshold, its default and the source passage it implements.

布局分析的全部权重与阈值（默认值及其依据的原文段落）。Sources: 000 = the chip example quoted in issue 10;
001 §2.2, 003 §2.2/§3.1/§3.2 = ``shared/domain/sources``; see docs/methods/plan.md.
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register

__all__ = ["DECISIONS", "PLAN_OPTIONS", "STABILITY_KEYS"]

#: Decision codes, in the order of the integer codes the kernels use (``insufficient_data`` = -1).
DECISIONS: tuple[str, ...] = ("upgrade", "grow", "preposition", "apply", "avoid", "monitor")

PLAN_OPTIONS = register(
    OptionTable(
        "plan",
        "布局",
        "Lay-out",
        (
            Option(
                "w_electricity",
                0.4,
                "综合能力中用电区位商的权重（代理指标）",
                "Weight of the electricity LQ (a proxy) in the combined capability",
                low=0,
                high=1,
            ),
            Option(
                "w_firms",
                0.4,
                "综合能力中上市公司 RCA 的权重",
                "Weight of the listed-firm RCA in the combined capability",
                low=0,
                high=1,
            ),
            Option(
                "w_census",
                0.2,
                "综合能力中普查就业区位商的权重（门类粒度）",
                "Weight of the census employment LQ (section level) in the combined capability",
                low=0,
                high=1,
            ),
            Option(
                "min_firms",
                10,
                "全国上市公司少于该数的产业改用其基础产业的 RCA",
                "Industries with fewer listed firms nationally borrow the RCA of their base industries",
                low=0,
            ),
            Option(
                "min_expected_firms",
                1.0,
                "地区该产业预期上市公司数（地区总数 × 全国占比）低于该值时，上市公司 RCA 记为缺失（样本太少）",
                "Firm RCA is missing where the region's expected count (its firms × the national share) is below "
                "this (too few firms to tell)",
                low=0,
            ),
            Option(
                "base_threshold",
                0.5,
                "综合能力不低于该值视为已有产业基础（0.5 对应区位商 1；来源003 §3.1“传统产业优势明显”）",
                "Capability at or above which a region has an industrial base (0.5 = LQ 1; source 003 "
                "§3.1 'regions with clear traditional-industry advantages')",
                low=0,
                high=1,
            ),
            Option(
                "near_base_margin",
                0.1,
                "综合能力距产业基础阈值不足该值时不列入“不做”清单（除碳约束外），改为跟踪观察：已有接近全国平均的"
                "产业存在，不能以关联度或研发条件判定“不做”（来源004：有所为有所不为，且不可“忽视传统产业转型升级”）",
                "Capability within this margin below the base threshold keeps an industry off the don't list "
                "(except under a carbon constraint) — it is monitored: a near-average presence is not ruled out "
                "on relatedness or research grounds (source 004: 有所为有所不为 without 'neglecting the "
                "upgrading of traditional industries')",
                low=0,
                high=1,
            ),
            Option(
                "density_low_region_quantile",
                0.5,
                "关联度低还须低于本地区全部产业关联密度的该分位数：产业结构单一的地区各产业关联密度普遍偏低，"
                "只看全国分位数会把其几乎所有产业列入“不做”",
                "Low relatedness also requires a density below this quantile of the region's own densities: "
                "undiversified regions have low densities everywhere, and the national quantile alone would put "
                "almost all their industries on the don't list",
                low=0,
                high=1,
            ),
            Option(
                "strong_base_threshold",
                0.6,
                "研发中等地区前瞻布局未来产业所需的基础产业能力（0.6 对应区位商 1.5；来源003 §3.1）",
                "Base capability a middle-research region needs to pre-position a future industry "
                "(0.6 = LQ 1.5; source 003 §3.1)",
                low=0,
                high=1,
            ),
            Option(
                "research_strong_rd",
                3.0,
                "研发强度（%）不低于该值为研发能力较强地区（来源003 §2.2 Ⅰ、Ⅱ类；§3.1 聚焦未来前沿产业）",
                "R&D intensity (%) from which a region is research-strong (source 003 §2.2 types I-II; "
                "§3.1 'focus on future and frontier industries')",
                low=0,
                high=20,
            ),
            Option(
                "research_middle_rd",
                2.0,
                "研发强度（%）不低于该值为研发能力中等地区（来源003 §2.2 Ⅲ类；§3.1 以战略性新兴产业为突破口）",
                "R&D intensity (%) from which a region is research-middle (source 003 §2.2 type III; §3.1 "
                "'strategic emerging industries as the breakthrough')",
                low=0,
                high=20,
            ),
            Option(
                "density_low_quantile",
                0.25,
                "关联密度低于该产业各地区的此分位数为“关联度低”（来源003 §3.1 防止盲目追风）",
                "Density below this quantile across regions (per industry) is 'low relatedness' (source "
                "003 §3.1 'avoid blindly chasing trends')",
                low=0,
                high=1,
            ),
            Option(
                "density_grow_quantile",
                0.5,
                "无基础时培育新兴产业所需的关联密度分位数（来源003 §3.1“产业链逐步向中高端升级”）",
                "Density quantile a region without a base needs to grow an emerging industry (source 003 "
                "§3.1 'move the chain up step by step')",
                low=0,
                high=1,
            ),
            Option(
                "market_quantile",
                0.5,
                "市场规模不低于该分位数视为有应用场景（来源000 芯片示例；003 §3.1“拥有丰富产业应用场景的地区”）",
                "Market-size quantile from which a region has application scenarios (source 000 chip "
                "example; 003 §3.1 'regions rich in application scenarios')",
                low=0,
                high=1,
            ),
            Option(
                "carbon_quantile",
                0.75,
                "碳排放强度不低于该分位数为碳约束地区（来源001 §2.2 高耗能行业低碳转型）",
                "CO2-intensity quantile from which a region is carbon-constrained (source 001 §2.2 "
                "'low-carbon transition of energy-intensive industries')",
                low=0,
                high=1,
            ),
            Option(
                "energy_quantile",
                0.75,
                "发电量/用电量位次不低于该值为能源富集地区：数据中心、新能源可培育，氢能、储能可做场景应用（来源001 §2.1"
                "“东技西能”“东数西算”；003 §3.1“基础设施与数据资源丰富的地区可着力打造数据中心”）",
                "Generation/consumption rank from which a region is energy-rich: it may grow data centres and new "
                "energy and apply hydrogen and storage (source 001 §2.1 'east: technology, west: energy'; 003 §3.1)",
                low=0,
                high=1,
            ),
            Option(
                "transfer",
                True,
                "研发非强地区可承接关联度高的中高端传统产业转移（来源003 §3.2 中西部承接产业梯度转移）",
                "Regions that are not research-strong may take over related mid/high-tier traditional "
                "industries (source 003 §3.2 'take over industries moving inland')",
            ),
            Option(
                "w_score_capability",
                0.5,
                "得分中能力的权重",
                "Weight of capability in the score",
                low=0,
                high=1,
            ),
            Option(
                "w_score_density",
                0.25,
                "得分中关联密度的权重",
                "Weight of relatedness in the score",
                low=0,
                high=1,
            ),
            Option(
                "w_score_research",
                0.25,
                "得分中研发能力的权重（新兴与未来产业）",
                "Weight of research capacity in the score (emerging and future industries)",
                low=0,
                high=1,
            ),
            Option(
                "crowded_ratio",
                2.0,
                "目标地区数 / 具备能力地区数不低于该值为高度预警（来源003 §3.2“一哄而上”；002 §3 内卷式竞争）",
                "Targets per capable region from which herding is a high alert (source 003 §3.2 "
                "'rushing in'; 002 §3 'involution-style competition')",
                low=0,
            ),
            Option(
                "watch_ratio",
                1.0,
                "目标地区数 / 具备能力地区数不低于该值为关注",
                "Targets per capable region from which herding is a watch",
                low=0,
            ),
            Option(
                "min_targets", 3, "目标地区少于该数不预警", "No herding alert below this many targets", low=0
            ),
            Option(
                "list_top",
                10,
                "每个地区“有所为/有所不为”清单的最多条目数",
                "Most items per region in each do / don't list",
                low=1,
                high=200,
            ),
            Option(
                "tfp_share_threshold",
                0.5,
                "全要素生产率贡献份额不低于该值为技术驱动（来源003 §3.2 要素驱动向技术驱动过渡）",
                "TFP share of output growth from which growth is technology-driven (source 003 §3.2 "
                "'from factor-driven to technology-driven')",
                low=0,
                high=1,
            ),
            Option(
                "draws", 200, "稳定性蒙特卡洛抽样次数", "Monte Carlo draws for stability", low=0, high=100_000
            ),
            Option(
                "jitter",
                0.2,
                "权重与阈值的相对扰动幅度（均匀分布 ±）",
                "Relative perturbation of weights and thresholds (uniform ±)",
                low=0,
                high=1,
            ),
            Option("seed", 20240101, "随机数种子", "Random seed", low=0),
        ),
    )
)

#: The numeric options perturbed by the stability analysis.
STABILITY_KEYS: tuple[str, ...] = (
    "w_electricity",
    "w_firms",
    "w_census",
    "base_threshold",
    "strong_base_threshold",
    "research_strong_rd",
    "research_middle_rd",
    "density_low_quantile",
    "density_grow_quantile",
    "market_quantile",
    "carbon_quantile",
    "energy_quantile",
)
