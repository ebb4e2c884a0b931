"""Kernel density, convergence and Markov chains against statsmodels, scipy and PySAL giddy.

Tolerances: densities 1e-10 relative (same formula); regression coefficients and clustered standard errors
1e-8 relative (statsmodels solves with explicit dummies, we absorb the effects by demeaning: identical in exact
arithmetic, rounding differs); giddy matrices and test statistics 1e-10 (same counts, same formulas).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from giddy.markov import Markov, Spatial_Markov
from libpysal.weights import lat2W
from statsmodels.nonparametric.kde import KDEUnivariate

from yindi.disparity import beta_convergence, kernel_density, markov, sigma_convergence, spatial_markov
from yindi.errors import MissingDataError, ParameterError
from yindi.spatial import Weights


def _table(seed: int, n: int = 25, t: int = 8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    base = rng.lognormal(1, 0.5, n)
    growth = rng.normal(0.05, 0.03, (n, t - 1)) - 0.02 * np.log(base)[:, None]
    vals = base[:, None] * np.exp(np.concatenate([np.zeros((n, 1)), np.cumsum(growth, axis=1)], axis=1))
    return pd.DataFrame(
        vals, index=[f"{i:02d}0000" for i in range(10, 10 + n)], columns=range(2010, 2010 + t)
    )


@pytest.mark.parametrize("seed", range(5))
def test_kde_matches_statsmodels_silverman(seed: int) -> None:
    table = _table(seed)
    res = kernel_density(table, years=[2010, 2017])
    for _row, year in enumerate(res.years):
        kde = KDEUnivariate(table[year].to_numpy())
        kde.fit(bw="silverman", fft=False)
        x = table[year].to_numpy()
        from scipy.stats import iqr

        expected = 0.9 * min(x.std(ddof=1), iqr(x) / 1.34) * x.size**-0.2  # Silverman (1986) eq. 3.31
        assert res.bandwidth[year] == pytest.approx(expected, rel=1e-12)
        assert res.bandwidth[year] == pytest.approx(kde.bw, rel=0.01)  # statsmodels divides the IQR by 1.349
        ours = kernel_density(table, years=[year], bandwidth=float(kde.bw)).density[0]
        grid = kernel_density(table, years=[year], bandwidth=float(kde.bw)).grid
        np.testing.assert_allclose(ours, kde.evaluate(grid), rtol=1e-10, atol=1e-14)
    from scipy.stats import gaussian_kde

    x = table[2010].to_numpy()
    h = res.bandwidth[2010]
    ref = gaussian_kde(x, bw_method=h / x.std(ddof=1))(res.grid)
    np.testing.assert_allclose(res.density[0], ref, rtol=1e-10, atol=1e-14)
    assert np.trapezoid(res.density[0], res.grid) == pytest.approx(1.0, abs=1e-3)


def test_sigma_convergence() -> None:
    table = _table(1)
    res = sigma_convergence(table)
    for y, v in zip(res.years, res.values, strict=True):
        assert v == pytest.approx(table[y].std(ddof=0) / table[y].mean(), rel=1e-12)
    sl = sigma_convergence(table, measure="sd_log")
    assert sl.values[0] == pytest.approx(np.log(table[2010]).std(ddof=0), rel=1e-12)


def _long(table: pd.DataFrame, interval: int = 1) -> pd.DataFrame:
    ly = np.log(table[table.columns[::interval]])
    rows = []
    cols = list(ly.columns)
    for r in ly.index:
        for a, b in itertools.pairwise(cols):
            rows.append({"region": r, "year": a, "g": ly.loc[r, b] - ly.loc[r, a], "ly": ly.loc[r, a]})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("interval", [1, 2])
def test_absolute_beta_matches_statsmodels(interval: int) -> None:
    table = _table(2)
    d = _long(table, interval)
    groups = pd.factorize(d["region"])[0]
    ref = sm.OLS(d["g"], sm.add_constant(d[["ly"]])).fit(cov_type="cluster", cov_kwds={"groups": groups})
    res = beta_convergence(table, interval=interval)
    assert res.beta == pytest.approx(ref.params["ly"], rel=1e-8)
    assert res.se == pytest.approx(ref.bse["ly"], rel=1e-8)
    assert res.speed == pytest.approx(-np.log(1 + res.beta) / interval, rel=1e-12)
    assert res.half_life == pytest.approx(np.log(2) / res.speed, rel=1e-12)


def test_conditional_beta_twoway_matches_statsmodels_dummies() -> None:
    table = _table(3)
    ctrl = _table(4)
    d = _long(table)
    d["x"] = [ctrl.loc[r, y] for r, y in zip(d["region"], d["year"], strict=True)]
    dummies = pd.get_dummies(d[["region", "year"]].astype(str), drop_first=True, dtype=float)
    X = sm.add_constant(pd.concat([d[["ly", "x"]], dummies], axis=1))
    groups = pd.factorize(d["region"])[0]
    ref = sm.OLS(d["g"], X).fit(cov_type="cluster", cov_kwds={"groups": groups})
    res = beta_convergence(table, kind="conditional", controls={"x": ctrl})
    coefs = res.coefficients.set_index("term")
    assert res.fixed_effects == "twoway"
    assert res.beta == pytest.approx(ref.params["ly"], rel=1e-8)
    assert coefs.loc["x", "coef"] == pytest.approx(ref.params["x"], rel=1e-8)
    assert res.se == pytest.approx(ref.bse["ly"], rel=1e-8)
    assert coefs.loc["x", "se"] == pytest.approx(ref.bse["x"], rel=1e-8)


def test_beta_errors_and_missing() -> None:
    table = _table(5)
    holed = table.copy()
    holed.iloc[0, 3] = np.nan
    with pytest.raises(MissingDataError, match="balanced"):
        beta_convergence(holed)
    assert beta_convergence(holed, missing="drop").dropped == (table.index[0],)
    with pytest.raises(ParameterError, match="'kind'"):
        beta_convergence(table, kind="relative")


def _classes_table(seed: int, n: int = 36, t: int = 10) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    y = np.cumsum(rng.normal(size=(n, t)), axis=1) + rng.normal(size=(n, 1)) * 2
    return pd.DataFrame(y + 20, index=[str(100000 + i) for i in range(n)], columns=range(2000, 2000 + t))


@pytest.mark.parametrize("seed", range(4))
def test_markov_matches_giddy(seed: int) -> None:
    table = _classes_table(seed)
    res = markov(table, k=4)
    sm_ = Spatial_Markov(table.to_numpy(), lat2W(6, 6), k=4, fixed=True)  # its classes = pooled quantiles
    np.testing.assert_array_equal(res.counts, np.asarray(Markov(sm_.class_ids).transitions))
    np.testing.assert_allclose(res.p, np.asarray(sm_.p), rtol=1e-12)
    np.testing.assert_allclose(res.ergodic, np.asarray(Markov(sm_.class_ids).steady_state).ravel(), rtol=1e-8)
    np.testing.assert_allclose(res.ergodic @ res.p, res.ergodic, atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_spatial_markov_matches_giddy(seed: int) -> None:
    table = _classes_table(seed)
    lw = lat2W(6, 6)  # rook lattice, ids 0..35 in row order
    lw.transform = "r"
    ref = Spatial_Markov(table.to_numpy(), lw, k=4, m=4, fixed=True)
    ids = list(table.index)
    w = Weights.from_neighbors({ids[i]: [ids[j] for j in lw.neighbors[i]] for i in range(36)})
    res = spatial_markov(table, w, k=4)
    np.testing.assert_array_equal(res.counts, ref.T)
    np.testing.assert_allclose(res.p, ref.P, rtol=1e-12)
    np.testing.assert_allclose(res.lag_cutoffs[:-1], ref.lag_cutoffs, rtol=1e-12)  # giddy omits the maximum
    assert res.test.lr == pytest.approx(ref.LR, rel=1e-10)
    assert res.test.q == pytest.approx(ref.Q, rel=1e-10)
    assert res.test.dof == ref.dof_hom
    assert res.test.lr_p == pytest.approx(ref.LR_p_value, rel=1e-8, abs=1e-12)
    assert w.transform == "binary"  # the caller's weights are not changed


def test_bad_input_errors() -> None:
    table = _table(0)
    with pytest.raises(ParameterError, match="'bandwidth'"):
        kernel_density(table, bandwidth="wide")
    with pytest.raises(ParameterError, match="not in the data"):
        kernel_density(table, years=[1999])
    with pytest.raises(ParameterError, match="'k'"):
        markov(table, k=1)
    with pytest.raises(ParameterError, match="'lag_classes'"):
        spatial_markov(table, Weights.from_neighbors({c: [] for c in table.index}), lag_classes="x")
    from yindi.errors import DataValidationError

    with pytest.raises(DataValidationError, match="Panel"):
        sigma_convergence([1, 2, 3])
    with pytest.raises(ParameterError, match="'interval'"):
        beta_convergence(table, interval=0)


def test_tidy_frame_and_panel_inputs_give_the_same_result(panel) -> None:  # type: ignore[no-untyped-def]
    wide = panel.mainland().series("rd_intensity")
    tidy = panel.mainland().frame
    a = sigma_convergence(wide)
    b = sigma_convergence(tidy, indicator="rd_intensity")
    c = sigma_convergence(panel.mainland(), indicator="rd_intensity")
    assert a.values == b.values == c.values
    from yindi.errors import DataValidationError

    with pytest.raises(DataValidationError, match="several indicators"):
        sigma_convergence(tidy)
