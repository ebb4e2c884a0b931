"""``run(study) -> StudyResults``: load the data, resolve the analysis set, run (or read back) every node.

流水线：载入数据、确定分析单元，按依赖顺序运行各节点；输入不变的节点从工作区读回已存储的结果。
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yindi.errors import MissingDataError, ParameterError, WorkspaceError, YindiError
from yindi.study.nodes import Node, closure
from yindi.study.result import NodeResult, StudyResults
from yindi.study.scope import Scope, analysis_codes
from yindi.study.sources import evidence_files, files_digest
from yindi.study.spec import Study

if TYPE_CHECKING:
    from yindi.data.panel import Panel


def choose_year(panel: Panel, key_indicators: Sequence[str]) -> int:
    """The latest year with the best coverage of the key indicators in ``panel`` (the analysed units): ideally
    every key indicator for every unit; otherwise the latest year with the most (indicator, unit) values."""
    present = [i for i in key_indicators if i in panel.indicators]
    years = panel.years()
    if not years:
        raise MissingDataError(
            "The data hold no values for the analysed regions; nothing to report.",
            zh="数据中没有分析范围内地区的数值，无法生成报告。",
        )
    if not present:
        return years[-1]
    frame = panel.frame
    sub = frame[frame["indicator"].isin(present) & frame["value"].notna()]
    if sub.empty:
        return years[-1]
    cells = sub.groupby("year").size()
    best = cells[cells == cells.max()]
    return int(str(best.index.max()))


def year_is_complete(panel: Panel, year: int, key_indicators: Sequence[str]) -> bool:
    """Whether every key indicator present covers every analysed unit in ``year``."""
    n = len(panel.region_codes)
    f = panel.frame
    present = [i for i in key_indicators if i in panel.indicators]
    sub = f[(f["year"] == year) & f["indicator"].isin(present) & f["value"].notna()]
    return all(sub[sub["indicator"] == i]["region_code"].nunique() >= n for i in present)


def data_digest(panel: Panel, data: str | None = None) -> str:
    """SHA-256 of what a study reads: the loaded rows and indicator metadata (whatever the source) plus, for a
    pack folder, every side file in it (the structure node reads sector_electricity.csv)."""
    import pandas as pd

    h = hashlib.sha256()
    h.update(pd.util.hash_pandas_object(panel.frame, index=False).to_numpy().tobytes())
    for ind in sorted(panel.indicators):
        meta = panel.indicators[ind]
        h.update(f"{meta.id}|{meta.name_zh}|{meta.name_en}|{meta.unit}".encode())
    if data is not None and Path(data).is_dir():
        for side in sorted(
            f for f in Path(data).iterdir() if f.is_file() and f.name not in {"panel.csv", "indicators.csv"}
        ):
            h.update(side.name.encode())
            h.update(side.read_bytes())
    return h.hexdigest()


def node_key(
    node: Node,
    scope: Scope,
    options: Mapping[str, Any],
    digest: str,
    inputs: Mapping[str, str],
    evidence: str = "",
) -> str:
    """The store key of one node's result: everything the node reads, hashed (``evidence``: the digest of the
    sibling packs' evidence files the layout and coordination nodes read, :func:`yindi.study.sources.evidence_files`)."""
    from yindi import __version__
    from yindi.study._fingerprint import code_fingerprint

    doc = {
        "node": node.name,
        "version": node.version,
        "yindi": __version__,
        "code": code_fingerprint(),
        "data": digest,
        "options": {t: options[t] for t in node.options},
        "codes": list(scope.codes),
        "level": scope.level,
        "year": scope.year,
        "seed": scope.seed if node.seeded else None,
        "lang": scope.lang,
        "inputs": dict(inputs),
        "evidence": evidence,
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def store_path(study: Study) -> Path:
    """Where results are stored: the study's workspace, else the default one (``$YINDI_WORKSPACE`` or
    ``./yindi.duckdb``, as for datasets)."""
    from yindi._defaults import default_workspace

    return Path(study.workspace) if study.workspace else Path(default_workspace())


def _message(exc: YindiError, lang: str) -> str:
    return exc.zh if lang == "zh" and exc.zh else str(exc)


def run(
    study: Study,
    panel: Panel | None = None,
    *,
    nodes: Sequence[str] | None = None,
    store: bool = True,
    on_node: Callable[[str], None] | None = None,
) -> StudyResults:
    """Run the study's analyses.

    Parameters
    ----------
    study : Study
    panel : Panel, optional
        The data, if already loaded (else ``study.data`` is loaded).
    nodes : sequence of str, optional
        Only these nodes and the nodes they read (default: every node).
    store : bool
        Read and write stored results in the workspace (``study.workspace`` or the default workspace).
    on_node : callable, optional
        Called with each node's name before it runs (progress display).

    Returns
    -------
    StudyResults
        ``reused`` lists the nodes read back from the store.
    """
    from yindi.data import load

    t0 = time.perf_counter()
    data = panel if panel is not None else load(study.data, workspace=study.workspace)
    load_time = time.perf_counter() - t0
    codes = analysis_codes(study.level, study.within, study.excluded)
    analysed = data.select(regions=codes)
    keys = study.options["report"]["key_indicators"]
    year = study.year if study.year is not None else choose_year(analysed, keys)
    years = data.years()
    if year not in years:
        raise ParameterError(
            f"Year {year} is not in the data (years {years[0]}–{years[-1]}).",
            zh=f"数据中没有 {year} 年（数据年份 {years[0]}–{years[-1]}）。",
        )
    digest = data_digest(data, study.data)
    evidence = files_digest(evidence_files(study.data))  # read by the plan and coordinate nodes
    scope = Scope(analysed, data, codes, study.level, year, study.seed, study.lang, study.data)
    results: dict[str, NodeResult | None] = {}
    failures: dict[str, str] = {}
    node_keys: dict[str, str] = {}
    reused: list[str] = []
    computed: list[str] = []
    timings: dict[str, float] = {"load": load_time}
    notices: list[str] = []
    db = None
    if store:
        try:
            from yindi.study.store import ResultStore

            db = ResultStore(store_path(study))
            if db.reset:
                notices.append(
                    scope.tr(
                        "工作区中由旧版本保存的结果格式不同，已删除并重新计算（导入的数据集不受影响）。",
                        "Results stored by an older Yindi in another layout were dropped and recomputed "
                        "(imported datasets are untouched).",
                    )
                )
        except WorkspaceError as exc:
            notices.append(_message(exc, study.lang))
    try:
        for n in closure(tuple(nodes) if nodes is not None else None):
            if on_node:
                on_node(n.name)
            start = time.perf_counter()
            # a failed input, or an absent one (None) the node cannot do without, skips the node; an absent
            # optional input is left out of ``inputs``
            bad = [i for i in n.inputs if i in failures or (results.get(i) is None and i not in n.optional)]
            if bad:
                failures[n.name] = scope.tr(
                    f"所需的上游结果 {', '.join(bad)} 不可用",
                    f"its input(s) {', '.join(bad)} are not available",
                )
                results[n.name] = None
                continue
            key = node_key(n, scope, study.options, digest, {i: node_keys[i] for i in n.inputs}, evidence)
            node_keys[n.name] = key
            from yindi.study.store import MISSING

            hit = db.get(key) if db is not None else MISSING
            if hit is not MISSING:
                results[n.name] = hit  # type: ignore[assignment]
                reused.append(n.name)
            else:
                inputs = {i: r for i in n.inputs if (r := results[i]) is not None}
                try:
                    res = n.compute(scope, study.options, inputs)
                except YindiError as exc:
                    failures[n.name] = _message(exc, study.lang)
                    results[n.name] = None
                    timings[n.name] = time.perf_counter() - start
                    continue
                results[n.name] = res
                computed.append(n.name)
                if db is not None:
                    db.put(key, n.name, res)
            timings[n.name] = time.perf_counter() - start
    finally:
        if db is not None:
            db.close()
    return StudyResults(
        results=results,
        failures=failures,
        reused=tuple(reused),
        computed=tuple(computed),
        year=year,
        codes=codes,
        covered=tuple(analysed.region_codes),
        digest=digest,
        timings=timings,
        year_complete=year_is_complete(analysed, year, keys),
        notices=tuple(notices),
        keys=node_keys,
    )
