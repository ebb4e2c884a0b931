"""Moran's I, Geary's C, bivariate Moran, LISA and Gi* against PySAL esda run in the test.

Statistics, expectations, variances and z-values must agree to 1e-10 relative (same formulas, float64).
Permutation p-values use different random streams, so they are compared in distribution: each pseudo p-value
from P = 999 permutations has a standard error ≤ √(0.25/1000) ≈ 0.016, so two independent estimates differ by
more than 0.08 (≈ 3.6 s.e. of the difference) with probability < 0.001 per unit; across units the mean
absolute difference must stay below 0.02.
"""

from __future__ import annotations

import warnings

import esda
import numpy as np
import pytest
from libpysal.weights import W

from yindi.errors import DataValidationError, MethodWarning, MissingDataError, ParameterError
from yindi.spatial import Weights, contiguity, geary, getis_ord, knn, local_moran, moran, moran_bv
from yindi.spatial._permutation import conditional_lags

RTOL = 1e-10
P_TOL = 0.08
P_MEAN_TOL = 0.02


@pytest.fixture(scope="module")
def province() -> Weights:
    return contiguity("province", islands="nearest")


@pytest.fixture(scope="module")
def nearest() -> Weights:
    return knn(5)


def _lw(w: Weights) -> W:
    nb = {c: list(v) for c, v in w.neighbors.items()}
    wt = {c: list(v) for c, v in w.weights.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return W(nb, wt, id_order=list(w.ids))


def _y(seed: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.lognormal(size=n) + np.linspace(0, 2, n) * (seed % 2)  # some with a trend (autocorrelation)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("which", ["province", "nearest"])
def test_global_statistics_match_esda(seed: int, which: str, request: pytest.FixtureRequest) -> None:
    w: Weights = request.getfixturevalue(which)
    y = _y(seed, w.n)
    lw = _lw(w)
    ours = moran(y, w, seed=seed)
    ref = esda.Moran(y, lw, transformation="r", permutations=999)
    assert pytest.approx(ref.I, rel=RTOL) == ours.I
    assert pytest.approx(ref.EI, rel=RTOL) == ours.EI
    assert ours.variance_norm == pytest.approx(ref.VI_norm, rel=1e-9)
    assert ours.z_norm == pytest.approx(ref.z_norm, rel=1e-9)
    assert ours.p_norm == pytest.approx(ref.p_norm, rel=1e-8)
    assert abs(ours.p_sim - ref.p_sim) < P_TOL
    g = geary(y, w, seed=seed)
    gref = esda.Geary(y, lw, transformation="r", permutations=999)
    assert pytest.approx(gref.C, rel=RTOL) == g.C
    assert g.z_norm == pytest.approx(gref.z_norm, rel=1e-9)
    assert abs(g.p_sim - gref.p_sim) < P_TOL
    x = _y(seed + 100, w.n)
    bv = moran_bv(x, y, w, seed=seed)
    bref = esda.Moran_BV(x, y, lw, transformation="r", permutations=999)
    assert pytest.approx(bref.I, rel=RTOL) == bv.I
    assert abs(bv.p_sim - bref.p_sim) < P_TOL


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("which", ["province", "nearest"])
def test_local_statistics_match_esda(seed: int, which: str, request: pytest.FixtureRequest) -> None:
    w: Weights = request.getfixturevalue(which)
    y = _y(seed, w.n)
    lw = _lw(w)
    ours = local_moran(y, w, seed=seed)
    ref = esda.Moran_Local(y, lw, transformation="r", permutations=0)
    np.testing.assert_allclose(ours.Is, ref.Is, rtol=RTOL, atol=1e-12)
    np.testing.assert_array_equal(ours.q, ref.q)
    g = getis_ord(y + 1, w, seed=seed)
    gref = esda.G_Local(y + 1, lw, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(g.G, gref.Gs, rtol=RTOL)
    np.testing.assert_allclose(g.z, gref.Zs, rtol=1e-9)


def _plain_conditional_p(y: np.ndarray, w: Weights, permutations: int, seed: int) -> np.ndarray:
    """Anselin (1995) conditional randomisation written out unit by unit (no shared draws, no tricks)."""
    rng = np.random.default_rng(seed)
    z = (y - y.mean()) / y.std()
    wr = w.row_standardised()
    pos = {c: i for i, c in enumerate(wr.ids)}
    out = np.empty(len(y))
    for i, code in enumerate(wr.ids):
        nb_w = np.array(wr.weights[code])
        obs = z[i] * (nb_w @ z[[pos[c] for c in wr.neighbors[code]]])
        others = np.delete(z, i)
        sims = np.array(
            [z[i] * (nb_w @ rng.choice(others, nb_w.size, replace=False)) for _ in range(permutations)]
        )
        m = (sims >= obs).sum()
        out[i] = (min(m, permutations - m) + 1) / (permutations + 1)
    return out


@pytest.mark.parametrize("seed", range(2))
def test_local_p_values_match_plain_conditional_randomisation(seed: int, province: Weights) -> None:
    y = _y(seed + 1, province.n)
    ours = local_moran(y, province, seed=seed).p_sim
    plain = _plain_conditional_p(y, province, 999, seed + 50)
    diff = np.abs(ours - plain)
    assert diff.max() < P_TOL
    assert diff.mean() < P_MEAN_TOL


@pytest.mark.slow
@pytest.mark.parametrize("which", ["province", "nearest"])
def test_local_p_values_match_esda_in_distribution(which: str, request: pytest.FixtureRequest) -> None:
    # esda compiles its conditional randomisation with numba on first use (~40 s here), hence "slow"
    w: Weights = request.getfixturevalue(which)
    lw = _lw(w)
    for seed in range(3):
        y = _y(seed, w.n)
        ours = local_moran(y, w, seed=seed)
        ref = esda.Moran_Local(y, lw, transformation="r", permutations=999, seed=seed, n_jobs=1)
        diff = np.abs(ours.p_sim - ref.p_sim)
        assert diff.max() < P_TOL
        assert diff.mean() < P_MEAN_TOL
        g = getis_ord(y + 1, w, seed=seed)
        gref = esda.G_Local(y + 1, lw, transform="B", star=True, permutations=999, seed=seed, n_jobs=1)
        gdiff = np.abs(g.p_sim - gref.p_sim)
        assert gdiff.max() < P_TOL
        assert gdiff.mean() < P_MEAN_TOL


def test_conditional_draws_exclude_self_and_are_distinct() -> None:
    # z_j = 2^j makes every sum of distinct draws decodable; unit i must never draw itself or one unit twice
    n = 12
    z = 2.0 ** np.arange(n)
    nb = {str(i): [str((i + d) % n) for d in range(1, 1 + (i % 4) + 1)] for i in range(n)}
    w = Weights.from_neighbors(nb)
    lags = conditional_lags(z, w.indptr, w.indices, w.values, 2000, np.random.default_rng(0))
    seen = np.zeros((n, n))
    for i in range(n):
        for v in lags[i].astype(np.int64):
            bits = [j for j in range(n) if v >> j & 1]
            assert len(bits) == w.cardinalities[i]  # distinct draws
            assert i not in bits  # never itself
            seen[i, bits] += 1
    # draws are uniform over the other n − 1 units (chi-square-free check: every unit within ±25 % of mean)
    for i in range(n):
        others = np.delete(seen[i], i)
        assert others.min() > 0.75 * others.mean() and others.max() < 1.25 * others.mean()


def test_pseudo_p_values_uniform_under_null(nearest: Weights) -> None:
    ps = np.concatenate(
        [local_moran(_y(2 * s, nearest.n), nearest, seed=s, permutations=199).p_sim for s in range(20)]
    )
    # folded pseudo p-values lie in (0, 0.5]; under the null about 10 % fall below 0.05
    assert ps.max() <= 0.5 + 1e-12
    assert 0.05 < (ps <= 0.05).mean() < 0.16


def test_affine_invariance_and_seed(province: Weights) -> None:
    y = _y(1, province.n)
    a = moran(y, province, seed=3)
    b = moran(3.5 * y - 7, province, seed=3)
    assert pytest.approx(b.I, rel=1e-12) == a.I
    assert a.p_sim == b.p_sim
    np.testing.assert_array_equal(a.sims, moran(y, province, seed=3).sims)


def test_clusters_and_adjustment(province: Weights) -> None:
    y = np.array([10.0 if c[:2] in {"31", "32", "33", "34"} else 1.0 for c in province.ids])  # 长三角 high
    res = local_moran(dict(zip(province.ids, y, strict=True)), province, seed=0)
    assert res.clusters["310000"] == "HH"
    adj = local_moran(y, province, seed=0, adjust="bonferroni")
    assert (adj.p_adjusted >= adj.p_sim).all()
    assert set(res.to_frame()["cluster"]) <= {"HH", "LL", "HL", "LH", "ns"}


def test_errors(province: Weights) -> None:
    with pytest.raises(MissingDataError, match="no value for region"):
        moran({"110000": 1.0}, province)
    with pytest.raises(DataValidationError, match="constant"):
        moran(np.ones(province.n), province)
    with pytest.raises(ParameterError, match="'transformation'"):
        moran(_y(0, province.n), province, transformation="r")
    with pytest.raises(ParameterError, match="'adjust'"):
        local_moran(_y(0, province.n), province, adjust="holm")  # type: ignore[arg-type]
    with pytest.warns(MethodWarning, match="islands"):
        moran(_y(0, 31), contiguity("province"), permutations=0)


def test_distinct_draws_rejection_path_is_uniform() -> None:
    from yindi.spatial._permutation import distinct_draws

    d = distinct_draws(200, 6, 20000, np.random.default_rng(1))
    s = np.sort(d, axis=1)
    assert not (s[:, 1:] == s[:, :-1]).any()  # distinct within each row
    counts = np.bincount(d.ravel(), minlength=200)
    expected = d.size / 200
    assert np.abs(counts - expected).max() < 5 * np.sqrt(expected)  # uniform over units
    first = np.bincount(d[:, 0], minlength=200)
    assert np.abs(first - 100).max() < 5 * np.sqrt(100)  # and in every position


def test_islands_are_never_significant() -> None:
    w = contiguity("province")  # 海南 kept as an island
    y = _y(3, w.n)
    with pytest.warns(MethodWarning, match="460000"):
        res = local_moran(y, w, seed=0)
    i = list(w.ids).index("460000")
    assert res.p_sim[i] == 1.0 and res.clusters["460000"] == "ns"
    with pytest.warns(MethodWarning):
        g = getis_ord(y + 1, w, seed=0)
    assert g.p_sim[i] == 1.0 and g.hotspots["460000"] == "ns"


def test_getis_ord_normal_inference_and_hotspots(province: Weights) -> None:
    from scipy.stats import norm

    from yindi.spatial import adjust_pvalues

    y = np.array([10.0 if c[:2] in {"31", "32", "33"} else 1.0 for c in province.ids])
    g = getis_ord(y, province, inference="norm", adjust="fdr", seed=0)
    np.testing.assert_allclose(g.p_norm, 2 * norm.sf(np.abs(g.z)), rtol=1e-12)
    np.testing.assert_allclose(g.p_adjusted, adjust_pvalues(g.p_norm, "fdr"), rtol=1e-12)
    assert g.hotspots["310000"] == "hot"
    assert set(g.to_frame()["hotspot"]) <= {"hot", "cold", "ns"}
