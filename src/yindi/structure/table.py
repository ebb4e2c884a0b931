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

from yindi._typing import FloatArray
from yindi.data.validate import NATIONAL_CODE, RowSource, parse_values, parse_years, resolve_regions
from yindi.errors import (
    DataFormatError,
    DataRepairWarning,
    DataValidationError,
    MissingDataError,
    check_option,
)
from yindi.structure._options import (
    AGGREGATES,
    MISSING,
    REGION_LABELS,
    Aggregates,
    Missing,
    RegionLabels,
)

__all__ = ["ActivityTable", "read_activity_table"]

#: Relative tolerance for "this row is the sum of the others" (float rounding in published inventories).
AGGREGATE_RTOL = 1e-6

_EXCLUDED_COLUMNS = ("kind", "label", "reason")


@dataclass(frozen=True)
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

    def __post_init__(self) -> None:
        shape = (len(self.periods), len(self.regions), len(self.activities))
        if self.values.shape != shape:
            raise DataValidationError(
                f"ActivityTable: values have shape {self.values.shape}, labels say {shape}."
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
            raise DataValidationError(f"Period {period} is not in the table; it has {list(self.periods)}.")
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
            raise MissingDataError("ActivityTable.from_array: values contain NaN or inf; fill them first.")
        if (arr < 0).any():
            raise DataValidationError("ActivityTable.from_array: values must be non-negative.")
        for kind, labels in (("periods", periods), ("regions", regions), ("activities", activities)):
            if len(set(labels)) != len(labels):
                raise DataValidationError(f"ActivityTable.from_array: duplicated {kind}.")
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


def _aggregate_rows(cube: FloatArray, axis: int) -> list[int]:
    """Indices along ``axis`` (1 = regions, 2 = activities) whose values equal the sum of the others.

    A row is an aggregate when, in every cell, it equals the sum of the other rows within
    :data:`AGGREGATE_RTOL` and it is not zero everywhere. Needs at least three rows.
    """
    n = cube.shape[axis]
    if n < 3:
        return []
    total = cube.sum(axis=axis, keepdims=True)
    rest = total - cube  # sum of the others, per row
    scale = np.maximum(np.abs(cube), np.abs(rest))
    close = np.abs(cube - rest) <= AGGREGATE_RTOL * np.maximum(scale, 1e-300)
    other_axes = tuple(i for i in range(3) if i != axis)
    every = close.all(axis=other_axes)
    nonzero = (cube != 0).any(axis=other_axes)
    return [int(i) for i in np.flatnonzero(every & nonzero)]


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
    """
    where = "read_activity_table()"
    check_option("aggregates", aggregates, AGGREGATES, where=where)
    check_option("missing", missing, MISSING, where=where)
    check_option("regions", regions, REGION_LABELS, where=where)
    if isinstance(source, pd.DataFrame):
        raw, src = source, RowSource("DataFrame", first_row=0)
    else:
        raw, src = _read_file(Path(source)), RowSource(Path(source).name)
    needed = [region, activity, period, value] + ([region_code] if region_code else [])
    absent = [c for c in needed if c not in raw.columns]
    if absent:
        raise DataFormatError(
            f"{src.file}: column(s) {absent} not found; the table has {list(raw.columns)}. Map the roles with "
            "region=, activity=, period=, value= (CLI: --region, --activity, --period, --value)."
        )
    raw = raw.reset_index(drop=True)
    vals = parse_values(raw[value], src, value)
    years = parse_years(raw[period], src, period)
    acts = raw[activity].astype(str).str.strip()
    if regions == "registry":
        codes_in = raw[region_code] if region_code else None
        codes, names, _repairs = resolve_regions(
            raw[region], src, region, region_fixes=region_fixes, codes=codes_in
        )
        notes = [str(r) for r in _repairs]
    else:
        labels = (raw[region_code] if region_code else raw[region]).astype(str).str.strip()
        codes, names, notes = labels, raw[region].astype(str).str.strip(), []
    neg = np.flatnonzero(vals.to_numpy() < 0)
    if neg.size:
        i = int(neg[0])
        raise DataValidationError(
            f"{src.file}, row {src.row(i)}, column {value!r}: negative value {vals.iloc[i]} for region "
            f"{names.iloc[i]!r}, activity {acts.iloc[i]!r}, {years.iloc[i]} ({neg.size} negative cell(s) in all). "
            "Structure measures need non-negative sizes (output, employment, energy use); correct the data or "
            "leave the cell empty and choose a missing= policy."
        )
    frame = pd.DataFrame(
        {"region_code": codes, "region": names, "period": years, "activity": acts, "value": vals}
    )
    dup = frame.duplicated(["region_code", "period", "activity"], keep=False)
    if dup.any():
        rows = np.flatnonzero(dup.to_numpy())
        first = frame.iloc[rows[0]]
        raise DataValidationError(
            f"{src.file}: region {first['region']!r}, activity {first['activity']!r}, {first['period']} appears "
            f"more than once (rows {', '.join(str(src.row(int(i))) for i in rows[:6])}"
            f"{' …' if rows.size > 6 else ''}). Keep one row per region × activity × period (sum or pick one "
            "before reading)."
        )
    excluded: list[tuple[str, str, str]] = []
    for name in exclude_activities:
        if name not in set(frame["activity"]):
            raise DataValidationError(f"exclude_activities: {name!r} is not an activity of {src.file}.")
    national = frame["region_code"] == NATIONAL_CODE
    if national.any() and aggregates != "keep":
        if aggregates == "error":
            raise DataValidationError(
                f"{src.file}: the table holds national-total rows (全国); pass aggregates='exclude' to leave them "
                "out (reported) or remove them."
            )
        excluded.append(("region", NATIONAL_CODE, "national total (aggregate of the regions)"))
        frame = frame[~national]
    frame, extra = _rectangular(frame, missing, src)
    notes += extra
    if aggregates != "keep":
        frame, found = _drop_aggregates(frame, aggregates, src)
        excluded += found
    for name in exclude_activities:  # after aggregate detection: a total includes the rows excluded here
        excluded.append(("activity", name, "excluded as asked"))
    frame = frame[~frame["activity"].isin(set(exclude_activities))]
    for kind, label, reason in excluded:
        notes.append(f"{kind} {label!r} left out: {reason}.")
    if excluded:
        warnings.warn(
            f"{src.file}: " + "; ".join(f"{k} {lab!r} left out ({why})" for k, lab, why in excluded),
            DataRepairWarning,
            stacklevel=2,
        )
    periods, regs, act_labels, cube = _to_cube(frame)
    return ActivityTable(
        periods=tuple(int(p) for p in periods),
        regions=tuple(str(r) for r in regs),
        activities=tuple(str(a) for a in act_labels),
        values=cube,
        region_names=dict(zip(frame["region_code"].astype(str), frame["region"].astype(str), strict=False)),
        measure=measure,
        proxy_note=proxy_note,
        excluded=pd.DataFrame(excluded, columns=list(_EXCLUDED_COLUMNS)),
        notes=tuple(notes),
        source=src.file,
    )


def _read_file(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise DataFormatError(f"{path}: file not found.")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if suffix in {".xlsx", ".xls"}:
        return pd.read_excel(path, dtype=str, keep_default_na=False)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    raise DataFormatError(f"{path}: unsupported file type {suffix!r}; use CSV, Excel or Parquet.")


def _rectangular(frame: pd.DataFrame, missing: Missing, src: RowSource) -> tuple[pd.DataFrame, list[str]]:
    """Complete the region × activity × period grid under the ``missing`` policy."""
    nan = frame["value"].isna()
    full = pd.MultiIndex.from_product(
        [
            sorted(frame["period"].unique()),
            sorted(frame["region_code"].unique()),
            sorted(frame["activity"].unique()),
        ],
        names=["period", "region_code", "activity"],
    )
    n_absent = len(full) - len(frame)
    if not nan.any() and n_absent == 0:
        return frame, []
    if missing == "error":
        if nan.any():
            i = int(np.flatnonzero(nan.to_numpy())[0])
            row = frame.iloc[i]
            msg = (
                f"{src.file}: {int(nan.sum())} value(s) missing, first for region {row['region']!r}, activity "
                f"{row['activity']!r}, {row['period']} (row {src.row(int(frame.index[i]))})."
            )
        else:
            have = pd.MultiIndex.from_frame(frame[["period", "region_code", "activity"]])
            gap = full.difference(have)[0]
            msg = (
                f"{src.file}: {n_absent} region × activity × period combination(s) have no row, e.g. region "
                f"{gap[1]!r}, activity {gap[2]!r}, {gap[0]}."
            )
        raise MissingDataError(
            msg + " Fill them in, or pass missing='zero' (CLI: --missing zero) to count them as 0 (reported)."
        )
    names = dict(zip(frame["region_code"], frame["region"], strict=False))
    out = frame.set_index(["period", "region_code", "activity"])[["value"]].reindex(full).reset_index()
    out["value"] = out["value"].fillna(0.0)
    out["region"] = out["region_code"].map(names)
    out = out[["region_code", "region", "period", "activity", "value"]]
    note = (
        f"missing='zero': {int(nan.sum())} empty value(s) and {n_absent} absent combination(s) counted as 0."
    )
    return out, [note]


def _to_cube(frame: pd.DataFrame) -> tuple[list[int], list[str], list[str], FloatArray]:
    periods = sorted(int(p) for p in frame["period"].unique())
    regs = sorted(str(r) for r in frame["region_code"].unique())
    acts = sorted(str(a) for a in frame["activity"].unique())
    cube = np.zeros((len(periods), len(regs), len(acts)))
    p = pd.Index(periods).get_indexer(pd.Index(frame["period"].astype("int64")))
    r = pd.Index(regs).get_indexer(pd.Index(frame["region_code"].astype(str)))
    a = pd.Index(acts).get_indexer(pd.Index(frame["activity"].astype(str)))
    cube[p, r, a] = frame["value"].to_numpy(dtype=np.float64)
    return periods, regs, acts, cube


def _drop_aggregates(
    frame: pd.DataFrame, aggregates: Aggregates, src: RowSource
) -> tuple[pd.DataFrame, list[tuple[str, str, str]]]:
    _periods, regs, acts, cube = _to_cube(frame)
    found: list[tuple[str, str, str]] = []
    for i in _aggregate_rows(cube, 2):
        found.append(
            ("activity", acts[i], "equals the sum of the other activities in every cell (aggregate)")
        )
    for i in _aggregate_rows(cube, 1):
        found.append(("region", regs[i], "equals the sum of the other regions in every cell (aggregate)"))
    if found and aggregates == "error":
        shown = ", ".join(f"{k} {lab!r}" for k, lab, _ in found)
        raise DataValidationError(
            f"{src.file}: {shown} equal(s) the sum of the others in every cell (an aggregate row). Pass "
            "aggregates='exclude' to leave it out (reported) or remove it."
        )
    drop_a = {lab for k, lab, _ in found if k == "activity"}
    drop_r = {lab for k, lab, _ in found if k == "region"}
    keep = ~frame["activity"].isin(drop_a) & ~frame["region_code"].isin(drop_r)
    return frame[keep], found
