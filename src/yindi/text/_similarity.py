"""Kernels: pairwise cosine and Jaccard similarity of the rows of a matrix (pure NumPy).

Notes
-----
For rows ``x, y``: cosine ``x·y / (‖x‖‖y‖)`` (0 when either row is all zeros); Jaccard of the supports
``|{x>0} ∩ {y>0}| / |{x>0} ∪ {y>0}|`` (0 when both are empty). The overall level of a set of ``n`` rows is the
mean over the ``n(n−1)/2`` distinct pairs.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

F64 = NDArray[np.float64]


def pairwise_cosine(x: F64) -> F64:
    """Cosine similarity of every pair of rows of ``x`` (shape ``(n, k)``) → ``(n, n)``."""
    norms = np.linalg.norm(x, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    unit = x / safe[:, None]
    out = unit @ unit.T
    zero = norms == 0
    out[zero, :] = 0.0
    out[:, zero] = 0.0
    np.fill_diagonal(out, np.where(zero, 0.0, 1.0))
    clipped: F64 = np.clip(out, -1.0, 1.0)
    return clipped


def pairwise_jaccard(x: F64) -> F64:
    """Jaccard similarity of the supports (entries > 0) of every pair of rows of ``x`` → ``(n, n)``."""
    b = (x > 0).astype(np.float64)
    inter = b @ b.T
    sizes = b.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    out: F64 = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return out


def mean_offdiagonal(s: F64) -> float:
    """Mean of the entries above the diagonal (NaN for fewer than two rows)."""
    n = s.shape[0]
    if n < 2:
        return float("nan")
    iu = np.triu_indices(n, 1)
    return float(s[iu].mean())
