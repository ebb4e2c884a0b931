"""Importer for generic tables (CSV, Excel, Parquet), tidy or wide, with a column-role mapping.

Users keep their column names and say which column plays which role::

    read_table("my.xlsx", region="省份", year="年份", indicator="指标", value="数值", unit="单位")   # tidy
    read_table("my.csv", region="地区", year="年份", indicators={"GDP(亿元)": "gdp"})               # wide
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from yindi.data._files import read_csv_text, read_excel_text
from yindi.data.panel import Indicator, Panel, Repair, make_panel
from yindi.data.validate import RowSource, parse_values, parse_years, resolve_regions
from yindi.errors import DataFormatError

_NAME_UNIT = re.compile(r"^(.*?)\s*[(（]([^()（）]*)[)）]\s*$")


def _read_any(path: Path, sheet: str | int | None) -> pd.DataFrame:
    """Read a file as cells; the index holds the file row of each data row (header on row 1)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise DataFormatError(f"{path}: file not found.")
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
                f"{path}: not a readable Parquet file ({type(exc).__name__}: {exc})."
            ) from None
        if frame.empty:
            raise DataFormatError(f"{path}: the table has no rows.")
        frame.index = pd.Index(range(1, len(frame) + 1), name="file_row")
        return frame
    raise DataFormatError(f"{path}: unsupported file type {suffix!r}; use .csv, .xlsx or .parquet.")


def _need(frame: pd.DataFrame, column: str, role: str, origin: str) -> None:
    if column not in frame.columns:
        cols = ", ".join(map(repr, frame.columns[:20]))
        raise DataFormatError(
            f"{origin}: no column {column!r} for the {role} role. Columns are: {cols}. "
            f"Pass {role}='<column name>' (CLI: --{role} NAME)."
        )


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
    """
    if isinstance(source, pd.DataFrame):
        if source.empty:
            raise DataFormatError("<DataFrame>: the table has no rows.")
        frame = source.astype(object).set_axis(pd.Index(range(1, len(source) + 1), name="file_row"))
        origin = "<DataFrame>"
    else:
        path = Path(source)
        frame = _read_any(path, sheet)
        origin = str(path)
    file_rows = [int(r) for r in frame.index]
    frame = frame.reset_index(drop=True)
    _need(frame, region, "region", origin)
    _need(frame, year, "year", origin)
    if (indicator is None) != (value is None):
        raise DataFormatError(
            f"{origin}: a tidy table needs both indicator= and value= columns; a wide table needs neither."
        )
    if indicator is not None and value is not None:
        _need(frame, indicator, "indicator", origin)
        _need(frame, value, "value", origin)
        if unit is not None:
            _need(frame, unit, "unit", origin)
        long = pd.DataFrame(
            {
                "region_raw": frame[region],
                "year": frame[year],
                "indicator": frame[indicator].astype(str).str.strip(),
                "value": frame[value],
                "unit": frame[unit].astype(str).str.strip() if unit is not None else "",
                "row": file_rows,
                "column": value,
            }
        )
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
            raise DataFormatError(f"{origin}: no value columns besides {region!r} and {year!r}.")
        for col in mapping:
            _need(frame, col, "indicators", origin)
        parts = []
        meta = dict(metadata or {})
        for col, ident in mapping.items():
            m = _NAME_UNIT.match(col)
            name, parsed_unit = (m.group(1).strip(), m.group(2).strip()) if m else (col, "")
            if ident == col and m:
                ident = name
            the_unit = (units or {}).get(ident, parsed_unit)
            meta.setdefault(ident, Indicator(ident, name, name, the_unit, source=origin))
            parts.append(
                pd.DataFrame(
                    {
                        "region_raw": frame[region],
                        "year": frame[year],
                        "indicator": ident,
                        "value": frame[col],
                        "unit": the_unit,
                        "row": file_rows,
                        "column": col,
                    }
                )
            )
        long = pd.concat(parts, ignore_index=True)
    # Validate cell by cell; each long-table cell knows its file row.
    cell_src = RowSource(origin, rows=tuple(int(r) for r in long["row"]))
    codes, names, repairs = resolve_regions(long["region_raw"], cell_src, region, region_fixes=region_fixes)
    years = parse_years(long["year"], cell_src, year)
    values = _parse_by_column(long, cell_src, repairs)
    out = pd.DataFrame(
        {
            "region_code": codes,
            "region": names,
            "year": years,
            "indicator": long["indicator"],
            "value": values,
            "unit": long["unit"],
            "_file": origin,
            "_row": long["row"],
        }
    )
    return make_panel(out, meta, repairs=repairs, sources=[origin], origin=origin)


def _parse_by_column(long: pd.DataFrame, src: RowSource, repairs: list[Repair]) -> pd.Series:
    parts = []
    for col, part in long.groupby("column", sort=False):
        raw = part["value"]
        if raw.dtype == object:
            raw = raw.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))
        rows = RowSource(src.file, rows=tuple(int(r) for r in part["row"]))
        parts.append(parse_values(raw.reset_index(drop=True), rows, str(col), repairs).set_axis(part.index))
    out: pd.Series = pd.concat(parts).reindex(long.index)
    return out
