"""The report's own XLSX writer (yindi.report._xlsx) against xlsxwriter writing the same cells, read back by
openpyxl (an independent reader): every value and type equal, the header row bold and bordered."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd

from yindi.report.export import safe_frame, write_excel


def _reference(tables: dict[str, pd.DataFrame], path: Path) -> None:
    """The workbook as write_excel wrote it with xlsxwriter before (cells typed one by one)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"nan_inf_to_errors": True})
    header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "top"})
    for name, frame in tables.items():
        sheet = book.add_worksheet(name)
        safe = safe_frame(frame)
        for j, col in enumerate(safe.columns):
            sheet.write_string(0, j, str(col), header)
            for i, v in enumerate(safe[col].tolist(), start=1):
                if (
                    v is None
                    or v is pd.NA
                    or v is pd.NaT
                    or v == ""
                    or (isinstance(v, float) and math.isnan(v))
                ):
                    continue
                if isinstance(v, bool):
                    sheet.write_boolean(i, j, v)
                elif isinstance(v, (int, float)):
                    sheet.write_number(i, j, v)
                elif isinstance(v, (dt.datetime, dt.date)):
                    sheet.write_string(i, j, v.isoformat())
                else:
                    sheet.write_string(i, j, str(v))
    book.close()


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for name in book.sheetnames:
        rows = []
        for row in book[name].iter_rows(values_only=True):
            cells = list(row)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(tuple((type(v).__name__, v) for v in cells))
        out[name] = rows
    return out


def test_same_cells_as_xlsxwriter(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    mixed = pd.DataFrame(
        {
            "region_code": ["110000", "310000", None, "440000", ""],
            "地区": ["北京", "=1+1", "-x", " lead & <tag> ", "a\x01b"],
            "value": [1 / 3, 1e-17, float("nan"), 123456789.123456789, -0.0],
            "big": [2**53 + 1, 0, -5, 7, 10**15],
            "flag": [True, False, None, True, False],
            "when": [dt.date(2023, 1, 2), None, dt.datetime(2024, 5, 6, 7, 8, 9), None, None],
            "inf": [float("inf"), -float("inf"), 1.0, 2.0, 3.0],
        }
    )
    numbers = pd.DataFrame(rng.normal(size=(50, 4)), columns=["a", "b", "c", "d"])
    numbers["e"] = pd.array([1, None, 3] * 16 + [4, 5], dtype="Int64")
    numbers["f"] = pd.Series(["x", None] * 25, dtype="string")
    tables = {"mixed": mixed, "numbers": numbers, "empty": pd.DataFrame({"only": []})}
    ours, ref = tmp_path / "ours.xlsx", tmp_path / "ref.xlsx"
    write_excel(tables, ours)
    _reference(tables, ref)
    assert _cells(ours) == _cells(ref)
    assert pd.read_excel(ours, sheet_name=None).keys() == tables.keys()


def test_header_is_bold_bordered_and_centred(tmp_path: Path) -> None:
    import openpyxl

    path = write_excel({"t": pd.DataFrame({"x": [1]})}, tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(path)["t"]["A1"]
    assert cell.value == "x" and cell.font.b and cell.border.left.style == "thin"
    assert (cell.alignment.horizontal, cell.alignment.vertical) == ("center", "top")


def test_same_tables_same_bytes(tmp_path: Path) -> None:
    frame = pd.DataFrame({"地区": ["北京", "上海"], "value": [1.5, None]})
    a = write_excel({"t": frame}, tmp_path / "a.xlsx").read_bytes()
    b = write_excel({"t": frame}, tmp_path / "b.xlsx").read_bytes()
    assert a == b
