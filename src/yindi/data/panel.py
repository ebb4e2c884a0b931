"""The Panel: a tidy long table of regional statistics plus indicator metadata.

面板数据：长表（地区代码、地区、年份、指标、数值、单位）加指标元数据。
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi._typing import Lang
from yindi.errors import DataValidationError, MissingDataError, ParameterError

COLUMNS: tuple[str, ...] = ("region_code", "region", "year", "indicator", "value", "unit")

#: English forms of the Chinese units used in yearbooks (shown in English reports; data keep their unit).
UNITS_EN: dict[str, str] = {
    "亿元": "100 million yuan",
    "万元": "10,000 yuan",
    "元": "yuan",
    "元/人": "yuan per person",
    "万人": "10,000 persons",
    "人": "persons",
    "人年": "person-years",
    "件": "items",
    "个": "count",
    "项": "contracts",
    "台": "units",
    "万个": "10,000",
    "万户": "10,000 households",
    "公里": "km",
    "万公里": "10,000 km",
    "万GB": "10,000 GB",
    "亿千瓦小时": "100 million kWh",
    "亿千瓦时": "100 million kWh",
    "上年=100": "previous year = 100",
    "百万美元": "million US dollars",
    "2000年=1": "2000 = 1",
    "亿元（2000年价格）": "100 million yuan (2000 prices)",
    "平方公里": "km²",
    "百万吨 (Mt)": "Mt",
    "‰": "‰",
    "%": "%",
}


#: English forms of the parts of compound units ("件/万人" → "items per 10,000 persons").
_UNIT_PARTS_EN: dict[str, str] = {
    **UNITS_EN,
    "个": "items",
    "吨": "t",
    "GB": "GB",
    "平方公里": "km²",
    "年": "years",
    "百万美元": "million US dollars",
    "亿元（2000年价格）": "100 million yuan (2000 prices)",
    "2000年=1": "2000 = 1",
    "人 (sample)": "persons (sample)",
}


def unit_label(unit: str, lang: str = "zh") -> str:
    """The unit as shown in ``lang``.

    Chinese units are translated for English text when known, compound units part by part
    (``"件/万人"`` → ``"items per 10,000 persons"``); an unknown unit is shown as the data give it.
    """
    if lang != "en":
        return unit
    if unit in UNITS_EN:
        return UNITS_EN[unit]
    if unit in _UNIT_PARTS_EN:
        return _UNIT_PARTS_EN[unit]
    parts = unit.split("/")
    if len(parts) == 2 and all(p in _UNIT_PARTS_EN for p in parts):
        head, per = (_UNIT_PARTS_EN[p] for p in parts)
        return f"{head} per {per.removesuffix('s') if per in ('persons',) else per}"
    return unit


@dataclass(frozen=True, slots=True)
class Indicator:
    """Metadata of one indicator (指标).

    ``direction`` is +1 when more is better (R&D intensity) and -1 when less is better (CO2 per unit GDP);
    presets may override it. ``dimension`` is filled by presets (e.g. 劳动者).
    """

    id: str
    name_zh: str
    name_en: str
    unit: str
    source: str = ""
    note: str = ""
    direction: int = 1

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def unit_label(self, lang: str = "zh") -> str:
        """The unit in ``lang`` (亿元 → "100 million yuan" in English)."""
        return unit_label(self.unit, lang)

    def label(self, lang: str = "zh") -> str:
        """Name with unit, e.g. ``"R&D经费投入强度 (%)"``."""
        return f"{self.name(lang)} ({self.unit_label(lang)})" if self.unit else self.name(lang)


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to imported data, reported to the user (never silent)."""

    file: str
    row: int | None
    column: str | None
    action: str
    before: str
    after: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        where += f", column {self.column!r}" if self.column else ""
        return f"{where}: {self.action}: {self.before!r} → {self.after!r}"

    def describe(self, lang: str = "en") -> str:
        """The repair in words, in ``lang`` (Chinese: file, 第 N 行, 列, the action translated)."""
        if lang != "zh":
            return str(self)
        from yindi.data._repair_text import action_zh, value_zh

        where = self.file + (f"，第 {self.row} 行" if self.row is not None else "")
        where += f"，“{self.column}”列" if self.column else ""
        return f"{where}：{action_zh(self.action)}：{value_zh(self.before)!r} → {value_zh(self.after)!r}"


