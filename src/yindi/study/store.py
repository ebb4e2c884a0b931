"""Stored node results in the DuckDB workspace, keyed by a digest of everything a node reads.

结果存储：节点结果保存在 DuckDB 工作区中，键为数据摘要、节点选项、分析范围等的 SHA-256；输入不变时直接读回。

Tables: ``node_results`` (key, node, absent, meta and notes as JSON, time, version) and ``node_tables``
(key, table name, position, Arrow IPC bytes); a result is written in one transaction. ``rendered_files`` keeps
files rendered from results (the report workbook) under the SHA-256 of their content tables, so an unchanged
workbook is copied instead of written cell by cell again.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yindi.errors import WorkspaceError
from yindi.study.result import NodeResult

if TYPE_CHECKING:
    import pandas as pd

_SCHEMA = """
CREATE TABLE IF NOT EXISTS node_results (
    key VARCHAR PRIMARY KEY, node VARCHAR, absent BOOLEAN, meta VARCHAR, notes VARCHAR,
    created_at TIMESTAMP, yindi_version VARCHAR
);
CREATE TABLE IF NOT EXISTS node_tables (key VARCHAR, name VARCHAR, position INTEGER, arrow BLOB);
CREATE TABLE IF NOT EXISTS rendered_files (key VARCHAR PRIMARY KEY, content BLOB, created_at TIMESTAMP);
"""

#: Returned by :meth:`ResultStore.get` when nothing is stored under a key.
MISSING = object()


def _json_default(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    raise TypeError(f"meta value {value!r} ({type(value).__name__}) is not JSON-serialisable")


def table_to_bytes(frame: pd.DataFrame) -> bytes:
    """A table as an Arrow IPC stream (index and pandas dtypes kept); column names must be strings."""
    import pyarrow as pa

    bad = [c for c in frame.columns if not isinstance(c, str)]
    if bad:
        raise TypeError(f"stored tables need string column names; got {bad[:5]}")
    table = pa.Table.from_pandas(frame)
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def table_from_bytes(data: bytes) -> pd.DataFrame:
    import pyarrow as pa

    frame: pd.DataFrame = pa.ipc.open_stream(data).read_all().to_pandas()
    return frame


#: Layout of the stored results; bump it when the tables change. Stored results are a cache of computations:
#: a workspace holding another layout has them dropped and recomputed (imported datasets are not touched).
STORE_LAYOUT = 2


def _reset_if_old(con: Any) -> bool:
    """Drop stored results written in another layout (an older Yindi); return whether any were dropped."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "node_results" not in tables and "node_tables" not in tables:
        return False
    layout = None
    if "store_layout" in tables:
        row = con.execute("SELECT max(layout) FROM store_layout").fetchone()
        layout = row[0] if row else None
    if layout == STORE_LAYOUT:
        return False
    for name in ("node_tables", "node_results", "rendered_files", "store_layout"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    return True


class ResultStore:
    """Node results in a DuckDB file (the workspace). One connection for the life of the object."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(str(self.path))
            self.reset = _reset_if_old(self._con)
            self._con.execute(_SCHEMA)
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS store_layout (layout INTEGER); DELETE FROM store_layout; "
                f"INSERT INTO store_layout VALUES ({STORE_LAYOUT})"
            )
        except (duckdb.Error, OSError) as exc:
            raise WorkspaceError(
                f"{self.path}: cannot open the workspace to store results ({exc}). Pass another --workspace "
                "or set YINDI_WORKSPACE.",
                zh=f"{self.path}：无法打开工作区以保存结果（{exc}）。请用 --workspace 或 YINDI_WORKSPACE 指定其他文件。",
            ) from None

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, key: str) -> NodeResult | object | None:
        """The stored result (``None`` for a stored "absent"), or :data:`MISSING`."""
        row = self._con.execute(
            "SELECT node, absent, meta, notes FROM node_results WHERE key = ?", [key]
        ).fetchone()
        if row is None:
            return MISSING
        node, absent, meta, notes = row
        if absent:
            return None
        parts = self._con.execute(
            "SELECT name, arrow FROM node_tables WHERE key = ? ORDER BY position", [key]
        ).fetchall()
        tables = {name: table_from_bytes(blob) for name, blob in parts}
        return NodeResult(node, tables, json.loads(meta), tuple(json.loads(notes)))

    def put(self, key: str, node: str, result: NodeResult | None) -> None:
        """Store one node's result (``None``: the data lack what the node needs) in one transaction."""
        from yindi import __version__

        blobs = [] if result is None else [(n, table_to_bytes(t)) for n, t in result.tables.items()]
        meta = "{}" if result is None else json.dumps(dict(result.meta), default=_json_default)
        notes = "[]" if result is None else json.dumps(list(result.notes))
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM node_tables WHERE key = ?", [key])
            con.execute("DELETE FROM node_results WHERE key = ?", [key])
            con.execute(
                "INSERT INTO node_results VALUES (?, ?, ?, ?, ?, ?, ?)",
                [key, node, result is None, meta, notes, _dt.datetime.now(), __version__],
            )
            for i, (name, blob) in enumerate(blobs):
                con.execute("INSERT INTO node_tables VALUES (?, ?, ?, ?)", [key, name, i, blob])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def get_file(self, key: str) -> bytes | None:
        """A rendered file stored under the digest of its content's inputs (e.g. the report workbook)."""
        row = self._con.execute("SELECT content FROM rendered_files WHERE key = ?", [key]).fetchone()
        return None if row is None else bytes(row[0])

    def put_file(self, key: str, content: bytes) -> None:
        self._con.execute("DELETE FROM rendered_files WHERE key = ?", [key])
        self._con.execute("INSERT INTO rendered_files VALUES (?, ?, ?)", [key, content, _dt.datetime.now()])

    def keys(self, node: str | None = None) -> list[str]:
        """Stored keys (of one node)."""
        if node is None:
            rows = self._con.execute("SELECT key FROM node_results").fetchall()
        else:
            rows = self._con.execute("SELECT key FROM node_results WHERE node = ?", [node]).fetchall()
        return [r[0] for r in rows]
