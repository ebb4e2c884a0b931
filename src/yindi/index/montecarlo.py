"""Monte Carlo over weights: rank intervals and top-k frequencies (kernels).

Two implementations of the same computation. :func:`rank_distribution_plain` is the straightforward
vectorised NumPy version (one big score matrix, double ``argsort``, ``quantile``); it is the test reference.
:func:`rank_distribution` is the fast one used by the models: it works in batches that stay in cache, sorts
packed integer keys (score bits + region number) with a single value sort instead of two argsorts, and counts
ranks into a region × rank histogram from which intervals and top-k shares are read without sorting again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from yindi._typing import FloatArray, IntArray
from yindi.errors import ParameterError, check_option

McAggregation = Literal["weighted_sum", "topsis"]
_TILE = 256


@dataclass(frozen=True, slots=True)
class RankDistribution:
    """Distribution of each region's rank (1 = best) over the Monte Carlo draws.

    Attributes
    ----------
    counts : IntArray, shape (n, n), or None
        ``counts[i, r]`` = number of draws in which region i had rank ``r + 1`` (None from the plain version).
    low, high : IntArray, shape (n,)
        Rank interval: the ``q_low`` and ``q_high`` quantiles of the rank (lower-quantile convention:
        the smallest rank r with at least a share q of draws at rank ≤ r).
    median : IntArray, shape (n,)
        Median rank (same convention).
    top_share : FloatArray, shape (n,)
        Share of draws in which the region ranked within the top ``top_k``.
    draws : int
        Number of weight draws.
    """

    counts: IntArray | None
    low: IntArray
    high: IntArray
    median: IntArray
    top_share: FloatArray
    draws: int


def dirichlet_weights(
    weights: FloatArray | Sequence[float],
    draws: int,
    *,
    concentration: float,
    seed: int | np.random.Generator,
) -> FloatArray:
    """Draw weight vectors from a Dirichlet around ``weights``: :math:`W \\sim Dir(c\\,w)`; shape (draws, m).

    The mean of each draw is ``w`` and :math:`Var(W_j) = w_j(1-w_j)/(c+1)`; zero weights stay zero.
    """
    w = np.asarray(weights, dtype=np.float64)
    if concentration <= 0 or draws < 1:
        raise ParameterError(
            f"dirichlet_weights() needs concentration > 0 and draws ≥ 1. Got {concentration!r}, {draws!r}.",
            zh="dirichlet_weights() 要求 concentration > 0 且 draws ≥ 1，"
            f"收到的是 {concentration!r}、{draws!r}。",
        )
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    live = w > 0
    out = np.zeros((draws, w.size))
    out[:, live] = rng.dirichlet(concentration * w[live] / w[live].sum(), size=draws)
    return out


def _prepare(
    R: FloatArray, aggregation: str, bounds: tuple[FloatArray, FloatArray] | None = None
) -> FloatArray:
    r"""The matrix whose product with w (weighted sum) or w² (TOPSIS) gives the scores, transposed.

    For TOPSIS the ideal points of :math:`v = w r` are :math:`w_j \max_i r_{ij}` and :math:`w_j \min_i r_{ij}`
    for any :math:`w \ge 0`, so :math:`(D^{\pm})^2 = \sum_j w_j^2 (r_{ij} - r^{\pm}_j)^2` are two matrix
    products with :math:`w^2`; they are stacked into one ``(m, 2n)`` matrix. ``bounds`` = (column max, column
    min) of a larger matrix the rows belong to (a panel's region-years), otherwise those of ``R``.
    """
    if aggregation == "weighted_sum":
        return np.ascontiguousarray(R.T)
    hi, lo = bounds if bounds is not None else (R.max(axis=0), R.min(axis=0))
    return np.ascontiguousarray(np.vstack([(R - hi) ** 2, (R - lo) ** 2]).T)


def _scores(At: FloatArray, W: FloatArray, aggregation: str, *, exact: bool = True) -> FloatArray:
    r"""Scores for each draw; shape (draws, n).

    For TOPSIS, ``exact=False`` returns :math:`(D^-)^2/((D^+)^2 + (D^-)^2)` instead of the closeness
    :math:`D^-/(D^+ + D^-)`: both are decreasing functions of :math:`D^+/D^-`, so they rank regions identically,
    and the square roots are saved.
    """
    if aggregation == "weighted_sum":
        return np.asarray(W @ At)
    n = At.shape[1] // 2
    D2 = (W * W) @ At
    dp, dm = D2[:, :n], D2[:, n:]
    if exact:
        dp, dm = np.sqrt(dp), np.sqrt(dm)
    den = dp + dm
    den[den == 0] = 1.0
    out = dm / den
    return np.asarray(out)


def _fast_scores(At: FloatArray, W: FloatArray, n: int, topsis: bool) -> FloatArray:
    """Scores of a batch with the fewest temporaries; for TOPSIS :math:`(D^-)^2/((D^+)^2+(D^-)^2)` in place
    (same ranking as the closeness, see :func:`_scores`). Rows are contiguous; the array may not be."""
    if not topsis:
        return np.asarray(W @ At)
    D2 = (W * W) @ At
    dp, dm = D2[:, :n], D2[:, n:]
    np.add(dp, dm, out=dp)
    zero = dp == 0
    np.divide(dm, dp, out=dp, where=~zero)
    dp[zero] = 0.5
    return np.asarray(dp)


def _masked_transpose(key: npt.NDArray[np.uint64], mask: np.uint64, out: npt.NDArray[np.uint64]) -> None:
    """``out[:] = key.T & mask`` in 256 × 256 tiles (a plain strided transpose misses the cache on every write;
    tiles are ~2.5× faster)."""
    d, n = key.shape
    for d0 in range(0, d, _TILE):
        for p0 in range(0, n, _TILE):
            np.bitwise_and(
                key[d0 : d0 + _TILE, p0 : p0 + _TILE].T, mask, out=out[p0 : p0 + _TILE, d0 : d0 + _TILE]
            )


def _summarise(counts: IntArray, draws: int, q_low: float, q_high: float, top_k: int) -> RankDistribution:
    cum = np.cumsum(counts, axis=1)

    def q(p: float) -> IntArray:
        need = max(float(np.ceil(p * draws - 1e-9)), 1.0)
        return np.asarray((cum >= need).argmax(axis=1) + 1, dtype=np.int64)

    top = cum[:, min(top_k, counts.shape[1]) - 1] / draws
    return RankDistribution(counts, q(q_low), q(q_high), q(0.5), np.asarray(top, dtype=np.float64), draws)


def _check(R: FloatArray, W: FloatArray, aggregation: str, q_low: float, q_high: float, top_k: int) -> None:
    check_option("aggregation", aggregation, ("weighted_sum", "topsis"), where="rank_distribution()")
    if R.ndim != 2 or W.ndim != 2 or R.shape[1] != W.shape[1]:
        raise ParameterError(
            f"rank_distribution(): R is {R.shape} and W is {W.shape}; need (n, m) and (draws, m).",
            zh=f"rank_distribution()：R 的形状为 {R.shape}，W 的形状为 {W.shape}；"
            "应为 (n, m) 与 (draws, m)。",
        )
    if not 0 <= q_low <= q_high <= 1 or top_k < 1:
        raise ParameterError(
            "rank_distribution(): need 0 ≤ q_low ≤ q_high ≤ 1 and top_k ≥ 1.",
            zh="rank_distribution()：要求 0 ≤ q_low ≤ q_high ≤ 1 且 top_k ≥ 1。",
        )


def rank_distribution_plain(
    R: FloatArray,
    W: FloatArray,
    *,
    aggregation: McAggregation = "weighted_sum",
    q_low: float = 0.05,
    q_high: float = 0.95,
    top_k: int = 5,
    bounds: tuple[FloatArray, FloatArray] | None = None,
) -> RankDistribution:
    """Reference implementation: all scores at once, ranks by a double ``argsort`` (see module docstring).

    Parameters
    ----------
    R : array, shape (n, m)
        Normalised matrix (larger = better), e.g. global min–max over region-years.
    W : array, shape (draws, m)
        One weight vector per row.
    bounds : (FloatArray, FloatArray), shape (m,) each, optional
        TOPSIS ideal and anti-ideal values of the normalised columns (panel: over all region-years);
        default the column max and min of ``R``.
    """
    _check(R, W, aggregation, q_low, q_high, top_k)
    S = _scores(_prepare(R, aggregation, bounds), W, aggregation)  # (draws, n)
    order = np.argsort(-S, axis=1, kind="stable")
    ranks = np.argsort(order, axis=1) + 1  # rank of each region in each draw, 1 = best
    low, med, high = np.quantile(ranks, [q_low, 0.5, q_high], axis=0, method="inverted_cdf").astype(np.int64)
    top = (ranks <= top_k).mean(axis=0)
    return RankDistribution(None, low, high, med, np.asarray(top, dtype=np.float64), W.shape[0])


def rank_distribution(
    R: FloatArray,
    W: FloatArray,
    *,
    aggregation: McAggregation = "weighted_sum",
    q_low: float = 0.05,
    q_high: float = 0.95,
    top_k: int = 5,
    batch: int = 2048,
    bounds: tuple[FloatArray, FloatArray] | None = None,
    chunk_bytes: int = 128 * 2**20,
) -> RankDistribution:
    """Fast rank distribution over weight draws (same result as :func:`rank_distribution_plain`).

    Scores of a batch of draws are computed by one matrix product; each score is turned into an unsigned
    64-bit key whose high bits are the (non-negative) score's IEEE-754 bits and whose low ``b = ceil(log2 n)``
    bits hold the (reversed) region number. One ``np.sort`` per row then yields the ranking, read from the end. The regions at each position are gathered position-major for a chunk of draws
    (≤ ``chunk_bytes``) and one ``bincount`` of ``position * n + region`` per chunk fills the rank histogram;
    in that order consecutive increments fall in the same histogram row, which keeps them in cache. Scores that
    agree to a relative ~2^-(52-b) are treated as ties, broken by region order (the plain version breaks
    exact ties the same way).
    """
    _check(R, W, aggregation, q_low, q_high, top_k)
    n = R.shape[0]
    topsis = aggregation == "topsis"
    # Weighted sums: shifting every column to a minimum of 0 adds the same constant to all regions of a draw
    # (ranks unchanged) and makes every score ≥ +0.0, whose IEEE-754 bit patterns order like the values.
    At = _prepare(R if topsis else R - R.min(axis=0), aggregation, bounds)
    bits = max(int(np.ceil(np.log2(max(n, 2)))), 1)
    low_mask = np.uint64((1 << bits) - 1)
    high_mask = ~low_mask
    # Keys sort ascending (worst first); the low bits hold n-1-region so that, read from the end, equal scores
    # come out in ascending region order, as in the plain version's stable sort of -S.
    rev_idx = (n - 1 - np.arange(n)).astype(np.uint64)
    row_offset = (np.arange(n, dtype=np.int64) * n)[:, None]
    counts = np.zeros(n * n, dtype=np.int64)  # counts[a * n + r'] with a = n-1-position, r' = n-1-region
    draws = W.shape[0]
    chunk = max(batch, (chunk_bytes // (8 * n)) // batch * batch)
    for c0 in range(0, draws, chunk):
        c1 = min(draws, c0 + chunk)
        buf = np.empty((n, c1 - c0), dtype=np.uint64)
        for start in range(c0, c1, batch):
            stop = min(c1, start + batch)
            key = _fast_scores(At, W[start:stop], n, topsis).view(np.uint64)
            np.bitwise_and(key, high_mask, out=key)
            np.bitwise_or(key, rev_idx, out=key)
            key.sort(axis=1)
            _masked_transpose(key, low_mask, buf[:, start - c0 : stop - c0])  # position-major
        flat = buf.view(np.int64)
        flat += row_offset
        counts += np.bincount(flat.ravel(), minlength=n * n)
    return _summarise(np.ascontiguousarray(counts.reshape(n, n)[::-1, ::-1].T), draws, q_low, q_high, top_k)
