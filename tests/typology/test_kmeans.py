"""The NumPy k-means and distances give SciPy's numbers exactly (same draws, same order of additions)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.cluster.vq import kmeans2
from scipy.spatial.distance import cdist

from yindi.typology._kmeans import distances, kmeans_pp, kmeans_runs, prepare, sq_distances


def _cases(seed: int, count: int) -> list[tuple[np.ndarray, int, int]]:
    master = np.random.default_rng(seed)
    cases = []
    for t in range(count):
        n, d = int(master.integers(3, 60)), int(master.integers(1, 20))
        Z = master.standard_normal((n, d))
        if t % 3 == 0:
            Z = np.round(Z, 1)  # exact ties between distances
        if t % 4 == 0:
            Z = (Z - Z.mean(axis=0)) / Z.std(axis=0, ddof=1)
        if t % 5 == 0:
            Z = Z[:, ::2]  # a strided view
        if t % 7 == 0:  # few distinct rows: empty clusters and SciPy's warnings
            Z = master.integers(0, 2, (n, int(master.integers(1, 6)))).astype(float)
        cases.append((Z, int(master.integers(2, min(9, n))), int(master.integers(0, 1000))))
    return cases


@pytest.mark.parametrize("block", range(4))
def test_kmeans_runs_are_scipys_kmeans2(block: int) -> None:
    for Z, k, seed in _cases(block, 60):
        with warnings.catch_warnings(record=True) as want_warned:
            warnings.simplefilter("always")
            rng = np.random.default_rng(seed)
            want = [kmeans2(Z, k, minit="++", seed=rng) for _ in range(3)]
        with warnings.catch_warnings(record=True) as got_warned:
            warnings.simplefilter("always")
            got = kmeans_runs(prepare(Z), k, np.random.default_rng(seed), 3)
        assert sorted(str(w.message) for w in got_warned) == sorted(str(w.message) for w in want_warned)
        for (c1, l1), (c2, l2) in zip(want, got, strict=True):
            np.testing.assert_array_equal(l2, l1)
            np.testing.assert_array_equal(c2, c1)


def test_one_run_and_distances_are_scipys() -> None:
    for Z, k, seed in _cases(9, 40):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c1, l1 = kmeans2(Z, k, minit="++", seed=np.random.default_rng(seed))
            c2, l2 = kmeans_pp(Z, k, np.random.default_rng(seed))
        np.testing.assert_array_equal(l2, l1)
        np.testing.assert_array_equal(c2, c1)
        np.testing.assert_array_equal(distances(Z, Z), cdist(Z, Z))
        np.testing.assert_array_equal(sq_distances(Z[:k], Z), cdist(Z[:k], Z, metric="sqeuclidean"))
