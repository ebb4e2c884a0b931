"""Importer for files exported from the NBS statistics website (国家统计局 国家数据, 分省年度数据).

An export looks like this (UTF-8 with BOM or GB18030; cells end in a tab before the comma)::

    数据库：分省年度数据
    时间：2021年-2025年
    地区\t,2025年\t,2024年\t, ...          ← header: regions × years (one indicator) ...
    北京市\t,\t,49670.2\t, ...             ← a blank cell is a missing value, never zero
    ...
    注：1. ...                              ← footer: notes, then 数据来源：国家统计局

or, for one year, regions × indicators with headers like ``地区生产总值 (亿元)``; national tables have
``指标`` instead of ``地区`` in the first header cell (rows are indicators, the region is 全国).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from yindi.data.catalogue import NBS_NAMES
from yindi.data.panel import Indicator, Panel, Repair, make_panel
from yindi.data.validate import MIN_YEAR, NATIONAL_CODE, RowSource, max_year, parse_values, resolve_regions
from yindi.errors import DataFormatError

_HEADER_DB = re.compile(r"^数据库[:：]")
_HEADER_TIME = re.compile(r"^时间[:：]\s*(.*)$")
_YEAR_CELL = re.compile(r"^(\d{4})年?$")
_NAME_UNIT = re.compile(r"^(.*?)\s*[(（]([^()（）]*)[)）]\s*$")
_FOOTER = re.compile(r"^(注[:：]|数据来源[:：])")
_NUMBER = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")


@dataclass(frozen=True)
class NbsTable:
    """The parsed parts of an export, before validation."""

    database: str
    time: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (file line number, cells)
    notes: list[str]


def _read_text(path: Path) -> str:
    from yindi.data._encoding import decode_text

    return decode_text(path.read_bytes(), path)


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split(",")]
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def is_nbs_export(path: str | Path) -> bool:
    """True when the file starts like an NBS website export (``数据库：...``); reads only its first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    for enc in ("utf-8-sig", "gb18030"):
        text = head.decode(enc, errors="ignore").lstrip("\ufeff").lstrip()
        if _HEADER_DB.match(text):
            return True
    return False


def parse_nbs(path: str | Path) -> NbsTable:
    """Split an export into header lines, table rows (with file line numbers) and footer notes."""
    src = Path(path)
    lines = _read_text(src).lstrip("\ufeff").splitlines()
    if not lines or not _HEADER_DB.match(lines[0].strip()):
        raise DataFormatError(
            f"{src}, line 1: expected '数据库：…' as exported from the NBS website (data.stats.gov.cn). "
            "For other tables use read_table().",
            zh=f"{src} 第 1 行：应为从国家统计局网站（data.stats.gov.cn）导出的“数据库：…”。其他表格请用 read_table()。",
        )
    database = lines[0].split("：", 1)[-1].split(":", 1)[-1].strip()
    time_match = _HEADER_TIME.match(lines[1].strip()) if len(lines) > 1 else None
    if time_match is None:
        raise DataFormatError(
            f"{src}, line 2: expected '时间：…' after the database line.",
            zh=f"{src} 第 2 行：“数据库：…”一行之后应为“时间：…”。",
        )
    header_line = 2
    if header_line >= len(lines):
        raise DataFormatError(
            f"{src}: the table header (line 3) is missing.", zh=f"{src}：缺少表头（第 3 行）。"
        )
    header = _cells(lines[header_line])
    rows: list[tuple[int, list[str]]] = []
    notes: list[str] = []
    in_footer = False
    for number, line in enumerate(lines[header_line + 1 :], start=header_line + 2):
        text = line.strip()
        if in_footer or _FOOTER.match(text):
            in_footer = True
            cells = _cells(line)
            if len(cells) == len(header) > 1 and any(_NUMBER.match(c) for c in cells[1:]):
                raise DataFormatError(
                    f"{src}, line {number}: a data row ({cells[0]!r}) after the footer that starts on line "
                    f"{number - len(notes)}; it would be lost in the notes. Move it above the footer (注：/"
                    "数据来源：) or re-export the table from the NBS website.",
                    zh=f"{src} 第 {number} 行：表尾（注：/数据来源：）之后还有数据行（{cells[0]!r}），它会被当作注释而丢失。"
                    "请把它移到表尾之前，或从国家统计局网站重新导出。",
                )
            if text:
                notes.append(text)
            continue
        if not text:
            continue
        cells = _cells(line)
        if len(cells) != len(header):
            raise DataFormatError(
                f"{src}, line {number}: {len(cells)} cells but the header (line {header_line + 1}) has "
                f"{len(header)}. Re-export the table from the NBS website without editing it.",
                zh=f"{src} 第 {number} 行：有 {len(cells)} 个单元格，而表头（第 {header_line + 1} 行）有 "
                f"{len(header)} 个。请从国家统计局网站重新导出该表，不要手工编辑。",
            )
        rows.append((number, cells))
    if not rows:
        raise DataFormatError(f"{src}: the table has no data rows.", zh=f"{src}：表格没有数据行。")
    return NbsTable(database, time_match.group(1).strip(), header, rows, notes)


