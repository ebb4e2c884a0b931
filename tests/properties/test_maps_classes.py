"""Property tests of the map classification and axis ticks (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from yindi.report._classify import assign_classes, class_edges
from yindi.report._svg import nice_ticks

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
samples = st.lists(finite, min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(samples, st.integers(1, 9), st.sampled_from(["quantile", "equal_interval"]), st.booleans())
def test_classes_are_ordered_and_cover_the_data(
    values: list[float], k: int, method: str, diverging: bool
) -> None:
    v = np.array(values)
    edges = class_edges(v, k, method, diverging=diverging)
    assert np.all(np.diff(edges) >= 0) and edges[0] <= v.min() and edges[-1] >= v.max()
    idx = assign_classes(v, edges)
    assert idx.min() >= 0 and idx.max() <= len(edges) - 2
    order = np.argsort(v, kind="stable")
    assert np.all(np.diff(idx[order]) >= 0)  # a larger value never falls in a lower class
    if diverging and v.min() < 0 <= v.max():
        assert 0.0 in edges.tolist()


@settings(max_examples=200, deadline=None)
@given(finite, finite)
def test_nice_ticks_cover_the_range(a: float, b: float) -> None:
    lo, hi = min(a, b), max(a, b)
    ticks = nice_ticks(lo, hi)
    steps = np.diff(ticks)
    slack = 1e-6 * steps[0]  # values within a millionth of a step of a tick count as on it
    assert ticks[0] <= lo + slack and ticks[-1] >= hi - slack
    assert 2 <= len(ticks) <= 13 and np.allclose(steps, steps[0], rtol=1e-6)
