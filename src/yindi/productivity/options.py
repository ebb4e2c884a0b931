"""Options of innovation efficiency and productivity (``[options.productivity]``).

创新效率与全要素生产率的选项表（``[options.productivity]``）。
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register
from yindi.productivity._options import FRONTIERS, PREFILTER_ABOVE, RTS_OPTIONS

TABLE = register(
    OptionTable(
        "productivity",
        "创新效率与全要素生产率",
        "Innovation efficiency and productivity",
        (
            Option(
                "inputs",
                ("rd_personnel_fte", "rd_expenditure"),
                "DEA 投入指标",
                "DEA input indicators",
            ),
            Option(
                "outputs",
                ("invention_patents_granted", "tech_contract_turnover", "firms_new_product_sales"),
                "DEA 期望产出指标",
                "DEA desirable output indicators",
            ),
            Option(
                "undesirable",
                ("co2_emissions",),
                "绿色变体的非期望产出指标（留空则不计算绿色变体）",
                "Undesirable outputs of the green variant (empty: no green variant)",
            ),
            Option(
                "first_year",
                2018,
                "Malmquist 分析的起始年",
                "First year of the Malmquist analysis",
                low=1949,
                high=2100,
            ),
            Option(
                "last_year",
                None,
                "分析的结束年（默认：报告年份）",
                "Last year of the analysis (default: the report year)",
                type=int,
                nullable=True,
                low=1949,
                high=2100,
            ),
            Option(
                "malmquist_frontier",
                "contemporaneous",
                "Malmquist 指数的前沿",
                "Frontier of the Malmquist index",
                choices=FRONTIERS,
            ),
            Option(
                "malmquist_rts",
                "vrs",
                "Malmquist 分解的规模报酬",
                "Returns to scale of the decomposition",
                choices=RTS_OPTIONS,
            ),
            Option(
                "green_frontier",
                "global",
                "绿色 Malmquist–Luenberger 指数的前沿",
                "Frontier of the green Malmquist–Luenberger index",
                choices=FRONTIERS,
            ),
            Option(
                "green_rts",
                "vrs",
                "绿色 SBM 的规模报酬",
                "Returns to scale of the green SBM",
                choices=RTS_OPTIONS,
            ),
            Option(
                "frame_prefilter_above",
                PREFILTER_ABOVE,
                "参照集超过此单元数时，先以种子、占优与种子包络预筛前沿（结果不变，只更快）",
                "Reference sets larger than this are pre-filtered (seeds, dominance, envelopment by the seeds) "
                "before the frontier is decomposed; results are identical, only faster",
                low=0,
            ),
        ),
    )
)


def frame_prefilter_limit(value: int | None) -> int:
    """The validated ``frame_prefilter_above`` option: ``value``, or the table's default when None."""
    given = {} if value is None else {"frame_prefilter_above": value}
    return int(TABLE.resolve(given)["frame_prefilter_above"])
