"""Properties of the lay-out kernels: decisions follow the regions when they are reordered, capability stays in
[0, 1), missing stays missing, and raising the base threshold never creates an existing base."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from yindi.plan.kernels import Thresholds, combine, decide_codes, symmetric


def _case(seed: int, r: int, i: int) -> tuple:
    rng = np.random.default_rng(seed)
    cap = rng.random((r, i))
    cap[rng.random((r, i)) < 0.1] = np.nan
    return (
        cap, rng.random((r, i)), rng.random(i) * 0.3, 0.3 + rng.random(i) * 0.3, rng.gamma(2, 1, r),
        rng.random(r), rng.random(r), rng.integers(0, 3, i), rng.random(i) < 0.5, rng.random(i) < 0.2,
        rng.random(i) < 0.3,
    )  # fmt: skip


@settings(max_examples=40)
@given(st.integers(0, 10_000), st.integers(2, 12), st.integers(1, 9))
def test_decisions_follow_region_order(seed: int, r: int, i: int) -> None:
    cap, dens, ql, qg, rd, market, carbon, tier, mh, en, ena = _case(seed, r, i)
    d = decide_codes(cap, dens, ql, qg, rd, market, carbon, tier, mh, en, ena, Thresholds())
    perm = np.random.default_rng(seed).permutation(r)
    dp = decide_codes(
        cap[perm], dens[perm], ql, qg, rd[perm], market[perm], carbon[perm], tier, mh, en, ena, Thresholds()
    )
    np.testing.assert_array_equal(d[perm], dp)


@settings(max_examples=40)
@given(st.integers(0, 10_000))
def test_capability_bounds_and_missing(seed: int) -> None:
    rng = np.random.default_rng(seed)
    stack = symmetric(rng.lognormal(0, 1, (3, 5, 4)))
    stack[:, 0, 0] = np.nan
    stack[0, 1, 1] = np.nan
    cap, _ = combine(stack, rng.random(3) + 0.01)
    assert np.isnan(cap[0, 0])
    ok = np.isfinite(cap)
    assert ok.sum() == cap.size - 1 and (cap[ok] >= 0).all() and (cap[ok] < 1).all()


@settings(max_examples=40)
@given(st.integers(0, 10_000), st.floats(0.3, 0.7))
def test_higher_base_threshold_never_adds_upgrades(seed: int, base: float) -> None:
    cap, dens, ql, qg, rd, market, carbon, tier, mh, en, ena = _case(seed, 8, 6)
    lo = decide_codes(cap, dens, ql, qg, rd, market, carbon, tier, mh, en, ena, Thresholds(base=base))
    hi = decide_codes(cap, dens, ql, qg, rd, market, carbon, tier, mh, en, ena, Thresholds(base=base + 0.1))
    assert ((hi == 0) <= (lo == 0)).all()
