"""The Examples in the index and typology docstrings run and print what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "yindi.index.weights",
    "yindi.index.aggregate",
    "yindi.index.ahp",
    "yindi.index.diagnostics",
    "yindi.index.evaluate",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
