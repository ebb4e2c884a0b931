"""``yindi index`` and ``yindi typology`` through Typer's CliRunner on the real data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from yindi.cli import app

runner = CliRunner()


def test_index_run_writes_workbook(provinces_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "idx.xlsx"
    r = runner.invoke(app, ["index", "run", "--data", str(provinces_dir), "--draws", "200", "-o", str(out)])
    assert r.exit_code == 0, r.output
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"scores", "weights", "rank_intervals", "obstacles", "coupling", "preset"} <= set(sheets)
    assert {"leave_one_out", "method_sensitivity"} <= set(sheets)
    assert len(sheets["scores"]) == 31 * 6


def test_index_run_csv_and_bad_option(provinces_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    r = runner.invoke(
        app, ["index", "run", "--data", str(provinces_dir), "--scope", "year", "--draws", "0", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "score" in pd.read_csv(out).columns
    bad = runner.invoke(
        app, ["index", "run", "--data", str(provinces_dir), "--weighting", "foo", "-o", str(out)]
    )
    assert bad.exit_code != 0


def test_index_presets_lists_both() -> None:
    r = runner.invoke(app, ["index", "presets"])
    assert r.exit_code == 0 and "nqpf_three_elements" in r.output and "tech_green_digital" in r.output


def test_typology_commands(provinces_dir: Path, tmp_path: Path) -> None:
    r = runner.invoke(
        app,
        ["typology", "stages", "--data", str(provinces_dir), "--year", "2022", "-o", str(tmp_path / "t.csv")],
    )
    assert r.exit_code == 0, r.output
    t = pd.read_csv(tmp_path / "t.csv")
    assert t["type"].value_counts().to_dict() == {"IV": 16, "III": 9, "II": 4, "I": 2}
    r = runner.invoke(
        app,
        ["typology", "clusters", "--data", str(provinces_dir), "--k", "4", "-o", str(tmp_path / "c.xlsx")],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app,
        [
            "typology",
            "peers",
            "--data",
            str(provinces_dir),
            "--region",
            "安徽",
            "-o",
            str(tmp_path / "p.csv"),
        ],
    )
    assert r.exit_code == 0, r.output
    assert len(pd.read_csv(tmp_path / "p.csv")) == 5


def test_exclude_tibet_option(provinces_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    out = tmp_path / "t.csv"
    r = runner.invoke(
        app,
        [
            "typology",
            "stages",
            "--data",
            str(provinces_dir),
            "--year",
            "2022",
            "--exclude-tibet",
            "-o",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    assert len(table) == 30 and not table.astype(str).apply(lambda c: c.str.contains("540000")).any().any()
