"""Concordances from the evidence sources' classifications to the taxonomy, shipped as data.

对照表：CEADs 47 部门、上市公司（Tushare）行业标签、人口普查 20 个行业门类 → 产业分类编号。

Each file in ``yindi/plan/data/`` has one row per source label with ``industry_ids`` (``;``-separated, empty
when unmapped), ``status`` (``mapped``, ``section`` for a census section that covers several industries, or
``unmapped``) and a ``note`` that gives the reason for every unmapped label.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from io import StringIO

import pandas as pd

from yindi.errors import DataFormatError
from yindi.plan.taxonomy import _records, load_taxonomy

__all__ = ["ceads_concordance", "census_concordance", "firm_concordance", "links"]

_FILES = {
    "ceads": ("concordance_ceads.csv", "sector"),
    "firms": ("concordance_firms.csv", "label"),
    "census": ("concordance_census.csv", "indicator"),
}


@cache
def _load(kind: str) -> pd.DataFrame:
    name, key = _FILES[kind]
    text = resources.files("yindi.plan").joinpath("data", name).read_text(encoding="utf-8")
    frame = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)
    ids = set(load_taxonomy().ids)
    for i, row in enumerate(_records(frame)):
        listed = [s for s in row["industry_ids"].split(";") if s]
        unknown = [s for s in listed if s not in ids]
        if unknown or row["status"] not in {"mapped", "section", "unmapped"}:
            raise DataFormatError(
                f"{name}, row {i + 2}: unknown ids {unknown} or status.",
                zh=f"{name} 第 {i + 2} 行：未知的产业编号 {unknown} 或未知的 status。",
            )
        if (row["status"] == "unmapped") != (not listed) or (row["status"] == "unmapped" and not row["note"]):
            raise DataFormatError(
                f"{name}, row {i + 2}: unmapped rows need a note and no ids.",
                zh=f"{name} 第 {i + 2} 行：status 为 unmapped 的行须有说明（note）且不列产业编号。",
            )
    if frame[key].duplicated().any():
        raise DataFormatError(f"{name}: duplicate {key} values.", zh=f"{name}：{key} 列有重复值。")
    return frame


def ceads_concordance() -> pd.DataFrame:
    """CEADs inventory sectors → taxonomy ids (``sector, name_zh, industry_ids, status, note``)."""
    return _load("ceads").copy()


def firm_concordance() -> pd.DataFrame:
    """Tushare industry labels of the listed-firm pack → taxonomy ids (``label, industry_ids, status, note``)."""
    return _load("firms").copy()


def census_concordance() -> pd.DataFrame:
    """Census 2020 industry sections (``emp_sample_*``) → taxonomy ids."""
    return _load("census").copy()


def links(kind: str) -> pd.DataFrame:
    """Long form ``source_label, industry_id`` of a concordance (``kind``: ceads, firms or census)."""
    frame = _load(kind)
    key = _FILES[kind][1]
    labels, ids = frame[key].tolist(), frame["industry_ids"].tolist()
    rows = [(lab, s) for lab, cell in zip(labels, ids, strict=True) for s in cell.split(";") if s]
    return pd.DataFrame(rows, columns=["source_label", "industry_id"])
