"""Start-up stays fast: importing the CLI must not import NumPy, pandas or the models.

This is the deterministic proxy for "yindi --help under 1 s" (the timed figure is in docs/benchmarks.md).
"""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_cli_import_pulls_in_no_heavy_modules() -> None:
    code = (
        "import sys; import yindi.cli; "
        "heavy = [m for m in ('numpy', 'pandas', 'scipy', 'duckdb', 'shapely', 'highspy', 'matplotlib') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
    )
    assert out.stdout.strip() == ""


def test_help_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "yindi", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "", "COLUMNS": "200"},
    )
    for command in ("report", "data"):
        assert command in out.stdout


def test_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "yindi", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": ""},
    )
    assert out.returncode == 0 and out.stdout.startswith("yindi ")