@dataclass(frozen=True)
class Panel:
    """Tidy long table ``(region_code, region, year, indicator, value, unit)`` with indicator metadata.

    Missing values are explicit ``NaN`` rows (an NBS blank stays missing, it is never zero). The frame is
    sorted by ``(indicator, region_code, year)`` and has at most one row per ``(region_code, year,
    indicator)``. Build panels with the importers in :mod:`yindi.data`; they validate the rules.

    Attributes
    ----------
    frame : pandas.DataFrame
        Columns :data:`COLUMNS`; ``region_code`` and ``indicator`` are strings, ``year`` int, ``value`` float.
    indicators : Mapping[str, Indicator]
        Metadata for every indicator in ``frame``.
    repairs : tuple of Repair
        What the importer changed, each with file, row and column.
    sources : tuple of str
        Files the panel was read from.
    units : pandas.DataFrame or None
        What each region code is, for packs below the province (columns
        :data:`yindi.data.units.UNIT_COLUMNS`: level, parent, status — current, municipality, historical,
        functional zone, grouping, uncoded — and a note in both languages); ``None`` when not known.
    origin : pandas.DataFrame or None
        The file and file row of each value (columns ``region_code, year, indicator, file, row``), so that
        checks can name them; ``None`` when the importer does not record it.
    """

    frame: pd.DataFrame
    indicators: Mapping[str, Indicator]
    repairs: tuple[Repair, ...] = ()
    sources: tuple[str, ...] = field(default=())
    units: pd.DataFrame | None = field(default=None, repr=False, compare=False)
    origin: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    # --- basic facts --------------------------------------------------------------------------------------
    @property
    def indicator_ids(self) -> list[str]:
        return sorted(self.frame["indicator"].unique().tolist())

    @property
    def region_codes(self) -> list[str]:
        return sorted(self.frame["region_code"].unique().tolist())

    def years(self, indicator: str | None = None) -> list[int]:
        """Years with at least one non-missing value (for ``indicator`` if given)."""
        f = self.frame if indicator is None else self.frame[self.frame["indicator"] == indicator]
        return sorted(int(y) for y in f.loc[f["value"].notna(), "year"].unique())

    def __len__(self) -> int:
        return len(self.frame)

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise ParameterError(
                f"The panel has no indicator {indicator_id!r}. Available: {', '.join(self.indicator_ids)}.",
                zh=f"面板中没有指标 {indicator_id!r}。可用的指标：{'、'.join(self.indicator_ids)}。",
            ) from None

    # --- subsets ------------------------------------------------------------------------------------------
    def select(
        self,
        indicators: Iterable[str] | None = None,
        years: Iterable[int] | None = None,
        regions: Iterable[str] | None = None,
    ) -> Panel:
        """A new panel restricted to some indicators, years and region codes (unknown indicators raise)."""
        f = self.frame
        mask = np.ones(len(f), dtype=bool)
        if indicators is not None:
            wanted = list(indicators)
            for ind in wanted:
                self.indicator(ind)
            mask &= f["indicator"].isin(wanted).to_numpy()
        if years is not None:
            mask &= f["year"].isin([int(y) for y in years]).to_numpy()
        if regions is not None:
            mask &= f["region_code"].isin([str(r) for r in regions]).to_numpy()
        sub = f.loc[mask].reset_index(drop=True)
        kept = set(sub["indicator"].unique())
        return replace(self, frame=sub, indicators={k: v for k, v in self.indicators.items() if k in kept})

    def mainland(self, *, exclude_tibet: bool = False) -> Panel:
        """Only the 31 mainland provinces (30 without Tibet); drops national totals (100000) explicitly."""
        from yindi.regions import registry

        codes = [r.adcode for r in registry().provinces(exclude_tibet=exclude_tibet)]
        return self.select(regions=codes)

    # --- reshaping ----------------------------------------------------------------------------------------
    def wide(self, indicators: Sequence[str], years: Iterable[int] | None = None) -> pd.DataFrame:
        """Region-year × indicator table (index ``(region_code, year)``, one column per indicator).

        Missing cells are ``NaN``; rows where every requested indicator is missing are kept, so the caller's
        missing-value policy sees them.
        """
        sub = self.select(indicators=indicators, years=years).frame
        table = sub.pivot_table(
            index=["region_code", "year"], columns="indicator", values="value", aggfunc="first", dropna=False
        )
        return table.reindex(columns=list(indicators)).sort_index()

    def cross_section(self, year: int, indicators: Sequence[str]) -> pd.DataFrame:
        """Region × indicator table for one year (index ``region_code``)."""
        table = self.wide(indicators, years=[year])
        if table.empty:
            raise MissingDataError(
                f"No values for year {year} and indicators {', '.join(indicators)}.",
                zh=f"{year} 年指标 {'、'.join(indicators)} 没有数值。",
            )
        return table.droplevel("year")

    def series(self, indicator: str) -> pd.DataFrame:
        """Region × year table of one indicator."""
        self.indicator(indicator)
        sub = self.frame[self.frame["indicator"] == indicator]
        return sub.pivot_table(
            index="region_code", columns="year", values="value", aggfunc="first", dropna=False
        )

    def value(self, region: str, year: int, indicator: str) -> float:
        """One value; ``region`` is any name the registry resolves ("北京", "Beijing", "110000") or "全国"."""
        from yindi.data.validate import NATIONAL_CODE, NATIONAL_NAMES
        from yindi.regions import resolve

        code = NATIONAL_CODE if str(region) in NATIONAL_NAMES else resolve(region).adcode
        f = self.frame
        hit = f[(f["region_code"] == code) & (f["year"] == int(year)) & (f["indicator"] == indicator)]
        if hit.empty:
            raise MissingDataError(
                f"No row for region {region!r} ({code}), year {year}, indicator {indicator!r}.",
                zh=f"没有地区 {region!r}（{code}）、{year} 年、指标 {indicator!r} 的数据行。",
            )
        return float(hit["value"].iloc[0])

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """The panel in the result schema: ``region_code, region, level, year, measure, value, indicator, unit``.

        ``measure`` is the indicator id (the quantity), repeated in the ``indicator`` key column so that panels
        and results join on the same names; ``region`` is the short name in ``lang`` (national rows: 全国/China).
        """
        from yindi.schema import tidy

        f = self.frame[["region_code", "year", "indicator", "value", "unit"]]
        return tidy(f.assign(measure=f["indicator"]), keys=["indicator", "unit"], lang=lang)

    def coverage(self) -> pd.DataFrame:
        """Per indicator: first and last year with values, years and regions covered, values, and ``missing``.

        ``missing`` counts the region-years without a value — blank cells and absent rows alike — over every
        region of the panel (national totals excluded) and every year from the indicator's first to its last.
        """
        f = self.frame
        regional = f[f["region_code"] != NATION_CODE]
        n_regions = regional["region_code"].nunique()
        present = f[f["value"].notna()]
        g = present.groupby("indicator")
        out = pd.DataFrame(
            {
                "first_year": g["year"].min(),
                "last_year": g["year"].max(),
                "years": g["year"].nunique(),
                "regions": g["region_code"].nunique(),
                "values": g["value"].size(),
            }
        )
        out = out.reindex(sorted(f["indicator"].unique()))
        have = regional[regional["value"].notna()].groupby("indicator").size()
        span = (out["last_year"] - out["first_year"] + 1).fillna(0)
        out["missing"] = (span * n_regions - have.reindex(out.index).fillna(0)).clip(lower=0).astype(int)
        for col in ("years", "regions", "values"):
            out[col] = out[col].fillna(0).astype(int)
        names = {k: (v.name_zh, v.name_en, v.unit) for k, v in self.indicators.items()}
        out.insert(0, "name_zh", [names.get(i, ("", "", ""))[0] for i in out.index])
        out.insert(1, "name_en", [names.get(i, ("", "", ""))[1] for i in out.index])
        out.insert(2, "unit", [names.get(i, ("", "", ""))[2] for i in out.index])
        out.index.name = "indicator"
        return out.reset_index()


