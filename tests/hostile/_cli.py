"""Run the real ``yindi`` entry point (:func:`yindi.cli.main`) in-process and capture what a user sees."""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run(*args: str | Path) -> CliRun:
    """``yindi ARGS`` through :func:`yindi.cli.main` (error display, warning display, exit code)."""
    from yindi.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["yindi", *map(str, args)]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return CliRun(code, out.getvalue(), err.getvalue())


def assert_clear_error(result: CliRun, *needles: str) -> None:
    """Exit code 1, the bilingual error banner, no traceback, and each ``needle`` in the message."""
    assert result.code != 0, result.text
    assert "Traceback" not in result.text, result.text
    assert "错误 Error:" in result.err, result.text
    flat = " ".join(result.err.split())
    for needle in needles:
        assert needle in flat, f"{needle!r} not in: {result.err}"


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
