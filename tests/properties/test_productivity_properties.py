"""Property tests for DEA and Malmquist (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from yindi.productivity import dea, malmquist

pytestmark = pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")


def _data(n_min: int = 12, n_max: int = 30):
    return st.integers(n_min, n_max).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, (n, 2), elements=st.floats(0.5, 50.0)),
            arrays(np.float64, (n, 2), elements=st.floats(0.5, 50.0)),
        )
    )


@settings(max_examples=25, deadline=None)
@given(_data())
def test_radial_input_scores_in_unit_interval_with_frontier_at_one(xy):
    x, y = xy
    for rts in ("crs", "vrs"):
        eff = dea(x, y, rts=rts, slacks="first").efficiency
        # 1e-8 is the batched simplex's certificate tolerance (_batch._CERT_TOL): with many identical units
        # (degenerate LPs) a VRS score may land 3e-9 above 1 (found by Hypothesis; the same on older code)
        assert np.all(eff > 0) and np.all(eff <= 1 + 1e-8)
        assert np.isclose(eff.max(), 1.0, atol=1e-8)


@settings(max_examples=25, deadline=None)
@given(_data())
def test_crs_below_nirs_below_vrs(xy):
    x, y = xy
    crs = dea(x, y, rts="crs", slacks="first").efficiency
    nirs = dea(x, y, rts="nirs", slacks="first").efficiency
    vrs = dea(x, y, rts="vrs", slacks="first").efficiency
    assert np.all(crs <= nirs + 1e-9) and np.all(nirs <= vrs + 1e-9)


@settings(max_examples=20, deadline=None)
@given(_data(), st.floats(0.01, 100.0), st.floats(0.01, 100.0))
def test_scale_invariance(xy, a, b):
    x, y = xy
    base = dea(x, y, rts="vrs", slacks="first").efficiency
    scaled = dea(x * np.array([a, b]), y * np.array([b, a]), rts="vrs", slacks="first").efficiency
    np.testing.assert_allclose(base, scaled, atol=1e-8)
    sbm = dea(x, y, model="sbm").efficiency
    sbm2 = dea(x * a, y * b, model="sbm").efficiency
    np.testing.assert_allclose(sbm, sbm2, atol=1e-8)


@settings(max_examples=20, deadline=None)
@given(_data())
def test_sbm_not_above_radial(xy):
    """SBM ≤ CCR input score (Tone 2001, Theorem 3)."""
    x, y = xy
    assert np.all(dea(x, y, model="sbm").efficiency <= dea(x, y, slacks="first").efficiency + 1e-9)


@settings(max_examples=15, deadline=None)
@given(_data(12, 20), _data(12, 20))
def test_malmquist_equals_ec_times_tc(a, b):
    (x0, y0), (x1, y1) = a, b
    n = min(len(x0), len(x1))
    frames = [
        pd.DataFrame(
            {"region": range(n), "period": p, "x1": x[:n, 0], "x2": x[:n, 1], "y1": y[:n, 0], "y2": y[:n, 1]}
        )
        for p, x, y in ((0, x0, y0), (1, x1, y1))
    ]
    f = malmquist(pd.concat(frames), inputs=["x1", "x2"], outputs=["y1", "y2"], rts="vrs").frame
    np.testing.assert_allclose(f["index"], f["ec"] * f["tc"], rtol=1e-12)
    np.testing.assert_allclose(f["ec"], f["pec"] * f["sec"], rtol=1e-12)
