"""Kernels: quantile classes, transition counts, ergodic distribution, Bickenbach–Bode homogeneity tests."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from yindi._stats import chi2_sf
from yindi._typing import FloatArray, IntArray


def quantile_cutoffs(x: FloatArray, k: int) -> FloatArray:
    """Upper bounds of ``k`` quantile classes of the pooled values (``numpy.percentile``, linear), shape (k,)."""
    return np.asarray(np.percentile(x, np.linspace(100 / k, 100, k)), dtype=np.float64)


def classify(x: FloatArray, cutoffs: FloatArray) -> IntArray:
    """Class of each value: the first class whose upper bound is ≥ the value (as mapclassify ``Quantiles``)."""
    return np.minimum(np.searchsorted(cutoffs, x, side="left"), len(cutoffs) - 1).astype(np.int64)


def transition_counts(states: IntArray, k: int) -> FloatArray:
    """Counts ``n_ij`` of moves from class ``i`` at ``t`` to ``j`` at ``t+1``; ``states`` (n, T) → (k, k)."""
    a, b = states[:, :-1].ravel(), states[:, 1:].ravel()
    return np.asarray(np.bincount(a * k + b, minlength=k * k).reshape(k, k), dtype=np.float64)


def row_probabilities(counts: FloatArray) -> FloatArray:
    """``p_ij = n_ij / n_i``; rows without observations stay 0."""
    rows = counts.sum(axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(np.where(rows > 0, counts / rows, 0.0), dtype=np.float64)


def ergodic(p: FloatArray) -> FloatArray:
    """Stationary distribution ``π = π P``, ``Σ π = 1`` (least squares on the stacked system), shape (k,).

    For a reducible chain this is one of several stationary distributions.
    """
    k = p.shape[0]
    a = np.vstack([p.T - np.eye(k), np.ones((1, k))])
    rhs = np.zeros(k + 1)
    rhs[-1] = 1.0
    pi, *_ = np.linalg.lstsq(a, rhs, rcond=None)
    pi = np.clip(pi, 0.0, None)
    return np.asarray(pi / pi.sum(), dtype=np.float64)


@dataclass(frozen=True)
class Homogeneity:
    """Bickenbach & Bode (2003) tests that the conditional matrices equal the pooled one.

    Attributes
    ----------
    lr, q : float
        Likelihood-ratio ``2 Σ n_ij(l) ln(p_ij(l)/p_ij)`` and Pearson ``Σ n_i(l) (p_ij(l) − p_ij)² / p_ij``.
    dof : int
        ``Σ_i (b_i − 1)(A_i − 1)`` (see :func:`homogeneity`).
    lr_p, q_p : float
    """

    lr: float
    q: float
    dof: int
    lr_p: float
    q_p: float


def homogeneity(conditional: FloatArray, pooled: FloatArray) -> Homogeneity:
    """Homogeneity of ``conditional`` counts (m, k, k) against ``pooled`` counts (k, k).

    Degrees of freedom follow Bickenbach & Bode (2003) as implemented in PySAL giddy:
    ``dof = Σ_i (b_i − 1)(A_i − 1)`` with ``b_i`` the number of conditional matrices with observations in
    row ``i`` and ``A_i`` the number of non-zero pooled transitions in that row, so empty cells reduce the
    degrees of freedom (``k(k − 1)²`` when nothing is empty).
    """
    p = row_probabilities(pooled)
    pl = row_probabilities(conditional)
    nl = conditional.sum(axis=2)  # (m, k)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where((conditional > 0) & (p[None] > 0), pl / p[None], 1.0)
        lr = 2.0 * float((conditional * np.log(ratio)).sum())
        qterm = np.where(p[None] > 0, nl[:, :, None] * (pl - p[None]) ** 2 / p[None], 0.0)
    q = float(qterm.sum())
    b = (p > 0).sum(axis=1)  # pooled non-zero transitions per row
    rows_used = (nl > 0).sum(axis=0)  # matrices with observations in each row
    dof = int((np.maximum(rows_used - 1, 0) * np.maximum(b - 1, 0)).sum())
    lr_p = float(chi2_sf(lr, dof)) if dof > 0 else float("nan")
    q_p = float(chi2_sf(q, dof)) if dof > 0 else float("nan")
    return Homogeneity(lr, q, dof, lr_p, q_p)
