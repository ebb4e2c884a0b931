"""The stability draws, decided in blocks, give the decisions of ``decide_codes`` draw by draw."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from yindi.plan._options import PLAN_OPTIONS
from yindi.plan.evidence import Evidence
from yindi.plan.kernels import decide_codes, sorted_quantile
from yindi.plan.portfolio import plan_portfolio, prepare, thresholds_from
from yindi.plan.stability import decision_stability, perturbed_options
from yindi.plan.taxonomy import load_taxonomy


def _evidence(seed: int) -> Evidence:
    rng = np.random.default_rng(seed)
    regions = [f"{k:02d}0000" for k in range(11, 41)]
    ids = list(load_taxonomy().ids)
    r, i = len(regions), len(ids)

    def measure(missing: float) -> np.ndarray:
        x = rng.gamma(1.5, 0.8, (r, i))
        x[rng.random((r, i)) < missing] = np.nan
        return x

    table = pd.DataFrame(
        {
            "rd_intensity": np.where(rng.random(r) < 0.1, np.nan, rng.gamma(2, 1.2, r)),
            "research_score": rng.random(r),
            "market_score": rng.random(r),
            "carbon_rank": rng.random(r),
            "energy_rank": rng.random(r),
        },
        index=regions,
    )
    return Evidence.from_arrays(
        regions,
        ids,
        table,
        lq_electricity=measure(0.1),
        rca_firms=measure(0.4),
        lq_census=measure(0.05),
        density=rng.random((r, i)),
    )


def _reference(ev: Evidence, opts: dict[str, Any], baseline: np.ndarray) -> np.ndarray:
    """The draw-by-draw loop the blocks replace."""
    x = prepare(ev)
    a = x.arrays
    rng = np.random.default_rng(int(opts["seed"]))
    same = np.zeros(baseline.shape, dtype=np.int32)
    for _ in range(int(opts["draws"])):
        o = perturbed_options(opts, rng, float(opts["jitter"]))
        w = (float(o["w_electricity"]), float(o["w_firms"]), float(o["w_census"]))
        used = w[0] * x.present[0] + w[1] * x.present[1] + w[2] * x.present[2]
        with np.errstate(invalid="ignore", divide="ignore"):
            cap = (w[0] * x.filled[0] + w[1] * x.filled[1] + w[2] * x.filled[2]) / used
        cap[used == 0] = np.nan
        d = decide_codes(
            cap, x.density,
            sorted_quantile(x.dens_sorted, x.dens_n, float(o["density_low_quantile"])),
            sorted_quantile(x.dens_sorted, x.dens_n, float(o["density_grow_quantile"])),
            x.rd, x.market, x.carbon, a["tier"], a["midhigh"], a["energy"], a["enabling"],
            thresholds_from(o), endowment=a["endowment"], energy_rank=x.energy, fine=x.fine,
        )  # fmt: skip
        same += d == baseline
    out: np.ndarray = same / max(int(opts["draws"]), 1)
    return out


@pytest.mark.parametrize(
    ("seed", "options"),
    [
        (1, {"draws": 300, "jitter": 0.3}),  # more than one block
        (2, {"draws": 40, "jitter": 0.5, "transfer": False, "base_threshold": 0.9}),
        (3, {"draws": 1, "near_base_margin": 0.0, "density_low_region_quantile": 0.2}),
    ],
)
def test_blocks_equal_draw_by_draw(seed: int, options: dict[str, Any]) -> None:
    ev = _evidence(seed)
    opts = PLAN_OPTIONS.resolve({**ev.options, **options, "seed": seed})
    baseline = plan_portfolio(ev, opts, stability=False).decision
    got = decision_stability(ev, opts, baseline)
    np.testing.assert_array_equal(got, _reference(ev, opts, baseline))
    assert 0 < np.mean(got) < 1 or int(opts["draws"]) == 1
