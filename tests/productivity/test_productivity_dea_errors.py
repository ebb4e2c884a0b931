"""Bad input to dea() gets clear errors naming the unit and the column."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.errors import DataValidationError, MethodWarning, ParameterError
from yindi.productivity import dea, dea_frame

pytestmark = pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")
X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 3.0], [2.0, 2.0], [1.5, 2.5], [2.5, 1.5], [4.0, 1.0]])
Y = np.array([[1.0], [1.0], [2.0], [1.5], [1.2], [1.3], [1.1]])


def test_nan_names_unit_and_column():
    x = X.copy()
    x[3, 1] = np.nan
    with pytest.raises(DataValidationError, match=r"'labour'.*'D'"):
        dea(x, Y, units=list("ABCDEFG"), inputs=["capital", "labour"])


def test_negative_input_is_rejected():
    x = X.copy()
    x[2, 0] = -1
    with pytest.raises(DataValidationError, match="non-negative"):
        dea(x, Y)


def test_zero_input_rejected_by_sbm_only():
    x = X.copy()
    x[2, 0] = 0.0
    dea(x, Y)  # radial accepts a zero in one input
    with pytest.raises(DataValidationError, match="strictly positive"):
        dea(x, Y, model="sbm")


def test_unit_without_positive_output_in_output_orientation():
    y = Y.copy()
    y[1, 0] = 0.0
    with pytest.raises(DataValidationError, match="no positive output"):
        dea(X, y, orientation="output")


def test_options_are_validated():
    with pytest.raises(ParameterError, match="'rts' parameter of dea"):
        dea(X, Y, rts="cr")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="model='sbm'"):
        dea(X, Y, undesirable=Y)
    with pytest.raises(ParameterError, match="super-SBM"):
        dea(X, Y, model="sbm", super_efficiency=True, undesirable=Y)
    with pytest.raises(ParameterError, match="rows"):
        dea(X, Y[:3])


def test_constant_column_warns():
    x = X.copy()
    x[:, 1] = 1.0
    with pytest.warns(MethodWarning, match="constant"):
        dea(x, Y)


def test_dea_frame_labels_and_missing_column():
    df = pd.DataFrame({"name": list("ABCDEFG"), "k": X[:, 0], "l": X[:, 1], "q": Y[:, 0]})
    res = dea_frame(df, inputs=["k", "l"], outputs=["q"], unit="name", rts="vrs")
    assert res.units == tuple("ABCDEFG")
    assert set(res.to_frame()["measure"]) == {"efficiency", "slack", "target"}
    assert "efficient" in res.scores().columns
    with pytest.raises(ParameterError, match="'z'"):
        dea_frame(df, inputs=["z"], outputs=["q"])
