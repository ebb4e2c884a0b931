"""A fingerprint of the code that computes results, part of every stored result's key.

计算代码指纹：存储结果的键包含计算层源码（及其数据文件）的摘要，升级或修改代码后旧结果不会被误用。

Node versions (:data:`yindi.study.nodes.NODES`) mark deliberate changes of a node's output, but a fix anywhere
below a node (a kernel, a label, a note) changes its results too; hashing the computing packages' files makes a
stored result valid only for the code that produced it. The rendering layers (report, CLI, API, web) are left
out: they read results and never change them.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

__all__ = ["code_fingerprint"]

#: Sub-packages that only render or serve results (not part of the fingerprint).
_RENDERING = frozenset({"report", "cli", "api", "web", "__pycache__"})
#: Files that hold code or the data the code computes with (taxonomy, concordances, presets, geometry tables).
_SUFFIXES = frozenset({".py", ".csv", ".toml", ".json", ".txt", ".tsv"})
#: Files that only the rendering layers use (templates, the dashboard's scripts and styles).
_RENDERING_SUFFIXES = frozenset({".html", ".js", ".css", ".svg", ".md"})


@lru_cache(maxsize=2)
def code_fingerprint(rendering: bool = False) -> str:
    """SHA-256 over the relative path and bytes of every code and data file of the computing packages.

    With ``rendering=True`` the report, CLI, API and dashboard files count too (the key of a rendered report).
    """
    root = Path(__file__).resolve().parents[1]
    suffixes = _SUFFIXES | _RENDERING_SUFFIXES if rendering else _SUFFIXES
    files: list[tuple[str, str]] = []
    for folder, dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        if rel == "." and not rendering:
            dirs[:] = [d for d in dirs if d not in _RENDERING]
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [
            (os.path.join(rel, n).replace(os.sep, "/"), os.path.join(folder, n))
            for n in names
            if os.path.splitext(n)[1] in suffixes
        ]
    h = hashlib.sha256()
    for rel, full in sorted(files):
        with open(full, "rb") as f:
            h.update(rel.encode() + b"\0" + f.read())
    return h.hexdigest()
