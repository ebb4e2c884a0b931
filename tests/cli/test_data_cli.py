"""`yindi data` end to end: import, list, show, check, and all-or-nothing multi-file imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from yindi.cli import app
from yindi.data.workspace import Workspace

runner = CliRunner()


def test_import_list_show(tmp_path: Path, provinces_dir: Path) -> None:
    ws = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["data", "import", str(provinces_dir), "--name", "cn", "-w", str(ws)])
    assert res.exit_code == 0, res.output
    assert "22435 rows" in res.output and "repair" in res.output
    res = runner.invoke(app, ["data", "list", "-w", str(ws)])
    assert res.exit_code == 0 and "cn" in res.output
    res = runner.invoke(app, ["data", "show", "cn", "-w", str(ws)])
    assert res.exit_code == 0 and "sha256=" in res.output


def test_failing_second_file_writes_nothing(tmp_path: Path, nbs_dir: Path) -> None:
    ws = tmp_path / "w.duckdb"
    bad = tmp_path / "bad.csv"
    bad.write_text("地区,年份,x\n北京,2020,1\n山两,2020,2\n", encoding="utf-8")
    good = nbs_dir / "分省年度数据2023.csv"
    res = runner.invoke(
        app,
        [
            "data",
            "import",
            str(good),
            str(bad),
            "--name",
            "mix",
            "-w",
            str(ws),
            "--region",
            "地区",
            "--year",
            "年份",
        ],
    )
    assert res.exit_code == 1
    assert isinstance(res.exception, ValueError) and "row 3" in str(res.exception)
    assert Workspace(ws).datasets().empty


def test_fix_region_option(tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("地区,年份,x\n北京,2020,1\n山两,2020,2\n", encoding="utf-8")
    ws = tmp_path / "w.duckdb"
    res = runner.invoke(
        app,
        [
            "data",
            "import",
            str(src),
            "--name",
            "t",
            "-w",
            str(ws),
            "--region",
            "地区",
            "--year",
            "年份",
            "--fix-region",
            "山两=山西",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "山两" in res.output and Workspace(ws).load("t").value("山西", 2020, "x") == 2.0


@pytest.mark.parametrize("args", [["--data-year", "2025"], []])
def test_check_nbs_export(nbs_dir: Path, args: list[str]) -> None:
    res = runner.invoke(app, ["data", "check", str(nbs_dir / "2025GDP.csv"), *args])
    if args:
        assert res.exit_code == 0 and "31 rows" in res.output
    else:
        assert res.exit_code == 1 and "--data-year" in str(res.exception)


def test_main_prints_errors_without_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import REPO

    out = subprocess.run(
        [sys.executable, "-m", "yindi", "data", "show", "nothing", "-w", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "", "COLUMNS": "200"},
    )
    assert out.returncode == 1
    assert "Error" in out.stderr and "Traceback" not in out.stderr and "no workspace here yet" in out.stderr
