"""Safe table export: CSV and Excel files that cannot carry formula injection.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab/carriage return) is prefixed with an
apostrophe so that spreadsheet programs show it as text; numbers are written as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_NUMERIC = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def safe_cell(value: object) -> object:
    """Neutralise a text cell that a spreadsheet would read as a formula; leave numbers alone."""
    if isinstance(value, str) and value.startswith(_DANGEROUS) and not _NUMERIC.match(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` with every text cell, column name and index label made safe."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(safe_cell)
    out.columns = [safe_cell(str(c)) if not isinstance(c, tuple) else c for c in out.columns]
    if out.index.dtype == object or pd.api.types.is_string_dtype(out.index):
        out.index = out.index.map(safe_cell)
    return out


def write_csv(frame: pd.DataFrame, path: str | Path, *, index: bool = False) -> Path:
    """Write UTF-8 CSV with BOM (so Excel opens Chinese text correctly), injection-safe."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(target, index=index, encoding="utf-8-sig")
    return target


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet"
    candidate, k = base, 1
    while candidate in used:
        suffix = f"_{k}"
        candidate, k = base[: 31 - len(suffix)] + suffix, k + 1
    used.add(candidate)
    return candidate


def write_excel(tables: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """Write several tables to one workbook, one sheet each (names cut to Excel's 31 characters).

    Cells are written by type with xlsxwriter directly (text always as text, never as a formula; numbers as
    numbers; missing values blank), which is several times faster than ``DataFrame.to_excel``.
    """
    import xlsxwriter

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    tmp = target.with_suffix(target.suffix + ".part")
    book = xlsxwriter.Workbook(str(tmp), {"nan_inf_to_errors": True})
    header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "top"})
    try:
        for name, frame in tables.items():
            sheet = book.add_worksheet(_sheet_name(name, used))
            safe = safe_frame(frame)
            for j, col in enumerate(safe.columns):
                sheet.write_string(0, j, str(col), header)
            for j, col in enumerate(safe.columns):
                _write_column(sheet, j, safe[col].tolist())
    finally:
        book.close()
    tmp.replace(target)
    return target


def _write_column(sheet: Any, j: int, values: list[Any]) -> None:
    import datetime as _dt
    import math

    for i, v in enumerate(values, start=1):
        if v is None or v is pd.NA or v is pd.NaT or v == "" or (isinstance(v, float) and math.isnan(v)):
            continue  # missing or empty: a blank cell
        if isinstance(v, bool):
            sheet.write_boolean(i, j, v)
        elif isinstance(v, (int, float)):
            sheet.write_number(i, j, v)
        elif isinstance(v, (_dt.datetime, _dt.date)):
            sheet.write_string(i, j, v.isoformat())
        else:
            sheet.write_string(i, j, str(v))


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as CSV or Excel, chosen by the file suffix (.csv, .xlsx)."""
    target = Path(path)
    if target.suffix.lower() in {".xlsx", ".xls"}:
        return write_excel({target.stem: frame}, target)
    return write_csv(frame, target)
