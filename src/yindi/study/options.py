"""Every options table a study can set, and the study's own report-level table.

研究可设置的全部选项表：各分析的表在各自的包内（``yindi.<area>.options``），这里登记报告层面的选择。
"""

from __future__ import annotations

import importlib
from typing import Any

from yindi.options import Option, OptionTable, register, tables

#: Seed of every stochastic routine when the user gives none (one definition for study, report and API).
DEFAULT_SEED = 20240305

#: Modules that declare option tables, imported before a study is validated. A new analysis adds its own.
OPTION_MODULES: tuple[str, ...] = (
    "yindi.study.options",
    "yindi.index.options",
    "yindi.typology.options",
    "yindi.productivity.options",
    "yindi.structure.options",
    "yindi.disparity.options",
    "yindi.spatial.options",
    "yindi.plan._options",
    "yindi.coordinate.options",
)

REPORT_TABLE = register(
    OptionTable(
        "report",
        "报告",
        "Report",
        (
            Option(
                "key_indicators",
                (),
                "关键指标：默认报告年份按这些指标的覆盖率选取；也是“关键指标地图”一节所画的指标。空：按层级默认"
                "（省级 gdp_per_capita、rd_intensity、tech_contract_turnover；市级 gdp_per_capita、tertiary_share、"
                "gdp_index，派生指标按指数指标体系计算）",
                "Key indicators: the default report year is chosen by their coverage; the key-indicator maps show "
                "them. Empty: the level's default (provinces gdp_per_capita, rd_intensity, tech_contract_turnover; "
                "cities gdp_per_capita, tertiary_share, gdp_index — ratios as the index preset defines them)",
            ),
            Option(
                "min_coverage",
                0.8,
                "报告年份规则：默认报告年份为至少该比例的地区（数据覆盖的地区）同时具备全部关键指标的最近年份；"
                "没有一年达到时取覆盖比例最高的最近年份并提示",
                "Report-year rule: the default report year is the latest year in which at least this share of the "
                "units the data cover have every key indicator; when no year reaches it, the latest year with the "
                "highest share (with a notice)",
                low=0.0,
                high=1.0,
            ),
        ),
    )
)


#: Modules with option tables outside a study (command-line tools, limits); documented in docs/options.md too.
OTHER_OPTION_MODULES: tuple[str, ...] = (
    "yindi.limits",
    "yindi.text.priorities",
    "yindi.data.checks",
    "yindi.plan.city_layout",
)

#: The analyses whose options a study file holds (``[options.<name>]``).
STUDY_ANALYSES: tuple[str, ...] = (
    "report",
    "index",
    "typology",
    "productivity",
    "structure",
    "disparity",
    "spatial",
    "weights",
    "plan",
    "coordinate",
)


def all_tables() -> dict[str, OptionTable]:
    """The study's tables (imports the modules of :data:`OPTION_MODULES` first)."""
    for name in OPTION_MODULES:
        importlib.import_module(name)
    return {k: v for k, v in tables().items() if k in STUDY_ANALYSES}


def documented_tables() -> dict[str, OptionTable]:
    """Every option table of the package (the study's and the tools'), for docs/options.md."""
    for name in (*OPTION_MODULES, *OTHER_OPTION_MODULES):
        importlib.import_module(name)
    return tables()


def resolve_options(given: Any) -> dict[str, dict[str, Any]]:
    """Validate a study's ``[options]`` and return every table resolved (defaults included)."""
    from yindi.options import resolve_all

    all_tables()
    return resolve_all(given, only=STUDY_ANALYSES)
