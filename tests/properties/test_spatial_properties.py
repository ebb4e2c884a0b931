"""Property tests of spatial weights and Moran's I (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from yindi.spatial import Weights, moran


@st.composite
def random_weights(draw: st.DrawFn) -> Weights:
    n = draw(st.integers(min_value=4, max_value=25))
    seed = draw(st.integers(min_value=0, max_value=10**6))
    rng = np.random.default_rng(seed)
    nb: dict[str, list[str]] = {}
    wt: dict[str, list[float]] = {}
    for i in range(n):
        k = int(rng.integers(1, n))
        others = rng.choice([j for j in range(n) if j != i], size=k, replace=False)
        nb[str(i)] = [str(j) for j in others]
        wt[str(i)] = list(rng.uniform(0.1, 5, size=k))
    return Weights.from_neighbors(nb, wt)


@settings(max_examples=60, deadline=None)
@given(random_weights())
def test_rows_sum_to_one_after_row_standardisation(w: Weights) -> None:
    before = w.values.copy()
    r = w.row_standardised()
    np.testing.assert_allclose(np.asarray(r.sparse().sum(axis=1)).ravel(), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(w.values, before)  # the original is untouched


@settings(max_examples=60, deadline=None)
@given(
    random_weights(),
    st.floats(min_value=0.01, max_value=1e3),
    st.floats(min_value=-1e3, max_value=1e3),
    st.integers(min_value=0, max_value=10**6),
)
def test_moran_invariant_to_affine_transforms(w: Weights, a: float, b: float, seed: int) -> None:
    y = np.random.default_rng(seed).normal(size=w.n)
    for transformation in ("row", "original"):
        i1 = moran(y, w, transformation=transformation, permutations=0).I
        i2 = moran(a * y + b, w, transformation=transformation, permutations=0).I
        assert abs(i1 - i2) < 1e-9
