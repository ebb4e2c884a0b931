"""Reading files as text cells with their file rows, so that every error can name the row a user sees."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pandas as pd

from yindi.data._encoding import check_mojibake, decode_text
from yindi.errors import DataFormatError


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV file as text cells (index = the file row of each data row; blank rows are skipped).

    Read as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (what Excel on Chinese Windows writes);
    other encodings and mojibake are a :class:`DataFormatError` saying how to save the file
    (:mod:`yindi.data._encoding`). A plain UTF-8 file without blank lines or multi-line cells is parsed by
    Arrow's multi-threaded CSV reader into Arrow-backed string columns (a million rows in well under a
    second); anything else, and every file whose fast read fails, goes through the exact row-by-row reader,
    whose messages name the row.
    """
    from yindi import limits

    size = path.stat().st_size
    limits.check("max_file_bytes", size, str(path), what="the file size in bytes", what_zh="文件字节数")
    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if not head.strip():
        raise DataFormatError(f"{path}: the file is empty.", zh=f"{path}：文件为空。")
    fast = _read_fast(path, head)
    frame = fast if fast is not None else _read_exact(path, decode_text(path.read_bytes(), path))
    limits.check("max_rows", len(frame), str(path), what="the number of data rows", what_zh="数据行数")
    return frame


def _has_empty_rows(path: Path) -> bool:
    """Whether the file has a line that is blank or holds only commas (rows the exact reader skips while
    counting them), scanned in blocks so that a large file is never held in memory."""
    import re

    pattern = re.compile(rb"\n[ \t\r,]*\n")
    size = 4 << 20
    tail = b""
    with open(path, "rb") as fh:
        while True:
            block = fh.read(size)
            last = len(block) < size
            chunk = tail + block
            if last:  # blank lines at the very end shift no row
                chunk = chunk.rstrip() + b"\n"
            if pattern.search(chunk):
                return True
            if last:
                return False
            nl = chunk.rfind(b"\n")
            tail = chunk[nl:] if nl >= 0 else chunk


def _header(path: Path, first_line: str) -> list[str]:
    import csv

    header = [h.strip() for h in next(csv.reader([first_line]), [])]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path}, row 1: duplicate column header(s) {', '.join(map(repr, dupes))}. Rename them.",
            zh=f"{path} 第 1 行：列名重复 {'、'.join(map(repr, dupes))}。请重命名。",
        )
    return header


def plain_header(path: Path, head: bytes, *, scan_blank_lines: bool = True) -> list[str] | None:
    """The stripped header of a plain UTF-8 CSV file whose data rows Arrow may read (file row = data row + 2);
    None when the exact reader must decide (other encodings, blank or comma-only lines). ``head`` is the
    file's first 64 KiB. Raises on mojibake and duplicate headers. ``scan_blank_lines=False`` leaves the
    blank lines to the caller (the streamed import reads them as rows of empty cells and hands such a file back)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    head = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    cut = head.rfind(b"\n")
    try:
        sample = (head[: cut + 1] if cut > 0 else head).decode("utf-8")
    except UnicodeDecodeError:
        return None
    check_mojibake(sample, path)
    first_line = sample.split("\n", 1)[0].rstrip("\r")
    header = _header(path, first_line)
    if scan_blank_lines and _has_empty_rows(path):
        return None  # blank rows shift the row numbers: let the exact reader count them
    return header


def arrow_csv_options(
    n_columns: int, block_size: int | None = None, *, keep_blank_lines: bool = False
) -> dict[str, Any]:
    """Keyword arguments of ``pyarrow.csv.read_csv``/``open_csv`` for a plain file: the header skipped, every
    cell a non-null string, no line breaks inside cells (a ragged or multi-line row is an Arrow error and
    sends the file to the exact reader). ``keep_blank_lines`` reads a blank line as a row of empty cells
    instead of skipping it (which would shift the row numbers)."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    names = [f"c{i}" for i in range(n_columns)]
    extra = {} if block_size is None else {"block_size": block_size}
    return {
        "read_options": pacsv.ReadOptions(column_names=names, skip_rows=1, **extra),
        "parse_options": pacsv.ParseOptions(
            newlines_in_values=False, ignore_empty_lines=not keep_blank_lines
        ),
        "convert_options": pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    }


