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


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the relative path and bytes of every code and data file of the computing packages."""
    root = Path(__file__).resolve().parents[1]
    files: list[tuple[str, str]] = []
    for folder, dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        if rel == ".":
            dirs[:] = [d for d in dirs if d not in _RENDERING]
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [
            (os.path.join(rel, n).replace(os.sep, "/"), os.path.join(folder, n))
            for n in names
            if os.path.splitext(n)[1] in _SUFFIXES
        ]
    h = hashlib.sha256()
    for rel, full in sorted(files):
        with open(full, "rb") as f:
            h.update(rel.encode() + b"\0" + f.read())
    return h.hexdigest()
