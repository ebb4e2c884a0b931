"""Report sections 'layout' and 'coordination' rendered from a run on the real provincial pack: they render the
node tables (numbers equal), the Chinese output carries no Latin-letter labels beyond the justified ones, and the
English output is English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yindi.report.base import ReportContext, context
from yindi.report.sections import SECTIONS, coordination, layout
from yindi.study import Study

#: Latin words a Chinese section may contain, and why: data-source names and licence (attribution must be
#: verbatim), commit hash and file name of the attribution; "R&D" as in the official NBS term "R&D经费"; "z" the
#: standard-score symbol in the role sentences.
ALLOWED = {
    "CEADs", "AFAN", "afan", "life", "macropage", "GitHub", "LIFE", "commit", "data", "stock_basic", "csv",
    "Tushare", "CC", "BY", "R", "D", "z",
}  # fmt: skip


def _ctx(provinces_dir: Path, panel, lang: str) -> ReportContext:  # type: ignore[no-untyped-def]
    study = Study(data=str(provinces_dir), lang=lang, options={"plan": {"draws": 10}})
    return context(study, panel, nodes=("coordinate",), store=False)


@pytest.fixture(scope="module")
def zh(provinces_dir: Path, panel) -> ReportContext:  # type: ignore[no-untyped-def]
    return _ctx(provinces_dir, panel, "zh")


def _visible_text(html: str) -> str:
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)  # tags and attributes
    return re.sub(r"&[a-z]+;|&#\d+;", " ", text)


def _latin(text: str) -> set[str]:
    words = set(re.findall(r"[A-Za-z][A-Za-z_]*", text))
    return {w for w in words if w not in ALLOWED and not re.fullmatch(r"[0-9a-f]+", w)}


def test_sections_follow_disparity() -> None:
    assert SECTIONS.index("layout") == SECTIONS.index("disparity") + 1
    assert SECTIONS.index("coordination") == SECTIONS.index("layout") + 1


def test_layout_renders_the_plan_node(zh: ReportContext) -> None:
    sec = layout.build(zh)
    assert sec is not None
    res = zh.results["plan"]
    pf = res.table("portfolio")
    assert sec.tables["layout_portfolio"].equals(pf)
    # the intro's counts are the node's counts
    for d, n in res.meta["counts"].items():
        assert f"{n}" in sec.html, d
    # every region has a collapsible block with its full-portfolio counts
    assert sec.html.count("<details>") == pf["region_code"].nunique()
    bj = pf[pf["region_code"] == "110000"]
    n_do = int(bj["decision"].isin(["upgrade", "grow", "preposition", "apply"]).sum())
    assert f"北京：建议做 {n_do} 项、暂不布局 {int((bj['decision'] == 'avoid').sum())} 项" in sec.html
    assert any("CC BY 4.0" in n for n in sec.notes)
    assert any("代理指标" in n for n in sec.notes)


def test_coordination_renders_the_node(zh: ReportContext) -> None:
    sec = coordination.build(zh)
    assert sec is not None
    res = zh.results["coordinate"]
    pairs = res.table("pairs")
    assert sec.tables["coordination_pairs"].equals(pairs)
    best = pairs.sort_values("score", ascending=False).iloc[0]
    assert f"{best['score']:.3f}" in sec.html and str(best["reason"]) in sec.html
    assert "<svg" in sec.html and "南海诸岛" in sec.html
    assert any("京津冀" in n for n in sec.notes)


@pytest.mark.parametrize("mod", [layout, coordination])
def test_chinese_sections_have_no_stray_english(zh: ReportContext, mod) -> None:  # type: ignore[no-untyped-def]
    sec = mod.build(zh)
    assert sec is not None
    text = _visible_text(sec.title + sec.html) + " ".join(sec.notes)
    assert not _latin(text), sorted(_latin(text))[:20]


@pytest.mark.parametrize("mod", [layout, coordination])
def test_english_sections(provinces_dir: Path, panel, mod) -> None:  # type: ignore[no-untyped-def]
    en = _ctx(provinces_dir, panel, "en")
    sec = mod.build(en)
    assert sec is not None
    text = _visible_text(sec.html)
    assert not re.search(r"[\u4e00-\u9fff]{4,}", text.replace("南海诸岛", "")), re.findall(
        r"[\u4e00-\u9fff]{4,}", text
    )[:10]


def test_no_plan_node_no_section(provinces_dir: Path, panel) -> None:  # type: ignore[no-untyped-def]
    ctx = context(Study(data=str(provinces_dir)), panel, nodes=("coverage",), store=False)
    assert layout.build(ctx) is None and coordination.build(ctx) is None
