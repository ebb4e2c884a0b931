"""The files a study reads, and digests of their bytes (standard library only: no NumPy or pandas).

研究读取的文件及其字节摘要（只用标准库）。

A pack folder is read whole (``panel.csv``, ``indicators.csv`` and side files such as ``sector_electricity.csv``),
and the layout and coordination nodes also read the sibling packs' evidence files (``../cn-firms``,
``../cn-counties``; :func:`yindi.plan._paths.evidence_paths`). Hashing bytes is cheap (~10 ms for the provincial
pack and its siblings) and needs nothing loaded, so it is how a rebuild recognises unchanged inputs.
"""

from __future__ import annotations

import functools
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


#: Files under a pack folder that are never data: workspaces (DuckDB and its write-ahead log) and part files.
_NOT_DATA = (".duckdb", ".wal", ".part", ".tmp")


def source_files(data: str | None, *, skip: tuple[Path, ...] = ()) -> list[Path] | None:
    """Every file the study reads from disk: the data file, or every file under the pack folder, plus the
    evidence files beside it; ``None`` when ``data`` is not a path (e.g. a dataset name in the workspace).

    Hidden files, workspaces and half-written files are left out, and so is anything under the folders in
    ``skip`` (e.g. a report's output folder inside the pack folder)."""
    if data is None:
        return None
    root = Path(data)
    if root.is_file():
        return [root]
    if not root.is_dir():
        return None
    skipped = [s.resolve() for s in skip]
    inside = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and not p.name.endswith(_NOT_DATA)
        and not any(s == p.resolve() or s in p.resolve().parents for s in skipped)
    )
    return inside + evidence_files(data)


def files_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over each file's name (as given) and bytes, in the given order."""
    h = hashlib.sha256()
    for path in paths:
        st = path.stat()
        h.update(str(path).encode())
        h.update(b"\0")
        h.update(_file_sha(str(path.resolve()), st.st_mtime_ns, st.st_size))
    return h.hexdigest()


@functools.lru_cache(maxsize=256)
def _file_sha(path: str, mtime_ns: int, size: int) -> bytes:
    """SHA-256 of one file's bytes, read once per process while its modification time and size stay the same
    (the report cache and the node keys hash the same evidence files in one run)."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).digest()
