"""``yindi disparity ...`` and ``yindi spatial ...`` end to end on the real provincial data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from yindi.cli import app

runner = CliRunner()


def test_dagum_command_writes_table(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "dagum.csv"
    res = runner.invoke(
        app,
        [
            "disparity",
            "dagum",
            "--indicator",
            "rd_intensity",
            "-d",
            str(provinces_dir),
            "--years",
            "2022-2023",
            "-o",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "2023" in res.output
    frame = pd.read_csv(out)
    total = frame[(frame["component"] == "total") & (frame["year"] == 2023)]["value"].iloc[0]
    parts = frame[frame["component"].isin(["within", "between", "transvariation"]) & (frame["year"] == 2023)]
    assert abs(parts["value"].sum() - total) < 1e-9


def test_other_disparity_commands(provinces_dir: Path) -> None:
    for args in (
        ["disparity", "inequality", "--indicator", "rd_intensity", "--years", "2023"],
        ["disparity", "convergence", "--indicator", "rd_intensity"],
        ["disparity", "markov", "--indicator", "rd_intensity", "--spatial"],
    ):
        res = runner.invoke(app, [*args, "-d", str(provinces_dir)])
        assert res.exit_code == 0, (args, res.output)
    assert "Bickenbach" not in res.output and "LR =" in res.output


def test_spatial_commands(tmp_path: Path, provinces_dir: Path) -> None:
    res = runner.invoke(app, ["spatial", "weights"])
    assert res.exit_code == 0 and "460000" in res.output
    res = runner.invoke(
        app, ["spatial", "moran", "--indicator", "rd_intensity", "-d", str(provinces_dir), "-y", "2023"]
    )
    assert res.exit_code == 0 and "moran: 0.36" in res.output
    out = tmp_path / "lisa.xlsx"
    res = runner.invoke(
        app, ["spatial", "lisa", "--indicator", "rd_intensity", "-d", str(provinces_dir), "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert len(pd.read_excel(out)) == 31


def test_bad_input_is_a_clear_error(provinces_dir: Path) -> None:
    res = runner.invoke(
        app, ["disparity", "dagum", "--indicator", "rd_intensity", "-d", str(provinces_dir), "--years", "x-y"]
    )
    assert res.exit_code == 1
    assert "--years takes FIRST-LAST" in str(res.exception)
    res = runner.invoke(
        app, ["spatial", "moran", "--indicator", "rd_intensity", "-d", str(provinces_dir), "-y", "1990"]
    )
    assert res.exit_code == 1 and "available years" in str(res.exception)
