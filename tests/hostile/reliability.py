"""Write ``docs/reliability.md`` from the registry of hostile cases (``tests/hostile/cases.py``).

Run ``PYTHONPATH=src python -m tests.hostile.reliability`` after adding a case; ``test_reliability_doc.py``
fails while the document is out of date. The counts in the document are computed here, never typed.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections import Counter
from pathlib import Path
from typing import Any

from tests.hostile.cases import CASES, OUTCOMES, Case

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "reliability.md"

INTRO = """# Reliability · 可靠性

What Yindi does with bad, hostile or simply unlucky input. Every row below is a test in `tests/hostile/` that
tries it through the real CLI entry point or the public API; the suite runs with the rest of the tests
(`pytest tests/hostile`, about a minute). This page is **generated** from the suite's registry of cases
(`tests/hostile/cases.py`) by `python -m tests.hostile.reliability`; a test fails when it is out of date.

Rules the suite holds the code to:

- **nothing lost** — a failed import changes nothing and removes only what it created (two first imports
  racing on a new workspace path keep both datasets; `kill -9` mid-import leaves the workspace as before);
- **nothing silent** — a value is never dropped, filled or changed without a reported repair, and a region
  never enters or leaves a table without a report;
- **no traceback for a user mistake** — errors are `YindiError`s shown in Chinese and English, naming the file,
  row, column, cell or option and how to fix it; warnings are clean bilingual lines.
"""

LIMITS_INTRO = """## Resource limits · 资源上限

Limits that protect the machine (`yindi.limits`, an options table). A request beyond one is a
`ResourceLimitError` before the work starts. Raise one knowingly with the environment variable `YINDI_<NAME>`
(e.g. `YINDI_MAX_ROWS=200000000`) or `with yindi.limits.override(max_rows=...)`.
"""


def load_cases() -> list[Case]:
    """Import every test module of ``tests/hostile`` (which registers its cases) and return the registry."""
    import tests.hostile as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("test_"):
            importlib.import_module(f"tests.hostile.{info.name}")
    seen: dict[tuple[str, str], Case] = {}
    for c in CASES:
        seen[(c.module.rsplit(".", 1)[-1], c.test)] = c  # pytest may import a module under two names
    return sorted(seen.values(), key=lambda c: (c.area, c.module.rsplit(".", 1)[-1], c.test))


def variants(c: Case) -> int:
    """How many inputs a case tries: the product of its parametrisations, or Hypothesis' max_examples."""
    fn: Any = getattr(importlib.import_module(c.module), c.test)
    settings = getattr(fn, "_hypothesis_internal_use_settings", None)
    if settings is not None and hasattr(fn, "hypothesis"):
        return int(settings.max_examples)
    marks = [m for m in getattr(fn, "pytestmark", []) if m.name == "parametrize"]
    return math.prod(len(m.args[1]) for m in marks) if marks else 1


def render() -> str:
    from yindi import limits

    cases = load_cases()
    counts = Counter(c.outcome for c in cases)
    tried = sum(variants(c) for c in cases)
    lines = [INTRO, "## Summary · 概览", ""]
    lines.append(f"{len(cases)} cases trying {tried} inputs (parametrised and generated variants counted):")
    lines.append("")
    lines.append("| what the user gets | cases |")
    lines.append("|---|---|")
    for key, meaning in OUTCOMES.items():
        lines.append(f"| {meaning} | {counts.get(key, 0)} |")
    lines.append("")
    by_area = Counter(c.area for c in cases)
    lines.append("| area | cases |")
    lines.append("|---|---|")
    for area, n in sorted(by_area.items()):
        lines.append(f"| {area} | {n} |")
    lines += [
        "",
        "## Cases · 用例",
        "",
        "| area | what is tried | what the user gets | outcome | inputs | test |",
        "|---|---|---|---|---|---|",
    ]
    for c in cases:
        test = f"`{c.module.rsplit('.', 1)[-1]}.py::{c.test}`"
        lines.append(f"| {c.area} | {c.tried} | {c.user_gets} | {c.outcome} | {variants(c)} | {test} |")
    lines += ["", LIMITS_INTRO, "| limit | default | meaning |", "|---|---|---|"]
    for o in limits.TABLE.options:
        lines.append(f"| `{o.name}` | {o.default:,} | {o.help_en} · {o.help_zh} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")


if __name__ == "__main__":
    main()
