"""Importer for generic tables (CSV, Excel, Parquet), tidy or wide, with a column-role mapping.

Users keep their column names and say which column plays which role::

    read_table("my.xlsx", region="省份", year="年份", indicator="指标", value="数值", unit="单位")   # tidy
    read_table("my.csv", region="地区", year="年份", indicators={"GDP(亿元)": "gdp"})               # wide
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from yindi.data._files import read_csv_text, read_excel_text
from yindi.data._stream import need_column, read_tidy_csv
from yindi.data.panel import Indicator, Panel, make_panel
from yindi.data.validate import (
    RowSource,
    labels,
    parse_values,
    parse_years,
    resolve_regions,
    take_strings,
)
from yindi.errors import DataFormatError

_NAME_UNIT = re.compile(r"^(.*?)\s*[(（]([^()（）]*)[)）]\s*$")


def _check_file(path: Path) -> None:
    from yindi import limits

    if not path.exists():
        raise DataFormatError(f"{path}: file not found.", zh=f"{path}：找不到文件。")
    limits.check(
        "max_file_bytes", path.stat().st_size, str(path), what="the file size in bytes", what_zh="文件字节数"
    )


def _read_any(path: Path, sheet: str | int | None) -> pd.DataFrame:
    """Read a file as cells; the index holds the file row of each data row (header on row 1)."""
    suffix = path.suffix.lower()
    _check_file(path)
    if suffix in {".csv", ".txt"}:
        return read_csv_text(path)
    if suffix in {".xlsx", ".xlsm"}:
        if isinstance(sheet, str) and sheet.isdigit():
            sheet = int(sheet)
        return read_excel_text(path, sheet)
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:
            raise DataFormatError(
                f"{path}: not a readable Parquet file ({type(exc).__name__}: {exc}).",
                zh=f"{path}：不是可读取的 Parquet 文件（{type(exc).__name__}: {exc}）。",
            ) from None
        if frame.empty:
            raise DataFormatError(f"{path}: the table has no rows.", zh=f"{path}：表格没有数据行。")
        frame.index = pd.Index(range(1, len(frame) + 1), name="file_row")
        return frame
    raise DataFormatError(
        f"{path}: unsupported file type {suffix!r}; use .csv, .xlsx or .parquet.",
        zh=f"{path}：不支持的文件类型 {suffix!r}；请使用 .csv、.xlsx 或 .parquet。",
    )


def _need(frame: pd.DataFrame, column: str, role: str, origin: str) -> None:
    need_column([str(c) for c in frame.columns], column, role, origin)


def read_table(
    source: str | Path | pd.DataFrame,
    *,
    region: str = "region",
    year: str = "year",
    indicator: str | None = None,
    value: str | None = None,
    unit: str | None = None,
    indicators: Mapping[str, str] | Sequence[str] | None = None,
    units: Mapping[str, str] | None = None,
    metadata: Mapping[str, Indicator] | None = None,
    sheet: str | int | None = None,
    region_fixes: Mapping[str, str] | None = None,
    level: str | None = None,
    within: str | None = None,
    special: str = "error",
) -> Panel:
    """Read a tidy or wide table into a validated :class:`Panel`.

    Parameters
    ----------
    source : path or DataFrame
        ``.csv`` (UTF-8 or GB18030), ``.xlsx`` or ``.parquet`` file, or a DataFrame.
    region, year : str
        Columns holding region names/codes and years.
    indicator, value, unit : str, optional
        Tidy layout: columns holding the indicator id, the value and (optionally) the unit.
    indicators : mapping or sequence, optional
        Wide layout: value columns to read, as a list or as ``{column: indicator_id}``. Default: every
        column other than ``region`` and ``year``. A header like ``GDP (亿元)`` gives the unit.
    units : mapping, optional
        Wide layout: ``{indicator_id: unit}``, overriding units parsed from headers.
    metadata : mapping, optional
        Indicator metadata to attach (names, units, sources).
    sheet : str or int, optional
        Excel sheet.
    region_fixes : mapping, optional
        Explicit corrections of misspelled region names; each use is reported in ``panel.repairs``.
    level : {"province", "city", "county"}, optional
        The table's level. Default: the level most names denote; a name of another level is then an error.
        Given explicitly, rows of other levels are left out and reported.
    within : str, optional
        Read names inside this region (e.g. ``"北京"`` for a table of its districts); reported.
    special : {"error", "include", "exclude"}
        Hong Kong, Macao and Taiwan: an error (default), kept, or left out — kept and left out are reported.
    """
    if isinstance(source, pd.DataFrame):
        if source.empty:
            raise DataFormatError("<DataFrame>: the table has no rows.", zh="<DataFrame>：表格没有数据行。")
        frame = source.astype(object).set_axis(pd.Index(range(1, len(source) + 1), name="file_row"))
        origin = "<DataFrame>"
    else:
        path = Path(source)
        if indicator is not None and value is not None and path.suffix.lower() in {".csv", ".txt"}:
            _check_file(path)  # a plain UTF-8 tidy CSV is streamed in blocks (yindi.data._stream)
            streamed = read_tidy_csv(
                path, region=region, year=year, indicator=indicator, value=value, unit=unit,
                metadata=metadata, region_fixes=region_fixes, level=level, within=within, special=special,
            )  # fmt: skip
            if streamed is not None:
                return streamed
        frame = _read_any(path, sheet)
        origin = str(path)
    file_rows = np.asarray(frame.index, dtype=np.int64)
    frame = frame.reset_index(drop=True)
    _need(frame, region, "region", origin)
    _need(frame, year, "year", origin)
    if (indicator is None) != (value is None):
        raise DataFormatError(
            f"{origin}: a tidy table needs both indicator= and value= columns; a wide table needs neither.",
            zh=f"{origin}：长表需要同时给出 indicator= 和 value= 列；宽表两者都不需要。",
        )
    src = RowSource(origin, rows=file_rows)
    if indicator is not None and value is not None:
        _need(frame, indicator, "indicator", origin)
        _need(frame, value, "value", origin)
        if unit is not None:
            _need(frame, unit, "unit", origin)
        value_cols = {value: ""}
        meta = dict(metadata or {})
    else:
        if indicators is None:
            cols = [c for c in frame.columns if c not in {region, year}]
            mapping = {str(c): str(c) for c in cols}
        elif isinstance(indicators, Mapping):
            mapping = {str(k): str(v) for k, v in indicators.items()}
        else:
            mapping = {str(c): str(c) for c in indicators}
        if not mapping:
            raise DataFormatError(
                f"{origin}: no value columns besides {region!r} and {year!r}.",
                zh=f"{origin}：除 {region!r} 和 {year!r} 之外没有数值列。",
            )
        for col in mapping:
            _need(frame, col, "indicators", origin)
        _looks_tidy(frame, mapping, origin)
        meta = dict(metadata or {})
        value_cols = {}
        for col, ident in mapping.items():
            m = _NAME_UNIT.match(col)
            name, parsed_unit = (m.group(1).strip(), m.group(2).strip()) if m else (col, "")
            if ident == col and m:
                ident = name
            the_unit = (units or {}).get(ident, parsed_unit)
            meta.setdefault(ident, Indicator(ident, name, name, the_unit, source=origin))
            value_cols[col] = ident
    # Validate column-wise: each distinct region and year once, each value column in one vectorised pass;
    # only the first bad cell is turned into a message (file, row, column).
    codes, names, repairs = resolve_regions(
        frame[region], src, region, region_fixes=region_fixes, level=level, within=within, special=special
    )
    keep = (codes != "").to_numpy(dtype=bool)
    if not keep.all():  # rows left out by an explicit --level / --hk-mo-tw choice (reported in repairs)
        frame, codes, names = frame[keep].reset_index(drop=True), codes[keep], names[keep]
        file_rows = file_rows[keep]
        src = RowSource(origin, rows=file_rows)
        if frame.empty:
            raise DataFormatError(
                f"{origin}: no rows left after leaving out the regions asked.",
                zh=f"{origin}：按要求排除地区后没有剩余的行。",
            )
    years = parse_years(frame[year], src, year)
    parsed = {col: parse_values(frame[col], src, col, repairs).to_numpy() for col in value_cols}
    k = len(value_cols)

    def stacked(series: pd.Series) -> pd.Series:  # the columns of a wide table, one under the other
        series = series.reset_index(drop=True)
        return series if k == 1 else pd.concat([series] * k, ignore_index=True)

    if indicator is not None:
        ind_col = labels(frame[indicator])
        unit_col = labels(frame[unit]) if unit is not None else take_strings([], np.full(len(frame), -1))
    else:
        ident_idx = np.repeat(np.arange(k), len(frame))
        ind_col = take_strings(list(value_cols.values()), ident_idx)
        unit_col = take_strings([meta[i].unit for i in value_cols.values()], ident_idx)
    out = pd.DataFrame(
        {
            "region_code": stacked(codes),
            "region": stacked(names),
            "year": np.tile(years.to_numpy(), k),
            "indicator": ind_col,
            "value": np.concatenate(list(parsed.values())),
            "unit": unit_col,
            "_row": np.tile(file_rows, k),
        }
    )
    del frame, parsed, codes, names, ind_col, unit_col  # free the cells before make_panel builds its copy
    return make_panel(out, meta, repairs=repairs, sources=[origin], origin=origin)


def _looks_tidy(frame: pd.DataFrame, mapping: Mapping[str, str], origin: str) -> None:
    """A wide read of a tidy table (``indicator`` and ``value`` columns without --indicator/--value) would
    fail on "'gdp' is not a number"; say what to pass instead."""
    roles = {c.lower(): c for c in mapping}
    ind = next((roles[c] for c in ("indicator", "指标", "variable", "变量") if c in roles), None)
    val = next((roles[c] for c in ("value", "数值", "值") if c in roles), None)
    if ind is None or val is None:
        return
    sample = frame[ind].head(50)
    numeric = pd.to_numeric(sample, errors="coerce").notna().mean() if len(sample) else 1.0
    if numeric < 0.5:
        raise DataFormatError(
            f"{origin}: this looks like a tidy (long) table — column {ind!r} holds indicator names and {val!r} "
            f"the values — but it was read as a wide table. Pass the roles: --indicator {ind} --value {val}"
            f" (Python: indicator={ind!r}, value={val!r}).",
            zh=f"{origin}：这看起来是长表（{ind!r} 列是指标名，{val!r} 列是数值），却被当作宽表读取。请指定列角色："
            f"--indicator {ind} --value {val}。",
        )
