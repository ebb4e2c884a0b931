"""`yindi text` end to end: a multi-region plan → priorities that herding reads as they are; similarity; gaps;
the national timeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from yindi.cli import app

pytest.importorskip("jieba")
runner = CliRunner()

PLAN = """长三角地区产业协同发展行动方案

上海市要打造集成电路、生物医药、人工智能三大先导产业高地。
江苏省培育壮大新能源汽车、新材料产业集群，前瞻布局量子科技。
浙江省加快发展数字创意产业，积极发展低空经济。
安徽省打造量子科技和新能源汽车产业集群。
各地要防止一哄而上、重复建设。
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    p = tmp_path / "plan.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


def test_priorities_feed_herding_without_editing(tmp_path: Path, plan: Path) -> None:
    out = tmp_path / "p.csv"
    res = runner.invoke(
        app, ["text", "priorities", str(plan), "-o", str(out), "--mentions", str(tmp_path / "m.csv")]
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    assert list(table.columns[:3]) == ["region", "industry", "source"]
    for col in ("region_code", "industry_id", "tier", "cue", "evidence"):
        assert col in table.columns
    got = set(zip(table["region"], table["industry_id"], strict=True))
    assert got == {
        ("上海", "sei_ic"),
        ("上海", "sei_bio"),
        ("上海", "sei_ai"),
        ("江苏", "sei_nev"),
        ("江苏", "sei_newmat"),
        ("江苏", "fut_quantum"),
        ("浙江", "sei_digicreative"),
        ("浙江", "sei_lowalt"),
        ("安徽", "fut_quantum"),
        ("安徽", "sei_nev"),
    }
    # the herding alert's own reader takes the file as written, and finds the same cells
    from yindi.plan.herding import read_ambitions
    from yindi.plan.taxonomy import load_taxonomy
    from yindi.regions import registry

    provinces = tuple(r.adcode for r in registry().provinces())
    ids = load_taxonomy().ids
    mask = read_ambitions(out, provinces, ids)
    cells = {(provinces[i], ids[j]) for i, j in zip(*mask.nonzero(), strict=True)}
    assert cells == set(zip(table["region_code"], table["industry_id"], strict=True))
    mentions = pd.read_csv(tmp_path / "m.csv", dtype=str, encoding="utf-8-sig")
    for col in ("document", "region_code", "region", "industry_id", "industry", "tier", "cue", "evidence"):
        assert col in mentions.columns


def test_cities_count_for_their_province_and_national_rows_are_optional(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("深圳市打造人工智能先锋城市。国家层面培育低空经济。", encoding="utf-8")
    out = tmp_path / "p.csv"
    res = runner.invoke(app, ["text", "priorities", str(doc), "-r", "全国", "-o", str(out)])
    assert res.exit_code == 0, res.output
    t = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    assert set(zip(t["region_code"], t["industry_id"], strict=True)) == {("440000", "sei_ai")}
    res = runner.invoke(
        app,
        [
            "text",
            "priorities",
            str(doc),
            "-r",
            "全国",
            "-o",
            str(out),
            "--level",
            "as_named",
            "--include-national",
        ],
    )
    t = pd.read_csv(out, dtype=str, encoding="utf-8-sig")
    assert set(zip(t["region_code"], t["industry_id"], strict=True)) == {
        ("440300", "sei_ai"),
        ("100000", "sei_lowalt"),
    }


def test_similarity_and_gaps(tmp_path: Path, plan: Path) -> None:
    out = tmp_path / "s.xlsx"
    res = runner.invoke(app, ["text", "similarity", str(plan), "-o", str(out)])
    assert res.exit_code == 0, res.output
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"pairs", "common", "by_region", "notes"} <= set(sheets)
    assert len(sheets["pairs"]) == 6  # four regions
    pri = tmp_path / "p.csv"
    runner.invoke(app, ["text", "priorities", str(plan), "-o", str(pri)])
    cap = tmp_path / "cap.csv"
    cap.write_text(
        "region_code,industry_id,capability\n310000,sei_ic,0.9\n340000,fut_quantum,0.2\n", encoding="utf-8"
    )
    gaps = tmp_path / "g.csv"
    res = runner.invoke(app, ["text", "gaps", "-p", str(pri), "--capability", str(cap), "-o", str(gaps)])
    assert res.exit_code == 0, res.output
    g = pd.read_csv(gaps, dtype=str, encoding="utf-8-sig")
    status = dict(zip(zip(g["region_code"], g["industry_id"], strict=True), g["status"], strict=True))
    assert status[("310000", "sei_ic")] == "stated_with_base"
    assert status[("340000", "fut_quantum")] == "stated_without_base"
    assert status[("320000", "sei_nev")] == "stated_no_evidence"


def test_gaps_without_capability_is_a_clear_error(tmp_path: Path, plan: Path) -> None:
    pri = tmp_path / "p.csv"
    runner.invoke(app, ["text", "priorities", str(plan), "-o", str(pri)])
    res = runner.invoke(app, ["text", "gaps", "-p", str(pri), "-o", str(tmp_path / "g.csv")])
    assert res.exit_code != 0
    assert "--capability" in str(res.exception)


@pytest.mark.realdata
def test_timeline(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from conftest import shared_data_root

    corpus = shared_data_root() / "cn-texts" / "national_government_work_reports.jsonl"
    if not corpus.exists():
        pytest.skip("cn-texts not found")
    out = tmp_path / "t.xlsx"
    res = runner.invoke(app, ["text", "timeline", "--corpus", str(corpus), "-o", str(out)])
    assert res.exit_code == 0, res.output
    first = pd.read_excel(out, sheet_name="first_appearance").set_index("term")["first_year"]
    # read in the reports themselves: 新质生产力 and 低空经济 first in 2024, 具身智能 in 2025
    assert first["新质生产力"] == 2024 and first["低空经济"] == 2024 and first["具身智能"] == 2025
    consecutive = pd.read_excel(out, sheet_name="consecutive")
    assert len(consecutive) == 51 and consecutive["text_jaccard"].between(0, 1).all()


@pytest.mark.realdata
def test_gaps_from_the_plan_layers_evidence(tmp_path: Path, plan: Path, provinces_dir: Path) -> None:
    pri, gaps = tmp_path / "p.csv", tmp_path / "g.csv"
    runner.invoke(app, ["text", "priorities", str(plan), "-o", str(pri)])
    res = runner.invoke(app, ["text", "gaps", "-p", str(pri), "--data", str(provinces_dir), "-o", str(gaps)])
    assert res.exit_code == 0, res.output
    g = pd.read_csv(gaps, dtype=str, encoding="utf-8-sig")
    assert set(g["region"]) == {"上海", "江苏", "浙江", "安徽"}
    stated = g.loc[g["stated"] == "True"]
    assert len(stated) == 10
    # every stated cell is judged against evidence or reported as having none — never dropped
    assert set(stated["status"]) <= {"stated_with_base", "stated_without_base", "stated_no_evidence"}
    from yindi.data import load
    from yindi.plan.evidence import build_evidence, evidence_paths

    paths = {k: (v if v.exists() else None) for k, v in evidence_paths(provinces_dir).items()}
    cap = build_evidence(load(str(provinces_dir)), **paths).capability  # type: ignore[arg-type]
    for r in stated.itertuples():
        value = cap.loc[r.region_code, r.industry_id]
        expect = (
            "stated_no_evidence"
            if pd.isna(value)
            else ("stated_with_base" if value >= 0.5 else "stated_without_base")
        )
        assert r.status == expect, r
