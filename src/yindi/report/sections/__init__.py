"""Report sections, in report order. Each module exposes ``build(ctx: ReportContext) -> Section | None``.

To add a section: write ``yindi/report/sections/<name>.py`` with ``build`` and add its name here.
"""

from __future__ import annotations

SECTIONS: tuple[str, ...] = (
    "coverage",
    "maps",
    "index",
    "typology",
    "productivity",
    "structure",
    "disparity",
    "layout",
    "coordination",
)
