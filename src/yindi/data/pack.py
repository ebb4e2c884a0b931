"""Importer for a data pack: a folder with ``panel.csv`` (tidy) and ``indicators.csv`` (metadata).

This is the layout of ``../shared/data/cn-provinces``: ``panel.csv`` has columns
``region_code, region, year, indicator, value, unit[, source]`` and ``indicators.csv`` has
``indicator, name_zh, name_en, unit[, source, note, ...]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pandas as pd

from yindi.data._files import read_csv_text
from yindi.data.panel import COLUMNS, Indicator, Panel, Repair, make_panel
from yindi.data.units import mark_municipalities, resolve_units
from yindi.data.validate import RowSource, parse_values, parse_years, resolve_regions
from yindi.errors import DataFormatError, DataValidationError

PANEL_FILE = "panel.csv"
INDICATORS_FILE = "indicators.csv"


def read_indicators(path: Path) -> dict[str, Indicator]:
    """Indicator metadata from an ``indicators.csv``."""
    table = read_csv_text(path)
    need = ["indicator", "name_zh", "name_en", "unit"]
    absent = [c for c in need if c not in table.columns]
    if absent:
        raise DataFormatError(
            f"{path}: missing column(s) {', '.join(absent)}; expected {', '.join(need)}.",
            zh=f"{path}：缺少列 {'、'.join(absent)}；应有 {'、'.join(need)}。",
        )
    out: dict[str, Indicator] = {}
    for i, row in zip(table.index, table.to_dict("records"), strict=True):
        ind = row["indicator"].strip()
        if not ind:
            raise DataValidationError(
                f"{path}, row {i}, column 'indicator': empty indicator id.",
                zh=f"{path} 第 {i} 行 'indicator' 列：指标编号为空。请填写指标编号或删除该行。",
            )
        if ind in out:
            raise DataValidationError(
                f"{path}, row {i}: indicator {ind!r} is listed twice.",
                zh=f"{path} 第 {i} 行：指标 {ind!r} 重复列出。请删除重复的一行。",
            )
        out[ind] = Indicator(
            id=ind,
            name_zh=row["name_zh"].strip() or ind,
            name_en=row["name_en"].strip() or ind,
            unit=row["unit"].strip(),
            source=row.get("source", "").strip(),
            note=row.get("note", "").strip(),
        )
    return out


def load_pack(path: str | Path, *, region_fixes: Mapping[str, str] | None = None) -> Panel:
    """Read a data pack folder (or its ``panel.csv``) into a validated :class:`Panel`.

    Every row is checked: region code and name must agree with the registry, years must be in range, values
    must be numbers or blank (blank = missing), each indicator has one unit, and duplicates must not conflict.
    Errors name the file, row and column.

    Examples
    --------
    >>> panel = load_pack("../shared/data/cn-provinces")  # doctest: +SKIP
    >>> panel.value("北京", 2023, "gdp")  # doctest: +SKIP
    47353.7
    """
    root = Path(path)
    panel_file = _panel_file(root)
    raw = read_csv_text(panel_file) if panel_file.suffix.lower() != ".gz" else _read_gzip_text(panel_file)
    absent = [c for c in COLUMNS if c not in raw.columns]
    if absent:
        raise DataFormatError(
            f"{panel_file}: missing column(s) {', '.join(absent)}; a pack's {PANEL_FILE} has "
            f"{', '.join(COLUMNS)} (one value per row).",
            zh=f"{panel_file}：缺少列 {'、'.join(absent)}；数据包的 {PANEL_FILE} 应有 "
            f"{'、'.join(COLUMNS)}（每行一个值）。",
        )
    src = RowSource(str(panel_file), rows=tuple(int(r) for r in raw.index))
    raw = raw.reset_index(drop=True)
    units = None
    if _below_province(raw):
        codes, names, repairs, units = resolve_units(
            raw["region_code"],
            raw["region"],
            src,
            levels=raw.get("level"),
            parents=raw.get("parent_code"),
            region_fixes=region_fixes,
        )
        if "level" not in raw.columns:
            units = mark_municipalities(units)
    else:
        codes, names, repairs = resolve_regions(
            raw["region"], src, "region", region_fixes=region_fixes, codes=raw["region_code"]
        )
    frame = pd.DataFrame(
        {
            "region_code": codes,
            "region": names,
            "year": parse_years(raw["year"], src, "year"),
            "indicator": raw["indicator"].str.strip(),
            "value": parse_values(raw["value"], src, "value", repairs),
            "unit": raw["unit"].str.strip(),
            "_file": str(panel_file),
            "_row": list(src.rows or ()),
        }
    )
    meta_file = panel_file.parent / INDICATORS_FILE
    meta = read_indicators(meta_file) if meta_file.exists() else {}
    if meta:
        unknown = sorted(set(frame["indicator"]) - set(meta))
        if unknown:
            first = int(frame.index[frame["indicator"] == unknown[0]][0])
            raise DataValidationError(
                f"{panel_file}, row {src.row(first)}, column 'indicator': {unknown[0]!r} is not described in "
                f"{meta_file.name} ({len(unknown)} undescribed in all). Add a row for it there.",
                zh=f"{panel_file} 第 {src.row(first)} 行 'indicator' 列：{unknown[0]!r} 未在 {meta_file.name} 中说明"
                f"（共 {len(unknown)} 个指标未说明）。请在 {meta_file.name} 中为它补一行。",
            )
        for ind, unit in frame.groupby("indicator")["unit"].first().items():
            label = meta[str(ind)].unit
            if not label or label == unit:
                continue
            if unit and (unit in label or label in unit):
                # e.g. rows say 'Mt', metadata says '百万吨 (Mt)': the same unit, labelled differently.
                repairs.append(
                    Repair(
                        str(meta_file),
                        None,
                        "unit",
                        f"unit label of {ind!r} differs from {PANEL_FILE}; "
                        "rows keep their unit, the label is used for display",
                        unit,
                        label,
                    )
                )
                continue
            raise DataValidationError(
                f"{panel_file}: indicator {ind!r} has unit {unit!r} but {meta_file.name} says {label!r}. "
                "Make them agree.",
                zh=f"{panel_file}：指标 {ind!r} 的单位是 {unit!r}，而 {meta_file.name} 中写的是 {label!r}。"
                "请使两者一致。",
            )
    sources = [str(panel_file)] + ([str(meta_file)] if meta else [])
    panel = make_panel(frame, meta, repairs=repairs, sources=sources, origin=str(panel_file))
    where = frame.loc[:, ["region_code", "year", "indicator", "_file", "_row"]].drop_duplicates(
        ["region_code", "year", "indicator"]
    )
    where = where.rename(columns={"_file": "file", "_row": "row"}).reset_index(drop=True)
    return replace(panel, units=units, origin=where)


def _panel_file(root: Path) -> Path:
    """The data file of a pack: ``panel.csv``, ``panel.csv.gz`` or the one ``*.csv.gz`` in the folder."""
    if not root.is_dir():
        if root.exists():
            return root
        raise DataFormatError(
            f"{root}: not found. A data pack is a folder with {PANEL_FILE} (and optionally {INDICATORS_FILE}); "
            "for other layouts use read_table() or read_nbs_export().",
            zh=f"{root}：未找到。数据包是一个含 {PANEL_FILE}（可另附 {INDICATORS_FILE}）的文件夹；"
            "其他版式请用 read_table() 或 read_nbs_export()。",
        )
    for name in (PANEL_FILE, PANEL_FILE + ".gz"):
        if (root / name).exists():
            return root / name
    gz = sorted(root.glob("*.csv.gz"))
    if len(gz) == 1:
        return gz[0]
    listed = f" (found {', '.join(g.name for g in gz)}: pass the file itself)" if gz else ""
    listed_zh = f"（找到 {'、'.join(g.name for g in gz)}：请直接给出该文件）" if gz else ""
    raise DataFormatError(
        f"{root / PANEL_FILE}: not found{listed}. A data pack is a folder with {PANEL_FILE} or one *.csv.gz "
        f"(and optionally {INDICATORS_FILE}); for other layouts use read_table() or read_nbs_export().",
        zh=f"{root / PANEL_FILE}：未找到{listed_zh}。"
        f"数据包是一个含 {PANEL_FILE} 或唯一 *.csv.gz 的文件夹（可另附 {INDICATORS_FILE}）；"
        "其他版式请用 read_table() 或 read_nbs_export()。",
    )


def _read_gzip_text(path: Path) -> pd.DataFrame:
    """A gzip-compressed CSV as text cells (index = file row; header on row 1)."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, compression="gzip", encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFormatError(
            f"{path}: not a readable gzip-compressed UTF-8 CSV ({exc}).",
            zh=f"{path}：不是可读取的 gzip 压缩 UTF-8 CSV 文件（{exc}）。",
        ) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.index = pd.Index(range(2, len(frame) + 2), name="file_row")
    return frame


def _below_province(raw: pd.DataFrame) -> bool:
    """True for a pack of cities or counties: a ``level`` column, or codes that are not province codes."""
    if "level" in raw.columns or "parent_code" in raw.columns:
        return True
    codes = raw["region_code"].str.strip()
    sub = codes.str.fullmatch(r"\d{6}") & ~codes.str.endswith("0000")
    return bool(sub.any())
