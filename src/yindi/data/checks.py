"""Plausibility checks that catch real source errors: jumps, carried-forward values, parts that do not add up
to their total, and values that belong to another region. Nothing is changed; every finding names the file,
row, region, year and indicator.

数据合理性检查：异常跳变、沿用上年数值、分项之和与总量不符、疑似错位（与他地区互换）的数值。只报告，不修改。

Checks (thresholds are options of the ``data_checks`` table, :data:`TABLE`):

- **jump** — the ratio of a value to the same region's value in the year before is above ``jump_ratio``
  (default 3) or below its inverse: 鄂尔多斯 2022 GDP 23,158.65 after 4,715.7.
- **repeat** — a value identical to the same region's value in the year before (a carry-forward): 18
  autonomous prefectures' 2022 GDP in the city pack.
- **sum** — for each rule ``total=part+part+…`` (``sum_rules``), the parts differ from the total by more than
  ``sum_tolerance`` of the total (default 2 %): Guangdong cities 2009–2014.
- **swap** — a value far from its own region's trend (its ratio to the geometric mean of the years before
  and after is outside ``[1/(1+d), 1+d]``, ``d = swap_deviation``, and is the largest such deviation of its
  three-year window) that matches, within ``swap_match``, the
  trend of another region of the same province whose own value in that year is off trend or missing: the
  Heilongjiang 2011 rows, where 七台河's value is 牡丹江's level and 黑河's is 绥化's. When the two values
  match each other's trend it is reported as a swap, otherwise as a misplaced value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.data.panel import Panel
from yindi.errors import ParameterError
from yindi.options import Option, OptionTable, register

_FLOWS = ("gdp", "va_primary", "va_secondary", "va_tertiary")

_OPTIONS = (
    Option(
        "jump_ratio",
        3.0,
        "相邻年份比值超过该倍数（或低于其倒数）即报告",
        "Flag a year-on-year ratio above this (or below its inverse)",
        low=1.0,
    ),
    Option("jump_indicators", _FLOWS, "检查跳变的指标", "Indicators checked for jumps"),
    Option(
        "repeat_indicators",
        _FLOWS,
        "检查“与上年完全相同”的指标",
        "Indicators checked for values identical to the year before",
    ),
    Option(
        "sum_rules",
        ("gdp=va_primary+va_secondary+va_tertiary", "pop_total=pop_urban+pop_rural"),
        "分项之和应等于总量的规则（总量=分项+分项）",
        "Rules total=part+part whose parts must add up to the total",
    ),
    Option(
        "sum_tolerance",
        0.02,
        "分项之和与总量的相对差超过该值即报告",
        "Flag when the parts differ from the total by more than this share of the total",
        low=0.0,
    ),
    Option("swap_indicators", ("gdp",), "检查错位/互换的指标", "Indicators checked for swapped values"),
    Option(
        "swap_deviation",
        0.3,
        "偏离本地区趋势（前后两年几何平均）的相对幅度",
        "Relative deviation from the region's own trend (geometric mean of the years around)",
        low=0.0,
    ),
    Option(
        "swap_match",
        0.1,
        "与另一地区趋势值相符的相对容差",
        "Relative tolerance for matching another region's trend",
        low=0.0,
        high=1.0,
    ),
)
TABLE = register(OptionTable("data_checks", "数据合理性检查", "Data plausibility checks", _OPTIONS))

#: Columns of :attr:`DataChecks.findings`.
FINDING_COLUMNS: tuple[str, ...] = (
    "check", "file", "row", "region_code", "region", "year", "indicator", "value", "reference",
    "partner_code", "detail_zh", "detail_en",
)  # fmt: skip


@dataclass(frozen=True)
class DataChecks:
    """The findings of :func:`check_panel` (one row per suspicious value; nothing in the panel is changed).

    Attributes
    ----------
    findings : pandas.DataFrame
        Columns :data:`FINDING_COLUMNS`; ``reference`` is the value compared against (previous year, the total,
        the trend), ``partner_code`` the other region of a swap. Sorted by check, region, indicator, year.
    options : Mapping[str, Any]
        The thresholds used.
    """

    findings: pd.DataFrame
    options: Mapping[str, Any]

    def __len__(self) -> int:
        return len(self.findings)

    def of(self, check: str) -> pd.DataFrame:
        """The findings of one check (``jump``, ``repeat``, ``sum``, ``swap``)."""
        return self.findings[self.findings["check"] == check]

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Findings in the result schema: ``measure`` = the check, ``value`` = the suspicious value."""
        from yindi.schema import tidy

        f = self.findings.rename(columns={"check": "measure"})
        f = f.assign(detail=f["detail_en" if lang == "en" else "detail_zh"])
        keys = ["indicator", "reference", "partner_code", "file", "row", "detail"]
        return tidy(f.drop(columns=["region", "detail_zh", "detail_en"]), keys=keys, lang=lang)

    def summary(self, lang: Lang = "zh") -> str:
        """One line per finding, grouped by check."""
        if self.findings.empty:
            return "未发现可疑数值。" if lang == "zh" else "No suspicious values found."
        titles = {
            "negative": ("不应为负的数量", "Counts below zero"),
            "jump": ("异常跳变", "Implausible jumps"),
            "repeat": ("与上年完全相同", "Identical to the year before"),
            "sum": ("分项之和与总量不符", "Parts do not add up to the total"),
            "swap": ("疑似错位或互换", "Values that look swapped or misplaced"),
        }
        lines: list[str] = []
        for check, group in self.findings.groupby("check", sort=False):
            zh, en = titles[str(check)]
            lines.append(f"{zh if lang == 'zh' else en} ({len(group)})")
            col = "detail_zh" if lang == "zh" else "detail_en"
            for file, row, detail in group[["file", "row", col]].itertuples(index=False):
                where = f"{file}, row {int(row)}" if isinstance(row, (int, np.integer)) else str(file)
                lines.append(f"  {where}: {detail}")
        return "\n".join(lines)


