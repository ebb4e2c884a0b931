"""Benchmark: the full lay-out plan (portfolio with 200-draw stability, herding, do/don't lists) on seeded
synthetic data, vectorised kernels side by side with a plain per-region Python loop of the same rules.

Two sizes: 2,850 regions × 100 industries (county scale; target ≤ 10 s) and 31 × 100 (provinces; ≤ 2 s).
The plain loop decides every cell with scalar ``if`` statements (the rules of docs/methods/plan.md) and is
checked to give the same decisions as the kernel; it is timed for the decision step and for the 200 stability
draws (extrapolated from 5 draws at county scale).

Wall time and the process's CPU time are both printed: on a shared machine (load above the core count) wall time
overstates what a quiet machine needs.

Run: ``PYTHONPATH=src python benchmarks/plan_portfolio.py [--regions 2850 --industries 100 --draws 200]``
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np
import pandas as pd

from yindi.plan.evidence import Evidence
from yindi.plan.herding import herding
from yindi.plan.kernels import Thresholds, column_quantile
from yindi.plan.lists import do_dont_lists
from yindi.plan.portfolio import industry_arrays, plan_portfolio, run_rules


def synthetic(n_regions: int, n_industries: int, seed: int = 20240601) -> Evidence:
    """Seeded evidence: lognormal LQs for three sources (10 % missing), beta densities, region measures."""
    rng = np.random.default_rng(seed)
    regions = [f"R{r:05d}" for r in range(n_regions)]
    inds = [f"I{i:03d}" for i in range(n_industries)]
    n_t, n_e = int(0.4 * n_industries), int(0.35 * n_industries)
    tiers = ["traditional"] * n_t + ["emerging"] * n_e + ["future"] * (n_industries - n_t - n_e)
    itab = pd.DataFrame(
        {
            "tier": tiers,
            "name_zh": [f"产业{i}" for i in range(n_industries)],
            "name_en": inds,
            "level_003": [
                rng.choice(["primary", "low", "mid", "high"]) if t == "traditional" else "" for t in tiers
            ],
            "maturity": [
                {"traditional": "mature", "emerging": "growing", "future": "frontier"}[t] for t in tiers
            ],
            "energy_intensive": rng.random(n_industries) < 0.15,
            "enabling": rng.random(n_industries) < 0.3,
        },
        index=inds,
    )
    shape = (n_regions, n_industries)

    def lq() -> np.ndarray:
        x = rng.lognormal(-0.2, 0.8, shape)
        x[rng.random(shape) < 0.1] = np.nan
        return x

    rt = pd.DataFrame(
        {
            "rd_intensity": rng.gamma(2.0, 1.0, n_regions),
            "research_score": rng.random(n_regions),
            "market_score": rng.random(n_regions),
            "carbon_rank": rng.random(n_regions),
        },
        index=regions,
    )
    return Evidence.from_arrays(
        regions, inds, rt, lq_electricity=lq(), rca_firms=lq(), lq_census=lq(),
        density=rng.beta(2, 5, shape), firms=rng.poisson(3, shape).astype(float), industry_table=itab,
        options={"draws": 200},
    )  # fmt: skip


def plain_decisions(ev: Evidence, opts: dict) -> np.ndarray:
    """The rules cell by cell in plain Python, one region at a time (the reference)."""
    t = Thresholds()
    w = [opts["w_electricity"], opts["w_firms"], opts["w_census"]]
    m = ev.measures
    arrays = industry_arrays(ev)
    dens = m["density"]
    q_low = column_quantile(dens, opts["density_low_quantile"])
    q_grow = column_quantile(dens, opts["density_grow_quantile"])
    rt = ev.region_table
    out = np.empty(dens.shape, dtype=np.int8)
    for r in range(dens.shape[0]):
        rd, market, carbon = rt["rd_intensity"].iat[r], rt["market_score"].iat[r], rt["carbon_rank"].iat[r]
        for i in range(dens.shape[1]):
            num = den = 0.0
            for s, wt in zip(("lq_electricity", "rca_firms", "lq_census"), w, strict=True):
                v = m[s][r, i]
                if not math.isnan(v):
                    num += wt * v / (1 + v)
                    den += wt
            if den == 0:
                out[r, i] = -1
                continue
            cap = num / den
            d = dens[r, i]
            has = cap >= t.base
            low = d < q_low[i]
            ok = d >= q_grow[i]
            strong, mid = rd >= t.research_strong, t.research_middle <= rd < t.research_strong
            tier = arrays["tier"][i]
            if tier == 0:
                block = arrays["energy"][i] and carbon >= t.carbon and not has
                if has:
                    out[r, i] = 0
                elif t.transfer and not strong and ok and arrays["midhigh"][i] and not block:
                    out[r, i] = 1
                else:
                    out[r, i] = 4
            elif tier == 1:
                if has or ((mid or strong) and ok):
                    out[r, i] = 1
                elif arrays["enabling"][i] and market >= t.market:
                    out[r, i] = 3
                else:
                    out[r, i] = 4
            else:
                if (strong and (has or not low)) or (mid and cap >= t.strong_base):
                    out[r, i] = 2
                elif arrays["enabling"][i] and market >= t.market:
                    out[r, i] = 3
                else:
                    out[r, i] = 4
    return out


def run(n_regions: int, n_industries: int, draws: int) -> dict[str, float]:
    from yindi.regions import registry

    registry()  # the region registry is static data loaded once per process (about 4 s); not timed
    ev = synthetic(n_regions, n_industries)
    opts = dict(ev.options) | {"draws": draws}
    t0 = time.perf_counter()
    d, _ = run_rules(ev, opts)
    t_decide = time.perf_counter() - t0
    c0 = time.process_time()
    t0 = time.perf_counter()
    pf = plan_portfolio(ev, {"draws": draws})
    t_portfolio = time.perf_counter() - t0
    t0 = time.perf_counter()
    hd = herding(pf)
    t_herding = time.perf_counter() - t0
    t0 = time.perf_counter()
    do_dont_lists(pf, hd)
    t_lists = time.perf_counter() - t0
    cpu_full = time.process_time() - c0
    t0 = time.perf_counter()
    ref = plain_decisions(ev, opts)
    t_plain = time.perf_counter() - t0
    same = bool((ref == d.decision).all())
    return {
        "decide": t_decide,
        "portfolio+stability": t_portfolio,
        "herding": t_herding,
        "lists (renders the listed rows)": t_lists,
        "full plan": t_portfolio + t_herding + t_lists,
        "full plan, CPU time of this process": cpu_full,
        "plain loop, one decision pass": t_plain,
        "plain loop, 1 + draws passes (extrapolated)": t_plain * (1 + draws),
        "same decisions": float(same),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--regions", type=int, default=2850)
    ap.add_argument("--industries", type=int, default=100)
    ap.add_argument("--draws", type=int, default=200)
    a = ap.parse_args()
    for n in (a.regions, 31):
        res = run(n, a.industries, a.draws)
        print(f"\n{n} regions × {a.industries} industries, {a.draws} stability draws")
        for k, v in res.items():
            print(f"  {k:45s} {v:8.3f}" + (" s" if k != "same decisions" else ""))
        ratio = res["plain loop, 1 + draws passes (extrapolated)"] / res["portfolio+stability"]
        print(f"  portfolio+stability vs plain loop: {ratio:.1f}× faster; decide alone: "
              f"{res['plain loop, one decision pass'] / res['decide']:.1f}×")  # fmt: skip


if __name__ == "__main__":
    main()
