"""Dagum Gini decomposition against the plain O(n²) definition, hand-computed cases and bootstrap checks.

Published worked example: we searched for one with published numbers (Dagum 1997, the R package
AQUUQA/ginisufe, Stata/R Gini-decomposition packages) and found none that prints the decomposition of a
small data set, so the fixed-number checks below are hand-computed cases (the arithmetic is written out).
The algorithm is checked against ``dagum_reference.dagum_plain`` (Dagum 1997 written pairwise, as ginisufe
does it) on 200 random cases.

Tolerances: 1e-12 relative — both sides are exact formulas in float64; the differences are rounding only.
"""

from __future__ import annotations

import numpy as np
import pytest
from dagum_reference import dagum_plain

from yindi.disparity import dagum
from yindi.disparity._dagum import dagum_counts_kernel, dagum_kernel
from yindi.errors import DataValidationError, MethodWarning, MissingDataError, ParameterError

RTOL = 1e-12


@pytest.mark.parametrize("case", range(200))
def test_matches_plain_definition(case: int) -> None:
    rng = np.random.default_rng(case)
    k = int(rng.integers(2, 6))
    n = int(rng.integers(k * 2, 60))
    groups = [f"g{int(i)}" for i in rng.integers(0, k, n)]
    groups[:k] = [f"g{i}" for i in range(k)]  # every group non-empty
    y = rng.lognormal(0, 1, n) if case % 3 else rng.integers(0, 5, n).astype(float) + (case % 2)  # ties too
    if y.sum() == 0:
        y[0] = 1.0
    ref = dagum_plain(y, groups)
    res = dagum(y, groups)
    for part in ("total", "within", "between", "transvariation"):
        assert getattr(res, part) == pytest.approx(ref[part], rel=RTOL, abs=1e-14)
    assert res.total == pytest.approx(res.within + res.between + res.transvariation, rel=RTOL)
    for a in res.groups:
        assert res.pairs.loc[a, a] == pytest.approx(ref["g_jj"][a], rel=RTOL, abs=1e-14)
        for b in res.groups:
            if a != b:
                assert res.pairs.loc[a, b] == pytest.approx(ref["g_jh"][(a, b)], rel=RTOL, abs=1e-14)
                assert res.relative_ecd.loc[a, b] == pytest.approx(ref["d_rel"][(a, b)], rel=1e-10, abs=1e-12)


def test_hand_computed_separated_groups() -> None:
    # y = 1,2,3 | 4,5,6; n = 6, mean 3.5; Σ|y_i − y_r| over ordered pairs = 70 → G = 70 / (2·36·3.5) = 5/18.
    # G_aa = 8 / (2·9·2) = 2/9, G_bb = 8 / (2·9·5) = 4/45; p = 1/2, s_a = 6/21, s_b = 15/21 → G_w = 4/63.
    # Between: Σ (y_b − y_a) = 27 over 9 pairs, no overlap → D = 1, G_ab = 27 / (9·7) = 3/7,
    # G_nb = 3/7 · (½·15/21 + ½·6/21) = 3/14, G_t = 0.
    r = dagum([1, 2, 3, 4, 5, 6], ["a", "a", "a", "b", "b", "b"])
    assert r.total == pytest.approx(5 / 18)
    assert r.within == pytest.approx(4 / 63)
    assert r.between == pytest.approx(3 / 14)
    assert r.transvariation == pytest.approx(0.0, abs=1e-15)
    assert r.pairs.loc["a", "a"] == pytest.approx(2 / 9)
    assert r.pairs.loc["b", "b"] == pytest.approx(4 / 45)
    assert r.pairs.loc["a", "b"] == pytest.approx(3 / 7)


def test_hand_computed_overlapping_groups() -> None:
    # a = {1, 3} (mean 2), b = {2, 6} (mean 4); n = 4, mean 3. Σ|·| over ordered pairs = 32 → G = 1/3.
    # G_aa = 4/(2·4·2) = 1/4, G_bb = 8/(2·4·4) = 1/4; p = 1/2, s_a = 1/3, s_b = 2/3 → G_w = 1/8.
    # b − a: 1, −1, 5, 3 → d = 9/4, p = 1/4, D = 0.8; G_ab = 10 / (4·6) = 5/12; weight ½·2/3 + ½·1/3 = ½.
    # G_nb = 5/12 · ½ · 0.8 = 1/6, G_t = 5/12 · ½ · 0.2 = 1/24.
    r = dagum({"p1": 1, "p2": 3, "p3": 2, "p4": 6}, {"p1": "a", "p2": "a", "p3": "b", "p4": "b"})
    assert r.total == pytest.approx(1 / 3)
    assert r.within == pytest.approx(1 / 8)
    assert r.between == pytest.approx(1 / 6)
    assert r.transvariation == pytest.approx(1 / 24)
    assert r.relative_ecd.loc["a", "b"] == pytest.approx(0.8)
    assert r.groups == ("a", "b")  # ascending group mean


