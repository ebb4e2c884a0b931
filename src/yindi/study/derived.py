"""Indicators a study reads by id: a panel series, or a ratio defined by the study's index preset.

研究按代码读取的指标：数据中的原始指标，或指数指标体系定义的派生指标（如人均 GDP = GDP / 常住人口）。

City packs carry totals (GDP, value added, population), not ratios; the key indicators, the report year and
the disparity analysis of a city study read the ratios its index preset defines (``gdp_per_capita``,
``tertiary_share``), computed from the raw series here — one definition for the map, the year rule and the
index. A ratio with a missing or zero input is missing (never filled).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from yindi.data.panel import Panel
    from yindi.index.presets import Preset, PresetIndicator


def _preset_indicator(indicator: str, preset: Preset | None) -> PresetIndicator | None:
    if preset is None:
        return None
    return next((i for i in preset.indicators if i.id == indicator), None)


def available(panel: Panel, indicator: str, preset: Preset | None = None) -> bool:
    """Whether ``indicator`` is a panel series or a preset ratio whose inputs the panel holds."""
    if indicator in panel.indicators:
        return True
    ind = _preset_indicator(indicator, preset)
    return ind is not None and all(s in panel.indicators for s in ind.inputs)


def series(panel: Panel, indicator: str, preset: Preset | None = None) -> pd.DataFrame:
    """Unit × year table (int year columns) of a panel series or of a preset ratio (``scale × num / den``)."""
    if indicator in panel.indicators:
        table = panel.series(indicator)
    else:
        ind = _preset_indicator(indicator, preset)
        if ind is None or not available(panel, indicator, preset):
            from yindi.errors import MissingDataError

            raise MissingDataError(
                f"The data hold no indicator {indicator!r}, and the index preset defines no ratio of that name "
                "from the data's indicators.",
                zh=f"数据中没有指标 {indicator!r}，指数指标体系中也没有可由数据计算的同名派生指标。",
            )
        if ind.source is not None:
            table = panel.series(ind.source)
        else:
            num = panel.series(str(ind.numerator))
            den = panel.series(str(ind.denominator))
            num, den = num.align(den, join="outer")
            table = ind.scale * num / den.where(den != 0)
    table = table.copy()
    table.columns = [int(c) for c in table.columns]
    table.index = [str(c) for c in table.index]
    table.index.name = "region_code"
    return table.dropna(how="all")


def label(panel: Panel, indicator: str, preset: Preset | None, lang: str) -> tuple[str, str]:
    """(name, unit) of an indicator in ``lang``."""
    from yindi.data.panel import unit_label

    if indicator in panel.indicators:
        meta = panel.indicators[indicator]
        return meta.name(lang), meta.unit_label(lang)
    ind = _preset_indicator(indicator, preset)
    if ind is None:
        return indicator, ""
    name = (ind.name_en if lang == "en" else ind.name_zh) or indicator
    return name, unit_label(ind.unit, lang) if ind.unit else ""


#: The last :func:`key_coverage` answer: (panel, indicators, preset, table). A run asks the same question
#: up to three times (the report year, its completeness and the coverage node, the last maybe in a forked
#: worker that inherits this); the panel is held weakly and compared by identity (panels are not modified).
_LAST: list[tuple[weakref.ref[Panel], tuple[str, ...], Preset | None, pd.DataFrame]] = []


def key_coverage(panel: Panel, indicators: Sequence[str], preset: Preset | None = None) -> pd.DataFrame:
    """Per year: how many of the units the data cover have every key indicator.

    Columns ``year, complete`` (units with a value of every available key indicator), ``units`` (units with
    any value in the data, the denominator) and ``share``. Indicators the data cannot give are ignored.
    """
    keys = tuple(indicators)
    for ref, k, p, table in _LAST:
        if ref() is panel and k == keys and p == preset:
            return table.copy()
    out = _key_coverage(panel, keys, preset)
    _LAST[:] = [(weakref.ref(panel), keys, preset, out.copy())]
    return out


def _key_coverage(panel: Panel, indicators: Sequence[str], preset: Preset | None) -> pd.DataFrame:
    present = [i for i in indicators if available(panel, i, preset)]
    units = len([c for c in panel.region_codes if c != "100000"])
    years = panel.years()
    if not present or not units:
        return pd.DataFrame({"year": years, "complete": 0, "units": units, "share": 0.0})
    flags = [series(panel, ind, preset).notna() for ind in present]
    rows = sorted({c for f in flags for c in f.index} - {"100000"})
    cols = sorted({int(c) for f in flags for c in f.columns})
    have = flags[0].reindex(index=rows, columns=cols, fill_value=False)
    for f in flags[1:]:
        have = have & f.reindex(index=rows, columns=cols, fill_value=False)
    complete = have.sum(axis=0).reindex(years, fill_value=0).astype(int)
    return pd.DataFrame(
        {"year": years, "complete": complete.to_numpy(), "units": units, "share": complete.to_numpy() / units}
    )
