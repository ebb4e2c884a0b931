"""Each portfolio rule on hand-built single cells: every reason code is triggered, and the exact set of codes
and the decision are checked (so each code is also shown *not* triggered in the other cases).

Common settings: density quantiles p25 = 0.20 and p50 = 0.40, base threshold 0.5, strong base 0.6, research
strong ≥ 3 %, middle ≥ 2 %, market and carbon thresholds 0.5 and 0.75 (ranks in [0, 1]).
"""

from __future__ import annotations

import numpy as np
import pytest

from yindi.plan.kernels import REASON_CODES, Thresholds, decide

DECISION = {
    0: "upgrade", 1: "grow", 2: "preposition", 3: "apply", 4: "avoid", 5: "monitor", -1: "insufficient_data"
}  # fmt: skip
TIER = {"traditional": 0, "emerging": 1, "future": 2}


def one(
    tier: str,
    cap: float,
    dens: float = 0.5,
    rd: float = 1.0,
    *,
    market: float = 0.2,
    carbon: float = 0.2,
    midhigh: bool = True,
    energy: bool = False,
    enabling: bool = False,
    transfer: bool = True,
    endowment: bool = False,
    energy_rank: float = 0.2,
    fine: bool = True,
) -> tuple[str, set[str]]:
    d = decide(
        np.array([[cap]]),
        np.array([[dens]]),
        np.array([0.20]),
        np.array([0.40]),
        np.array([rd]),
        np.array([0.5]),
        np.array([market]),
        np.array([carbon]),
        np.array([TIER[tier]]),
        np.array([midhigh]),
        np.array([energy]),
        np.array([enabling]),
        Thresholds(transfer=transfer),
        endowment=np.array([endowment]),
        energy_rank=np.array([energy_rank]),
        fine=np.array([[fine]]),
    )
    codes = {REASON_CODES[k] for k in range(len(REASON_CODES)) if d.reasons[k, 0, 0]}
    return DECISION[int(d.decision[0, 0])], codes


