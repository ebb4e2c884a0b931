"""The national report end to end on the real data: files, maps with the 南海诸岛 inset, Excel safety,
languages, and reproduction from the study file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from yindi.cli import app
from yindi.report.national import choose_year

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, provinces_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("report")
    res = runner.invoke(app, ["report", "--data", str(provinces_dir), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "report.html" in res.output
    return out


def test_files_written(built: Path) -> None:
    assert {p.name for p in built.iterdir()} >= {"report.html", "report.xlsx", "study.toml"}


def test_html_is_offline_and_chinese(built: Path) -> None:
    html = (built / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "no external assets (CDN) allowed"
    assert "<script src" not in html
    assert "数据覆盖" in html and "关键指标" in html


def test_maps_show_key_indicators_with_south_china_sea_inset(built: Path) -> None:
    html = (built / "report.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    maps = [s for s in svgs if "南海诸岛" in s]
    assert len(maps) >= 3
    for svg in maps:
        ET.fromstring(svg)  # well-formed
    for name in ("人均地区生产总值", "R&amp;D经费投入强度", "技术市场成交额"):
        assert any(name in s for s in maps), name


def test_excel_tables_and_provenance(built: Path) -> None:
    book = openpyxl.load_workbook(built / "report.xlsx", read_only=True)
    assert {"coverage", "key_indicators", "provenance"} <= set(book.sheetnames)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            for cell in row:
                if isinstance(cell, str) and cell[:1] in "=+-@":
                    float(cell)  # only numbers may start like a formula


def test_default_year_is_latest_complete(panel) -> None:  # type: ignore[no-untyped-def]
    assert choose_year(panel) == 2023


def test_study_file_reproduces_the_report(built: Path, tmp_path: Path) -> None:
    study = built / "study.toml"
    text = study.read_text(encoding="utf-8")
    assert "year = 2023" in text and 'lang = "zh"' in text and "seed" in text and "data_sha256" in text
    res = runner.invoke(app, ["report", "--study", str(study), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output

    def strip(p: Path) -> str:
        return re.sub(r'<span id="generated">.*?</span>', "", p.read_text(encoding="utf-8"))

    assert strip(tmp_path / "report.html") == strip(built / "report.html")


def test_english_report(provinces_dir: Path, tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "report",
            "--data",
            str(provinces_dir),
            "--out",
            str(tmp_path),
            "--lang",
            "en",
            "--section",
            "coverage",
            "--section",
            "maps",
            "--exclude-tibet",
        ],
    )
    assert res.exit_code == 0, res.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'lang="en"' in html and "Data coverage" in html and "South China Sea" in html
    assert "30 provincial-level regions" in html


def test_bad_options(provinces_dir: Path, tmp_path: Path) -> None:
    res = runner.invoke(
        app, ["report", "--data", str(provinces_dir), "--out", str(tmp_path), "--section", "nope"]
    )
    assert res.exit_code == 1 and "Unknown report section" in str(res.exception)
    res = runner.invoke(
        app, ["report", "--data", str(provinces_dir), "--out", str(tmp_path), "--year", "1990"]
    )
    assert res.exit_code == 1 and "Year 1990 is not in the data" in str(res.exception)
