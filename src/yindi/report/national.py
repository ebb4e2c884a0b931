"""The national report: one self-contained HTML file, an Excel workbook of its tables, and a study file.

全国报告：一个离线可用的 HTML 文件、一个 Excel 工作簿和一个研究设定文件（study.toml）。
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yindi.errors import ParameterError, YindiError
from yindi.study.sections import SECTIONS
from yindi.study.sections import nodes_of as _nodes_of

if TYPE_CHECKING:  # loaded when a report is rendered: a rebuild copied from the workspace needs none of them
    import pandas as pd

    from yindi.data import Panel
    from yindi.report.base import ReportContext, Section
    from yindi.study import Study
    from yindi.study.result import StudyResults
    from yindi.study.store import ResultStore

__all__ = ["ReportOutput", "build_report", "build_sections", "choose_year", "nodes_of"]


def __getattr__(name: str) -> Any:  # ``data_digest`` is re-exported lazily (it needs pandas)
    if name == "data_digest":
        from yindi.study.pipeline import data_digest

        return data_digest
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


HTML_NAME = "report.html"
EXCEL_NAME = "report.xlsx"
STUDY_NAME = "study.toml"


@dataclass(frozen=True)
class ReportOutput:
    """Where the report went and what it contains.

    ``sections`` holds the rendered sections; it is empty when the report was copied from the workspace
    (``from_store``: inputs, study and code unchanged, see :mod:`yindi.report.cache`). ``section_ids`` names the
    sections shown in either case.
    """

    html: Path
    excel: Path
    study: Path
    sections: tuple[Section, ...]
    timings: dict[str, float]
    year: int
    notices: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    reused: tuple[str, ...] = ()
    computed: tuple[str, ...] = ()
    section_ids: tuple[str, ...] = ()
    from_store: bool = False


def choose_year(panel: Panel, exclude_tibet: bool = False) -> int:
    """The default report year of the national report for ``panel`` (see :func:`yindi.study.pipeline.choose_year`)."""
    from yindi.index.presets import load_preset
    from yindi.study.levels import level_default
    from yindi.study.options import REPORT_TABLE
    from yindi.study.pipeline import choose_year as _choose_year
    from yindi.study.scope import analysis_codes

    codes = analysis_codes("province", None, ("540000",) if exclude_tibet else ())
    return _choose_year(
        panel.select(regions=codes),
        level_default("report", "key_indicators", "province"),
        preset=load_preset(level_default("index", "preset", "province")),
        min_coverage=float(REPORT_TABLE["min_coverage"].default),
    )


def nodes_of(names: Sequence[str]) -> tuple[str, ...]:
    """The analysis nodes the named sections render (:data:`yindi.study.sections.SECTION_NODES`)."""
    return _nodes_of(list(names))


#: Rough seconds each section takes to render (cold province report); only balances the sections between the
#: report process and a forked helper process (:func:`build_sections`). Never changes the report.
SECTION_COST: dict[str, float] = {
    "summary": 0.013,
    "maps": 0.046,
    "index": 0.017,
    "typology": 0.008,
    "productivity": 0.013,
    "structure": 0.048,
    "disparity": 0.026,
    "layout": 0.03,
    "coordination": 0.023,
    "coverage": 0.022,
}


def build_sections(
    ctx: ReportContext,
    names: Sequence[str],
    on_section: Callable[[str], None] | None = None,
) -> tuple[list[Section], dict[str, float], list[tuple[str, str]]]:
    """Run each section's ``build``; a section that raises a YindiError is reported, not fatal.

    Where nodes may be computed in forked workers (:mod:`yindi.study._fork`), a forked helper renders the
    costliest sections while this process renders the cheapest ones (the helper inherits ``ctx``; its
    sections come back pickled); the sections, their order and every failure message are the same as
    rendered here one after another.
    """
    from yindi.study import _fork

    built: dict[str, Section | None] = {}
    errors: dict[str, str] = {}
    timings: dict[str, float] = {}

    def here(name: str) -> None:
        start = time.perf_counter()
        try:
            built[name] = _build_one(ctx, name)
        except YindiError as exc:
            built[name] = None
            errors[name] = ctx.tr(exc.zh or str(exc), str(exc))  # the banner speaks the report's language
        timings[name] = time.perf_counter() - start
        if on_section:
            on_section(name)

    def record(outcome: _fork.Outcome) -> None:
        if outcome.kind == "crash":  # rendered again here: a bug surfaces as it would without the helper
            here(outcome.name)
            return
        _fork.reissue(outcome)
        timings[outcome.name] = outcome.seconds
        if outcome.kind == "error":
            exc = outcome.value
            built[outcome.name] = None
            errors[outcome.name] = ctx.tr(exc.zh or str(exc), str(exc))
        else:
            built[outcome.name] = outcome.value
        if on_section:
            on_section(outcome.name)

    todo = sorted(names, key=lambda n: -SECTION_COST.get(n, 0.05))  # the helper takes from the costly end
    helper = None
    if len(todo) > 2 and _fork.can_fork() and _fork.workers() > 1:
        helper = _fork.Workers(1, lambda name, _: _build_one(ctx, name))
    try:
        while todo:
            if helper is not None and helper.alive() and helper.idle():
                helper.submit(todo.pop(0), None)
                continue
            outcome = helper.poll(0) if helper is not None else None
            if outcome is not None:
                record(outcome)
                continue
            here(todo.pop())
        while helper is not None and helper.busy():
            record(helper.wait())
    finally:
        if helper is not None:
            helper.close()
    sections: list[Section] = []
    failures: list[tuple[str, str]] = []
    for name in names:
        section = built.get(name)
        if name in errors:
            failures.append((name, errors[name]))
        elif section is not None:
            sections.append(section)
        else:
            failures.append(
                (
                    name,
                    ctx.tr(
                        "本数据不含该章节所需的指标或文件，未生成。",
                        "the data lack the indicators or files this section needs; not shown.",
                    ),
                )
            )
    return sections, {n: timings[n] for n in names if n in timings}, failures


def _build_one(ctx: ReportContext, name: str) -> Section | None:
    module = importlib.import_module(f"yindi.report.sections.{name}")
    section: Section | None = module.build(ctx)
    return section


def build_report(
    study: Study,
    out_dir: str | Path,
    *,
    panel: Panel | None = None,
    on_section: Callable[[str], None] | None = None,
    on_node: Callable[[str], None] | None = None,
    store: bool = True,
    reuse_report: bool = True,
) -> ReportOutput:
    """Build the national report for ``study`` into ``out_dir`` (HTML, Excel, study.toml).

    The analyses run through :func:`yindi.study.run` (stored results are read back when the data, options and
    analysis set are unchanged); the sections only render them. The study file written beside the report
    records every choice (data, year, language, regions, seed, sections and every option) and a digest of the
    data files; ``yindi report --study out/study.toml`` rebuilds the same report.

    With ``store`` and ``reuse_report`` (the default) and the data read from files (``panel`` not given), a
    report already rendered from the same data files, study, sections and Yindi code is copied from the
    workspace instead (:mod:`yindi.report.cache`); ``reuse_report=False`` renders it again from the stored
    results.
    """
    names = list(study.sections) or list(SECTIONS)
    target = Path(out_dir)
    if target.exists() and not target.is_dir():  # checked before any computation
        raise ParameterError(
            f"--out {target}: this is an existing file, but the report needs a folder (it writes "
            f"{HTML_NAME}, an Excel workbook and study.toml into it). Give a folder name, e.g. --out report/.",
            zh=f"--out {target}：这是一个已有文件，而报告需要输出到文件夹（写入 {HTML_NAME}、Excel 工作簿和 "
            "study.toml）。请给出文件夹名，例如 --out report/。",
        )
    db = _open_store(study) if store else None
    try:
        return _build(study, target, names, panel, on_section, on_node, store, reuse_report, db)
    finally:
        if db is not None:
            db.close()


def _open_store(study: Study) -> ResultStore | None:
    """The workspace's result store, open for the whole build (one connection for the stored results, the
    workbook and the rendered report); ``None`` when it cannot be opened (the run then says why)."""
    from yindi.errors import WorkspaceError
    from yindi.study.pipeline import store_path
    from yindi.study.store import ResultStore

    if str(study.data).startswith("workspace:"):  # the dataset is read from the same file, read-only: DuckDB
        return None  # allows no second, writable connection meanwhile, so each step opens its own
    try:
        return ResultStore(store_path(study))
    except WorkspaceError:
        return None


def _build(
    study: Study,
    out_dir: Path,
    names: list[str],
    panel: Panel | None,
    on_section: Callable[[str], None] | None,
    on_node: Callable[[str], None] | None,
    store: bool,
    reuse_report: bool,
    db: ResultStore | None,
) -> ReportOutput:
    target = out_dir
    t0 = time.perf_counter()
    cache_key = None
    if store and reuse_report and panel is None:
        from yindi.report import cache

        cache_key = cache.report_key(study, names, target)
        if cache_key is not None:
            hit = cache.load(
                study,
                cache_key,
                target,
                (HTML_NAME, EXCEL_NAME, STUDY_NAME),
                _dt.datetime.now().replace(microsecond=0),
                db=db,
            )
            if hit is not None:
                meta = hit.meta
                return ReportOutput(
                    hit.html,
                    hit.excel,
                    hit.study,
                    (),
                    {"stored report": time.perf_counter() - t0},
                    int(meta["year"]),
                    tuple(meta["notices"]),
                    tuple(meta["skipped"]),
                    tuple(meta["nodes"]),
                    (),
                    tuple(meta["sections"]),
                    True,
                )
    from yindi.data import load
    from yindi.report.base import ReportContext
    from yindi.study.pipeline import run

    data = panel if panel is not None else load(study.data, workspace=study.workspace)
    load_time = time.perf_counter() - t0
    results = run(study, data, nodes=nodes_of(names), store=store, on_node=on_node, db=db)
    year = results.year
    digest = results.digest
    resolved = replace(study, year=year, sections=tuple(names), data_sha256=digest)
    ctx = ReportContext(panel=data, study=resolved, results=results)
    notices: list[str] = list(results.notices)
    if study.data_sha256 and study.data_sha256 != digest:
        notices.append(
            ctx.tr(
                "数据与研究设定文件记录的不一致（SHA-256 不同）：数据在设定文件写出后已改变，报告不是原报告的复现。",
                "The data differ from those recorded in the study file (SHA-256 mismatch): they changed after the "
                "study was written, so this report does not reproduce the original.",
            )
        )
    if study.year is None and not results.year_complete:
        share = f"{float(study.options['report']['min_coverage']):.0%}"
        notices.append(
            ctx.tr(
                f"没有哪一年有 {share} 的地区同时具备全部关键指标；报告年份取覆盖比例最高的最近年份 {year}。可用 --year 指定。",
                f"No year has every key indicator for {share} of the regions; the report uses {year}, the latest "
                "year with the best coverage. Choose another with --year.",
            )
        )
    sections, timings, failures = build_sections(ctx, names, on_section)
    timings = {
        "load": load_time,
        **{f"node:{k}": v for k, v in results.timings.items() if k != "load"},
        **timings,
    }

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    from yindi.report.template import render_page

    html = render_page(
        ctx,
        sections,
        failures=failures,
        notices=notices,
        digest=digest,
        generated=_dt.datetime.now().replace(microsecond=0),
    )
    html_path = out / HTML_NAME
    tmp = html_path.with_suffix(".html.part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(html_path)

    tables: dict[str, pd.DataFrame] = {}
    for s in sections:
        for name, frame in s.tables.items():
            tables[name] = frame
    tables["provenance"] = _provenance_table(data, resolved, digest)
    tables = {name: workbook_frame(frame, ctx) for name, frame in tables.items()}
    key = workbook_key(resolved, results) if store else None
    excel_path = _write_workbook(tables, out / EXCEL_NAME, key, db)
    study_path = resolved.write(out / STUDY_NAME)
    output = ReportOutput(
        html_path,
        excel_path,
        study_path,
        tuple(sections),
        timings,
        year,
        tuple(notices),
        tuple(f"{name}: {msg}" for name, msg in failures),
        results.reused,
        results.computed,
        tuple(s.id for s in sections),
    )
    if cache_key is not None and not results.notices:  # the store's own notices are about this run only
        from yindi.report import cache

        facts = {
            "year": year,
            "notices": list(output.notices),
            "skipped": list(output.skipped),
            "nodes": [*results.reused, *results.computed],
            "sections": list(output.section_ids),
        }
        cache.save(study, cache_key, html_path, excel_path, study_path, facts, db=db)
    return output


def workbook_key(study: Study, results: StudyResults) -> str | None:
    """The store key of the report workbook: the study (every choice), the keys of every node result it
    renders and the code of the package (:func:`yindi.report.cache.code_digest`). Sections are pure functions of
    these, so the same key means the same workbook. ``None`` when a node failed or was not stored (then the
    workbook is always written)."""
    import hashlib
    import json

    from yindi import __version__
    from yindi.report.labels import COLUMNS

    if results.failures or not results.keys:
        return None
    from yindi.report.cache import code_digest

    doc = {
        "study": study.to_toml(),
        "nodes": dict(results.keys),
        "yindi": __version__,
        "code": code_digest(),  # the sections and labels that made the tables (an edit rewrites the workbook)
        "layout": WORKBOOK_LAYOUT,
        "headers": COLUMNS,  # the header labels: a changed label rewrites the workbook
    }
    return "xlsx:" + hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


#: Version of the workbook's layout (headers, added name columns); part of the stored workbook's key.
WORKBOOK_LAYOUT = 2


def workbook_frame(frame: pd.DataFrame, ctx: ReportContext) -> pd.DataFrame:
    """A table as the workbook shows it: region names beside region codes (a column of names after
    ``region_code`` when the table has none; adcode column headers replaced by names) and, in a Chinese report,
    Chinese headers (:func:`yindi.report.labels.column_label`). The headers are worked out as plain strings and
    set once; the data are shared with ``frame`` (a shallow copy: nothing here changes them)."""
    from yindi.report.labels import column_label

    out = frame.copy(deep=False)
    cols = [str(c) for c in frame.columns.tolist()]
    heads = list(cols)
    if "region_code" in cols and not {"region", "地区", "Region"} & set(cols):
        names = [
            ctx.region_name(c) if _ADCODE.fullmatch(c) else "" for c in map(str, out["region_code"].tolist())
        ]
        at = cols.index("region_code") + 1
        out.insert(at, "region", names)
        heads.insert(at, "region")
    heads = [ctx.region_name(c) if _ADCODE.fullmatch(c) else c for c in heads]
    if ctx.lang == "zh":
        alert = "level_name" in cols  # 'level' is the herding alert there, the administrative level elsewhere
        seen: set[str] = set()
        headers = []
        for c in heads:
            head = column_label(c, "zh") if c != "level" or alert else "行政层级"
            head = head if head not in seen else f"{head}（{c}）"
            seen.add(head)
            headers.append(head)
        heads = headers
    out.columns = heads
    return out


#: A six-digit administrative code (adcode), as a column header or a region_code value.
_ADCODE = re.compile(r"\d{6}")


def _write_workbook(
    tables: Mapping[str, pd.DataFrame], path: Path, key: str | None, db: ResultStore | None
) -> Path:
    """Write the workbook, or copy the stored one rendered from the same results."""
    from yindi.report.export import write_excel

    if key is None or db is None:
        return write_excel(tables, path)
    content = db.get_file(key)
    if content is None:
        write_excel(tables, path)
        db.put_file(key, path.read_bytes())
        return path
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_bytes(content)
    tmp.replace(path)
    return path


def _provenance_table(panel: Panel, study: Study, digest: str) -> pd.DataFrame:
    import pandas as pd

    rows = [
        {"item": "data", "value": study.data},
        {"item": "data_sha256", "value": digest},
        {"item": "year", "value": str(study.year)},
        {"item": "lang", "value": study.lang},
        {"item": "level", "value": study.level},
        {"item": "within", "value": str(study.within or "")},
        {"item": "exclude", "value": ", ".join(study.excluded)},
        {"item": "seed", "value": str(study.seed)},
    ]
    rows += [{"item": "source", "value": s} for s in panel.sources]
    rows += [{"item": "repair", "value": r.describe(study.lang)} for r in panel.repairs]
    return pd.DataFrame(rows)
