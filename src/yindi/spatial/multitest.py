"""Multiple-testing adjustment of p-values (Bonferroni; Benjamini–Hochberg false discovery rate)."""

from __future__ import annotations

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import check_option
from yindi.spatial._options import ADJUSTS, Adjust


def adjust_pvalues(p: FloatArray, method: Adjust = "fdr") -> FloatArray:
    """Adjusted p-values, shape as ``p``.

    Notes
    -----
    Bonferroni: ``min(1, m p_i)``. Benjamini & Hochberg (1995): with ``p_(1) ≤ … ≤ p_(m)``,
    ``p̃_(i) = min_{j ≥ i} min(1, m p_(j) / j)``; rejecting ``p̃ ≤ α`` controls the false discovery rate at α.
    Equals ``statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]``.

    References
    ----------
    Benjamini, Y., Hochberg, Y. (1995). Controlling the false discovery rate. *JRSS B* 57(1), 289–300.
    """
    check_option("adjust", method, ADJUSTS, where="adjust_pvalues()")
    p = np.asarray(p, dtype=np.float64)
    m = p.size
    if method == "none" or m == 0:
        return p.copy()
    if method == "bonferroni":
        return np.minimum(1.0, p * m)
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(1.0, ranked)
    return out
