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
    assert 'lang="en"' in html and "Appendix: data coverage" in html and "South China Sea" in html
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


def _small_pack(tmp_path: Path, provinces_dir: Path, drop: str | None = None, bump: float = 0.0) -> Path:
    import pandas as pd

    pack = tmp_path / "pack"
    pack.mkdir()
    frame = pd.read_csv(provinces_dir / "panel.csv", dtype=str)
    keep = frame["indicator"].isin(["gdp_per_capita", "rd_intensity", "tech_contract_turnover", "gdp"])
    frame = frame[keep]
    if drop:
        frame = frame[~((frame["region"] == "西藏") & (frame["indicator"] == drop))]
    if bump:
        hit = (frame["region"] == "北京") & (frame["indicator"] == "gdp") & (frame["year"] == "2023")
        frame.loc[hit, "value"] = str(float(frame.loc[hit, "value"].iloc[0]) + bump)
    frame.to_csv(pack / "panel.csv", index=False)
    return pack


def test_incomplete_years_choose_latest_best_and_say_so(tmp_path: Path, provinces_dir: Path) -> None:
    pack = _small_pack(tmp_path, provinces_dir, drop="rd_intensity")
    res = runner.invoke(
        app, ["report", "--data", str(pack), "--out", str(tmp_path / "o"), "--section", "coverage"]
    )
    assert res.exit_code == 0, res.output
    assert "2023" in res.output and "best coverage" not in res.output  # zh report
    html = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    # 30 of 31 provinces have every key indicator in 2023: ≥ 80 % (report.min_coverage), so 2023, no notice
    assert "报告年份：2023" in html and "2023 年有 30/31 个（97%）" in html and "没有哪一年" not in html
    from yindi.report.national import build_report
    from yindi.study import Study

    strict = Study(data=str(pack), options={"report": {"min_coverage": 1.0}}, sections=("coverage",))
    out = build_report(strict, tmp_path / "strict", store=False)  # Tibet lacks R&D intensity in every year
    html = out.html.read_text(encoding="utf-8")
    assert out.year == 2023 and "没有哪一年有 100% 的地区同时具备全部关键指标" in html


def test_changed_data_are_flagged_when_reproducing(tmp_path: Path, provinces_dir: Path) -> None:
    pack = _small_pack(tmp_path, provinces_dir)
    res = runner.invoke(
        app, ["report", "--data", str(pack), "--out", str(tmp_path / "a"), "--section", "coverage"]
    )
    assert res.exit_code == 0, res.output
    frame = (pack / "panel.csv").read_text(encoding="utf-8").replace("47353.7", "47353.8")
    (pack / "panel.csv").write_text(frame, encoding="utf-8")
    res = runner.invoke(
        app, ["report", "--study", str(tmp_path / "a" / "study.toml"), "--out", str(tmp_path / "b")]
    )
    assert res.exit_code == 0, res.output
    assert "SHA-256" in res.output
    assert "数据与研究设定文件记录的不一致" in (tmp_path / "b" / "report.html").read_text(encoding="utf-8")


def test_skipped_sections_are_reported(tmp_path: Path, provinces_dir: Path) -> None:
    pack = _small_pack(tmp_path, provinces_dir)
    res = runner.invoke(
        app, ["report", "--data", str(pack), "--out", str(tmp_path / "o"), "--section", "structure"]
    )
    assert res.exit_code == 0, res.output
    assert "structure" in res.output and "Not shown" in res.output


