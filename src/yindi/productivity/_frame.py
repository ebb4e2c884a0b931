"""Pre-filter for the frame (the extreme-efficient units) of a large DEA reference set (arrays only).

The radial score of any unit depends on the reference set only through its frame: the VRS technology is
the free-disposal hull of the convex hull of the extreme-efficient units, and the NIRS, NDRS and CRS
technologies are its convex-conical extensions. :func:`yindi.productivity._radial.frontier_units` finds a
set ``F`` containing the frame by hierarchical decomposition (Barr & Durchholz 1997). Above
:data:`PREFILTER_ABOVE` reference units it first shrinks the set with three exact steps (Dulá & López 2009;
Dulá 2011):

1. **Seeds** — the maximisers of random strictly positive price vectors, ``max_j w·y_j − v·x_j`` (profit)
   and ``max_j w·y_j / v·x_j`` (ratio). A maximiser supports the VRS (profit) or CRS (ratio) technology
   with a hyperplane whose normal is strictly positive, so it is efficient.
2. **Dominance** — a unit weakly dominated by a different seed (no more of any output, no less of any
   input) is not needed: the seed represents it in every technology.
3. **Envelopment by the seeds** — the VRS input-oriented θ of every remaining unit against the seeds
   alone (a small LP: the seeds are the only columns). θ against a subset is never below θ against the
   whole set, so a unit with θ < 1 against the seeds is inefficient in the whole set and is dropped.

Every dropped unit is dominated by a convex combination of units that are kept, so the kept units generate
the same technologies; the hierarchical decomposition then runs on them only. The result equals the
decomposition on the full set (tested), only sooner.

References
----------
Barr, R. S. & Durchholz, M. L. (1997). Parallel and hierarchical decomposition approaches for solving
large-scale data envelopment analysis models. *Annals of Operations Research* 73, 339-372.
Dulá, J. H. & López, F. J. (2009). Preprocessing DEA. *Computers & Operations Research* 36(4), 1204-1220.
Dulá, J. H. (2011). An algorithm for data envelopment analysis. *INFORMS Journal on Computing* 23(2), 284-296.
"""

from __future__ import annotations

import numpy as np

from yindi._typing import BoolArray, FloatArray, IntArray
from yindi.productivity._options import PREFILTER_ABOVE

__all__ = ["PREFILTER_ABOVE", "dominated", "prefilter", "seed_units"]

_N_DIRECTIONS = 256
_ELEMS = 4_000_000
_EFF_TOL = 1e-9


def seed_units(x: FloatArray, y: FloatArray, n_directions: int = _N_DIRECTIONS) -> IntArray:
    """Efficient units found as maximisers of random strictly positive price vectors (seeded, repeatable).

    ``x`` and ``y`` should be scaled to order one. Half the directions maximise profit ``w·y − v·x`` (VRS
    supporting hyperplanes), half the ratio ``w·y / v·x`` (CRS). Ties resolve to the lowest index, so a
    seed is efficient but not necessarily extreme when several units tie exactly.
    """
    rng = np.random.default_rng(20110401)
    m, s = x.shape[1], y.shape[1]
    v = np.exp(rng.uniform(-1.5, 1.5, (n_directions, m)))
    w = np.exp(rng.uniform(-1.5, 1.5, (n_directions, s)))
    w *= np.exp(rng.uniform(-2.0, 2.0, (n_directions, 1)))
    picks: list[IntArray] = []
    step = max(1, _ELEMS // (4 * max(x.shape[0], 1)))
    for k in range(0, n_directions, step):
        vy, vx = y @ w[k : k + step].T, x @ v[k : k + step].T
        picks.append(np.argmax(vy - vx, axis=0))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(vx > 0, vy / vx, -np.inf)
        picks.append(np.argmax(ratio, axis=0))
    return np.unique(np.concatenate(picks)).astype(np.int64)


def dominated(x: FloatArray, y: FloatArray, seeds: IntArray) -> BoolArray:
    """Units weakly dominated by a different seed (``x_c ≤ x_j`` and ``y_c ≥ y_j`` in every column).

    Exact duplicates of a seed count as dominated; the seeds themselves never do.
    """
    n = x.shape[0]
    xc, yc = x[seeds], y[seeds]
    out = np.zeros(n, dtype=bool)
    step = max(1, _ELEMS // max(seeds.size * (x.shape[1] + y.shape[1]), 1))
    for a in range(0, n, step):
        d: BoolArray = np.all(xc[None] <= x[a : a + step, None], axis=2)
        d &= np.all(yc[None] >= y[a : a + step, None], axis=2)
        out[a : a + step] = np.any(d, axis=1)
    out[seeds] = False
    return out


def prefilter(x: FloatArray, y: FloatArray) -> IntArray:
    """Indices of a subset of units that contains every VRS-efficient unit up to exact duplicates.

    Every unit left out is weakly dominated by a convex combination of the units kept, so the kept units
    generate the same VRS, NIRS, NDRS and CRS technologies. ``x`` and ``y`` should be scaled to order one.
    """
    from yindi.productivity._batch import solve_batch
    from yindi.productivity._radial import build_radial_lp

    seeds = seed_units(x, y)
    rest = np.nonzero(~dominated(x, y, seeds))[0]
    rest = rest[~np.isin(rest, seeds)]
    if rest.size == 0:
        return seeds
    lp = build_radial_lp(x[rest], y[rest], x[seeds], y[seeds], rts="vrs", orientation="input")
    sol = solve_batch(lp, np.arange(seeds.size))
    outside = (sol.status != 0) | ~(sol.objective < 1.0 - _EFF_TOL)
    return np.union1d(seeds, rest[outside])
