"""The frame pre-filter (seeds, dominance, envelopment by the seeds), the CRS frontier and the chunked batched
simplex: reduced-reference scores equal the full-reference LP (per-unit HiGHS via ``linprog``) to 1e-9."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from productivity_testdata import frontier_data

from yindi.errors import ParameterError
from yindi.productivity import dea, malmquist
from yindi.productivity._batch import solve_batch
from yindi.productivity._frame import dominated, prefilter, seed_units
from yindi.productivity._radial import _scale, build_radial_lp, crs_frontier, frontier_units, radial
from yindi.productivity._reference import radial_reference

TOL = 1e-9
pytestmark = pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")

# One input, one output. VRS frontier A(1,1) — B(2,3) — C(4,4); G(3,3.5) lies on the segment B–C (efficient,
# not extreme); D(3,2) is inside; F(5,4) has C's output with more input (θ = 4/5); H(1.5,1) is A with more
# input (θ = 1/1.5). Frame {A, B, C}; θ = 1 set {A, B, C, G}; CRS (max y/x = 1.5 at B): {B}.
HAND_X = np.array([[1.0], [2.0], [4.0], [3.0], [3.0], [5.0], [1.5]])
HAND_Y = np.array([[1.0], [3.0], [4.0], [3.5], [2.0], [4.0], [1.0]])
A, B, C, G, D, F, H = range(7)


def test_hand_case_frame_dominance_and_crs_frontier():
    x, y = HAND_X, HAND_Y
    seeds = seed_units(x, y)
    assert set(seeds.tolist()) == {A, B, C}  # maximisers of strictly positive prices: the frame
    dom = dominated(x, y, seeds)
    assert dom.tolist() == [False, False, False, False, True, True, True]  # D by B, F by C, H by A
    assert prefilter(x, y).tolist() == [A, B, C, G]  # G is not enveloped strictly by the seeds
    for limit in (0, 10_000):  # with and without the pre-filter
        front = frontier_units(x, y, prefilter_above=limit)
        assert front.tolist() == [A, B, C, G]
    assert crs_frontier(x, y, np.array([A, B, C, G])).tolist() == [B]


def test_hand_case_hand_scores():
    # D(3,2): VRS input θ — frontier at y = 2 lies on A–B at x = 1.5, so θ = 1.5/3 = 0.5; CRS: y/x = 2/3 vs 1.5
    # → θ = (2/3)/1.5 = 4/9. F: VRS 4/5; CRS (4/5)/1.5 = 8/15.
    for limit in (0, 10_000):
        vrs = radial(HAND_X, HAND_Y, rts="vrs", prefilter_above=limit).efficiency
        crs = radial(HAND_X, HAND_Y, rts="crs", prefilter_above=limit).efficiency
        np.testing.assert_allclose(vrs, [1, 1, 1, 1, 0.5, 0.8, 1 / 1.5], atol=TOL, rtol=0)
        np.testing.assert_allclose(crs[[A, B, D, F]], [1 / 1.5, 1.0, 4 / 9, 8 / 15], atol=TOL)


@pytest.mark.parametrize("rts", ["crs", "vrs", "nirs", "ndrs"])
@pytest.mark.parametrize("orientation", ["input", "output"])
def test_reduced_equals_full_reference_lp(rts, orientation):
    x, y, _ = frontier_data(250, 3, 2, seed=7)
    got = dea(x, y, rts=rts, orientation=orientation, slacks="first", frame_prefilter_above=0).efficiency
    ref = radial_reference(x, y, rts=rts, orientation=orientation)
    np.testing.assert_allclose(got, ref, atol=TOL, rtol=0)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
@pytest.mark.parametrize("orientation", ["input", "output"])
def test_large_reference_set_sample_against_full_lp(rts, orientation):
    """2,500 reference units (above the default threshold): 30 sampled units against the full LP."""
    x, y, _ = frontier_data(2500, 3, 1, seed=11, share=0.05)
    got = dea(x, y, rts=rts, orientation=orientation, slacks="first").efficiency
    sample = np.random.default_rng(3).choice(2500, 30, replace=False)
    ref = radial_reference(x[sample], y[sample], x, y, rts=rts, orientation=orientation)
    np.testing.assert_allclose(got[sample], ref, atol=TOL, rtol=0)


def test_prefilter_keeps_the_frontier_and_drops_only_dominated_units():
    x, y, _ = frontier_data(3000, 3, 2, seed=5, share=0.05)
    sx, sy = _scale(x, y)
    xs, ys = x / sx, y / sy
    plain = frontier_units(xs, ys, prefilter_above=10**9)
    fast = frontier_units(xs, ys, prefilter_above=0)
    np.testing.assert_array_equal(plain, fast)
    kept = prefilter(xs, ys)
    assert np.isin(plain, kept).all() and kept.size < 3000
    # every unit left out has θ < 1 against the kept units (dominated by a convex combination of them)
    out = np.setdiff1d(np.arange(3000), kept)
    lp = build_radial_lp(xs[out], ys[out], xs[kept], ys[kept], rts="vrs", orientation="input")
    theta = solve_batch(lp, np.arange(kept.size)).objective
    assert np.all(theta <= 1.0 + 1e-12)


def test_super_efficiency_with_prefilter_prices_every_column():
    x, y, _ = frontier_data(200, 2, 2, seed=2)
    for rts in ("crs", "vrs"):
        got = dea(x, y, rts=rts, super_efficiency=True, slacks="first", frame_prefilter_above=0)
        ref = radial_reference(x, y, rts=rts, super_efficiency=True)
        ok = got.feasible
        np.testing.assert_array_equal(ok, ~np.isnan(ref))
        np.testing.assert_allclose(got.efficiency[ok], ref[ok], atol=TOL, rtol=0)


def test_chunked_batch_equals_one_batch():
    x, y, _ = frontier_data(1500, 3, 2, seed=9)
    sx, sy = _scale(x, y)
    xs, ys = x / sx, y / sy
    lp = build_radial_lp(xs, ys, xs, ys, rts="vrs", orientation="output")
    front = frontier_units(xs, ys)
    whole = solve_batch(replace(lp, price=front), front, chunk_elems=10**9)
    parts = solve_batch(replace(lp, price=front), front, chunk_elems=1)  # 256 units per chunk
    np.testing.assert_allclose(parts.objective, whole.objective, atol=1e-12, rtol=0)
    assert (parts.x_ref - whole.x_ref).count_nonzero() == 0 or np.abs(
        (parts.x_ref - whole.x_ref).toarray()
    ).max() < 1e-9


def _pooled_panel(n: int, t_count: int) -> pd.DataFrame:
    rows = []
    for t in range(t_count):
        x, y, _ = frontier_data(n, 3, 1, seed=40 + t, share=0.1)
        rows.append(
            pd.DataFrame(
                {
                    "region": [f"r{i:04d}" for i in range(n)],
                    "period": 2010 + t,
                    "x1": x[:, 0],
                    "x2": x[:, 1],
                    "x3": x[:, 2],
                    "y": y[:, 0] * 1.04**t,
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


@pytest.mark.parametrize("orientation", ["input", "output"])
def test_global_malmquist_pooled_frame_equals_full_lp(orientation):
    """2,200 pooled units (above the threshold): E^G from the periods' frames equals the full pooled LP."""
    df = _pooled_panel(550, 4)
    res = malmquist(df, inputs=["x1", "x2", "x3"], outputs=["y"], frontier="global", orientation=orientation)
    x = df[["x1", "x2", "x3"]].to_numpy()
    y = df[["y"]].to_numpy()
    rng = np.random.default_rng(0)
    sample = rng.choice(550, 15, replace=False)
    idx = {2010 + t: t * 550 + sample for t in range(4)}  # df rows are period-major, regions sorted
    e_g = {p: radial_reference(x[i], y[i], x, y, rts="crs", orientation=orientation) for p, i in idx.items()}
    got = res.frame.set_index(["region", "period"])
    for t in range(1, 4):
        names = [f"r{i:04d}" for i in sample]
        m = got.loc[[(r, 2010 + t) for r in names], "index"].to_numpy()
        np.testing.assert_allclose(m, e_g[2010 + t] / e_g[2009 + t], atol=TOL, rtol=0)


