"""Tail probabilities and a simple trend fit on :mod:`scipy.special` alone.

``scipy.stats`` takes most of a second to import; Yindi needs only a few tail probabilities from it, which are
one-line wrappers of the same special functions ``scipy.stats`` calls (``norm.sf`` is ``ndtr(-x)``,
``chi2.sf`` is ``chdtrc``, ``t.sf`` is ``stdtr(df, -x)``), so results are bit-for-bit the same.
tests/test_stats.py compares each against ``scipy.stats``.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def normal_sf(x: Any) -> Any:
    """Upper tail of the standard normal, ``P(Z > x)`` (as ``scipy.stats.norm.sf``)."""
    from scipy.special import ndtr

    return ndtr(-np.asarray(x, dtype=np.float64))


def chi2_sf(x: Any, df: float) -> Any:
    """Upper tail of the χ² distribution with ``df`` degrees of freedom (as ``scipy.stats.chi2.sf``)."""
    from scipy.special import chdtrc

    return chdtrc(df, np.asarray(x, dtype=np.float64))


def t_sf(x: Any, df: float) -> Any:
    """Upper tail of Student's t with ``df`` degrees of freedom (as ``scipy.stats.t.sf``)."""
    from scipy.special import stdtr

    return stdtr(df, -np.asarray(x, dtype=np.float64))


def linear_trend(x: Any, y: Any) -> tuple[float, float]:
    """Least-squares slope of ``y`` on ``x`` and its two-sided p-value (as ``scipy.stats.linregress``).

    The p-value tests slope = 0 with ``t = r √(df / (1 − r²))``, ``df = n − 2``; with two points it is 0 (or 1
    when both ``y`` are equal), as in SciPy.
    """
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y, dtype=np.float64)
    n = xa.size
    ssxm, ssxym, _, ssym = np.cov(xa, ya, bias=True).flat
    if ssxm == 0.0 or ssym == 0.0:
        r = float("nan") if ssxym == 0 else 0.0
    else:
        r = float(np.clip(ssxym / np.sqrt(ssxm * ssym), -1.0, 1.0))
    slope = float(ssxym / ssxm)
    if n == 2:
        return slope, 1.0 if ya[0] == ya[1] else 0.0
    df = n - 2
    tiny = 1.0e-20
    t = r * np.sqrt(df / ((1.0 - r + tiny) * (1.0 + r + tiny)))
    return slope, float(2 * t_sf(abs(t), df))
