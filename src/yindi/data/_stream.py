"""Streaming import of a tidy CSV file: blocks of rows read by Arrow and kept only as compact codes.

A plain UTF-8 tidy CSV (``region, year, indicator, value[, unit]``) is read in blocks of ``BLOCK_BYTES``
(``pyarrow.csv.open_csv``; Arrow cuts blocks between rows, so a row is never split). Each block's text
columns are dictionary-encoded into int32 ids of the file's distinct cell texts and its values are cast to
float64; only these arrays outlive the block. Validation then runs column-wise on the distinct texts with the
same functions as the whole-table reader (:mod:`yindi.data.validate`), on row ids that are file rows − 2, so
every message names the same file, row and column as before, in the same order of checks: regions over the
whole file, then years, then values (a block whose values are not all clean numbers is kept as text and
scanned after the regions, exactly like :func:`~yindi.data.validate.parse_values`). The panel's string
columns are built once, in the final order, by ``take`` from the distinct texts.

Anything unusual goes to the exact path unchanged: a file the plain reader cannot take (another encoding,
blank lines, a ragged or multi-line row) makes :func:`read_tidy_csv` return None, and a table with
duplicate keys or mixed units is handed to :func:`~yindi.data.panel.make_panel` as the usual frame.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi.data._coded import CodedPanel
from yindi.data.panel import Indicator, Panel, Repair, make_panel
from yindi.data.validate import (
    LEFT_OUT,
    RowSource,
    quick_floats,
    resolve_names,
    scan_values,
    take_strings,
    year_values,
)
from yindi.errors import DataFormatError, DataValidationError

#: Bytes of CSV text parsed at a time (Arrow's block size). Arrow reads blocks ahead, so the memory in flight
#: grows with it; at 1 MiB the reading phase of a million-row import stays well below the later peak (the panel
#: being built), and smaller blocks only cost time.
BLOCK_BYTES = 1 << 20


def release_memory() -> None:
    """Give freed memory back to the system: Arrow's pool keeps freed blocks, and glibc's heap keeps the
    temporaries of a large import (a million rows: ~50 MB) unless asked to trim (``malloc_trim``; nothing
    where the C library has none)."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def need_column(columns: Sequence[str], column: str, role: str, origin: str) -> None:
    """Raise :class:`DataFormatError` naming the columns when ``column`` (for ``role``) is not among them."""
    if column not in columns:
        cols = ", ".join(map(repr, list(columns)[:20]))
        raise DataFormatError(
            f"{origin}: no column {column!r} for the {role} role. Columns are: {cols}. "
            f"Pass {role}='<column name>' (CLI: --{role} NAME).",
            zh=f"{origin}：没有用作 {role} 的列 {column!r}。现有的列：{'、'.join(map(repr, list(columns)[:20]))}。"
            f"请传入 {role}='<列名>'（命令行：--{role} NAME）。",
        )


