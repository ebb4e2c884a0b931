"""Plausibility suite on the real provincial data (31 provinces, CEADs electricity, listed firms, census 2020).

Expectations, written down before this suite was first run (docs/methods/plan.md repeats them with reasons):

E1  Coal and heavy industry (source 003 §3.1 "传统产业优势明显的地区…改造提升"; 001 §2.2 "加速钢铁、化工等高耗能
    行业低碳转型"): every province with an electricity LQ ≥ 2 in coal mining (gbt06) and a CO2-intensity rank ≥ 0.75
    is told to *upgrade* coal mining with the reason ``green_retrofit``; and every *upgrade* of an NBS
    energy-intensive industry (25, 26, 30, 31, 32, 44) carries ``green_retrofit``.
E2  A region with R&D intensity < 1.5 % is never told to pre-position quantum technology (nor any future industry).
E3  北京 and 上海 are never told to *grow* garments (gbt18) or textiles (gbt17).
E4  More generally, no research-strong region (R&D ≥ 3 %) is told to *grow* a primary- or low-tier industry.
E5  Every research-strong region pre-positions at least one of the six future industries of the 15th FYP proposal.
E6  The chip rule (source 000): a region without an electronics base (gbt39 capability < 0.5) and R&D < 2 % is never
    told to grow or pre-position chips (sei_ic).  [Result: fails for 宁夏 — see the xfail reason.]
E7  ``insufficient_data`` does not occur: every province has at least one capability source and an R&D intensity.
E8  Herding from Yindi's own recommendations does not alert on every industry (some industry has level "none").
E9  Decisions differ across regions: every industry gets at least two different decisions over the 31 provinces.

Added after the lead's review (written before the rules were changed and rerun; decisions ``avoid`` vs the new
neutral ``monitor``):

E10 No region is told to upgrade an industry for which only coarse evidence exists (no electricity LQ and no
    listed-firm RCA, only a census section that maps to many divisions): such a cell is never ``upgrade`` and never
    carries ``strong_base``; when its capability reaches the base threshold it carries ``coarse_evidence_only``.
E11 The don't list is short enough to be read: nationally at most 35 % of region × industry cells are ``avoid``
    (it was 59 %), and no region has more than half of its industries on ``avoid``.
E12 A region whose capability in an industry is within 0.1 below the base threshold is never told to avoid it
    unless a carbon constraint applies (a near-average presence is not ruled out on relatedness or research).
E13 Every ``avoid`` carries an explicit negative reason (low_relatedness, no_research_base, carbon_constraint or
    research_region_low_tier); ``no_base`` alone never puts an industry on the don't list.
E14 ``monitor`` is not a target: herding's own-recommendation target counts equal the number of ``grow`` and
    ``preposition`` decisions per industry; the lists' don't rows are ``avoid`` (or ``crowded``) only.

History: the first run failed E1 for 黑龙江 (coal LQ 2.7 by electricity and 2.0 by census, but no listed coal firm
in a province of 38 listed firms pulled the capability to 0.42). The rule changed — not the expectation: a
listed-firm RCA whose expected count is below ``min_expected_firms`` (default 1) is now missing, not zero.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from yindi.plan.run import PlanResults, compute_plan

FYP15 = ("fut_quantum", "fut_biomfg", "fut_hydrogen_fusion", "fut_bci", "fut_embodied", "fut_6g")
ENERGY_INTENSIVE = ("gbt25", "gbt26", "gbt30", "gbt31", "gbt32", "gbt44")


@pytest.fixture(scope="module")
def res(provinces_dir: Path, panel) -> PlanResults:  # type: ignore[no-untyped-def]
    return compute_plan(panel, data_dir=provinces_dir, year=2023, options={"draws": 20})


@pytest.fixture(scope="module")
def tab(res: PlanResults) -> pd.DataFrame:
    return res.portfolio.table()


def _rd(res: PlanResults) -> pd.Series:
    return res.evidence.region_table["rd_intensity"]


def test_all_sources_present(res: PlanResults) -> None:
    assert len(res.evidence.regions) == 31
    assert set(res.evidence.missing["source"]) <= {"electricity", "panel"}  # only Tibet's CEADs row and CO2


def test_e1_coal_and_heavy_industry_upgrade_green(res: PlanResults, tab: pd.DataFrame) -> None:
    lq = pd.DataFrame(
        res.evidence.measures["lq_electricity"], index=res.evidence.regions, columns=res.evidence.industries
    )
    carbon = res.evidence.region_table["carbon_rank"]
    coal = [r for r in res.evidence.regions if lq.loc[r, "gbt06"] >= 2 and carbon[r] >= 0.75]
    assert coal, "expected some coal provinces"
    t = tab.set_index(["region_code", "industry_id"])
    for r in coal:
        assert t.loc[(r, "gbt06"), "decision"] == "upgrade", r
        assert "green_retrofit" in t.loc[(r, "gbt06"), "reasons"], r
    heavy = tab[tab["industry_id"].isin(ENERGY_INTENSIVE) & (tab["decision"] == "upgrade")]
    assert len(heavy) and heavy["reasons"].str.contains("green_retrofit").all()


def test_e2_low_rd_never_prepositions(res: PlanResults, tab: pd.DataFrame) -> None:
    low = set(_rd(res)[_rd(res) < 1.5].index)
    assert low
    hit = tab[tab["region_code"].isin(low) & (tab["decision"] == "preposition")]
    assert hit.empty, hit[["region", "industry"]]


def test_e3_beijing_shanghai_no_garments(tab: pd.DataFrame) -> None:
    t = tab[tab["region_code"].isin(["110000", "310000"]) & tab["industry_id"].isin(["gbt17", "gbt18"])]
    assert len(t) == 4 and (t["decision"] != "grow").all()


def test_e4_research_regions_do_not_grow_low_tier(res: PlanResults, tab: pd.DataFrame) -> None:
    strong = set(_rd(res)[_rd(res) >= 3].index)
    low_tier = set(res.evidence.industry_frame().query("level_003 in ['primary', 'low']").index)
    hit = tab[
        tab["region_code"].isin(strong) & tab["industry_id"].isin(low_tier) & (tab["decision"] == "grow")
    ]
    assert hit.empty


def test_e5_research_regions_preposition_fyp15(res: PlanResults, tab: pd.DataFrame) -> None:
    for r in _rd(res)[_rd(res) >= 3].index:
        t = tab[(tab["region_code"] == r) & tab["industry_id"].isin(FYP15)]
        assert (t["decision"] == "preposition").any(), r


@pytest.mark.xfail(
    strict=True,
    reason="E6 fails on the real data for 宁夏: its electricity LQ in division 39 (silicon ingots and wafers, an "
    "electricity-intensive part of the division) and the census manufacturing share give chips a capability of "
    "0.53 ≥ 0.50, while its listed-firm evidence is too thin to count (expected < 1 firm) and the division-39 "
    "capability including firms stays < 0.50. Kept as a recorded failure of the electricity proxy, not bent.",
)
def test_e6_no_chip_base_no_fab(res: PlanResults, tab: pd.DataFrame) -> None:
    cap = res.evidence.capability["gbt39"]
    weak = set(cap[(cap < 0.5) & (_rd(res) < 2)].index)
    assert weak
    t = tab[tab["region_code"].isin(weak) & (tab["industry_id"] == "sei_ic")]
    assert t["decision"].isin(["apply", "avoid", "monitor"]).all()


def test_e7_no_insufficient_data(tab: pd.DataFrame) -> None:
    assert (tab["decision"] != "insufficient_data").all()


def test_e8_herding_not_everywhere(res: PlanResults) -> None:
    assert (res.herding.industries["level"] == "none").any()


def test_e9_decisions_vary(tab: pd.DataFrame) -> None:
    n = tab.groupby("industry_id")["decision"].nunique()
    assert (n >= 2).all(), n[n < 2]


def test_stability_in_unit_interval(res: PlanResults) -> None:
    s = res.portfolio.stability
    assert s is not None and np.nanmin(s) >= 0 and np.nanmax(s) <= 1


def test_chinese_output_has_no_latin_letters(tab: pd.DataFrame) -> None:
    for col in ("sentence", "decision_name", "tier_name", "industry"):
        bad = tab[tab[col].str.contains(r"[A-Za-z]")]
        assert bad.empty, bad[col].head().tolist()


_NEGATIVE = ("low_relatedness", "no_research_base", "carbon_constraint", "research_region_low_tier")


def test_e10_no_base_from_coarse_evidence_only(res: PlanResults, tab: pd.DataFrame) -> None:
    m = res.evidence.measures
    coarse = ~np.isfinite(m["lq_electricity"]) & ~np.isfinite(m["rca_firms"]) & np.isfinite(m["lq_census"])
    assert coarse.any(), "expected some cells with census evidence only"
    t = tab.set_index(["region_code", "industry_id"])
    r, i = np.nonzero(coarse)
    cells = t.loc[
        list(zip(np.asarray(res.evidence.regions)[r], np.asarray(res.evidence.industries)[i], strict=True))
    ]
    assert (cells["decision"] != "upgrade").all()
    assert not cells["reasons"].str.contains("strong_base").any()
    cap = res.portfolio.capability[r, i]
    at_base = cap >= float(res.portfolio.options["base_threshold"])
    assert cells["reasons"][at_base].str.contains("coarse_evidence_only").all()


def test_e11_dont_list_is_short(tab: pd.DataFrame) -> None:
    share = (tab["decision"] == "avoid").mean()
    assert share <= 0.35, share


@pytest.mark.xfail(
    strict=True,
    reason="E11 per region fails for seven research-weak western provinces (R&D < 2 %: 内蒙古, 海南, 贵州, 云南, "
    "甘肃, 青海, 新疆 at 57–62 % avoid): almost every future industry (no_research_base, source 003 §3.1) and the "
    "emerging industries without a base or high relatedness are ruled out. Recorded, not bent: the research rule "
    "is sourced; the lists show only the top items per region.",
)
def test_e11_dont_list_per_region(tab: pd.DataFrame) -> None:
    per_region = tab.groupby("region_code")["decision"].apply(lambda d: (d == "avoid").mean())
    assert (per_region <= 0.5).all(), per_region[per_region > 0.5]


def test_e12_near_base_never_avoided_without_carbon(res: PlanResults, tab: pd.DataFrame) -> None:
    base = float(res.portfolio.options["base_threshold"])
    cap = res.portfolio.capability.reshape(-1)
    near = (cap >= base - 0.1) & (cap < base)
    assert near.any()
    t = tab[near & (tab["decision"] == "avoid").to_numpy()]
    assert t["reasons"].str.contains("carbon_constraint").all(), t[["region", "industry", "reasons"]]


def test_e13_every_avoid_has_a_negative_reason(tab: pd.DataFrame) -> None:
    a = tab[tab["decision"] == "avoid"]
    assert len(a)
    assert a["reasons"].str.contains("|".join(_NEGATIVE)).all()
    assert (tab["decision"] == "monitor").any()


def test_e14_monitor_is_not_a_target(res: PlanResults, tab: pd.DataFrame) -> None:
    own = tab[tab["decision"].isin(["grow", "preposition"])].groupby("industry_id").size()
    h = res.herding.industries.set_index("industry_id")["targets"]
    pd.testing.assert_series_equal(
        h.reindex(own.index).astype(int), own.astype(int), check_names=False, check_dtype=False
    )
    dont = res.lists.frame[res.lists.frame["list"] == "dont"]
    assert (dont["decision"].eq("avoid") | dont["reasons"].str.contains("crowded")).all()
