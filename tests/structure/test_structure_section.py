"""The report section on the real data: present with the CEADs file, absent (None) without it, fast."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from yindi.report.base import context
from yindi.report.sections import structure as section
from yindi.study import Study


@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_section_on_real_data(panel, provinces_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    ctx = context(
        Study(data=str(provinces_dir), lang=lang, year=2023), panel, nodes=section.NODES, store=False
    )
    sec = section.build(ctx)
    elapsed = time.perf_counter() - start
    assert sec is not None and sec.id == "structure"
    assert elapsed < 30  # compute + render: a few seconds on a quiet machine (shared 2-core machine here)
    text = sec.html + " ".join(sec.notes)
    assert ("代理指标" in text) if lang == "zh" else ("proxy" in text)
    assert "2022" in sec.html  # report year 2023 falls back to the last data year
    assert {
        "structure_tiers",
        "structure_lq",
        "structure_similarity",
        "structure_eci",
    } <= set(sec.tables)
    # the electricity-only opportunities are no longer shown; readers are sent to the layout section
    assert "structure_opportunities" not in sec.tables
    assert ("布局" in sec.html) or ("Layout" in sec.html)
    assert all(len(name) <= 31 for name in sec.tables)
    assert "Total Final Consumption" in set(sec.tables["structure_excluded"]["label"])
    # the CEADs quirk is named: fixed industrial proportions in eight provinces (e.g. Shanghai)
    assert any(
        ("上海" in n and "固定比例" in n) or ("Shanghai" in n and "fixed proportions" in n) for n in sec.notes
    )
    # one language per report
    assert ("Structure measured" in " ".join(sec.notes)) == (lang == "en")


def test_without_the_file_the_section_shows_the_three_sectors(panel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context(Study(data=str(tmp_path), year=2022), panel, nodes=section.NODES, store=False)
    assert ctx.result("structure") is None
    sec = section.build(ctx)  # no CEADs file: the three sectors of the panel (value added), not electricity
    assert sec is not None and sec.title == "三次产业结构与变动" and "31 个省份" in sec.html
    assert not any("城市" in n or "首次公布" in n for n in sec.notes)  # the provincial series are revised
    without = panel.select(indicators=[i for i in panel.indicators if not i.startswith("va_")])
    ctx = context(Study(data=str(tmp_path), year=2022), without, nodes=section.NODES, store=False)
    assert section.build(ctx) is None


@pytest.mark.realdata
def test_section_options_from_the_study(panel, provinces_dir: Path) -> None:  # type: ignore[no-untyped-def]
    study = Study(
        data=str(provinces_dir), options={"structure": {"top_opportunities": 1, "rca_threshold": 1.25}}
    )
    ctx = context(replace(study, year=2022), panel, nodes=section.NODES, store=False)
    sec = section.build(ctx)
    assert sec is not None
    assert ctx.results["structure"].table("opportunities").groupby("region_code").size().max() == 1
    used = ctx.study.options["structure"]
    assert used["rca_threshold"] == 1.25 and used["empty"] == "drop"  # defaults are recorded too
