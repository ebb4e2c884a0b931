"""Seeded synthetic DEA data for the productivity tests (no real data)."""

from __future__ import annotations

import numpy as np


def frontier_data(
    n: int, m: int = 2, s: int = 2, *, seed: int = 0, share: float = 0.2
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cobb-Douglas frontier with a share of efficient units; returns inputs, outputs, one bad output."""
    rng = np.random.default_rng(seed)
    x = rng.lognormal(1.0, 0.5, size=(n, m))
    mix = rng.dirichlet(np.ones(s), size=n)
    level = np.prod(x ** (0.8 / m), axis=1)
    y = mix * level[:, None] * 2.0
    theta = np.where(rng.random(n) < share, 1.0, rng.uniform(0.4, 0.95, n))
    bad = level[:, None] * rng.uniform(0.6, 1.4, (n, 1))
    return x / theta[:, None], y, bad
