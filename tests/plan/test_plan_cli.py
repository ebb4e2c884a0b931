"""``yindi plan ...`` end to end on the real provincial data (stability off to keep it quick)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from yindi.cli import app

runner = CliRunner()


def _run(args: list[str]) -> str:
    res = runner.invoke(app, ["plan", *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_portfolio_and_lists(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "portfolio.csv"
    _run(["portfolio", "-d", str(provinces_dir), "--region", "山西", "--draws", "0", "-o", str(out)])
    frame = pd.read_csv(out, dtype={"region_code": str})
    for col in ("region_code", "region", "tier", "industry_id", "industry", "decision", "score", "reasons"):
        assert col in frame.columns
    assert set(frame["region_code"]) == {"140000"} and len(frame) == 81
    notes = out.with_suffix(".notes.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notes and "缺少证据" in notes  # the notes follow --lang (default Chinese)
    lists = tmp_path / "lists.xlsx"
    _run(["lists", "-d", str(provinces_dir), "--region", "北京", "--draws", "0", "-o", str(lists)])
    sheet = pd.read_excel(lists, sheet_name="lists")
    assert set(sheet["list"]) == {"do", "dont"}


def test_herding_with_ambitions_and_modes(tmp_path: Path, provinces_dir: Path) -> None:
    amb = tmp_path / "ambitions.csv"
    rows = ["region,industry,source"] + [
        f"{r},芯片,test" for r in ("北京", "山西", "贵州", "甘肃", "青海", "宁夏")
    ]
    amb.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "herding.csv"
    _run(["herding", "-d", str(provinces_dir), "--ambitions", str(amb), "-o", str(out)])
    frame = pd.read_csv(out)
    for col in ("industry_id", "industry", "targets", "capable", "level", "reasons"):
        assert col in frame.columns
    ic = frame.set_index("industry_id").loc["sei_ic"]
    assert ic["targets"] == 6
    modes = tmp_path / "modes.csv"
    _run(["modes", "-d", str(provinces_dir), "-o", str(modes)])
    m = pd.read_csv(modes)
    assert set(m["transfer_mode"]) <= {"joint_platform", "licensing_ma"}


def test_bad_ambitions_is_a_clear_error(tmp_path: Path, provinces_dir: Path) -> None:
    amb = tmp_path / "bad.csv"
    amb.write_text("region,industry\n北京,区块链金融\n", encoding="utf-8")
    res = runner.invoke(
        app,
        ["plan", "herding", "-d", str(provinces_dir), "--ambitions", str(amb), "-o", str(tmp_path / "h.csv")],
    )
    assert res.exit_code != 0
    assert "row 2" in str(res.exception) or "row 2" in res.output
