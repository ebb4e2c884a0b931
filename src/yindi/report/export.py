"""Safe table export: CSV and Excel files that cannot carry formula injection.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab/carriage return) is prefixed with an
apostrophe so that spreadsheet programs show it as text; numbers are written as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
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

    Cells are written by type (text always as text, never as a formula; numbers as numbers; missing values
    blank) by the small writer of :mod:`yindi.report._xlsx`, about twice as fast as xlsxwriter's cell table
    and much faster than ``DataFrame.to_excel``.
    """
    from yindi.report._xlsx import write_xlsx

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    sheets = []
    for name, frame in tables.items():
        header = [str(safe_cell(str(c)) if not isinstance(c, tuple) else c) for c in frame.columns]
        columns = [_cells(column) for _, column in frame.items()]
        sheets.append((_sheet_name(name, used), header, columns))
    tmp = target.with_suffix(target.suffix + ".part")
    write_xlsx(sheets, tmp)
    tmp.replace(target)
    return target


def _cells(column: pd.Series) -> list[Any]:
    """A column's cell values as :func:`safe_frame` makes them (text made safe), with pandas' missing markers
    (``NA``, ``NaT``) as ``None`` (a blank cell).

    A text column (a pandas string dtype: text or missing only) is made safe value by value, which is what
    ``Series.map`` does there at a fraction of its cost (its missing value, ``NA`` or ``NaN``, becomes ``None``);
    an object column goes through ``Series.map`` itself (it also converts values, e.g. numbers to floats).
    NumPy booleans and numbers need no change."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        values = column.map(safe_cell).tolist()
    elif pd.api.types.is_string_dtype(column):
        return [
            (safe_cell(v) if v.startswith(_DANGEROUS) else v) if isinstance(v, str) else None
            for v in column.tolist()
        ]
    elif isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return column.tolist()
    else:
        values = column.tolist()
    return [None if v is pd.NA or v is pd.NaT else v for v in values]


#: Output formats by file suffix; a path without a suffix gets CSV.
TABLE_SUFFIXES = (".csv", ".xlsx", ".json")


def write_json(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write the table as a JSON array of records (UTF-8, Chinese kept as is, missing values as null)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    frame.to_json(tmp, orient="records", force_ascii=False, indent=1, date_format="iso")
    tmp.replace(target)
    return target


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as CSV, Excel or JSON, chosen by the file suffix (.csv, .xlsx, .json); any other
    suffix is refused rather than filled with text of another format."""
    from yindi.errors import ParameterError

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return write_excel({target.stem: frame}, target)
    if suffix == ".json":
        return write_json(frame, target)
    if suffix in {".csv", ""}:
        return write_csv(frame, target)
    raise ParameterError(
        f"--out {target}: cannot write a table as {suffix!r}. Use .csv, .xlsx or .json"
        + (" (.xls is the old Excel format; write .xlsx)." if suffix == ".xls" else "."),
        zh=f"--out {target}：无法把表格写成 {suffix!r} 格式。请使用 .csv、.xlsx 或 .json。",
    )
