"""因地 Yindi — develop New Quality Productive Forces according to local conditions.

评估 → 布局 → 协同: evaluate, lay out, coordinate. The package is organised in layers that import one way
(kernels → models → study → report → adapters); see ``CONTRIBUTING.md``.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
