"""Pre-projected SVG paths of one level for the dashboard (the report's map layout, with the 南海诸岛 inset).

为仪表盘提供与报告地图相同的投影与简化后的 SVG 路径（含南海诸岛附图），按层级缓存为 JSON 字节。
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from yindi._typing import Level


def _cache_path(level: Level) -> Path:
    """On-disk cache file, keyed by the boundary data's version and the map layout code (building the paths
    takes 10–30 s; reading them back a few milliseconds)."""
    from yindi.regions.geometry import _data_version, cache_dir
    from yindi.report import _mapdata, _projection

    h = hashlib.sha256()
    for mod in (_mapdata, _projection):
        h.update(Path(str(mod.__file__)).read_bytes())
    h.update(Path(__file__).read_bytes())
    return cache_dir() / f"api-geometry-cnmaps{_data_version()}-{h.hexdigest()[:12]}-{level}.json"


def geometry_json(level: Level) -> bytes:
    """The JSON of :func:`build_geometry`, from the on-disk cache when it is there (written after a build)."""
    path = _cache_path(level)
    try:
        return path.read_bytes()
    except OSError:
        pass
    body = build_geometry(level)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(body)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder only costs time
    return body


def build_geometry(level: Level) -> bytes:
    """``{level, width, height, inset_box, regions: [{code, name_zh, name_en, d, inset, x, y}], maritime}``.

    ``d`` is the region's path on the main map, ``inset`` its path inside the South China Sea inset (absent when
    it does not reach it), ``x, y`` a point inside it for a label. Coordinates are pixels of a
    ``width`` × ``height`` drawing (Albers equal-area conic, see docs/methods/maps.md).
    """
    from yindi.regions import registry
    from yindi.report import _mapdata as md

    paths = md.level_paths(level)
    reg = registry()
    regions = []
    for code in paths.codes:
        r = reg.get(code)
        x, y = paths.label_xy[code]
        item = {
            "code": code,
            "name_zh": r.short_zh,
            "name_en": r.name_en,
            "d": paths.main[code],
            "x": round(x, 1),
            "y": round(y, 1),
        }
        if code in paths.inset:
            item["inset"] = paths.inset[code]
        regions.append(item)
    main_sea, inset_sea = md.maritime_paths()
    bx, by, bw, bh = md.inset_box()
    doc = {
        "level": level,
        "width": md.WIDTH,
        "height": md.HEIGHT,
        "inset_box": [round(bx, 1), round(by, 1), round(bw, 1), round(bh, 1)],
        "inset_label": {"zh": "南海诸岛", "en": "South China Sea Islands"},
        "regions": regions,
        "maritime": {"main": main_sea, "inset": inset_sea},
        "province_outlines": "" if level == "province" else _province_outlines(),
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _province_outlines() -> str:
    from yindi.report import _mapdata as md

    prov = md.level_paths("province")
    return "".join(prov.main[c] for c in prov.codes)