def _indicator_from_header(cell: str) -> tuple[str, str, str]:
    """'地区生产总值 (亿元)' → (id, name_zh, unit) using the catalogue; unknown names keep Chinese ids."""
    m = _NAME_UNIT.match(cell)
    name, unit = (m.group(1).strip(), m.group(2).strip()) if m else (cell.strip(), "")
    ident = NBS_NAMES.get(name, (name, name))[0]
    return ident, name, unit


def read_nbs_export(
    path: str | Path,
    *,
    indicator: str | None = None,
    name_zh: str | None = None,
    name_en: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    region_fixes: Mapping[str, str] | None = None,
    level: str | None = None,
    within: str | None = None,
    special: str = "error",
) -> Panel:
    """Read an NBS website export into a validated :class:`Panel`.

    Parameters
    ----------
    path : str or Path
        The exported ``.csv`` file.
    indicator, name_zh, name_en, unit : str, optional
        For a region × year table, which holds one indicator whose name is not in the file: its id, names
        and unit. Defaults: the id is the file name without extension (reported in ``panel.repairs``).
    year : int, optional
        For a region × indicator table whose ``时间：`` line is empty, the year of the data.
    region_fixes : mapping, optional
        Explicit corrections of misspelled region names, each use reported.

    Notes
    -----
    Blank cells are missing values (NaN), never zero. The footer notes (注：…, 数据来源：…) are kept in the
    indicators' ``note``.
    """
    src = Path(path)
    table = parse_nbs(src)
    first = table.header[0]
    value_cols = table.header[1:]
    lines = tuple(n for n, _ in table.rows)
    at_lines = RowSource(str(src), rows=lines)
    body = pd.DataFrame([cells for _, cells in table.rows], columns=table.header)
    repairs: list[Repair] = []
    numbers = pd.DataFrame(
        {c: parse_values(body[c].astype("string"), at_lines, c, repairs).to_numpy() for c in value_cols}
    )
    notes = " ".join(table.notes)
    source = f"NBS export {src.name}"
    year_cols = [c for c in value_cols if _YEAR_CELL.match(c)]
    all_years = bool(year_cols) and len(year_cols) == len(value_cols)

    if first == "指标":  # national table: rows are indicators, columns are years
        if not all_years:
            raise DataFormatError(
                f"{src}, line 3: a national table (指标 × years) needs year columns (2024年, …).",
                zh=f"{src} 第 3 行：全国表（指标 × 年份）需要年份列（2024年、…）。",
            )
        years = _header_years(src, value_cols)
        parsed = [_indicator_from_header(c) for c in body[first]]
        frames = [
            pd.DataFrame(
                {
                    "region_code": NATIONAL_CODE,
                    "region": "全国",
                    "year": years,
                    "indicator": ident,
                    "value": numbers.iloc[i].to_numpy(),
                    "unit": unit if unit is not None else parsed_unit,
                }
            )
            for i, (ident, _, parsed_unit) in enumerate(parsed)
        ]
        meta = {p[0]: _catalogue_indicator(p, source, notes) for p in parsed}
        _check_footer(src, table)
        return make_panel(pd.concat(frames, ignore_index=True), meta, sources=[str(src)], origin=str(src))
    if first != "地区":
        raise DataFormatError(
            f"{src}, line 3: the first header cell is {first!r}; expected '地区' or '指标'.",
            zh=f"{src} 第 3 行：表头第一个单元格是 {first!r}，应为“地区”或“指标”。",
        )

    codes, names, fixes = resolve_regions(
        body[first], at_lines, first, region_fixes=region_fixes, level=level, within=within, special=special
    )
    repairs.extend(fixes)
    keep = (codes != "").to_numpy(dtype=bool)
    if not keep.all():  # left out by an explicit choice, reported in repairs
        body, numbers = body[keep].reset_index(drop=True), numbers[keep].reset_index(drop=True)
        codes, names = codes[keep].reset_index(drop=True), names[keep].reset_index(drop=True)
        lines = tuple(n for n, k in zip(lines, keep, strict=True) if k)
    if all_years:  # one indicator, regions × years
        ident = indicator or src.stem
        if indicator is None:
            repairs.append(
                Repair(
                    str(src),
                    None,
                    None,
                    "indicator id taken from the file name (pass indicator=, CLI --indicator-id)",
                    "",
                    ident,
                )
            )
        years = _header_years(src, value_cols)
        long = pd.DataFrame(
            {
                "region_code": np.repeat(codes.to_numpy(), len(years)),
                "region": np.repeat(names.to_numpy(), len(years)),
                "year": np.tile(years, len(body)),
                "indicator": ident,
                "value": numbers.to_numpy().ravel(),
                "unit": unit or "",
                "_file": str(src),
                "_row": np.repeat(lines, len(years)),
            }
        )
        meta = {
            ident: Indicator(
                ident, name_zh or ident, name_en or name_zh or ident, unit or "", source=source, note=notes
            )
        }
    elif not year_cols:  # one year, regions × indicators
        found = re.findall(r"(\d{4})年", table.time)
        if year is None and len(found) != 1:
            raise DataFormatError(
                f"{src}, line 2: the year of the data is not in the file ('时间：{table.time}'). Pass year=2025 "
                "(CLI: yindi data import/check … --data-year 2025).",
                zh=f"{src} 第 2 行：文件中没有数据年份（“时间：{table.time}”）。请传入 year=2025"
                "（命令行：yindi data import/check … --data-year 2025）。",
            )
        data_year = year if year is not None else int(found[0])
        by_col = {c: _indicator_from_header(c) for c in value_cols}
        long = pd.DataFrame(
            {
                "region_code": np.repeat(codes.to_numpy(), len(value_cols)),
                "region": np.repeat(names.to_numpy(), len(value_cols)),
                "year": data_year,
                "indicator": np.tile([by_col[c][0] for c in value_cols], len(body)),
                "value": numbers.to_numpy().ravel(),
                "unit": np.tile([by_col[c][2] for c in value_cols], len(body)),
                "_file": str(src),
                "_row": np.repeat(lines, len(value_cols)),
            }
        )
        meta = {p[0]: _catalogue_indicator(p, source, notes) for p in by_col.values()}
        unknown = sorted(p[1] for p in by_col.values() if p[1] not in NBS_NAMES)
        if unknown:
            repairs.append(
                Repair(
                    str(src),
                    None,
                    None,
                    "indicators not in the catalogue keep their Chinese name as id",
                    ", ".join(unknown),
                    "(same)",
                )
            )
    else:
        raise DataFormatError(
            f"{src}, line 3: mixed year and indicator columns; re-export one layout.",
            zh=f"{src} 第 3 行：年份列与指标列混在一起；请按其中一种版式重新导出。",
        )
    _check_footer(src, table)
    return make_panel(long, meta, repairs=repairs, sources=[str(src)], origin=str(src))


