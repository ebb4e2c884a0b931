"""Row-level validation shared by every importer.

Each check names the file, the row (as the user sees it in a spreadsheet, header = row 1) and the column, and
says how to fix the problem. Region names are resolved with the registry; a name the registry does not know
(including the S&T yearbook's misspellings 内蒙占, 山两 …) is an error unless the user passes an explicit
``region_fixes`` mapping, and then every use of the fix is reported as a :class:`~yindi.data.panel.Repair`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi.data.panel import Repair
from yindi.errors import DataValidationError, RegionNotFoundError

#: Code used for national totals (全国) in yearbook tables; it is kept as its own "region".
NATIONAL_CODE = NATION_CODE
NATIONAL_NAMES = frozenset({"全国", "中国", "全国合计", "China", "National", "national", "100000"})

MIN_YEAR = 1949

#: Cell texts that mean "no value" in NBS and yearbook tables. They become missing (NaN), never zero.
MISSING_MARKERS = frozenset({"", "…", "...", "—", "--", "-", "－", "NA", "N/A", "nan", "NaN", "null", "None"})

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
#: A number with comma thousands separators in groups of exactly three ("11,230", "1,234,567.8").
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


@dataclass(frozen=True)
class RowSource:
    """Where a table came from, for messages: the file and the file row of each data row.

    By default data row ``i`` is file row ``first_row + i`` (header on row 1); ``rows`` gives the file row of
    every data row explicitly (NBS exports, melted tables).
    """

    file: str
    first_row: int = 2
    rows: tuple[int, ...] | None = None

    def row(self, i: int) -> int:
        return self.rows[i] if self.rows is not None else self.first_row + i


def max_year() -> int:
    return _dt.date.today().year + 1


def parse_values(
    raw: pd.Series, src: RowSource, column: str | None = None, repairs: list[Repair] | None = None
) -> pd.Series:
    """Parse cells to float: blanks and NBS markers → NaN; thousands separators are a reported repair.

    ``raw`` holds strings or numbers; ``column`` names the file column for messages (defaults to the
    series name). A cell written with comma thousands separators in groups of three ("11,230",
    "1,234,567.8") is read as the number and the change appended to ``repairs`` (one
    :class:`~yindi.data.panel.Repair` per cell); without a ``repairs`` list to report to, such a cell is an
    error. Any other cell that is not a number raises :class:`DataValidationError` naming file, row, column.

    Examples
    --------
    >>> import pandas as pd
    >>> fixes = []
    >>> parse_values(pd.Series(["11,230", "…", "3.5"]), RowSource("t.csv"), "gdp", fixes).tolist()
    [11230.0, nan, 3.5]
    >>> print(fixes[0])
    t.csv, row 2, column 'gdp': thousands separators removed: '11,230' → '11230'
    """
    col = column or str(raw.name)
    if pd.api.types.is_numeric_dtype(raw):
        return raw.astype("float64")
    text = raw.astype("string").str.strip()
    out = np.full(len(text), np.nan)
    for i, cell in enumerate(text.tolist()):
        if pd.isna(cell) or cell in MISSING_MARKERS:
            continue
        if _NUMBER.match(cell):
            out[i] = float(cell)
            continue
        if repairs is not None and _GROUPED.match(cell):
            plain = cell.replace(",", "")
            out[i] = float(plain)
            repairs.append(Repair(src.file, src.row(i), col, "thousands separators removed", cell, plain))
            continue
        raise DataValidationError(
            f"{src.file}, row {src.row(i)}, column {col!r}: {cell!r} is not a number. Write plain numbers "
            "(e.g. 47353.7 or 47,353.7, no units); leave the cell empty for a missing value.",
            zh=f"{src.file} 第 {src.row(i)} 行 {col!r} 列：{cell!r} 不是数字。请填写数字（如 47353.7 或 47,353.7，"
            "不带单位）；缺失值请留空。",
        )
    return pd.Series(out, index=raw.index, name=raw.name)


def resolve_regions(
    names: pd.Series,
    src: RowSource,
    column: str,
    *,
    region_fixes: Mapping[str, str] | None = None,
    codes: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series, list[Repair]]:
    """Resolve region names (or codes) to ``(region_code, short name)``; report each explicit fix.

    When ``codes`` is given as well (a pack with both columns), each code must exist and agree with its name.
    """
    from yindi.regions import registry

    reg = registry()
    fixes = dict(region_fixes or {})
    out_code: list[str] = []
    out_name: list[str] = []
    repairs: list[Repair] = []
    cache: dict[str, tuple[str, str]] = {}
    code_list = None if codes is None else codes.astype(str).tolist()
    for i, cell in enumerate(names.tolist()):
        raw = "" if cell is None or (isinstance(cell, float) and cell != cell) else str(cell)
        name = raw.strip()
        if not name or name in {"nan", "<NA>", "None"}:
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: the region is empty. Fill in the region "
                "(merged cells in Excel leave all but the first cell empty) or delete the row."
            )
        if name in fixes:
            repairs.append(
                Repair(src.file, src.row(i), column, "region name fixed as asked", name, fixes[name])
            )
            name = fixes[name]
        if name not in cache:
            if name in NATIONAL_NAMES:
                cache[name] = (NATIONAL_CODE, "全国")
            else:
                try:
                    region = reg.resolve(name)
                except RegionNotFoundError as exc:
                    raise DataValidationError(
                        f"{src.file}, row {src.row(i)}, column {column!r}: {exc} If this is a known misspelling, "
                        f"pass region_fixes={{{name!r}: '<correct name>'}} (CLI: --fix-region {name}=<name>); "
                        "the fix is reported."
                    ) from None
                cache[name] = (region.adcode, region.short_zh)
        code, short = cache[name]
        if code_list is not None:
            given = code_list[i].strip()
            if given != code and not (code == NATIONAL_CODE and given in NATIONAL_NAMES):
                if given not in reg and given != NATIONAL_CODE:
                    raise DataValidationError(
                        f"{src.file}, row {src.row(i)}, column 'region_code': unknown adcode {given!r}. "
                        "Use six-digit GB/T 2260 codes, e.g. 110000 for 北京."
                    )
                raise DataValidationError(
                    f"{src.file}, row {src.row(i)}: region_code {given!r} does not match region {raw!r} "
                    f"({code}). Correct one of the two."
                )
        out_code.append(code)
        out_name.append(short)
    return pd.Series(out_code, index=names.index), pd.Series(out_name, index=names.index), repairs


def parse_years(raw: pd.Series, src: RowSource, column: str) -> pd.Series:
    """Years as int in ``[1949, next year]``; '2023年' is accepted, anything else raises with the row."""
    text = raw.astype(str).str.strip().str.replace("年", "", regex=False)
    years = pd.to_numeric(text, errors="coerce")
    hi = max_year()
    for i, (cell, y) in enumerate(zip(raw.tolist(), years.tolist(), strict=True)):
        if pd.isna(y) or float(y) != int(y):
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: {cell!r} is not a year. Write years as 2023."
            )
        if not MIN_YEAR <= int(y) <= hi:
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: year {int(y)} is out of range "
                f"[{MIN_YEAR}, {hi}]. Check the column mapping or the cell."
            )
    return years.astype("int64")
