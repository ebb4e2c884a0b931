"""The one result schema: every ``to_frame()`` is tidy long with the same leading columns.

统一的结果表结构：每个结果的 ``to_frame()`` 都是长表，前几列固定为
``region_code, region, level, year, measure, value``，需要时再加具名键列（``activity``、``partner_code``、
``component``、``industry_id`` 等）。同一张表供 Excel、JSON 和仪表盘使用。

``region`` is the short name in the language asked for (Chinese by default); ``level`` is ``province``,
``city``, ``county`` or ``nation``; ``year`` is an integer year or missing (``<NA>``) for results without
time; ``measure`` names the quantity (``score``, ``efficiency``, ``moran_i`` …); ``value`` is a float.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi._typing import Lang

#: Leading columns of every result frame, in order.
RESULT_COLUMNS: tuple[str, ...] = ("region_code", "region", "level", "year", "measure", "value")

#: The adcode of the national total (defined once, in :mod:`yindi._defaults`).
NATIONAL_CODE = NATION_CODE


def region_labels(codes: Sequence[str] | pd.Series, lang: Lang = "zh") -> tuple[list[str], list[str]]:
    """Short names and levels of adcodes (``全国``/``China`` and ``nation`` for 100000; a code the registry
    does not know keeps the code as its name and level ``unknown``, so nothing is dropped)."""
    from yindi.regions import registry

    reg = registry()
    idx, uniques = pd.factorize(
        codes if isinstance(codes, pd.Series) else pd.Series(list(codes), dtype=object), use_na_sentinel=False
    )
    names: list[str] = []
    levels: list[str] = []
    for raw in list(uniques):  # each distinct code once
        code = "" if raw is None or (isinstance(raw, float) and raw != raw) else str(raw)
        if code == NATIONAL_CODE:
            names.append("China" if lang == "en" else "全国")
            levels.append("nation")
        elif code in reg:
            r = reg.get(code)
            names.append(r.name(lang))
            levels.append(str(r.level))
        else:
            names.append(code)
            levels.append("unknown")
    return (
        np.asarray(names, dtype=object)[idx].tolist(),
        np.asarray(levels, dtype=object)[idx].tolist(),
    )


def tidy(
    frame: pd.DataFrame,
    *,
    keys: Sequence[str] = (),
    lang: Lang = "zh",
) -> pd.DataFrame:
    """Put a frame into the result schema.

    ``frame`` needs ``region_code``, ``measure`` and ``value`` and may have ``year`` and the named ``keys``;
    ``region`` and ``level`` are filled from the registry when absent. Columns come out as
    ``RESULT_COLUMNS + keys``, ``region_code`` as text, ``year`` as nullable ``Int64`` and ``value`` as float.
    """
    out = frame.copy()
    missing = [c for c in ("region_code", "measure", "value") if c not in out.columns]
    if missing:
        raise ValueError(f"tidy(): the frame lacks {missing}; it has {list(out.columns)}")
    out["region_code"] = out["region_code"].astype(str)
    if "region" not in out.columns or "level" not in out.columns:
        names, levels = region_labels(out["region_code"], lang)
        if "region" not in out.columns:
            out["region"] = names
        if "level" not in out.columns:
            out["level"] = levels
    if "year" not in out.columns:
        out["year"] = pd.NA
    out["year"] = pd.to_numeric(out["year"], errors="coerce").astype("Int64")
    out["measure"] = out["measure"].astype(str)
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype("float64")
    cols = [*RESULT_COLUMNS, *[k for k in keys if k not in RESULT_COLUMNS]]
    return out[cols].reset_index(drop=True)


def national(frame: pd.DataFrame, *, keys: Sequence[str] = (), lang: Lang = "zh") -> pd.DataFrame:
    """:func:`tidy` for a result about the whole set of regions (a Gini, a global Moran's I, a transition
    matrix): every row gets ``region_code`` 100000, ``region`` 全国/China and ``level`` ``nation``. Group-level
    values (Dagum's Gini within 东部) stay on 100000 and name the group in a key column."""
    return tidy(frame.assign(region_code=NATIONAL_CODE), keys=keys, lang=lang)


def check_schema(frame: pd.DataFrame) -> None:
    """Raise ``AssertionError`` with a clear message unless ``frame`` follows the result schema (tests use it
    to walk every result type)."""
    head = tuple(frame.columns[: len(RESULT_COLUMNS)])
    if head != RESULT_COLUMNS:
        raise AssertionError(f"result frame starts with {head}, expected {RESULT_COLUMNS}")
    if not pd.api.types.is_float_dtype(frame["value"]):
        raise AssertionError(f"'value' must be float, got {frame['value'].dtype}")
    if str(frame["year"].dtype) != "Int64":
        raise AssertionError(f"'year' must be Int64, got {frame['year'].dtype}")
