"""Row-level validation shared by every importer.

Each check names the file, the row (as the user sees it in a spreadsheet, header = row 1) and the column, and
says how to fix the problem. Region names are resolved with the registry; a name the registry does not know
(including the S&T yearbook's misspellings 内蒙占, 山两 …) is an error unless the user passes an explicit
``region_fixes`` mapping, and then every use of the fix is reported as a :class:`~yindi.data.panel.Repair`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi.data.panel import Repair
from yindi.errors import DataValidationError, RegionNotFoundError

if TYPE_CHECKING:
    from yindi.regions.registry import Region

#: Code used for national totals (全国) in yearbook tables; it is kept as its own "region".
NATIONAL_CODE = NATION_CODE
NATIONAL_NAMES = frozenset({"全国", "中国", "全国合计", "China", "National", "national", "100000"})

MIN_YEAR = 1949

#: Cell texts that mean "no value" in NBS and yearbook tables. They become missing (NaN), never zero.
MISSING_MARKERS = frozenset({"", "…", "...", "—", "--", "-", "－", "NA", "N/A", "nan", "NaN", "null", "None"})

_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
#: A number with comma thousands separators in groups of exactly three ("11,230", "1,234,567.8").
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")


@dataclass(frozen=True)
class RowSource:
    """Where a table came from, for messages: the file and the file row of each data row.

    By default data row ``i`` is file row ``first_row + i`` (header on row 1); ``rows`` gives the file row of
    every data row explicitly (NBS exports, melted tables) as any integer sequence (a NumPy array keeps large
    imports cheap). Rows are looked up only when a message needs them.
    """

    file: str
    first_row: int = 2
    rows: Sequence[int] | np.ndarray | None = None

    def row(self, i: int) -> int:
        return int(self.rows[i]) if self.rows is not None else self.first_row + i


def max_year() -> int:
    return _dt.date.today().year + 1


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def as_text(raw: pd.Series) -> pd.Series:
    """Cells as stripped strings (Arrow-backed; missing cells stay ``<NA>``), whatever the input dtype."""
    if not isinstance(raw.dtype, pd.StringDtype):
        if raw.dtype == object:  # Excel cells: numbers, strings, dates, None
            raw = raw.map(lambda v: v if v is None or isinstance(v, str) else str(v), na_action="ignore")
        raw = raw.astype("string[pyarrow]")
    elif raw.dtype.storage == "pyarrow":  # strip only when some cell needs it (no copy of a clean column)
        import pyarrow.compute as pc

        arr = raw.array._pa_array
        trimmed = pc.utf8_trim_whitespace(arr)
        if pc.all(pc.equal(trimmed, arr)).as_py() is not False:
            return raw  # nothing to strip: keep the column, drop the copy
    return raw.str.strip()


#: The default string dtype of this pandas (Arrow-backed ``str`` in pandas 3, ``object`` before).
_STR = pd.Series(["a"]).dtype


def take_strings(uniques: Sequence[str], idx: np.ndarray) -> pd.Series:
    """``uniques[idx]`` as a string Series (``idx`` −1 → ""), built in Arrow without a Python object a row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = [*map(str, uniques), ""]
    safe = np.where(idx < 0, len(table) - 1, idx) if (idx < 0).any() else idx
    if isinstance(_STR, pd.StringDtype):  # large_string: pandas' own storage, so the Series takes it as is
        return pd.Series(pc.take(pa.array(table, type=pa.large_string()), pa.array(safe)), dtype=_STR)
    return pd.Series(np.array(table, dtype=object)[safe])


def labels(raw: pd.Series) -> pd.Series:
    """Stripped cell texts as strings (default RangeIndex); missing cells become ""."""
    idx, uniques = pd.factorize(as_text(raw))
    return take_strings(list(uniques), idx)


