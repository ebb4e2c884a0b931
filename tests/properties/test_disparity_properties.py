"""Property tests of the disparity measures (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from yindi.disparity import dagum, gini, theil

values = st.lists(st.floats(min_value=0.01, max_value=1e4, allow_nan=False), min_size=4, max_size=40)


@settings(max_examples=80, deadline=None)
@given(values, st.integers(min_value=2, max_value=4), st.integers(min_value=0, max_value=10**6))
def test_dagum_parts_sum_to_gini(y: list[float], k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    groups = [f"g{i % k}" for i in range(len(y))]
    rng.shuffle(groups)
    r = dagum(y, groups)
    assert abs(r.within + r.between + r.transvariation - r.total) < 1e-12 * max(1.0, r.total)
    assert abs(r.total - gini(y)) < 1e-12
    assert 0 <= r.total < 1
    assert min(r.within, r.between, r.transvariation) >= -1e-15
    d = r.relative_ecd.to_numpy()
    assert np.all((d >= -1e-15) & (d <= 1 + 1e-15))


@settings(max_examples=80, deadline=None)
@given(values, st.integers(min_value=1, max_value=5), st.sampled_from(["T", "L"]))
def test_theil_total_is_within_plus_between(y: list[float], k: int, kind: str) -> None:
    groups = [i % k for i in range(len(y))]
    r = theil(y, groups, kind=kind)  # type: ignore[arg-type]
    assert abs(r.total - (r.within + r.between)) < 1e-12
    assert r.between >= -1e-15 and r.within >= -1e-15


@settings(max_examples=50, deadline=None)
@given(values, st.floats(min_value=0.01, max_value=100))
def test_scale_invariance(y: list[float], c: float) -> None:
    g = [i % 3 for i in range(len(y))]
    a, b = dagum(y, g), dagum([c * v for v in y], g)
    assert abs(a.total - b.total) < 1e-9 and abs(a.between - b.between) < 1e-9
    assert abs(theil(y).total - theil([c * v for v in y]).total) < 1e-9
