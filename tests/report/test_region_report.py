"""The per-region report (一地一策): summary first, numbers traceable to the Excel twin, 'not computed' states,
and the page rendered by a real headless Chromium with its map."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
import api_fakes as fakes

from yindi.report.region import write_index_page, write_region_report

NAMES = {k: v[0] for k, v in fakes.INDICATORS.items()}


@pytest.fixture(scope="module")
def zhejiang(tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("region")
    return write_region_report(fakes.results(), "330000", out, indicator_names=NAMES)


def test_summary_comes_first_and_every_reference_is_a_sheet(zhejiang):
    html = zhejiang.html.read_text(encoding="utf-8")
    assert html.index('id="summary"') < html.index('id="evidence"')
    refs = set(re.findall(r'href="#(T\d+)"', html))
    sheets = set(pd.ExcelFile(zhejiang.excel).sheet_names) - {"来源"}
    assert refs and refs <= sheets
    for t in sheets:
        assert f'id="{t}"' in html


def test_summary_numbers_match_the_stored_tables(zhejiang):
    html = zhejiang.html.read_text(encoding="utf-8")
    rk = fakes.results()["index"].tables["ranking"].set_index("region_code")
    iv = fakes.results()["index"].tables["intervals"].set_index("region_code")
    assert f"{rk.at['330000', 'rank']} / 31" in html
    assert f"{iv.at['330000', 'rank_low']}–{iv.at['330000', 'rank_high']}" in html
    assert f"{rk.at['330000', 'score']:.3f}" in html
    book = pd.read_excel(zhejiang.excel, sheet_name=None)
    t1 = book["T1"]
    assert t1.at[0, "得分"] == pytest.approx(rk.at["330000", "score"])
    pf = fakes.results()["plan"].tables["portfolio"]
    build = pf[(pf["region_code"] == "330000") & (pf["decision"] != "avoid")]
    sheet = next(f for f in book.values() if "决策" in f.columns and "改造提升" in set(f["决策"]))
    assert sorted(sheet["产业代码"]) == sorted(build["industry_id"])


def test_chinese_report_has_no_stray_english(zhejiang):
    html = zhejiang.html.read_text(encoding="utf-8")
    text = re.sub(r"<style>.*?</style>|<[^>]+>|&[a-z]+;", " ", html, flags=re.S)  # tags, entities (R&amp;D)
    words = set(re.findall(r"[A-Za-z]{2,}", text)) - {
        "Yindi",
        "SHA",
        "Excel",
        "CRS",
        "VRS",
        "III",
        "II",
        "IV",
    }
    assert not words, sorted(words)
    for name, sheet in pd.read_excel(zhejiang.excel, sheet_name=None).items():
        if name == "来源":  # the provenance sheet names the stored result tables by their ids
            continue
        assert not [c for c in sheet.columns if re.fullmatch(r"[a-z_]+", str(c))], list(sheet.columns)


def test_node_notes_are_shown_beside_the_evidence(tmp_path):
    from dataclasses import replace

    from yindi.study.result import NodeResult

    res = fakes.results()
    prod = res["productivity"]
    noted = NodeResult("productivity", prod.tables, prod.meta, ("西藏位于前沿面：样本少，解读需谨慎。",))
    res = replace(res, results={**res.results, "productivity": noted})
    html = write_region_report(res, "540000", tmp_path, indicator_names=NAMES).html.read_text(
        encoding="utf-8"
    )
    assert "西藏位于前沿面：样本少，解读需谨慎。" in html and html.index("方法与说明") > html.index(
        'id="evidence"'
    )


def test_not_computed_parts_say_so(tmp_path):
    r = write_region_report(fakes.results(with_plan=False), "440000", tmp_path, lang="en")
    html = r.html.read_text(encoding="utf-8")
    assert html.count("Not computed") >= 4 and "Guangdong" in html


def test_index_page_links_every_region(tmp_path):
    res = fakes.results()
    reports = [write_region_report(res, c, tmp_path, indicator_names=NAMES) for c in ("110000", "330000")]
    index = write_index_page(reports, tmp_path).read_text(encoding="utf-8")
    assert 'href="region-110000.html"' in index and 'href="region-330000.xlsx"' in index


@pytest.mark.slow
def test_region_report_renders_in_chromium_with_its_map(zhejiang):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
    from api_browser import browser_page

    with browser_page() as page:
        page.goto(zhejiang.html.as_uri())
        assert page.locator("svg.yindi-map g.regions path").count() == 34
        outlined = page.eval_on_selector(
            "svg.yindi-map path[data-code='330000']", "p => getComputedStyle(p).stroke"
        )
        assert outlined == "rgb(192, 57, 43)"
        assert page.locator("svg.yindi-map .inset").count() == 1
        assert page.locator("#summary .fact").count() >= 4
        page.screenshot(path="/tmp/yindi-region-report.png", full_page=True)
        page.emulate_media(media="print")
        pdf_ok = page.evaluate("() => getComputedStyle(document.querySelector('#summary')).breakAfter")
        assert pdf_ok in ("page", "always")


def test_cli_region_flags(monkeypatch, tmp_path):
    """`yindi report --region` goes to the per-region writer; `--regions` only takes 'all'."""
    from typer.testing import CliRunner

    import yindi.cli.region_report as rr
    from yindi.cli import app

    seen: dict[str, object] = {}
    monkeypatch.setattr(
        rr, "region_reports", lambda study, out, region, regions: seen.update(r=region, a=regions)
    )
    ws = str(tmp_path / "w.duckdb")
    result = CliRunner().invoke(
        app, ["report", "--data", "x", "-w", ws, "--region", "浙江", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert seen == {"r": ["浙江"], "a": None}
    monkeypatch.undo()
    from yindi.errors import ParameterError

    with pytest.raises(ParameterError, match="all"):
        rr.region_reports(None, tmp_path, region=None, regions="some")  # type: ignore[arg-type]