def parse_values(
    raw: pd.Series, src: RowSource, column: str | None = None, repairs: list[Repair] | None = None
) -> pd.Series:
    """Parse cells to float: blanks and NBS markers → NaN; thousands separators are a reported repair.

    ``raw`` holds strings or numbers; ``column`` names the file column for messages (defaults to the
    series name). Column-wise: one pass finds the bad cells, and only the first is turned into a message
    naming file, row and column. A number too large for a float (``1e400``) is an error, like ``inf``.
    A cell written with comma thousands separators in groups of three ("11,230", "1,234,567.8") is read as
    the number and the change appended to ``repairs`` (one :class:`~yindi.data.panel.Repair` per cell);
    without a ``repairs`` list to report to, such a cell is an error.

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
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        out = raw.to_numpy(dtype="float64", na_value=np.nan)
        inf = np.isinf(out)
        if inf.any():
            i = _first(inf)
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {col!r}: {out[i]!r} is not a finite number. "
                "Write the value itself, or leave the cell empty for a missing value.",
                zh=f"{src.file} 第 {src.row(i)} 行 {col!r} 列：{out[i]!r} 不是有限数值。请填写数值本身，缺失值请留空。",
            )
        return pd.Series(out, index=raw.index, name=raw.name)
    out, not_number, too_large = scan_values(raw, src, col, repairs)
    if not_number is not None or too_large is not None:
        raise not_number or too_large  # type: ignore[misc]
    return pd.Series(out, index=raw.index, name=raw.name)


def scan_values(
    raw: pd.Series, src: RowSource, col: str, repairs: list[Repair] | None = None
) -> tuple[np.ndarray, DataValidationError | None, DataValidationError | None]:
    """The text branch of :func:`parse_values` without raising: the floats (bad cells NaN), the error for the
    first cell that is not a number and the error for the first that overflows (each None when there is
    none). Cell by cell, so a column may be scanned in blocks (the streaming CSV import): the first block
    with an error holds the first bad cell of the column."""
    quick = _quick_floats(raw)
    if quick is not None and not np.isinf(quick).any():
        return quick, None, None
    text = as_text(raw)
    missing = (text.isna() | text.isin(MISSING_MARKERS)).to_numpy(dtype=bool)
    ok = text.str.fullmatch(_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
    bad = ~(missing | ok)
    if bad.any() and repairs is not None:
        grouped = bad & text.str.fullmatch(_GROUPED.pattern).fillna(False).to_numpy(dtype=bool)
        if grouped.any():
            plain = text.str.replace(",", "", regex=False)
            for pos in np.flatnonzero(grouped).tolist():
                repairs.append(
                    Repair(
                        src.file,
                        src.row(pos),
                        col,
                        "thousands separators removed",
                        text.iloc[pos],
                        plain.iloc[pos],
                    )
                )
            text = text.where(pd.Series(~grouped, index=text.index), plain)
            ok = ok | grouped
            bad = bad & ~grouped
    not_number = too_large = None
    if bad.any():
        i = _first(bad)
        cell = text.iloc[i]
        not_number = DataValidationError(
            f"{src.file}, row {src.row(i)}, column {col!r}: {cell!r} is not a number. Write plain numbers "
            "(e.g. 47353.7 or 47,353.7, no units); leave the cell empty for a missing value.",
            zh=f"{src.file} 第 {src.row(i)} 行 {col!r} 列：{cell!r} 不是数字。请写普通数字（如 47353.7 或 47,353.7，"
            "不带单位）；缺失值请留空。",
        )
    out = (
        text.where(pd.Series(ok, index=text.index))
        .astype("float64[pyarrow]")
        .to_numpy(dtype="float64", na_value=np.nan)
    )
    inf = np.isinf(out)
    if inf.any():
        i = _first(inf)
        too_large = DataValidationError(
            f"{src.file}, row {src.row(i)}, column {col!r}: {text.iloc[i]!r} is too large to be a number "
            "(it overflows to infinity). Check the cell: a unit or exponent is probably wrong.",
            zh=f"{src.file} 第 {src.row(i)} 行 {col!r} 列：{text.iloc[i]!r} 超出数值范围（溢出为无穷大）。"
            "请检查该单元格，单位或指数可能有误。",
        )
    return out, not_number, too_large


def _quick_floats(raw: pd.Series) -> np.ndarray | None:
    """Arrow's float cast of a column of clean number texts ("" → NaN), or None when any cell needs the full
    check (spaces, markers, separators, words). Texts Arrow reads but Yindi rejects (``inf``) come back as
    infinities, which the caller sends to the full check; ``nan``/``NaN`` are missing markers either way."""
    import pyarrow as pa

    if not isinstance(raw.dtype, pd.StringDtype) or raw.dtype.storage != "pyarrow":
        return None
    return quick_floats(pa.chunked_array(raw.array._pa_array))


def quick_floats(arr: Any) -> np.ndarray | None:
    """:func:`_quick_floats` of an Arrow string (chunked) array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        nulled = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)
        floats = pc.cast(nulled, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, AttributeError):
        return None
    out: np.ndarray = floats.to_numpy(zero_copy_only=False)
    if np.isnan(out).sum() != pc.sum(pc.is_null(nulled)).as_py():  # 'nan', 'NAN' … written in cells
        return None
    return out


