"""Benchmark: Monte Carlo of weight draws with rank intervals (issue 3).

2,850 regions (≈ counties) × 20 indicators, 10,000 Dirichlet weight draws, rank intervals (5 %–95 %), median
rank and top-10 share. The fast kernel (batched matrix products, one packed-key sort per draw, rank histogram)
is timed side by side with the straightforward vectorised NumPy version (all scores at once, double argsort,
``np.quantile``), on the same seeded synthetic data; results are checked to be identical.

Run: ``PYTHONPATH=src python benchmarks/index_montecarlo.py`` (takes ~30 s).
"""

from __future__ import annotations

import time

import numpy as np

from yindi.index.montecarlo import dirichlet_weights, rank_distribution, rank_distribution_plain
from yindi.index.normalize import minmax

N, M, DRAWS, REPEAT = 2850, 20, 10_000, 3


def best_of(fn, repeat: int = REPEAT) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    """Best wall time and best process CPU time (the machine is shared: CPU time is less disturbed)."""
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus), out


def main() -> None:
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    rng = np.random.default_rng(20240305)
    X = rng.lognormal(mean=1.0, sigma=0.8, size=(N, M)) * rng.uniform(0.5, 2.0, size=M)
    R = minmax(X, np.ones(M))
    w0 = rng.dirichlet(np.full(M, 5.0))
    print(f"{N} regions × {M} indicators, {DRAWS:,} Dirichlet draws (concentration 100); best of {REPEAT}")
    t_draw, _, W = best_of(lambda: dirichlet_weights(w0, DRAWS, concentration=100.0, seed=1))
    print(f"  drawing the weights: {t_draw:.3f} s (included in neither time below)")
    for agg in ("weighted_sum", "topsis"):
        t_fast, c_fast, fast = best_of(lambda agg=agg: rank_distribution(R, W, aggregation=agg, top_k=10))
        t_plain, c_plain, plain = best_of(
            lambda agg=agg: rank_distribution_plain(R, W, aggregation=agg, top_k=10)
        )
        same = all(
            np.array_equal(getattr(fast, k), getattr(plain, k)) for k in ("low", "high", "median")
        ) and np.allclose(
            fast.top_share,
            plain.top_share,  # type: ignore[union-attr]
        )
        print(
            f"  {agg:<13} wall: fast {t_fast:6.3f} s, plain {t_plain:6.3f} s, ratio {t_plain / t_fast:4.1f}×   "
            f"CPU: fast {c_fast:6.3f} s, plain {c_plain:6.3f} s, ratio {c_plain / c_fast:4.1f}×   identical: {same}"
        )


if __name__ == "__main__":
    main()
