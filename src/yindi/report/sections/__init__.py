"""Report sections, in report order: the key findings first, the data coverage last as an appendix. Each module exposes ``build(ctx: ReportContext) -> Section | None``.

To add a section: write ``yindi/report/sections/<name>.py`` with ``build`` and add its name here.
"""

from __future__ import annotations

SECTIONS: tuple[str, ...] = (
    "summary",
    "maps",
    "index",
    "typology",
    "productivity",
    "structure",
    "disparity",
    "layout",
    "coordination",
    "coverage",
)

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
