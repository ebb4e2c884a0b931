"""yindi._stats against scipy.stats (the reference it replaces to avoid importing scipy.stats)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from yindi._stats import chi2_sf, linear_trend, normal_sf, t_sf

X = np.array([-3.1, -1.0, -0.2, 0.0, 0.7, 1.96, 4.5])


def test_tails_equal_scipy_stats() -> None:
    np.testing.assert_array_equal(normal_sf(X), stats.norm.sf(X))
    for df in (1, 2, 5.5, 30):
        np.testing.assert_array_equal(t_sf(X, df), stats.t.sf(X, df))
        np.testing.assert_allclose(chi2_sf(np.abs(X) * 3, df), stats.chi2.sf(np.abs(X) * 3, df), rtol=1e-14)


@pytest.mark.parametrize(
    "y",
    [
        [0.31, 0.30, 0.295, 0.28, 0.29, 0.27],  # falling with noise
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],  # a perfect line (r = 1)
        [2.0, 2.0, 2.0, 2.0, 2.0, 2.0],  # flat
        [0.5, 0.7],  # two points
    ],
)
def test_linear_trend_equals_linregress(y: list[float]) -> None:
    x = list(range(2010, 2010 + len(y)))
    slope, p = linear_trend(x, y)
    ref = stats.linregress(x, y)
    assert slope == pytest.approx(float(ref.slope), abs=1e-15)
    np.testing.assert_allclose(p, float(ref.pvalue), rtol=1e-12, equal_nan=True)


def test_spatial_and_disparity_do_not_import_scipy_stats() -> None:
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import sys, yindi.spatial, yindi.disparity\n"
        "from yindi.disparity import sigma_convergence\n"
        "assert 'scipy.stats' not in sys.modules, 'scipy.stats costs ~0.8 s to import'\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(REPO / "src")}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
