"""Column parsing for large long tables: the shared row validators of :mod:`yindi.data.validate`, run once per
distinct value (labels, years) or only when a vectorised check fails (values), so that a county-scale table of
millions of rows reads in seconds while every error still names the file, the row and the column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from yindi.data.panel import Repair
from yindi.data.validate import RowSource, parse_values, parse_years, resolve_regions
from yindi.errors import YindiError

#: Plain decimal numbers (the fast path of ``parse_values``): no thousands separators, units or 'inf'.
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """Position of the first row of each factorised code 0..k-1."""
    _, first = np.unique(codes, return_index=True)
    return first


def per_unique(
    col: pd.Series, src: RowSource, parse: Callable[[pd.Series, RowSource], pd.Series]
) -> pd.Series:
    """Apply a row validator to each distinct value, with the row of its first occurrence in messages."""
    codes, _ = pd.factorize(col, use_na_sentinel=False)
    parsed = [
        parse(col.iloc[[int(pos)]], RowSource(src.file, src.row(int(pos)))) for pos in _first_rows(codes)
    ]
    values = pd.concat(parsed).to_numpy()
    return pd.Series(values[codes], index=col.index, name=col.name)


def values(col: pd.Series, src: RowSource, name: str, notes: list[str] | None = None) -> pd.Series:
    """``parse_values`` semantics; vectorised when every cell is a plain number.

    Cells written with thousands separators are read as numbers and summarised in one line added to ``notes``
    (without ``notes`` they are an error).
    """
    if pd.api.types.is_numeric_dtype(col):
        return col.astype("float64")
    text = col.astype("string").str.strip()
    if bool(text.str.fullmatch(_NUMBER.pattern).fillna(False).all()):
        return pd.to_numeric(text).astype("float64")
    repairs: list[Repair] | None = [] if notes is not None else None
    out = parse_values(col, src, name, repairs)
    if repairs and notes is not None:
        first = repairs[0]
        notes.append(
            f"{src.file}: {len(repairs)} value(s) in column {name!r} written with thousands separators were read "
            f"as numbers (first: row {first.row}, {first.before!r} → {first.after})."
        )
    return out


def years(col: pd.Series, src: RowSource, name: str) -> pd.Series:
    return per_unique(col, src, lambda s, rs: parse_years(s, rs, name)).astype("int64")


def labels(col: pd.Series) -> pd.Series:
    """Labels as stripped strings (computed once per distinct value)."""
    codes, uniques = pd.factorize(col, use_na_sentinel=False)
    return _categorical([str(u).strip() for u in uniques], codes, col)


def _categorical(per_code: list[str], codes: np.ndarray, like: pd.Series) -> pd.Series:
    """A categorical Series whose row i is ``per_code[codes[i]]`` (no per-row string objects)."""
    cats, remap = np.unique(np.asarray(per_code, dtype=object).astype(str), return_inverse=True)
    cat = pd.Categorical.from_codes(remap[codes], categories=pd.Index(cats, dtype=object))
    return pd.Series(cat, index=like.index, name=like.name)


def regions(
    names: pd.Series,
    src: RowSource,
    column: str,
    *,
    codes: pd.Series | None,
    region_fixes: Mapping[str, str] | None,
) -> tuple[pd.Series, pd.Series, list[str]]:
    """``resolve_regions`` once per distinct (name, code) pair; repairs reported with their row counts."""
    key = names.astype(str) if codes is None else names.astype(str) + "\x1f" + codes.astype(str)
    k, _ = pd.factorize(key, use_na_sentinel=False)
    counts = np.bincount(k)
    first = _first_rows(k)
    if codes is not None:  # names checked against codes: each pair on its own, so all pairs in one call
        try:
            return _regions_at_once(names, src, column, codes, region_fixes, k, first, counts)
        except YindiError:
            pass  # the pair-by-pair loop below raises the same error as before, for the first bad pair
    out_code, out_name, notes = [], [], []
    for j, pos in enumerate(first):
        rs = RowSource(src.file, src.row(int(pos)))
        c_in = None if codes is None else codes.iloc[[int(pos)]]
        c, n, repairs = resolve_regions(
            names.iloc[[int(pos)]], rs, column, region_fixes=region_fixes, codes=c_in
        )
        out_code.append(c.iloc[0])
        out_name.append(n.iloc[0])
        notes += [f"{r} ({counts[j]} row(s))" for r in repairs]
    return _categorical(out_code, k, names), _categorical(out_name, k, names), notes


def _regions_at_once(
    names: pd.Series,
    src: RowSource,
    column: str,
    codes: pd.Series,
    region_fixes: Mapping[str, str] | None,
    k: np.ndarray,
    first: np.ndarray,
    counts: np.ndarray,
) -> tuple[pd.Series, pd.Series, list[str]]:
    """:func:`regions` when codes are given: ``resolve_regions`` once on the first row of every distinct
    (name, code) pair (the same per-pair results and repairs, each repair counted with its pair's rows)."""
    rows = [src.row(int(pos)) for pos in first]
    c, n, repairs = resolve_regions(
        names.iloc[first].reset_index(drop=True),
        RowSource(src.file, rows=rows),
        column,
        region_fixes=region_fixes,
        codes=codes.iloc[first].reset_index(drop=True),
    )
    pair_of_row = {row: j for j, row in enumerate(rows)}
    notes = [f"{r} ({counts[pair_of_row[int(r.row or 0)]]} row(s))" for r in repairs]
    return _categorical(c.tolist(), k, names), _categorical(n.tolist(), k, names), notes
