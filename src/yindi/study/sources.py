"""The files a study reads, and digests of their bytes (standard library only: no NumPy or pandas).

研究读取的文件及其字节摘要（只用标准库）。

A pack folder is read whole (``panel.csv``, ``indicators.csv`` and side files such as ``sector_electricity.csv``),
and the layout and coordination nodes also read the sibling packs' evidence files (``../cn-firms``,
``../cn-counties``; :func:`yindi.plan._paths.evidence_paths`). Hashing bytes is cheap (~10 ms for the provincial
pack and its siblings) and needs nothing loaded, so it is how a rebuild recognises unchanged inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["evidence_files", "files_digest", "source_files"]


def evidence_files(data: str | None) -> list[Path]:
    """The sibling packs' evidence files that exist beside the pack folder ``data`` (none for a file)."""
    from yindi.plan._paths import evidence_paths

    if data is None or not Path(data).is_dir():
        return []
    root = Path(data)
    return [p for p in evidence_paths(root).values() if p.is_file() and root not in p.parents]


def source_files(data: str | None) -> list[Path] | None:
    """Every file the study reads from disk: the data file, or every file under the pack folder, plus the
    evidence files beside it; ``None`` when ``data`` is not a path (e.g. a dataset name in the workspace)."""
    if data is None:
        return None
    root = Path(data)
    if root.is_file():
        return [root]
    if not root.is_dir():
        return None
    inside = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    return inside + evidence_files(data)


def files_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over each file's name (as given) and bytes, in the given order."""
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path).encode())
        h.update(b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
