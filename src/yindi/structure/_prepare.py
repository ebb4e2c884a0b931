"""Per-period matrices with the empty-row policy shared by the specialisation and complexity models."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._missing import check_missing
from yindi._typing import FloatArray
from yindi.errors import DataRepairWarning, DataValidationError, ParameterError, check_option
from yindi.structure._options import EMPTY, MISSING, Empty, Missing
from yindi.structure.table import ActivityTable, read_activity_table

DROPPED_COLUMNS = ("period", "kind", "label", "total", "reason")


@dataclass(frozen=True, eq=False)
class PeriodMatrix:
    """One period's matrix after the policy: ``x`` is (R_kept, A_kept) with positive row and column totals."""

    period: int
    rows: tuple[int, ...]  # indices into table.regions
    cols: tuple[int, ...]  # indices into table.activities
    x: FloatArray


def as_table(
    data: ActivityTable | pd.DataFrame,
    *,
    region: str,
    activity: str,
    value: str,
    period: str,
    where: str,
    missing: Missing = "error",
) -> ActivityTable:
    """An ActivityTable as is, or a DataFrame read with labels kept as given (no region registry).

    ``missing`` applies to a DataFrame only; an ActivityTable was read with its own policy, so anything but the
    default is an error pointing at :func:`read_activity_table`.
    """
    check_missing(missing, MISSING, where=where)
    if isinstance(data, ActivityTable):
        if missing != "error":
            raise ParameterError(
                f"{where}: missing={missing!r} applies when a DataFrame is passed; this ActivityTable was read "
                "already. Pass missing= to read_activity_table() instead.",
                zh=f"{where}：missing={missing!r} 只用于传入 DataFrame 的情形；该 ActivityTable 已读入，"
                "请在 read_activity_table() 中设置 missing=。",
            )
        return data
    if isinstance(data, pd.DataFrame):
        return read_activity_table(
            data,
            region=region,
            activity=activity,
            value=value,
            period=period,
            regions="as_is",
            missing=missing,
        )
    raise ParameterError(
        f"{where} takes an ActivityTable or a pandas DataFrame; got {type(data).__name__}.",
        zh=f"{where} 接受 ActivityTable 或 pandas DataFrame，收到的是 {type(data).__name__}。",
    )


