"""Whole-table checks behind :func:`yindi.structure.read_activity_table`: file reading, missing cells under
the ``missing`` policy, and detection of aggregate rows (a row equal to the sum of the others)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from yindi._typing import FloatArray
from yindi.data.validate import RowSource
from yindi.errors import DataFormatError, MissingDataError
from yindi.structure._options import Missing

#: Relative tolerance for "this row is the sum of the others" (float rounding in published inventories).
AGGREGATE_RTOL = 1e-6


def aggregate_rows(cube: FloatArray, axis: int) -> list[int]:
    """Indices along ``axis`` (1 = regions, 2 = activities) whose values equal the sum of the others.

    A row is an aggregate when, in every cell, it equals the sum of the other rows within
    :data:`AGGREGATE_RTOL` and it is not zero everywhere. Needs at least three rows.
    """
    n = cube.shape[axis]
    if n < 3:
        return []
    total = cube.sum(axis=axis, keepdims=True)
    rest = total - cube  # sum of the others, per row
    scale = np.maximum(np.abs(cube), np.abs(rest))
    close = np.abs(cube - rest) <= AGGREGATE_RTOL * np.maximum(scale, 1e-300)
    other_axes = tuple(i for i in range(3) if i != axis)
    every = close.all(axis=other_axes)
    nonzero = (cube != 0).any(axis=other_axes)
    return [int(i) for i in np.flatnonzero(every & nonzero)]


def read_file(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise DataFormatError(f"{path}: file not found.", zh=f"{path}：文件不存在，请检查路径和文件名。")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if suffix in {".xlsx", ".xls"}:
        return pd.read_excel(path, dtype=str, keep_default_na=False)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    raise DataFormatError(
        f"{path}: unsupported file type {suffix!r}; use CSV, Excel or Parquet.",
        zh=f"{path}：不支持的文件类型 {suffix!r}；请使用 CSV、Excel 或 Parquet。",
    )


def complete_cells(
    cube: FloatArray,
    absent: npt.NDArray[np.bool_],
    missing: Missing,
    src: RowSource,
    v: FloatArray,
    names: pd.Series,
    acts: pd.Series,
    years: pd.Series,
    labels: tuple[list[object], list[str], list[str]],
) -> tuple[FloatArray, list[str]]:
    """Apply the ``missing`` policy to NaN values and absent region × activity × period combinations."""
    nan_rows = np.flatnonzero(np.isnan(v))
    n_absent = int(absent.sum())
    if nan_rows.size == 0 and n_absent == 0:
        return cube, []
    if missing == "error":
        if nan_rows.size:
            i = int(nan_rows[0])
            msg = (
                f"{src.file}: {nan_rows.size} value(s) missing, first for region {names.iloc[i]!r}, activity "
                f"{acts.iloc[i]!r}, {years.iloc[i]} (row {src.row(i)})."
            )
            msg_zh = (
                f"{src.file} 第 {src.row(i)} 行：共 {nan_rows.size} 个缺失值，第一个是地区 {names.iloc[i]!r}、"
                f"产业 {acts.iloc[i]!r}、{years.iloc[i]}。"
            )
        else:
            p, r, a = (int(q[0]) for q in np.nonzero(absent))
            msg = (
                f"{src.file}: {n_absent} region × activity × period combination(s) have no row, e.g. region "
                f"{labels[1][r]!r}, activity {labels[2][a]!r}, {labels[0][p]}."
            )
            msg_zh = (
                f"{src.file}：{n_absent} 个地区 × 产业 × 时期组合没有数据行，例如地区 {labels[1][r]!r}、"
                f"产业 {labels[2][a]!r}、{labels[0][p]}。"
            )
        raise MissingDataError(
            msg
            + " Fill them in, or pass missing='zero' (CLI: --missing zero) to count them as 0 (reported).",
            zh=msg_zh + "请补齐，或设 missing='zero'（命令行：--missing zero）按 0 计（会报告）。",
        )
    note = (
        f"missing='zero': {nan_rows.size} empty value(s) and {n_absent} absent combination(s) counted as 0."
    )
    return np.nan_to_num(cube, nan=0.0), [note]
