"""Region × year tables from a Panel + indicator, a wide DataFrame (regions × years) or a tidy DataFrame."""

from __future__ import annotations

from typing import Any

import numpy as np

from yindi._missing import check_missing
from yindi._typing import FloatArray
from yindi.disparity._options import MISSING_POLICIES
from yindi.errors import DataValidationError, MissingDataError


def region_year(data: Any, indicator: str | None, where: str) -> Any:
    """A float DataFrame indexed by region code with int year columns (sorted)."""
    import pandas as pd

    if hasattr(data, "series") and hasattr(data, "frame"):  # a Panel
        if indicator is None:
            raise DataValidationError(
                f"{where}: pass indicator=... to pick a variable from the Panel.",
                zh=f"{where}：请传入 indicator=... 从面板中选择一个指标。",
            )
        table = data.series(indicator)
    elif isinstance(data, pd.DataFrame) and {"region_code", "year", "value"} <= set(data.columns):
        long = data  # a tidy frame like Panel.frame: pick the indicator, then pivot
        if "indicator" in long.columns:
            if indicator is None and long["indicator"].nunique() > 1:
                raise DataValidationError(
                    f"{where}: the tidy frame holds several indicators; pass indicator=...",
                    zh=f"{where}：长表中含多个指标；请传入 indicator=...。",
                )
            if indicator is not None:
                long = long[long["indicator"] == indicator]
        if long.duplicated(["region_code", "year"]).any():
            raise DataValidationError(
                f"{where}: the tidy frame has several values for one region and year.",
                zh=f"{where}：长表中同一地区同一年份有多个数值。",
            )
        table = long.pivot(index="region_code", columns="year", values="value")
    elif isinstance(data, pd.DataFrame):
        table = data
    else:
        raise DataValidationError(
            f"{where} expects a Panel (with indicator=...), a DataFrame with regions as rows and years as "
            f"columns, or a tidy DataFrame with columns region_code, year, value; got {type(data).__name__}.",
            zh=f"{where} 需要面板（Panel，并给出 indicator=...）、"
            "以地区为行以年份为列的 DataFrame，或含 region_code、year、value 三列的长表；"
            f"收到的是 {type(data).__name__}。",
        )
    table = table.copy()
    table.index = table.index.astype(str)
    table.columns = [int(c) for c in table.columns]
    return table.sort_index(axis=1).astype(float)


def balanced(table: Any, missing: str, where: str) -> tuple[Any, tuple[str, ...]]:
    """Drop (``missing="drop"``) or refuse (``"error"``) regions with any missing year; returns dropped codes."""
    check_missing(missing, MISSING_POLICIES, where=where)
    bad = table.isna().any(axis=1)
    dropped = tuple(str(c) for c in table.index[bad])
    if dropped and missing == "error":
        raise MissingDataError(
            f"{where} needs a balanced panel; region(s) {list(dropped[:5])} miss some years. Pass "
            "missing='drop' to leave them out, or restrict the years.",
            zh=f"{where} 需要平衡面板；地区 {list(dropped[:5])} 缺少部分年份。"
            "请设 missing='drop' 将其排除，或缩小年份范围。",
        )
    out = table.loc[~bad]
    if out.shape[0] < 3 or out.shape[1] < 2:
        raise DataValidationError(
            f"{where} needs at least 3 regions and 2 years; got {out.shape}.",
            zh=f"{where} 至少需要 3 个地区和 2 个年份，收到的形状为 {out.shape}。",
        )
    return out, dropped


def values(table: Any) -> FloatArray:
    return np.asarray(table.to_numpy(dtype=float), dtype=np.float64)
