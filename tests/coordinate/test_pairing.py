"""Pairing on the hand-built panel: every part against its formula written out, the decomposition, industry
pairs with a capability column, strategic memberships and the industry profiles."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from coordinate_testdata import make_hand_panel
from scipy import stats

from yindi.coordinate import pairs, profile_for, profiles, roles
from yindi.coordinate._pair_kernel import PARTS
from yindi.coordinate.pairing import strategic_bits
from yindi.plan.taxonomy import load_taxonomy
from yindi.regions.groupings import STRATEGIC
from yindi.schema import check_schema
from yindi.spatial import centroids
from yindi.spatial.build import great_circle


@pytest.fixture()
def hand_panel():  # type: ignore[no-untyped-def]
    return make_hand_panel()


BJ, HE, NM, QH = "110000", "130000", "150000", "630000"


@pytest.fixture()
def hand_roles(hand_panel):  # type: ignore[no-untyped-def]
    return roles(hand_panel)


def test_overall_pairs_parts_by_hand(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    res = pairs(hand_panel, roles_result=hand_roles, top=3)
    t = res.table.set_index("carrier_code")
    assert set(res.table["source_code"]) == {BJ}  # the only source
    assert set(t.index) == {HE, NM, QH}  # every region but a pure source may carry
    r = hand_roles.table.set_index("region_code")
    # knowledge gap = Φ(creation_s) − Φ(creation_c); absorptive capacity = Φ(absorption_c)
    gap = stats.norm.cdf(r.at[BJ, "creation"]) - stats.norm.cdf(r.at[HE, "creation"])
    assert t.at[HE, "knowledge_gap"] == pytest.approx(gap)
    assert t.at[HE, "absorptive_capacity"] == pytest.approx(stats.norm.cdf(r.at[HE, "absorption"]))
    # complementarity = profile-weighted endowment of the carrier − of the source (default profile: ⅓ each)
    w = np.array(profile_for(None).weights)
    endow = r[["energy", "land", "labour", "talent"]].to_numpy() @ w
    e = dict(zip(r.index, endow, strict=True))
    assert t.at[NM, "complementarity"] == pytest.approx(e[NM] - e[BJ])
    # distance decay exp(−d / 1000 km); 北京 and 河北 both in 京津冀 only, 内蒙古 in 黄河流域 only
    assert t.at[HE, "distance_decay"] == pytest.approx(math.exp(-t.at[HE, "distance_km"] / 1000.0))
    assert t.at[HE, "strategic_link"] == 1.0 and t.at[NM, "strategic_link"] == 0.0
    assert t.at[HE, "shared"] == "京津冀"
    # no capability evidence: base fit missing, said in the notes, contributes 0
    assert t["base_fit"].isna().all() and any("基础匹配分项未计入" in n for n in res.notes)  # default zh
    contrib = t[[f"c_{p}" for p in PARTS]].sum(axis=1)
    np.testing.assert_allclose(contrib, t["score"], rtol=1e-12)
    weights = [res.weights[p] for p in PARTS]
    assert t.at[HE, "score"] == pytest.approx(
        sum(
            wk * (0.0 if math.isnan(t.at[HE, p]) else t.at[HE, p])
            for wk, p in zip(weights, PARTS, strict=True)
        )
    )
    assert list(res.table["rank"]) == [1, 2, 3]
    assert res.table["score"].is_monotonic_decreasing


def test_distance_is_great_circle_between_main_part_centroids(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    res = pairs(hand_panel, roles_result=hand_roles, top=3).table.set_index("carrier_code")
    codes = list(hand_roles.codes)
    d = great_circle(hand_roles.lonlat)  # yindi.spatial's haversine on the same centroids
    assert res.at[HE, "distance_km"] == pytest.approx(d[codes.index(BJ), codes.index(HE)], rel=1e-9)
    # 北京 is one polygon: its main-part centroid is yindi.spatial's centroid
    np.testing.assert_allclose(hand_roles.lonlat[codes.index(BJ)], centroids([BJ])[0])


def test_industry_pairs_use_the_industry_column_and_profile(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    cap = pd.DataFrame(
        {"sei_computing": [0.9, 0.2, 0.8, np.nan], "gbt31": [0.1, 0.9, 0.7, 0.3]}, index=[BJ, HE, NM, QH]
    )
    res = pairs(hand_panel, roles_result=hand_roles, capability=cap, industry="算力", top=3)
    t = res.table.set_index("carrier_code")
    assert res.industry_id == "sei_computing" and res.profile.profile == "computing"
    assert (res.table["industry_id"] == "sei_computing").all()
    assert t.at[HE, "base_fit"] == pytest.approx(0.2) and t.at[NM, "base_fit"] == pytest.approx(0.8)
    assert math.isnan(t.at[QH, "base_fit"]) and t.at[QH, "c_base_fit"] == 0.0
    sens = res.profile.distance_sensitivity
    assert t.at[NM, "distance_decay"] == pytest.approx(math.exp(-sens * t.at[NM, "distance_km"] / 1000.0))
    # overall pairs with the matrix: base fit = Σ_i K_si K_ci / Σ_i K_si over industries observed for the carrier
    overall = pairs(hand_panel, roles_result=hand_roles, capability=cap, top=3).table.set_index(
        "carrier_code"
    )
    assert overall.at[HE, "base_fit"] == pytest.approx((0.9 * 0.2 + 0.1 * 0.9) / (0.9 + 0.1))
    assert overall.at[QH, "base_fit"] == pytest.approx(0.1 * 0.3 / 0.1)


def test_region_filter_both_directions(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    res = pairs(hand_panel, roles_result=hand_roles, region="河北", top=2)
    assert set(res.table["by"]) == {"carrier"}  # 河北 is a carrier only
    assert (res.table["carrier_code"] == HE).all() and list(res.table["source_code"]) == [BJ]
    res = pairs(hand_panel, roles_result=hand_roles, region="Beijing", top=1)
    assert list(res.table["by"]) == ["source"]
    everything = pairs(hand_panel, roles_result=hand_roles, top=3, options={"eligible": "all"})
    assert len(everything.table) == 4 * 3


def test_strict_eligibility_drops_neither(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    res = pairs(hand_panel, roles_result=hand_roles, top=3, options={"eligible": "strict"})
    assert QH not in set(res.table["carrier_code"])


def test_weights_are_options_and_zero_weight_removes_a_part(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    only_distance = {f"pair_w_{p}": 0.0 for p in PARTS} | {"pair_w_distance_decay": 1.0}
    t = pairs(hand_panel, roles_result=hand_roles, top=3, options=only_distance).table
    assert list(t["carrier_code"]) == list(t.sort_values("distance_km")["carrier_code"])
    np.testing.assert_allclose(t["score"], t["distance_decay"])


def test_to_frame_schema(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    f = pairs(hand_panel, roles_result=hand_roles, top=2).to_frame()
    check_schema(f)
    assert {"partner_code", "industry_id", "by", "rank"} <= set(f.columns)
    assert set(f["measure"]) == {"score", *PARTS, "distance_km"}


def test_strategic_bits() -> None:
    order = list(STRATEGIC)
    bits = strategic_bits(("510000", "440000", "440300", "440200", "110000", "650000"))

    def names(b: int) -> set[str]:
        return {order[k] for k in range(len(order)) if int(b) >> k & 1}

    assert names(bits[0]) == {"chengyu", "yangtze_belt", "yellow_river"}
    assert names(bits[1]) == {"gba"}
    assert names(bits[2]) == {"gba"}  # 深圳 is one of the nine cities
    assert names(bits[3]) == set()  # 韶关 is not
    assert names(bits[4]) == {"jingjinji"} and names(bits[5]) == set()


def test_profiles_table_and_rules() -> None:
    tax = load_taxonomy()
    assert profile_for(tax.resolve("算力")).profile == "computing"
    assert profile_for(tax["gbt31"]).profile == "energy_intensive"  # taxonomy flag
    assert profile_for(tax["fut_quantum"]).profile == "research_intensive"  # tier rule
    assert profile_for(tax["gbt17"]).profile == "labour_intensive"
    assert profile_for(tax["gbt36"]).profile == "default"
    assert profile_for(None).profile == "default"
    for p in profiles():
        assert sum(p.weights) == pytest.approx(1.0) and p.source


def test_unknown_industry_is_a_bilingual_error(hand_panel, hand_roles) -> None:  # type: ignore[no-untyped-def]
    from yindi.errors import YindiError

    with pytest.raises(YindiError) as e:
        pairs(hand_panel, roles_result=hand_roles, industry="不存在的产业")
    assert e.value.zh and "Closest" in str(e.value)


def test_every_option_is_documented() -> None:
    from pathlib import Path

    from yindi.coordinate.options import TABLE

    doc = (Path(__file__).resolve().parents[2] / "docs" / "methods" / "coordinate.md").read_text(
        encoding="utf-8"
    )
    missing = [o.name for o in TABLE.options if f"`{o.name}`" not in doc]
    assert not missing, f"document these options in docs/methods/coordinate.md: {missing}"
