"""Gini, CV and Theil T/L (within/between) of an indicator, year by year.

逐年的基尼系数、变异系数与泰尔指数（组内/组间）。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from yindi._missing import check_missing
from yindi._typing import Lang
from yindi.disparity._options import MissingPolicy
from yindi.disparity.inequality import cv, gini, theil
from yindi.errors import MissingDataError, ParameterError

MEASURES = (
    "gini",
    "cv",
    "theil_T",
    "theil_T_between",
    "theil_T_within",
    "theil_L",
    "theil_L_between",
    "theil_L_within",
)


@dataclass(frozen=True)
class InequalitySeries:
    """Inequality measures of one indicator for each year.

    Attributes
    ----------
    years : tuple of int
    n : tuple of int — regions with a value in each year.
    values : dict measure → tuple of float (one per year); measures in :data:`MEASURES`.
    grouping : str — the grouping of the Theil decomposition (its id, or "custom").
    dropped : dict year → tuple of region codes left out for a missing value (``missing="drop"``).
    """

    years: tuple[int, ...]
    n: tuple[int, ...]
    values: dict[str, tuple[float, ...]]
    grouping: str
    dropped: dict[int, tuple[str, ...]]

    def table(self) -> pd.DataFrame:
        """One row per year: ``year, n`` and every measure (wide, for display)."""
        out = pd.DataFrame({"year": list(self.years), "n": list(self.n)})
        for m in MEASURES:
            out[m] = list(self.values[m])
        return out

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level): every measure of :data:`MEASURES` and ``n`` per year; key ``grouping``."""
        from yindi.schema import national

        frame = self.table().melt(id_vars="year", var_name="measure")
        return national(frame.assign(grouping=self.grouping), keys=["grouping"], lang=lang)

    def summary(self) -> str:
        t = self.table()
        lines = [f"Inequality by year (Theil groups: {self.grouping}):", t.round(4).to_string(index=False)]
        for y, codes in self.dropped.items():
            if codes:
                lines.append(f"  {y}: left out for missing values: {', '.join(codes)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def inequality_by_year(
    table: pd.DataFrame, groups: Any = "nbs4", *, missing: MissingPolicy = "drop"
) -> InequalitySeries:
    """Gini, CV, Theil T and L (between/within ``groups``) of every year (column) of a region × year table.

    Parameters
    ----------
    table : DataFrame
        Regions (adcodes) as index, years as columns (``Panel.series(indicator)``).
    groups : grouping id (``"nbs4"``, ``"three_belts"``) or mapping region → group
    missing : {"error", "drop"}
        A region without a value in a year raises, or is left out of that year and listed in ``.dropped``
        (default ``"drop"``: yearbook panels have scattered gaps; the list says which).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({2020: [1.0, 2.0, 3.0, 4.0]}, index=["110000", "120000", "310000", "320000"])
    >>> round(inequality_by_year(t, groups=None).values["gini"][0], 4)
    0.25
    """
    where = "inequality_by_year()"
    check_missing(missing, ("error", "drop"), where=where)
    if not isinstance(table, pd.DataFrame) or table.shape[1] == 0:
        raise ParameterError(
            f"{where} takes a region × year DataFrame with at least one year (Panel.series(indicator)).",
            zh=f"{where} 需要“地区×年份”表（Panel.series(indicator)），且至少一年。",
        )
    years: list[int] = []
    ns: list[int] = []
    vals: dict[str, list[float]] = {m: [] for m in MEASURES}
    dropped: dict[int, tuple[str, ...]] = {}
    for year in table.columns:
        col = table[year]
        gaps = tuple(str(c) for c in col.index[col.isna()])
        if gaps and missing == "error":
            raise MissingDataError(
                f"{where}: {len(gaps)} region(s) have no value in {year}: {', '.join(gaps[:8])}. Fill them, or "
                "pass missing='drop' to leave them out of that year (reported).",
                zh=f"{where}：{year} 年有 {len(gaps)} 个地区无数据：{'、'.join(gaps[:8])}。请补齐，或设 "
                "missing='drop' 在该年剔除（会报告）。",
            )
        col = col.dropna()  # the policy above: "drop", and the codes are kept in .dropped
        tt, tl = theil(col, groups), theil(col, groups, kind="L")
        years.append(int(year))
        ns.append(len(col))
        for m, v in zip(
            MEASURES,
            (gini(col), cv(col), tt.total, tt.between, tt.within, tl.total, tl.between, tl.within),
            strict=True,
        ):
            vals[m].append(float(v))
        dropped[int(year)] = gaps
    label = groups if isinstance(groups, str) else ("none" if groups is None else "custom")
    return InequalitySeries(tuple(years), tuple(ns), {m: tuple(v) for m, v in vals.items()}, label, dropped)
