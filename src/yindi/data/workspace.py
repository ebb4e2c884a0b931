"""The workspace: an embedded DuckDB file holding imported datasets with their provenance.

工作区：一个 DuckDB 文件，保存导入的数据集及其来源。导入是原子的：要么全部写入，要么什么都不变。

Tables: ``datasets`` (one row per dataset: name, sources, checksums, time, repairs), ``observations`` (the
tidy rows) and ``indicators`` (metadata). An import validates everything first (building a Panel), then
writes inside one transaction; any failure rolls back, leaving the file exactly as before.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from yindi._defaults import WORKSPACE_ENV, WORKSPACE_FILE
from yindi.data._coded import CodedPanel
from yindi.data.panel import Indicator, Panel, Repair, make_panel
from yindi.errors import WorkspaceError

DEFAULT_PATH = WORKSPACE_FILE
ENV_VAR = WORKSPACE_ENV

#: DuckDB's memory limit while it stores an import's rows: the rows stream from the panel's own buffers and
#: finished blocks go to the file, so a small limit keeps DuckDB from caching them (a million rows: 29 MB instead
#: of 42 MB; ten million: 75 MB instead of 160 MB) at the same speed. Should DuckDB ever run out of memory
#: under it, the transaction is rolled back and the import run again without the limit.
INSERT_MEMORY_LIMIT = "64MB"
_OBS_COLUMNS = ("region_code", "region", "year", "indicator", "value", "unit")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS datasets (
    name VARCHAR PRIMARY KEY,
    imported_at TIMESTAMP,
    sources VARCHAR,      -- JSON list of {path, sha256, bytes}
    repairs VARCHAR,      -- JSON list of reported repairs
    n_rows BIGINT,
    yindi_version VARCHAR
);
CREATE TABLE IF NOT EXISTS observations (
    dataset VARCHAR, region_code VARCHAR, region VARCHAR, year INTEGER,
    indicator VARCHAR, value DOUBLE, unit VARCHAR
);
CREATE TABLE IF NOT EXISTS indicators (
    dataset VARCHAR, indicator VARCHAR, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR,
    source VARCHAR, note VARCHAR, direction INTEGER
);
"""


@dataclass(frozen=True)
class DatasetInfo:
    """One dataset's provenance as stored in the workspace."""

    name: str
    imported_at: _dt.datetime
    sources: list[dict[str, Any]]
    repairs: list[str]
    n_rows: int
    yindi_version: str


def file_digest(path: str | Path) -> dict[str, Any]:
    """Path, SHA-256 and size of a source file (for provenance)."""
    p = Path(path)
    if not p.is_file():
        return {"path": str(p), "sha256": None, "bytes": None}
    digest = hashlib.sha256()
    with open(p, "rb") as fh:  # in blocks: a 400 MB file is never held in memory for its checksum
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    h = digest.hexdigest()
    return {"path": str(p.resolve()), "sha256": h, "bytes": p.stat().st_size}


