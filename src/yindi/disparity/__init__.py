"""Regional disparities and their dynamics: Gini, Theil, Dagum decomposition, kernel density, convergence,
Markov chains.

区域差异及其动态演进。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.disparity.by_year import InequalitySeries, inequality_by_year
    from yindi.disparity.convergence import BetaResult, SigmaResult, beta_convergence, sigma_convergence
    from yindi.disparity.dagum import DagumResult, DagumSeries, dagum, dagum_by_year
    from yindi.disparity.density import DensityResult, kernel_density
    from yindi.disparity.inequality import TheilResult, cv, gini, theil
    from yindi.disparity.markov import MarkovResult, SpatialMarkovResult, markov, spatial_markov

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "InequalitySeries": "yindi.disparity.by_year",
        "inequality_by_year": "yindi.disparity.by_year",
        "BetaResult": "yindi.disparity.convergence",
        "SigmaResult": "yindi.disparity.convergence",
        "beta_convergence": "yindi.disparity.convergence",
        "sigma_convergence": "yindi.disparity.convergence",
        "DagumResult": "yindi.disparity.dagum",
        "DagumSeries": "yindi.disparity.dagum",
        "dagum": "yindi.disparity.dagum",
        "dagum_by_year": "yindi.disparity.dagum",
        "DensityResult": "yindi.disparity.density",
        "kernel_density": "yindi.disparity.density",
        "TheilResult": "yindi.disparity.inequality",
        "cv": "yindi.disparity.inequality",
        "gini": "yindi.disparity.inequality",
        "theil": "yindi.disparity.inequality",
        "MarkovResult": "yindi.disparity.markov",
        "SpatialMarkovResult": "yindi.disparity.markov",
        "markov": "yindi.disparity.markov",
        "spatial_markov": "yindi.disparity.markov",
    },
)


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