def make_panel(
    frame: pd.DataFrame,
    indicators: Mapping[str, Indicator] | None = None,
    *,
    repairs: Sequence[Repair] = (),
    sources: Sequence[str] = (),
    origin: str = "<data>",
) -> Panel:
    """Normalise column types, check the panel rules and build a :class:`Panel`.

    Checks: the six columns exist; ``value`` is numeric or missing; no two rows share
    ``(region_code, year, indicator)`` with different values (identical duplicates are collapsed and reported
    as a repair); one unit per indicator. Indicators without metadata get a minimal entry named after the id.
    Importers may add the columns ``_file`` and ``_row`` (where each row came from); messages then name them.
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataValidationError(
            f"{origin}: missing column(s) {', '.join(missing)}; a panel needs {', '.join(COLUMNS)}.",
            zh=f"{origin}：缺少列 {'、'.join(missing)}；面板需要 {'、'.join(COLUMNS)}。",
        )
    f = frame.loc[:, list(COLUMNS)]  # a new frame; the caller's is never changed (columns are replaced)

    def where(i: Any, zh: bool = False) -> str:  # only called when a message needs it
        return _where(frame, i, origin, zh=zh)

    f["region_code"] = f["region_code"].astype(str)
    f["region"] = f["region"].astype(str)
    f["indicator"] = f["indicator"].astype(str)
    f["unit"] = f["unit"].fillna("").astype(str)
    f["year"] = pd.to_numeric(f["year"], errors="raise").astype("int64")
    f["value"] = pd.to_numeric(f["value"], errors="raise").astype("float64")
    all_repairs = list(repairs)

    units = f.groupby("indicator")["unit"].unique()
    mixed = units[units.apply(len) > 1]
    if len(mixed):
        ind = mixed.index[0]
        at = {u: f.index[(f["indicator"] == ind) & (f["unit"] == u)][0] for u in mixed.iloc[0]}
        firsts = [f"{u!r} ({where(i)})" for u, i in at.items()]
        firsts_zh = [f"{u!r}（{where(i, zh=True)}）" for u, i in at.items()]
        raise DataValidationError(
            f"{origin}: indicator {ind!r} has mixed units {', '.join(firsts)}. Convert to one unit before "
            "importing (e.g. 万公里 → 公里), or import them as separate indicators.",
            zh=f"{origin}：指标 {ind!r} 的单位不一致：{'、'.join(firsts_zh)}。请在导入前统一为一种单位"
            "（如 万公里 → 公里），或作为不同的指标分别导入。",
        )
    key = ["region_code", "year", "indicator"]
    # One int64 per row, ordered like (indicator, region_code, year): duplicates and the final sort work on
    # it instead of hashing or comparing three columns of strings (a million rows in a few tens of ms).
    ind_i, _ = pd.factorize(f["indicator"], sort=True)
    reg_i, regs = pd.factorize(f["region_code"], sort=True)
    yr_i, yrs = pd.factorize(f["year"], sort=True)
    order_key = (ind_i.astype(np.int64) * max(len(regs), 1) + reg_i) * max(len(yrs), 1) + yr_i
    dup = pd.Series(order_key, index=f.index).duplicated(keep=False)
    if dup.any():
        for group_key, idx in f[dup].groupby(key, sort=False).groups.items():
            code, year, ind = (str(k) for k in group_key)  # type: ignore[attr-defined]
            vals = f.loc[idx, "value"]
            distinct = vals.dropna().unique()
            if len(distinct) > 1 or (len(distinct) == 1 and vals.isna().any()):
                listed = ", ".join(f"{v!r} ({where(i)})" for i, v in vals.items())
                listed_zh = "、".join(f"{v!r}（{where(i, zh=True)}）" for i, v in vals.items())
                raise DataValidationError(
                    f"{origin}: conflicting duplicate rows for region {code}, year {year}, indicator {ind!r}: "
                    f"values {listed}. Keep one row per region, year and indicator.",
                    zh=f"{origin}：地区 {code}、{year} 年、指标 {ind!r} 有相互矛盾的重复行：数值 {listed_zh}。"
                    "每个地区、年份和指标只保留一行。",
                )
        dropped = pd.Series(order_key, index=f.index).duplicated()
        examples = "; ".join(where(i) for i in f.index[dropped][:3])
        f = f[~dropped.to_numpy()].reset_index(drop=True)
        order_key = order_key[~dropped.to_numpy()]
        all_repairs.append(
            Repair(
                origin,
                None,
                None,
                f"collapsed identical duplicate rows (e.g. {examples})",
                f"{int(dropped.sum())} duplicates",
                "one row each",
            )
        )
    meta: dict[str, Indicator] = dict(indicators or {})
    for ind, unit in f.groupby("indicator")["unit"].first().items():
        if ind not in meta:
            meta[str(ind)] = Indicator(str(ind), str(ind), str(ind), str(unit))
    if len(order_key) and (np.diff(order_key) < 0).any():
        f = f.take(np.argsort(order_key, kind="stable"))
    f = f.reset_index(drop=True)
    return Panel(f, meta, tuple(all_repairs), tuple(sources))


#: Units of quantities that cannot be negative (people, counts, lengths, energy, data volume). A negative
#: value of an indicator in one of these units is flagged by :func:`yindi.data.checks.check_panel` (shown by
#: every import and by ``yindi data check``; the value is kept as in the source, like every other finding);
#: money (亿元, 万元) and rates may be negative (profits, growth) and are not checked.
NONNEGATIVE_UNITS: frozenset[str] = frozenset(
    {
        "人",
        "万人",
        "人年",
        "件",
        "个",
        "项",
        "台",
        "万个",
        "万户",
        "公里",
        "万公里",
        "万GB",
        "亿千瓦小时",
        "亿千瓦时",
    }
)


def _where(frame: pd.DataFrame, i: Any, origin: str, *, zh: bool = False) -> str:
    """'file, row N' (``zh``: 'file 第 N 行') of row ``i`` (from the optional ``_file``/``_row`` columns)."""
    file = str(frame.at[i, "_file"]) if "_file" in frame.columns else origin
    row: Any = frame.at[i, "_row"] if "_row" in frame.columns else None
    if row is None or not pd.notna(row):
        return file
    return f"{file} 第 {int(row)} 行" if zh else f"{file}, row {int(row)}"
