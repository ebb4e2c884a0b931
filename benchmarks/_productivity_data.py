"""Seeded synthetic county-like DEA data: a Cobb-Douglas frontier; 7% of units are generated on it, and about
10% end up VRS-efficient (units at the edges of the data are efficient too)."""

from __future__ import annotations

import numpy as np


def county_like(
    n: int = 2850,
    m: int = 3,
    s: int = 2,
    *,
    share_efficient: float = 0.07,
    seed: int = 0,
    period: int = 0,
    growth: float = 0.02,
    sigma: float = 0.3,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inputs (n, m), good outputs (n, s) and one bad output (n, 1); seed and period fix everything."""
    rng = np.random.default_rng([seed, period])
    x = rng.lognormal(mean=1.0, sigma=sigma, size=(n, m))
    mix = rng.dirichlet(np.ones(s), size=n)
    level = (1 + growth) ** period * np.prod(x ** (0.8 / m), axis=1)
    y = 2.0 * mix * level[:, None] / np.linalg.norm(mix, axis=1)[:, None]
    eff = rng.random(n) < share_efficient
    theta = np.where(eff, 1.0, rng.uniform(0.45, 0.97, n))
    x = x / theta[:, None]
    bad = level[:, None] * rng.uniform(0.5, 1.5, (n, 1))
    return x, y, bad
