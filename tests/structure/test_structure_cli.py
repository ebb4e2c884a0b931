"""`yindi structure ...` end to end on the real CEADs table and on a generic long table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from yindi.cli import app

runner = CliRunner()


def _generic(path: Path) -> Path:
    rng = np.random.default_rng(3)
    provinces = ["北京", "天津", "河北", "山西", "上海", "江苏", "浙江", "安徽"]
    rows = [
        (p, y, f"{d:02d}", float(rng.lognormal(0, 1)) * (i + 1) ** (d % 3))
        for i, p in enumerate(provinces)
        for y in (2020, 2021)
        for d in (6, 13, 17, 26, 31, 34, 39, 44)
    ]
    pd.DataFrame(rows, columns=["省份", "年", "行业", "产值"]).to_csv(path, index=False)
    return path


ROLES = ["--region", "省份", "--period", "年", "--activity", "行业", "--value", "产值"]


@pytest.mark.parametrize("cmd", ["tiers", "specialisation", "similarity", "complexity", "opportunities"])
def test_commands_on_generic_table(tmp_path: Path, cmd: str) -> None:
    src = _generic(tmp_path / "t.csv")
    out = tmp_path / f"{cmd}.csv"
    res = runner.invoke(app, ["structure", cmd, "--data", str(src), *ROLES, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.exists() and len(pd.read_csv(out)) > 0
    assert (tmp_path / f"{cmd}.notes.txt").exists()  # notes travel with the file


@pytest.mark.realdata
def test_complexity_on_real_data_mentions_proxy(provinces_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.xlsx"
    res = runner.invoke(app, ["structure", "complexity", "--data", str(provinces_dir), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "proxy" in res.output and "Total Final Consumption" in res.output
    assert (
        "Logging and Transport of Wood and Bamboo"
        not in pd.read_excel(out, sheet_name="c")["activity"].to_numpy()
    )
    notes = pd.read_excel(out, sheet_name="notes")["note"]
    assert notes.str.contains("proxy").any() and notes.str.contains("Logging|left out").any()
    res = runner.invoke(
        app, ["structure", "opportunities", "--data", str(provinces_dir), "--of", "广东省", "--top", "3"]
    )
    assert res.exit_code == 0, res.output
    assert "广东" in res.output


def test_bad_input_is_a_clean_error(tmp_path: Path) -> None:
    src = tmp_path / "neg.csv"
    src.write_text("region,year,activity,value\n北京,2020,a,1\n北京,2020,b,-2\n", encoding="utf-8")
    res = runner.invoke(app, ["structure", "complexity", "--data", str(src)])
    assert res.exit_code == 1
    assert "negative value" in str(res.exception)


@pytest.mark.realdata
def test_empty_error_policy_names_the_sector(provinces_dir: Path) -> None:
    res = runner.invoke(app, ["structure", "complexity", "--data", str(provinces_dir), "--empty", "error"])
    assert res.exit_code == 1
    assert "Logging and Transport of Wood and Bamboo" in str(res.exception) and "empty='drop'" in str(
        res.exception
    )
