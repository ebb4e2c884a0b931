"""Workspace errors a user can cause: a missing path, a damaged file, a dataset name used as an injection."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hostile._cli import assert_clear_error, has_chinese, run
from tests.hostile._workers import small_panel
from tests.hostile.cases import case

from yindi.data.workspace import Workspace
from yindi.errors import WorkspaceError


@case(
    "workspace",
    "`data list` / `data show` / `data remove` on a workspace path that does not exist",
    "an error saying there is no workspace there (not 'empty'); no file is created",
)
def test_missing_workspace_is_not_empty(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.duckdb"
    for args in (["data", "list", "-w", path], ["data", "show", "x", "-w", path]):
        res = run(*args)
        assert_clear_error(res, str(path), "no workspace")
        assert "empty" not in res.err and has_chinese(res.err)
    with pytest.raises(WorkspaceError, match="no workspace"):
        Workspace(path).remove("x")
    assert not path.exists()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(5000, min(len(data), 12000)):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@case(
    "workspace",
    "a damaged workspace file (DuckDB checksum error)",
    "an error naming the file and how to recover",
)
def test_corrupted_workspace(tmp_path: Path) -> None:
    path = tmp_path / "ws.duckdb"
    Workspace(path).import_panel("a", small_panel(1.0, rows=4))
    _corrupt(path)
    for args in (["data", "list", "-w", path], ["data", "show", "a", "-w", path]):
        res = run(*args)
        assert_clear_error(res, str(path), "damaged")


@case("workspace", "a file that is not a DuckDB database given as the workspace", "an error naming the file")
def test_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("meeting notes, not a database", encoding="utf-8")
    assert_clear_error(run("data", "list", "-w", path), str(path), "not a Yindi workspace")
    assert path.read_text(encoding="utf-8") == "meeting notes, not a database"


@case(
    "workspace", "SQL and path injection in dataset names", "the name is refused; the workspace is unchanged"
)
@pytest.mark.parametrize(
    "name", ["a'; DROP TABLE datasets; --", "../../etc/passwd", "a b", 'x"y', "名称;--", "", "a\x00b"]
)
def test_injection_in_dataset_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / "ws.duckdb"
    ws = Workspace(path)
    ws.import_panel("keep", small_panel(1.0))
    with pytest.raises(WorkspaceError, match="use letters"):
        ws.import_panel(name, small_panel(2.0))
    with pytest.raises(WorkspaceError):
        ws.load(name)
    assert ws.datasets()["name"].tolist() == ["keep"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.duckdb"]
