"""`yindi data check` on the real city pack lists the known source errors with file and row, writes them with
-o, and reports historical units and the municipality convention."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from yindi.cli import app

runner = CliRunner()


def test_data_check_city_pack(tmp_path: Path, cities_dir: Path) -> None:
    out = tmp_path / "checks.csv"
    res = runner.invoke(app, ["data", "check", str(cities_dir), "-o", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    text = " ".join(res.output.split())
    assert "23158.65 after 4715.7" in text and "panel.csv, row 14343" in text
    assert "historical: 7" in text and "municipality: 4" in text
    table = pd.read_csv(out, dtype={"region_code": str})
    ordos = table[
        (table["region_code"] == "150600") & (table["year"] == 2022) & (table["indicator"] == "gdp")
    ]
    assert ordos["measure"].tolist() == ["jump"] and ordos["row"].tolist() == [14343]


def test_jump_ratio_flag(tmp_path: Path, cities_dir: Path) -> None:
    out = tmp_path / "checks.csv"
    res = runner.invoke(app, ["data", "check", str(cities_dir), "--jump-ratio", "10", "-o", str(out)])
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out)
    jumps = table[table["measure"] == "jump"]
    assert len(jumps) > 0 and "gdp" not in set(jumps["indicator"])  # no GDP ratio reaches 10 (鄂尔多斯: 4.91)
