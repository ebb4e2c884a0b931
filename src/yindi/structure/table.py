"""The region × activity × period value table every structure method reads.

产业结构分析的输入：地区 × 行业 × 时期 数值表（产值、增加值、就业、用电量、企业数……）。

:func:`read_activity_table` maps the user's columns to the roles ``region``, ``activity``, ``period`` and
``value``, validates every row with the shared helpers of :mod:`yindi.data.validate` (errors name the file, row
and column), and applies explicit, reported policies to aggregate rows, missing cells and duplicates. Nothing
is dropped silently: every exclusion is listed in :attr:`ActivityTable.excluded` and in the notes.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from yindi._missing import check_missing
from yindi._typing import FloatArray
from yindi.data.validate import NATIONAL_CODE, RowSource
from yindi.errors import (
    DataFormatError,
    DataRepairWarning,
    DataValidationError,
    MissingDataError,
    check_option,
)
from yindi.structure import _parse
from yindi.structure._options import (
    AGGREGATES,
    MISSING,
    REGION_LABELS,
    Aggregates,
    Missing,
    RegionLabels,
)
from yindi.structure._table_checks import aggregate_rows, complete_cells, read_file

__all__ = ["ActivityTable", "read_activity_table"]


_EXCLUDED_COLUMNS = ("kind", "label", "reason")


@dataclass(frozen=True, eq=False, repr=False)
class ActivityTable:
    """A validated, rectangular region × activity × period table of non-negative values.

    Attributes
    ----------
    periods : tuple of int
        Sorted periods (years).
    regions : tuple of str
        Sorted region codes (adcodes, or the labels as given when read with ``regions="as_is"``).
    activities : tuple of str
        Sorted activity labels.
    values : (P, R, A) float
        The values; no NaN, no negative value.
    region_names : mapping
        Region code → display name.
    measure : str
        What the values are (e.g. ``"final electricity consumption (10^8 kWh)"``).
    proxy_note : str
        A caveat shown with every output (e.g. "electricity use is a proxy for structure, not value added");
        empty when the values are the structure itself.
    excluded : pandas.DataFrame
        Columns ``kind`` ("activity" / "region"), ``label``, ``reason``: what was left out on read and why.
    notes : tuple of str
        Every policy applied on read, in words.
    source : str
        Where the table came from.
    """

    periods: tuple[int, ...]
    regions: tuple[str, ...]
    activities: tuple[str, ...]
    values: FloatArray
    region_names: Mapping[str, str] = field(default_factory=dict)
    measure: str = "value"
    proxy_note: str = ""
    excluded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(_EXCLUDED_COLUMNS)))
    notes: tuple[str, ...] = ()
    source: str = ""

    def __repr__(self) -> str:
        return (
            f"ActivityTable({len(self.periods)} periods {self.periods[0] if self.periods else ''}–"
            f"{self.periods[-1] if self.periods else ''}, {len(self.regions)} regions, {len(self.activities)} "
            f"activities, measure={self.measure!r}, excluded={len(self.excluded)})"
        )

    def __post_init__(self) -> None:
        shape = (len(self.periods), len(self.regions), len(self.activities))
        if self.values.shape != shape:
            raise DataValidationError(
                f"ActivityTable: values have shape {self.values.shape}, labels say {shape}.",
                zh=f"ActivityTable：数值的形状为 {self.values.shape}，而标签对应 {shape}。",
            )
        self.values.setflags(write=False)

    @cached_property
    def frame(self) -> pd.DataFrame:
        """Tidy long view: ``region_code, region, period, activity, value``, sorted by period, region, activity."""
        p, r, a = len(self.periods), len(self.regions), len(self.activities)
        codes = np.tile(np.repeat(np.asarray(self.regions, dtype=object), a), p)
        names = [self.region_names.get(c, c) for c in self.regions]
        return pd.DataFrame(
            {
                "region_code": codes,
                "region": np.tile(np.repeat(np.asarray(names, dtype=object), a), p),
                "period": np.repeat(np.asarray(self.periods, dtype=np.int64), r * a),
                "activity": np.tile(np.asarray(self.activities, dtype=object), p * r),
                "value": self.values.reshape(-1),
            }
        )

    def name(self, code: str) -> str:
        """Display name of a region code."""
        return self.region_names.get(code, code)

    def matrix(self, period: int) -> FloatArray:
        """Values of one period, shape (R, A) (read-only view)."""
        if period not in self.periods:
            raise DataValidationError(
                f"Period {period} is not in the table; it has {list(self.periods)}.",
                zh=f"表中没有时期 {period}；现有时期：{list(self.periods)}。",
            )
        out: FloatArray = self.values[self.periods.index(period)]
        return out

    def all_notes(self) -> tuple[str, ...]:
        """The proxy caveat (if any) followed by the read notes."""
        return ((self.proxy_note,) if self.proxy_note else ()) + self.notes

    @classmethod
    def from_array(
        cls,
        values: FloatArray,
        *,
        periods: Sequence[int],
        regions: Sequence[str],
        activities: Sequence[str],
        measure: str = "value",
        proxy_note: str = "",
    ) -> ActivityTable:
        """Build a table from a (P, R, A) array (synthetic data, benchmarks); values must be finite and ≥ 0."""
        arr = np.array(values, dtype=np.float64)
        if not np.isfinite(arr).all():
            raise MissingDataError(
                "ActivityTable.from_array: values contain NaN or inf; fill them first.",
                zh="ActivityTable.from_array：数值中有 NaN 或 inf，请先补齐。",
            )
        if (arr < 0).any():
            raise DataValidationError(
                "ActivityTable.from_array: values must be non-negative.",
                zh="ActivityTable.from_array：数值须为非负数。",
            )
        for kind, labels in (("periods", periods), ("regions", regions), ("activities", activities)):
            if len(set(labels)) != len(labels):
                raise DataValidationError(
                    f"ActivityTable.from_array: duplicated {kind}.",
                    zh="ActivityTable.from_array："
                    f"{ {'periods': '时期', 'regions': '地区', 'activities': '产业'}[kind] }有重复。",
                )
        po = np.argsort(np.asarray(periods))
        ro = np.argsort(np.asarray(regions, dtype=str))
        ao = np.argsort(np.asarray(activities, dtype=str))
        return cls(
            periods=tuple(int(periods[i]) for i in po),
            regions=tuple(str(regions[i]) for i in ro),
            activities=tuple(str(activities[i]) for i in ao),
            values=arr[np.ix_(po, ro, ao)],
            measure=measure,
            proxy_note=proxy_note,
        )


def read_activity_table(
    source: str | Path | pd.DataFrame,
    *,
    region: str = "region",
    activity: str = "activity",
    period: str = "year",
    value: str = "value",
    region_code: str | None = None,
    regions: RegionLabels = "registry",
    measure: str = "value",
    proxy_note: str = "",
    aggregates: Aggregates = "exclude",
    exclude_activities: Sequence[str] = (),
    missing: Missing = "error",
    region_fixes: Mapping[str, str] | None = None,
) -> ActivityTable:
    """Read and validate a region × activity × period table with column roles.

    Parameters
    ----------
    source : path or DataFrame
        A CSV/Excel/Parquet file or a DataFrame in long form (one value per row).
    region, activity, period, value : str
        Names of the columns holding each role.
    region_code : str, optional
        Column of adcodes; when given with ``regions="registry"`` each code must agree with its name.
    regions : {"registry", "as_is"}
        ``"registry"`` resolves names/codes to GB/T 2260 adcodes (unknown names are an error naming the row);
        ``"as_is"`` keeps the labels (synthetic data, countries, custom zones).
    measure, proxy_note : str
        What the values are, and a caveat repeated in every output.
    aggregates : {"exclude", "error", "keep"}
        Activities (or regions) whose values equal the sum of the others in every cell — a "Total" row, the
        national total — are excluded and reported (default), raise, or are kept. National-total rows
        (``全国``, code 100000) are always treated as aggregates.
    exclude_activities : sequence of str
        Activities to leave out by name (reported).
    missing : {"error", "zero"}
        A NaN value or an absent region × activity × period combination raises (default) or counts as 0
        (reported with the number of cells).
    region_fixes : mapping, optional
        Explicit name corrections, reported (see :func:`yindi.data.validate.resolve_regions`).

    Returns
    -------
    ActivityTable

    Raises
    ------
    DataFormatError
        A role column is absent.
    DataValidationError
        A value is not a number or negative, a cell is duplicated, a region or year is invalid, or an
        aggregate is found with ``aggregates="error"``.
    MissingDataError
        A cell is missing with ``missing="error"``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"省份": ["北京", "北京", "河北", "河北"], "年份": 2023,
    ...                    "行业": ["39", "31", "39", "31"], "用电": [120.0, 5.0, 30.0, 80.0]})
    >>> t = read_activity_table(df, region="省份", activity="行业", period="年份", value="用电")
    >>> t.regions, t.activities, t.matrix(2023).tolist()
    (('110000', '130000'), ('31', '39'), [[5.0, 120.0], [80.0, 30.0]])
    """
    where = "read_activity_table()"
    check_option("aggregates", aggregates, AGGREGATES, where=where)
    check_missing(missing, MISSING, where=where)
    check_option("regions", regions, REGION_LABELS, where=where)
    if isinstance(source, pd.DataFrame):
        raw, src = source, RowSource("DataFrame", first_row=0)
    else:
        raw, src = read_file(Path(source)), RowSource(Path(source).name)
    needed = [region, activity, period, value] + ([region_code] if region_code else [])
    absent = [c for c in needed if c not in raw.columns]
    if absent:
        raise DataFormatError(
            f"{src.file}: column(s) {absent} not found; the table has {list(raw.columns)}. Map the roles with "
            "region=, activity=, period=, value= (CLI: --region, --activity, --period, --value).",
            zh=f"{src.file}：找不到列 {absent}；表中的列为 {list(raw.columns)}。"
            "请用 region=、activity=、period=、value= 指定各列（命令行：--region、"
            "--activity、--period、--value）。",
        )
    raw = raw.reset_index(drop=True)
    notes: list[str] = []
    vals = _parse.values(raw[value], src, value, notes)
    years = _parse.years(raw[period], src, period)
    acts = _parse.labels(raw[activity])
    if regions == "registry":
        codes_in = raw[region_code] if region_code else None
        codes, names, region_notes = _parse.regions(
            raw[region], src, region, codes=codes_in, region_fixes=region_fixes
        )
        notes = region_notes + notes
    else:
        codes = _parse.labels(raw[region_code] if region_code else raw[region])
        names = _parse.labels(raw[region])
    v = vals.to_numpy(dtype=np.float64)
    neg = np.flatnonzero(v < 0)
    if neg.size:
        i = int(neg[0])
        raise DataValidationError(
            f"{src.file}, row {src.row(i)}, column {value!r}: negative value {v[i]} for region "
            f"{names.iloc[i]!r}, activity {acts.iloc[i]!r}, {years.iloc[i]} ({neg.size} negative cell(s) in all). "
            "Structure measures need non-negative sizes (output, employment, energy use); correct the data or "
            "leave the cell empty and choose a missing= policy.",
            zh=f"{src.file} 第 {src.row(i)} 行 {value!r} 列："
            f"地区 {names.iloc[i]!r}、产业 {acts.iloc[i]!r}、"
            f"{years.iloc[i]} 的值为负数 {v[i]}（共 {neg.size} 个负值单元格）。"
            "结构指标需要非负的规模（产值、就业、能耗）；请更正数据，或留空该单元格并选择 missing= 处理方式。",
        )
    pc, p_u = pd.factorize(years, sort=True)
    rc, r_u = pd.factorize(codes, sort=True)
    ac, a_u = pd.factorize(acts, sort=True)
    shape = (len(p_u), len(r_u), len(a_u))
    lin = (pc * shape[1] + rc) * shape[2] + ac
    counts = np.bincount(lin, minlength=int(np.prod(shape)))
    if (counts > 1).any():
        rows = np.flatnonzero(counts[lin] > 1)
        i = int(rows[0])
        raise DataValidationError(
            f"{src.file}: region {names.iloc[i]!r}, activity {acts.iloc[i]!r}, {years.iloc[i]} appears "
            f"more than once (rows {', '.join(str(src.row(int(j))) for j in rows[:6])}"
            f"{' …' if rows.size > 6 else ''}). Keep one row per region × activity × period (sum or pick one "
            "before reading).",
            zh=f"{src.file}：地区 {names.iloc[i]!r}、产业 {acts.iloc[i]!r}、"
            f"{years.iloc[i]} 出现不止一次（第 {'、'.join(str(src.row(int(j))) for j in rows[:6])}{' …' if rows.size > 6 else ''} 行）"
            "。"
            "每个地区 × 产业 × 时期只保留一行（读取前先加总或择一）。",
        )
    act_labels = [str(x) for x in a_u]
    reg_labels = [str(x) for x in r_u]
    for name in exclude_activities:
        if name not in act_labels:
            raise DataValidationError(
                f"exclude_activities: {name!r} is not an activity of {src.file}.",
                zh=f"exclude_activities：{name!r} 不是 {src.file} 中的产业。",
            )
    cube = np.full(shape, np.nan)
    cube[pc, rc, ac] = v
    cube, extra = complete_cells(
        cube,
        counts.reshape(shape) == 0,
        missing,
        src,
        v,
        names,
        acts,
        years,
        (list(p_u), reg_labels, act_labels),
    )
    notes += extra
    excluded: list[tuple[str, str, str]] = []
    keep_r = np.ones(shape[1], dtype=bool)
    keep_a = np.ones(shape[2], dtype=bool)
    if NATIONAL_CODE in reg_labels and aggregates != "keep":
        if aggregates == "error":
            raise DataValidationError(
                f"{src.file}: the table holds national-total rows (全国); pass aggregates='exclude' to leave them "
                "out (reported) or remove them.",
                zh=f"{src.file}：表中含全国合计行（全国）；请设 aggregates='exclude' 将其排除（会报告）"
                "，或删除这些行。",
            )
        excluded.append(("region", NATIONAL_CODE, "national total (aggregate of the regions)"))
        keep_r[reg_labels.index(NATIONAL_CODE)] = False
    if aggregates != "keep":
        sub = cube[:, keep_r, :]
        found = [
            ("activity", act_labels[i], "equals the sum of the other activities in every cell (aggregate)")
            for i in aggregate_rows(sub, 2)
        ]
        r_idx = np.flatnonzero(keep_r)
        found += [
            ("region", reg_labels[r_idx[i]], "equals the sum of the other regions in every cell (aggregate)")
            for i in aggregate_rows(sub, 1)
        ]
        if found and aggregates == "error":
            shown = ", ".join(f"{k} {lab!r}" for k, lab, _ in found)
            raise DataValidationError(
                f"{src.file}: {shown} equal(s) the sum of the others in every cell (an aggregate row). Pass "
                "aggregates='exclude' to leave it out (reported) or remove it.",
                zh=f"{src.file}："
                f"{'、'.join(('产业 ' if k == 'activity' else '地区 ') + repr(lab) for k, lab, _ in found)} 在每个单元格都等于其余各项之和（合计行）"
                "。请设 aggregates='exclude' 将其排除（会报告），或删除。",
            )
        for kind, lab, _ in found:
            if kind == "activity":
                keep_a[act_labels.index(lab)] = False
            else:
                keep_r[reg_labels.index(lab)] = False
        excluded += found
    for name in exclude_activities:  # after aggregate detection: a total includes the rows excluded here
        excluded.append(("activity", name, "excluded as asked"))
        keep_a[act_labels.index(name)] = False
    for kind, label, reason in excluded:
        notes.append(f"{kind} {label!r} left out: {reason}.")
    if excluded:
        kind_zh = {"region": "地区", "activity": "产业"}
        why_zh = {
            "national total (aggregate of the regions)": "全国合计，即各地区之和",
            "equals the sum of the other activities in every cell (aggregate)": "每个单元格都等于其余产业之和，为合计行",
            "equals the sum of the other regions in every cell (aggregate)": "每个单元格都等于其余地区之和，为合计行",
            "excluded as asked": "按要求排除",
        }
        warnings.warn(
            DataRepairWarning(
                f"{src.file}: " + "; ".join(f"{k} {lab!r} left out ({why})" for k, lab, why in excluded),
                zh=f"{src.file}：已排除 "
                + "；".join(
                    f"{kind_zh.get(k, k)} {lab!r}（{why_zh.get(why, why)}）" for k, lab, why in excluded
                )
                + "。",
            ),
            stacklevel=2,
        )
    first = np.unique(rc, return_index=True)[1]
    region_names = {reg_labels[int(rc[i])]: str(names.iloc[int(i)]) for i in first}
    return ActivityTable(
        periods=tuple(int(p) for p in p_u),
        regions=tuple(r for r, k in zip(reg_labels, keep_r, strict=True) if k),
        activities=tuple(a for a, k in zip(act_labels, keep_a, strict=True) if k),
        values=cube[np.ix_(np.ones(shape[0], dtype=bool), keep_r, keep_a)],
        region_names=region_names,
        measure=measure,
        proxy_note=proxy_note,
        excluded=pd.DataFrame(excluded, columns=list(_EXCLUDED_COLUMNS)),
        notes=tuple(notes),
        source=src.file,
    )
