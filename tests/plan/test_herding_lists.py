"""Herding alerts, lists, stability and evidence assembly on hand-built evidence (real province codes)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.errors import DataValidationError
from yindi.plan.evidence import Evidence
from yindi.plan.herding import herding, read_ambitions
from yindi.plan.lists import do_dont_lists
from yindi.plan.modes import development_modes, driver_from_growth, driver_from_malmquist
from yindi.plan.portfolio import plan_portfolio

REGIONS = ("110000", "140000", "310000", "340000", "440000", "520000", "620000", "650000", "410000", "420000")
INDUSTRIES = ("gbt31", "gbt18", "sei_ic", "sei_nev", "fut_quantum")


def evidence(**options: object) -> Evidence:
    r, i = len(REGIONS), len(INDUSTRIES)
    lq = np.full((r, i), 0.5)
    lq[:2, 2] = 3.0  # two regions capable of chips
    lq[:, 3] = 1.5  # every region capable of NEV
    lq[1, 0] = 4.0  # region 140000: strong steel base
    dens = np.tile(np.linspace(0.1, 0.6, r)[:, None], (1, i))
    table = pd.DataFrame(
        {
            "rd_intensity": [6.7, 1.2, 4.3, 2.7, 3.5, 1.0, 1.3, 0.5, 1.5, 2.3],
            "research_score": np.linspace(0, 1, r),
            "market_score": np.linspace(1, 0, r),
            "carbon_rank": [0.0, 1.0, 0.1, 0.4, 0.2, 0.6, 0.9, 0.95, 0.5, 0.45],
            "enterprise_rd_share": 60.0,
        },
        index=list(REGIONS),
    )
    return Evidence.from_arrays(
        REGIONS, INDUSTRIES, table, lq_electricity=lq, density=dens, firms=lq * 10, options=dict(options)
    )


def test_crowded_industry_alerts_niche_does_not() -> None:
    pf = plan_portfolio(evidence(), stability=False)
    amb = pd.DataFrame(
        {
            "region": [
                "北京",
                "山西",
                "上海",
                "安徽",
                "广东",
                "贵州",
                "甘肃",
                "新疆",
                "河南",
                "湖北",
                "北京",
            ],
            "industry": ["芯片"] * 10 + ["量子科技"],
        }
    )
    h = herding(pf, amb)
    t = h.industries.set_index("industry_id")
    assert t.loc["sei_ic", "targets"] == 10 and t.loc["sei_ic", "capable"] == 2
    assert t.loc["sei_ic", "level"] == "high"
    assert "crowded(targets=10, capable=2)" in t.loc["sei_ic", "reasons"]
    assert t.loc["fut_quantum", "level"] == "none"  # one target: niche
    assert "few_targets(targets=1 < 3)" in t.loc["fut_quantum", "reasons"]
    assert t.loc["sei_nev", "targets"] == 0 and t.loc["sei_nev", "level"] == "none"
    # identical target sets → Jaccard 1
    assert h.similarity.loc["140000", "310000"] == pytest.approx(1.0)


def test_watch_level_between_ratios() -> None:
    pf = plan_portfolio(evidence(), stability=False)
    amb = pd.DataFrame({"region": ["北京", "山西", "上海"], "industry": ["芯片"] * 3})
    t = herding(pf, amb).industries.set_index("industry_id")
    assert t.loc["sei_ic", "level"] == "watch"  # 3 targets / 2 capable = 1.5 in [1, 2)


def test_crowded_targets_move_to_dont_list() -> None:
    pf = plan_portfolio(evidence(), stability=False)
    targets = np.zeros((len(REGIONS), len(INDUSTRIES)), dtype=bool)
    targets[:, 2] = True
    h = herding(pf, targets)
    lists = do_dont_lists(pf, h)
    # 湖北 (rd 2.3 %, density above the median) is told to grow chips by the rules but is not capable:
    assert pf.decisions().loc["420000", "sei_ic"] == "grow"
    hb = lists.region("420000").set_index("industry_id")
    assert (
        hb.loc["sei_ic", "list"] == "dont" and "crowded(targets=10, capable=2)" in hb.loc["sei_ic", "reasons"]
    )
    assert "全国扎堆" in hb.loc["sei_ic", "sentence"]
    # without herding it stays on the do list
    assert do_dont_lists(pf).region("420000").set_index("industry_id").loc["sei_ic", "list"] == "do"
    bj = lists.region("110000").set_index("industry_id")
    assert bj.loc["sei_ic", "list"] == "do"  # capable region keeps it


def test_ambitions_errors_name_the_row() -> None:
    with pytest.raises(DataValidationError, match="row 3"):
        read_ambitions(
            pd.DataFrame({"region": ["北京", "上海"], "industry": ["芯片", "区块链金融"]}), REGIONS
        )
    with pytest.raises(DataValidationError, match="row 2"):
        read_ambitions(pd.DataFrame({"region": ["杭州"], "industry": ["芯片"]}), REGIONS)


def test_stability_reproducible_and_full_without_jitter() -> None:
    a = plan_portfolio(evidence(draws=30, seed=7))
    b = plan_portfolio(evidence(draws=30, seed=7))
    assert a.stability is not None and b.stability is not None
    np.testing.assert_array_equal(a.stability, b.stability)
    c = plan_portfolio(evidence(draws=10, jitter=0.0))
    assert c.stability is not None and (c.stability == 1.0).all()
    assert ((a.stability >= 0) & (a.stability <= 1)).all()


def test_missing_sources_stay_missing() -> None:
    ev = evidence()
    assert np.isnan(ev.measures["rca_firms"]).all() and np.isnan(ev.measures["lq_census"]).all()
    # capability then rests on electricity alone: symmetric(0.5) = 1/3
    assert ev.capability.loc["520000", "gbt18"] == pytest.approx(1 / 3)


def test_modes_transfer_by_maturity() -> None:
    pf = plan_portfolio(evidence(), stability=False)
    m = development_modes(pf)
    rec = m.industries.set_index(["region_code", "industry_id"])
    assert rec.loc[("140000", "gbt31"), "transfer_mode"] == "licensing_ma"  # mature: licensing/M&A
    pre = m.industries[m.industries["decision"] == "preposition"]
    assert len(pre) and (pre["transfer_mode"] == "joint_platform").all()  # frontier: joint platforms
    assert (m.regions["driver"] == "missing").all() and m.notes


def test_driver_rules_hand_cases() -> None:
    g = pd.DataFrame(
        {"region": ["a", "a", "b"], "g_output": [0.1, 0.1, 0.08], "g_capital": [0.1, 0.12, 0.15],
         "g_labour": [0.01, 0.01, 0.0], "tfp_growth": [0.06, 0.06, 0.01]}
    )  # fmt: skip
    d = driver_from_growth(g, 0.5)
    assert d.loc["a", "driver"] == "technology" and d.loc["a", "tfp_share"] == pytest.approx(0.6)
    assert d.loc["b", "driver"] == "factor"
    assert d.loc["a", "capital_deepening"] == pytest.approx(0.1)
    m = driver_from_malmquist(
        pd.DataFrame({"region": ["a", "a", "b"], "tc": [1.05, 1.03, 0.98], "ec": [1.0, 1.0, 1.06]})
    )
    assert m.loc["a", "driver"] == "technology" and m.loc["b", "driver"] == "factor"


def test_frames_follow_result_schema() -> None:
    from yindi.schema import check_schema

    pf = plan_portfolio(evidence(draws=5))
    for frame in (
        pf.to_frame(),
        pf.evidence.to_frame(),
        herding(pf).to_frame(),
        do_dont_lists(pf).to_frame(),
    ):
        check_schema(frame)
    table = pf.table()
    for col in ("region_code", "region", "tier", "industry_id", "industry", "decision", "score", "reasons"):
        assert col in table.columns
    assert table["region"].iloc[0] == "北京"
    # Chinese output has no English decision names in the sentence
    assert not table["sentence"].str.contains("upgrade|grow|avoid").any()
