"""Options of spatial autocorrelation (``[options.spatial]``) and of the spatial weights (``[options.weights]``).

空间自相关（``[options.spatial]``）与空间权重（``[options.weights]``）的选项表。权重按研究的地区层级（省、市、县）构建。
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register
from yindi.spatial._options import ADJUSTS, CONTIGUITY_KINDS, ISLAND_POLICIES

TABLE = register(
    OptionTable(
        "spatial",
        "空间自相关",
        "Spatial autocorrelation",
        (
            Option("permutations", 999, "置换检验次数", "Permutations of the inference", low=0, high=99_999),
            Option(
                "alpha", 0.05, "LISA 显著性水平", "Significance level of LISA clusters", low=0.0001, high=0.5
            ),
            Option(
                "adjust", "none", "LISA 多重检验校正", "Multiple-testing correction of LISA", choices=ADJUSTS
            ),
        ),
    )
)

WEIGHTS_TABLE = register(
    OptionTable(
        "weights",
        "空间权重",
        "Spatial weights",
        (
            Option(
                "contiguity",
                "queen",
                "邻接类型（按研究的地区层级构建）",
                "Contiguity type (built at the study's level)",
                choices=CONTIGUITY_KINDS,
            ),
            Option(
                "islands",
                "nearest",
                "无邻接地区（如海南）：连接最近的地区或保持孤立",
                "Regions without neighbours (e.g. Hainan): link to the nearest region or keep isolated",
                choices=ISLAND_POLICIES,
            ),
        ),
    )
)