CASES = [
    # (id, args, kwargs, decision, codes)
    ("trad_base", ("traditional", 0.7), {}, "upgrade", {"strong_base"}),
    ("trad_base_energy_carbon", ("traditional", 0.7), {"energy": True, "carbon": 0.9}, "upgrade",
     {"strong_base", "green_retrofit"}),
    ("trad_base_carbon_region", ("traditional", 0.7), {"carbon": 0.8}, "upgrade", {"strong_base", "green_retrofit"}),
    ("trad_transfer", ("traditional", 0.3, 0.5, 1.0), {}, "grow", {"high_relatedness", "transfer_fit"}),
    ("trad_transfer_off", ("traditional", 0.3, 0.5, 1.0), {"transfer": False}, "monitor", {"no_base"}),
    ("trad_research_region_no_transfer", ("traditional", 0.3, 0.5, 4.0), {}, "monitor", {"no_base"}),
    ("trad_low_tier_research_region", ("traditional", 0.3, 0.1, 4.0), {"midhigh": False}, "avoid",
     {"no_base", "low_relatedness", "research_region_low_tier"}),
    ("trad_low_tier_weak_region", ("traditional", 0.3, 0.5, 1.0), {"midhigh": False}, "monitor", {"no_base"}),
    ("trad_carbon_block", ("traditional", 0.3, 0.5, 1.0), {"energy": True, "carbon": 0.9}, "avoid",
     {"no_base", "carbon_constraint"}),
    ("trad_mid_relatedness", ("traditional", 0.3, 0.3, 1.0), {}, "monitor", {"no_base", "insufficient_relatedness"}),
    ("emer_base", ("emerging", 0.7, 0.5, 4.0), {}, "grow", {"strong_base", "research_strong"}),
    ("emer_middle_related", ("emerging", 0.3, 0.5, 2.5), {}, "grow", {"high_relatedness", "research_middle"}),
    ("emer_weak_region_related", ("emerging", 0.3, 0.5, 1.0), {}, "monitor", {"no_base"}),
    ("emer_weak_region_mid_related", ("emerging", 0.3, 0.3, 1.0), {}, "avoid",
     {"no_base", "no_research_base", "insufficient_relatedness"}),
    ("emer_apply", ("emerging", 0.3, 0.1, 1.0), {"enabling": True, "market": 0.8}, "apply",
     {"no_base", "low_relatedness", "no_research_base", "application_scenarios"}),
    ("emer_apply_small_market", ("emerging", 0.3, 0.1, 1.0), {"enabling": True, "market": 0.3}, "avoid",
     {"no_base", "low_relatedness", "no_research_base"}),
    ("emer_not_enabling", ("emerging", 0.3, 0.1, 1.0), {"market": 0.8}, "avoid",
     {"no_base", "low_relatedness", "no_research_base"}),
    ("fut_strong_base", ("future", 0.7, 0.5, 4.0), {}, "preposition", {"strong_base", "research_strong"}),
    ("fut_strong_related", ("future", 0.3, 0.5, 4.0), {}, "preposition", {"high_relatedness", "research_strong"}),
    ("fut_strong_adequate", ("future", 0.3, 0.3, 4.0), {}, "preposition", {"research_strong", "adequate_relatedness"}),
    ("fut_strong_unrelated", ("future", 0.3, 0.1, 4.0), {}, "avoid", {"no_base", "low_relatedness"}),
    ("fut_middle_strong_base", ("future", 0.65, 0.5, 2.5), {}, "preposition",
     {"strong_base", "research_middle", "strong_base_for_frontier"}),
    ("fut_middle_weak_base", ("future", 0.55, 0.3, 2.5), {}, "monitor",
     {"strong_base", "research_middle", "base_below_frontier"}),
    ("fut_weak_region", ("future", 0.3, 0.1, 1.2), {}, "avoid", {"no_base", "low_relatedness", "no_research_base"}),
    ("fut_weak_region_base", ("future", 0.9, 0.9, 1.2), {}, "monitor", {"strong_base"}),
    ("fut_apply", ("future", 0.3, 0.5, 1.2), {"enabling": True, "market": 0.9}, "apply",
     {"no_base", "no_research_base", "application_scenarios"}),
    ("emer_energy_rich", ("emerging", 0.3, 0.1, 1.0), {"endowment": True, "energy_rank": 0.9}, "grow",
     {"energy_endowment"}),
    ("emer_energy_poor", ("emerging", 0.3, 0.1, 1.0), {"endowment": True, "energy_rank": 0.5}, "avoid",
     {"no_base", "low_relatedness", "no_research_base"}),
    ("fut_energy_rich_apply", ("future", 0.3, 0.1, 1.0), {"endowment": True, "energy_rank": 0.9}, "apply",
     {"no_base", "low_relatedness", "no_research_base", "energy_endowment"}),
    ("fut_strong_density_missing", ("future", 0.3, float("nan"), 4.0), {}, "monitor", {"no_base"}),
    # the neutral decision: near the base threshold no relatedness or research reason rules an industry out
    ("trad_near_base_unrelated", ("traditional", 0.45, 0.1, 1.0), {}, "monitor", {"no_base", "near_base"}),
    ("trad_near_base_low_tier_research", ("traditional", 0.45, 0.1, 4.0), {"midhigh": False}, "monitor",
     {"no_base", "near_base"}),
    ("trad_near_base_carbon", ("traditional", 0.45, 0.5, 1.0), {"energy": True, "carbon": 0.9}, "avoid",
     {"no_base", "carbon_constraint"}),
    ("trad_gap_unrelated", ("traditional", 0.35, 0.1, 1.0), {}, "avoid", {"no_base", "low_relatedness"}),
    ("emer_near_base_weak", ("emerging", 0.45, 0.1, 1.0), {}, "monitor", {"no_base", "near_base"}),
    ("fut_near_base_strong_unrelated", ("future", 0.45, 0.1, 4.0), {}, "monitor", {"no_base", "near_base"}),
    # coarse evidence only (a census section): capability at the threshold does not establish a base
    ("trad_coarse_only", ("traditional", 0.5, float("nan"), 1.0), {"fine": False}, "monitor",
     {"coarse_evidence_only"}),
    ("trad_coarse_only_fine", ("traditional", 0.5, float("nan"), 1.0), {}, "upgrade", {"strong_base"}),
    ("fut_middle_coarse_strong", ("future", 0.7, 0.5, 2.5), {"fine": False}, "monitor",
     {"coarse_evidence_only", "research_middle", "base_below_frontier"}),
    ("fut_rd_missing", ("future", 0.7, 0.5, float("nan")), {}, "insufficient_data", {"missing_evidence"}),
    ("cap_missing", ("traditional", float("nan"), 0.5, 1.0), {}, "insufficient_data", {"missing_evidence"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "kwargs", "decision", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rule(args: tuple, kwargs: dict, decision: str, codes: set[str]) -> None:
    got_decision, got_codes = one(*args, **kwargs)
    assert got_decision == decision
    assert got_codes == codes


def test_every_reason_code_is_triggered_by_some_case() -> None:
    seen = set().union(*(c[4] for c in CASES))
    assert seen == set(REASON_CODES)


def test_low_tier_rule_never_grows_in_research_regions() -> None:
    # source 003 §3.1: research-strong regions do not take over low-end industries, whatever the relatedness
    for dens in (0.1, 0.3, 0.9):
        assert one("traditional", 0.3, dens, 5.0, midhigh=False)[0] in ("avoid", "monitor")


def test_score_is_weighted_mean_of_present_parts() -> None:
    # two regions, one industry (traditional): score = (0.5·cap + 0.25·dens_rank) / 0.75
    d = decide(
        np.array([[0.8], [0.2]]), np.array([[0.9], [0.1]]), np.array([0.2]), np.array([0.4]),
        np.array([1.0, 1.0]), np.array([0.3, 0.7]), np.array([0.5, 0.5]), np.array([0.1, 0.1]),
        np.array([0]), np.array([True]), np.array([False]), np.array([False]), Thresholds(),
    )  # fmt: skip
    np.testing.assert_allclose(d.score[:, 0], [(0.5 * 0.8 + 0.25 * 1.0) / 0.75, (0.5 * 0.2 + 0.0) / 0.75])
