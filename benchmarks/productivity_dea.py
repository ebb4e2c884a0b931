"""Benchmark: DEA and Malmquist at county scale (n = 2,850) against the plain references, in one run.

    PYTHONPATH=src python benchmarks/productivity_dea.py [--sample 300] [--periods 20]

Data: seeded synthetic county-like units (``_productivity_data.county_like``): Cobb-Douglas frontier, about 10%
of units generated on it. References:

* ``linprog``: one ``scipy.optimize.linprog`` per unit on the full reference set (``yindi.productivity._reference``);
* ``highs-persistent``: one highspy model over the full reference set, reused across units (only the θ column
  and the output right-hand sides change; HiGHS warm-starts from the previous basis).

The references are timed on ``--sample`` units and scaled to n (stated in the output); ours runs on all units.
Scores of the sampled units are compared with ours.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _productivity_data import county_like

from yindi.productivity import dea, malmquist
from yindi.productivity._reference import radial_reference, sbm_reference

warnings.simplefilter("ignore")


def highs_persistent(x: np.ndarray, y: np.ndarray, units: np.ndarray) -> np.ndarray:
    """VRS input-oriented θ with one persistent, warm-started highspy model over the full reference set."""
    import highspy

    n, m = x.shape
    s = y.shape[1]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    lower = np.r_[np.full(m, -inf), y[units[0]], 1.0]
    upper = np.r_[np.zeros(m), np.full(s, inf), 1.0]
    h.addRows(
        m + s + 1, lower, upper, 0, np.array([0], dtype=np.int32), np.array([], dtype=np.int32), np.array([])
    )
    h.addCol(1.0, 0.0, inf, m, np.arange(m, dtype=np.int32), -x[units[0]])
    a = np.vstack([x.T, y.T, np.ones(n)])
    idx = np.arange(m + s + 1, dtype=np.int32)
    for j in range(n):
        h.addCol(0.0, 0.0, inf, m + s + 1, idx, a[:, j].copy())
    out = np.empty(len(units))
    rows = np.arange(m, m + s, dtype=np.int32)
    for k, o in enumerate(units):
        for i in range(m):
            h.changeCoeff(i, 0, -x[o, i])
        h.changeRowsBounds(s, rows, y[o], np.full(s, inf))
        h.run()
        out[k] = h.getSolution().col_value[0]
    return out


def timed(fn, *args, **kw):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    res = fn(*args, **kw)
    return res, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2850)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--periods", type=int, default=20)
    ap.add_argument("--all-frontiers", action="store_true", help="also time sequential, global and ML")
    args = ap.parse_args()
    n, k = args.n, args.sample
    x, y, bad = county_like(n)
    sample = np.random.default_rng(1).choice(n, k, replace=False)
    print(f"n={n}, m=3, s=2; references timed on {k} units and scaled by n/{k}")

    # 1. VRS input-oriented radial DEA
    res, t_first = timed(dea, x, y, rts="vrs", orientation="input", slacks="first")
    _, t_max = timed(dea, x, y, rts="vrs", orientation="input", slacks="max")
    ref, t_lp = timed(radial_reference, x[sample], y[sample], x, y, rts="vrs")
    hp, t_hp = timed(highs_persistent, x, y, sample)
    t_lp, t_hp = t_lp * n / k, t_hp * n / k
    err = max(np.abs(ref - res.efficiency[sample]).max(), np.abs(hp - res.efficiency[sample]).max())
    share = float(np.mean(res.efficiency >= 1 - 1e-9))
    print(
        f"[dea vrs input] yindi θ only {t_first:.2f} s | with max-slack stage {t_max:.2f} s | "
        f"highs-persistent {t_hp:.1f} s (×{t_hp / t_first:.0f}) | linprog {t_lp:.1f} s (×{t_lp / t_first:.0f}) | "
        f"efficient share {share:.3f} | max |Δθ| {err:.1e}"
    )

    # 2. SBM with one undesirable output
    sb, t_sbm = timed(dea, x, y, model="sbm", rts="vrs", undesirable=bad)
    ks = k
    sref_sample = sample[:ks]
    t = time.perf_counter()
    sref = sbm_reference(x, y, bad, rts="vrs", units=sref_sample)
    t_sref = (time.perf_counter() - t) * n / ks
    print(
        f"[sbm vrs + 1 bad] yindi {t_sbm:.2f} s | linprog {t_sref:.1f} s (×{t_sref / t_sbm:.0f}) | "
        f"efficient share {np.mean(sb.efficiency >= 1 - 1e-9):.3f} | max |Δρ| "
        f"{np.abs(sref - sb.efficiency[sref_sample]).max():.1e}"
    )

    # 3. Malmquist, contemporaneous frontier, T periods
    import pandas as pd

    frames = []
    for p in range(args.periods):
        xp, yp, bp = county_like(n, period=p)
        frames.append(
            pd.DataFrame(
                {
                    "region": np.arange(n),
                    "period": 2000 + p,
                    "x1": xp[:, 0],
                    "x2": xp[:, 1],
                    "x3": xp[:, 2],
                    "y1": yp[:, 0],
                    "y2": yp[:, 1],
                    "co2": bp[:, 0],
                }
            )
        )
    panel = pd.concat(frames, ignore_index=True)
    io = {"inputs": ["x1", "x2", "x3"], "outputs": ["y1", "y2"]}
    mq, t_mq = timed(malmquist, panel, **io)
    n_lp = (3 * args.periods - 2) * n
    per_lp = t_lp / n
    print(
        f"[malmquist {args.periods} periods, contemporaneous, crs] yindi {t_mq:.1f} s for {n_lp} LPs | "
        f"linprog estimate {n_lp * per_lp:.0f} s (×{n_lp * per_lp / t_mq:.0f}) | "
        f"M=EC×TC max err {np.nanmax(np.abs(mq.frame['index'] - mq.frame.ec * mq.frame.tc)):.1e}"
    )

    if args.all_frontiers:
        for frontier in ("sequential", "global"):
            res, t_f = timed(malmquist, panel, frontier=frontier, **io)
            print(
                f"[malmquist {args.periods} periods, {frontier}] yindi {t_f:.1f} s | infeasible {res.n_infeasible}"
            )
        res, t_f = timed(malmquist, panel, undesirable=["co2"], **io)
        print(
            f"[malmquist-luenberger {args.periods} periods, contemporaneous] yindi {t_f:.1f} s | "
            f"infeasible cross-period LPs {res.n_infeasible}"
        )


if __name__ == "__main__":
    main()