def check_panel(panel: Panel, options: Mapping[str, Any] | None = None) -> DataChecks:
    """Run every plausibility check on ``panel`` and return the findings; ``panel`` is not changed.

    Parameters
    ----------
    panel : Panel
        Any panel; a pack read with :func:`yindi.data.load_pack` also gives each finding's file row.
    options : mapping, optional
        Thresholds of :data:`TABLE` (``jump_ratio``, ``sum_tolerance`` …); unknown keys are errors.

    Examples
    --------
    >>> from yindi.data import load_pack
    >>> checks = check_panel(load_pack("../shared/data/cn-cities"))  # doctest: +SKIP
    >>> checks.of("jump").query("region_code == '150600'")[["year", "value"]]  # doctest: +SKIP
    """
    opts = TABLE.resolve(options)
    f = _rows_to_check(panel, opts)
    jump_rows = _with_previous(f, tuple(opts["jump_indicators"]))
    repeat_rows = (  # the same indicators by default: sorted and shifted once
        jump_rows
        if tuple(opts["repeat_indicators"]) == tuple(opts["jump_indicators"])
        else _with_previous(f, tuple(opts["repeat_indicators"]))
    )
    parts = [
        _negatives(f),
        _jumps(jump_rows, float(opts["jump_ratio"])),
        _repeats(repeat_rows),
        _sums(f, opts["sum_rules"], float(opts["sum_tolerance"])),
        _swaps(f, opts["swap_indicators"], float(opts["swap_deviation"]), float(opts["swap_match"])),
    ]
    found = (
        pd.concat([p for p in parts if not p.empty], ignore_index=True)
        if any(not p.empty for p in parts)
        else pd.DataFrame(columns=[c for c in FINDING_COLUMNS if c not in ("file", "row", "region")])
    )
    found = _locate(found, panel, f)
    found["detail_en"] = _english_names(found)
    order = {"negative": -1, "jump": 0, "repeat": 1, "sum": 2, "swap": 3}
    found = found.sort_values(
        ["check", "region_code", "indicator", "year"], key=lambda s: s.map(order) if s.name == "check" else s
    ).reset_index(drop=True)
    return DataChecks(found.loc[:, list(FINDING_COLUMNS)], opts)


