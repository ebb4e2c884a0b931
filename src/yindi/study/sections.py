"""The report sections a study can ask for, in report order, and the analysis nodes each one renders.

报告章节：研究可选的章节（按报告顺序）及每一章节所呈现的分析节点。

The list lives in the pipeline layer so that a study is validated (``sections = [...]`` in ``study.toml``) and
the nodes a report needs are known without importing the report layer. The section code itself is in
``yindi.report.sections.<name>`` (a ``build(ctx)`` function); a new section adds its name and nodes here.
"""

from __future__ import annotations

#: Section name -> the analysis nodes (``yindi.study.nodes``) it renders, in report order: the key findings
#: first, the data coverage last as an appendix.
SECTION_NODES: dict[str, tuple[str, ...]] = {
    "summary": ("index", "typology", "productivity", "disparity", "spatial", "plan", "coordinate"),
    "maps": ("key_indicators",),
    "index": ("index",),
    "typology": ("typology",),
    "productivity": ("productivity",),
    "structure": ("structure", "sectors"),
    "disparity": ("disparity", "spatial"),
    "layout": ("plan",),
    "coordination": ("coordinate",),
    "coverage": ("coverage",),
}

#: Every report section, in report order.
SECTIONS: tuple[str, ...] = tuple(SECTION_NODES)

#: Sections shown as unnumbered appendices at the end (data coverage and methods).
APPENDIX: tuple[str, ...] = ("coverage",)

#: Short names of the sections (Chinese, English), for messages about a section that was not shown.
NAMES: dict[str, tuple[str, str]] = {
    "summary": ("要点", "Key findings"),
    "maps": ("关键指标地图", "Key indicators on the map"),
    "index": ("新质生产力综合指数", "NQPF composite index"),
    "typology": ("区域科技类型", "Regional S&T types"),
    "productivity": ("创新效率与全要素生产率", "Innovation efficiency and productivity"),
    "structure": ("产业结构", "Industrial structure"),
    "disparity": ("区域差异与空间格局", "Disparities and spatial patterns"),
    "layout": ("布局", "Layout"),
    "coordination": ("协同", "Coordination"),
    "coverage": ("数据覆盖", "Data coverage"),
}


def nodes_of(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The analysis nodes the named sections render, each once, in first-use order."""
    wanted: list[str] = []
    for name in names:
        wanted.extend(n for n in SECTION_NODES[name] if n not in wanted)
    return tuple(wanted)
