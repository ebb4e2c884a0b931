"""Workspace safety: concurrent first imports never lose data; kill -9 mid-import changes nothing.

Finding (issue 15): two first imports started together on a path that did not exist yet — the loser failed on
the lock and then deleted the workspace file (and its WAL) the winner had just created and reported.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from pathlib import Path

import pytest
from tests.hostile._workers import import_and_hang, race_import, small_panel
from tests.hostile.cases import case

from yindi.data.workspace import Workspace


def _race(path: Path, delays: tuple[float, float]) -> list[tuple[str, str, str]]:
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=race_import, args=(str(path), f"d{i}", barrier, delays[i], results))
        for i in range(2)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    return [results.get(timeout=5) for _ in procs]


@case(
    "workspace",
    "two first imports race on a new workspace path",
    "both datasets kept (or a clear error that deletes nothing)",
    "safe",
)
@pytest.mark.parametrize("delays", [(0.0, 0.0), (0.5, 0.0), (0.0, 0.5)])
def test_racing_first_imports_lose_nothing(tmp_path: Path, delays: tuple[float, float]) -> None:
    path = tmp_path / "ws.duckdb"
    outcome = _race(path, delays)
    assert not [o for o in outcome if o[0] == "crash"], outcome
    succeeded = sorted(name for status, name, _ in outcome if status == "ok")
    assert succeeded, outcome
    assert path.exists(), f"the workspace file is gone after {outcome}"
    assert sorted(Workspace(path).datasets()["name"]) == succeeded
    for status, _, message in outcome:
        if status == "error":
            assert str(path) in message
    # nothing but the workspace itself is left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.duckdb"]


@case("workspace", "kill -9 in the middle of an import", "the workspace is exactly as before", "safe")
def test_kill_during_import_leaves_workspace_as_before(tmp_path: Path) -> None:
    path = tmp_path / "ws.duckdb"
    Workspace(path).import_panel("old", small_panel(1.0))
    marker = tmp_path / "marker"
    proc = mp.get_context("fork").Process(target=import_and_hang, args=(str(path), str(marker)))
    proc.start()
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert time.monotonic() < deadline and proc.is_alive(), "the import never reached its rows"
        time.sleep(0.02)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(10)
    ws = Workspace(path)
    assert ws.datasets()["name"].tolist() == ["old"]
    assert ws.load("old").value("北京", 2020, "gdp") == 1.0
    assert len(ws.load("old")) == 2


@case(
    "workspace",
    "kill -9 during the first import of a new workspace",
    "no half-written workspace; the next import works",
    "safe",
)
def test_kill_during_first_import_leaves_nothing_half_written(tmp_path: Path) -> None:
    path = tmp_path / "ws.duckdb"
    marker = tmp_path / "marker"
    proc = mp.get_context("fork").Process(target=import_and_hang, args=(str(path), str(marker)))
    proc.start()
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert time.monotonic() < deadline and proc.is_alive(), "the import never reached its rows"
        time.sleep(0.02)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(10)
    ws = Workspace(path)
    if path.exists():  # whatever is there must be readable and hold no half dataset
        assert "new" not in ws.datasets()["name"].tolist()
    ws.import_panel("again", small_panel(3.0))
    assert ws.load("again").value("北京", 2020, "gdp") == 3.0
