"""Exports are safe to open in Excel: no text cell may start with =, +, -, @ unless it is a number."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from yindi.report.export import safe_cell, write_csv, write_excel

DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x")', "\t=1"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-5", "+3.5", "-1e3", 12, -4.5, "北京", "a=b"])
def test_numbers_and_plain_text_unchanged(value: object) -> None:
    assert safe_cell(value) == value


def _starts_badly(cell: object) -> bool:
    if not isinstance(cell, str) or not cell:
        return False
    if cell[0] not in "=+-@":
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def test_excel_and_csv_files_have_no_formula_cells(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": DANGEROUS, "value": [1.0, -2.0, 3.0, -4.0, 5.0, 6.0], "=col": ["x"] * 6})
    xlsx = write_excel({"t": frame, "=sheet": frame}, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(xlsx)
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(_starts_badly(c) for c in row)
            assert not any(isinstance(c, str) and c.startswith("=") for c in row)
    csv_path = write_csv(frame, tmp_path / "t.csv")
    text = csv_path.read_text(encoding="utf-8-sig")
    for line in text.splitlines():
        for cell in line.split(","):
            assert not _starts_badly(cell.strip('"'))
    back = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert back["value"].tolist() == [1.0, -2.0, 3.0, -4.0, 5.0, 6.0]