def _rows_to_check(panel: Panel, opts: Mapping[str, Any]) -> pd.DataFrame:
    """The panel's rows with a value; for a panel still held as codes (a large streamed import) only the rows
    of the indicators the rules name and the negative values, which is all the checks read."""
    narrow = getattr(panel, "check_rows", None)
    if callable(narrow):
        named = {*opts["jump_indicators"], *opts["repeat_indicators"], *opts["swap_indicators"]}
        for rule in opts["sum_rules"]:
            total, parts = _parse_rule(rule)
            named |= {total, *parts}
        rows = narrow(named)
        if isinstance(rows, pd.DataFrame):
            return rows
    return panel.frame.dropna(subset=["value"])


def _with_previous(f: pd.DataFrame, indicators: tuple[str, ...]) -> pd.DataFrame:
    sub = f[f["indicator"].isin(indicators)].sort_values(["indicator", "region_code", "year"])
    prev = sub.groupby(["indicator", "region_code"], sort=False)[["year", "value"]].shift(1)
    sub = sub.assign(prev_year=prev["year"], prev=prev["value"])
    return sub[sub["prev_year"] == sub["year"] - 1]


def _jumps(sub: pd.DataFrame, ratio: float) -> pd.DataFrame:
    """Jumps among the rows of :func:`_with_previous`."""
    sub = sub[(sub["value"] > 0) & (sub["prev"] > 0)]
    r = sub["value"] / sub["prev"]
    mask = (r > ratio) | (r < 1 / ratio)
    # r[mask], not r: assigning a longer Series to an empty frame would take that Series' index (pandas)
    hit = sub[mask].assign(ratio=r[mask])
    zh, en = [], []
    for n, y, i, v, p, x in hit[["region", "year", "indicator", "value", "prev", "ratio"]].itertuples(
        index=False
    ):
        zh.append(f"{n} {y} 年 {i} = {v:.10g}，上年 {p:.10g}（{x:.2f} 倍，阈值 {ratio:g}）")
        en.append(f"{n} {y} {i} = {v:.10g} after {p:.10g} the year before ({x:.2f}×; threshold {ratio:g})")
    return _finding(hit, "jump", hit["prev"], zh, en)


def _negatives(f: pd.DataFrame) -> pd.DataFrame:
    """Counts, people, lengths and energy below zero (units in :data:`yindi.data.panel.NONNEGATIVE_UNITS`):
    a sign or column error in the source (the 2020 census has one: 田阳区 edu_preschool_female = −980)."""
    from yindi.data.panel import NONNEGATIVE_UNITS

    hit = f[(f["value"] < 0) & f["unit"].isin(NONNEGATIVE_UNITS)]
    zh, en = [], []
    for n, y, i, v, u in hit[["region", "year", "indicator", "value", "unit"]].itertuples(index=False):
        zh.append(f"{n} {y} 年 {i} = {v:.10g} {u}：以{u}计的数量不能为负（疑似正负号或列错位）")
        en.append(
            f"{n} {y} {i} = {v:.10g} {u}: a quantity in {u} cannot be negative (a sign or column error?)"
        )
    return _finding(hit, "negative", pd.Series(np.nan, index=hit.index), zh, en)


def _repeats(sub: pd.DataFrame) -> pd.DataFrame:
    """Values repeated from the year before among the rows of :func:`_with_previous`."""
    hit = sub[sub["value"] == sub["prev"]]
    zh, en = [], []
    for n, y, i, v in hit[["region", "year", "indicator", "value"]].itertuples(index=False):
        zh.append(f"{n} {y} 年 {i} = {v:.10g}，与上年完全相同（疑似沿用上年数值）")
        en.append(f"{n} {y} {i} = {v:.10g}, identical to the year before (probably carried forward)")
    return _finding(hit, "repeat", hit["prev"], zh, en)


