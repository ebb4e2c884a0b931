"""Spatial weights and spatial autocorrelation (Moran's I, Geary's C, LISA, Getis–Ord Gi*).

空间权重与空间自相关。
"""

from __future__ import annotations

from yindi.spatial.build import centroids, contiguity, distance_band, economic_distance, inverse_distance, knn
from yindi.spatial.weights import Weights

__all__ = [
    "Weights",
    "centroids",
    "contiguity",
    "distance_band",
    "economic_distance",
    "inverse_distance",
    "knn",
]

from yindi.spatial.autocorrelation import GlobalResult, geary, moran, moran_bv
from yindi.spatial.inputs import CrossSection, cross_section
from yindi.spatial.local import GetisOrdResult, LocalMoranResult, getis_ord, local_moran
from yindi.spatial.multitest import adjust_pvalues

__all__ += [
    "CrossSection",
    "GetisOrdResult",
    "GlobalResult",
    "LocalMoranResult",
    "adjust_pvalues",
    "cross_section",
    "geary",
    "getis_ord",
    "local_moran",
    "moran",
    "moran_bv",
]
