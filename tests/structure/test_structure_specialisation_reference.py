"""Specialisation indices against EconGeo's documented formulas, computed by hand on a 3 × 3 matrix.

Reference: Balland, EconGeo R package (``location_quotient``, ``krugman_index``, ``hachman``, ``herfindahl``,
``hoover_index``, ``entropy``), whose formulas are written out beside each expected value. The numbers below were
worked out by hand as exact fractions (not by running our code).

Tolerances
----------
ATOL = 1e-12: exact fractions against float64 arithmetic on three-element sums; any definition error is > 1e-3.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.structure import specialisation
from yindi.structure import specialisation_kernel as sk

ATOL = 1e-12

#      A1  A2  A3      row totals 40, 40, 70; column totals 40, 40, 70; total 150
X = np.array([[10.0, 0.0, 30.0], [20.0, 20.0, 0.0], [10.0, 20.0, 40.0]])
# shares s_ra: R1 (1/4, 0, 3/4), R2 (1/2, 1/2, 0), R3 (1/7, 2/7, 4/7); national s_a = (4/15, 4/15, 7/15)


def test_location_quotient_by_hand() -> None:
    # LQ_ra = s_ra / s_a
    expected = np.array(
        [
            [(1 / 4) / (4 / 15), 0.0, (3 / 4) / (7 / 15)],  # 0.9375, 0, 1.607142…
            [(1 / 2) / (4 / 15), (1 / 2) / (4 / 15), 0.0],  # 1.875, 1.875, 0
            [15 / 28, 30 / 28, 60 / 49],
        ]
    )
    np.testing.assert_allclose(sk.location_quotient(X), expected, atol=ATOL)
    np.testing.assert_allclose(sk.location_quotient(X)[0], [0.9375, 0.0, 1.6071428571428572], atol=ATOL)


def test_krugman_by_hand() -> None:
    # K_r = Σ_a |s_ra − s_a|: R1 = 1/60 + 16/60 + 17/60; R2 = 7/30 + 7/30 + 14/30; R3 = (13 + 2 + 11)/105
    np.testing.assert_allclose(sk.krugman(X), [34 / 60, 28 / 30, 26 / 105], atol=ATOL)


def test_krugman_pairwise_by_hand() -> None:
    # K_12 = |1/4 − 1/2| + |0 − 1/2| + |3/4 − 0| = 3/2
    k = sk.krugman_pairwise(X)
    assert k[0, 1] == pytest.approx(1.5, abs=ATOL)
    assert k[0, 2] == pytest.approx(abs(1 / 4 - 1 / 7) + 2 / 7 + abs(3 / 4 - 4 / 7), abs=ATOL)
    np.testing.assert_allclose(np.diag(k), 0.0, atol=ATOL)
    np.testing.assert_allclose(k, k.T, atol=ATOL)


def test_herfindahl_by_hand() -> None:
    # HHI_r = Σ s_ra²: R1 = 1/16 + 9/16; R2 = 1/4 + 1/4; R3 = (1 + 4 + 16)/49
    np.testing.assert_allclose(sk.herfindahl(X), [10 / 16, 0.5, 21 / 49], atol=ATOL)


def test_hachman_by_hand() -> None:
    # HI_r = 1 / Σ_a s_ra² / s_a: R1 = 1/(15/64 + 135/112) = 448/645; R2 = 1/1.875; R3 = 1372/1485
    np.testing.assert_allclose(sk.hachman(X), [448 / 645, 8 / 15, 1372 / 1485], atol=ATOL)


def test_hoover_by_hand_against_region_totals() -> None:
    # H_a = ½ Σ_r |x_ra/X_a − X_r/X|, reference (4/15, 4/15, 7/15):
    # A1 (1/4, 1/2, 1/4): ½(1/60 + 14/60 + 13/60) = 14/60; A2 (0, 1/2, 1/2): ½ · 16/30; A3 (3/7, 0, 4/7): ½ · 56/105
    np.testing.assert_allclose(sk.hoover(X), [14 / 60, 8 / 30, 28 / 105], atol=ATOL)


def test_hoover_econgeo_documented_example() -> None:
    # EconGeo hoover_index(ind = c(0, 10, 10, 30, 50), pop = c(10, 15, 20, 25, 30)) = 25 (percent):
    # ½ (|0 − .1| + |.1 − .15| + |.1 − .2| + |.3 − .25| + |.5 − .3|) = ½ · 0.5 = 0.25
    ind = np.array([[0.0], [10.0], [10.0], [30.0], [50.0]])
    pop = np.array([10.0, 15.0, 20.0, 25.0, 30.0])
    assert sk.hoover(ind, reference=pop)[0] == pytest.approx(0.25, abs=ATOL)


def test_entropy_by_hand() -> None:
    # E_r = −Σ s log2 s (0 log 0 = 0): R1 = ¼·2 + ¾·log2(4/3); R2 = 1
    e = sk.entropy(X)
    assert e[0] == pytest.approx(0.5 + 0.75 * np.log2(4 / 3), abs=ATOL)
    assert e[1] == pytest.approx(1.0, abs=ATOL)
    assert sk.entropy(X, base=np.e)[1] == pytest.approx(np.log(2), abs=ATOL)


def test_structural_similarity_by_hand() -> None:
    # S_12 = (s1·s2)/(|s1||s2|) = (1/8) / sqrt(10/16 · 1/2) = 1/sqrt(20)
    s = sk.structural_similarity(X)
    assert s[0, 1] == pytest.approx(1 / np.sqrt(20), abs=ATOL)
    np.testing.assert_allclose(np.diag(s), 1.0)
    # identical structures at different scales are fully similar
    assert sk.structural_similarity(np.array([[1.0, 2.0], [3.0, 6.0]]))[0, 1] == pytest.approx(1.0)


def test_model_tables_and_homogeneity() -> None:
    df = pd.DataFrame(
        [(2020, f"R{i + 1}", f"A{j + 1}", X[i, j]) for i in range(3) for j in range(3)],
        columns=["year", "region", "activity", "value"],
    )
    res = specialisation(df)
    reg = res.regions.set_index("region")
    assert reg.loc["R2", "krugman"] == pytest.approx(28 / 30)
    assert reg.loc["R1", "n_specialised"] == 1  # only A3 has LQ ≥ 1
    cells = res.cells.set_index(["region", "activity"])
    assert bool(cells.loc[("R3", "A2"), "specialised"]) and not bool(cells.loc[("R3", "A1"), "specialised"])
    hom = res.homogeneity(top=1)
    assert len(hom) == 3 and set(hom["rank"]) == {1}
    r1 = hom.set_index("region").loc["R1"]
    # R1's most similar region is R3: S_13 = (1/28 + 3/7)/(|s1||s3|) > S_12
    assert r1["peer"] == "R3"
    np.testing.assert_allclose(res.similarity().to_numpy(), sk.structural_similarity(X))
    assert "hoover" in res.activities.columns
    long = res.to_frame()
    assert set(long["measure"]) >= {"lq", "share", "krugman", "hachman", "hhi", "entropy", "hoover"}
    assert "Specialisation" in res.summary()


@pytest.mark.realdata
def test_real_data_invariants(provinces_dir) -> None:  # type: ignore[no-untyped-def]
    import warnings

    from yindi.structure import read_sector_electricity

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = specialisation(read_sector_electricity(provinces_dir), empty="drop")
    cells = res.cells
    # LQ of the whole country is 1: the size-weighted mean of regional LQs, per activity and year
    cells = cells.assign(w=cells["value"] / cells.groupby("period")["value"].transform("sum"))
    cells = cells.assign(region_w=cells.groupby(["period", "region_code"])["w"].transform("sum"))
    national = (cells["region_w"] * cells["lq"]).groupby([cells["period"], cells["activity"]]).sum()
    np.testing.assert_allclose(national, 1.0, rtol=1e-9)
    for year in res.periods:
        s = res.similarity(year).to_numpy()
        np.testing.assert_allclose(np.diag(s), 1.0)
    assert res.regions["krugman"].between(0, 2).all() and res.regions["hachman"].between(0, 1).all()
    assert len(res.homogeneity(top=3)) == 30 * 3
