"""Regional disparities and their dynamics: Gini, Theil, Dagum decomposition, kernel density, convergence,
Markov chains.

区域差异及其动态演进。
"""

from __future__ import annotations

from yindi.disparity.by_year import InequalitySeries, inequality_by_year
from yindi.disparity.convergence import BetaResult, SigmaResult, beta_convergence, sigma_convergence
from yindi.disparity.dagum import DagumResult, DagumSeries, dagum, dagum_by_year
from yindi.disparity.density import DensityResult, kernel_density
from yindi.disparity.inequality import TheilResult, cv, gini, theil
from yindi.disparity.markov import MarkovResult, SpatialMarkovResult, markov, spatial_markov

__all__ = [
    "BetaResult",
    "DagumResult",
    "DagumSeries",
    "DensityResult",
    "InequalitySeries",
    "MarkovResult",
    "SigmaResult",
    "SpatialMarkovResult",
    "TheilResult",
    "beta_convergence",
    "cv",
    "dagum",
    "dagum_by_year",
    "gini",
    "inequality_by_year",
    "kernel_density",
    "markov",
    "sigma_convergence",
    "spatial_markov",
    "theil",
]