class Workspace:
    """A DuckDB workspace file. Open with ``Workspace(path)`` or :meth:`open_default`."""

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = Path(path)

    @classmethod
    def open_default(cls) -> Workspace:
        """The workspace named by ``$YINDI_WORKSPACE``, else ``./yindi.duckdb``."""
        return cls(os.environ.get(ENV_VAR, DEFAULT_PATH))

    @contextmanager
    def _connect(self, *, read_only: bool = False, path: Path | None = None) -> Iterator[Any]:
        """A DuckDB connection; every DuckDB failure becomes a :class:`WorkspaceError` saying what to do."""
        import duckdb

        target = self.path if path is None else path
        if read_only and not target.exists():
            raise WorkspaceError(
                f"{target}: no workspace here yet. Import data first: yindi data import FILE --name NAME "
                "(or pass --workspace PATH of an existing workspace).",
                zh=f"{target}：此处还没有工作区。请先导入数据：yindi data import 文件 --name 名称"
                "（或用 --workspace 指向已有的工作区）。",
            )
        if not target.parent.is_dir():
            raise WorkspaceError(
                f"{target}: the folder {target.parent} does not exist. Create it or choose another --workspace.",
                zh=f"{target}：文件夹 {target.parent} 不存在。请先创建，或换一个 --workspace。",
            )
        try:
            con = duckdb.connect(str(target), read_only=read_only)
        except duckdb.Error as exc:
            raise _workspace_error(target, exc) from None
        try:
            if not read_only:
                con.execute(_SCHEMA)
            yield con
        except duckdb.Error as exc:
            raise _workspace_error(target, exc) from None
        finally:
            con.close()

    # --- writing ------------------------------------------------------------------------------------------
    def import_panel(self, name: str, panel: Panel, *, replace: bool = False) -> DatasetInfo:
        """Store ``panel`` as dataset ``name`` in one transaction (all or nothing).

        Raises :class:`WorkspaceError` if the name exists and ``replace`` is false.
        """
        from yindi import __version__

        if not name or not name.replace("-", "").replace("_", "").isalnum():
            raise WorkspaceError(
                f"Dataset name {name!r}: use letters, digits, '-' and '_' (e.g. cn-provinces).",
                zh=f"数据集名称 {name!r}：只能使用字母、数字、'-' 和 '_'（如 cn-provinces）。",
            )
        # a streamed panel whose frame is not built yet gives its rows as dictionary-encoded Arrow columns
        coded = panel.arrow_table() if isinstance(panel, CodedPanel) else None
        obs = coded if coded is not None else panel.frame[list(_OBS_COLUMNS)]
        meta = pd.DataFrame(
            [
                {
                    "dataset": name,
                    "indicator": i.id,
                    "name_zh": i.name_zh,
                    "name_en": i.name_en,
                    "unit": i.unit,
                    "source": i.source,
                    "note": i.note,
                    "direction": i.direction,
                }
                for i in panel.indicators.values()
            ],
            columns=["dataset", "indicator", "name_zh", "name_en", "unit", "source", "note", "direction"],
        )
        info = DatasetInfo(
            name=name,
            imported_at=_dt.datetime.now().replace(microsecond=0),
            sources=[file_digest(s) for s in panel.sources],
            repairs=[str(r) for r in panel.repairs],
            n_rows=len(panel),
            yindi_version=__version__,
        )
        if not self.path.exists() and self._create(name, obs, meta, info):
            return info
        self._write(self.path, name, obs, meta, info, replace=replace)
        return info

    def _create(self, name: str, obs: Any, meta: pd.DataFrame, info: DatasetInfo) -> bool:
        """First import into a new workspace: build it in a private file, then publish it under the workspace
        name with a hard link, which fails if another process published one first.

        Returns False when another process created the workspace meanwhile (the caller then imports into
        theirs). A failure removes only this import's private file — never a workspace someone else made.
        """
        private = self.path.with_name(f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.importing")
        try:
            self._write(private, name, obs, meta, info, replace=False)
            try:
                os.link(private, self.path)
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links: publish unless someone else did
                if self.path.exists():
                    return False
                os.replace(private, self.path)
            return True
        finally:
            for mine in (private, private.with_name(private.name + ".wal")):
                mine.unlink(missing_ok=True)

    def _write(
        self,
        target: Path,
        name: str,
        obs: Any,  # a pandas frame, or an Arrow table of a CodedPanel
        meta: pd.DataFrame,
        info: DatasetInfo,
        *,
        replace: bool,
    ) -> None:
        import duckdb

        with self._connect(path=target) as con:
            for limit in (INSERT_MEMORY_LIMIT, None):
                con.execute("BEGIN TRANSACTION")
                try:
                    self._write_rows(con, name, obs, meta, info, replace=replace, memory_limit=limit)
                    con.execute("COMMIT")
                    break
                except duckdb.OutOfMemoryException:
                    con.execute("ROLLBACK")
                    con.execute("RESET memory_limit")  # not possible inside the aborted transaction
                    if limit is None:
                        raise
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
            if target != self.path:
                con.execute("CHECKPOINT")

    def _write_rows(
        self,
        con: Any,
        name: str,
        obs: Any,  # a pandas frame, or an Arrow table of a CodedPanel
        meta: pd.DataFrame,
        info: DatasetInfo,
        *,
        replace: bool,
        memory_limit: str | None,
    ) -> None:
        """The statements of one import, inside the caller's transaction."""
        import pyarrow as pa

        exists = con.execute("SELECT count(*) FROM datasets WHERE name = ?", [name]).fetchone()[0]
        if exists and not replace:
            raise WorkspaceError(
                f"{self.path}: dataset {name!r} exists. Choose another --name or pass --replace.",
                zh=f"{self.path}：数据集 {name!r} 已存在。请换一个 --name，或加 --replace 覆盖。",
            )
        for table in ("observations", "indicators", "datasets"):
            key = "name" if table == "datasets" else "dataset"
            con.execute(f"DELETE FROM {table} WHERE {key} = ?", [name])
        # Arrow over the frame's own buffers (no row objects, no copy); the dataset name is a parameter rather
        # than a column of a million copies of it
        rows = obs if isinstance(obs, pa.Table) else pa.Table.from_pandas(obs, preserve_index=False)
        con.register("obs_df", rows)
        if memory_limit is not None:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute(
            "INSERT INTO observations SELECT CAST(? AS VARCHAR), region_code, region, year, indicator, value, "
            "unit FROM obs_df",
            [name],
        )  # on failure the caller rolls back and resets the limit (an aborted transaction accepts only that)
        if memory_limit is not None:
            con.execute("RESET memory_limit")
        con.unregister("obs_df")
        con.register("meta_df", meta)
        con.execute("INSERT INTO indicators SELECT * FROM meta_df")
        self._after_rows_written(con)
        con.execute(
            "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?)",
            [
                name,
                info.imported_at,
                json.dumps(info.sources, ensure_ascii=False),
                json.dumps(info.repairs, ensure_ascii=False),
                info.n_rows,
                info.yindi_version,
            ],
        )

    def _after_rows_written(self, con: Any) -> None:
        """Hook between writing rows and the dataset record (tests inject a failure here)."""

    def remove(self, name: str) -> None:
        """Delete a dataset (atomic)."""
        if not self.path.exists():
            raise self._missing(name)
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                if not con.execute("SELECT count(*) FROM datasets WHERE name = ?", [name]).fetchone()[0]:
                    raise WorkspaceError(
                        f"{self.path}: no dataset {name!r}.", zh=f"{self.path}：没有数据集 {name!r}。"
                    )
                for table, key in (
                    ("observations", "dataset"),
                    ("indicators", "dataset"),
                    ("datasets", "name"),
                ):
                    con.execute(f"DELETE FROM {table} WHERE {key} = ?", [name])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # --- reading ------------------------------------------------------------------------------------------
    def datasets(self) -> pd.DataFrame:
        """One row per dataset: name, rows, indicators, regions, years, imported_at."""
        if not self.path.exists():
            return pd.DataFrame(
                columns=["name", "rows", "indicators", "regions", "first_year", "last_year", "imported_at"]
            )
        with self._connect(read_only=True) as con:
            frame: pd.DataFrame = con.execute(
                """
                SELECT d.name, d.n_rows AS rows, count(DISTINCT o.indicator) AS indicators,
                       count(DISTINCT o.region_code) AS regions, min(o.year) AS first_year,
                       max(o.year) AS last_year, d.imported_at
                FROM datasets d LEFT JOIN observations o ON o.dataset = d.name
                GROUP BY d.name, d.n_rows, d.imported_at ORDER BY d.name
                """
            ).df()
        return frame

    def info(self, name: str) -> DatasetInfo:
        with self._connect(read_only=True) as con:
            row = con.execute("SELECT * FROM datasets WHERE name = ?", [name]).fetchone()
        if row is None:
            raise self._missing(name)
        return DatasetInfo(row[0], row[1], json.loads(row[2]), json.loads(row[3]), int(row[4]), row[5])

    def load(self, name: str) -> Panel:
        """The dataset as a Panel, with its stored provenance."""
        info = self.info(name)
        with self._connect(read_only=True) as con:
            frame = con.execute(
                "SELECT region_code, region, year, indicator, value, unit FROM observations WHERE dataset = ?",
                [name],
            ).df()
            meta = con.execute("SELECT * FROM indicators WHERE dataset = ?", [name]).df()
        indicators = {
            r.indicator: Indicator(
                r.indicator, r.name_zh, r.name_en, r.unit, r.source, r.note, int(r.direction)
            )
            for r in meta.itertuples()
        }
        repairs = [
            Repair(f"workspace:{name}", None, None, "reported at import", text, "") for text in info.repairs
        ]
        return make_panel(
            frame,
            indicators,
            repairs=repairs,
            sources=[s["path"] for s in info.sources],
            origin=f"workspace:{name}",
        )

    def _missing(self, name: str) -> WorkspaceError:
        """The error for a dataset ``name`` that is not in the workspace (naming those that are)."""
        if not self.path.exists():
            return WorkspaceError(
                f"{self.path}: no workspace here yet, so no dataset {name!r}. Check --workspace / $YINDI_WORKSPACE.",
                zh=f"{self.path}：此处还没有工作区，因此没有数据集 {name!r}。请检查 --workspace / $YINDI_WORKSPACE。",
            )
        names = self.datasets()["name"].tolist()
        known = ", ".join(names) if names else "none yet"
        known_zh = "、".join(names) if names else "尚无"
        return WorkspaceError(
            f"{self.path}: no dataset {name!r} (datasets: {known}).",
            zh=f"{self.path}：没有数据集 {name!r}（现有数据集：{known_zh}）。",
        )


def combine(panels: Sequence[Panel], origin: str = "<combined>") -> Panel:
    """One panel from several (checks conflicts across them like within one file)."""
    if len(panels) == 1:
        return panels[0]
    frame = pd.concat(
        [p.frame.assign(_file=p.sources[0] if p.sources else f"input {i + 1}") for i, p in enumerate(panels)],
        ignore_index=True,
    )
    meta: dict[str, Indicator] = {}
    for p in panels:
        meta.update(p.indicators)
    repairs = [r for p in panels for r in p.repairs]
    sources = [s for p in panels for s in p.sources]
    return make_panel(frame, meta, repairs=repairs, sources=sources, origin=origin)


def _workspace_error(path: Path, exc: Exception) -> WorkspaceError:
    """A DuckDB failure as a bilingual :class:`WorkspaceError` that says what to do."""
    text = str(exc)
    if "set lock" in text or "Conflicting lock" in text:
        return WorkspaceError(
            f"{path}: the workspace is in use by another program (another yindi import or a DuckDB session). "
            f"Wait until it finishes and run the command again. ({text.splitlines()[0]})",
            zh=f"{path}：工作区正被另一个程序使用（另一个 yindi 导入或 DuckDB 会话）。请等其结束后重试。",
        )
    if "checksum" in text.lower() or "corrupt" in text.lower() or "not a valid DuckDB" in text:
        return WorkspaceError(
            f"{path}: the workspace file is damaged or is not a Yindi workspace ({text.splitlines()[0]}). "
            "Restore it from a backup, or move it aside and import the data again into a new workspace.",
            zh=f"{path}：工作区文件已损坏或不是 Yindi 工作区。请从备份恢复，或将其移走后重新导入数据。",
        )
    return WorkspaceError(
        f"{path}: cannot read or write the workspace ({text.splitlines()[0] if text else type(exc).__name__}).",
        zh=f"{path}：无法读写工作区。",
    )
