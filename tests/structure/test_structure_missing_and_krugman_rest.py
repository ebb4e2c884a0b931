"""missing= on specialisation()/complexity() and the "rest of the country" Krugman index (hand-computed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.errors import MissingDataError, ParameterError
from yindi.structure import complexity, read_activity_table, specialisation
from yindi.structure import specialisation_kernel as sk

# three regions × two activities; region c has no row for activity y (an absent cell)
GAPPY = pd.DataFrame(
    {
        "year": 2020,
        "region": ["a", "a", "b", "b", "c"],
        "activity": ["x", "y", "x", "y", "x"],
        "value": [6.0, 2.0, 1.0, 3.0, 4.0],
    }
)


@pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")  # 3 regions: ECI sign undefined
@pytest.mark.parametrize("fn", [specialisation, complexity])
def test_gap_error_names_an_argument_the_function_accepts(fn) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MissingDataError, match="missing='zero'") as info:
        fn(GAPPY)
    assert "region 'c', activity 'y'" in str(info.value)
    res = fn(GAPPY, missing="zero")  # the remedy the message names works
    assert any("counted as 0" in n for n in res.notes)


def test_missing_zero_equals_an_explicit_zero() -> None:
    filled = pd.concat(
        [GAPPY, pd.DataFrame({"year": [2020], "region": ["c"], "activity": ["y"], "value": [0.0]})]
    )
    a = specialisation(GAPPY, missing="zero").regions
    b = specialisation(filled).regions
    pd.testing.assert_frame_equal(a, b)


def test_missing_on_a_read_table_points_to_read_activity_table() -> None:
    table = read_activity_table(
        GAPPY,
        region="region",
        activity="activity",
        period="year",
        value="value",
        regions="as_is",
        missing="zero",
    )
    with pytest.raises(ParameterError, match="read_activity_table"):
        specialisation(table, missing="zero")
    assert specialisation(table).regions["krugman"].notna().all()


def test_old_spelling_raise_names_error() -> None:
    with pytest.raises(ParameterError, match="now spelled 'error'"):
        specialisation(GAPPY, missing="raise")  # type: ignore[arg-type]


# Hand computation, two activities, regions a = (6, 2), b = (1, 3), c = (4, 0):
#   region shares  a = (.75, .25), b = (.25, .75), c = (1, 0); nation totals (11, 5), shares (11/16, 5/16)
#   nation:  K_a = |.75 − 11/16| + |.25 − 5/16| = 1/16 + 1/16 = 0.125
#            K_b = |.25 − 11/16| + |.75 − 5/16| = 7/16 + 7/16 = 0.875
#            K_c = |1 − 11/16| + |0 − 5/16|     = 5/16 + 5/16 = 0.625
#   rest:    rest of a = b + c = (5, 3) → (5/8, 3/8):  K_a = 1/8 + 1/8 = 0.25
#            rest of b = a + c = (10, 2) → (5/6, 1/6): K_b = 7/12 + 7/12 = 7/6
#            rest of c = a + b = (7, 5) → (7/12, 5/12): K_c = 5/12 + 5/12 = 5/6
X = np.array([[6.0, 2.0], [1.0, 3.0], [4.0, 0.0]])


def test_krugman_nation_and_rest_by_hand() -> None:
    np.testing.assert_allclose(sk.krugman(X), [0.125, 0.875, 0.625], rtol=1e-14)
    np.testing.assert_allclose(sk.krugman(X, "rest"), [0.25, 7 / 6, 5 / 6], rtol=1e-14)


def test_specialisation_krugman_reference_option() -> None:
    nation = specialisation(GAPPY, missing="zero")
    rest = specialisation(GAPPY, missing="zero", krugman_reference="rest")
    assert nation.krugman_reference == "nation" and rest.krugman_reference == "rest"
    np.testing.assert_allclose(nation.regions["krugman"], [0.125, 0.875, 0.625], rtol=1e-14)
    np.testing.assert_allclose(rest.regions["krugman"], [0.25, 7 / 6, 5 / 6], rtol=1e-14)
    with pytest.raises(ParameterError, match="krugman_reference"):
        specialisation(GAPPY, missing="zero", krugman_reference="others")  # type: ignore[arg-type]


def test_rest_needs_two_regions() -> None:
    one = GAPPY[GAPPY["region"] == "a"]
    with pytest.raises(ParameterError, match="at least two regions"):
        specialisation(one, krugman_reference="rest")
