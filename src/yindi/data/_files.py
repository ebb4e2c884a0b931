"""Reading files as text cells with their file rows, so that every error can name the row a user sees."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from yindi.errors import DataFormatError


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file as text cells (index = the file row of each data row; blank rows are skipped), read as UTF-8 (with or without BOM) or, failing that, GB18030 (what Excel on
    Chinese Windows writes). A file that is neither, or not CSV, is a :class:`DataFormatError`."""
    import csv

    for encoding in ("utf-8-sig", "gb18030"):
        try:
            with open(path, encoding=encoding, newline="") as fh:
                rows = list(csv.reader(fh))
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            raise DataFormatError(f"{path}: not a readable CSV file ({exc}).") from None
        if not rows:
            raise DataFormatError(f"{path}: the file is empty.")
        header = [h.strip() for h in rows[0]]
        dupes = sorted({h for h in header if header.count(h) > 1})
        if dupes:
            raise DataFormatError(
                f"{path}, row 1: duplicate column header(s) {', '.join(map(repr, dupes))}. Rename them."
            )
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(header) and any(cell.strip() for cell in row):
                raise DataFormatError(
                    f"{path}, row {number}: {len(row)} cells but the header has {len(header)}. Check for an unquoted "
                    "comma in a number or name (write 1234.5, not 1,234.5)."
                )
        numbers = [n for n, r in enumerate(rows[1:], start=2) if any(cell.strip() for cell in r)]
        if not numbers:
            raise DataFormatError(f"{path}: the table has a header but no data rows.")
        body = [rows[n - 1] for n in numbers]
        return pd.DataFrame(body, columns=header, index=pd.Index(numbers, name="file_row"), dtype=str)
    raise DataFormatError(f"{path}: cannot decode the file as UTF-8 or GB18030; save it as UTF-8 CSV.")


def read_excel_text(path: Path, sheet: str | int | None) -> pd.DataFrame:
    """An Excel sheet as cells (index = the spreadsheet row of each data row; header on row 1)."""
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:  # openpyxl/zipfile raise many kinds for a damaged file
        raise DataFormatError(
            f"{path}: not a readable Excel workbook ({type(exc).__name__}: {exc})."
        ) from None
    with book:
        names = book.sheet_names
        chosen = 0 if sheet is None else sheet
        if (isinstance(chosen, int) and not 0 <= chosen < len(names)) or (
            isinstance(chosen, str) and chosen not in names
        ):
            raise DataFormatError(
                f"{path}: cannot read sheet {sheet!r}; the workbook has {', '.join(map(repr, names))}. "
                "Pass --sheet NAME (or its position, 0 = first)."
            )
        raw = pd.read_excel(book, sheet_name=chosen, header=None, dtype=object)
    if raw.empty:
        raise DataFormatError(f"{path}: the sheet is empty.")
    header = ["" if pd.isna(h) else str(h).strip() for h in raw.iloc[0].tolist()]
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path}, row 1: duplicate column header(s) {', '.join(map(repr, dupes))}. Rename them."
        )
    body = raw.iloc[1:]
    keep = ~body.isna().all(axis=1)
    body = body[keep]
    if body.empty:
        raise DataFormatError(f"{path}: the sheet has a header but no data rows.")
    frame = pd.DataFrame(
        body.to_numpy(), columns=header, index=pd.Index([int(i) + 1 for i in body.index], name="file_row")
    )
    return frame
