"""Options of the S&T typology (``[options.typology]``).

区域科技类型的选项表（``[options.typology]``）。
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register

TABLE = register(
    OptionTable(
        "typology",
        "区域科技类型",
        "Regional S&T types",
        (
            Option(
                "year",
                None,
                "划分类型的年份（默认：报告年份及以前两项指标覆盖全部地区的最近年份）",
                "Year of the types (default: the latest year up to the report year in which both indicators "
                "cover every region)",
                type=int,
                nullable=True,
                low=1949,
                high=2100,
            ),
            Option(
                "gdp_rule",
                "flag",
                "人均GDP条件（文献003）：标注、严格执行或忽略",
                "Source 003's GDP-per-capita condition: flag, enforce or ignore",
                choices=("flag", "strict", "ignore"),
            ),
            Option(
                "cluster_method",
                "kmeans",
                "数据驱动聚类的方法",
                "Method of the data-driven clusters",
                choices=("kmeans", "ward"),
            ),
            Option(
                "clusters",
                None,
                "聚类个数（默认：按平均轮廓系数在 2–8 中选）",
                "Number of clusters (default: chosen in 2–8 by mean silhouette)",
                type=int,
                nullable=True,
                low=2,
                high=20,
            ),
        ),
    )
)
