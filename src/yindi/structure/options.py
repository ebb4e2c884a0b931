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
        ),
    )
)
