"""One indicator's cross-section from a panel, with the missing-value policy applied (the spatial commands'
input: values for the regions that have one, the year, and the regions left out).

某指标某年的截面（空间分析输入），按缺失值策略处理并报告剔除的地区。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from yindi._missing import check_missing
from yindi.errors import MissingDataError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

    from yindi.data.panel import Panel


@dataclass(frozen=True)
class CrossSection:
    """``values`` (region code → value, no missing), the ``year``, and ``dropped`` region codes."""

    indicator: str
    year: int
    values: pd.Series
    dropped: tuple[str, ...]


def cross_section(
    panel: Panel, indicator: str, year: int | None = None, *, missing: str = "drop"
) -> CrossSection:
    """The values of ``indicator`` in ``year`` (default: the latest year with data).

    Parameters
    ----------
    panel : Panel
    indicator : str
        Indicator id (an unknown id is an error naming the closest ones).
    year : int, optional
        A year with data; another year is an error listing the available ones.
    missing : {"error", "drop"}
        A region of the panel without a value that year raises, or is left out and listed in ``dropped``
        (default ``"drop"``; spatial weights are then built for the regions with values).
    """
    where = "cross_section()"
    check_missing(missing, ("error", "drop"), where=where)
    years = panel.years(indicator)
    if not years:
        raise ParameterError(
            f"{where}: indicator {indicator!r} has no values in these data.",
            zh=f"{where}：指标 {indicator!r} 在这些数据中没有数值。",
        )
    y = years[-1] if year is None else int(year)
    if y not in years:
        raise ParameterError(
            f"{where}: {indicator!r} has no values in {y}; available years: {years[0]}–{years[-1]}.",
            zh=f"{where}：{indicator!r} 在 {y} 年没有数值；可用年份：{years[0]}–{years[-1]}。",
        )
    col = panel.series(indicator)[y]
    gaps = tuple(str(c) for c in col.index[col.isna()])
    if gaps and missing == "error":
        raise MissingDataError(
            f"{where}: {indicator!r} is missing in {y} for {', '.join(gaps[:8])}. Fill them or pass "
            "missing='drop' (reported).",
            zh=f"{where}：{indicator!r} 在 {y} 年缺少 {'、'.join(gaps[:8])} 的数据。请补齐，或设 missing='drop'（会报告）。",
        )
    return CrossSection(indicator, y, col.dropna(), gaps)
