"""Spatial weights and spatial autocorrelation (Moran's I, Geary's C, LISA, Getis–Ord Gi*).

空间权重与空间自相关。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.spatial.autocorrelation import GlobalResult, geary, moran, moran_bv
    from yindi.spatial.build import (
        centroids,
        contiguity,
        distance_band,
        economic_distance,
        inverse_distance,
        knn,
    )
    from yindi.spatial.inputs import CrossSection, cross_section
    from yindi.spatial.local import GetisOrdResult, LocalMoranResult, getis_ord, local_moran
    from yindi.spatial.multitest import adjust_pvalues
    from yindi.spatial.weights import Weights

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "centroids": "yindi.spatial.build",
        "contiguity": "yindi.spatial.build",
        "distance_band": "yindi.spatial.build",
        "economic_distance": "yindi.spatial.build",
        "inverse_distance": "yindi.spatial.build",
        "knn": "yindi.spatial.build",
        "Weights": "yindi.spatial.weights",
        "GlobalResult": "yindi.spatial.autocorrelation",
        "geary": "yindi.spatial.autocorrelation",
        "moran": "yindi.spatial.autocorrelation",
        "moran_bv": "yindi.spatial.autocorrelation",
        "CrossSection": "yindi.spatial.inputs",
        "cross_section": "yindi.spatial.inputs",
        "GetisOrdResult": "yindi.spatial.local",
        "LocalMoranResult": "yindi.spatial.local",
        "getis_ord": "yindi.spatial.local",
        "local_moran": "yindi.spatial.local",
        "adjust_pvalues": "yindi.spatial.multitest",
    },
)


__all__ = [
    "Weights",
    "centroids",
    "contiguity",
    "distance_band",
    "economic_distance",
    "inverse_distance",
    "knn",
]


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
