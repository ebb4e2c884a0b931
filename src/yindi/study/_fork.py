"""Independent analysis nodes computed at the same time, each in a forked child process.

并行计算：互不依赖的分析节点各在一个 fork 出的子进程中计算，结果经管道以 pickle 传回主进程。

The pipeline (:func:`yindi.study.pipeline.run`) hands a node's ``compute`` to :meth:`Forks.start`; the child
inherits the loaded data and imported modules (fork, copy-on-write), computes, and writes the pickled
:class:`Outcome` to a pipe; the parent stores results and starts the nodes that depended on them. Only the
parent touches the workspace. A child never returns to the caller's code: it ends with ``os._exit``.

Used only where forking is safe and cheap: Linux, the main thread (a web server's worker threads compute in
process), and more than one worker (``$YINDI_WORKERS``; ``1`` computes every node in process, as before).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from yindi.errors import ParameterError, YindiError

#: Environment variable: how many nodes are computed at once (default: the CPUs this process may use, ≤ 4).
WORKERS_ENV = "YINDI_WORKERS"
MAX_DEFAULT_WORKERS = 4


def workers() -> int:
    """How many nodes are computed at once: ``$YINDI_WORKERS``, else the CPUs this process may use (at most
    :data:`MAX_DEFAULT_WORKERS`)."""
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if raw:
        try:
            n = int(raw)
        except ValueError:
            n = 0
        if n < 1:
            raise ParameterError(
                f"{WORKERS_ENV}={raw!r}: give a whole number ≥ 1 (1 computes the analyses one after another).",
                zh=f"{WORKERS_ENV}={raw!r}：应为不小于 1 的整数（1 表示逐个计算各项分析）。",
            )
        return n
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_WORKERS))


def can_fork() -> bool:
    """Whether nodes may be computed in forked children here (Linux, called from the main thread)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.current_thread() is threading.main_thread()
    )


@dataclass
class Outcome:
    """What a child sends back.

    ``kind`` is ``"ok"`` (``value``: the node's result), ``"error"`` (``value``: the :class:`YindiError` it
    raised) or ``"crash"`` (``value``: the traceback of anything else, or of a result that could not be
    pickled; the pipeline then computes the node in process, so the error surfaces as it would without
    workers). ``warnings``: ``(message, category, filename, lineno)`` of each warning raised, re-issued in the
    parent so its filters and display apply.
    """

    name: str
    kind: str
    value: Any
    seconds: float = 0.0
    warnings: list[tuple[Any, type[Warning], str, int]] = field(default_factory=list)


def _run_child(name: str, fn: Callable[[], Any]) -> bytes:
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome = Outcome(name, "ok", fn())
        except YindiError as exc:
            outcome = Outcome(name, "error", exc)
        except Exception:
            outcome = Outcome(name, "crash", traceback.format_exc())
    outcome.seconds = time.perf_counter() - start
    outcome.warnings = [(w.message, w.category, w.filename, w.lineno) for w in caught]
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return pickle.dumps(Outcome(name, "crash", traceback.format_exc(), outcome.seconds))


def _write_message(fd: int, payload: bytes) -> None:
    view = memoryview(len(payload).to_bytes(8, "little") + payload)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int) -> bytes | None:
    """``size`` bytes from ``fd``; ``None`` at end of file before that."""
    parts: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def _read_message(fd: int) -> bytes | None:
    head = _read_exactly(fd, 8)
    if head is None:
        return None
    return _read_exactly(fd, int.from_bytes(head, "little"))


@dataclass
class _Worker:
    pid: int
    tasks: int  # write end: the parent sends (node, inputs)
    results: int  # read end: the child sends outcomes
    busy: str | None = None


