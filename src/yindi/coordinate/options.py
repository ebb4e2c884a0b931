"""Options of the coordination analysis (``[options.coordinate]``): axis weights, role thresholds, pair weights.

协同分析的选项表（``[options.coordinate]``）：两条轴的指标权重、角色阈值、配对得分各部分的权重。

Component weights are relative (they are divided by their sum over the components a region has), so ``1`` for
every component means equal weights; no source document ranks the components, so equal weights are the default.
"""

from __future__ import annotations

from yindi.coordinate.axes import ABSORPTION, CREATION, MANUFACTURING_SHARE
from yindi.options import Option, OptionTable, register

_AXIS_WEIGHTS = tuple(
    Option(
        f"w_{c.id}",
        1.0,
        f"{axis_zh}指标“{c.name_zh}”的相对权重",
        f"Relative weight of '{c.name_en}' on the {axis_en} axis",
        low=0.0,
        high=100.0,
    )
    for comps, axis_zh, axis_en in (
        (CREATION, "知识创造轴", "knowledge-creation"),
        ((*ABSORPTION, MANUFACTURING_SHARE), "吸收转化轴", "absorption"),
    )
    for c in comps
)

#: Default weights of the pair score's parts (the score is their weighted sum; see docs/methods/coordinate.md).
PAIR_WEIGHTS: dict[str, float] = {
    "knowledge_gap": 0.30,
    "base_fit": 0.15,
    "absorptive_capacity": 0.20,
    "distance_decay": 0.15,
    "strategic_link": 0.10,
    "complementarity": 0.10,
}

_PAIR_HELP: dict[str, tuple[str, str]] = {
    "knowledge_gap": (
        "知识势差（策源地创造得分 − 承载地创造得分）",
        "knowledge gap (source's creation − carrier's)",
    ),
    "base_fit": ("承载地在相关产业的基础（来自布局证据）", "carrier's base in the industry (plan evidence)"),
    "absorptive_capacity": ("承载地吸收转化能力", "carrier's absorptive capacity"),
    "distance_decay": ("距离衰减 exp(−d/d0)", "distance decay exp(−d/d0)"),
    "strategic_link": ("共同国家战略区域（Jaccard）", "shared strategic regions (Jaccard)"),
    "complementarity": ("禀赋互补（能源、土地、劳动力）", "endowment complementarity (energy, land, labour)"),
}

_PAIR_OPTIONS = tuple(
    Option(
        f"pair_w_{k}",
        v,
        f"配对得分权重：{_PAIR_HELP[k][0]}",
        f"Pair-score weight: {_PAIR_HELP[k][1]}",
        low=0.0,
        high=10.0,
    )
    for k, v in PAIR_WEIGHTS.items()
)

TABLE = register(
    OptionTable(
        "coordinate",
        "区域协同",
        "Regional coordination",
        (
            Option(
                "year",
                None,
                "角色与配对的年份（默认：所需指标均覆盖至少半数地区的最近年份）",
                "Year of roles and pairs (default: the latest year in which every needed indicator covers at least "
                "half the regions)",
                type=int,
                nullable=True,
                low=1949,
                high=2100,
            ),
            *_AXIS_WEIGHTS,
            Option(
                "creation_threshold",
                0.5,
                "知识创造轴阈值（标准分，≥ 即为创新策源能力强；默认高于地区均值 0.5 个标准差，约前三分之一）",
                "Creation-axis threshold (standard score; ≥ means a strong knowledge creator; default half a "
                "standard deviation above the regional mean, about the top third)",
                low=-5.0,
                high=5.0,
            ),
            Option(
                "absorption_threshold",
                0.0,
                "吸收转化轴阈值（标准分，≥ 即为承载能力强；默认为地区均值）",
                "Absorption-axis threshold (standard score; ≥ means a strong carrier; default the regional mean)",
                low=-5.0,
                high=5.0,
            ),
            Option(
                "trend_years",
                8,
                "技术净流出趋势所用年数（截至分析年份）",
                "Years (up to the analysis year) over which the net technology-flow trend is fitted",
                low=3,
                high=40,
            ),
            *_PAIR_OPTIONS,
            Option(
                "distance_scale_km",
                1000.0,
                "距离衰减尺度 d0（公里）：exp(−d/d0)，1000 公里处衰减到 0.37",
                "Distance-decay scale d0 in km: exp(−d/d0) falls to 0.37 at 1,000 km",
                low=1.0,
                high=100_000.0,
            ),
            Option(
                "eligible",
                "roles",
                "参与配对的地区：roles＝策源地为 source/both，承载地为除纯策源地外的所有地区（欠发达地区承载转化，"
                "文献 001 §1.2）；strict＝承载地须为 carrier/both；all＝所有地区对",
                "Which pairs are scored: 'roles' = sources are source/both, carriers every region but a pure "
                "source (less developed regions carry transfers, 001 §1.2); 'strict' = carriers must be "
                "carrier/both; 'all' = every ordered pair",
                choices=("roles", "strict", "all"),
            ),
            Option("top", 5, "每个地区保留的最佳伙伴数", "Best partners kept per region", low=1, high=1000),
        ),
    )
)
