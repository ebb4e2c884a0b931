"""Benchmark: economic complexity at county scale, Yindi vs ``ecomplexity`` 0.5.3, side by side in one run.

Seeded synthetic data, 2,850 regions × 600 activities × 20 periods (a nested capability model with noise and
exact zeros). Yindi computes RCA, M, diversity, ubiquity, ECI, PCI, proximity, density, distance, COI and COG
for all 20 periods; ``ecomplexity`` computes the same for one period (its run time is linear in periods).
Both are also run on the same one-period long table, from the DataFrame, to compare like with like, and the
results of that period are compared (max abs difference).

Run: ``PYTHONPATH=src python benchmarks/structure_complexity.py [--regions 2850 --activities 600 --periods 20]``
Target (issue 5): ≤ 4 s for the 20 periods; ``ecomplexity`` ≈ 6.5 s for one period.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
import warnings

import numpy as np
import pandas as pd


def synthetic_cube(n_periods: int, n_regions: int, n_activities: int, seed: int = 20240305) -> np.ndarray:
    """(P, R, A) float64 values from a capability model: x = exp(3·min(0, c_r − q_a) + noise), 15 % zeros."""
    rng = np.random.default_rng(seed)
    cap = rng.uniform(0, 1, n_regions)
    q = rng.uniform(0, 1, n_activities)
    base = 3.0 * np.minimum(0.0, cap[:, None] - q[None, :])
    out = np.empty((n_periods, n_regions, n_activities))
    for p in range(n_periods):
        x = np.exp(base + rng.normal(0.0, 1.0, (n_regions, n_activities)))
        x *= rng.random((n_regions, n_activities)) < 0.85
        x[:, 0] += 1e-3
        x[0, :] += 1e-3
        out[p] = x
    return out


def long_frame(x: np.ndarray, year: int) -> pd.DataFrame:
    r, a = x.shape
    return pd.DataFrame(
        {
            "year": year,
            "region": np.repeat([f"r{i:05d}" for i in range(r)], a),
            "activity": np.tile([f"a{j:04d}" for j in range(a)], r),
            "value": x.reshape(-1),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, default=2850)
    parser.add_argument("--activities", type=int, default=600)
    parser.add_argument("--periods", type=int, default=20)
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=None,
        help="limit BLAS threads (threadpoolctl); default: library default",
    )
    args = parser.parse_args()
    if args.blas_threads is not None:
        from threadpoolctl import threadpool_limits

        threadpool_limits(args.blas_threads)
    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"cores: {os.cpu_count()}, load average at start: {load:.2f}, BLAS threads: {args.blas_threads or 'default'}"
    )

    from ecomplexity import ecomplexity

    from yindi.structure import ActivityTable, complexity

    cube = synthetic_cube(args.periods, args.regions, args.activities)
    years = list(range(2001, 2001 + args.periods))
    table = ActivityTable.from_array(
        cube,
        periods=years,
        regions=[f"r{i:05d}" for i in range(args.regions)],
        activities=[f"a{j:04d}" for j in range(args.activities)],
    )
    size = f"{args.regions} regions × {args.activities} activities"
    print(f"Synthetic data: {size} × {args.periods} periods (seeded)\n")

    complexity(table, periods=years[:1], precision="float32")  # warm-up (BLAS threads, imports)
    times = {}
    for precision in ("float32", "float64"):
        t = time.perf_counter()
        res = complexity(table, precision=precision)  # type: ignore[arg-type]
        times[precision] = time.perf_counter() - t
        assert len(res.periods) == args.periods

    df = long_frame(cube[0], years[0])
    cols = {"time": "year", "loc": "region", "prod": "activity", "val": "value"}
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        ref = ecomplexity(df, cols, verbose=False, check_logsupermodularity=False)
        ec_t = time.perf_counter() - t
    t = time.perf_counter()
    ours_df = complexity(df, precision="float32")
    ours_df_cells = ours_df.cells  # include building the tidy output, as ecomplexity does
    ours_df_t = time.perf_counter() - t

    ours64 = complexity(df)
    eci_ref = ref.groupby("region")["eci"].first().sort_index().to_numpy()
    eci64 = ours64.regions.sort_values("region")["eci"].to_numpy()
    eci32 = ours_df.regions.sort_values("region")["eci"].to_numpy()
    dens_ref = ref.sort_values(["region", "activity"])["density"].to_numpy()
    dens32 = ours_df_cells.sort_values(["region", "activity"])["density"].to_numpy()

    per32 = times["float32"] / args.periods
    print(f"{'':44s}{'seconds':>10s}")
    print(f"{'yindi, ' + str(args.periods) + ' periods, float32 precision':44s}{times['float32']:10.2f}")
    print(f"{'yindi, ' + str(args.periods) + ' periods, float64':44s}{times['float64']:10.2f}")
    print(f"{'ecomplexity 0.5.3, 1 period (from DataFrame)':44s}{ec_t:10.2f}")
    print(f"{'yindi, same 1 period from DataFrame, float32':44s}{ours_df_t:10.2f}")
    print()
    print(f"ratio per period, ecomplexity / yindi float32 kernel:   {ec_t / per32:6.1f}×")
    print(
        f"ratio per period, ecomplexity / yindi float64 kernel:   {ec_t / (times['float64'] / args.periods):6.1f}×"
    )
    print(f"ratio from the same DataFrame (1 period):              {ec_t / ours_df_t:6.1f}×")
    print(
        f"ecomplexity extrapolated to {args.periods} periods: {ec_t * args.periods:.1f} s vs yindi {times['float32']:.2f} s"
    )
    print(f"target ≤ 4 s for {args.periods} periods: {'met' if times['float32'] <= 4 else 'NOT met'}")
    print()
    print(
        f"agreement on period 1: max |ΔECI| float64 {np.abs(eci64 - eci_ref).max():.1e}, "
        f"float32 {np.abs(eci32 - eci_ref).max():.1e}; max |Δdensity| float32 {np.abs(dens32 - dens_ref).max():.1e}"
    )


if __name__ == "__main__":
    main()
