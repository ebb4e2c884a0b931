"""The 'disparity' report section on the real provincial data (R&D intensity, NBS four macro-regions)."""

from __future__ import annotations

import inspect
import time
from pathlib import Path

import pytest

from yindi.report import charts, maps
from yindi.report.base import context
from yindi.study import Study


def _svg(*args: object, **kwargs: object) -> str:
    return "<svg></svg>"


@pytest.fixture
def figures_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use the real maps and charts when they exist; stand-ins while they are being implemented."""
    for module, names in ((maps, ["category_map"]), (charts, ["line_chart", "stacked_bar_chart", "heatmap"])):
        for name in names:
            fn = getattr(module, name, None)
            if fn is None or "NotImplementedError" in inspect.getsource(fn):
                monkeypatch.setattr(module, name, _svg, raising=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_section_on_real_data(panel, provinces_dir: Path, lang: str, figures_available: None) -> None:  # type: ignore[no-untyped-def]
    from yindi.report.sections.disparity import build

    start = time.perf_counter()
    ctx = context(
        Study(data=str(provinces_dir), lang=lang, year=2023),
        panel,
        nodes=("disparity", "spatial"),
        store=False,
    )
    section = build(ctx)
    elapsed = time.perf_counter() - start
    assert section is not None
    assert elapsed < 30  # compute + render: a few seconds on a quiet machine (shared 2-core machine here)
    assert section.id == "disparity"
    assert ("Dagum 基尼系数分解" if lang == "zh" else "Dagum Gini decomposition") in section.html
    dagum = section.tables["disparity_dagum"]
    assert list(dagum["year"]) == list(range(2011, 2024))
    parts = dagum["within"] + dagum["between"] + dagum["transvariation"]
    assert ((parts - dagum["G"]).abs() < 1e-12).all()
    assert (dagum["G_ci_low"] < dagum["G"]).all() and (dagum["G"] < dagum["G_ci_high"]).all()
    lisa = section.tables["disparity_lisa"]
    assert len(lisa) == 31 and set(lisa["cluster"]) <= {"HH", "LL", "HL", "LH", "ns"}
    assert all(len(name) <= 31 for name in section.tables)
    assert ctx.study.options["disparity"]["indicator"] == "auto"  # the provinces' default: R&D intensity
    assert ctx.result("disparity").meta["indicator"] == "rd_intensity"


def test_section_skips_missing_indicator(panel, provinces_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from yindi.report.sections.disparity import build

    study = Study(
        data=str(provinces_dir), year=2023, options={"disparity": {"indicator": "no_such_indicator"}}
    )
    ctx = context(study, panel, nodes=("disparity", "spatial"), store=False)
    assert build(ctx) is None and ctx.result("disparity") is None
    assert "spatial" in ctx.results.failures  # its input is missing: skipped, and said so


def test_section_without_tibet(panel, provinces_dir: Path, figures_available: None) -> None:  # type: ignore[no-untyped-def]
    from yindi.report.sections.disparity import build

    study = Study(data=str(provinces_dir), exclude_tibet=True, year=2023)
    ctx = context(study, panel, nodes=("disparity", "spatial"), store=False)
    section = build(ctx)
    assert section is not None
    assert len(section.tables["disparity_lisa"]) == 30
    assert "540000" not in set(section.tables["disparity_lisa"]["region_code"])
