"""Kernels against hand-computed cases, published worked examples, scikit-learn, and each other.

Every expected number below is derived in the comment beside it (closed forms evaluated with ``math``), or
transcribed from the cited publication.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from pymcdm.weights.subjective import AHP
from sklearn.decomposition import PCA

from yindi.errors import ComputationError, ParameterError
from yindi.index import (
    SAATY_RI,
    ahp_weights,
    combine_weights,
    coupling_coordination,
    cv_weights,
    entropy_weights,
    grey_relational,
    obstacle_degree,
    pca_weights,
    weighted_sum,
)
from yindi.index.montecarlo import dirichlet_weights, rank_distribution, rank_distribution_plain

# Hand cases are exact closed forms: 1e-12. Published AHP weights are printed to 3 decimals: 5e-4.
EXACT = 1e-12
PRINTED_3DP = 5e-4


def test_entropy_zero_share_convention() -> None:
    # col 1: [1,2,3] → min–max [0, .5, 1] → p = [0, 1/3, 2/3]; e1 = -(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3 (0 ln 0 = 0)
    # col 2: [4,4,8] → [0, 0, 1] → p = [0, 0, 1] → e2 = 0
    X = np.array([[1.0, 4.0], [2.0, 4.0], [3.0, 8.0]])
    e1 = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3)) / math.log(3)
    d = np.array([1 - e1, 1.0])
    np.testing.assert_allclose(entropy_weights(X), d / d.sum(), atol=EXACT)


def test_entropy_panel_constant_uses_all_region_years() -> None:
    # Two identical "years" stacked: every share halves, so Σ p ln p = -(H + ln 2) per column and the constant
    # must be 1/ln(6) (3 regions × 2 years), not 1/ln(3).
    X = np.array([[1.0, 4.0], [2.0, 4.0], [3.0, 8.0]])
    H1 = -(1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3))
    e = np.array([(H1 + math.log(2)) / math.log(6), math.log(2) / math.log(6)])
    d = 1 - e
    np.testing.assert_allclose(entropy_weights(np.vstack([X, X])), d / d.sum(), atol=EXACT)


def test_entropy_negative_direction_reverses_column() -> None:
    X = np.array([[1.0, 4.0], [2.0, 4.0], [3.0, 8.0]])
    Xr = X.copy()
    Xr[:, 1] = 12.0 - X[:, 1]  # a "less is better" column with direction -1 equals its mirror image
    np.testing.assert_allclose(entropy_weights(Xr, [1, -1]), entropy_weights(X), atol=EXACT)


def test_ahp_saaty_2008_drinks_example() -> None:
    # Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services Sciences
    # 1(1):83-98, "Which drink is consumed more in the U.S.?": coffee, wine, tea, beer, sodas, milk, water.
    A = np.array(
        [
            [1, 9, 5, 2, 1, 1, 1 / 2],
            [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
            [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
            [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
            [1, 9, 4, 2, 1, 2, 1 / 2],
            [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
            [2, 9, 9, 3, 2, 3, 1],
        ]
    )
    res = ahp_weights(A)
    np.testing.assert_allclose(
        res.weights, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], atol=PRINTED_3DP
    )
    assert res.ci == pytest.approx((res.lambda_max - 7) / 6)
    assert res.cr == pytest.approx(res.ci / 1.32)  # Saaty's RI for n = 7
    assert res.cr < 0.1
    # pymcdm's AHP uses the same eigenvector (its CR uses Tummala & Ling's RI table instead).
    np.testing.assert_allclose(res.weights, AHP(matrix=A)(), atol=1e-10)


def test_ahp_ri_table_and_inconsistent_matrix() -> None:
    assert SAATY_RI[:10] == (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
    # a cycle: 1 ≻ 2 (9), 2 ≻ 3 (9), 3 ≻ 1 (9) — grossly inconsistent
    A = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    with pytest.raises(ComputationError, match="CR ="):
        ahp_weights(A)
    assert ahp_weights(A, max_cr=None).cr > 0.1
    with pytest.raises(ParameterError, match="not reciprocal"):
        ahp_weights(np.array([[1, 2], [2, 1]]))
    # a perfectly consistent matrix a_ij = w_i / w_j returns w with CR = 0
    w = np.array([0.5, 0.3, 0.2])
    res = ahp_weights(np.outer(w, 1 / w))
    np.testing.assert_allclose(res.weights, w, atol=EXACT)
    assert res.cr == pytest.approx(0.0, abs=1e-12)


def test_coupling_coordination_hand_cases() -> None:
    # k = 2, U = (0.4, 0.6): C = 2√0.24/1.0, T = 0.5, D = √(C T) = 0.6999 → grade 6 (初级协调, [0.6, 0.7))
    # k = 3, U = (0.2, 0.4, 0.6): C = 3 (0.048 / 1.2³)^(1/3), T = 0.4 → D = 0.6028 → grade 6
    r2 = coupling_coordination([[0.4, 0.6]])
    c2 = 2 * math.sqrt(0.24)
    assert r2.coupling[0] == pytest.approx(c2, abs=EXACT)
    assert r2.coordination[0] == pytest.approx(math.sqrt(c2 * 0.5), abs=EXACT)
    assert r2.grade[0] == 6
    r3 = coupling_coordination([[0.2, 0.4, 0.6]])
    c3 = 3 * (0.048 / 1.2**3) ** (1 / 3)
    assert r3.coupling[0] == pytest.approx(c3, abs=EXACT)
    assert r3.coordination[0] == pytest.approx(math.sqrt(c3 * 0.4), abs=EXACT)
    assert r3.grade[0] == 6
    # weighted T, equal subsystems (C = 1), and the ends of the scale
    r = coupling_coordination([[0.5, 0.5], [0.0, 0.0], [1.0, 1.0]], alpha=[0.3, 0.7])
    np.testing.assert_allclose(r.coupling, [1.0, 0.0, 1.0], atol=EXACT)
    assert r.grade.tolist() == [7, 0, 9]
    with pytest.raises(ParameterError):
        coupling_coordination([[0.5, 1.5]])


def test_obstacle_degree_hand_case() -> None:
    # contributions w(1 - x') = 0.5·0.8, 0.3·0, 0.2·0.5 = 0.4, 0, 0.1 → 80 %, 0 %, 20 %
    res = obstacle_degree(np.array([[0.2, 1.0, 0.5], [1.0, 1.0, 1.0]]), [0.5, 0.3, 0.2], [0, 0, 1])
    np.testing.assert_allclose(res.indicator, [[80, 0, 20], [0, 0, 0]], atol=EXACT)
    np.testing.assert_allclose(res.dimension, [[80, 20], [0, 0]], atol=EXACT)


def test_grey_relational_hand_case() -> None:
    # Δ = [[0,1],[1,0],[.5,.5]], Δmin 0, Δmax 1, ξ = 0.5/(Δ+0.5) → grades (1+1/3)/2, same, 0.5
    R = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    np.testing.assert_allclose(
        grey_relational(R, [0.5, 0.5], normalized=True), [2 / 3, 2 / 3, 0.5], atol=EXACT
    )


def test_cv_and_combine_and_weighted_sum() -> None:
    # cv = s/mean: [1,2,3] → 1/2, [2,4,6] → 2/4, constant → 0
    X = np.array([[1.0, 2.0, 10.0], [2.0, 4.0, 10.0], [3.0, 6.0, 10.0]])
    np.testing.assert_allclose(cv_weights(X), [0.5, 0.5, 0.0], atol=EXACT)
    np.testing.assert_allclose(combine_weights([0.2, 0.8], [0.6, 0.4], alpha=0.5), [0.4, 0.6], atol=EXACT)
    np.testing.assert_allclose(
        combine_weights([0.2, 0.8], [0.6, 0.4], method="multiplicative"),
        [0.12 / 0.44, 0.32 / 0.44],
        atol=EXACT,
    )
    np.testing.assert_allclose(weighted_sum(X[:, :2], [0.25, 0.75]), [0.0, 0.5, 1.0], atol=EXACT)


@pytest.mark.parametrize("seed", range(3))
def test_pca_weights_match_sklearn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 6)) @ rng.normal(size=(6, 6))
    Z = (X - X.mean(0)) / X.std(0)
    p = PCA().fit(Z)
    k = int(np.searchsorted(np.cumsum(p.explained_variance_ratio_), 0.85 - 1e-12) + 1)
    ref = np.abs(p.components_[:k]).T @ p.explained_variance_ratio_[:k]
    np.testing.assert_allclose(pca_weights(X), ref / ref.sum(), atol=1e-8)


@pytest.mark.parametrize(("n", "m", "draws"), [(31, 8, 500), (300, 20, 300), (7, 3, 1000)])
@pytest.mark.parametrize("aggregation", ["weighted_sum", "topsis"])
def test_fast_rank_distribution_equals_plain(n: int, m: int, draws: int, aggregation: str) -> None:
    rng = np.random.default_rng(n)
    R = rng.random((n, m))
    W = dirichlet_weights(rng.dirichlet(np.ones(m) * 3), draws, concentration=50, seed=1)
    fast = rank_distribution(R, W, aggregation=aggregation, top_k=3, batch=128)  # type: ignore[arg-type]
    plain = rank_distribution_plain(R, W, aggregation=aggregation, top_k=3)  # type: ignore[arg-type]
    for name in ("low", "high", "median"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(plain, name))
    np.testing.assert_allclose(fast.top_share, plain.top_share, atol=EXACT)
    assert fast.counts is not None and (fast.counts.sum(axis=0) == draws).all()


def test_dirichlet_draws_are_seeded_and_keep_zero_weights() -> None:
    w = np.array([0.5, 0.0, 0.5])
    a = dirichlet_weights(w, 100, concentration=20, seed=3)
    np.testing.assert_array_equal(a, dirichlet_weights(w, 100, concentration=20, seed=3))
    assert (a[:, 1] == 0).all()
    np.testing.assert_allclose(a.sum(axis=1), 1.0, atol=EXACT)


def test_fast_rank_distribution_with_negative_scores_and_ties() -> None:
    # z-scored inputs give negative weighted sums (the packed-key sort must still order them), and two
    # identical regions tie exactly (both versions put the lower region number first).
    rng = np.random.default_rng(3)
    R = rng.normal(size=(50, 6))
    R[7] = R[3]
    W = dirichlet_weights(np.full(6, 1 / 6), 400, concentration=20, seed=2)
    fast = rank_distribution(R, W, batch=64)
    plain = rank_distribution_plain(R, W)
    for name in ("low", "high", "median"):
        np.testing.assert_array_equal(getattr(fast, name), getattr(plain, name))
    assert fast.counts is not None and (fast.counts[3] > 0).sum() >= 1
    assert (fast.median[3] < fast.median[7]).all()
