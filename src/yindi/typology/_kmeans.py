"""k-means++ with Lloyd steps, and Euclidean distances, in NumPy: the arithmetic of
``scipy.cluster.vq.kmeans2(data, k, minit="++", rng=generator)`` and ``scipy.spatial.distance.cdist``.

Importing ``scipy.cluster.vq`` loads ``scipy.spatial``, ``scipy.linalg`` and ``scipy.special`` (about half a
second) for a few lines of arithmetic on a few dozen regions. The functions below draw the same random numbers
in the same order and add in the same order as SciPy's C code, so the labels and centroids are SciPy's
(tests/typology/test_kmeans.py compares them on many random inputs, ties included).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from yindi._typing import FloatArray, IntArray

#: ``scipy.cluster.vq.vq`` adds the squared differences directly below this many features, else it expands
#: the square (``-2 x·c + |x|² + |c|²``, the product from BLAS).
_DIRECT_BELOW = 5


def sq_distances(a: FloatArray, b: FloatArray) -> FloatArray:
    """Squared Euclidean distances between the rows of ``a`` and of ``b``, shape (len(a), len(b)), the terms
    added feature by feature in order as ``cdist(a, b, "sqeuclidean")`` adds them (a cumulative sum adds in
    order, where ``sum`` may add in pairs)."""
    if a.shape[-1] == 0:
        return np.zeros((a.shape[0], b.shape[0]))
    d = a[:, None, :] - b[None, :, :]
    return np.asarray(np.cumsum(d * d, axis=-1)[..., -1])


def distances(a: FloatArray, b: FloatArray) -> FloatArray:
    """Euclidean distances between the rows of ``a`` and of ``b`` (as ``cdist(a, b)``)."""
    return np.asarray(np.sqrt(sq_distances(a, b)))


def _row_sq(x: FloatArray) -> FloatArray:
    """Squared norm of each row (last axis), the terms added in order."""
    if x.shape[-1] == 0:
        return np.zeros(x.shape[:-1])
    return np.asarray(np.cumsum(x * x, axis=-1)[..., -1])


@dataclass(frozen=True)
class Prepared:
    """The data of k-means runs with what every start reuses: squared row norms and squared distances
    between the rows (a k-means++ seed is a row, so its distances to the data are a row of ``sq``)."""

    data: FloatArray
    norms: FloatArray
    sq: FloatArray


def prepare(data: FloatArray) -> Prepared:
    """``data`` (2-D float) with its squared row norms and squared row-to-row distances."""
    x = np.asarray(data, dtype=float)
    return Prepared(x, _row_sq(x), sq_distances(x, x))


def _kpp(prep: Prepared, k: int, rng: np.random.Generator) -> IntArray:
    """Rows chosen as k-means++ seeds (Arthur & Vassilvitskii 2007), drawn as ``scipy.cluster.vq._kpp`` draws
    them."""
    n = prep.data.shape[0]
    chosen: list[int] = []
    for i in range(k):
        if i == 0:
            idx = int(rng.integers(n, high=None, size=None, dtype="int64", endpoint=False))
        else:
            d2 = prep.sq[chosen].min(axis=0)
            cumprobs = (d2 / d2.sum()).cumsum()
            idx = int(np.searchsorted(cumprobs, rng.uniform()))
        chosen.append(idx)
    return np.asarray(chosen, dtype=np.int64)


def _nearest(prep: Prepared, books: FloatArray) -> IntArray:
    """Per run (first axis of ``books``: runs × codes × features), the index of each row's nearest code, the
    first on ties, with the distances formed as ``scipy.cluster.vq.vq`` forms them."""
    x = prep.data
    runs, k, nfeat = books.shape
    if nfeat < _DIRECT_BELOW:
        d2 = np.stack([sq_distances(x, b) for b in books])
    else:
        m = -2.0 * (x @ books.reshape(runs * k, nfeat).T)
        d2 = (m.reshape(len(x), runs, k).transpose(1, 0, 2) + prep.norms[None, :, None]) + _row_sq(books)[
            :, None, :
        ]
    return np.asarray(np.argmin(d2, axis=2), dtype=np.int64)


def kmeans_runs(
    prep: Prepared, k: int, rng: np.random.Generator, runs: int, iterations: int = 10
) -> list[tuple[FloatArray, IntArray]]:
    """Centroids and labels of ``runs`` k-means runs, each ``iterations`` Lloyd steps from k-means++ seeds:
    what ``runs`` successive calls ``scipy.cluster.vq.kmeans2(data, k, iter=iterations, minit="++",
    rng=rng)`` return (a Lloyd step draws no random number, so every seed is drawn first and the runs step
    together). An empty cluster keeps its previous centroid, with SciPy's warning."""
    x = prep.data
    n = x.shape[0]
    books = np.stack([x[_kpp(prep, k, rng)] for _ in range(runs)])
    labels = np.zeros((runs, n), dtype=np.int64)
    run_of = np.repeat(np.arange(runs), n)
    rows = np.tile(np.arange(n), runs)
    for _ in range(iterations):
        labels = _nearest(prep, books)
        sums = np.zeros_like(books)
        flat = labels.ravel()
        np.add.at(sums, (run_of, flat), x[rows])  # row by row, in order (SciPy's update_cluster_means)
        counts = np.bincount(run_of * k + flat, minlength=runs * k).reshape(runs, k)
        has = counts > 0
        if has.all():
            sums /= counts[:, :, None]
        else:
            sums[has] /= counts[has][:, None]
            for _ in range(int((~has.all(axis=1)).sum())):
                warnings.warn(
                    "One of the clusters is empty. Re-run kmeans with a different initialization.",
                    UserWarning,
                    stacklevel=2,
                )
            sums[~has] = books[~has]
        books = sums
    return [(books[r], labels[r]) for r in range(runs)]


def kmeans_pp(
    data: FloatArray, k: int, rng: np.random.Generator, iterations: int = 10
) -> tuple[FloatArray, IntArray]:
    """One run: ``scipy.cluster.vq.kmeans2(data, k, iter=iterations, minit="++", rng=rng)`` for a 2-D float
    array."""
    return kmeans_runs(prepare(data), k, rng, 1, iterations)[0]
