"""Stated-vs-capable gaps from files: the priorities table and a capability table (or the plan layer's
evidence computed from a data pack).

宣示—能力差距（文件入口）：读取重点产业表与能力表（region_code × industry_id），或由规划层能力证据计算。
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from yindi._typing import Lang
from yindi.errors import DataFormatError, MissingDataError
from yindi.text.homogeneity import capability_gaps


def _read(path: Path, what: str) -> pd.DataFrame:
    if not path.exists():
        raise DataFormatError(f"{path}: no such file ({what}).", zh=f"{path}：文件不存在（{what}）。")
    if path.suffix.lower() in {".xlsx", ".xls"}:
        return pd.read_excel(path, dtype=str)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def base_threshold() -> float:
    """The plan layer's ``base_threshold`` (capability score counted as an existing base), 0.5 when the plan
    options are not available."""
    try:
        from yindi.plan._options import PLAN_OPTIONS
    except ImportError:  # pragma: no cover - the plan layer ships with this package
        return 0.5
    return float(PLAN_OPTIONS.resolve()["base_threshold"])


def capability_table(
    frame: pd.DataFrame, *, threshold: float | None = None, where: str = "capability table"
) -> pd.DataFrame:
    """``region_code, industry_id, capable`` from a table with ``capable`` (true/false) or a ``capability``
    score (capable when ≥ ``threshold``; blank scores stay unknown)."""
    if "capable" in frame.columns:
        return frame
    if "capability" not in frame.columns:
        raise DataFormatError(
            f"{where}: needs a 'capable' (true/false) or 'capability' (score) column; it has {list(frame.columns)}.",
            zh=f"{where}：需要 'capable'（true/false）或 'capability'（得分）列，现有列：{list(frame.columns)}。",
        )
    cut = base_threshold() if threshold is None else threshold
    score = pd.to_numeric(frame["capability"], errors="coerce")
    out = frame[["region_code", "industry_id"]].copy()
    out["capable"] = (score >= cut).astype(str).str.lower()
    return out.loc[score.notna()]


def evidence_capability(data: str) -> pd.DataFrame:
    """Combined capability (region × industry score) from the plan layer's evidence for the pack ``data``."""
    try:
        from yindi.plan.evidence import build_evidence, evidence_paths
    except ImportError:
        raise MissingDataError(
            "Capability evidence from a data pack needs yindi.plan.evidence, which this installation lacks. "
            "Pass a capability table instead: --capability FILE (columns region_code, industry_id, capable).",
            zh="由数据包计算能力证据需要 yindi.plan.evidence，当前安装中没有。请改用能力表："
            "--capability FILE（列 region_code、industry_id、capable）。",
        ) from None
    from yindi.data import load

    paths = {k: (v if v.exists() else None) for k, v in evidence_paths(data).items()}
    ev = build_evidence(
        load(data), electricity=paths.get("electricity"), firms=paths.get("firms"), census=paths.get("census")
    )
    cap = ev.capability.copy()
    cap.index.name = "region_code"
    long: pd.DataFrame = cap.reset_index().melt(
        id_vars="region_code", var_name="industry_id", value_name="capability"
    )
    return long


def gaps_from_files(
    priorities: str | Path,
    *,
    capability: str | Path | None = None,
    data: str | None = None,
    threshold: float | None = None,
    lang: Lang = "zh",
) -> pd.DataFrame:
    """The gap table (see :func:`yindi.text.homogeneity.capability_gaps`) from the output of
    ``yindi text priorities`` and a capability table or a data pack."""
    p = Path(priorities)
    amb = _read(p, "priorities")
    missing = {"region_code", "industry_id"} - set(amb.columns)
    if missing:
        raise DataFormatError(
            f"{p}: columns {sorted(missing)} are missing; pass the output of `yindi text priorities`.",
            zh=f"{p}：缺少列 {sorted(missing)}，请使用 `yindi text priorities` 的输出。",
        )
    if capability is not None:
        where = str(capability)
        cap = capability_table(_read(Path(capability), "capability table"), threshold=threshold, where=where)
    elif data is not None:
        where = f"evidence of {data}"
        cap = capability_table(evidence_capability(data), threshold=threshold, where=where)
    else:
        raise MissingDataError(
            "Give the capability: --capability FILE (region_code, industry_id, capable) or --data PACK.",
            zh="请提供能力数据：--capability FILE（region_code、industry_id、capable）或 --data 数据包。",
        )
    labels: dict[str, tuple[str, str, str]] | None = None
    try:
        from yindi.plan.taxonomy import load_taxonomy

        labels = {k: (v.name_zh, v.name_en, v.tier) for k, v in load_taxonomy().industries.items()}
    except ImportError:
        pass
    keep = [c for c in amb.columns if c not in {"region", "industry", "tier"}]
    return capability_gaps(amb[keep], cap, labels=labels, where=where, lang=lang)