def _check_no_empty(
    idx: np.ndarray, uniques: Sequence[object] | pd.Index, src: RowSource, column: str
) -> None:
    empty = idx < 0
    for k, u in enumerate(uniques):
        if not u or u in {"nan", "<NA>", "None"}:
            empty |= idx == k
    if empty.any():
        i = _first(empty)
        raise DataValidationError(
            f"{src.file}, row {src.row(i)}, column {column!r}: the region is empty. Fill in the region "
            "(merged cells in Excel leave all but the first cell empty) or delete the row.",
            zh=f"{src.file} 第 {src.row(i)} 行 {column!r} 列：地区为空。请填写地区（Excel 合并单元格只在第一个单元格有值），"
            "或删除该行。",
        )


def resolve_names(
    uniques: list[str],
    idx: np.ndarray,
    src: RowSource,
    column: str,
    *,
    region_fixes: Mapping[str, str] | None = None,
    level: str | None = None,
    within: str | None = None,
    special: str = "error",
) -> tuple[list[str], list[str], list[Repair]]:
    """:func:`resolve_regions` (names only) on already factorised cells: ``uniques`` are the distinct
    stripped names in order of first appearance and ``idx`` each row's position in them. Returns the code and
    short name of each distinct name (``""`` for names left out by an explicit choice) and the repairs."""
    _check_no_empty(idx, uniques, src, column)
    return _resolve_members(
        uniques, idx, src, column, dict(region_fixes or {}), level=level, within=within, special=special
    )