def _parse_rule(rule: str) -> tuple[str, list[str]]:
    total, sep, rest = rule.partition("=")
    parts = [p.strip() for p in rest.split("+") if p.strip()]
    if not sep or not total.strip() or len(parts) < 2:
        raise ParameterError(
            f"The 'sum_rules' option of data checks takes rules like 'gdp=va_primary+va_secondary+va_tertiary'. "
            f"Got {rule!r} instead.",
            zh=f"数据检查的 'sum_rules' 选项应写成 'gdp=va_primary+va_secondary+va_tertiary'，实际为 {rule!r}。",
        )
    return total.strip(), parts


def _sums(f: pd.DataFrame, rules: tuple[str, ...], tol: float) -> pd.DataFrame:
    out = []
    for rule in rules:
        total, parts = _parse_rule(rule)
        if not set([total, *parts]) <= set(f["indicator"].unique()):
            continue
        wide = f[f["indicator"].isin([total, *parts])].pivot_table(
            index=["region_code", "year"], columns="indicator", values="value", aggfunc="first"
        )
        wide = wide.dropna(subset=[total, *parts])
        parts_sum = wide[parts].sum(axis=1)
        gap = (parts_sum - wide[total]) / wide[total].abs()
        hit = wide[gap.abs() > tol]
        if hit.empty:
            continue
        rows = hit.reset_index()[["region_code", "year"]].assign(
            indicator=total,
            value=hit[total].to_numpy(),
            ref=parts_sum[hit.index].to_numpy(),
            gap=gap[hit.index].to_numpy(),
        )
        names = f.drop_duplicates("region_code").set_index("region_code")["region"]
        rows["region"] = rows["region_code"].map(names)
        plus = "+".join(parts)
        zh, en = [], []
        for n, y, sm, v, g in rows[["region", "year", "ref", "value", "gap"]].itertuples(index=False):
            zh.append(f"{n} {y} 年 {plus} = {sm:.10g}，{total} = {v:.10g}（相差 {g:+.1%}，容差 {tol:.0%}）")
            en.append(
                f"{n} {y} {plus} = {sm:.10g} but {total} = {v:.10g} (gap {g:+.1%}; tolerance {tol:.0%})"
            )
        out.append(_finding(rows, "sum", rows["ref"], zh, en))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame()