def _read_fast(path: Path, head: bytes) -> pd.DataFrame | None:
    """Arrow's CSV reader on a plain UTF-8 file; None when the exact reader must decide (other encodings,
    blank or comma-only lines, multi-line or ragged rows, any parse error)."""
    import numpy as np
    import pyarrow as pa
    from pyarrow import csv as pacsv

    header = plain_header(path, head)
    if header is None:
        return None
    try:
        table = pacsv.read_csv(path, **arrow_csv_options(len(header)))
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    if table.num_rows == 0:
        return None
    frame: pd.DataFrame = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
    frame.columns = header
    frame.index = pd.Index(np.arange(2, len(frame) + 2), name="file_row")
    return frame


def _read_exact(path: Path, text: str) -> pd.DataFrame:
    """The row-by-row reader (Python's csv module): every row counted as the user sees it."""
    import csv
    import io

    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise DataFormatError(
            f"{path}: not a readable CSV file ({exc}).", zh=f"{path}：不是可读取的 CSV 文件（{exc}）。"
        ) from None
    if not rows:
        raise DataFormatError(f"{path}: the file is empty.", zh=f"{path}：文件为空。")
    header = [h.strip() for h in rows[0]]
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path}, row 1: duplicate column header(s) {', '.join(map(repr, dupes))}. Rename them.",
            zh=f"{path} 第 1 行：列名重复 {'、'.join(map(repr, dupes))}。请重命名。",
        )
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header) and any(cell.strip() for cell in row):
            raise DataFormatError(
                f"{path}, row {number}: {len(row)} cells but the header has {len(header)}. Check for an unquoted "
                "comma in a number or name (write 1234.5, not 1,234.5).",
                zh=f"{path} 第 {number} 行：有 {len(row)} 个单元格，而表头有 {len(header)} 个。请检查数字或名称中"
                "未加引号的逗号（写 1234.5，不要写 1,234.5）。",
            )
    numbers = [n for n, r in enumerate(rows[1:], start=2) if any(cell.strip() for cell in r)]
    if not numbers:
        raise DataFormatError(
            f"{path}: the table has a header but no data rows.", zh=f"{path}：表格只有表头，没有数据行。"
        )
    body = [rows[n - 1] for n in numbers]
    return pd.DataFrame(body, columns=header, index=pd.Index(numbers, name="file_row"), dtype=str)


