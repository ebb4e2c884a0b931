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


def _former_parts(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """Sheet and shared-string XML as the writer built them cell by cell, row by row (before it built them
    column by column), from ``safe_frame`` copies of the tables."""
    from yindi.report._xlsx import _MAIN, _REL, _cell, _column_letters, _Strings

    strings = _Strings()
    parts = {}
    for n, frame in enumerate(tables.values(), start=1):
        safe = safe_frame(frame)
        header = [str(c) for c in safe.columns]
        letters = _column_letters(len(header))
        head = "".join(
            f'<c r="{c}1" s="1" t="s"><v>{strings.ref(h)}</v></c>'
            for c, h in zip(letters, header, strict=True)
        )
        rows = [f'<row r="1">{head}</row>'] if header else []
        columns = [
            [None if v is pd.NA or v is pd.NaT else v for v in safe.iloc[:, j].tolist()]
            for j in range(len(header))
        ]
        for i, values in enumerate(zip(*columns, strict=True), start=2):
            cells = ""
            for c, v in zip(letters, values, strict=True):
                xml, text = _cell(f"{c}{i}", v)
                cells += xml if text is None else f'<c r="{c}{i}" t="s"><v>{strings.ref(text)}</v></c>'
            rows.append(f'<row r="{i}">{cells}</row>' if cells else "")
        parts[f"xl/worksheets/sheet{n}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetData>'
            + "".join(rows)
            + "</sheetData></worksheet>"
        ).encode()
    parts["xl/sharedStrings.xml"] = strings.xml().encode()
    return parts


def test_column_by_column_gives_the_cell_by_cell_xml(tmp_path: Path) -> None:
    """Cells built a column at a time (typed by column, text numbered in row order) give the very XML of the
    cell-by-cell writer, for every kind of column a table can hold."""
    import zipfile

    long = "长" * 40000
    kinds = pd.DataFrame(
        {
            "a": ["p", "q", "", None, "=1+1"],  # text numbered row by row: p, r, q, ... (not p, q, r)
            "b": ["r", "p", "-3", "@x", long + "a"],
            "=c": pd.Series(["q", None, "s", "+", long + "b"], dtype="string"),
            "obj": pd.Series([1, 2.5, None, "t", True], dtype=object),
            "obj_int": pd.Series([1, None, 3, 4, 2**60], dtype=object),
            "dates": [dt.date(2023, 1, 2), dt.datetime(2024, 5, 6), None, pd.NaT, dt.date(2020, 1, 1)],
            "stamps": pd.to_datetime(["2024-01-01", None, "2024-03-01", None, "2024-05-01"]),
            "int": [2**53 - 1, -(2**53) + 1, 0, 7, -5],
            "bigint": [2**53, 2**53 + 1, -(2**53) - 1, 10**16, 1],
            "Int64": pd.array([1, None, 2**53 + 1, 4, 5], dtype="Int64"),
            "float": [1 / 3, float("nan"), float("inf"), -float("inf"), -0.0],
            "more": [1e16, 1e-17, 0.1 + 0.2, 123456789.123456789, 2.0],
            "bool": [True, False, True, False, True],
            "boolean": pd.array([True, None, False, True, None], dtype="boolean"),
            "cat": pd.Categorical(["=x", "p", None, "p", "y"]),
        }
    )
    with_nan_text = pd.DataFrame({"t": pd.Series(["x", None, "p"], dtype="str"), "u": ["", "", ""]})
    tables = {
        "kinds": kinds,
        "nan_text": with_nan_text,
        "empty": pd.DataFrame({"only": []}),
        "no_columns": pd.DataFrame(index=range(3)),
    }
    path = write_excel(tables, tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        for name, xml in _former_parts(tables).items():
            assert archive.read(name) == xml, name


def test_workbook_frame_adds_names_and_leaves_the_table_alone() -> None:
    from typing import cast

    from yindi.report.base import ReportContext
    from yindi.report.national import workbook_frame

    class _Ctx:
        lang = "zh"

        def region_name(self, code: str) -> str:
            return {"110000": "北京", "310000": "上海"}[code]

    frame = pd.DataFrame(
        {"region_code": ["110000", "x", None], "310000": [1.0, 2.0, 3.0], "level": [1, 2, 3]}
    )
    before = frame.copy()
    out = workbook_frame(frame, cast(ReportContext, _Ctx()))
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.columns) == ["地区代码", "地区", "上海", "行政层级"]
    assert out["地区"].tolist() == ["北京", "", ""]
    assert out["上海"].tolist() == [1.0, 2.0, 3.0]
