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
    import pandas as pd

    from yindi.data.panel import Panel
    from yindi.index.presets import Preset
    from yindi.study.store import ResultStore


def choose_year(
    panel: Panel,
    key_indicators: Sequence[str],
    *,
    preset: Preset | None = None,
    min_coverage: float = 0.8,
    coverage: pd.DataFrame | None = None,
) -> int:
    """The report year: the latest year in which at least ``min_coverage`` of the units the data cover have
    every key indicator (ratios as ``preset`` defines them); when no year reaches it, the latest year with the
    highest share. Indicators the data cannot give are ignored (see :func:`yindi.study.derived.key_coverage`;
    ``coverage``: its result, when already computed)."""
    from yindi.study.derived import key_coverage

    years = panel.years()
    if not years:
        raise MissingDataError(
            "The data hold no values for the analysed regions; nothing to report.",
            zh="数据中没有分析范围内地区的数值，无法生成报告。",
        )
    cov = coverage if coverage is not None else key_coverage(panel, key_indicators, preset)
    if cov["complete"].max() <= 0:
        return years[-1]
    ok = cov[cov["share"] >= min_coverage - 1e-12]
    if not ok.empty:
        return int(ok["year"].max())
    best = cov[cov["share"] == cov["share"].max()]
    return int(best["year"].max())


def year_is_complete(
    panel: Panel,
    year: int,
    key_indicators: Sequence[str],
    *,
    preset: Preset | None = None,
    min_coverage: float = 1.0,
    coverage: pd.DataFrame | None = None,
) -> bool:
    """Whether at least ``min_coverage`` of the units have every key indicator in ``year`` (1.0: all units;
    ``coverage``: :func:`yindi.study.derived.key_coverage`, when already computed)."""
    from yindi.study.derived import key_coverage

    cov = coverage if coverage is not None else key_coverage(panel, key_indicators, preset)
    row = cov[cov["year"] == year]
    return bool(not row.empty and float(row["share"].iloc[0]) >= min_coverage - 1e-12)


def city_codes_of_municipalities(panel: Panel, codes: Sequence[str]) -> tuple[Panel, list[str]]:
    """City tables list 北京, 天津, 上海 under their province codes (110000) while the registry's city level
    uses 110100: in a city study, rows of a municipality's province code stand for its city-level unit when the
    data hold no rows under the city-level code. Returns the panel with those rows re-keyed and the re-keyed
    province codes (the run reports them)."""
    from dataclasses import replace

    from yindi.regions.units import MUNICIPALITY_CITY_CODE

    have = set(panel.region_codes)
    moves = {
        prov: city
        for prov, city in MUNICIPALITY_CITY_CODE.items()
        if prov != city and city in codes and city not in have and prov in have
    }
    if not moves:
        return panel, []
    frame = panel.frame.copy()
    frame["region_code"] = frame["region_code"].replace(moves)
    origin = panel.origin
    if origin is not None:
        origin = origin.assign(region_code=origin["region_code"].replace(moves))
    return replace(panel, frame=frame, origin=origin), sorted(moves)


def study_preset(options: Mapping[str, Mapping[str, Any]]) -> Preset | None:
    """The index preset of the (effective) options, or ``None`` when it cannot be loaded (the index node
    reports that)."""
    from yindi.index.presets import load_preset

    try:
        return load_preset(options["index"]["preset"])
    except YindiError:
        return None


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


