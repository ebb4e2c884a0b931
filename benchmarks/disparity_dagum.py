"""Benchmark: Dagum Gini decomposition with 1,000 bootstrap replicates × 20 years at n = 2,850 (k = 4 groups).

Side by side in one run: Yindi's ``dagum`` (sort + prefix sums, bootstrap as multinomial counts over sorted
values), the plain O(n²) definition (``tests/disparity/dagum_reference.py``) on one sample, and a naive
bootstrap that resamples and re-runs the O(n log n + nk) kernel per replicate. Seeded synthetic data
(lognormal values, four groups of different means). Run: ``PYTHONPATH=src:tests/disparity python
benchmarks/disparity_dagum.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "disparity"))

N, YEARS, REPLICATES, K = 2850, 20, 1000, 4


def main() -> None:
    from dagum_reference import dagum_plain

    from yindi.disparity import dagum
    from yindi.disparity._dagum import dagum_kernel

    rng = np.random.default_rng(2024)
    groups = rng.integers(0, K, N)
    labels = [f"g{g}" for g in groups]
    panel = [rng.lognormal(0.2 * groups + 0.02 * t, 0.6) for t in range(YEARS)]

    t = time.perf_counter()
    results = [dagum(y, labels, bootstrap=REPLICATES, seed=t_) for t_, y in enumerate(panel)]
    ours = time.perf_counter() - t
    print(
        f"yindi dagum, {REPLICATES} bootstrap × {YEARS} years, n = {N}, k = {K}: {ours:.2f} s "
        f"({ours / YEARS:.3f} s per year)"
    )

    t = time.perf_counter()
    dagum(panel[0], labels)
    one = time.perf_counter() - t
    t = time.perf_counter()
    ref = dagum_plain(panel[0], labels)
    plain = time.perf_counter() - t
    print(
        f"one decomposition: yindi {one * 1000:.1f} ms, plain O(n²) {plain * 1000:.0f} ms ({plain / one:.0f}x); "
        f"|ΔG| = {abs(ref['total'] - results[0].total):.1e}"
    )
    print(
        f"plain O(n²) extrapolated to the same job (1,001 × {YEARS} decompositions): "
        f"{plain * (REPLICATES + 1) * YEARS / 60:.0f} min"
    )

    g = np.array(groups)
    t = time.perf_counter()
    b = 100
    for _ in range(b):
        idx = np.concatenate([rng.choice(np.flatnonzero(g == j), (g == j).sum()) for j in range(K)])
        dagum_kernel(panel[0][idx][None], g[idx][None], K)
    naive = (time.perf_counter() - t) / b
    print(
        f"naive bootstrap (resample + sort-based kernel per replicate): {naive * 1000:.1f} ms per replicate → "
        f"{naive * REPLICATES * YEARS:.1f} s for the job ({naive * REPLICATES * YEARS / ours:.1f}x yindi)"
    )


if __name__ == "__main__":
    main()
