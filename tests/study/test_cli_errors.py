"""Bad study choices through the CLI: one clean message in Chinese and English, exit code 1, no traceback;
and a rerun says which stored results it reused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def _yindi(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "YINDI_WORKSPACE": str(cwd / "w.duckdb")}
    return subprocess.run(
        [sys.executable, "-m", "yindi", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


@pytest.mark.parametrize(
    ("toml", "en", "zh"),
    [
        ('[options.index]\nweigthing = "critic"\n', "Did you mean 'weighting'", "是否想写 'weighting'"),
        ('[options.indx]\nweighting = "critic"\n', "Did you mean 'index'", "是否想写 'index'"),
        ("[options.spatial]\npermutations = -5\n", "must lie in [0, 99999]", "之间"),
        ('sections = ["typolgy"]\n', "Did you mean 'typology'", "是否想写 'typology'"),
        ('level = "town"\n', "'level' parameter of Study must be one of", "level"),
    ],
)
def test_bad_study_file(tmp_path: Path, provinces_dir: Path, toml: str, en: str, zh: str) -> None:
    study = tmp_path / "s.toml"
    study.write_text(f'data = "{provinces_dir}"\n{toml}', encoding="utf-8")
    res = _yindi("report", "--study", str(study), "--out", str(tmp_path / "o"), cwd=tmp_path)
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "Traceback" not in out
    assert en in out and zh in out


def test_rerun_says_what_it_reused(tmp_path: Path, provinces_dir: Path) -> None:
    args = ["report", "--data", str(provinces_dir), "--section", "coverage", "--section", "maps"]
    first = _yindi(*args, "--out", str(tmp_path / "a"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Reused stored results" not in first.stdout
    second = _yindi(*args, "--out", str(tmp_path / "b"), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Reused stored results: coverage, key_indicators" in second.stdout.replace("\n", " ")
    a = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    b = (tmp_path / "b" / "report.html").read_text(encoding="utf-8")

    def strip(html: str) -> str:
        import re

        return re.sub(r'<span id="generated">.*?</span>', "", html)

    assert strip(a) == strip(b)
