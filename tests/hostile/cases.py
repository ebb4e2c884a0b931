"""The registry of hostile cases: every test in ``tests/hostile`` says what it tries and what the user gets.

``docs/reliability.md`` is written from this registry (``python -m tests.hostile.reliability``), and
``test_reliability_doc.py`` fails when the document is out of date or a hostile test is not registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Outcome = Literal["error", "flagged", "safe"]

#: What each outcome means for the user (the column of docs/reliability.md).
OUTCOMES: dict[str, str] = {
    "error": "a clear bilingual error naming the file/row/column or option, no traceback",
    "flagged": "a result, with what was changed or left out reported",
    "safe": "the input is handled safely (escaped, neutralised, nothing lost)",
}


@dataclass(frozen=True)
class Case:
    area: str
    tried: str
    user_gets: str
    outcome: Outcome
    test: str
    module: str


CASES: list[Case] = []
F = TypeVar("F", bound=Callable[..., Any])


def case(area: str, tried: str, user_gets: str, outcome: Outcome = "error") -> Callable[[F], F]:
    """Register a hostile test: ``area`` (workspace, import, analysis, cli, …), what is tried, what the
    user gets."""

    def mark(fn: F) -> F:
        CASES.append(Case(area, tried, user_gets, outcome, fn.__name__, fn.__module__))
        fn._hostile_case = True  # type: ignore[attr-defined]
        return fn

    return mark
