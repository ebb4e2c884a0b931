"""Nodes computed in forked workers give exactly what they give one after another; a worker's error, crash or
warning reaches the user as it would without workers; ``YINDI_WORKERS`` is checked."""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from yindi.errors import MethodWarning, ParameterError
from yindi.study import Study, _fork, run

pytestmark = pytest.mark.skipif(not _fork.can_fork(), reason="forked workers are used on Linux only")


def _square(name: str, inputs: int) -> int:
    return inputs * inputs


def _mixed(name: str, inputs: object) -> object:
    if name == "bad":
        raise ParameterError("no good", zh="不行")
    if name == "bug":
        raise ZeroDivisionError("bug")
    if name == "dies":
        os._exit(3)
    if name == "warns":
        warnings.warn("careful", MethodWarning, stacklevel=1)
    return name


def test_workers_return_each_result() -> None:
    with _fork.Workers(2, _square) as pool:
        got = {}
        for i in range(7):
            if not pool.idle():
                o = pool.wait()
                got[o.name] = o.value
            pool.submit(str(i), i)
        while pool.busy():
            o = pool.wait()
            got[o.name] = o.value
    assert got == {str(i): i * i for i in range(7)}


def test_error_crash_and_warning_come_back() -> None:
    with _fork.Workers(1, _mixed) as pool:
        outcomes = {}
        for name in ("bad", "bug", "warns", "dies"):
            pool.submit(name, None)
            outcomes[name] = pool.wait()
        assert not pool.alive()  # the worker that died is not replaced
    assert outcomes["bad"].kind == "error" and outcomes["bad"].value.zh == "不行"
    assert outcomes["bug"].kind == "crash" and "ZeroDivisionError" in outcomes["bug"].value
    assert outcomes["dies"].kind == "crash"
    assert outcomes["warns"].kind == "ok" and outcomes["warns"].value == "warns"
    with pytest.warns(MethodWarning, match="careful"):
        _fork.reissue(outcomes["warns"])


@pytest.mark.parametrize("raw", ["0", "-2", "two"])
def test_workers_env_is_checked(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(_fork.WORKERS_ENV, raw)
    with pytest.raises(ParameterError) as err:
        _fork.workers()
    assert "YINDI_WORKERS" in str(err.value) and err.value.zh and "整数" in err.value.zh


def test_workers_env_and_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_fork.WORKERS_ENV, "3")
    assert _fork.workers() == 3
    monkeypatch.delenv(_fork.WORKERS_ENV)
    assert 1 <= _fork.workers() <= _fork.MAX_DEFAULT_WORKERS


def _frames_equal(a: object, b: object) -> None:
    assert type(a) is type(b)
    if a is None:
        return
    assert a.meta == b.meta and a.notes == b.notes  # type: ignore[attr-defined]
    assert list(a.tables) == list(b.tables)  # type: ignore[attr-defined]
    for name in a.tables:  # type: ignore[attr-defined]
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_exact=True)  # type: ignore[attr-defined]


def test_parallel_run_equals_sequential(panel, provinces_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    study = Study(data=str(provinces_dir), options={"index": {"draws": 50}, "disparity": {"bootstrap": 0}})
    monkeypatch.setenv(_fork.WORKERS_ENV, "1")
    one = run(study, panel, store=False)
    monkeypatch.setenv(_fork.WORKERS_ENV, "2")
    two = run(study, panel, store=False)
    assert one.computed == two.computed and len(one.computed) >= 10  # NODES order whatever finished first
    assert dict(one.failures) == dict(two.failures)
    for name in one.results:
        _frames_equal(one.results[name], two.results[name])


def test_a_bug_in_a_worker_surfaces_in_process(
    panel, provinces_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A node that fails with an unexpected exception is computed again in the parent: the user sees the
    real exception (not a hang, not a lost node)."""
    import yindi.study.nodes.coverage as coverage

    def broken(*args: object) -> None:
        raise ZeroDivisionError("broken node")

    monkeypatch.setattr(coverage, "compute", broken)
    monkeypatch.setenv(_fork.WORKERS_ENV, "2")
    study = Study(data=str(provinces_dir))
    with pytest.raises(ZeroDivisionError, match="broken node"):
        run(study, panel, nodes=["coverage", "key_indicators"], store=False)


def test_outside_the_main_thread_nodes_run_in_process(
    panel, provinces_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(_fork.WORKERS_ENV, "2")
    seen: list[bool] = []
    out: list[object] = []

    def work() -> None:
        seen.append(_fork.can_fork())
        study = replace(Study(data=str(provinces_dir)), seed=1)
        out.append(run(study, panel, nodes=["coverage", "key_indicators"], store=False))

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen == [False] and out and out[0].computed == ("coverage", "key_indicators")  # type: ignore[attr-defined]


def test_report_is_the_same_with_and_without_workers(
    panel, provinces_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Nodes in workers and sections rendered partly in a forked helper: the same HTML (apart from the
    generation time) and the same workbook bytes as everything in one process."""
    import re

    from yindi.report.national import build_report

    study = Study(data=str(provinces_dir), options={"index": {"draws": 50}, "disparity": {"bootstrap": 0}})
    pages, books = [], []
    for w in ("1", "2"):
        monkeypatch.setenv(_fork.WORKERS_ENV, w)
        out = build_report(study, tmp_path / w, panel=panel, store=False)
        pages.append(re.sub(r'<span id="generated">.*?</span>', "", out.html.read_text(encoding="utf-8")))
        books.append(out.excel.read_bytes())
        assert len(out.section_ids) == 10 and not out.skipped
    assert pages[0] == pages[1]
    assert books[0] == books[1]
