"""Injection that already held before issue 15, kept under test: HTML in names is escaped in the report;
spreadsheet formulas in names are neutralised in every export (CSV, Excel)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from tests.hostile._cli import run
from tests.hostile.cases import case

XSS = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://example.invalid","x")'


def _hostile_table(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.csv"
    frame = pd.DataFrame(
        {"region": ["北京", "天津", "河北"], "year": [2020] * 3, XSS: [1, 2, 3], FORMULA: [2, 3, 4]}
    )
    frame.to_csv(path, index=False)
    return path


@case(
    "injection",
    "HTML/JavaScript in indicator names shown by the report",
    "escaped text in the page, never markup",
    "safe",
)
def test_html_is_escaped_in_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report"
    res = run("report", "-d", _hostile_table(tmp_path), "-s", "coverage", "--out", out)
    assert res.code == 0, res.text
    html = (out / "report.html").read_text(encoding="utf-8")
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@case(
    "injection",
    "spreadsheet formulas in names written to the report workbook",
    "the cell is text starting with an apostrophe, never a formula",
    "safe",
)
def test_formulas_are_neutralised_in_the_workbook(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "report"
    assert run("report", "-d", _hostile_table(tmp_path), "-s", "coverage", "--out", out).code == 0
    cells = [
        v
        for ws in openpyxl.load_workbook(out / "report.xlsx")
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str) and "HYPERLINK" in v
    ]
    assert cells and all(v.startswith("'=") for v in cells), cells


@case(
    "injection",
    "formula-like cells in a CSV / Excel / JSON export of a command",
    "CSV and Excel cells prefixed with an apostrophe; JSON keeps the text as data",
    "safe",
)
def test_formulas_are_neutralised_in_exports(tmp_path: Path) -> None:
    from yindi.cli.common import write_output

    table = pd.DataFrame({"region": [FORMULA, "+1+1", "-2", "@SUM(A1)"], "value": [1.0, -2.0, 3.0, 4.0]})
    csv_text = write_output({"t": table}, tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'+1+1" in csv_text and "'@SUM" in csv_text
    assert ",-2.0" in csv_text  # numbers stay numbers
    import openpyxl

    ws = openpyxl.load_workbook(write_output({"t": table}, tmp_path / "t.xlsx"))["t"]
    assert [c.value for c in ws["A"]][1:3] == ["'" + FORMULA, "'+1+1"]
    assert pd.read_json(write_output({"t": table}, tmp_path / "t.json"))["region"][0] == FORMULA
