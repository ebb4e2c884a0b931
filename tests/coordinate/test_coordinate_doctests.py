"""The Examples in the coordination kernels' docstrings run and print what they say."""

from __future__ import annotations

import doctest

import pytest

from yindi.coordinate import _kernels, _pair_kernel


@pytest.mark.parametrize("module", [_kernels, _pair_kernel])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
