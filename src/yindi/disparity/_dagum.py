"""Kernel: Dagum (1997) Gini decomposition in O(n log n + n·k), batched over bootstrap replicates.

For groups ``j, h`` let ``D[j, h] = Σ_{i∈j} Σ_{r∈h} max(y_i − y_r, 0)``. Then the sum of absolute
differences between the groups is ``D[j, h] + D[h, j]``, and Dagum's ``d_jh − p_jh`` and ``d_jh + p_jh`` are
``(D[j, h] − D[h, j]) / (n_j n_h)`` and ``(D[j, h] + D[h, j]) / (n_j n_h)``. ``D`` comes from one sort of all
values and, per group ``h``, running counts and sums of the group's values along the sorted order:
for the value at sorted position ``i``, ``Σ_{r∈h, before i} (y_i − y_r) = c_h(i) y_i − S_h(i)``. Tied values
contribute zero either way, so no tie handling is needed. The plain O(n²) definition is in
``tests/disparity/dagum_reference.py`` and the tests compare the two on many random cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray, IntArray


@dataclass(frozen=True)
class DagumParts:
    """Dagum decomposition, batched: leading axis ``b`` = replicates (1 for a single sample).

    Attributes
    ----------
    total : shape (b,)
        Overall Gini ``G``.
    within, between, transvariation : shape (b,)
        ``G_w``, ``G_nb``, ``G_t``; they sum to ``total``.
    gini_pairs : shape (b, k, k)
        ``G_jj`` on the diagonal, ``G_jh`` off it (symmetric).
    relative_ecd : shape (b, k, k)
        ``D_jh`` (relative economic affluence), symmetric, 0 on the diagonal.
    means : shape (b, k)
        Group means.
    """

    total: FloatArray
    within: FloatArray
    between: FloatArray
    transvariation: FloatArray
    gini_pairs: FloatArray
    relative_ecd: FloatArray
    means: FloatArray


def positive_difference_sums(y: FloatArray, g: IntArray, k: int) -> FloatArray:
    """``D[b, j, h] = Σ_{i∈j} Σ_{r∈h} max(y_bi − y_br, 0)``; ``y``, ``g`` shape (b, n) → (b, k, k)."""
    order = np.argsort(y, axis=1, kind="stable")
    v = np.take_along_axis(y, order, axis=1)
    gs = np.take_along_axis(g, order, axis=1)
    ind = (gs[:, :, None] == np.arange(k)[None, None, :]).astype(np.float64)  # (b, n, k)
    cnt = np.cumsum(ind, axis=1) - ind
    vind = ind * v[:, :, None]
    sm = np.cumsum(vind, axis=1) - vind
    below = cnt * v[:, :, None] - sm  # (b, n, k): Σ over earlier r of group h of (v_i − y_r) ≥ 0
    np.maximum(below, 0.0, out=below)  # a sum of non-negative terms: remove rounding below zero
    return np.asarray(np.matmul(ind.transpose(0, 2, 1), below), dtype=np.float64)


def _assemble(d: FloatArray, nj: FloatArray, tot: FloatArray) -> DagumParts:
    """Dagum parts from ``D`` (b, k, k), group sizes ``nj`` (b, k) and group totals ``tot`` (b, k)."""
    k = d.shape[1]
    n = nj.sum(axis=1)
    absdiff = d + d.transpose(0, 2, 1)  # Σ |y_i − y_r| over i∈j, r∈h
    means = tot / nj
    mean_all = tot.sum(axis=1) / n
    total = absdiff.sum(axis=(1, 2)) / (2 * n * n * mean_all)
    p = nj / n[:, None]
    s = tot / (n * mean_all)[:, None]
    nn = nj[:, :, None] * nj[:, None, :]
    msum = means[:, :, None] + means[:, None, :]
    # a group whose values are all zero has mean 0 and no inequality: its Gini terms are 0, not 0/0
    den = nn * msum
    pairs = np.divide(absdiff, den, out=np.zeros_like(absdiff), where=den > 0)
    diag = np.arange(k)
    dden = 2 * nj**2 * means
    pairs[:, diag, diag] = np.divide(absdiff[:, diag, diag], dden, out=np.zeros_like(dden), where=dden > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        rel = np.abs(d - d.transpose(0, 2, 1)) / absdiff
    rel = np.where(absdiff > 0, rel, 0.0)
    rel[:, diag, diag] = 0.0
    within = (pairs[:, diag, diag] * p * s).sum(axis=1)
    weight = p[:, :, None] * s[:, None, :] + p[:, None, :] * s[:, :, None]
    upper = np.triu(np.ones((k, k), dtype=bool), 1)[None]
    contrib = np.where(upper, pairs * weight, 0.0)
    between = (contrib * rel).sum(axis=(1, 2))
    trans = (contrib * (1 - rel)).sum(axis=(1, 2))
    return DagumParts(total, within, between, trans, pairs, rel, means)


def dagum_kernel(y: FloatArray, g: IntArray, k: int) -> DagumParts:
    """Decompose the Gini of each row of ``y`` (shape (b, n)) by the groups ``g`` (codes 0..k−1, shape (b, n)).

    Every group must be non-empty in every row and all values non-negative with a positive mean.
    """
    d = positive_difference_sums(y, g, k)
    nj = np.stack([(g == j).sum(axis=1) for j in range(k)], axis=1).astype(np.float64)
    tot = np.stack([np.where(g == j, y, 0.0).sum(axis=1) for j in range(k)], axis=1)
    return _assemble(d, nj, tot)


def dagum_counts_kernel(v: FloatArray, g: IntArray, m: FloatArray, k: int) -> DagumParts:
    """Dagum parts of samples given as multiplicities ``m`` (b, n) of fixed values ``v`` (n,) in groups ``g``.

    A bootstrap sample is a vector of counts over the original units, so the values are sorted once and each
    replicate needs only running sums: ``D[j, h] = Σ_{i∈j} m_i (C_h(i) y_i − S_h(i))`` with ``C_h(i)``,
    ``S_h(i)`` the count and the sum of the group-``h`` units before ``i`` in sorted order. O(b n k).
    Equal to :func:`dagum_kernel` on the expanded samples (tested).
    """
    order = np.argsort(v, kind="stable")
    v, g = v[order], g[order]
    mt = np.ascontiguousarray(m[:, order].T)  # (n, b): gathers by unit copy contiguous rows
    b = mt.shape[1]
    members = [np.flatnonzero(g == j) for j in range(k)]
    d = np.empty((b, k, k))
    for h in range(k):
        ih = members[h]
        cum_c = np.zeros((ih.size + 1, b))
        cum_s = np.zeros((ih.size + 1, b))
        np.cumsum(mt[ih], axis=0, out=cum_c[1:])
        np.cumsum(mt[ih] * v[ih, None], axis=0, out=cum_s[1:])
        for j in range(k):
            ij = members[j]
            before = np.searchsorted(ih, ij)  # group-h units strictly before each unit of group j
            below = cum_c[before]
            below *= v[ij, None]
            below -= cum_s[before]
            np.maximum(below, 0.0, out=below)  # non-negative by construction; drop rounding error
            below *= mt[ij]
            d[:, j, h] = below.sum(axis=0)
    nj = np.stack([mt[members[j]].sum(axis=0) for j in range(k)], axis=1)
    tot = np.stack([v[members[j]] @ mt[members[j]] for j in range(k)], axis=1)
    return _assemble(d, nj, tot)
