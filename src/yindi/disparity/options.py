"""Options of regional disparities and their dynamics (``[options.disparity]``).

区域差异与动态演进的选项表（``[options.disparity]``）。
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register

TABLE = register(
    OptionTable(
        "disparity",
        "区域差异与动态演进",
        "Disparities and dynamics",
        (
            Option(
                "indicator",
                "auto",
                "分析的指标（数据中的指标或指数指标体系的派生指标）；auto：按层级（省级 rd_intensity，市级 "
                "gdp_per_capita）",
                "Indicator analysed (a data indicator or a ratio of the index preset); auto: by level (provinces "
                "rd_intensity, cities gdp_per_capita)",
            ),
            Option(
                "grouping",
                "nbs4",
                "Dagum 分解的地区分组（市、县按所属省份归组）",
                "Grouping of the Dagum decomposition (cities and counties through their province)",
                choices=("nbs4", "three_belts", "three_belts_1986"),
            ),
            Option(
                "bootstrap",
                200,
                "Dagum 基尼系数的自助法次数（0：不计算区间）",
                "Bootstrap replicates of the Dagum Gini (0: no interval)",
                low=0,
                high=100_000,
            ),
            Option(
                "markov_classes",
                4,
                "马尔可夫状态数（相对水平分位数）",
                "Markov states (quantiles of relative values)",
                low=2,
                high=10,
            ),
            Option(
                "kde_points",
                100,
                "核密度曲线的网格点数",
                "Grid points of the kernel densities",
                low=10,
                high=10_000,
            ),
        ),
    )
)
