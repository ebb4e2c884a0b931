"""The Examples in the docstrings of yindi.disparity and yindi.spatial run and print what they claim."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import yindi.disparity
import yindi.spatial

MODULES = [
    m.name
    for pkg in (yindi.disparity, yindi.spatial)
    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + ".")
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
