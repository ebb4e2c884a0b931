"""Readers that turn each evidence source into region × label arrays on a fixed list of provinces.

证据来源读取：用电（CEADs）、上市公司（Tushare 导出，CC BY 4.0）、人口普查（2020）。Each reader returns the
array, the labels and what it could not use (reported, never dropped silently).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.errors import DataFormatError, DataValidationError, MissingDataError

__all__ = [
    "FIRMS_ATTRIBUTION",
    "FIRMS_ATTRIBUTION_ZH",
    "census_provinces",
    "electricity_matrix",
    "firm_counts",
    "read_census",
    "read_firms",
    "table_notes",
]

#: CC BY 4.0 attribution of the listed-firm pack (shown with every output that uses it).
FIRMS_ATTRIBUTION = (
    'Listed firms: AFAN (afan-life), "macropage", GitHub AFAN-LIFE/macropage, commit 9ef6144e2c82f1e5465ab8629ae2'
    "980d13c89f9d, file data/stock_basic.csv (Tushare stock_basic export), CC BY 4.0."
)
#: The same attribution in Chinese (the names, commit, file and licence verbatim).
FIRMS_ATTRIBUTION_ZH = (
    "上市公司数据：AFAN (afan-life) 的 macropage 仓库（GitHub AFAN-LIFE/macropage，commit 9ef6144e2c82f1e5465ab8629ae2"
    "980d13c89f9d，文件 data/stock_basic.csv，即 Tushare stock_basic 导出），CC BY 4.0 许可。"
)

#: Chinese forms of the reasons an activity table gives for leaving a row out on read.
_EXCLUDED_ZH = {
    "equals the sum of the other activities in every cell (aggregate)": "每个单元格都等于其他部门之和（合计行）",
    "equals the sum of the other regions in every cell (aggregate)": "每个单元格都等于其他地区之和（合计行）",
    "national total (aggregate of the regions)": "全国合计（各地区之和）",
    "excluded as asked": "按设置排除",
}
_KIND_ZH = {"activity": "部门", "region": "地区"}


def table_notes(table: Any) -> list[tuple[str, str]]:
    """The read notes of a sector-electricity table as ``(Chinese, English)`` pairs.

    Rows left out on read come from the table's ``excluded`` frame, so each gets a Chinese sentence; any other
    read note (e.g. thousands separators read as numbers) is given in English in both languages.
    """
    from yindi.structure.concordance import ceads_concordance

    names = ceads_concordance()
    zh_name = dict(zip(names["sector"], names["name_zh"], strict=True)) if "name_zh" in names.columns else {}
    out: list[tuple[str, str]] = []
    excluded = getattr(table, "excluded", None)
    listed: set[str] = set()
    if excluded is not None and len(excluded):
        for kind, label, reason in excluded[["kind", "label", "reason"]].itertuples(index=False):
            en = f"{kind} {label!r} left out: {reason}."
            listed.add(en)
            shown = zh_name.get(label, label) if kind == "activity" else label
            zh = f"用电：{_KIND_ZH.get(kind, kind)}“{shown}”未纳入：{_EXCLUDED_ZH.get(reason, reason)}。"
            out.append((zh, f"electricity: {en}"))
    for note in getattr(table, "notes", ()):
        if note not in listed:
            out.append((f"用电：{note}", f"electricity: {note}"))
    return out


#: Tushare ``area`` values that are not a province short name.
_AREA_SPECIAL = {"深圳": "440000", "内蒙": "150000"}


def read_firms(path: str | Path) -> pd.DataFrame:
    """Read ``listed_firms.csv`` (or the pack folder) keeping codes as text; check the needed columns."""
    src = Path(path)
    if src.is_dir():
        src = src / "listed_firms.csv"
    if not src.exists():
        raise MissingDataError(f"{src} not found.", zh=f"未找到 {src}。")
    frame = pd.read_csv(src, dtype=str, keep_default_na=False)
    need = {"area", "industry", "status"}
    if not need <= set(frame.columns):
        raise DataFormatError(
            f"{src.name}: needs columns {sorted(need)}; it has {list(frame.columns)}.",
            zh=f"{src.name} 需要列 {sorted(need)}，实际为 {list(frame.columns)}。",
        )
    return frame


def firm_counts(
    frame: pd.DataFrame, regions: Sequence[str]
) -> tuple[FloatArray, list[str], list[tuple[str, str]]]:
    """Listed firms (status ``L``) per province × Tushare label.

    深圳 is added to 广东 and 内蒙 read as 内蒙古 (pack README). Returns ``(counts (R, L), labels, notes)``;
    rows of firms whose area is not a province in ``regions`` are reported in ``notes``.
    """
    from yindi.regions import resolve

    listed = frame[frame["status"] == "L"]
    codes: dict[str, str] = {}
    for area in listed["area"].unique():
        if area in _AREA_SPECIAL:
            codes[area] = _AREA_SPECIAL[area]
            continue
        try:
            codes[area] = resolve(area).adcode
        except Exception:
            codes[area] = ""
    code = listed["area"].map(codes)
    notes: list[tuple[str, str]] = []
    outside = ~code.isin(list(regions))
    if outside.any():
        areas = sorted(set(listed.loc[outside, "area"]))
        notes.append(
            (
                f"{int(outside.sum())} 家上市公司的所在地不在研究范围内（{'、'.join(areas)}），未计入企业证据。",
                f"{int(outside.sum())} listed firms have an area outside the regions studied "
                f"({', '.join(areas)}); left out of the firm evidence.",
            )
        )
    inside = (~outside & listed["industry"].notna()).to_numpy()
    labels, col = np.unique(listed["industry"].to_numpy(dtype=object)[inside], return_inverse=True)
    row_of = {c: k for k, c in enumerate(regions)}
    row = np.asarray([row_of[c] for c in code.to_numpy(dtype=object)[inside]], dtype=np.int64)
    counts = np.zeros((len(regions), len(labels)))  # = crosstab(region, industry) on ``regions``
    np.add.at(counts, (row, col.reshape(-1)), 1.0)
    return counts, [str(c) for c in labels], notes


def read_census(path: str | Path) -> pd.DataFrame:
    """Read ``census2020.csv.gz`` (or the pack folder); province rows only (``level == 'province'``).

    The county file is large (160 000 rows, 30 MB unpacked) and the evidence needs its 1 500 province rows, so
    only the lines that can hold one (those containing ``province``) are parsed, when the file is plain or
    gzipped CSV without quoted cells; otherwise the whole file is parsed and then filtered.
    """
    src = Path(path)
    if src.is_dir():
        src = src / "census2020.csv.gz"
    if not src.exists():
        raise MissingDataError(f"{src} not found.", zh=f"未找到 {src}。")
    lines = _lines_with(src, b"province")
    frame = pd.read_csv(
        src if lines is None else BytesIO(lines), dtype={"region_code": str, "parent_code": str}
    )
    need = {"region_code", "level", "indicator", "value"}
    if not need <= set(frame.columns):
        raise DataFormatError(
            f"{src.name}: needs columns {sorted(need)}; it has {list(frame.columns)}.",
            zh=f"{src.name}：需要列 {sorted(need)}；现有列：{list(frame.columns)}。",
        )
    return frame[frame["level"] == "province"]


def _lines_with(src: Path, word: bytes) -> bytes | None:
    """The header and every line of a CSV file (plain or ``.gz``) that contains ``word``; ``None`` when the
    file may hold quoted cells (a quoted line break would split a row), has no line feed, or is compressed
    otherwise. A gzipped file is unpacked block by block (never whole in memory)."""
    suffix = src.suffix.lower()
    if suffix not in {".csv", ".gz"}:
        return None
    raw = src.read_bytes()
    blocks: Iterator[bytes] = iter((raw,))
    if suffix == ".gz":
        unpack = zlib.decompressobj(wbits=31)  # gzip container
        blocks = itertools.chain(
            (unpack.decompress(raw[i : i + _BLOCK]) for i in range(0, len(raw), _BLOCK)),
            iter(lambda: unpack.flush(), b""),
        )
    pieces: list[bytes] = []
    carry = b""
    for block in blocks:
        text = carry + block
        if b'"' in block:
            return None
        pos = 0
        if not pieces:  # the header
            head = text.find(b"\n")
            if head < 0:
                carry = text
                continue
            pieces.append(text[: head + 1])
            pos = head + 1
        while (hit := text.find(word, pos)) >= 0:
            start = text.rfind(b"\n", 0, hit) + 1
            end = text.find(b"\n", hit)
            if end < 0:  # the line goes on in the next block
                pos = start
                break
            pieces.append(text[start : end + 1])
            pos = end + 1
        else:
            pos = max(pos, text.rfind(b"\n") + 1)
        carry = text[pos:]
    if not pieces:
        return None
    if word in carry:  # a last line without a line feed
        pieces.append(carry)
    return b"".join(pieces)


#: Compressed bytes unpacked at a time by :func:`_lines_with` (about 1 MB of text).
_BLOCK = 1 << 16


def census_provinces(frame: pd.DataFrame, regions: Sequence[str]) -> pd.DataFrame:
    """Province × indicator table of the census (rows with ``level == 'province'``), reindexed to ``regions``."""
    prov = frame[frame["level"] == "province"]
    if prov["region_code"].duplicated().any() and prov.duplicated(["region_code", "indicator"]).any():
        raise DataValidationError(
            "census: duplicated (region_code, indicator) rows at province level.",
            zh="普查数据：省级有重复的 (region_code, indicator) 行。",
        )
    wide = prov.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    return wide.reindex(list(regions))


def electricity_matrix(
    table: object, year: int | None, regions: Sequence[str]
) -> tuple[FloatArray, list[str], int]:
    """The CEADs sector matrix of one year on ``regions`` (rows of regions CEADs lacks are NaN).

    ``year``: the latest table year ≤ ``year`` (all years when None). Returns ``(x (R, A), sectors, year)``.
    """
    from yindi.structure.table import ActivityTable

    if not isinstance(table, ActivityTable):
        raise DataFormatError(
            "electricity must be an ActivityTable (read_sector_electricity) or a path.",
            zh="electricity 须为 ActivityTable（read_sector_electricity 的结果）或文件路径。",
        )
    years = [p for p in table.periods if year is None or p <= year]
    if not years:
        raise MissingDataError(
            f"The electricity table has no year ≤ {year} (it has {list(table.periods)}).",
            zh=f"用电表没有不晚于 {year} 年的数据（现有 {list(table.periods)}）。",
        )
    used = max(years)
    m = table.matrix(used)
    x = np.full((len(regions), len(table.activities)), np.nan)
    index = {c: k for k, c in enumerate(table.regions)}
    for r, code in enumerate(regions):
        if code in index:
            x[r] = m[index[code]]
    return x, list(table.activities), used
