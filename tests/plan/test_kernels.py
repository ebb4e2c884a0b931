"""Kernels against independent references: hand-computed cases, NumPy and SciPy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import rankdata

from yindi.plan.kernels import (
    aggregate_lq,
    column_quantile,
    combine,
    hhi,
    jaccard,
    percentile_rank,
    symmetric,
)


def test_aggregate_lq_hand_case() -> None:
    # 2 regions × 3 activities; industry A = activity 0, industry B = activities 1+2
    x = np.array([[10.0, 30.0, 60.0], [40.0, 40.0, 20.0]])
    link = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    lq = aggregate_lq(x, link)
    # region 0: share A = 0.1, national A = 50/200 = 0.25 → 0.4; B: 0.9 / 0.75 = 1.2
    np.testing.assert_allclose(lq, [[0.4, 1.2], [1.6, 0.8]])


def test_aggregate_lq_double_link_not_double_counted() -> None:
    # one activity linked to two industries: each gets the activity's LQ; totals use the raw matrix
    x = np.array([[10.0, 90.0], [30.0, 70.0]])
    link = np.array([[1.0, 1.0], [0.0, 0.0]])
    lq = aggregate_lq(x, link)
    np.testing.assert_allclose(lq[:, 0], lq[:, 1])
    np.testing.assert_allclose(lq[:, 0], [0.1 / 0.2, 0.3 / 0.2])


def test_aggregate_lq_zero_national_is_nan() -> None:
    x = np.array([[1.0, 0.0], [2.0, 0.0]])
    lq = aggregate_lq(x, np.eye(2))
    assert np.isnan(lq[:, 1]).all()


def test_symmetric_is_dalum_srca_rescaled() -> None:
    r = np.array([0.0, 1.0, 3.0, np.nan])
    srca = (r - 1) / (r + 1)
    np.testing.assert_allclose(symmetric(r), (srca + 1) / 2)


def test_combine_ignores_missing_sources() -> None:
    stack = np.array([[[0.2, np.nan]], [[0.8, np.nan]], [[np.nan, np.nan]]])
    out, used = combine(stack, np.array([0.4, 0.4, 0.2]))
    assert out[0, 0] == pytest.approx(0.5)
    assert np.isnan(out[0, 1]) and used[0, 1] == 0  # all missing stays missing, never zero


@pytest.mark.parametrize("q", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_column_quantile_matches_numpy(q: float) -> None:
    rng = np.random.default_rng(3)
    x = rng.random((40, 6))
    x[rng.random((40, 6)) < 0.3] = np.nan
    x[:, 2] = np.nan
    with np.errstate(all="ignore"), pytest.warns(RuntimeWarning):
        ref = np.nanquantile(x, q, axis=0)
    np.testing.assert_allclose(column_quantile(x, q), ref, equal_nan=True)


def test_percentile_rank_matches_scipy() -> None:
    v = np.array([3.0, 1.0, np.nan, 3.0, 7.0, 2.0])
    ok = np.isfinite(v)
    ref = (rankdata(v[ok]) - 1) / (ok.sum() - 1)
    out = percentile_rank(v)
    np.testing.assert_allclose(out[ok], ref)
    assert np.isnan(out[2])


def test_hhi_hand_case() -> None:
    cap = np.array([[5.0, 0.0], [5.0, 0.0], [np.nan, 0.0]])
    out = hhi(cap)
    assert out[0] == pytest.approx(0.5)  # two equal shares
    assert np.isnan(out[1])


def test_jaccard_hand_case() -> None:
    t = np.array([[1, 1, 0], [0, 1, 1], [0, 0, 0]], dtype=bool)
    j = jaccard(t)
    assert j[0, 1] == pytest.approx(1 / 3)
    assert j[0, 0] == 1.0 and np.isnan(j[2, 2])


def test_decide_codes_equals_decide() -> None:
    from yindi.plan.kernels import Thresholds, decide, decide_codes

    rng = np.random.default_rng(11)
    r, i = 60, 30
    cap = rng.random((r, i))
    cap[rng.random((r, i)) < 0.05] = np.nan
    dens = rng.random((r, i))
    rd = rng.gamma(2, 1, r)
    rd[3] = np.nan
    args = (rng.random(i) * 0.3, 0.3 + rng.random(i) * 0.3)
    tier = rng.integers(0, 3, i)
    flags = (rng.random(i) < 0.5, rng.random(i) < 0.2, rng.random(i) < 0.3)
    market, carbon = rng.random(r), rng.random(r)
    end, er = rng.random(i) < 0.3, rng.random(r)
    fine = rng.random((r, i)) < 0.8
    for t, fn in (
        (Thresholds(), None),
        (Thresholds(transfer=False, base=0.4), fine),
        (Thresholds(near=0.0), fine),
    ):
        full = decide(
            cap,
            dens,
            *args,
            rd,
            rng.random(r),
            market,
            carbon,
            tier,
            *flags,
            t,
            endowment=end,
            energy_rank=er,
            fine=fn,
        )
        lean = decide_codes(
            cap, dens, *args, rd, market, carbon, tier, *flags, t, endowment=end, energy_rank=er, fine=fn
        )
        assert (full.decision == 5).any() and (full.decision == 4).any()
        np.testing.assert_array_equal(full.decision, lean)
