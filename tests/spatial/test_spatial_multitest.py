"""FDR and Bonferroni adjustment against statsmodels ``multipletests`` (tolerance 1e-12: same arithmetic)."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.multitest import multipletests

from yindi.spatial import adjust_pvalues


@pytest.mark.parametrize("seed", range(10))
def test_matches_statsmodels(seed: int) -> None:
    p = np.random.default_rng(seed).uniform(size=50) ** 3
    np.testing.assert_allclose(adjust_pvalues(p, "fdr"), multipletests(p, method="fdr_bh")[1], rtol=1e-12)
    np.testing.assert_allclose(
        adjust_pvalues(p, "bonferroni"), multipletests(p, method="bonferroni")[1], rtol=1e-12
    )
    np.testing.assert_array_equal(adjust_pvalues(p, "none"), p)
