"""Report sections, in report order: the key findings first, the data coverage last as an appendix. Each module exposes ``build(ctx: ReportContext) -> Section | None``.

To add a section: write ``yindi/report/sections/<name>.py`` with ``build`` and add its name and the nodes it
renders to :data:`yindi.study.sections.SECTION_NODES` (the pipeline validates studies and chooses the nodes to
run from there, without importing the report layer).
"""

from __future__ import annotations

from yindi.study.sections import APPENDIX, NAMES, SECTIONS

__all__ = ["APPENDIX", "NAMES", "SECTIONS"]
