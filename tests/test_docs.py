"""Documentation examples are real code: every ```python block of the user guide runs, and every CLI
command is documented in docs/cli.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import typer

from conftest import REPO

GUIDE = sorted((REPO / "docs").glob("*.md")) + sorted((REPO / "docs" / "methods").glob("*.md"))


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in GUIDE:
        text = page.read_text(encoding="utf-8")
        for i, m in enumerate(re.finditer(r"```python\n(.*?)```", text, flags=re.S)):
            found.append((str(page.relative_to(REPO)), i, m.group(1)))
    return found


@pytest.mark.parametrize(
    ("page", "index", "code"), _blocks(), ids=lambda v: str(v)[:40] if isinstance(v, str) else str(v)
)
def test_python_examples_run(page: str, index: int, code: str, tmp_path: Path, provinces_dir: Path) -> None:
    # Run inside a scratch folder whose ../shared points at the real data, as in a checkout.
    work = tmp_path / "repo"
    work.mkdir()
    (tmp_path / "shared").symlink_to(provinces_dir.parent.parent, target_is_directory=True)
    cwd = Path.cwd()
    os.chdir(work)
    try:
        exec(compile(code, f"{page}[{index}]", "exec"), {"__name__": "__docs__"})
    finally:
        os.chdir(cwd)


def _command_paths(app: typer.Typer, prefix: str = "yindi") -> list[str]:
    paths = []
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__ if info.callback else "")
        paths.append(f"{prefix} {name}")
    for group in app.registered_groups:
        assert group.typer_instance is not None
        paths.extend(_command_paths(group.typer_instance, f"{prefix} {group.name}"))
    return paths


def test_every_cli_command_is_documented() -> None:
    from yindi.cli import app

    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [p for p in _command_paths(app) if f"## {p}" not in text]
    assert not missing, f"document these commands in docs/cli.md: {missing}"
