"""Invariants of the structure indices (Hypothesis).

- The LQ of the whole country is 1 for every activity (the region-size-weighted mean of LQ is 1).
- Shares, HHI, entropy, Hachman, Krugman and similarity stay in their documented ranges.
- The similarity of a region with itself is 1; similarity and pairwise Krugman are symmetric.
- Density lies in [0, 1]; proximity is symmetric with a unit diagonal.
- ECI correlates positively with diversity (the stated sign convention); ECI = mean PCI of present activities.
- Indices are invariant to the scale of the values (a unit change must not change structure).
"""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from yindi.errors import MethodWarning
from yindi.structure import specialisation_kernel as sk
from yindi.structure.complexity_kernel import complexity_arrays

TOL = 1e-9


@st.composite
def matrices(draw: st.DrawFn, min_side: int = 2, max_side: int = 12) -> np.ndarray:
    r = draw(st.integers(min_side, max_side))
    a = draw(st.integers(min_side, max_side))
    x = draw(arrays(np.float64, (r, a), elements=st.floats(0, 1e6, allow_nan=False, allow_infinity=False)))
    # positive row and column totals (the model layer guarantees this by policy)
    x[:, 0] += 1.0
    x[0, :] += 1.0
    return x


@settings(max_examples=60, deadline=None)
@given(matrices())
def test_lq_of_the_whole_country_is_one(x: np.ndarray) -> None:
    lq = sk.location_quotient(x)
    weights = x.sum(axis=1) / x.sum()
    np.testing.assert_allclose(weights @ lq, 1.0, rtol=1e-9)
    # the country as a single region: LQ = 1 everywhere
    np.testing.assert_allclose(sk.location_quotient(x.sum(axis=0, keepdims=True)), 1.0, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.floats(1e-3, 1e3))
def test_ranges_symmetry_and_scale_invariance(x: np.ndarray, scale: float) -> None:
    a = x.shape[1]
    s = sk.structural_similarity(x)
    np.testing.assert_allclose(np.diag(s), 1.0)
    np.testing.assert_allclose(s, s.T, atol=TOL)
    assert ((s >= 0) & (s <= 1)).all()
    k = sk.krugman_pairwise(x)
    np.testing.assert_allclose(k, k.T, atol=TOL)
    assert (k >= -TOL).all() and (k <= 2 + TOL).all()
    assert (sk.krugman(x) <= 2 + TOL).all()
    hhi = sk.herfindahl(x)
    assert ((hhi >= 1 / a - TOL) & (hhi <= 1 + TOL)).all()
    e = sk.entropy(x)
    assert ((e >= -TOL) & (e <= np.log2(a) + TOL)).all()
    h = sk.hachman(x)
    assert ((h > 0) & (h <= 1 + TOL)).all()
    hv = sk.hoover(x)
    assert ((hv >= -TOL) & (hv < 1)).all()
    for f in (
        sk.location_quotient,
        sk.krugman,
        sk.hachman,
        sk.herfindahl,
        sk.entropy,
        sk.structural_similarity,
    ):
        np.testing.assert_allclose(f(x * scale), f(x), rtol=1e-9, atol=1e-12)


@st.composite
def structured(draw: st.DrawFn) -> np.ndarray:
    """Nested region × activity data from a seeded capability model (ECI needs some structure)."""
    seed = draw(st.integers(0, 2**32 - 1))
    r = draw(st.integers(8, 40))
    a = draw(st.integers(5, 25))
    rng = np.random.default_rng(seed)
    cap, cplx = rng.uniform(0, 1, r), rng.uniform(0, 1, a)
    x = np.exp(4 * np.minimum(0, cap[:, None] - cplx[None, :]) + rng.normal(0, 0.5, (r, a)))
    return x


@settings(max_examples=40, deadline=None)
@given(structured())
def test_complexity_invariants(x: np.ndarray) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MethodWarning)
        c = complexity_arrays(x)
    assume(np.ptp(c.diversity) > 0)
    assert ((c.density >= -TOL) & (c.density <= 1 + TOL)).all()
    np.testing.assert_allclose(c.distance, 1 - c.density)
    np.testing.assert_allclose(c.proximity, c.proximity.T)
    np.testing.assert_allclose(np.diag(c.proximity), 1.0)
    assert np.corrcoef(c.eci, c.diversity)[0, 1] > 0
    np.testing.assert_allclose(c.eci, (c.m @ c.pci) / c.diversity, atol=1e-8)
    assert abs(c.eci.mean()) < 1e-9 and abs(c.eci.std() - 1) < 1e-9
    # COG is zero where the activity is already present
    assert (c.cog[c.m == 1] == 0).all()
    # scale invariance: RCA and everything after it ignore the unit of the values
    c2 = complexity_arrays(x * 1000.0)
    np.testing.assert_allclose(c2.eci, c.eci, atol=1e-8)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 3), st.integers(3, 8), st.integers(3, 6))
def test_reading_is_order_free_and_lossless(seed: int, p: int, r: int, a: int) -> None:
    """A long table read in any row order gives the same cube; a shuffled copy reads identically."""
    import pandas as pd

    from yindi.structure import read_activity_table

    rng = np.random.default_rng(seed)
    cube = rng.gamma(1.0, 10.0, (p, r, a))
    rows = [(2000 + i, f"r{j}", f"a{k}", cube[i, j, k]) for i in range(p) for j in range(r) for k in range(a)]
    df = pd.DataFrame(rows, columns=["year", "region", "activity", "value"])
    shuffled = df.sample(frac=1.0, random_state=seed % (2**31)).reset_index(drop=True)
    t1 = read_activity_table(df, regions="as_is", aggregates="keep")
    t2 = read_activity_table(shuffled, regions="as_is", aggregates="keep")
    np.testing.assert_array_equal(t1.values, cube)
    np.testing.assert_array_equal(t2.values, cube)
    assert t1.regions == t2.regions and t1.activities == t2.activities