def resolve_regions(
    names: pd.Series,
    src: RowSource,
    column: str,
    *,
    region_fixes: Mapping[str, str] | None = None,
    codes: pd.Series | None = None,
    level: str | None = None,
    within: str | None = None,
    special: str = "error",
) -> tuple[pd.Series, pd.Series, list[Repair]]:
    """Resolve region names (or codes) to ``(region_code, short name)``; report each explicit fix.

    Names without codes follow the membership rules of :func:`_resolve_members` (one level per table,
    ``level``/``within`` to choose, ``special`` for Hong Kong, Macao and Taiwan); rows left out by an explicit
    choice get the code ``""`` and one reported :class:`Repair` per name — importers drop them.

    Each distinct name is resolved once (column-wise), so a million-row table costs as much as its few
    hundred names. When ``codes`` is given as well (a pack with both columns), each code must exist and agree
    with its name.
    """
    from yindi.regions import registry

    reg = registry()
    fixes = dict(region_fixes or {})
    idx, uniques = pd.factorize(as_text(names))
    _check_no_empty(idx, uniques, src, column)
    repairs: list[Repair] = []
    code_of: list[str] = []
    short_of: list[str] = []
    if codes is None:  # names only: one level per table, HK/Macao/Taiwan only when asked, no silent guess
        code_of, short_of, repairs = _resolve_members(
            [str(u) for u in uniques], idx, src, column, fixes, level=level, within=within, special=special
        )
        return (
            take_strings(code_of, idx).set_axis(names.index),
            take_strings(short_of, idx).set_axis(names.index),
            repairs,
        )
    for k, raw_name in enumerate(uniques):
        name = str(raw_name)
        if name in fixes:
            repairs.extend(
                Repair(src.file, src.row(int(i)), column, "region name fixed as asked", name, fixes[name])
                for i in np.flatnonzero(idx == k)
            )
            name = fixes[name]
        if name in NATIONAL_NAMES:
            code_of.append(NATIONAL_CODE)
            short_of.append("全国")
            continue
        try:
            region = reg.resolve(name)
        except RegionNotFoundError as exc:
            i = _first(idx == k)
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: {exc} If this is a known misspelling, "
                f"pass region_fixes={{{name!r}: '<correct name>'}} (CLI: --fix-region {name}=<name>); "
                "the fix is reported.",
                zh=f"{src.file} 第 {src.row(i)} 行 {column!r} 列：无法识别地区 {name!r}。如果是已知的错别字，"
                f"请用 --fix-region {name}=<正确名称> 显式更正（更正会被报告）。",
            ) from None
        code_of.append(region.adcode)
        short_of.append(region.short_zh)
    repairs.sort(key=lambda r: r.row or 0)
    code_arr = np.array(code_of, dtype=object)
    out_code = code_arr[idx] if codes is not None else code_arr
    if codes is not None:
        given = labels(codes).to_numpy(dtype=object)
        differ = (given != out_code) & ~((out_code == NATIONAL_CODE) & np.isin(given, list(NATIONAL_NAMES)))
        if differ.any():
            i = _first(differ)
            g = str(given[i])
            if g not in reg and g != NATIONAL_CODE:
                raise DataValidationError(
                    f"{src.file}, row {src.row(i)}, column 'region_code': unknown adcode {g!r}. "
                    "Use six-digit GB/T 2260 codes, e.g. 110000 for 北京.",
                    zh=f"{src.file} 第 {src.row(i)} 行 'region_code' 列：无法识别的行政区划代码 {g!r}。"
                    "请使用六位 GB/T 2260 代码，如北京为 110000。",
                )
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}: region_code {g!r} does not match region "
                f"{str(names.iloc[i])!r} ({out_code[i]}). Correct one of the two.",
                zh=f"{src.file} 第 {src.row(i)} 行：region_code {g!r} 与地区 {str(names.iloc[i])!r}"
                f"（{out_code[i]}）不一致。请更正其中之一。",
            )
    return (
        take_strings(code_of, idx).set_axis(names.index),
        take_strings(short_of, idx).set_axis(names.index),
        repairs,
    )


def parse_years(raw: pd.Series, src: RowSource, column: str) -> pd.Series:
    """Years as int in ``[1949, next year]``; '2023年' is accepted, anything else raises with the row.

    Each distinct cell text is parsed once."""
    idx, uniques = pd.factorize(as_text(raw))
    if (idx < 0).any():
        i = _first(idx < 0)
        raise DataValidationError(
            f"{src.file}, row {src.row(i)}, column {column!r}: '' is not a year. Write years as 2023.",
            zh=f"{src.file} 第 {src.row(i)} 行 {column!r} 列：'' 不是年份。请把年份写成 2023 这样的形式。",
        )
    year_of = year_values([str(u) for u in uniques], idx, src, column, raw.iloc.__getitem__)
    return pd.Series(year_of[idx], index=raw.index)


