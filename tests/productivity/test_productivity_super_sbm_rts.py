"""Super-SBM (Tone 2002) under every returns-to-scale assumption against a plain scipy ``linprog`` formulation.

The reference writes Tone's programme out directly after the Charnes–Cooper transformation (t > 0,
X̃ = t x̄, Ỹ = t ȳ, Λ = t λ)::

    min (1/m) Σ X̃_i / x_io
    s.t. (1/s) Σ Ỹ_r / y_ro = 1,  X̃ ≥ Σ_{j≠o} Λ_j x_j,  Ỹ ≤ Σ_{j≠o} Λ_j y_j,  X̃ ≥ t x_o,  Ỹ ≤ t y_o,
         ΣΛ = t (VRS) | ΣΛ ≤ t (NIRS) | ΣΛ ≥ t (NDRS),  Λ, X̃, Ỹ, t ≥ 0.

The issue-9 case: X = [3, 8, 7, 1, 4], Y = [8, 5, 1, 7, 7]; unit 3 (x = 1, y = 7). Under VRS (Σλ = 1) the
cheapest reference is unit 0 alone (x̄ = 3, ȳ = 7): δ = 3. Under NIRS (Σλ ≤ 1) λ₀ = 7/8 of unit 0 already
produces ȳ = 7 with x̄ = 21/8, so δ = 2.625 (Tone 2002); Yindi returned the VRS answer 3.0 before the fix.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from yindi.productivity import dea

TOL = 1e-8  # two LP solvers (HiGHS and Yindi's batched simplex) agreeing on optima of order 1


def super_sbm_reference(x: np.ndarray, y: np.ndarray, o: int, rts: str) -> float:
    n, m = x.shape
    s = y.shape[1]
    others = [j for j in range(n) if j != o]
    k = len(others)
    # variables: t | Λ (k) | X̃ (m) | Ỹ (s)
    nv = 1 + k + m + s
    c = np.zeros(nv)
    c[1 + k : 1 + k + m] = 1.0 / (m * x[o])
    a_eq = [np.zeros(nv)]
    a_eq[0][1 + k + m :] = 1.0 / (s * y[o])
    b_eq = [1.0]
    a_ub, b_ub = [], []
    for i in range(m):
        row = np.zeros(nv)  # Σ Λ_j x_ij − X̃_i ≤ 0
        row[1 : 1 + k] = x[others, i]
        row[1 + k + i] = -1.0
        a_ub.append(row)
        row = np.zeros(nv)  # t x_io − X̃_i ≤ 0
        row[0] = x[o, i]
        row[1 + k + i] = -1.0
        a_ub.append(row)
    for r in range(s):
        row = np.zeros(nv)  # Ỹ_r − Σ Λ_j y_rj ≤ 0
        row[1 + k + m + r] = 1.0
        row[1 : 1 + k] = -y[others, r]
        a_ub.append(row)
        row = np.zeros(nv)  # Ỹ_r − t y_ro ≤ 0
        row[1 + k + m + r] = 1.0
        row[0] = -y[o, r]
        a_ub.append(row)
    scale = np.zeros(nv)
    scale[0] = -1.0
    scale[1 : 1 + k] = 1.0  # ΣΛ − t
    if rts == "vrs":
        a_eq.append(scale)
        b_eq.append(0.0)
    elif rts == "nirs":
        a_ub.append(scale)
        b_ub.append(0.0)
    elif rts == "ndrs":
        a_ub.append(-scale)
        b_ub.append(0.0)
    b_ub = [0.0] * (len(a_ub) - len(b_ub)) + b_ub
    res = linprog(c, A_ub=np.array(a_ub), b_ub=b_ub, A_eq=np.array(a_eq), b_eq=b_eq, method="highs")
    assert res.status == 0
    return float(res.fun)


X = np.array([[3.0], [8.0], [7.0], [1.0], [4.0]])
Y = np.array([[8.0], [5.0], [1.0], [7.0], [7.0]])


@pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")  # 5 units: a hand-sized case
def test_issue_case_nirs_is_tone_2_625() -> None:
    assert super_sbm_reference(X, Y, 3, "nirs") == pytest.approx(2.625, abs=1e-12)
    assert super_sbm_reference(X, Y, 3, "vrs") == pytest.approx(3.0, abs=1e-12)
    res = dea(X, Y, model="sbm", rts="nirs", super_efficiency=True)
    assert float(res.efficiency[3]) == pytest.approx(2.625, abs=TOL)


@pytest.mark.parametrize("rts", ["crs", "vrs", "nirs", "ndrs"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_super_sbm_matches_plain_linprog(rts: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m, s = 12, 2, 2
    x = rng.uniform(1.0, 10.0, (n, m))
    y = rng.uniform(1.0, 10.0, (n, s))
    res = dea(x, y, model="sbm", rts=rts, super_efficiency=True)
    eff = np.asarray(res.efficiency, dtype=float)
    efficient = np.flatnonzero(eff >= 1.0 - 1e-9)
    assert efficient.size >= 1
    for o in efficient:
        assert eff[o] == pytest.approx(super_sbm_reference(x, y, int(o), rts), abs=TOL), (rts, o)
