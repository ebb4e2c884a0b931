"""What every report section receives and returns.

A section is a function ``build(ctx: ReportContext) -> Section | None`` in ``yindi.report.sections.<name>``.
It reads results (it runs the public model functions of its package) and returns HTML in the report language
plus the tables that go to the Excel workbook. Sections never write files and never print.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from yindi._typing import Lang
from yindi.data.panel import Panel
from yindi.study import Study


@dataclass(frozen=True)
class Section:
    """One part of the report.

    Attributes
    ----------
    id : str
        Anchor and sheet prefix, e.g. ``"index"``.
    title : str
        Heading in the report language.
    html : str
        Body markup (figures, tables, text) in the report language; no ``<script>`` from a CDN.
    tables : Mapping[str, DataFrame]
        Tables for the Excel workbook; keys become sheet names (≤ 31 characters).
    notes : tuple of str
        Method notes and caveats shown at the end of the section.
    """

    id: str
    title: str
    html: str
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportContext:
    """The loaded data and the study choices, shared by all sections.

    ``panel`` is everything that was imported (national totals included); ``analysis`` is the set of
    regions analyses use by default: the 31 mainland provinces, or 30 with ``study.exclude_tibet``.
    """

    panel: Panel
    study: Study
    year: int
    used_options: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def lang(self) -> Lang:
        return self.study.lang

    @property
    def seed(self) -> int:
        return self.study.seed

    def tr(self, zh: str, en: str) -> str:
        """Pick the text for the report language."""
        return en if self.study.lang == "en" else zh

    def option(self, section: str, name: str, default: Any) -> Any:
        """A method choice of ``section`` (from the study file, else ``default``); recorded so that the study
        file written beside the report lists every choice actually used, defaults included."""
        value = self.study.options.get(section, {}).get(name, default)
        if value is None:
            value = default
        self.used_options.setdefault(section, {})[name] = value
        return value

    @cached_property
    def analysis(self) -> Panel:
        return self.panel.mainland(exclude_tibet=self.study.exclude_tibet)

    def region_name(self, code: str) -> str:
        """Short Chinese or English name of an adcode ("全国"/"China" for 100000)."""
        from yindi.regions import registry

        if code == "100000":
            return self.tr("全国", "China")
        return registry().get(code).name(self.lang)

    def indicator_label(self, indicator: str) -> str:
        return self.panel.indicator(indicator).label(self.lang)
