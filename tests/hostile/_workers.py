"""Process bodies for the concurrency and kill tests (module level, so that multiprocessing can start them)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pandas as pd


def small_panel(value: float, rows: int = 2) -> Any:
    from yindi.data import make_panel

    codes = ["110000", "120000", "130000", "140000"][:rows]
    frame = pd.DataFrame(
        {
            "region_code": codes,
            "region": ["北京", "天津", "河北", "山西"][:rows],
            "year": [2020] * rows,
            "indicator": ["gdp"] * rows,
            "value": [value] * rows,
            "unit": ["亿元"] * rows,
        }
    )
    return make_panel(frame)


def _slow_workspace(delay: float, marker: Path | None = None) -> type:
    from yindi.data.workspace import Workspace

    class Slow(Workspace):
        def _after_rows_written(self, con: Any) -> None:
            if marker is not None:
                marker.write_text("rows written", encoding="utf-8")
            time.sleep(delay)

    return Slow


def race_import(path: str, name: str, barrier: Any, delay: float, results: Any) -> None:
    """Wait for the other racer, then import dataset ``name``; put ('ok'|'error', name, message)."""
    from yindi.errors import YindiError

    cls = _slow_workspace(delay)
    panel = small_panel(1.0)
    barrier.wait()
    try:
        cls(path).import_panel(name, panel)
    except YindiError as exc:
        results.put(("error", name, str(exc)))
    except Exception as exc:  # anything else is a defect the test reports
        results.put(("crash", name, f"{type(exc).__name__}: {exc}"))
    else:
        results.put(("ok", name, ""))


def import_and_hang(path: str, marker: str) -> None:
    """Import a dataset, signal after the rows are written (inside the transaction), then hang until killed."""
    cls = _slow_workspace(3600.0, Path(marker))
    cls(path).import_panel("new", small_panel(2.0, rows=4))