def read_excel_text(path: Path, sheet: str | int | None) -> pd.DataFrame:
    """An Excel sheet as cells (index = the spreadsheet row of each data row; header on row 1)."""
    _check_workbook_container(path)
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:  # openpyxl/zipfile raise many kinds for a damaged file
        raise DataFormatError(
            f"{path}: not a readable Excel workbook ({type(exc).__name__}: {exc}).",
            zh=f"{path}：不是可读取的 Excel 工作簿（{type(exc).__name__}: {exc}）。",
        ) from None
    with book:
        names = book.sheet_names
        chosen = 0 if sheet is None else sheet
        if (isinstance(chosen, int) and not 0 <= chosen < len(names)) or (
            isinstance(chosen, str) and chosen not in names
        ):
            raise DataFormatError(
                f"{path}: cannot read sheet {sheet!r}; the workbook has {', '.join(map(repr, names))}. "
                "Pass --sheet NAME (or its position, 0 = first).",
                zh=f"{path}：无法读取工作表 {sheet!r}；工作簿中有 {'、'.join(map(repr, names))}。"
                "请用 --sheet NAME 指定（或用序号，0 为第一个）。",
            )
        try:
            raw = pd.read_excel(book, sheet_name=chosen, header=None, dtype=object)
        except OverflowError:  # a numeric cell beyond the float range (1e400) in a crafted workbook
            raise DataFormatError(
                f"{path}, sheet {chosen!r}: a number cell is too large to be a number (it overflows to "
                "infinity). Check the cells with very large exponents.",
                zh=f"{path} 工作表 {chosen!r}：有数值单元格超出数值范围（溢出为无穷大）。请检查指数极大的单元格。",
            ) from None
    if raw.empty:
        raise DataFormatError(f"{path}: the sheet is empty.", zh=f"{path}：工作表为空。")
    if raw.isna().any().any():
        _check_uncomputed_formulas(path, str(names[chosen]) if isinstance(chosen, int) else str(chosen), raw)
    header = ["" if pd.isna(h) else str(h).strip() for h in raw.iloc[0].tolist()]
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        raise DataFormatError(
            f"{path}, row 1: duplicate column header(s) {', '.join(map(repr, dupes))}. Rename them.",
            zh=f"{path} 第 1 行：列名重复 {'、'.join(map(repr, dupes))}。请重命名。",
        )
    body = raw.iloc[1:]
    keep = ~body.isna().all(axis=1)
    body = body[keep]
    if body.empty:
        raise DataFormatError(
            f"{path}: the sheet has a header but no data rows.", zh=f"{path}：工作表只有表头，没有数据行。"
        )
    frame = pd.DataFrame(
        body.to_numpy(), columns=header, index=pd.Index([int(i) + 1 for i in body.index], name="file_row")
    )
    return frame


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_workbook_container(path: Path) -> None:
    """A password-protected .xlsx is an OLE2 container holding an ``EncryptedPackage`` stream, not a zip; an
    old .xls is OLE2 too. Say so instead of "not a zip file"."""
    with open(path, "rb") as fh:
        magic = fh.read(8)
    if magic != _OLE2:
        return
    if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
        raise DataFormatError(
            f"{path}: the workbook is password-protected (encrypted), so it cannot be read. Open it in Excel/WPS, "
            "remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it) and save, "
            "or save an unprotected copy.",
            zh=f"{path}：工作簿设置了打开密码（已加密），无法读取。请在 Excel/WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 → "
            "用密码进行加密，清空）后保存，或另存一份未加密的副本。",
        )
    raise DataFormatError(
        f"{path}: this is an old-format Excel 97–2003 workbook (.xls) under an .xlsx name. Open it in Excel/WPS "
        "and save it as .xlsx.",
        zh=f"{path}：这是旧版 Excel 97–2003 工作簿（.xls），请在 Excel/WPS 中打开并另存为 .xlsx。",
    )


def _check_uncomputed_formulas(path: Path, sheet: str, raw: pd.DataFrame) -> None:
    """Formula cells saved without their computed value (files written by scripts, not by Excel) read as
    empty; they would become missing values without a word. Name the first one."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        ws = book[sheet]
        found: list[tuple[int, int, str]] = []
        empty = raw.isna().to_numpy()
        for row in ws.iter_rows():
            for cell in row:
                value = getattr(cell, "value", None)
                if not (isinstance(value, str) and value.startswith("=")):
                    continue
                r, c = int(cell.row) - 1, int(cell.column) - 1
                if r < raw.shape[0] and c < raw.shape[1] and empty[r, c]:
                    found.append((r + 1, c + 1, value))
    finally:
        book.close()
    if found:
        r, c, formula = found[0]
        header = raw.iat[0, c - 1] if raw.shape[0] else ""
        where = f"{get_column_letter(c)}{r}"
        raise DataFormatError(
            f"{path}, sheet {sheet!r}, cell {where} (row {r}, column {header!r}): the formula {formula!r} has no "
            f"saved value ({len(found)} such cell(s)); the file was written by a program that does not compute "
            "formulas. Open the workbook in Excel/WPS and save it (the values are then stored), or paste the "
            "cells as values.",
            zh=f"{path} 工作表 {sheet!r} 单元格 {where}（第 {r} 行，{header!r} 列）：公式 {formula!r} 没有保存计算结果"
            f"（共 {len(found)} 处），该文件由不计算公式的程序生成。请用 Excel/WPS 打开并保存（会存下计算结果），"
            "或将单元格粘贴为数值。",
        )