def _swaps(f: pd.DataFrame, indicators: tuple[str, ...], dev: float, match: float) -> pd.DataFrame:
    out = []
    for ind in indicators:
        wide = f[f["indicator"] == ind].pivot_table(
            index="region_code", columns="year", values="value", aggfunc="first"
        )
        if wide.shape[1] < 3:
            continue
        years = wide.columns.to_numpy()
        full = wide.reindex(columns=range(int(years.min()), int(years.max()) + 1))
        vals = full.to_numpy(dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            trend = np.full_like(vals, np.nan)
            trend[:, 1:-1] = np.sqrt(vals[:, :-2] * vals[:, 2:])
            off = (vals / trend > 1 + dev) | (vals / trend < 1 / (1 + dev))
            # A bad value also bends its neighbours' trends; keep only the largest deviation in each
            # three-year window, so that the years around a misplaced value are not reported as well.
            size = np.nan_to_num(np.abs(np.log(vals / trend)), nan=0.0)
        before = np.pad(size, ((0, 0), (1, 0)))[:, :-1]
        after = np.pad(size, ((0, 0), (0, 1)))[:, 1:]
        off &= (size >= before) & (size >= after)
        disturbed = off | (np.isnan(vals) & ~np.isnan(trend))
        codes = full.index.to_numpy()
        province = np.array([c[:2] for c in codes])
        names = f.drop_duplicates("region_code").set_index("region_code")["region"]
        english = _english_labels(codes)
        for i, j in zip(*np.nonzero(off), strict=True):
            same = (province == province[i]) & disturbed[:, j] & (np.arange(len(codes)) != i)
            with np.errstate(invalid="ignore", divide="ignore"):
                close = np.abs(vals[i, j] / trend[:, j] - 1) <= match
            for k in np.nonzero(same & close)[0]:
                mutual = bool(np.abs(vals[k, j] / trend[i, j] - 1) <= match)
                year = int(full.columns[j])
                a, b = names.get(codes[i], codes[i]), names.get(codes[k], codes[k])
                kind_zh = "与之互换" if mutual else "错列"
                kind_en = "swapped with" if mutual else "misplaced from"
                zh = (
                    f"{a} {year} 年 {ind} = {vals[i, j]:.10g}，本地区趋势约 {trend[i, j]:.4g}；该值接近 {b}"
                    f"（{codes[k]}）的趋势 {trend[k, j]:.4g}，疑似{kind_zh}{b}的数值"
                )
                b_en = english.get(str(codes[k]), str(codes[k]))
                b_full = f"{b_en} ({codes[k]})" if b_en != str(codes[k]) else str(codes[k])
                en = (
                    f"{a} {year} {ind} = {vals[i, j]:.10g}, its own trend ≈ {trend[i, j]:.4g}; the value matches "
                    f"the trend of {b_full}, {trend[k, j]:.4g}: probably {kind_en} {b_en}"
                )
                out.append(
                    {
                        "region_code": codes[i],
                        "region": a,
                        "year": year,
                        "indicator": ind,
                        "value": vals[i, j],
                        "ref": trend[i, j],
                        "partner_code": codes[k],
                        "detail_zh": zh,
                        "detail_en": en,
                    }
                )
    if not out:
        return pd.DataFrame()
    rows = pd.DataFrame(out)
    return rows.assign(check="swap", reference=rows.pop("ref"))


def _finding(
    hit: pd.DataFrame, check: str, reference: pd.Series, zh: list[str], en: list[str]
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "check": check,
            "region_code": hit["region_code"].to_numpy(),
            "region": hit["region"].to_numpy(),
            "year": hit["year"].to_numpy(),
            "indicator": hit["indicator"].to_numpy(),
            "value": hit["value"].to_numpy(),
            "reference": reference.to_numpy(),
            "partner_code": "",
            "detail_zh": zh,
            "detail_en": en,
        }
    )


def _english_labels(codes: Any) -> dict[str, str]:
    """English names of adcodes (the code itself where the registry has none, e.g. a historical unit)."""
    from yindi.schema import region_labels

    listed = [str(c) for c in codes]
    return dict(zip(listed, region_labels(listed, "en")[0], strict=True))


def _english_names(found: pd.DataFrame) -> list[str]:
    """English details start with the English name and the code (鄂尔多斯 → Ordos (150600))."""
    from yindi.schema import region_labels

    codes = found["region_code"].astype(str).unique().tolist()
    english = dict(zip(codes, region_labels(codes, "en")[0], strict=True))
    out = []
    for code, zh, text in found[["region_code", "region", "detail_en"]].itertuples(index=False):
        en = english.get(str(code), str(code))
        label = f"{en} ({code})" if en != str(code) else f"{zh} ({code})"
        out.append(text.replace(str(zh), label, 1) if isinstance(zh, str) and text.startswith(zh) else text)
    return out


def _locate(found: pd.DataFrame, panel: Panel, rows: pd.DataFrame) -> pd.DataFrame:
    """Add the file and file row of each finding (from the pack's origin table, else the panel's sources);
    region names come from the checked ``rows`` (every finding is one of them)."""
    names = rows.drop_duplicates("region_code").set_index("region_code")["region"]
    found = found.assign(
        region=found["region_code"].map(names), partner_code=found["partner_code"].fillna("")
    )
    origin = getattr(panel, "origin", None)
    if origin is not None and not found.empty:
        found = found.merge(origin, on=["region_code", "year", "indicator"], how="left")
    else:
        found = found.assign(file=panel.sources[0] if panel.sources else "<data>", row=None)
    found["row"] = found["row"].astype("Int64")
    return found
