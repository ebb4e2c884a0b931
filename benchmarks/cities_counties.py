"""Benchmark: county structure (LQ, specialisation, similarity) and the county sensitivity grid, in process vs
Dask, side by side with plain references in one run.

1. County structure on the real 2020 census (2,985 county-level units × 20 sections; units with NA sections
   and section T left out as reported): Yindi's ``specialisation`` (LQ, Hachman, Krugman, HHI, entropy, Hoover)
   + the similarity matrix vs a plain pandas/NumPy computation of the LQ and cosine similarity (results compared).
2. The county sensitivity grid (24 cells = 4 weightings × 3 normalisations × 2 aggregations, ``--draws`` each)
   on five census indicators: in process vs ``engine="dask"`` on a LocalCluster (threads and processes);
   results compared cell by cell (must be identical).

Run: ``PYTHONPATH=src python benchmarks/cities_counties.py [--draws 1000] [--workers 2]``
Real data are read from ../shared/data (never copied).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np


def _data_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "shared" / "data" / "cn-counties").exists():
            return parent / "shared" / "data"
    raise SystemExit("../shared/data/cn-counties not found")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from yindi.data import load_pack
    from yindi.index.grid import sensitivity_grid
    from yindi.structure import specialisation
    from yindi.structure.census import census_activity_table, county_indicators

    t0 = time.perf_counter()
    panel = load_pack(_data_root() / "cn-counties")
    t_load = time.perf_counter() - t0
    print(f"load census pack: {t_load:.2f} s ({len(panel.frame):,} rows)")

    t0 = time.perf_counter()
    table = census_activity_table(panel)
    t_table = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = specialisation(table)
    cells = res.cells
    sim = res.similarity()
    t_ours = time.perf_counter() - t0
    x = table.matrix(2020)
    t0 = time.perf_counter()
    s = x / x.sum(axis=1, keepdims=True)
    lq = s / (x.sum(axis=0) / x.sum())
    u = s / np.sqrt((s**2).sum(axis=1, keepdims=True))
    sim_plain = u @ u.T
    t_plain = time.perf_counter() - t0
    lq_ours = cells.pivot(index="region_code", columns="activity", values="lq").loc[list(table.regions)]
    lq_ours = lq_ours[list(table.activities)].to_numpy()
    print(
        f"county structure {x.shape[0]:,} × {x.shape[1]}: table {t_table:.2f} s; specialisation + similarity "
        f"{t_ours:.2f} s (tidy frames included) vs plain NumPy LQ + cosine {t_plain:.3f} s; "
        f"max |ΔLQ| {np.abs(lq_ours - lq).max():.1e}, max |Δsim| "
        f"{np.abs(sim.to_numpy() - np.clip(sim_plain, 0, 1) + np.eye(len(u)) * 0).max():.1e}"
    )

    matrix, directions = county_indicators(panel)
    X = matrix.to_numpy()
    t0 = time.perf_counter()
    here = sensitivity_grid(X, directions, draws=args.draws, seed=1)
    t_here = time.perf_counter() - t0
    print(f"grid in process: {len(here.cells)} cells × {args.draws} draws on {X.shape[0]:,} × {X.shape[1]}: {t_here:.2f} s")
    for processes in (False, True):
        t0 = time.perf_counter()
        there = sensitivity_grid(X, directions, draws=args.draws, seed=1, engine="dask", processes=processes)
        t_there = time.perf_counter() - t0
        same = all(
            np.array_equal(a.median, b.median) and np.array_equal(a.low, b.low) and np.array_equal(a.high, b.high)
            for a, b in zip(here.cells, there.cells, strict=True)
        )
        kind = "processes" if processes else "threads"
        print(
            f"grid on Dask LocalCluster ({kind}, cluster start included): {t_there:.2f} s "
            f"({t_there / t_here:.2f}× in-process); identical: {same}"
        )


if __name__ == "__main__":
    main()
