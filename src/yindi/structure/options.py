"""Options of industrial structure and complexity (``[options.structure]``).

产业结构与经济复杂度的选项表（``[options.structure]``）。
"""

from __future__ import annotations

from yindi.options import Option, OptionTable, register
from yindi.structure._options import ATTRACTIVENESS, EMPTY, HOUSEHOLDS

TABLE = register(
    OptionTable(
        "structure",
        "产业结构与经济复杂度",
        "Industrial structure and complexity",
        (
            Option(
                "file",
                "sector_electricity.csv",
                "数据包中 CEADs 分行业用电量文件的名称",
                "Name of the CEADs electricity-by-sector file in the data pack",
            ),
            Option("households", "exclude", "居民生活用电行", "Residential-use rows", choices=HOUSEHOLDS),
            Option(
                "empty",
                "drop",
                "合计为零的地区或部门：剔除（并报告）或报错",
                "Regions or sectors with a zero total: drop (and report) or raise",
                choices=EMPTY,
            ),
            Option(
                "lq_threshold",
                1.0,
                "区位商专业化阈值",
                "Location-quotient specialisation threshold",
                low=0.0,
                high=100.0,
            ),
            Option(
                "rca_threshold",
                1.0,
                "显示性比较优势阈值",
                "Revealed-comparative-advantage threshold",
                low=0.0,
                high=100.0,
            ),
            Option("min_region_total", 0.0, "地区合计的最小值", "Minimum region total", low=0.0),
            Option("min_activity_total", 0.0, "部门合计的最小值", "Minimum sector total", low=0.0),
            Option(
                "attractiveness",
                "pci",
                "机会表的吸引力指标",
                "Attractiveness axis of the opportunity table",
                choices=ATTRACTIVENESS,
            ),
            Option(
                "top_opportunities",
                3,
                "每个地区列出的机会数",
                "Opportunities listed per region",
                low=1,
                high=50,
            ),
            Option(
                "sector_shift_years",
                10,
                "三次产业结构变动的比较跨度（年）：报告年份与此前该年数的年份（无数据时取最早年份）比较",
                "Span (years) of the three-sector shift: the report year against this many years before (the "
                "earliest year with data when that year has none)",
                low=1,
                high=50,
            ),
            Option(
                "sector_sum_tolerance",
                0.02,
                "三次产业增加值之和与 GDP 的相对差超过该值时列出（不修改数据）",
                "List unit-years whose three sectors differ from GDP by more than this share (data unchanged)",
                low=0.0,
                high=1.0,
            ),
        ),
    )
)