def period_matrices(
    table: ActivityTable,
    *,
    periods: list[int] | None,
    empty: Empty,
    min_region_total: float,
    min_activity_total: float,
    where: str,
) -> tuple[list[PeriodMatrix], pd.DataFrame]:
    """Split the table into per-period matrices, applying the ``empty`` / minimum-total policy.

    A region (activity) whose total in a period is ``<= 0`` or below ``min_region_total``
    (``min_activity_total``) is an error under ``empty="error"`` (for totals of zero) and is dropped from that
    period, reported in the returned frame (``period, kind, label, total, reason``), under ``empty="drop"``.
    Totals below a positive minimum are always dropped and reported: asking for a minimum is the policy.
    Activities are checked after regions are dropped.
    """
    check_option("empty", empty, EMPTY, where=where)
    for name, v in (("min_region_total", min_region_total), ("min_activity_total", min_activity_total)):
        if not np.isfinite(v) or v < 0:
            raise ParameterError(
                f"The {name!r} parameter of {where} must be a finite number ≥ 0. Got {v!r} instead.",
                zh=f"{where} 的参数 {name!r} 须为 ≥ 0 的有限数，收到的是 {v!r}。",
            )
    chosen = list(table.periods) if periods is None else list(periods)
    for p in chosen:
        if p not in table.periods:
            raise ParameterError(
                f"{where}: period {p} is not in the table; it has {list(table.periods)}.",
                zh=f"{where}：表中没有时期 {p}；现有时期：{list(table.periods)}。",
            )
    out: list[PeriodMatrix] = []
    dropped: list[tuple[int, str, str, float, str]] = []
    for p in chosen:
        x = table.values[table.periods.index(p)]
        rt = x.sum(axis=1)
        rows = np.flatnonzero((rt > 0) & (rt >= min_region_total))
        for i in np.setdiff1d(np.arange(x.shape[0]), rows):
            reason = "total is zero" if rt[i] <= 0 else f"total below min_region_total={min_region_total:g}"
            dropped.append((p, "region", table.regions[i], float(rt[i]), reason))
        ct = x[rows].sum(axis=0)
        cols = np.flatnonzero((ct > 0) & (ct >= min_activity_total))
        for j in np.setdiff1d(np.arange(x.shape[1]), cols):
            reason = (
                "total is zero" if ct[j] <= 0 else f"total below min_activity_total={min_activity_total:g}"
            )
            dropped.append((p, "activity", table.activities[j], float(ct[j]), reason))
        out.append(
            PeriodMatrix(
                p,
                tuple(int(i) for i in rows),
                tuple(int(j) for j in cols),
                x if rows.size == x.shape[0] and cols.size == x.shape[1] else x[np.ix_(rows, cols)],
            )
        )
    frame = pd.DataFrame(dropped, columns=list(DROPPED_COLUMNS))
    zero = frame[frame["reason"] == "total is zero"]
    if empty == "error" and len(zero):
        first = zero.iloc[0]
        labels = sorted(set(zero["label"]))
        raise DataValidationError(
            f"{where}: {first['kind']} {first['label']!r} has a total of zero in {first['period']} "
            f"({len(zero)} zero row(s) in all: {', '.join(map(repr, labels[:8]))}{' …' if len(labels) > 8 else ''}). "
            "Its shares and RCA are undefined. Pass empty='drop' (CLI: --empty drop) to leave such rows out of "
            "those periods (reported), or remove them.",
            zh=f"{where}："
            f"{first['kind']} {first['label']!r} 在 {first['period']} 的合计为零（共 {len(zero)} 个零值行："
            f"{'、'.join(map(repr, labels[:8]))}{' …' if len(labels) > 8 else ''}）"
            "。"
            "其份额和区位商（RCA）无定义。请设 empty='drop'（命令行：--empty drop）"
            "把这些行从相应时期中去掉（会报告），或删除它们。",
        )
    if len(frame):
        warnings.warn(
            DataRepairWarning(
                f"{where}: {len(frame)} region/activity-period row(s) left out ({', '.join(sorted(set(frame['reason'])))}); "
                "see the result's .dropped table.",
                zh=f"{where}：已排除 {len(frame)} 个地区/产业-时期行（{'、'.join(_reason_zh(r) for r in sorted(set(frame['reason'])))}）；"
                "见结果的 .dropped 表。",
            ),
            stacklevel=3,
        )
    return out, frame


def positive_threshold(name: str, value: float, where: str) -> None:
    """Raise unless ``value`` is a finite number > 0 (RCA / LQ thresholds)."""
    if not np.isfinite(value) or value <= 0:
        raise ParameterError(
            f"The {name!r} parameter of {where} must be a number > 0. Got {value!r}.",
            zh=f"{where} 的参数 {name!r} 须为大于 0 的数，收到的是 {value!r}。",
        )


def prepare(
    data: ActivityTable | pd.DataFrame,
    *,
    region: str,
    activity: str,
    value: str,
    period: str,
    periods: list[int] | None,
    empty: Empty,
    min_region_total: float,
    min_activity_total: float,
    where: str,
    missing: Missing = "error",
) -> tuple[ActivityTable, list[PeriodMatrix], pd.DataFrame, list[str]]:
    """The table, its per-period matrices under the empty/minimum policy, what was dropped, and the notes
    every result carries (the table's notes plus one line when anything was dropped)."""
    table = as_table(
        data, region=region, activity=activity, value=value, period=period, where=where, missing=missing
    )
    mats, dropped = period_matrices(
        table,
        periods=periods,
        empty=empty,
        min_region_total=min_region_total,
        min_activity_total=min_activity_total,
        where=where,
    )
    notes = list(table.all_notes())
    if len(dropped):
        notes.append(
            f"{len(dropped)} region/activity-period row(s) left out (empty={empty!r}, min_region_total="
            f"{min_region_total:g}, min_activity_total={min_activity_total:g}); listed in .dropped."
        )
    return table, mats, dropped, notes


def _reason_zh(reason: str) -> str:
    """Chinese form of a ``reason`` of the dropped table ("total is zero", "total below min_…=v")."""
    return reason.replace("total is zero", "合计为零").replace("total below ", "合计低于 ")
