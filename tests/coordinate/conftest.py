"""Fixtures of the coordination tests."""

from __future__ import annotations

import numpy as np
import pytest
from coordinate_testdata import make_hand_panel


@pytest.fixture()
def hand_panel():  # type: ignore[no-untyped-def]
    return make_hand_panel()


@pytest.fixture()
def rng() -> np.random.Generator:
    return np.random.default_rng(20261130)