def test_prefilter_option_is_validated():
    x, y, _ = frontier_data(50, 2, 1, seed=1)
    with pytest.raises(ParameterError):
        dea(x, y, frame_prefilter_above=-1)


def test_weakly_efficient_dominated_unit_is_dropped_only_by_the_prefilter():
    # K(1, 0.5) has the least input, so its VRS input θ is 1, but A(1, 1) dominates it: the plain
    # decomposition returns it, the pre-filter leaves it out; the scores are the same either way.
    x = np.vstack([HAND_X, [[1.0]]])
    y = np.vstack([HAND_Y, [[0.5]]])
    k = x.shape[0] - 1
    assert k in frontier_units(x, y, prefilter_above=10_000).tolist()
    assert k not in frontier_units(x, y, prefilter_above=0).tolist()
    for rts in ("crs", "vrs"):
        for orientation in ("input", "output"):
            a = radial(x, y, rts=rts, orientation=orientation, prefilter_above=0).efficiency
            b = radial_reference(x, y, rts=rts, orientation=orientation)
            np.testing.assert_allclose(a, b, atol=TOL, rtol=0)


def test_chunks_follow_a_growing_candidate_set():
    """Column generation grows the candidate set between chunks; every unit is still solved exactly once."""
    x, y, _ = frontier_data(1200, 3, 2, seed=4)
    sx, sy = _scale(x, y)
    xs, ys = x / sx, y / sy
    lp = build_radial_lp(xs, ys, xs, ys, rts="vrs", orientation="input")  # full pricing (price=None)
    start = np.array([int(np.argmin(xs[:, 0]))])
    parts = solve_batch(lp, start, chunk_elems=600)  # 600 units, then 256 per chunk as the set grows
    whole = solve_batch(lp, np.arange(1200), chunk_elems=10**9)
    assert parts.objective.shape == (1200,) and parts.x_ref.shape == (1200, 1200)
    assert parts.n_candidates > 1
    np.testing.assert_allclose(parts.objective, whole.objective, atol=1e-12, rtol=0)
