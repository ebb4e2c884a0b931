"""Report sections only render node results: no section calls an analysis function of the library, and each
declares the nodes it renders (which exist)."""

from __future__ import annotations

import importlib
import re

import pytest

from conftest import REPO
from yindi.report.sections import SECTIONS

#: Library functions that compute results; they belong in yindi.study.nodes, never in a section.
COMPUTING = (
    "evaluate",
    "rank_intervals",
    "stage_types",
    "cluster_regions",
    "compare_with_source",
    "dea",
    "malmquist",
    "read_sector_electricity",
    "specialisation",
    "complexity",
    "opportunities",
    "tier_shares",
    "national_growth",
    "dagum_by_year",
    "kernel_density",
    "markov",
    "spatial_markov",
    "sigma_convergence",
    "beta_convergence",
    "contiguity",
    "moran",
    "local_moran",
    "coverage",
    "series",
    "wide",
)


@pytest.mark.parametrize("name", SECTIONS)
def test_section_calls_no_analysis(name: str) -> None:
    source = (REPO / "src" / "yindi" / "report" / "sections" / f"{name}.py").read_text(encoding="utf-8")
    called = sorted({f for f in COMPUTING if re.search(rf"(?<![\w\"'])\.?{f}\(", source)})
    assert not called, f"section {name!r} computes: {called}; move it into a node (yindi.study.nodes)"


@pytest.mark.parametrize("name", SECTIONS)
def test_section_declares_existing_nodes(name: str) -> None:
    from yindi.study.nodes import NODES

    module = importlib.import_module(f"yindi.report.sections.{name}")
    assert module.NODES and set(module.NODES) <= {n.name for n in NODES}