def _check_footer(src: Path, table: NbsTable) -> None:
    """An export always ends with its footer (注：… 数据来源：国家统计局); without it the file was cut off."""
    if any(note.startswith(("数据来源", "注")) for note in table.notes):
        return
    last = table.rows[-1][0]
    raise DataFormatError(
        f"{src}: the file ends at line {last} after {len(table.rows)} region rows without the NBS footer "
        "('数据来源：国家统计局'); it looks cut off (a provincial table has 31 regions). Re-export it from the NBS "
        "website; if you removed the footer on purpose, add the line '数据来源：国家统计局' back.",
        zh=f"{src}：文件在第 {last} 行、{len(table.rows)} 个地区行之后结束，缺少国家统计局表尾（“数据来源：国家统计局”），"
        "看起来被截断了（分省表应有 31 个地区）。请从国家统计局网站重新导出；如果是有意删除表尾，请补回“数据来源：国家统计局”一行。",
    )


def _catalogue_indicator(parsed: tuple[str, str, str], source: str, notes: str) -> Indicator:
    """Metadata of a header-named indicator ``(id, name_zh, unit)``; the English name from the catalogue."""
    ident, name, unit = parsed
    return Indicator(ident, name, NBS_NAMES.get(name, (ident, name))[1], unit, source=source, note=notes)


def _header_years(src: Path, cells: list[str]) -> list[int]:
    """Years of the header cells ('2024年'), each checked against the allowed range."""
    out = []
    hi = max_year()
    for cell in cells:
        m = _YEAR_CELL.match(cell)
        y = int(m.group(1)) if m else -1
        if not MIN_YEAR <= y <= hi:
            raise DataFormatError(
                f"{src}, line 3, header cell {cell!r}: not a year in [{MIN_YEAR}, {hi}].",
                zh=f"{src} 第 3 行表头单元格 {cell!r}：不是 [{MIN_YEAR}, {hi}] 范围内的年份。",
            )
        out.append(y)
    return out
