"""The Examples in the productivity docstrings run and print what they say."""

from __future__ import annotations

import doctest
import importlib
import warnings

import pytest


@pytest.mark.parametrize(
    "name", ["yindi.productivity.dea", "yindi.productivity.growth", "yindi.productivity.malmquist"]
)
def test_docstring_examples(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
