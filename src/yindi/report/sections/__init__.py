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
