"""Every flag a documented ``yindi ...`` command line uses exists on that command (README and docs/)."""

from __future__ import annotations

import re

import typer

from conftest import REPO
from yindi.cli import app

PAGES = [
    REPO / "README.md",
    *sorted((REPO / "docs").glob("*.md")),
    *sorted((REPO / "docs" / "methods").glob("*.md")),
]


def _options() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}

    def walk(cmd: object, path: list[str]) -> None:
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
            return
        names = {"--help"}
        for p in cmd.params:  # type: ignore[attr-defined]
            names.update(p.opts)
            names.update(getattr(p, "secondary_opts", []))
        found[" ".join(path)] = names

    walk(typer.main.get_command(app), [])
    return found


def test_documented_flags_exist() -> None:
    options = _options()
    bad = []
    for page in PAGES:
        for line in page.read_text(encoding="utf-8").splitlines():
            for m in re.finditer(r"yindi ((?:[a-z]+ ?){1,2})([^`\n#]*)", line):
                words = m.group(1).split()
                cmd = " ".join(words) if " ".join(words) in options else words[0]
                if cmd not in options:
                    continue
                for flag in re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", m.group(2)):
                    if flag not in options[cmd]:
                        bad.append(f"{page.name}: yindi {cmd} {flag}")
    assert not bad, "flags in the docs that the commands do not have:\n" + "\n".join(sorted(set(bad)))
