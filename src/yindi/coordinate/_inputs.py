"""Panel → arrays for the roles: pick the year, read the components, check them, take logs.

Nothing is filled: a missing value stays ``NaN`` (the axis uses the region's other components and says so); a
value that cannot be logged (zero or negative) is an error naming the region, year and indicator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.coordinate.axes import Component, needed_indicators
from yindi.data.panel import Panel
from yindi.errors import DataValidationError, MissingDataError
from yindi.schema import NATIONAL_CODE


@dataclass(frozen=True)
class RegionInputs:
    """The regions of an analysis with their raw indicator values for one year.

    Attributes
    ----------
    codes : tuple of str
        Region adcodes (the panel's regions, national total left out), in order.
    year : int
    values : DataFrame
        Index ``codes``; one column per indicator used, plus ``land_area`` (km², from the polygons).
    lonlat : (n, 2) array
        Centroids of the regions' main polygon parts (degrees).
    """

    codes: tuple[str, ...]
    year: int
    values: pd.DataFrame
    lonlat: FloatArray


def default_year(panel: Panel, indicators: Sequence[str]) -> int:
    """The latest year in which every indicator has values for at least half the regions."""
    f = panel.frame
    f = f[(f["region_code"] != NATIONAL_CODE) & f["value"].notna() & f["indicator"].isin(list(indicators))]
    n = f["region_code"].nunique()
    counts = f.groupby(["indicator", "year"])["region_code"].nunique().unstack(0)
    counts = counts.reindex(columns=list(indicators))
    ok = (counts >= max(1, n / 2)).all(axis=1)
    if not ok.any():
        raise MissingDataError(
            f"No year in which every one of {', '.join(indicators)} covers half the regions; pass a year "
            "(option 'year') or give these components weight 0.",
            zh=f"没有任何年份能让 {', '.join(indicators)} 都覆盖半数地区；请指定年份（选项 year），"
            "或把缺数据的指标权重设为 0。",
        )
    return int(ok[ok].index.max())


def read_inputs(
    panel: Panel, required: Sequence[Component], optional: Sequence[Component], year: int | None
) -> RegionInputs:
    """Read the indicators the ``required`` components need (and those of ``optional`` ones the panel has)
    for ``year`` (default: :func:`default_year` of the required ones)."""
    from yindi.coordinate._geo import region_geography

    needed = needed_indicators(tuple(required))
    missing = [i for i in needed if i not in panel.indicators]
    if missing:
        raise MissingDataError(
            f"The panel has no indicator {', '.join(map(repr, missing))}, which the coordination axes need. "
            "Add it to the data, or set the weight of the component that uses it to 0 (options w_<component>).",
            zh=f"数据中没有协同分析所需的指标 {', '.join(missing)}。请补充数据，或把用到它的分项权重设为 0"
            "（选项 w_<分项>）。",
        )
    yr = default_year(panel, needed) if year is None else int(year)
    extra = [i for i in needed_indicators(tuple(optional)) if i in panel.indicators and i not in needed]
    wanted = [*needed, *extra]
    codes = tuple(c for c in panel.region_codes if c != NATIONAL_CODE)
    table = panel.select(indicators=wanted, years=[yr], regions=codes).wide(wanted, years=[yr])
    if table.empty:
        raise MissingDataError(
            f"No values in {yr} for {', '.join(needed)}.",
            zh=f"{yr} 年没有 {', '.join(needed)} 的数据。",
        )
    values = table.droplevel("year").reindex(list(codes))
    lonlat, area = region_geography(codes)
    values = values.assign(land_area=area)
    return RegionInputs(codes=codes, year=yr, values=values, lonlat=lonlat)


def component_logs(
    inputs: RegionInputs, components: Sequence[Component], weights: Mapping[str, float]
) -> FloatArray:
    """``log`` of each component's value (n, k); ratios ``a/b`` as ``log a − log b``. Components with weight 0
    are read only if present (``NaN`` otherwise). Zero or negative values are an error."""
    out = np.full((len(inputs.codes), len(components)), np.nan)
    for j, comp in enumerate(components):
        parts = comp.indicator.split("/")
        if any(p not in inputs.values.columns for p in parts):
            continue
        logs = []
        for p in parts:
            x = inputs.values[p].to_numpy(dtype=np.float64)
            bad = np.isfinite(x) & (x <= 0)
            if bad.any() and weights.get(comp.id, 1.0) > 0:
                i = int(np.argmax(bad))
                raise DataValidationError(
                    f"Indicator {p!r}, region {inputs.codes[i]}, year {inputs.year}: value {x[i]:g} is not "
                    f"positive, but the component {comp.id!r} is a size taken in logs. Correct the value, or "
                    f"set option w_{comp.id} = 0 to leave the component out.",
                    zh=f"指标 {p!r}，地区 {inputs.codes[i]}，{inputs.year} 年：数值 {x[i]:g} 不为正，而分项 "
                    f"{comp.id!r} 取对数。请更正数值，或设选项 w_{comp.id} = 0 不用此分项。",
                )
            with np.errstate(divide="ignore", invalid="ignore"):
                logs.append(np.where(x > 0, np.log(np.where(x > 0, x, 1.0)), np.nan))
        out[:, j] = logs[0] if len(logs) == 1 else logs[0] - logs[1]
    return out
