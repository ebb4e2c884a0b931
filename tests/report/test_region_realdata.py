"""The 一地一策 page on the real provincial pack, in both languages: what a reader of each language sees is in
that language (method notes, units and attribution included) — the fake-results tests cannot see the notes and
units the real analyses write."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from yindi.cli import app

#: Latin a Chinese page may hold: data-source names and the listed-firm attribution verbatim (AFAN, GitHub
#: repository, commit, file, Tushare, CC BY), acronyms the literature writes in Latin, R&D, and the footer.
ALLOWED = {"CEADs", "AFAN", "afan", "life", "LIFE", "GitHub", "macropage", "commit", "data", "stock_basic", "csv",
           "Tushare", "CC", "BY", "Malmquist", "R", "D", "Yindi", "SHA", "Excel", "CRS", "VRS", "II", "III", "IV",
           "GDP", "GB", "SBM", "T"}  # fmt: skip


@pytest.fixture(scope="module")
def pages(tmp_path_factory, provinces_dir: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("region_real")
    ws = str(tmp / "w.duckdb")
    out: dict[str, str] = {}
    for lang in ("zh", "en"):
        res = CliRunner().invoke(
            app,
            ["report", "--data", str(provinces_dir), "-w", ws, "--region", "浙江", "--lang", lang,
             "--out", str(tmp / lang)],
        )  # fmt: skip
        assert res.exit_code == 0, res.output
        html = (tmp / lang / "region-330000.html").read_text(encoding="utf-8")
        html = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html, flags=re.S)
        # the header quotes the data folder (as given, absolute or resolved): its path words are the user's
        html = re.sub(r"[^\s<>\"']*cn-provinces[^\s<>\"']*", " ", html)
        for path in sorted(
            {str(provinces_dir), os.path.abspath(provinces_dir), str(provinces_dir.resolve())},
            key=len,
            reverse=True,
        ):
            html = html.replace(path, " ")
        out[lang] = re.sub(r"<[^>]+>|&[a-z]+;|&#x?[0-9a-f]+;", " ", html)
    return out


def test_chinese_page_has_no_stray_english(pages: dict[str, str]) -> None:
    text = re.sub(r"\b[0-9a-f]{40,64}\b", " ", pages["zh"])  # commit and data digests
    words = set(re.findall(r"[A-Za-z][A-Za-z_0-9]*", text))
    ids = {w for w in words if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+_?|T\d+|gbt\d+", w)}  # industry ids, [T1]…
    assert not words - ALLOWED - ids, sorted(words - ALLOWED - ids)
    assert "方法与说明" in text and "代理指标" in text


def test_english_page_has_no_chinese(pages: dict[str, str]) -> None:
    han = re.findall(r"\S*[\u4e00-\u9fff]+\S*", pages["en"])
    assert not han, han[:20]
    assert "items per 10,000 persons" in pages["en"]  # compound units translated
