"""`yindi dea` and `yindi malmquist` end to end on the real pack."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from yindi.cli import app
from yindi.errors import MissingDataError, ParameterError

runner = CliRunner()
pytestmark = pytest.mark.realdata
IO = [
    "-i",
    "rd_personnel_fte",
    "-i",
    "rd_expenditure",
    "--output-var",
    "invention_patents_granted",
    "--output-var",
    "tech_contract_turnover",
]


def test_dea_command_writes_scores(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "dea.csv"
    res = runner.invoke(
        app, ["dea", "--data", str(provinces_dir), *IO, "--year", "2022", "--rts", "vrs", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"unit": str})
    assert len(table) == 31 and table["efficiency"].max() == pytest.approx(1.0)
    assert "100000" not in set(table["unit"])


def test_dea_missing_values_raise_then_drop(provinces_dir: Path) -> None:
    args = [
        "dea",
        "--data",
        str(provinces_dir),
        *IO,
        "-b",
        "co2_emissions",
        "--model",
        "sbm",
        "--year",
        "2022",
    ]
    res = runner.invoke(app, args)
    assert isinstance(res.exception, MissingDataError)
    assert "540000" in str(res.exception) and "--missing drop" in str(res.exception)
    assert "西藏" in res.output or "540000" in (res.exception.zh or "")
    res = runner.invoke(app, [*args, "--missing", "drop"])
    assert res.exit_code == 0, res.output
    assert "30 units" in res.output


def test_malmquist_command(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "m.csv"
    res = runner.invoke(
        app,
        [
            "malmquist",
            "--data",
            str(provinces_dir),
            *IO,
            "--from",
            "2018",
            "--to",
            "2023",
            "--rts",
            "vrs",
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"region_code": str})
    assert list(table.columns[:6]) == ["region_code", "region", "level", "year", "measure", "value"]
    assert {"index", "ec", "tc", "pec", "sec"} <= set(table["measure"])
    assert len(table[table["measure"] == "index"]) == 31 * 5
    assert "北京" in set(table["region"])


def test_bad_option_is_a_clean_error(provinces_dir: Path) -> None:
    res = runner.invoke(app, ["malmquist", "--data", str(provinces_dir), *IO, "--frontier", "local"])
    assert isinstance(res.exception, ParameterError) and "'frontier' parameter" in str(res.exception)
