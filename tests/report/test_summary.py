"""The key findings (要点) open the report and the data coverage closes it; every number a finding states equals
the node table it comes from; the Chinese findings carry no English labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yindi.report.base import ReportContext, context
from yindi.report.sections import APPENDIX, SECTIONS, summary
from yindi.study import Study


def _ctx(provinces_dir: Path, panel, lang: str) -> ReportContext:  # type: ignore[no-untyped-def]
    study = Study(data=str(provinces_dir), lang=lang, options={"plan": {"draws": 10}, "index": {"draws": 50}})
    return context(study, panel, nodes=summary.NODES, store=False)


@pytest.fixture(scope="module")
def zh(provinces_dir: Path, panel) -> ReportContext:  # type: ignore[no-untyped-def]
    return _ctx(provinces_dir, panel, "zh")


@pytest.fixture(scope="module")
def items(zh: ReportContext) -> list[str]:
    sec = summary.build(zh)
    assert sec is not None and sec.id == "summary"
    return re.findall(r"<li>(.*?)</li>", sec.html, flags=re.S)


def test_order_summary_first_coverage_last() -> None:
    assert SECTIONS[0] == "summary" and SECTIONS[1] == "maps"
    assert SECTIONS[-1] == "coverage" and APPENDIX == ("coverage",)


def test_five_to_eight_findings_each_linking_its_section(items: list[str]) -> None:
    assert 5 <= len(items) <= 8
    for item in items:
        anchor = re.search(r'href="#(\w+)"', item)
        assert anchor and anchor.group(1) in SECTIONS


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def test_index_numbers_equal_the_node(zh: ReportContext, items: list[str]) -> None:
    iv = zh.results["index"].table("intervals").sort_values("rank")
    first = items[0]
    for _, row in iv.head(3).iterrows():
        name = zh.region_name(str(row["region_code"]))
        low, high = int(row["rank_low"]), int(row["rank_high"])
        span = str(low) if low == high else f"{low}–{high}"
        assert f"{name}（第 {int(row['rank'])} 位，排名区间 {span}）" in first
    last = iv.iloc[-1]
    assert zh.region_name(str(last["region_code"])) in first and f"第 {int(last['rank'])} 位" in first


def test_types_frontier_and_tibet_caveat(zh: ReportContext, items: list[str]) -> None:
    counts = zh.results["typology"].table("vs_source").set_index("type")["regions"]
    for t in ("I", "II", "III", "IV"):
        assert f"{t} 类 {int(counts[t])} 个" in items[1]
    meta = zh.results["productivity"].meta
    eff = zh.results["productivity"].table("efficiency")
    crs = eff[eff["measure"] == "te_crs"]
    on = sorted(str(c) for c in crs.loc[crs["value"] >= 1 - 1e-9, "region_code"])  # independent of meta
    assert sorted(meta["frontier"]) == on and meta["n_frontier"] == len(on)
    assert f"{meta['n_units']} 个省份中 {len(on)} 个处于 DEA 效率前沿" in items[2]
    assert all(zh.region_name(c) in items[2] for c in on)
    assert ("540000" in on) == ("西藏的投入与产出规模都很小" in items[2])


def test_disparity_moran_layout_coordination_numbers(zh: ReportContext, items: list[str]) -> None:
    sigma = zh.results["disparity"].table("sigma")
    assert f"{sigma['value'].iloc[0]:.3f}" in items[3] and f"{sigma['value'].iloc[-1]:.3f}" in items[3]
    dagum = zh.results["disparity"].table("dagum")
    assert f"{dagum['G'].iloc[-1]:.3f}" in items[3]
    assert f"{100 * dagum['between_share'].iloc[-1]:.1f}%" in items[3]
    moran = zh.results["spatial"].table("moran").set_index("year").loc[zh.results["spatial"].meta["year"]]
    assert f"I = {moran['moran_I']:.3f}" in items[4] and f"p = {moran['p_sim']:.3f}" in items[4]
    plan = zh.results["plan"]
    pf = plan.table("portfolio")
    grow = pf.loc[pf["decision"] == "grow", "region_code"].nunique()
    pre = pf.loc[pf["decision"] == "preposition", "region_code"].nunique()
    assert f"{grow} 个有建议培育壮大" in items[5] and f"{pre} 个有建议前瞻布局" in items[5]
    herd = plan.table("herding")
    assert f"高度预警产业 {int((herd['level'] == 'high').sum())} 个" in items[5]
    assert f"{int(herd['targets'].max())} 个地区以其为目标" in items[5]
    counts = zh.results["coordinate"].meta["counts"]
    roles = zh.results["coordinate"].table("roles")["role"]
    assert counts["source"] == int((roles == "source").sum())
    assert f"创新策源地 {counts['source']} 个、承载转化地 {counts['carrier']} 个" in items[6]
    best = zh.results["coordinate"].table("corridors").sort_values("rank").iloc[0]
    assert f"（{best['score']:.3f}，" in items[6]


def test_chinese_findings_have_no_english_labels(items: list[str]) -> None:
    text = re.sub(r"<[^>]+>", " ", " ".join(items))
    words = set(re.findall(r"[A-Za-z][A-Za-z_]*", text))
    # Roman type numerals, the NBS term R&D, the method names DEA/GDP/Dagum, symbols I, p and σ-free letters
    assert words <= {"I", "II", "III", "IV", "R", "D", "DEA", "GDP", "Dagum", "p", "amp"}, words


def test_english_findings(provinces_dir: Path, panel) -> None:  # type: ignore[no-untyped-def]
    sec = summary.build(_ctx(provinces_dir, panel, "en"))
    assert sec is not None and sec.title == "Key findings"
    assert "NQPF index" in sec.html and not re.search(r"[\u4e00-\u9fff]", sec.html)


def test_every_section_has_a_bilingual_name() -> None:
    from yindi.report.sections import NAMES

    assert set(NAMES) == set(SECTIONS)
    for zh, en in NAMES.values():
        assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[\u4e00-\u9fff]", en)