def test_workspace_report_reproduces_from_elsewhere(
    tmp_path: Path, provinces_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = _small_pack(tmp_path, provinces_dir)
    ws = tmp_path / "w.duckdb"
    assert runner.invoke(app, ["data", "import", str(pack), "--name", "small", "-w", str(ws)]).exit_code == 0
    res = runner.invoke(
        app,
        [
            "report",
            "--data",
            "workspace:small",
            "-w",
            str(ws),
            "--out",
            str(tmp_path / "o"),
            "--section",
            "maps",
        ],
    )
    assert res.exit_code == 0, res.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    res = runner.invoke(app, ["report", "--study", str(tmp_path / "o" / "study.toml"), "--out", "again"])
    assert res.exit_code == 0, res.output
    assert "SHA-256" not in res.output


def test_unknown_option_section(tmp_path: Path, provinces_dir: Path) -> None:
    study = tmp_path / "s.toml"
    study.write_text(f'data = "{provinces_dir}"\n[options.indx]\nweighting = "entropy"\n', encoding="utf-8")
    res = runner.invoke(app, ["report", "--study", str(study), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "Did you mean 'index'" in str(res.exception)


def test_chinese_workbook_headers_and_region_names(built: Path) -> None:
    """Every sheet of the Chinese workbook has Chinese headers (codes, R&D and statistic symbols aside) and a
    region-name column beside every region-code column."""
    book = openpyxl.load_workbook(built / "report.xlsx", read_only=True)
    for ws in book.worksheets:
        rows = ws.iter_rows(values_only=True)
        head = [str(h) for h in next(rows, ()) if h is not None]
        latin = [h for h in head if re.search(r"[A-Za-z]{2,}", h) and not re.search(r"[\u4e00-\u9fff]", h)]
        assert not latin, (ws.title, latin)
        if "地区代码" in head:
            assert head[head.index("地区代码") + 1] == "地区", ws.title
        assert not any(re.fullmatch(r"\d{6}", h) for h in head), ws.title  # adcode headers carry names


#: Latin words the Chinese report body may contain, and why: method names and acronyms as the literature writes
#: them (DEA, CCR/BCC, Malmquist, SBM, TOPSIS, Dagum, LISA, Moran, ECI/PCI…), cited authors (Charnes et al.,
#: Banker, Tone, Oh, Silverman), data-source names and licences that attribution must give verbatim (CEADs row
#: labels, AFAN, Tushare, CC BY, GitHub), Roman type numerals, the NBS terms R&D and GDP, the data path in the
#: header, the --exclude-tibet flag and the software's name.
ALLOWED_LATIN = {
    "AFAN", "BCC", "BY", "Banker", "CC", "CCR", "CEADs", "COI", "CRS", "Charnes", "Consumption", "DEA", "Dagum",
    "Dirichlet", "EC", "ECI", "Final", "GB", "GDP", "GML", "G_nb", "G_t", "G_w", "GitHub", "II", "III", "IV", "LIFE",
    "LISA", "LP", "LR", "Luenberger", "ML", "Malmquist", "Moran", "OLS", "Oh", "PCI", "PEC", "PySAL", "Queen",
    "RCA", "Rural", "SBM", "SEC", "Silverman", "TC", "TOPSIS", "Tone", "Total", "Tushare", "UNIDO", "Urban", "VRS",
    "Yindi", "afan", "al", "cn", "cnmaps", "commit", "csv", "data", "ecomplexity", "ef", "esda", "et", "exclude",
    "life", "macropage", "means", "provinces", "re", "stock_basic", "tibet", "employees", "Rook",
}  # fmt: skip


def test_chinese_report_body_has_no_stray_english(built: Path, provinces_dir: Path) -> None:
    html = (built / "report.html").read_text(encoding="utf-8")
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    # the header quotes the data folder as the user gave it; its path words (e.g. a CI checkout under /check/)
    # are the user's, not the report's
    html = re.sub(r"[^\s<>\"']*cn-provinces[^\s<>\"']*", " ", html)  # the data folder in any other spelling
    for path in sorted({str(provinces_dir), str(provinces_dir.resolve())}, key=len, reverse=True):
        html = html.replace(path, " ")
    body = html[: html.index('<section class="sec" id="coverage"')]  # the appendix lists indicator ids
    text = re.sub(r"<[^>]+>|&[a-z]+;|&#\d+;", " ", body)
    words = set(re.findall(r"[A-Za-z][A-Za-z_]{1,}", text))
    ids = {
        w for w in words if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+_?", w)
    }  # indicator ids in the 指标代码 column
    assert not words - ALLOWED_LATIN - ids, sorted(words - ALLOWED_LATIN - ids)
    for internal in (
        "文献003",
        "文献 003",
        "source 003",
        ".dropped",
        "region_fixes",
        "docs/methods",
        "entropy",
    ):
        assert internal not in body, internal


def test_coverage_is_the_last_section_and_summary_the_first(built: Path) -> None:
    html = (built / "report.html").read_text(encoding="utf-8")
    ids = re.findall(r'<section class="sec" id="(\w+)">', html)
    assert ids[0] == "summary" and ids[1] == "maps" and ids[-1] == "coverage"
    assert "<h2>一、要点</h2>" in html and "<h2>附录：数据覆盖</h2>" in html
    toc = re.search(r'<nav class="toc">(.*?)</nav>', html, flags=re.S)
    assert toc and re.findall(r'href="#(\w+)"', toc.group(1)) == ids
