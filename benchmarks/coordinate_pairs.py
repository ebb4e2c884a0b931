"""Benchmark: all (source, carrier) pairs of 2,850 county-like regions scored and the top 10 per region kept.

Side by side in one run: the chunked kernel (``yindi.coordinate._pair_kernel.top_pairs``) and the plain Python
loop (``plain_top_pairs``) on a sample of sources; the plain loop's time per source is extrapolated to all
sources and the ratio printed. The sample's partners and scores are checked to agree. Peak memory of the kernel
is measured with ``tracemalloc`` (NumPy reports its buffers to it).

Inputs are seeded synthetic data shaped like the county case: centroids inside China's bounding box, axis
levels and endowments uniform in (0, 1), strategic-region memberships as random 6-bit sets, 70 % of regions
eligible as sources and 80 % as carriers; overall pairs with a 2,850 × 60 capability matrix (10 % missing),
and industry pairs with one capability column.

Run: ``python benchmarks/coordinate_pairs.py`` (from the repository root, with ``src`` on the path).
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from yindi.coordinate._pair_kernel import PairInputs, plain_top_pairs, top_pairs

N, M, K, SAMPLE = 2850, 60, 10, 12
W = np.array([0.30, 0.15, 0.20, 0.15, 0.10, 0.10])


def inputs(seed: int, *, overall: bool) -> PairInputs:
    rng = np.random.default_rng(seed)
    cap = base = None
    if overall:
        cap = rng.uniform(size=(N, M))
        cap[rng.uniform(size=cap.shape) < 0.1] = np.nan
    else:
        base = rng.uniform(size=N)
    return PairInputs(
        creation=rng.uniform(size=N),
        absorption=rng.uniform(size=N),
        endowment=rng.uniform(size=N),
        lonlat=np.column_stack([rng.uniform(75, 134, N), rng.uniform(18, 53, N)]),
        strategic=rng.integers(0, 64, N).astype(np.uint64),
        source_ok=rng.uniform(size=N) < 0.7,
        carrier_ok=rng.uniform(size=N) < 0.8,
        base=base,
        capability=cap,
    )


def run(label: str, inp: PairInputs) -> None:
    n_src = int(inp.source_ok.sum())
    n_pairs = N * (N - 1)
    tracemalloc.start()
    t0 = time.perf_counter()
    tp = top_pairs(inp, W, K)
    fast = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    tp_c = None
    t0 = time.perf_counter()
    tp_c = top_pairs(inp, W, K, by="carrier")
    fast_c = time.perf_counter() - t0
    rows = [int(i) for i in np.flatnonzero(inp.source_ok)[:SAMPLE]]
    t0 = time.perf_counter()
    ref = plain_top_pairs(inp, W, K, rows=rows)
    plain = (time.perf_counter() - t0) / len(rows) * n_src
    diff = 0.0
    for s in rows:
        got = [int(c) for c in tp.partner[s] if c >= 0]
        assert got == [c for c, _ in ref[s]], f"partners differ for source {s}"
        diff = max(diff, float(np.max(np.abs(tp.score[s, : len(got)] - [x for _, x in ref[s]]))))
    print(
        f"{label}: {n_pairs:,} pairs, top {K} per source: {fast:.2f} s (by carrier: {fast_c:.2f} s), "
        f"peak memory {peak:.0f} MiB; plain loop {plain:.0f} s extrapolated from {len(rows)} sources "
        f"(× {plain / fast:.0f}); max |Δscore| on the sample {diff:.1e}"
    )
    del tp_c


def main() -> None:
    run("overall pairs (capability 2,850 × 60)", inputs(1, overall=True))
    run("industry pairs (one capability column)", inputs(2, overall=False))


if __name__ == "__main__":
    main()
