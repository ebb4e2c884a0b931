"""Malmquist and Malmquist–Luenberger indices against hand computation and the plain LP.

References
----------
* One input, one output, CRS: E^a(b) = (y_b/x_b) / max_j(y_{a,j}/x_{a,j}), so every index has a closed form
  (derivation in the tests);
* the plain per-unit ``linprog`` LPs (``yindi.productivity._reference``) for cross-period distances with several
  inputs/outputs, assembled with the Färe et al. (1994) formulas.

Tolerance ``TOL = 1e-8`` (see ``test_productivity_dea_reference.py``); identities M = EC×TC and EC = PEC×SEC hold to
``1e-12`` because they are computed from the same floats.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from productivity_testdata import frontier_data

from yindi.errors import DataValidationError, ParameterError
from yindi.productivity import malmquist
from yindi.productivity._reference import ddf_reference, radial_reference

TOL = 1e-8
pytestmark = pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")


def _panel(n: int, t_count: int, seed: int = 0) -> pd.DataFrame:
    rows = []
    for t in range(t_count):
        x, y, b = frontier_data(n, 2, 2, seed=seed * 100 + t)
        rows.append(
            pd.DataFrame(
                {
                    "region": [f"r{i:02d}" for i in range(n)],
                    "year": 2010 + t,
                    "x1": x[:, 0],
                    "x2": x[:, 1],
                    "y1": y[:, 0] * (1.03**t),
                    "y2": y[:, 1],
                    "co2": b[:, 0],
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


def _one_one() -> pd.DataFrame:
    # period 0: y/x = 1, 0.5, 0.25 ; period 1: y/x = 1.5, 1.0, 0.25
    return pd.DataFrame(
        {
            "region": ["a", "b", "c"] * 2,
            "period": [0, 0, 0, 1, 1, 1],
            "x": [1.0, 2.0, 4.0, 2.0, 1.0, 4.0],
            "y": [1.0, 1.0, 1.0, 3.0, 1.0, 1.0],
        }
    )


def test_one_input_one_output_closed_form():
    """max productivity: 1 in period 0, 1.5 in period 1. For unit b: E0(0)=0.5, E1(1)=1/1.5, E0(1)=1,
    E1(0)=0.5/1.5. M = sqrt[(1/0.5)·((1/1.5)/(0.5/1.5))] = 2 = productivity ratio (1.0/0.5);
    EC = (1/1.5)/0.5 = 4/3, TC = 1.5."""
    res = malmquist(_one_one(), inputs=["x"], outputs=["y"]).frame.set_index("region")
    assert res.loc["b", "index"] == pytest.approx(2.0)
    assert res.loc["b", "ec"] == pytest.approx(4 / 3)
    assert res.loc["b", "tc"] == pytest.approx(1.5)
    assert res.loc["c", "index"] == pytest.approx(1.0)
    assert res.loc["a", "index"] == pytest.approx(1.5)


def test_global_one_input_one_output_closed_form():
    """Global frontier max productivity = 1.5: M^G = (p1/1.5)/(p0/1.5) = p1/p0 (b: 2.0), EC as contemporaneous."""
    res = malmquist(_one_one(), inputs=["x"], outputs=["y"], frontier="global").frame.set_index("region")
    assert res.loc["b", "index"] == pytest.approx(2.0)
    assert res.loc["b", "ec"] == pytest.approx(4 / 3)
    assert res.loc["b", "tc"] == pytest.approx(1.5)


@pytest.mark.parametrize("orientation", ["input", "output"])
def test_contemporaneous_matches_plain_lp(orientation):
    df = _panel(40, 2, seed=3)
    res = malmquist(
        df, inputs=["x1", "x2"], outputs=["y1", "y2"], period="year", orientation=orientation, rts="vrs"
    ).frame
    p0, p1 = df[df.year == 2010], df[df.year == 2011]
    x0, y0 = p0[["x1", "x2"]].to_numpy(), p0[["y1", "y2"]].to_numpy()
    x1, y1 = p1[["x1", "x2"]].to_numpy(), p1[["y1", "y2"]].to_numpy()
    e00 = radial_reference(x0, y0, rts="crs", orientation=orientation)
    e11 = radial_reference(x1, y1, rts="crs", orientation=orientation)
    e01 = radial_reference(x1, y1, x0, y0, rts="crs", orientation=orientation)
    e10 = radial_reference(x0, y0, x1, y1, rts="crs", orientation=orientation)
    v00 = radial_reference(x0, y0, rts="vrs", orientation=orientation)
    v11 = radial_reference(x1, y1, rts="vrs", orientation=orientation)
    np.testing.assert_allclose(res["index"], np.sqrt(e01 / e00 * e11 / e10), atol=TOL)
    np.testing.assert_allclose(res["ec"], e11 / e00, atol=TOL)
    np.testing.assert_allclose(res["pec"], v11 / v00, atol=TOL)


def test_sequential_frontier_matches_plain_lp():
    df = _panel(30, 3, seed=4)
    res = malmquist(df, inputs=["x1", "x2"], outputs=["y1", "y2"], period="year", frontier="sequential")
    f = res.frame
    parts = [df[df.year == 2010 + t] for t in range(3)]
    xs = [p[["x1", "x2"]].to_numpy() for p in parts]
    ys = [p[["y1", "y2"]].to_numpy() for p in parts]
    s1x, s1y = np.vstack(xs[:2]), np.vstack(ys[:2])
    s2x, s2y = np.vstack(xs), np.vstack(ys)
    e11 = radial_reference(xs[1], ys[1], s1x, s1y, rts="crs")
    e22 = radial_reference(xs[2], ys[2], s2x, s2y, rts="crs")
    e12 = radial_reference(xs[2], ys[2], s1x, s1y, rts="crs")
    e21 = radial_reference(xs[1], ys[1], s2x, s2y, rts="crs")
    got = f[f.period == 2012]
    np.testing.assert_allclose(got["index"], np.sqrt(e12 / e11 * e22 / e21), atol=TOL)


def test_ml_matches_plain_ddf():
    df = _panel(40, 2, seed=5)
    res = malmquist(df, inputs=["x1", "x2"], outputs=["y1", "y2"], undesirable=["co2"], period="year").frame
    p0, p1 = df[df.year == 2010], df[df.year == 2011]
    a = [p[["x1", "x2"]].to_numpy() for p in (p0, p1)]
    b = [p[["y1", "y2"]].to_numpy() for p in (p0, p1)]
    c = [p[["co2"]].to_numpy() for p in (p0, p1)]
    d00 = ddf_reference(a[0], b[0], c[0], a[0], b[0], c[0])
    d11 = ddf_reference(a[1], b[1], c[1], a[1], b[1], c[1])
    d01 = ddf_reference(a[1], b[1], c[1], a[0], b[0], c[0])
    d10 = ddf_reference(a[0], b[0], c[0], a[1], b[1], c[1])
    ml = np.sqrt((1 + d00) / (1 + d01) * (1 + d10) / (1 + d11))
    assert np.array_equal(np.isnan(res["index"].to_numpy()), np.isnan(ml))
    np.testing.assert_allclose(res["index"], ml, atol=TOL)
    np.testing.assert_allclose(res["ec"], (1 + d00) / (1 + d11), atol=TOL)


@pytest.mark.parametrize("frontier", ["contemporaneous", "sequential", "global"])
@pytest.mark.parametrize("bad", [[], ["co2"]])
def test_decomposition_identities(frontier, bad):
    df = _panel(30, 4, seed=6)
    f = malmquist(
        df,
        inputs=["x1", "x2"],
        outputs=["y1", "y2"],
        undesirable=bad,
        period="year",
        rts="vrs",
        frontier=frontier,
    ).frame
    ok = f["index"].notna()
    assert ok.any()
    np.testing.assert_allclose(f.loc[ok, "index"], f.loc[ok, "ec"] * f.loc[ok, "tc"], rtol=1e-12)
    np.testing.assert_allclose(f.loc[ok, "ec"], f.loc[ok, "pec"] * f.loc[ok, "sec"], rtol=1e-12)
    first = f[f.period == 2011].set_index("region")
    np.testing.assert_allclose(first["cum_index"], first["index"], rtol=1e-12)


def test_global_frontier_is_always_feasible_and_transitive():
    df = _panel(30, 3, seed=7)
    f = malmquist(
        df, inputs=["x1", "x2"], outputs=["y1", "y2"], undesirable=["co2"], period="year", frontier="global"
    ).frame
    assert f["index"].notna().all()
    # global index is transitive: the product over two steps equals the direct ratio E^G(2)/E^G(0)
    g = f.pivot(index="region", columns="period", values="index")
    assert np.all(np.isfinite(g[2011] * g[2012]))


def test_unbalanced_panel_drop_is_explicit():
    df = _panel(20, 3, seed=8)
    df.loc[(df.region == "r03") & (df.year == 2011), "x1"] = np.nan
    with pytest.raises(DataValidationError, match="r03"):
        malmquist(df, inputs=["x1", "x2"], outputs=["y1", "y2"], period="year")
    res = malmquist(df, inputs=["x1", "x2"], outputs=["y1", "y2"], period="year", missing="drop")
    assert list(res.dropped["region"]) == ["r03"]
    assert "r03" not in set(res.frame[res.frame.period.isin([2011, 2012])]["region"])
    assert len(res.frame) == 2 * 20 - 2


def test_bad_options_and_columns():
    df = _panel(20, 2)
    with pytest.raises(ParameterError, match="'frontier' parameter of malmquist"):
        malmquist(df, inputs=["x1"], outputs=["y1"], period="year", frontier="local")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="not found"):
        malmquist(df, inputs=["nope"], outputs=["y1"], period="year")
    dup = pd.concat([df, df.iloc[[0]]])
    with pytest.raises(DataValidationError, match="more than once"):
        malmquist(dup, inputs=["x1"], outputs=["y1"], period="year")


def test_cumulative_index_breaks_after_a_gap():
    df = _panel(20, 4, seed=9)
    df.loc[(df.region == "r05") & (df.year == 2011), "y1"] = np.nan
    f = malmquist(df, inputs=["x1", "x2"], outputs=["y1", "y2"], period="year", missing="drop").frame
    r05 = f[f.region == "r05"]
    assert list(r05["period"]) == [2013]
    assert r05["cum_index"].isna().all() and r05["index"].notna().all()
    r00 = f[f.region == "r00"].sort_values("period")
    np.testing.assert_allclose(r00["cum_index"], np.cumprod(r00["index"]), rtol=1e-12)
