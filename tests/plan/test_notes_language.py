"""The lay-out layer's notes (caveats, attribution, missing evidence) come in the reader's language: a Chinese
一地一策 page printed them in English until the notes were built as (Chinese, English) pairs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yindi.plan.run import PlanResults, compute_plan

#: Latin words a Chinese note may hold: data-source names, the attribution's repository, commit, file and licence
#: (given verbatim), and the NBS term R&D.
ALLOWED = {"CEADs", "AFAN", "afan", "life", "LIFE", "GitHub", "macropage", "commit", "data", "stock_basic", "csv",
           "Tushare", "CC", "BY", "Malmquist", "R", "D"}  # fmt: skip


@pytest.fixture(scope="module")
def res(provinces_dir: Path, panel) -> PlanResults:  # type: ignore[no-untyped-def]
    return compute_plan(panel, data_dir=provinces_dir, year=2023, options={"draws": 0}, lang="zh")


def test_chinese_notes_have_no_stray_english(res: PlanResults) -> None:
    notes = res.notes("zh")
    assert len(notes) >= 8  # taxonomy, electricity proxy + exclusions, firms, census, missing evidence, modes
    stray = {w for n in notes for w in re.findall(r"[A-Za-z][A-Za-z_]*", re.sub(r"[0-9a-f]{40}", "", n))}
    assert not stray - ALLOWED, sorted(stray - ALLOWED)
    assert any("用电区位商" in n or "代理指标" in n for n in notes)
    assert any(n.startswith("缺少证据 — 用电 西藏 (540000)") for n in notes)  # 西藏 is not in the CEADs table


def test_english_notes_are_the_same_list(res: PlanResults) -> None:
    zh, en = res.notes("zh"), res.notes("en")
    evidence = len(res.evidence.notes)
    assert len(res.evidence.notes_zh) == evidence  # one Chinese note for every English one
    assert zh[evidence:] != en[evidence:]
    assert not any(re.search(r"[\u4e00-\u9fff]", n) for n in en[:evidence] if "firms have an area" not in n)
    assert (
        "reason_zh" in res.evidence.missing.columns
        and res.evidence.missing["reason_zh"].str.len().gt(0).all()
    )
