"""Benchmark: global-frontier Malmquist at county scale (2,850 counties × 10 periods, 28,500 pooled units).

    PYTHONPATH=src python benchmarks/productivity_county.py [--periods 10] [--n 2850] [--sample 20]
        [--baseline-src PATH]   # optional: the same runs on another checkout's src/ (e.g. the previous code)
        [--dea-n 30000]         # with --baseline-src: also DEA on one cross-section of this size, both codes

Data: seeded synthetic county-like units (``_productivity_data.county_like``): 3 log-normal inputs, 2 outputs on a
Cobb-Douglas frontier rising 2 % a period, 7 % of units generated on it. Every timed run is a fresh subprocess,
so its peak memory is its own ``ru_maxrss``:

* ``yindi``: ``malmquist(..., frontier="global")`` end to end (CRS, and VRS with the PEC/SEC split), default
  options (frame pre-filter above 2,000 reference units);
* ``yindi, no pre-filter``: the same with ``frame_prefilter_above`` set above the pooled size;
* ``baseline``: the same call on ``--baseline-src`` when given (the old code path);
* ``linprog``: the plain reference, one ``scipy.optimize.linprog`` (HiGHS) per unit against the full reference
  set (``yindi.productivity._reference``), timed on ``--sample`` units for each LP kind the index needs (pooled
  28,500-unit LPs and own-period 2,850-unit LPs) and extrapolated to all of them (stated). The sampled units'
  global indices are compared with Yindi's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def panel(n: int, periods: int):  # type: ignore[no-untyped-def]
    import pandas as pd
    from _productivity_data import county_like

    frames = []
    for p in range(periods):
        x, y, _ = county_like(n, period=p)
        frames.append(
            pd.DataFrame(
                {
                    "region": np.arange(n),
                    "period": 2000 + p,
                    "x1": x[:, 0],
                    "x2": x[:, 1],
                    "x3": x[:, 2],
                    "y1": y[:, 0],
                    "y2": y[:, 1],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


IO = {"inputs": ["x1", "x2", "x3"], "outputs": ["y1", "y2"]}


def worker(args: argparse.Namespace) -> None:
    """One timed run in this process; prints a JSON line."""
    import warnings

    warnings.simplefilter("ignore")
    from yindi.productivity import malmquist

    df = panel(args.n, args.periods)
    t = time.perf_counter()
    cpu = time.process_time()
    kw = {} if args.prefilter is None else {"frame_prefilter_above": args.prefilter}
    res = malmquist(df, frontier="global", rts=args.rts, **IO, **kw)
    out = {
        "wall": time.perf_counter() - t,
        "cpu": time.process_time() - cpu,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "index": res.frame.loc[res.frame["period"] == 2001, ["region", "index"]].to_numpy().tolist(),
        "identity": float(np.nanmax(np.abs(res.frame["index"] - res.frame["ec"] * res.frame["tc"]))),
    }
    print(json.dumps(out))


def dea_worker(args: argparse.Namespace) -> None:
    """DEA (VRS, input, with the max-slack stage) on one cross-section of ``--dea-n`` units; a JSON line."""
    import warnings

    warnings.simplefilter("ignore")
    from _productivity_data import county_like

    from yindi.productivity import dea

    x, y, _ = county_like(args.dea_n)
    t = time.perf_counter()
    cpu = time.process_time()
    res = dea(x, y, rts="vrs", orientation="input")
    out = {
        "wall": time.perf_counter() - t,
        "cpu": time.process_time() - cpu,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "efficiency": res.efficiency[:: max(1, args.dea_n // 500)].tolist(),
    }
    print(json.dumps(out))


def reference(args: argparse.Namespace) -> None:
    """linprog on sampled units: pooled LPs (E^G, periods 0 and 1) and own-period LPs; prints a JSON line."""
    import warnings

    warnings.simplefilter("ignore")
    from yindi.productivity._reference import radial_reference

    df = panel(args.n, args.periods)
    x = df[IO["inputs"]].to_numpy()
    y = df[IO["outputs"]].to_numpy()
    sample = np.random.default_rng(1).choice(args.n, args.sample, replace=False)
    t = time.perf_counter()
    e0 = radial_reference(x[sample], y[sample], x, y, rts="crs")
    e1 = radial_reference(x[args.n + sample], y[args.n + sample], x, y, rts="crs")
    t_pooled = (time.perf_counter() - t) / (2 * args.sample)
    own = slice(0, args.n)
    t = time.perf_counter()
    radial_reference(x[sample], y[sample], x[own], y[own], rts="crs")
    radial_reference(x[sample], y[sample], x[own], y[own], rts="vrs")
    t_own = (time.perf_counter() - t) / (2 * args.sample)
    out = {
        "per_pooled_lp": t_pooled,
        "per_own_lp": t_own,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "sample": sample.tolist(),
        "index": (e1 / e0).tolist(),
    }
    print(json.dumps(out))


def run(mode: str, args: argparse.Namespace, src: Path, extra: list[str]) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": str(src), "OPENBLAS_NUM_THREADS": "1"}
    cmd = [sys.executable, __file__, f"--{mode}", "--n", str(args.n), "--periods", str(args.periods)]
    cmd += ["--sample", str(args.sample), *extra]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2850)
    ap.add_argument("--periods", type=int, default=10)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--rts", default="crs")
    ap.add_argument("--prefilter", type=int, default=None)
    ap.add_argument("--baseline-src", type=Path, default=None)
    ap.add_argument("--worker", action="store_true")
    ap.add_argument("--reference", action="store_true")
    ap.add_argument("--dea", action="store_true")
    ap.add_argument("--dea-n", type=int, default=30000, help="cross-section size of the DEA part (0: skip)")
    args = ap.parse_args()
    if args.dea:
        return dea_worker(args)
    if args.worker:
        return worker(args)
    if args.reference:
        return reference(args)
    src = HERE.parent / "src"
    n, t_count = args.n, args.periods
    pooled = n * t_count
    with open("/proc/loadavg") as fh:
        print(f"load average at start: {fh.read().strip()}")
    print(f"global Malmquist, {n} units × {t_count} periods = {pooled:,} pooled units, 3 inputs, 2 outputs")
    ref = run("reference", args, src, [])
    ref_index = np.array(ref["index"])
    sample = np.array(ref["sample"])
    for rts in ("crs", "vrs"):
        n_own = t_count * n * (2 if rts == "vrs" else 1)  # E^t(t) CRS (+ VRS) per period
        t_ref = pooled * ref["per_pooled_lp"] + n_own * ref["per_own_lp"]
        print(
            f"[{rts}] linprog reference: {ref['per_pooled_lp'] * 1e3:.0f} ms per pooled LP, "
            f"{ref['per_own_lp'] * 1e3:.1f} ms per own-period LP (timed on {args.sample} units each) → "
            f"{pooled:,} + {n_own:,} LPs ≈ {t_ref:,.0f} s; peak memory {ref['maxrss_mib']:.0f} MiB"
        )
        runs = [("yindi", src, ["--rts", rts])]
        runs.append(("yindi, no pre-filter", src, ["--rts", rts, "--prefilter", str(10 * pooled)]))
        if args.baseline_src is not None:
            runs.append(("baseline", args.baseline_src, ["--rts", rts]))
        for name, path, extra in runs:
            r = run("worker", args, path, extra)
            got = dict((int(k), v) for k, v in r["index"])
            err = float(np.max(np.abs(np.array([got[int(i)] for i in sample]) - ref_index)))
            print(
                f"[{rts}] {name}: {r['wall']:.2f} s wall ({r['cpu']:.2f} s CPU), peak memory "
                f"{r['maxrss_mib']:.0f} MiB | ×{t_ref / r['wall']:,.0f} vs linprog | max |ΔM| vs linprog "
                f"{err:.1e} | M = EC×TC to {r['identity']:.1e}"
            )
    if args.dea_n and args.baseline_src is not None:
        extra = ["--dea-n", str(args.dea_n)]
        ours = run("dea", args, src, extra)
        base = run("dea", args, args.baseline_src, extra)
        diff = float(np.max(np.abs(np.array(ours["efficiency"]) - np.array(base["efficiency"]))))
        print(
            f"[dea vrs input, n = {args.dea_n:,}] yindi {ours['wall']:.2f} s ({ours['cpu']:.2f} s CPU), "
            f"{ours['maxrss_mib']:.0f} MiB | baseline {base['wall']:.2f} s ({base.get('cpu', float('nan')):.2f} s "
            f"CPU), {base['maxrss_mib']:.0f} MiB | max |Δθ| {diff:.1e}"
        )
    with open("/proc/loadavg") as fh:
        print(f"load average at end: {fh.read().strip()}")


if __name__ == "__main__":
    main()
