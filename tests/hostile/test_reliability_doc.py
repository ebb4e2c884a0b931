"""docs/reliability.md is produced by the hostile suite's registry, and every hostile test is registered."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import tests.hostile as pkg
from tests.hostile.reliability import DOC, render


def test_every_hostile_test_is_a_registered_case() -> None:
    missing = []
    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.name.startswith("test_") or info.name == "test_reliability_doc":
            continue
        module = importlib.import_module(f"tests.hostile.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("test_") and fn.__module__ == module.__name__:
                inner = getattr(fn, "hypothesis", None)
                target = getattr(inner, "inner_test", fn) if inner else fn
                if not getattr(target, "_hostile_case", False) and not getattr(fn, "_hostile_case", False):
                    missing.append(f"{info.name}.{name}")
    assert not missing, f"register these with @case(...): {missing}"


def test_reliability_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/reliability.md is out of date: run PYTHONPATH=src python -m tests.hostile.reliability"
    )