class _Growing:
    """A preallocated array filled block by block (one allocation instead of a part per block, which kept the
    heap fragmented); it grows by half when the first block's estimate of the row count falls short."""

    def __init__(self, dtype: Any) -> None:
        self.data = np.empty(0, dtype=dtype)
        self.n = 0

    def add(self, part: np.ndarray, capacity: int) -> None:
        if self.n + len(part) > len(self.data):
            grown = np.empty(
                max(capacity, self.n + len(part), len(self.data) * 3 // 2), dtype=self.data.dtype
            )
            grown[: self.n] = self.data[: self.n]
            self.data = grown
        self.data[self.n : self.n + len(part)] = part
        self.n += len(part)

    def finish(self) -> np.ndarray:
        out = self.data[: self.n]
        self.data = np.empty(0, dtype=self.data.dtype)
        return out


class _TextColumn:
    """One text column read block by block: each row as the id of its raw cell text among the distinct ones."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.texts: list[str] = []
        self.buffer = _Growing(np.int32)
        self.rows: np.ndarray = np.empty(0, dtype=np.int32)

    def add(self, arr: Any, capacity: int) -> list[str]:
        """Append a block's cells; returns the block's distinct cell texts."""
        import pyarrow.compute as pc

        enc = pc.dictionary_encode(arr)
        to_global = np.empty(len(enc.dictionary), dtype=np.int32)
        texts: list[str] = enc.dictionary.to_pylist()
        for j, text in enumerate(texts):
            k = self.ids.get(text)
            if k is None:
                k = self.ids[text] = len(self.texts)
                self.texts.append(text)
            to_global[j] = k
        self.buffer.add(to_global[enc.indices.to_numpy(zero_copy_only=False)], capacity)
        return texts

    def finish(self) -> None:
        self.rows = self.buffer.finish()

    def factorized(self, keep: np.ndarray | None) -> tuple[np.ndarray, list[str]]:
        """``(idx, uniques)`` like ``pd.factorize`` of the stripped cells (of the kept rows): the distinct
        stripped texts in order of first appearance and each row's position among them (int32)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        stripped = pc.utf8_trim_whitespace(pa.array(self.texts, type=pa.string())).to_pylist()
        # the raw ids are in order of first appearance, so numbering their stripped texts in that order keeps it
        sid: dict[str, int] = {}
        of_raw = np.array([sid.setdefault(t, len(sid)) for t in stripped], dtype=np.int32)
        uniques = list(sid)
        if keep is None:
            if len(uniques) == len(self.texts):  # no two cells differ only by spaces: the raw ids serve
                return self.rows, uniques
            return of_raw[self.rows], uniques
        idx, first = pd.factorize(of_raw[self.rows[keep]])
        return idx.astype(np.int32), [uniques[k] for k in first]

    def drop(self) -> None:
        """Free the row ids once the column is validated."""
        self.rows = np.empty(0, dtype=np.int32)


def read_tidy_csv(
    path: Path,
    *,
    region: str,
    year: str,
    indicator: str,
    value: str,
    unit: str | None,
    metadata: Mapping[str, Indicator] | None,
    region_fixes: Mapping[str, str] | None,
    level: str | None,
    within: str | None,
    special: str,
    block_size: int | None = None,
) -> Panel | None:
    """The :func:`~yindi.data.table.read_table` of a tidy CSV file, streamed; None when the file needs the
    exact reader (the caller then reads it as a whole). ``block_size`` defaults to :data:`BLOCK_BYTES`."""
    import pyarrow as pa
    from pyarrow import csv as pacsv

    from yindi import limits
    from yindi.data._files import arrow_csv_options, plain_header

    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    if not head.strip():
        return None
    header = plain_header(path, head, scan_blank_lines=False)  # blank lines are found block by block below
    if header is None:
        return None
    origin = str(path)
    if any(c not in header for c in (region, year, indicator, value, *([unit] if unit else []))):
        return None  # the whole-file reader says which column is missing, after its own checks
    cols = {
        name: _TextColumn() for name in dict.fromkeys([region, year, indicator, *([unit] if unit else [])])
    }
    at = {name: header.index(name) for name in [*cols, value]}
    values = _Growing(np.float64)
    texts: list[tuple[int, Any]] = []  # (first row, raw value cells) of blocks that need the full scan
    cap, n, capacity = limits.limit("max_rows"), 0, 0
    block = block_size or BLOCK_BYTES
    pool = pa.default_memory_pool()
    try:
        for batch in pacsv.open_csv(path, **arrow_csv_options(len(header), block, keep_blank_lines=True)):
            rows = batch.num_rows
            if not capacity:  # the row count the first block suggests, for one allocation per column
                capacity = int(path.stat().st_size / block * rows * 1.02) + rows
            if n + rows <= cap:  # beyond the limit only count, to report the file's true row count
                for name, col in cols.items():
                    distinct = col.add(batch.column(at[name]), capacity)
                    if name == region and any(not t.strip() for t in distinct) and _blank_rows(batch):
                        return None  # blank or comma-only lines: the exact reader skips them, counting rows
                cells = batch.column(at[value])
                floats: np.ndarray | None = quick_floats(cells)
                if floats is None or np.isinf(floats).any():
                    texts.append((n, cells))
                    floats = np.full(rows, np.nan)
                values.add(floats, capacity)
                del cells, floats
            elif _blank_rows(batch):
                return None  # the exact reader counts the rows without the blank lines
            n += rows
            del batch
            pool.release_unused()  # Arrow's allocator keeps freed blocks otherwise (doubling the peak)
        release_memory()
    except (pa.ArrowInvalid, pa.ArrowException):
        return None  # ragged or multi-line rows, invalid UTF-8 further down: the exact reader names the row
    if n == 0:
        return None
    limits.check("max_rows", n, origin, what="the number of data rows", what_zh="数据行数")
    for col in cols.values():
        col.finish()
    del col
    panel = _validate(
        origin, cols, values.finish(), texts, region=region, year=year, indicator=indicator,
        value=value, unit=unit, metadata=metadata, region_fixes=region_fixes, level=level, within=within,
        special=special,
    )  # fmt: skip
    release_memory()
    return panel


def _blank_rows(batch: Any) -> bool:
    """Whether a block has a row whose every cell is blank (a blank or comma-only line)."""
    import pyarrow.compute as pc

    blank = None
    for column in batch.columns:
        empty = pc.equal(pc.utf8_trim_whitespace(column), "")
        blank = empty if blank is None else pc.and_(blank, empty)
    return bool(pc.any(blank).as_py()) if blank is not None else False


def _validate(
    origin: str,
    cols: dict[str, _TextColumn],
    values: np.ndarray,
    texts: list[tuple[int, Any]],
    *,
    region: str,
    year: str,
    indicator: str,
    value: str,
    unit: str | None,
    metadata: Mapping[str, Indicator] | None,
    region_fixes: Mapping[str, str] | None,
    level: str | None,
    within: str | None,
    special: str,
) -> Panel:
    """The checks of ``read_table`` in its order, on the codes of the whole file."""
    r_idx, r_uniq = cols[region].factorized(None)
    cols[region].drop()
    code_of, short_of, repairs = resolve_names(
        r_uniq, r_idx, RowSource(origin), region,
        region_fixes=region_fixes, level=level, within=within, special=special,
    )  # fmt: skip
    keep: np.ndarray | None = None
    src = RowSource(origin)
    if LEFT_OUT in code_of:  # rows left out by an explicit --level / --hk-mo-tw choice (reported in repairs)
        keep = ~np.isin(r_idx, [k for k, c in enumerate(code_of) if c == LEFT_OUT])
        if not keep.any():
            raise DataFormatError(
                f"{origin}: no rows left after leaving out the regions asked.",
                zh=f"{origin}：按要求排除地区后没有剩余的行。",
            )
        r_idx = r_idx[keep]
        src = RowSource(origin, rows=np.flatnonzero(keep) + 2)
    y_idx, y_uniq = cols[year].factorized(keep)
    raw_years = cols[year].rows if keep is None else cols[year].rows[keep]
    year_texts = cols[year].texts
    year_of = year_values(y_uniq, y_idx, src, year, lambda i: year_texts[raw_years[i]])
    raw_years = y_idx[:0]  # the cells are no longer needed
    cols[year].drop()
    _scan_value_blocks(origin, value, values, texts, keep, repairs)
    if keep is not None:
        values = values[keep]
    i_idx, i_uniq = cols[indicator].factorized(keep)
    cols[indicator].drop()
    if unit is not None:
        u_idx, u_uniq = cols[unit].factorized(keep)
        cols[unit].drop()
    else:
        u_idx, u_uniq = np.zeros(len(i_idx), dtype=np.int32), [""]
    cols.clear()
    columns = {
        "region_code": (code_of, r_idx),
        "region": (short_of, r_idx),
        "indicator": (i_uniq, i_idx),
        "unit": (u_uniq, u_idx),
    }
    order = _order(code_of, r_idx, year_of, y_idx, i_uniq, i_idx, u_uniq, u_idx)
    if order is None:  # duplicate keys or mixed units: the usual checks, messages and repairs
        frame = _frame(columns, year_of[y_idx], values, None)
        frame["_row"] = src.rows if src.rows is not None else np.arange(2, len(values) + 2)
        return make_panel(frame, dict(metadata or {}), repairs=repairs, sources=[origin], origin=origin)
    meta: dict[str, Indicator] = dict(metadata or {})
    pairs = pd.unique(i_idx.astype(np.int64) * len(u_uniq) + u_idx)
    unit_of = {i_uniq[p // len(u_uniq)]: u_uniq[p % len(u_uniq)] for p in pairs.tolist()}
    for ind in sorted(unit_of):  # like make_panel: indicators without metadata added in sorted order
        if ind not in meta:
            meta[ind] = Indicator(ind, ind, ind, unit_of[ind])
    perm = order if len(order) else None
    years = year_of[y_idx if perm is None else y_idx[perm]]
    del order, pairs, y_idx
    if perm is not None:  # region_code and region share their row ids: permute them once
        r_idx, i_idx, u_idx, values = r_idx[perm], i_idx[perm], u_idx[perm], values[perm]
    coded = {
        "region_code": (code_of, r_idx),
        "region": (short_of, r_idx),
        "indicator": (i_uniq, i_idx),
        "unit": (u_uniq, u_idx),
    }
    # the frame's string columns are built only when asked for (the workspace stores the codes as they are)
    return CodedPanel.of(coded, years, values, meta, repairs, (origin,))


def _scan_value_blocks(
    origin: str,
    column: str,
    values: np.ndarray,
    texts: list[tuple[int, Any]],
    keep: np.ndarray | None,
    repairs: list[Repair],
) -> None:
    """Parse the value blocks that are not all clean numbers (into ``values``) like ``parse_values`` on the
    whole column: the first cell that is not a number wins over the first that overflows, wherever they are."""
    import pyarrow as pa

    not_number: DataValidationError | None = None
    too_large: DataValidationError | None = None
    for start, cells in texts:
        mask = np.ones(len(cells), dtype=bool) if keep is None else keep[start : start + len(cells)]
        if not mask.any():
            continue
        sub = cells if keep is None else cells.filter(pa.array(mask))
        rows = np.flatnonzero(mask) + start + 2
        raw = pd.Series(sub, dtype=pd.StringDtype("pyarrow"))
        out, bad, big = scan_values(raw, RowSource(origin, rows=rows), column, repairs)
        values[start : start + len(cells)][mask] = out
        not_number, too_large = not_number or bad, too_large or big
    if not_number is not None or too_large is not None:
        raise not_number or too_large  # type: ignore[misc]


def _order(
    code_of: list[str],
    r_idx: np.ndarray,
    year_of: np.ndarray,
    y_idx: np.ndarray,
    i_uniq: list[str],
    i_idx: np.ndarray,
    u_uniq: list[str],
    u_idx: np.ndarray,
) -> np.ndarray | None:
    """The permutation into the panel order ``(indicator, region_code, year)`` (empty when the rows are in it
    already), or None when two rows share a key or an indicator has two units (left to ``make_panel``)."""
    pairs = pd.unique(i_idx.astype(np.int64) * len(u_uniq) + u_idx)
    if len(pairs) != len(set((pairs // len(u_uniq)).tolist())):
        return None
    codes = {c: k for k, c in enumerate(sorted({c for c in code_of if c != LEFT_OUT}))}
    reg_rank = np.array([codes.get(c, 0) for c in code_of], dtype=np.int64)
    years = np.unique(year_of)
    yr_rank = np.searchsorted(years, year_of).astype(np.int64)
    ind_rank = np.empty(len(i_uniq), dtype=np.int64)
    ind_rank[np.argsort(np.array(i_uniq, dtype=object), kind="stable")] = np.arange(len(i_uniq))
    key = ind_rank[i_idx] * max(len(codes), 1)
    key += reg_rank[r_idx]
    key *= max(len(years), 1)
    key += yr_rank[y_idx]
    step = np.diff(key)
    if (step > 0).all():
        return np.empty(0, dtype=np.int64)
    if not (step < 0).any():  # sorted with equal neighbours: duplicates
        return None
    perm = np.argsort(key, kind="stable")
    if (np.diff(key[perm]) == 0).any():
        return None
    return perm


def _frame(
    columns: dict[str, tuple[list[str], np.ndarray]],
    years: np.ndarray,
    values: np.ndarray,
    perm: np.ndarray | None,
) -> pd.DataFrame:
    """The panel frame: each text column taken from its distinct texts, in the order ``perm``. ``columns`` is
    emptied as the columns are built, so that each column's row ids are freed as soon as they are used."""

    def text(name: str) -> pd.Series:
        uniques, idx = columns.pop(name)
        out = take_strings(uniques, idx if perm is None else idx[perm])
        del idx
        release_memory()  # Arrow's take grows its buffers; give the spare capacity back before the next column
        return out

    data = {name: text(name) for name in ("region_code", "region", "indicator", "unit")}
    data["year"] = pd.Series(years.astype(np.int64, copy=False))
    data["value"] = pd.Series(values if perm is None else values[perm])
    return pd.DataFrame(data, copy=False)[["region_code", "region", "year", "indicator", "value", "unit"]]
