"""Regional types (区域类型): the rule of source 003 §2.2, data-driven clusters, and peer regions.

:func:`stage_types` (types I–IV by R&D intensity and per-capita GDP), :func:`compare_with_source`,
:func:`cluster_regions` (k-means / Ward on standardised indicators, k by silhouette), :func:`peer_regions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.typology.clusters import ClusterResult, cluster_regions, peer_regions, silhouette
    from yindi.typology.stages import SOURCE_003_COUNTS, TYPES, compare_with_source, stage_types

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "ClusterResult": "yindi.typology.clusters",
        "cluster_regions": "yindi.typology.clusters",
        "peer_regions": "yindi.typology.clusters",
        "silhouette": "yindi.typology.clusters",
        "SOURCE_003_COUNTS": "yindi.typology.stages",
        "TYPES": "yindi.typology.stages",
        "compare_with_source": "yindi.typology.stages",
        "stage_types": "yindi.typology.stages",
    },
)


__all__ = [
    "SOURCE_003_COUNTS",
    "TYPES",
    "ClusterResult",
    "cluster_regions",
    "compare_with_source",
    "peer_regions",
    "silhouette",
    "stage_types",
]