def year_values(
    uniques: Sequence[str], idx: np.ndarray, src: RowSource, column: str, cell: Callable[[int], object]
) -> np.ndarray:
    """The year of each distinct stripped cell text ``uniques[k]`` (``idx`` gives each row's ``k``, in order of
    first appearance); ``cell(i)`` is the raw cell of row ``i``, quoted in messages. Raises like
    :func:`parse_years` on the first row of the first bad text."""
    hi = max_year()
    year_of = np.empty(len(uniques), dtype=np.int64)
    for k, text in enumerate(uniques):
        y = pd.to_numeric(str(text).replace("年", "").strip(), errors="coerce")
        if pd.isna(y) or float(y) != int(y):
            i = _first(idx == k)
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: {cell(i)!r} is not a year. "
                "Write years as 2023.",
                zh=f"{src.file} 第 {src.row(i)} 行 {column!r} 列：{cell(i)!r} 不是年份。请把年份写成 2023 这样的形式。",
            )
        if not MIN_YEAR <= int(y) <= hi:
            i = _first(idx == k)
            raise DataValidationError(
                f"{src.file}, row {src.row(i)}, column {column!r}: year {int(y)} is out of range "
                f"[{MIN_YEAR}, {hi}]. Check the column mapping or the cell.",
                zh=f"{src.file} 第 {src.row(i)} 行 {column!r} 列：年份 {int(y)} 超出范围 [{MIN_YEAR}, {hi}]。"
                "请检查列的对应关系或该单元格。",
            )
        year_of[k] = int(y)
    return year_of


LEVELS_ORDER = ("province", "city", "county")
SPECIAL_CHOICES = ("error", "include", "exclude")
LEFT_OUT = ""


def _candidates(reg: object, name: str, within: str | None) -> dict[str, object]:
    """``{level: Region | RegionNotFoundError (several units) }`` for every level where ``name`` exists."""
    out: dict[str, object] = {}
    for lvl in LEVELS_ORDER:
        if not reg.candidates(name, lvl):  # type: ignore[attr-defined]
            continue  # resolving would only build a "not found" message (with costly suggestions)
        try:
            out[lvl] = reg.resolve(name, level=lvl, within=within)  # type: ignore[attr-defined]
        except RegionNotFoundError as exc:
            if " names " in str(exc):  # several units share the name at this level
                out[lvl] = exc
    return out


