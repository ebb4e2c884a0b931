"""The batched simplex engine: fallback paths give the same answers as the plain LP.

Tolerance 1e-8 as in ``test_productivity_dea_reference.py``.
"""

from __future__ import annotations

import numpy as np
from productivity_testdata import frontier_data

from yindi.productivity._batch import solve_batch
from yindi.productivity._radial import build_radial_lp
from yindi.productivity._reference import radial_reference


def test_iteration_limit_hands_units_to_the_fallback():
    x, y, _ = frontier_data(60, 2, 2, seed=21)
    lp = build_radial_lp(x, y, x, y, rts="vrs", orientation="input", exclude=np.arange(60))
    sol = solve_batch(lp, np.arange(5), max_iter=2)
    assert sol.n_fallback > 0
    ref = radial_reference(x, y, rts="vrs", super_efficiency=True)
    assert np.array_equal(sol.status != 0, np.isnan(ref))
    ok = sol.status == 0
    np.testing.assert_allclose(np.abs(sol.objective[ok]), ref[ok], atol=1e-8)


def test_lambdas_are_a_feasible_certificate():
    """λ returned by the engine satisfy the envelopment constraints at the reported θ."""
    x, y, _ = frontier_data(80, 3, 2, seed=22)
    lp = build_radial_lp(x, y, x, y, rts="crs", orientation="input")
    sol = solve_batch(lp, np.arange(80))
    lam = sol.x_ref.toarray()
    theta = sol.objective
    assert np.all(lam >= -1e-12)
    assert np.all(lam @ x <= theta[:, None] * x + 1e-8)
    assert np.all(lam @ y >= y - 1e-8)
