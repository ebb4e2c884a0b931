"""A workspace written by an older Yindi (another layout of the stored results) is not a traceback: its stored
results are dropped and recomputed, and the run says so; imported datasets stay."""

from __future__ import annotations

from pathlib import Path

import duckdb

from yindi.study.store import STORE_LAYOUT, ResultStore


def test_old_layout_is_dropped_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    # the layout before Arrow IPC blobs (no 'arrow' column), plus a user's imported dataset
    con.execute("CREATE TABLE node_results (key VARCHAR PRIMARY KEY, node VARCHAR)")
    con.execute("CREATE TABLE node_tables (key VARCHAR, name VARCHAR, position INTEGER, parquet BLOB)")
    con.execute("INSERT INTO node_results VALUES ('k', 'index')")
    con.execute("CREATE TABLE my_dataset (x INTEGER)")
    con.execute("INSERT INTO my_dataset VALUES (7)")
    con.close()

    with ResultStore(path) as store:
        assert store.reset
        assert store.get("k") is not None  # MISSING sentinel: nothing stored under the old key any more
        from yindi.study.store import MISSING

        assert store.get("k") is MISSING
    con = duckdb.connect(str(path))
    assert con.execute("SELECT x FROM my_dataset").fetchone() == (7,)
    assert con.execute("SELECT layout FROM store_layout").fetchone() == (STORE_LAYOUT,)
    con.close()
    with ResultStore(path) as again:
        assert not again.reset  # the current layout is kept
