"""Report section 'typology' (placeholder until its capability lands)."""

from __future__ import annotations

from yindi.report.base import ReportContext, Section


def build(ctx: ReportContext) -> Section | None:
    return None
