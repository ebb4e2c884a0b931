"""DEA kernels against independent references.

References
----------
* the plain per-unit ``scipy.optimize.linprog`` LP on the full reference set (``yindi.productivity._reference``),
  for every technology, orientation, super-efficiency, SBM and the directional distance function;
* Charnes, Cooper & Rhodes (1981) Program Follow Through data (``tests/reference/productivity/charnes1981.csv``,
  source in the README there): 19 of 70 sites CRS-efficient;
* Cooper, Seiford & Tone (2007) 12-hospital example, CCR scores to 3 decimals (tolerance 5e-4 = rounding);
* hand-computed one-input/one-output cases (derivation in each test).

Tolerances: ``TOL = 1e-8`` absolute on scores. Both sides solve the same LP to HiGHS/simplex optimality
(feasibility and optimality tolerances ≤ 1e-9 on data scaled to order one), so scores agree to ~1e-10;
1e-8 leaves room for the scaling of the data and no more.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from productivity_testdata import frontier_data

from yindi.errors import MethodWarning
from yindi.productivity import dea
from yindi.productivity._radial import radial
from yindi.productivity._reference import (
    ddf_reference,
    radial_reference,
    sbm_reference,
    super_sbm_reference,
)
from yindi.productivity._sbm import ddf

TOL = 1e-8
REF = Path(__file__).resolve().parents[1] / "reference" / "productivity"

pytestmark = pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")


@pytest.fixture(scope="module")
def charnes() -> tuple[np.ndarray, np.ndarray]:
    d = pd.read_csv(REF / "charnes1981.csv")
    return d[[f"x{i}" for i in range(1, 6)]].to_numpy(float), d[[f"y{i}" for i in range(1, 4)]].to_numpy(
        float
    )


@pytest.mark.parametrize("rts", ["crs", "vrs", "nirs", "ndrs"])
@pytest.mark.parametrize("orientation", ["input", "output"])
def test_radial_matches_plain_lp_on_charnes1981(charnes, rts, orientation):
    x, y = charnes
    ours = dea(x, y, rts=rts, orientation=orientation, slacks="first").efficiency
    ref = radial_reference(x, y, rts=rts, orientation=orientation)
    np.testing.assert_allclose(ours, ref, atol=TOL)


def test_cooper_seiford_tone_hospital_example():
    """Cooper, Seiford & Tone (2007), *Data Envelopment Analysis*, 2nd ed., Springer: the 12-hospital example
    (inputs doctors, nurses; outputs outpatients, inpatients; data as reproduced in a public GAMS model of the
    textbook example). CCR scores to three decimals as given in the textbook's CCR results for this example
    (recalled, not re-checked against the page here; the plain-LP comparison below is the binding check)."""
    x = np.array(
        [
            [20, 19, 25, 27, 22, 55, 33, 31, 30, 50, 53, 38],
            [151, 131, 160, 168, 158, 255, 235, 206, 244, 268, 306, 284],
        ],
        float,
    ).T
    y = np.array(
        [
            [100, 150, 160, 180, 94, 230, 220, 152, 190, 250, 260, 250],
            [90, 50, 55, 72, 66, 90, 88, 80, 100, 100, 147, 120],
        ],
        float,
    ).T
    published = [1.0, 1.0, 0.883, 1.0, 0.763, 0.835, 0.902, 0.796, 0.960, 0.871, 0.955, 0.958]
    eff = dea(x, y, rts="crs").efficiency
    np.testing.assert_allclose(eff, published, atol=5e-4)
    np.testing.assert_allclose(eff, radial_reference(x, y, rts="crs"), atol=TOL)


def test_charnes1981_published_count_of_crs_efficient_sites(charnes):
    x, y = charnes
    eff = dea(x, y, rts="crs").efficiency
    assert int((eff >= 1 - 1e-9).sum()) == 19


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("rts", ["crs", "vrs", "nirs", "ndrs"])
@pytest.mark.parametrize("orientation", ["input", "output"])
def test_radial_matches_plain_lp_synthetic(seed, rts, orientation):
    x, y, _ = frontier_data(120, 3, 2, seed=seed)
    ours = dea(x, y, rts=rts, orientation=orientation, slacks="first").efficiency
    np.testing.assert_allclose(ours, radial_reference(x, y, rts=rts, orientation=orientation), atol=TOL)


def test_reduced_reference_set_equals_full_set_on_large_sample():
    """n = 1,500 goes through block decomposition (blocks of 512): the frontier found by the reduced scheme
    must give exactly the full-set scores (checked on a sample of units against the plain LP)."""
    x, y, _ = frontier_data(1500, 3, 2, seed=7, share=0.1)
    sol = radial(x, y, rts="vrs", orientation="input")
    assert sol.n_frontier < 1500 / 2
    idx = np.random.default_rng(0).choice(1500, 40, replace=False)
    ref = radial_reference(x[idx], y[idx], x, y, rts="vrs", orientation="input")
    np.testing.assert_allclose(sol.efficiency[idx], ref, atol=TOL)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
def test_certificate_on_the_frontier_only_matches_full_lp_cross_period(rts):
    """With the complete VRS-efficient set, the certificate prices only those columns (dominance argument in
    ``BatchLP``); cross-period scores (units outside the technology, θ > 1 or infeasible) must still equal the
    full LP."""
    x0, y0, _ = frontier_data(800, 3, 2, seed=31, share=0.1)
    x1, y1, _ = frontier_data(800, 3, 2, seed=32, share=0.1)
    y1 = y1 * 1.1
    sol = radial(x1, y1, x_ref=x0, y_ref=y0, rts=rts, orientation="output")
    assert sol.n_frontier < 400
    idx = np.random.default_rng(2).choice(800, 30, replace=False)
    ref = radial_reference(x1[idx], y1[idx], x0, y0, rts=rts, orientation="output")
    assert np.array_equal(np.isnan(sol.efficiency[idx]), np.isnan(ref))
    np.testing.assert_allclose(sol.efficiency[idx], ref, atol=TOL)


def test_bad_candidate_set_is_repaired_by_pricing():
    """Start from a deliberately wrong candidate set: column generation must still reach the full-set optimum."""
    x, y, _ = frontier_data(200, 2, 2, seed=11)
    sol = radial(x, y, rts="vrs", frontier=np.array([0, 1, 2]))
    np.testing.assert_allclose(sol.efficiency, radial_reference(x, y, rts="vrs"), atol=TOL)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
def test_super_efficiency_matches_plain_lp_and_reports_infeasible(rts):
    x, y, _ = frontier_data(80, 2, 2, seed=5)
    res = dea(x, y, rts=rts, super_efficiency=True)
    ref = radial_reference(x, y, rts=rts, super_efficiency=True)
    assert np.array_equal(np.isnan(res.efficiency), np.isnan(ref))
    np.testing.assert_allclose(res.efficiency, ref, atol=TOL)
    assert set(res.infeasible_units) == {str(i) for i in np.nonzero(np.isnan(ref))[0]}
    if rts == "crs":
        assert not res.infeasible_units


def test_super_efficiency_hand_computed():
    """x = (2, 4, 3), y = (1, 2, 1), VRS input: without unit 0 the cheapest way to make y ≥ 1 is unit 2 (x=3),
    so θ₀ = 3/2; unit 1 has the largest output, nothing else reaches y = 2: infeasible."""
    res = dea([[2.0], [4.0], [3.0]], [[1.0], [2.0], [1.0]], rts="vrs", super_efficiency=True)
    assert res.efficiency[0] == pytest.approx(1.5)
    assert res.infeasible_units == ("1",)


def test_one_input_one_output_hand_computed():
    """y/x = (0.5, 0.5, 1, 1/3, 0.8): CRS θ = (y/x)/max(y/x). VRS input: unit 1 (x=4, y=2) is projected on the
    segment between (2,1) and (3,3): x = 2.5 gives y = 2, θ = 0.625."""
    x = np.array([[2.0], [4.0], [3.0], [3.0], [5.0]])
    y = np.array([[1.0], [2.0], [3.0], [1.0], [4.0]])
    np.testing.assert_allclose(dea(x, y, rts="crs").efficiency, [0.5, 0.5, 1.0, 1 / 3, 0.8], atol=1e-12)
    vrs = dea(x, y, rts="vrs").efficiency
    assert vrs[1] == pytest.approx(0.625)
    assert vrs[3] == pytest.approx(2 / 3)
    assert vrs[[0, 2, 4]] == pytest.approx([1.0, 1.0, 1.0])


@pytest.mark.parametrize("rts", ["crs", "vrs"])
def test_sbm_matches_plain_lp(rts):
    x, y, b = frontier_data(90, 2, 2, seed=3)
    np.testing.assert_allclose(
        dea(x, y, model="sbm", rts=rts).efficiency, sbm_reference(x, y, rts=rts), atol=TOL
    )
    res = dea(x, y, model="sbm", rts=rts, undesirable=b)
    np.testing.assert_allclose(res.efficiency, sbm_reference(x, y, b, rts=rts), atol=TOL)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
def test_super_sbm_matches_plain_lp(rts):
    """Tone (2002): efficient units get δ from the super-SBM LP, inefficient ones keep ρ (for them δ = 1)."""
    x, y, _ = frontier_data(70, 2, 2, seed=12)
    rho = sbm_reference(x, y, rts=rts)
    delta = super_sbm_reference(x, y, rts=rts)
    expected = np.where(rho >= 1 - 1e-9, delta, rho)
    res = dea(x, y, model="sbm", rts=rts, super_efficiency=True)
    np.testing.assert_allclose(res.efficiency, expected, atol=TOL)
    assert np.any(res.efficiency > 1 + 1e-6)
    np.testing.assert_allclose(delta[rho < 1 - 1e-9], 1.0, atol=1e-9)


def test_sbm_score_equals_formula_of_its_slacks():
    """ρ = (1 − mean(s⁻/x)) / (1 + Σ(s^g/y, s^b/b)/(s₁+s₂)) evaluated on the returned slacks."""
    x, y, b = frontier_data(60, 2, 2, seed=9)
    res = dea(x, y, model="sbm", undesirable=b)
    num = 1 - (res.slack_in / x).mean(axis=1)
    den = 1 + ((res.slack_out / y).sum(axis=1) + (res.slack_bad / b).sum(axis=1)) / 3
    np.testing.assert_allclose(res.efficiency, num / den, atol=1e-7)


@pytest.mark.parametrize("rts", ["crs", "vrs"])
def test_ddf_cross_period_matches_plain_lp(rts):
    x0, y0, b0 = frontier_data(100, 2, 2, seed=1)
    x1, y1, b1 = frontier_data(100, 2, 2, seed=2)
    ours = ddf(x1, y1, b1, x0, y0, b0, rts=rts)
    ref = ddf_reference(x1, y1, b1, x0, y0, b0, rts=rts)
    assert np.array_equal(np.isnan(ours), np.isnan(ref))
    np.testing.assert_allclose(ours, ref, atol=TOL)


def test_targets_are_on_the_frontier():
    """Projected units (targets) are efficient: their radial score is 1 (two-stage slacks)."""
    x, y, _ = frontier_data(60, 2, 2, seed=4)
    res = dea(x, y, rts="vrs")
    assert np.all(res.slack_in >= -1e-9) and np.all(res.slack_out >= -1e-9)
    proj = radial_reference(res.target_in, res.target_out, x, y, rts="vrs")
    np.testing.assert_allclose(proj, 1.0, atol=1e-7)


def test_lambdas_reproduce_targets():
    x, y, _ = frontier_data(50, 2, 2, seed=6)
    res = dea(x, y, rts="crs")
    lam = res.lambdas.toarray()
    np.testing.assert_allclose(lam @ x, res.target_in, atol=1e-7)
    np.testing.assert_allclose(lam @ y, res.target_out, atol=1e-7)


def test_rule_of_thumb_warning():
    x, y, _ = frontier_data(8, 2, 2, seed=1)
    with pytest.warns(MethodWarning, match="rule of thumb"):
        dea(x, y)
    x, y, _ = frontier_data(40, 2, 2, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MethodWarning)
        dea(x, y)
