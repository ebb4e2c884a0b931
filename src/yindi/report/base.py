"""What every report section receives and returns.

A section is a function ``build(ctx: ReportContext) -> Section | None`` in ``yindi.report.sections.<name>``.
It renders the stored results of the analysis nodes (``ctx.result("index")``) — it computes nothing — and
returns HTML in the report language plus the tables that go to the Excel workbook. Sections never write files
and never print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from yindi._typing import Lang, Level
from yindi.data.panel import Panel
from yindi.study import Study
from yindi.study.result import NodeResult, StudyResults


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
    """What every section receives: the study, its results and the loaded data (for labels only).

    Sections render ``results`` (one :class:`~yindi.study.result.NodeResult` per analysis node); they compute
    nothing. ``panel`` is everything that was imported, used for indicator names and units.
    """

    panel: Panel
    study: Study
    results: StudyResults

    @property
    def year(self) -> int:
        return self.results.year

    @property
    def lang(self) -> Lang:
        return self.study.lang

    @property
    def seed(self) -> int:
        return self.study.seed

    @property
    def level(self) -> Level:
        return self.study.level

    @property
    def map_units(self) -> tuple[str, ...] | None:
        """The units a map draws: a study within one region (the cities of 广东) draws only its units, zoomed,
        without the South China Sea inset; ``None`` draws all of China with the inset."""
        return None if self.study.within is None else tuple(self.results.codes)

    def tr(self, zh: str, en: str) -> str:
        """Pick the text for the report language."""
        return en if self.study.lang == "en" else zh

    def result(self, node: str) -> NodeResult | None:
        """The node's result; ``None`` when the data lack what it needs or it failed (see :meth:`failure`)."""
        return self.results.get(node)

    def failure(self, node: str) -> str | None:
        """Why a node has no result, if it failed."""
        return self.results.failures.get(node)

    def region_name(self, code: str) -> str:
        """Short Chinese or English name of an adcode ("全国"/"China" for 100000)."""
        from yindi.regions import registry

        if code == "100000":
            return self.tr("全国", "China")
        return registry().get(code).name(self.lang)

    def unit_word(self) -> str:
        """The analysed units in prose: 省份/城市/县区 or provinces/cities/counties."""
        zh = {"province": "省份", "city": "城市", "county": "县区"}[self.study.level]
        en = {"province": "provinces", "city": "cities", "county": "counties"}[self.study.level]
        return self.tr(zh, en)

    def indicator_label(self, indicator: str) -> str:
        """ "Name (unit)" of a data indicator, or of a ratio a node computed (its meta ``indicator_label``)."""
        if indicator in self.panel.indicators:
            return self.panel.indicator(indicator).label(self.lang)
        for res in self.results.results.values():
            if res is not None and res.meta.get("indicator") == indicator and "indicator_label" in res.meta:
                return str(res.meta["indicator_label"])
        return indicator


def context(
    study: Study, panel: Panel | None = None, *, nodes: Sequence[str] | None = None, store: bool = True
) -> ReportContext:
    """Run the study's analyses (``nodes`` and their inputs; default all), or read them back from the store,
    and wrap them for the sections."""
    from yindi.data import load
    from yindi.study.pipeline import run

    data = panel if panel is not None else load(study.data, workspace=study.workspace)
    return ReportContext(data, study, run(study, data, nodes=nodes, store=store))
