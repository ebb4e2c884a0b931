"""Plain O(n²) Dagum (1997) decomposition, written directly from the paper's definitions (the test reference).

It follows the structure of the R implementation AQUUQA/ginisufe ``R/Gini.R`` (pairwise differences per pair
of groups; ``d_jh`` = mean positive difference of the richer group over the poorer one, ``p_jh`` = mean of the
absolute negative differences) and shares no code with ``yindi.disparity._dagum``.
"""

from __future__ import annotations

import itertools

import numpy as np


def dagum_plain(y: np.ndarray, groups: list[str]) -> dict[str, object]:
    y = np.asarray(y, dtype=float)
    labels = sorted(
        set(groups), key=lambda g: (np.mean([v for v, h in zip(y, groups, strict=False) if h == g]), g)
    )
    by = {g: np.array([v for v, h in zip(y, groups, strict=False) if h == g]) for g in labels}
    n, mean = y.size, y.mean()
    total = np.abs(y[:, None] - y[None, :]).sum() / (2 * n * n * mean)
    p = {g: by[g].size / n for g in labels}
    s = {g: by[g].size * by[g].mean() / (n * mean) for g in labels}
    g_jj = {
        g: np.abs(by[g][:, None] - by[g][None, :]).sum() / (2 * by[g].size ** 2 * by[g].mean())
        if by[g].mean()
        else 0.0
        for g in labels
    }
    within = sum(g_jj[g] * p[g] * s[g] for g in labels)
    between = trans = 0.0
    g_jh = {}
    d_rel = {}
    for h, j in itertools.combinations(labels, 2):  # mean(h) <= mean(j)
        diff = by[j][:, None] - by[h][None, :]
        msum = by[j].mean() + by[h].mean()
        gjh = np.abs(diff).sum() / (by[j].size * by[h].size * msum) if msum else 0.0
        d = diff[diff > 0].sum() / diff.size
        pp = -diff[diff < 0].sum() / diff.size
        dd = (d - pp) / (d + pp) if d + pp > 0 else 0.0
        w = p[j] * s[h] + p[h] * s[j]
        between += gjh * w * dd
        trans += gjh * w * (1 - dd)
        g_jh[(h, j)] = g_jh[(j, h)] = gjh
        d_rel[(h, j)] = d_rel[(j, h)] = dd
    return {
        "total": total,
        "within": within,
        "between": between,
        "transvariation": trans,
        "order": labels,
        "g_jj": g_jj,
        "g_jh": g_jh,
        "d_rel": d_rel,
    }