def test_counts_kernel_equals_expanded_samples() -> None:
    rng = np.random.default_rng(7)
    y = rng.lognormal(size=40)
    g = np.repeat(np.arange(4), 10)
    m = rng.integers(0, 4, size=(5, 40)).astype(float)
    m[:, ::10] += 1  # keep every group non-empty
    batch = dagum_counts_kernel(y, g, m, 4)
    for b in range(5):
        reps = m[b].astype(int)
        one = dagum_kernel(np.repeat(y, reps)[None], np.repeat(g, reps)[None], 4)
        np.testing.assert_allclose(batch.total[b], one.total[0], rtol=RTOL)
        np.testing.assert_allclose(batch.between[b], one.between[0], rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(batch.gini_pairs[b], one.gini_pairs[0], rtol=1e-10, atol=1e-14)


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(3)
    y = rng.lognormal(size=120)
    g = [["e", "c", "w"][i % 3] for i in range(120)]
    a = dagum(y, g, bootstrap=300, seed=11)
    b = dagum(y, g, bootstrap=300, seed=11)
    assert a.ci == b.ci
    lo, hi = a.ci["total"]
    assert lo < a.total < hi
    assert a.ci != dagum(y, g, bootstrap=300, seed=12).ci
    frame = a.to_frame()
    assert {"total", "within", "between", "transvariation", "gini_within", "gini_between"} <= set(
        frame["component"]
    )
    assert frame["ci_low"].notna().all()


def test_bootstrap_interval_covers_population_gini() -> None:
    # coverage of the percentile interval on lognormal samples: nominal 90 %, accept 75–100 % over 40 draws
    rng = np.random.default_rng(5)
    sigma = 0.6
    from scipy.stats import norm

    true_g = 2 * norm.cdf(sigma / np.sqrt(2)) - 1
    hits = 0
    for rep in range(40):
        y = rng.lognormal(0, sigma, 200)
        r = dagum(y, ["a"] * 100 + ["b"] * 100, bootstrap=200, level=0.9, seed=rep)
        lo, hi = r.ci["total"]
        hits += lo <= true_g <= hi
    assert 30 <= hits <= 40


def test_equal_values_give_exactly_zero() -> None:
    # found by Hypothesis: prefix sums of equal values can round to −1e-17; sums of |·| must stay ≥ 0
    y = [682.73586791615] * 5
    r = dagum(y, ["a", "b", "a", "b", "a"])
    assert r.total == 0.0 and r.within == 0.0
    from yindi.disparity import gini

    assert gini(y) == 0.0


def test_grouping_id_and_errors() -> None:
    codes = ["110000", "140000", "150000", "210000", "310000"]
    r = dagum(dict(zip(codes, [5.0, 2.0, 1.0, 2.5, 4.0], strict=True)), "nbs4")
    assert set(r.groups) == {"east", "central", "west", "northeast"}
    with pytest.raises(MissingDataError, match="missing='drop'"):
        dagum({"a": 1.0, "b": np.nan, "c": 2.0}, {"a": "x", "b": "y", "c": "y"})
    with pytest.raises(DataValidationError, match="non-negative"):
        dagum([1.0, -1.0, 2.0], ["x", "y", "y"])
    with pytest.raises(DataValidationError, match="two groups"):
        dagum([1.0, 2.0], ["x", "x"])
    with pytest.raises(ParameterError, match="bootstrap"):
        dagum([1.0, 2.0], ["x", "y"], bootstrap=-1)


def test_dagum_by_year_equals_yearly_calls_and_seeds_are_per_year() -> None:
    import pandas as pd

    from yindi.disparity import dagum_by_year

    rng = np.random.default_rng(9)
    table = pd.DataFrame(
        rng.lognormal(size=(30, 4)), index=[f"r{i}" for i in range(30)], columns=[2020, 2021, 2022, 2023]
    )
    table.iloc[0, 1] = np.nan
    groups = {f"r{i}": "abc"[i % 3] for i in range(30)}
    with pytest.warns(MethodWarning, match="left out"):
        series = dagum_by_year(table, groups, bootstrap=50, seed=4)
    for year, r in series.results.items():
        ref = dagum(table[year].dropna(), groups)
        assert r.total == pytest.approx(ref.total, rel=RTOL)
        assert r.between == pytest.approx(ref.between, rel=RTOL)
    assert series.results[2021].sizes["a"] == 9  # r0 left out that year
    again = dagum_by_year(table, groups, years=[2023], bootstrap=50, seed=4)
    assert again.results[2023].ci == series.results[2023].ci  # a year's interval ignores the other years
    frame = series.to_frame()
    assert list(frame.columns[3:7]) == ["year", "measure", "value", "component"]
    assert set(frame["year"]) == set(series.results) and (frame["region_code"] == "100000").all()
