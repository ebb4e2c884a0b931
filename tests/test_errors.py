"""The error hierarchy: every Yindi error is also the built-in exception users expect."""

from __future__ import annotations

import pytest

from yindi import errors


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (errors.ParameterError, ValueError),
        (errors.ParameterTypeError, TypeError),
        (errors.RegionNotFoundError, LookupError),
        (errors.DataValidationError, ValueError),
        (errors.DataFormatError, ValueError),
        (errors.MissingDataError, ValueError),
        (errors.WorkspaceError, ValueError),
        (errors.ComputationError, ValueError),
    ],
)
def test_error_classes_inherit_builtins(cls: type[Exception], builtin: type[Exception]) -> None:
    assert issubclass(cls, errors.YindiError)
    assert issubclass(cls, builtin)


def test_check_option_message_names_parameter_function_and_value() -> None:
    with pytest.raises(
        errors.ParameterError,
        match=r"The 'rts' parameter of dea\(\) must be one of 'crs', 'vrs'. Got 'cr' instead.",
    ):
        errors.check_option("rts", "cr", ("crs", "vrs"), where="dea()")