class Workers:
    """Forked worker processes, each computing one node at a time with ``compute(name, inputs)``.

    The workers are forked when the pool is made, so they hold what the parent had then (the loaded data,
    imported modules); a worker keeps the modules its nodes import for the next node it gets. Only the
    inputs a node reads are sent to it (pickled); its :class:`Outcome` comes back the same way.
    """

    def __init__(self, count: int, compute: Callable[[str, Any], Any]) -> None:
        self._workers: list[_Worker] = []
        self._unsent: list[str] = []
        self._sel = selectors.DefaultSelector()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            with contextlib.suppress(AttributeError, OSError, ValueError):
                stream.flush()
        try:
            for _ in range(count):
                self._fork(compute)
        except BaseException:
            self.close()
            raise

    def _fork(self, compute: Callable[[str, Any], Any]) -> None:
        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # Python ≥ 3.12 on forking with threads alive
            pid = os.fork()
        if pid == 0:  # the child: serve tasks until told to stop, then leave without the parent's clean-up
            code = 1
            try:
                os.close(task_w)
                os.close(res_r)
                for other in self._workers:  # the earlier workers' pipes belong to the parent
                    os.close(other.tasks)
                    os.close(other.results)
                while (message := _read_message(task_r)) is not None and message:
                    name, inputs = pickle.loads(message)
                    _write_message(res_w, _run_child(name, partial(compute, name, inputs)))
                code = 0
            finally:
                os._exit(code)
        os.close(task_r)
        os.close(res_w)
        worker = _Worker(pid, task_w, res_r)
        self._workers.append(worker)
        self._sel.register(res_r, selectors.EVENT_READ, worker)

    def alive(self) -> bool:
        """Whether any worker is left (a worker that died is not replaced)."""
        return bool(self._workers)

    def idle(self) -> bool:
        """Whether a worker is free for another node."""
        return not self._unsent and any(w.busy is None for w in self._workers)

    def busy(self) -> int:
        """How many nodes were given out and not yet returned by :meth:`wait`."""
        return sum(w.busy is not None for w in self._workers) + len(self._unsent)

    def submit(self, name: str, inputs: Any) -> None:
        """Give node ``name`` with its ``inputs`` to a free worker."""
        worker = next(w for w in self._workers if w.busy is None)
        try:
            message = pickle.dumps((name, inputs), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            self._unsent.append(name)  # reported as a crash by :meth:`wait` (computed in process)
            return
        worker.busy = name
        try:
            _write_message(worker.tasks, message)
        except OSError:
            worker.busy = None
            self._retire(worker)
            self._unsent.append(name)

    def wait(self) -> Outcome:
        """Block until a worker has finished its node; its outcome (``"crash"`` when the worker died)."""
        outcome = self.poll(None)
        assert outcome is not None
        return outcome

    def poll(self, timeout: float | None = 0) -> Outcome | None:
        """The outcome of a finished node, waiting at most ``timeout`` seconds (``None``: until one finishes);
        ``None`` when none finished in time."""
        if self._unsent:
            return Outcome(self._unsent.pop(0), "crash", "the node could not be given to a worker")
        while True:
            if not any(w.busy is not None for w in self._workers):
                return None
            events = self._sel.select(timeout)
            if not events:
                return None
            for key, _ in events:
                worker: _Worker = key.data
                if worker.busy is None:  # an idle worker's pipe is readable only when it has died
                    self._retire(worker)
                    continue
                name, worker.busy = worker.busy, None
                message = _read_message(worker.results)
                try:
                    if message is None:
                        raise EOFError
                    outcome: Outcome = pickle.loads(message)
                except Exception:
                    self._retire(worker)
                    return Outcome(name, "crash", "the worker process ended without a result")
                return outcome

    def _retire(self, worker: _Worker, *, kill: bool = True) -> None:
        """Close a worker's pipes and reap it (killed first unless it was told to leave)."""
        self._sel.unregister(worker.results)
        if kill:
            with contextlib.suppress(OSError):
                os.kill(worker.pid, signal.SIGKILL)
        for fd in (worker.tasks, worker.results):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.waitpid(worker.pid, 0)
        self._workers.remove(worker)

    def close(self) -> None:
        """Stop the workers: idle ones are told to leave, busy ones (the parent is leaving early) killed."""
        for worker in list(self._workers):
            idle = worker.busy is None
            if idle:
                try:
                    _write_message(worker.tasks, b"")
                except OSError:
                    idle = False
            self._retire(worker, kill=not idle)
        self._sel.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def reissue(outcome: Outcome) -> None:
    """Raise again, in the parent, the warnings the child's computation raised."""
    for message, category, filename, lineno in outcome.warnings:
        warnings.warn_explicit(message, category, filename, lineno)
