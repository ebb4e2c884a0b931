"""Regional disparities and their dynamics: Gini, Theil, Dagum decomposition, kernel density, convergence,
Markov chains.

区域差异及其动态演进。
"""

from __future__ import annotations

from yindi.disparity.dagum import DagumResult, dagum
from yindi.disparity.inequality import TheilResult, cv, gini, theil

__all__ = ["DagumResult", "TheilResult", "cv", "dagum", "gini", "theil"]