def _resolve_members(
    uniques: list[str],
    idx: np.ndarray,
    src: RowSource,
    column: str,
    fixes: Mapping[str, str],
    *,
    level: str | None,
    within: str | None,
    special: str,
) -> tuple[list[str], list[str], list[Repair]]:
    """The import side of region membership, one rule for every importer of names:

    - a table holds one level: ``level`` if given, else the level most of its names denote (北京 is then the
      province in a provincial table and the city in a city table); a name with no unit at that level is an
      error (mixed levels) unless ``level`` was given, in which case its rows are left out and reported;
    - a name shared by several units at the table level (朝阳区 in 北京 and 长春) is an error listing them;
      pass ``within`` (or region codes) to choose; a name read differently from its usual reading because of
      ``level``/``within`` is reported;
    - Hong Kong, Macao and Taiwan enter only when asked: ``special='include'`` (reported),
      ``'exclude'`` (left out, reported); the default ``'error'`` stops the import.
    """
    from yindi.errors import check_option
    from yindi.regions import registry

    check_option("special", special, SPECIAL_CHOICES, where="region import (CLI: --hk-mo-tw)")
    if level is not None:
        check_option("level", level, LEVELS_ORDER, where="region import (CLI: --level)")
    reg = registry()
    repairs: list[Repair] = []

    def first_row(k: int) -> int:
        return src.row(_first(idx == k))

    names: list[str] = []
    for k, raw in enumerate(uniques):
        name = raw
        if name in fixes:
            repairs.extend(
                Repair(src.file, src.row(int(i)), column, "region name fixed as asked", name, fixes[name])
                for i in np.flatnonzero(idx == k)
            )
            name = fixes[name]
        names.append(name)
    cands: list[dict[str, object]] = []
    for k, name in enumerate(names):
        if name in NATIONAL_NAMES:
            cands.append({})
            continue
        found = _candidates(reg, name, within)
        if not found:
            try:
                reg.resolve(name, within=within)
            except RegionNotFoundError as exc:
                raise DataValidationError(
                    f"{src.file}, row {first_row(k)}, column {column!r}: {exc} If this is a known misspelling, "
                    f"pass region_fixes={{{name!r}: '<correct name>'}} (CLI: --fix-region {name}=<name>); "
                    "the fix is reported.",
                    zh=f"{src.file} 第 {first_row(k)} 行 {column!r} 列：无法识别地区 {name!r}。如果是已知的错别字，"
                    f"请用 --fix-region {name}=<正确名称> 显式更正（更正会被报告）。",
                ) from None
        cands.append(found)
    table_level = level
    if table_level is None:
        tops = [next(lvl for lvl in LEVELS_ORDER if lvl in c) for c in cands if c]
        table_level = max(LEVELS_ORDER, key=tops.count) if tops else "province"
    code_of: list[str] = []
    short_of: list[str] = []
    for k, name in enumerate(names):
        found = cands[k]
        if not found:
            code_of.append(NATIONAL_CODE)
            short_of.append("全国")
            continue
        hit = found.get(table_level)
        if hit is None:
            own = next(lvl for lvl in LEVELS_ORDER if lvl in found)
            if level is None:
                raise DataValidationError(
                    f"{src.file}, row {first_row(k)}, column {column!r}: {name!r} is a {own}, but the table's "
                    f"other regions are {table_level}s; one table holds one level. Pass --level {table_level} "
                    f"(Python: level={table_level!r}) to leave the other levels out (reported), or import them "
                    "separately.",
                    zh=f"{src.file} 第 {first_row(k)} 行 {column!r} 列：{name!r} 是{_LEVEL_ZH[own]}级，而表中其他地区是"
                    f"{_LEVEL_ZH[table_level]}级；一张表只能有一个层级。请加 --level {table_level} 排除其他层级"
                    "（会报告），或分开导入。",
                )
            repairs.append(
                Repair(
                    src.file,
                    first_row(k),
                    column,
                    f"left out: not a {table_level} (a {own}; {int((idx == k).sum())} row(s)), as --level asked",
                    name,
                    "(left out)",
                )
            )
            code_of.append(LEFT_OUT)
            short_of.append(LEFT_OUT)
            continue
        if isinstance(hit, RegionNotFoundError):
            raise DataValidationError(
                f"{src.file}, row {first_row(k)}, column {column!r}: {hit} (CLI: --within NAME, or give region "
                "codes in a region_code column.)",
                zh=f"{src.file} 第 {first_row(k)} 行 {column!r} 列：地区名 {name!r} 对应多个地区，无法确定。请用 --within "
                "指定上级地区，或提供地区代码。",
            )
        region = cast("Region", hit)
        if not region.is_mainland:
            if special == "error":
                raise DataValidationError(
                    f"{src.file}, row {first_row(k)}, column {column!r}: {name!r} is outside the mainland "
                    "statistics (Hong Kong, Macao and Taiwan enter analyses only when asked). Pass --hk-mo-tw "
                    "include to keep it (reported) or --hk-mo-tw exclude to leave it out (reported).",
                    zh=f"{src.file} 第 {first_row(k)} 行 {column!r} 列：{name!r} 不在内地统计范围内（港澳台仅在明确要求时"
                    "参与分析）。请用 --hk-mo-tw include 保留（会报告）或 --hk-mo-tw exclude 排除（会报告）。",
                )
            action = "included as asked (--hk-mo-tw include)" if special == "include" else "left out as asked"
            repairs.append(
                Repair(
                    src.file,
                    first_row(k),
                    column,
                    f"{action}; outside the mainland statistics",
                    name,
                    region.short_zh if special == "include" else "(left out)",
                )
            )
            if special == "exclude":
                code_of.append(LEFT_OUT)
                short_of.append(LEFT_OUT)
                continue
        usual = next(lvl for lvl in LEVELS_ORDER if lvl in found)
        how = (
            f"read within {within!r}" if within is not None else f"read at the table's level {table_level!r}"
        )
        if within is not None or usual != table_level:
            after = f"{region.name_zh} ({region.adcode})"
            repairs.append(Repair(src.file, first_row(k), column, how, name, after))
        code_of.append(region.adcode)
        short_of.append(region.short_zh)
    repairs.sort(key=lambda r: r.row or 0)
    return code_of, short_of, repairs


_LEVEL_ZH = {"province": "省", "city": "市", "county": "县"}
