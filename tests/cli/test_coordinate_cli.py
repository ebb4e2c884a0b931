"""`yindi coordinate roles|pairs` on the real data, and user mistakes (bilingual error, exit code 1, no traceback)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from yindi.cli import app, main

runner = CliRunner()
pytestmark = pytest.mark.realdata


def test_roles_writes_the_table(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "roles.csv"
    res = runner.invoke(app, ["coordinate", "roles", "--data", str(provinces_dir), "--out", str(out)])
    assert res.exit_code == 0, res.output
    t = pd.read_csv(out, dtype={"region_code": str}, encoding="utf-8-sig")
    assert {"region_code", "region", "role", "reasons", "creation", "absorption", "net_flow"} <= set(
        t.columns
    )
    assert len(t) == 31
    assert t.set_index("region_code").at["110000", "role"] == "source"


def test_pairs_for_one_region_and_industry(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "pairs.csv"
    args = ["coordinate", "pairs", "--data", str(provinces_dir), "--region", "北京", "--industry", "算力"]
    res = runner.invoke(app, [*args, "--top", "3", "--out", str(out)])
    assert res.exit_code == 0, res.output
    t = pd.read_csv(out, dtype={"source_code": str, "carrier_code": str}, encoding="utf-8-sig")
    need = {"source_code", "source", "carrier_code", "carrier", "industry_id", "score", "reasons"}
    assert need <= set(t.columns)
    assert (t["source_code"] == "110000").all() and len(t) == 3
    assert (t["industry_id"] == "sei_computing").all()
    contrib = t[[c for c in t.columns if c.startswith("c_")]].sum(axis=1)
    assert (contrib - t["score"]).abs().max() < 1e-9  # every score decomposes into its parts


def test_overall_pairs_have_empty_industry(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "pairs.csv"
    res = runner.invoke(
        app,
        ["coordinate", "pairs", "--data", str(provinces_dir), "--no-evidence", "--top", "2", "-o", str(out)],
    )
    assert res.exit_code == 0, res.output
    t = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert (t["industry_id"] == "").all()
    assert set(t.groupby("source_code").size()) == {2}


@pytest.mark.parametrize(
    ("extra", "en", "zh"),
    [
        (["--region", "北平"], "北平", "地区"),
        (["--industry", "不存在的产业"], "No industry", "产业分类"),
        (["--top", "0"], "top", "top"),
    ],
)
def test_mistakes_give_a_bilingual_error_without_traceback(
    extra: list[str],
    en: str,
    zh: str,
    provinces_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["yindi", "coordinate", "pairs", "--data", str(provinces_dir), "--no-evidence", *extra]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert en in err and zh in err
