"""Region × year tables: accept a wide DataFrame (regions as rows, years as columns) or a Panel + indicator."""

from __future__ import annotations

from typing import Any

import numpy as np

from yindi._typing import FloatArray
from yindi.errors import DataValidationError, MissingDataError, check_option


def region_year(data: Any, indicator: str | None, where: str) -> Any:
    """A float DataFrame indexed by region code with int year columns (sorted)."""
    import pandas as pd

    if hasattr(data, "series") and hasattr(data, "frame"):  # a Panel
        if indicator is None:
            raise DataValidationError(f"{where}: pass indicator=... to pick a variable from the Panel.")
        table = data.series(indicator)
    elif isinstance(data, pd.DataFrame):
        table = data
    else:
        raise DataValidationError(
            f"{where} expects a Panel (with indicator=...) or a DataFrame with regions as rows and years as "
            f"columns; got {type(data).__name__}."
        )
    table = table.copy()
    table.index = table.index.astype(str)
    table.columns = [int(c) for c in table.columns]
    return table.sort_index(axis=1).astype(float)


def balanced(table: Any, missing: str, where: str) -> tuple[Any, tuple[str, ...]]:
    """Drop (``missing="drop"``) or refuse (``"raise"``) regions with any missing year; returns dropped codes."""
    check_option("missing", missing, ("raise", "drop"), where=where)
    bad = table.isna().any(axis=1)
    dropped = tuple(str(c) for c in table.index[bad])
    if dropped and missing == "raise":
        raise MissingDataError(
            f"{where} needs a balanced panel; region(s) {list(dropped[:5])} miss some years. Pass "
            "missing='drop' to leave them out, or restrict the years."
        )
    out = table.loc[~bad]
    if out.shape[0] < 3 or out.shape[1] < 2:
        raise DataValidationError(f"{where} needs at least 3 regions and 2 years; got {out.shape}.")
    return out, dropped


def values(table: Any) -> FloatArray:
    return np.asarray(table.to_numpy(dtype=float), dtype=np.float64)
