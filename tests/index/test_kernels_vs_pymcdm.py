"""Weighting and TOPSIS kernels against pymcdm 1.4 (run live) over a grid of random cases.

pymcdm conventions, and how we compare like with like:

- ``pymcdm.weights.entropy_weights`` sum-normalises the *raw* matrix (no min–max, no directions) and sets a
  column's entropy to 0 (maximum weight!) as soon as the column holds a zero. Our method normalises min–max
  first (METHODS §3.1), which always creates zeros. So we feed pymcdm our own min–max matrix plus the shift,
  ``minmax(X) + s``, and compare with ``entropy_weights(X, shift=s)``; the zero case (0·ln 0 = 0) is checked by
  hand in ``test_kernels_hand.py``.
- ``pymcdm.weights.critic_weights`` min–max normalises without directions; we feed it our direction-aware
  min–max matrix (min–max of a min–max matrix is itself).
- ``pymcdm.methods.TOPSIS`` with ``minmax_normalization`` and ``types`` is exactly our default; with
  ``vector_normalization`` it writes cost criteria as ``1 - r``, as we do.
"""

from __future__ import annotations

import numpy as np
import pytest
from pymcdm import normalizations as pn
from pymcdm import weights as pw
from pymcdm.methods import TOPSIS

from yindi.index import critic_weights, entropy_weights, topsis
from yindi.index.normalize import minmax

# Tolerances: both sides are double-precision evaluations of the same closed-form expressions; differences
# are rounding only (≲ 1e-15 relative), so 1e-10 absolute is tight yet safe.
ATOL = 1e-10

CASES = [(n, m, seed) for n, m in [(5, 3), (31, 8), (200, 12)] for seed in range(3)]


def _data(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.lognormal(mean=2.0, sigma=1.0, size=(n, m))
    d = rng.choice([-1, 1], size=m)
    d[0] = 1
    return X, d


@pytest.mark.parametrize(("n", "m", "seed"), CASES)
@pytest.mark.parametrize("shift", [0.001, 0.01])
def test_entropy_matches_pymcdm_on_shifted_minmax(n: int, m: int, seed: int, shift: float) -> None:
    X, d = _data(n, m, seed)
    ours = entropy_weights(X, d, shift=shift)
    ref = pw.entropy_weights(minmax(X, d.astype(float)) + shift)
    np.testing.assert_allclose(ours, ref, atol=ATOL)


@pytest.mark.parametrize(("n", "m", "seed"), CASES)
def test_entropy_normalized_input_matches_pymcdm(n: int, m: int, seed: int) -> None:
    X, _ = _data(n, m, seed)  # strictly positive: pymcdm's zero rule does not apply
    np.testing.assert_allclose(entropy_weights(X, normalized=True), pw.entropy_weights(X), atol=ATOL)


@pytest.mark.parametrize(("n", "m", "seed"), CASES)
def test_critic_matches_pymcdm(n: int, m: int, seed: int) -> None:
    X, d = _data(n, m, seed)
    ours = critic_weights(X, d)
    ref = pw.critic_weights(minmax(X, d.astype(float)))
    np.testing.assert_allclose(ours, ref, atol=ATOL)
    # without directions pymcdm sees the raw matrix directly
    np.testing.assert_allclose(critic_weights(X), pw.critic_weights(X), atol=ATOL)


@pytest.mark.parametrize(("n", "m", "seed"), CASES)
@pytest.mark.parametrize("norm", ["minmax", "vector"])
def test_topsis_matches_pymcdm(n: int, m: int, seed: int, norm: str) -> None:
    X, d = _data(n, m, seed)
    w = np.random.default_rng(seed + 100).dirichlet(np.ones(m))
    fn = pn.minmax_normalization if norm == "minmax" else pn.vector_normalization
    ref = TOPSIS(fn)(X, w, d)
    ours = topsis(X, w, d, normalization=norm)  # type: ignore[arg-type]
    np.testing.assert_allclose(ours.closeness, ref, atol=ATOL)
    assert ours.closeness.min() >= 0 and ours.closeness.max() <= 1


def test_topsis_pymcdm_docstring_example() -> None:
    """The example printed in pymcdm's TOPSIS docstring: [0.500, 0.617, 0.500]."""
    X = np.array([[1, 2, 5], [3000, 3750, 4500]], dtype=float).T
    res = topsis(X, [0.5, 0.5], [-1, 1])
    np.testing.assert_allclose(res.closeness, [0.5, 0.617, 0.5], atol=5e-4)
