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


def _assert_same(a, b) -> None:  # type: ignore[no-untyped-def]
    for name in ("status", "objective", "x_own", "candidates"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert (a.x_ref != b.x_ref).nnz == 0 and a.x_ref.shape == b.x_ref.shape
    assert (a.n_fallback, a.n_candidates) == (b.n_fallback, b.n_candidates)


def test_a_problem_solved_again_is_read_back_as_an_independent_copy():
    from yindi.productivity import _batch

    x, y, _ = frontier_data(40, 2, 2, seed=23)
    lp = build_radial_lp(x, y, x, y, rts="vrs", orientation="input")
    _batch._MEMO.clear()
    first = solve_batch(lp, np.arange(4))
    fresh = _batch._solve_chunks(lp, np.arange(4), max_iter=150, chunk_elems=_batch._CHUNK_ELEMS)
    _assert_same(first, fresh)
    first.objective[:] = -1.0  # a caller's change does not reach the remembered solution
    first.x_ref.data[:] = -1.0
    again = solve_batch(lp, np.arange(4))
    _assert_same(again, fresh)
    assert len(_batch._MEMO) == 1
    other = solve_batch(lp, np.arange(4), max_iter=2)  # another argument: solved, not read back
    _assert_same(other, _batch._solve_chunks(lp, np.arange(4), max_iter=2, chunk_elems=_batch._CHUNK_ELEMS))
    assert len(_batch._MEMO) == 2


def test_fallback_is_silent_and_agrees_with_linprog(capfd) -> None:  # type: ignore[no-untyped-def]
    """Every unit through the HiGHS fallback (iteration limit 0): nothing printed on standard output (HiGHS
    prints a banner when a solver is made), statuses and θ as SciPy's ``linprog`` gives them, including the
    infeasible super-efficiency units; the solver is reused for the next batch."""
    from scipy.optimize import linprog

    from yindi.productivity._batch import OPTIMAL, _fallback

    x, y, _ = frontier_data(40, 2, 2, seed=23)
    lp = build_radial_lp(x, y, x, y, rts="vrs", orientation="input", exclude=np.arange(40))
    for _ in range(2):
        sol = solve_batch(lp, np.arange(3), max_iter=0)
        assert sol.n_fallback == 40
    out = capfd.readouterr().out
    assert out == "", out
    n_ref, p = lp.a_ref.shape[1], lp.a_own.shape[2]
    for b in range(40):
        status, objective, _, _ = _fallback(lp, b)
        ub = np.full(n_ref + p, np.inf)
        ub[lp.exclude[b]] = 0.0
        ref = linprog(
            np.concatenate([lp.c_ref, lp.c_own[b]]),
            A_eq=np.hstack([lp.a_ref, lp.a_own[b]]),
            b_eq=lp.rhs[b],
            bounds=np.c_[np.zeros(n_ref + p), ub],
            method="highs",
        )
        assert (status == OPTIMAL) == (ref.status == 0)
        if ref.status == 0:
            assert abs(objective - ref.fun) <= 1e-9 * (1 + abs(ref.fun))
    assert capfd.readouterr().out == ""
