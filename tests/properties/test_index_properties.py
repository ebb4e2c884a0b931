"""Property tests of the index kernels (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from yindi.errors import ComputationError
from yindi.index import critic_weights, cv_weights, entropy_weights, pca_weights, topsis, weighted_sum
from yindi.index.montecarlo import dirichlet_weights, rank_distribution, rank_distribution_plain
from yindi.index.normalize import minmax

ATOL = 1e-9  # rounding of sums of ≤ 400 terms


@st.composite
def matrices(draw: st.DrawFn, min_rows: int = 3, max_rows: int = 30, max_cols: int = 8) -> np.ndarray:
    n = draw(st.integers(min_rows, max_rows))
    m = draw(st.integers(2, max_cols))
    # well-spread positive values on a grid (avoids near-constant columns that differ only by rounding)
    ints = draw(arrays(np.int64, (n, m), elements=st.integers(1, 1000)))
    X = ints.astype(float)
    for j in range(m):  # make every column non-constant
        if X[:, j].min() == X[:, j].max():
            X[0, j] += 1.0
    return X


WEIGHTERS = [
    lambda X: entropy_weights(X),
    lambda X: entropy_weights(X, shift=0.001),
    lambda X: critic_weights(X),
    lambda X: cv_weights(X),
    lambda X: pca_weights(X),
]


@given(matrices())
@settings(max_examples=60, deadline=None)
def test_weights_nonnegative_and_sum_to_one(X: np.ndarray) -> None:
    # all columns perfectly correlated: CRITIC has no information
    if np.allclose(np.corrcoef(X.T), 1.0, rtol=0.0, atol=1e-12):
        with pytest.raises(ComputationError):
            critic_weights(X)
        X = np.hstack([X, X[::-1, :1]])
    for f in WEIGHTERS:
        w = f(X)
        assert w.shape == (X.shape[1],)
        assert (w >= 0).all()
        assert abs(w.sum() - 1) < ATOL


@given(matrices(), st.data())
@settings(max_examples=60, deadline=None)
def test_constant_column_gets_zero_weight(X: np.ndarray, data: st.DataObject) -> None:
    j = data.draw(st.integers(0, X.shape[1] - 1))
    Xc = X.copy()
    Xc[:, j] = data.draw(st.floats(1.0, 100.0))
    Xc = np.hstack([Xc, X[:, :1] + 1.0])  # keep at least one informative column
    for f in WEIGHTERS:
        w = f(Xc)
        assert w[j] == 0.0
        assert abs(w.sum() - 1) < ATOL


@given(matrices(), st.data())
@settings(max_examples=60, deadline=None)
def test_negative_direction_flips_contribution(X: np.ndarray, data: st.DataObject) -> None:
    m = X.shape[1]
    j = data.draw(st.integers(0, m - 1))
    d = np.ones(m)
    d[j] = -1.0
    # the normalised contribution of a negative indicator is the mirror image of the positive one
    np.testing.assert_allclose(minmax(X, d)[:, j], 1.0 - minmax(X, np.ones(m))[:, j], atol=ATOL)
    # and treating -x as a positive indicator gives the same scores
    Xm = X.copy()
    Xm[:, j] = -X[:, j]
    w = np.full(m, 1.0 / m)
    np.testing.assert_allclose(topsis(X, w, d).closeness, topsis(Xm, w).closeness, atol=ATOL)
    np.testing.assert_allclose(weighted_sum(X, w, d), weighted_sum(Xm, w), atol=ATOL)
    # increasing a negative indicator never raises a region's weighted score
    Xu = X.copy()
    Xu[0, j] = X[:, j].max() + 1.0
    assert weighted_sum(np.vstack([Xu, X]), w, d)[0] <= weighted_sum(np.vstack([X, X]), w, d)[0] + ATOL


@given(matrices(min_rows=4), st.data())
@settings(max_examples=60, deadline=None)
def test_panel_scores_unchanged_by_new_year_iff_bounds_fixed(X: np.ndarray, data: st.DataObject) -> None:
    m = X.shape[1]
    w = np.full(m, 1.0 / m)
    lo, hi = X.min(axis=0), X.max(axis=0)
    u = data.draw(arrays(np.float64, (3, m), elements=st.floats(0.0, 1.0)))
    inside = lo + u * (hi - lo)  # a new "year" within the global bounds
    before = topsis(X, w).closeness
    after = topsis(np.vstack([X, inside]), w).closeness[: len(X)]
    np.testing.assert_allclose(after, before, atol=ATOL)
    np.testing.assert_allclose(
        weighted_sum(np.vstack([X, inside]), w)[: len(X)], weighted_sum(X, w), atol=ATOL
    )
    outside = inside.copy()
    outside[0, 0] = hi[0] + (hi[0] - lo[0])  # the new year moves the global max of indicator 0
    moved = weighted_sum(np.vstack([X, outside]), w)[: len(X)]
    assert not np.allclose(moved, weighted_sum(X, w), atol=1e-6)


@given(matrices(min_rows=3, max_rows=40), st.integers(0, 2**16), st.sampled_from(["weighted_sum", "topsis"]))
@settings(max_examples=30, deadline=None)
def test_fast_monte_carlo_equals_plain(X: np.ndarray, seed: int, aggregation: str) -> None:
    R = minmax(X, np.ones(X.shape[1]))
    R = R + np.random.default_rng(seed).random(R.shape) * 1e-3  # break exact ties between regions
    W = dirichlet_weights(np.full(X.shape[1], 1.0 / X.shape[1]), 97, concentration=30, seed=seed)
    a = rank_distribution(R, W, aggregation=aggregation, batch=16)  # type: ignore[arg-type]
    b = rank_distribution_plain(R, W, aggregation=aggregation)  # type: ignore[arg-type]
    np.testing.assert_array_equal(a.low, b.low)
    np.testing.assert_array_equal(a.high, b.high)
    np.testing.assert_allclose(a.top_share, b.top_share)
