"""Options of the composite index (``[options.index]`` in a study file) — the one table read by the study,
the CLI, the API and the docs.

综合指数的选项表（研究设定文件中的 ``[options.index]``）。
"""

from __future__ import annotations

from yindi.index._options import AGGREGATIONS, NORMALIZATIONS, SCOPES
from yindi.options import Option, OptionTable, register

TABLE = register(
    OptionTable(
        "index",
        "新质生产力综合指数",
        "NQPF composite index",
        (
            Option(
                "preset",
                "auto",
                "指标体系（内置名称或 TOML 文件路径）；auto：按层级（省级 nqpf_three_elements，市级 nqpf_city）",
                "Indicator system (a built-in name or a TOML file); auto: by level (provinces "
                "nqpf_three_elements, cities nqpf_city)",
            ),
            Option(
                "weighting",
                "entropy",
                "赋权方法",
                "Weighting method",
                choices=("entropy", "critic", "cv", "pca", "equal"),
            ),
            Option("aggregation", "topsis", "集成方法", "Aggregation method", choices=AGGREGATIONS),
            Option("normalization", "minmax", "标准化方法", "Normalisation", choices=NORMALIZATIONS),
            Option(
                "scope",
                "panel",
                "标准化与赋权的范围：全部年份（各年可比）或逐年",
                "Normalise and weight over all years (comparable across years) or year by year",
                choices=SCOPES,
            ),
            Option(
                "draws",
                2000,
                "排名区间的 Dirichlet 权重抽样次数",
                "Dirichlet weight draws for the rank intervals",
                low=10,
                high=100_000,
            ),
            Option(
                "concentration",
                100.0,
                "Dirichlet 集中度（越大越接近原权重）",
                "Dirichlet concentration (larger = closer to the fitted weights)",
                low=0.1,
                high=1e6,
            ),
            Option(
                "top_k",
                5,
                "报告“进入前 k 名”的概率",
                "Report the probability of a top-k rank",
                low=1,
                high=100,
            ),
        ),
    )
)
