"""Gini, Theil and CV against PySAL ``inequality``, published numbers and brute-force formulas.

Tolerances: 1e-10 relative — same formulas in float64, only summation order differs.
"""

from __future__ import annotations

import numpy as np
import pytest
from inequality.gini import Gini
from inequality.theil import Theil, TheilD

from yindi.disparity import cv, gini, theil
from yindi.errors import DataValidationError, MethodWarning, MissingDataError, ParameterError

RTOL = 1e-10


@pytest.mark.parametrize("seed", range(20))
def test_gini_matches_inequality(seed: int) -> None:
    y = np.random.default_rng(seed).lognormal(size=int(10 + 7 * seed))
    assert gini(y) == pytest.approx(Gini(y).g, rel=RTOL)


def test_weighted_gini_published_values() -> None:
    # https://stackoverflow.com/questions/48999542 (also used as test values by scikit-digital-health):
    # x = [3, 1, 6, 2, 1], w = [4, 2, 2, 10, 1] → 0.2553 (no small-sample correction); [1,1,1,1,1000] → 0.796
    assert round(gini([3, 1, 6, 2, 1], weights=[4, 2, 2, 10, 1]), 4) == 0.2553
    assert round(gini([1, 1, 1, 1, 1000]), 3) == 0.796


@pytest.mark.parametrize("seed", range(10))
def test_weighted_gini_equals_replicated_sample(seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = rng.lognormal(size=25)
    w = rng.integers(1, 5, 25)
    assert gini(y, weights=w) == pytest.approx(gini(np.repeat(y, w)), rel=RTOL)


@pytest.mark.parametrize("seed", range(15))
def test_theil_matches_inequality(seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = rng.lognormal(size=40)
    part = rng.integers(0, 4, 40)
    part[:4] = np.arange(4)
    ref = TheilD(y, part)
    res = theil(y, list(part))
    assert res.total == pytest.approx(Theil(y).T, rel=RTOL)
    assert res.total == pytest.approx(float(np.squeeze(ref.T)), rel=RTOL)
    assert res.between == pytest.approx(float(np.squeeze(ref.bg)), rel=RTOL)
    assert res.within == pytest.approx(float(np.squeeze(ref.wg)), rel=RTOL)
    # within = Σ_g S_g T_g (income-share weights)
    assert res.within == pytest.approx(
        sum(s * t for s, t in zip(res.group_share, res.group_index, strict=True)), rel=1e-9
    )


def test_theil_l_and_two_stage_brute_force() -> None:
    rng = np.random.default_rng(1)
    y = rng.lognormal(size=60)
    pop = rng.uniform(1, 10, 60)
    sub = np.repeat(np.arange(12), 5)  # 12 provinces of 5 units
    grp = sub // 4  # 3 macro-regions of 4 provinces
    p = pop / pop.sum()
    s = p * y / (p @ y)
    assert theil(y, weights=pop, kind="L").total == pytest.approx((p * np.log(p / s)).sum(), rel=RTOL)
    r = theil(y, list(grp), subgroups=list(sub), weights=pop)

    def t_index(vals: np.ndarray, wts: np.ndarray) -> float:
        pp = wts / wts.sum()
        ss = pp * vals / (pp @ vals)
        return float((ss * np.log(ss / pp)).sum())

    tot = t_index(y, pop)
    # Akita (2003): T = T_BR + Σ_r S_r T_BP(r) + Σ_r Σ_i S_ri T_i
    sg = np.array([s[grp == g].sum() for g in range(3)])
    yg = np.array([(pop[grp == g] @ y[grp == g]) / pop[grp == g].sum() for g in range(3)])
    t_br = t_index(yg, np.array([pop[grp == g].sum() for g in range(3)]))
    t_bp = 0.0
    t_w = 0.0
    for g in range(3):
        provs = np.unique(sub[grp == g])
        ys = np.array([(pop[sub == q] @ y[sub == q]) / pop[sub == q].sum() for q in provs])
        t_bp += sg[g] * t_index(ys, np.array([pop[sub == q].sum() for q in provs]))
        for q in provs:
            t_w += s[sub == q].sum() * t_index(y[sub == q], pop[sub == q])
    assert r.total == pytest.approx(tot, rel=RTOL)
    assert r.between == pytest.approx(t_br, rel=1e-9)
    assert r.between_sub == pytest.approx(t_bp, rel=1e-9)
    assert r.within == pytest.approx(t_w, rel=1e-9)


def test_cv() -> None:
    y = np.array([1.0, 2.0, 4.0, 9.0])
    assert cv(y) == pytest.approx(np.std(y) / np.mean(y), rel=RTOL)
    w = np.array([1.0, 3.0, 2.0, 1.0])
    assert cv(y, weights=w) == pytest.approx(
        np.std(np.repeat(y, w.astype(int))) / np.repeat(y, w.astype(int)).mean()
    )


def test_errors() -> None:
    with pytest.raises(ParameterError, match="'kind'"):
        theil([1.0, 2.0], kind="X")  # type: ignore[arg-type]
    with pytest.raises(DataValidationError, match="positive"):
        theil([0.0, 1.0, 2.0], kind="L")
    with pytest.raises(MissingDataError):
        gini([1.0, np.nan, 3.0])
    with pytest.warns(MethodWarning, match="left out 1"):
        assert gini([1.0, np.nan, 3.0], missing="drop") == pytest.approx(gini([1.0, 3.0]))
    with pytest.raises(DataValidationError, match="nest"):
        theil([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"], subgroups=["x", "y", "y", "z"])
