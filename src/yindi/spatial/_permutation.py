"""The one permutation-inference engine shared by every spatial statistic.

Two nulls:

- **total randomisation** (global statistics): the values are permuted over all locations;
  :func:`permuted_values` returns the permuted copies.
- **conditional randomisation** (local statistics; Anselin 1995): unit ``i`` keeps its value and its
  neighbours' values are drawn without replacement from the other ``n − 1`` values. As in PySAL
  ``esda.crand``, one matrix of random draws is reused for every unit. Here each row is the head of a random
  permutation of all ``n`` units; unit ``i`` uses its first ``k_i`` entries, and when ``i`` itself is among
  them it is replaced by entry ``k_i + 1`` — an exact draw from the other ``n − 1``. The spatial lag of the
  draws is then one dense product per neighbour count (BLAS) plus a sparse correction for the rare rows that
  hit ``i``: no Python loop over units.

Pseudo p-values follow PySAL: ``(min(m, P − m) + 1) / (P + 1)`` with ``m`` the number of simulated values
``≥`` the observed one (a folded, one-sided test in the direction of the observed value).
"""

from __future__ import annotations

import numpy as np

from yindi._typing import FloatArray, IntArray


def permuted_values(y: FloatArray, permutations: int, rng: np.random.Generator) -> FloatArray:
    """Rows are independent random permutations of ``y``, shape (permutations, n)."""
    idx = rng.permuted(np.tile(np.arange(len(y)), (permutations, 1)), axis=1)
    return np.asarray(y[idx], dtype=np.float64)


def distinct_draws(n: int, m: int, rows: int, rng: np.random.Generator) -> IntArray:
    """``rows`` independent ordered samples of ``m`` distinct units out of ``n``, shape (rows, m).

    Each row is the head of a uniformly random permutation. For ``m`` much smaller than ``n`` the rows are
    drawn with replacement and those holding a repeated unit are redrawn (rejection sampling, exact); otherwise
    full permutations are cut.
    """
    if m * m > n:  # repeats would be common: permute
        return np.asarray(rng.permuted(np.tile(np.arange(n), (rows, 1)), axis=1)[:, :m], dtype=np.int64)
    out = rng.integers(0, n, size=(rows, m))
    while True:
        s = np.sort(out, axis=1)
        bad = np.flatnonzero((s[:, 1:] == s[:, :-1]).any(axis=1))
        if bad.size == 0:
            return np.asarray(out, dtype=np.int64)
        out[bad] = rng.integers(0, n, size=(bad.size, m))


def conditional_lags(
    z: FloatArray,
    indptr: IntArray,
    indices: IntArray,
    values: FloatArray,
    permutations: int,
    rng: np.random.Generator,
) -> FloatArray:
    """Spatial lags of ``z`` under conditional randomisation, shape (n, permutations).

    ``lag[i, p] = Σ_c w_{i c} z[d_{p c}^{(i)}]`` where ``d^{(i)}_p`` are ``k_i`` distinct units other than ``i``.
    Bivariate statistics pass the variable whose neighbours are drawn (unit ``i`` keeps its own other value).
    """
    n = len(z)
    card = np.diff(indptr)
    out = np.zeros((n, permutations))
    kmax = int(card.max()) if n else 0
    if kmax == 0:
        return out
    if kmax >= n:
        kmax = n - 1
    take = min(kmax + 1, n)
    draws = distinct_draws(n, take, permutations, rng)
    pos_in_group = np.full(n, -1, dtype=np.int64)
    for k in np.unique(card[card > 0]):
        k = int(k)
        units = np.flatnonzero(card == k)
        pos_in_group[:] = -1
        pos_in_group[units] = np.arange(len(units))
        starts = indptr[units]
        cols = starts[:, None] + np.arange(k)[None, :]
        wk = values[cols]  # (|U|, k)
        rk = draws[:, :k]  # (P, k)
        lag = z[rk] @ wk.T  # (P, |U|)
        hit_p, hit_c = np.nonzero(pos_in_group[rk] >= 0)
        if hit_p.size:
            u = rk[hit_p, hit_c]
            g = pos_in_group[u]
            spare = draws[hit_p, k] if k < take else u
            lag[hit_p, g] += wk[g, hit_c] * (z[spare] - z[u])
        out[units] = lag.T
    return out


def pseudo_p(observed: FloatArray, simulated: FloatArray) -> FloatArray:
    """Folded pseudo p-values; ``simulated`` has the permutations on its last axis."""
    p = simulated.shape[-1]
    larger = (simulated >= np.asarray(observed)[..., None]).sum(axis=-1)
    larger = np.minimum(larger, p - larger)
    return np.asarray((larger + 1.0) / (p + 1.0), dtype=np.float64)
