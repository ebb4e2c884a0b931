"""Reading stored result tables for the API: look-up by name, filters, pagination, CSV/Excel bytes.

按名称查找结果表、筛选、分页，并生成可下载的 CSV/Excel（防公式注入）。
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from yindi.errors import ParameterError, YindiError
from yindi.report.profile import records
from yindi.study.result import NodeResult, StudyResults


class ResultNotFoundError(YindiError, LookupError):
    """A node or table that the loaded results do not have (HTTP 404)."""


def node_result(results: StudyResults, node: str) -> NodeResult:
    """The result of ``node``; unknown, failed or absent nodes are :class:`ResultNotFoundError`."""
    if node not in results.results:
        names = ", ".join(results.results)
        raise ResultNotFoundError(
            f"No analysis node {node!r}. Nodes: {names}.", zh=f"没有名为 {node!r} 的分析节点。现有：{names}。"
        )
    res = results.results[node]
    if res is None:
        why = results.failures.get(node, "the data lack what it needs")
        raise ResultNotFoundError(
            f"Node {node!r} has no result: {why}.", zh=f"节点 {node!r} 没有结果：{why}。"
        )
    return res


def result_table(results: StudyResults, node: str, table: str) -> pd.DataFrame:
    """A stored table (not copied: callers only filter it)."""
    res = node_result(results, node)
    frame = res.tables.get(table)
    if frame is None:
        names = ", ".join(res.tables)
        raise ResultNotFoundError(
            f"Node {node!r} has no table {table!r}. Tables: {names}.",
            zh=f"节点 {node!r} 没有表 {table!r}。现有：{names}。",
        )
    return frame


def filter_table(
    frame: pd.DataFrame,
    *,
    region_code: str | None = None,
    year: int | None = None,
    measure: str | None = None,
) -> pd.DataFrame:
    """Rows matching every filter given; a filter on a column the table lacks is a :class:`ParameterError`."""
    mask = pd.Series(True, index=frame.index)
    for col, value in (("region_code", region_code), ("year", year), ("measure", measure)):
        if value is None:
            continue
        if col not in frame.columns:
            cols = ", ".join(str(c) for c in frame.columns)
            raise ParameterError(
                f"This table has no column {col!r} to filter on; its columns are {cols}.",
                zh=f"此表没有可筛选的列 {col!r}；现有列：{cols}。",
            )
        if col == "year":
            mask &= pd.to_numeric(frame[col], errors="coerce") == value
        else:
            mask &= frame[col].astype(str) == str(value)
    return frame[mask]


def page(frame: pd.DataFrame, offset: int, limit: int) -> dict[str, Any]:
    """One page of rows with the total count and the next offset (``None`` at the end)."""
    total = len(frame)
    rows = frame.iloc[offset : offset + limit]
    nxt = offset + limit if offset + limit < total else None
    return {
        "columns": [str(c) for c in frame.columns],
        "total": total,
        "offset": offset,
        "limit": limit,
        "next_offset": nxt,
        "rows": records(rows),
    }


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with BOM (Excel reads Chinese correctly), formula-injection safe."""
    from yindi.report.export import safe_frame

    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """One-sheet workbook, formula-injection safe."""
    from yindi.report.export import _sheet_name, safe_frame

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter") as writer:
        safe_frame(frame).to_excel(writer, sheet_name=_sheet_name(sheet, set()), index=False)
    return buf.getvalue()
