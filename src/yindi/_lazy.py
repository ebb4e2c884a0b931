"""Packages whose public names load on first use (PEP 562).

Importing ``yindi.typology.options`` runs ``yindi/typology/__init__.py`` first; with eager imports there, reading
a study's option tables would load NumPy, pandas and SciPy (over a second) before anything is computed. A package
calls :func:`lazy_package` with ``{public name: module}`` instead and keeps the real imports under
``TYPE_CHECKING`` for type checkers; ``from yindi.typology import cluster_regions`` works as before.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping


class _LazyPackage(types.ModuleType):
    """A package module that imports a public name from its module on first access."""

    _lazy_names: Mapping[str, str]

    def __getattr__(self, name: str) -> object:
        module = self.__dict__.get("_lazy_names", {}).get(name)
        if module is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        object.__setattr__(self, name, value)
        return value

    def __setattr__(self, name: str, value: object) -> None:
        # Importing a submodule binds it on the package; where a public function has the submodule's name
        # (``yindi.index.normalize``), the function must win, as it did with eager imports.
        if name in self.__dict__.get("_lazy_names", {}) and isinstance(value, types.ModuleType):
            return
        object.__setattr__(self, name, value)

    def __dir__(self) -> list[str]:
        return sorted({*self.__dict__, *self.__dict__.get("_lazy_names", {})})


def lazy_package(name: str, names: Mapping[str, str]) -> None:
    """Make the package ``name`` load each of ``names`` (public name -> module) on first access."""
    module = sys.modules[name]
    module.__dict__["_lazy_names"] = dict(names)
    module.__class__ = _LazyPackage