def _run_nodes(
    order: tuple[Node, ...],
    scope: Scope,
    options: Mapping[str, Any],
    all_keys: Mapping[str, str],
    db: ResultStore | None,
    results: dict[str, NodeResult | None],
    failures: dict[str, str],
    node_keys: dict[str, str],
    reused: list[str],
    computed: list[str],
    timings: dict[str, float],
    on_node: Callable[[str], None] | None,
) -> None:
    """Run (or read back) the nodes of ``order``, filling the run's mappings. Nodes with every input done are
    started longest chain first; with more than one worker (:func:`yindi.study._fork.workers`) and where
    forking is safe, each computation runs in a forked child while the parent stores the results that came
    back — the results are the same as computed one after another (a test compares them)."""
    from yindi.study import _fork
    from yindi.study.nodes import critical_path
    from yindi.study.store import MISSING

    hits: dict[str, object] = {}
    read_time: dict[str, float] = {}  # reading a stored result back counts as that node's time
    for n in order:
        t = time.perf_counter()
        hits[n.name] = db.get(all_keys[n.name]) if db is not None else MISSING
        read_time[n.name] = time.perf_counter() - t
    to_compute = sum(1 for n in order if hits[n.name] is MISSING)
    width = _fork.workers() if to_compute > 1 and _fork.can_fork() else 1
    by_name = {n.name: n for n in order}

    def compute(name: str, inputs: Mapping[str, NodeResult]) -> NodeResult | None:
        return by_name[name].compute(scope, options, inputs)

    forks = _fork.Workers(min(width, to_compute), compute) if width > 1 else None
    path = critical_path(order)
    waiting = list(order)
    done: set[str] = set()

    def finish(n: Node, outcome: _fork.Outcome | None) -> None:
        """Record a computed node (``outcome`` from a child; ``None``: compute it here)."""
        if outcome is not None and outcome.kind == "crash":
            outcome = None  # computed again in process: a bug surfaces as it would without workers
        if outcome is None:
            inputs = {i: r for i in n.inputs if (r := results[i]) is not None}
            t = time.perf_counter()
            try:
                res = n.compute(scope, options, inputs)
                outcome = _fork.Outcome(n.name, "ok", res, time.perf_counter() - t)
            except YindiError as exc:
                outcome = _fork.Outcome(n.name, "error", exc, time.perf_counter() - t)
        else:
            _fork.reissue(outcome)
        timings[n.name] = outcome.seconds
        done.add(n.name)
        if outcome.kind == "error":
            failures[n.name] = _message(outcome.value, scope.lang)
            results[n.name] = None
            return
        results[n.name] = outcome.value
        computed.append(n.name)
        if db is not None:
            db.put(node_keys[n.name], n.name, outcome.value)

    try:
        while waiting or (forks is not None and forks.busy()):
            pool = forks if forks is not None and forks.alive() else None
            ready = [n for n in waiting if all(i in done for i in n.inputs)]
            if pool is not None:
                ready.sort(key=lambda n: -path[n.name])  # stable: NODES order among equals
            if ready and (pool is None or pool.idle()):
                n = ready[0]
                waiting.remove(n)
                if on_node:
                    on_node(n.name)
                start = time.perf_counter()
                # a failed input, or an absent one (None) the node cannot do without, skips the node; an
                # absent optional input is left out of ``inputs``
                bad = [
                    i for i in n.inputs if i in failures or (results.get(i) is None and i not in n.optional)
                ]
                if bad:
                    failures[n.name] = scope.tr(
                        f"所需的上游结果 {', '.join(bad)} 不可用",
                        f"its input(s) {', '.join(bad)} are not available",
                    )
                    results[n.name] = None
                    done.add(n.name)
                    continue
                node_keys[n.name] = all_keys[n.name]
                hit = hits[n.name]
                if hit is not MISSING:
                    results[n.name] = hit  # type: ignore[assignment]
                    reused.append(n.name)
                    timings[n.name] = read_time[n.name] + time.perf_counter() - start
                    done.add(n.name)
                elif pool is None:
                    finish(n, None)
                else:
                    pool.submit(n.name, {i: r for i in n.inputs if (r := results[i]) is not None})
                continue
            if forks is not None and forks.busy():
                outcome = forks.wait()
                finish(by_name[outcome.name], outcome)
                continue
            raise RuntimeError(f"analysis nodes {[n.name for n in waiting]} wait for inputs that never ran")
    finally:
        if forks is not None:
            forks.close()


def run(
    study: Study,
    panel: Panel | None = None,
    *,
    nodes: Sequence[str] | None = None,
    store: bool = True,
    on_node: Callable[[str], None] | None = None,
    db: ResultStore | None = None,
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
    db : ResultStore, optional
        The workspace's result store, already open (the report keeps one connection for the whole build); left
        open. Without it, ``store`` opens and closes one.

    Returns
    -------
    StudyResults
        ``reused`` lists the nodes read back from the store.
    """
    from yindi.data import load
    from yindi.study.levels import effective_options

    t0 = time.perf_counter()
    data = panel if panel is not None else load(study.data, workspace=study.workspace)
    load_time = time.perf_counter() - t0
    codes = analysis_codes(study.level, study.within, study.excluded)
    options = effective_options(study.options, study.level)
    rekeyed: list[str] = []
    if study.level == "city":
        data, rekeyed = city_codes_of_municipalities(data, codes)
    analysed = data.select(regions=codes)
    keys = options["report"]["key_indicators"]
    preset = study_preset(options)
    min_cov = float(options["report"]["min_coverage"])
    from yindi.study.derived import key_coverage

    cov = key_coverage(analysed, keys, preset) if analysed.years() else None  # the year rule, once
    year = (
        study.year
        if study.year is not None
        else choose_year(analysed, keys, preset=preset, min_coverage=min_cov, coverage=cov)
    )
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
    own_db = db is None and store
    if own_db:
        try:
            from yindi.study.store import ResultStore

            db = ResultStore(store_path(study))
        except WorkspaceError as exc:
            notices.append(_message(exc, study.lang))
    if db is not None and db.reset:
        notices.append(
            scope.tr(
                "工作区中由旧版本保存的结果格式不同，已删除并重新计算（导入的数据集不受影响）。",
                "Results stored by an older Yindi in another layout were dropped and recomputed "
                "(imported datasets are untouched).",
            )
        )
    if rekeyed:
        from yindi.regions.units import MUNICIPALITY_CITY_CODE

        moved = ", ".join(f"{c} → {MUNICIPALITY_CITY_CODE[c]}" for c in rekeyed)
        notices.append(
            scope.tr(
                f"数据按省级代码列出直辖市（{moved}）；城市分析中以其城市级单位代替，数值不变。",
                f"The data list municipalities under their province codes ({moved}); the city analysis uses "
                "them as the city-level units (values unchanged).",
            )
        )
    order = closure(tuple(nodes) if nodes is not None else None)
    # every key is known before anything runs (a key digests the input nodes' keys, not their results)
    all_keys: dict[str, str] = {}
    for n in order:
        all_keys[n.name] = node_key(n, scope, options, digest, {i: all_keys[i] for i in n.inputs}, evidence)
    try:
        _run_nodes(
            order,
            scope,
            options,
            all_keys,
            db,
            results,
            failures,
            node_keys,
            reused,
            computed,
            timings,
            on_node,
        )
    finally:
        if db is not None and own_db:
            db.close()
    rank = {n.name: i for i, n in enumerate(order)}
    computed.sort(key=rank.__getitem__)
    reused.sort(key=rank.__getitem__)
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
        year_complete=year_is_complete(
            analysed, year, keys, preset=preset, min_coverage=min_cov, coverage=cov
        ),
        notices=tuple(notices),
        keys=node_keys,
    )
