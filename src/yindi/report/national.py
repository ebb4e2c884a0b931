"""The national report: one self-contained HTML file, an Excel workbook of its tables, and a study file.

全国报告：一个离线可用的 HTML 文件、一个 Excel 工作簿和一个研究设定文件（study.toml）。
"""

from __future__ import annotations

import datetime as _dt
import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from yindi.data import Panel, load
from yindi.errors import MissingDataError, ParameterError, YindiError
from yindi.report.base import ReportContext, Section
from yindi.report.export import write_excel
from yindi.report.sections import SECTIONS
from yindi.report.template import render_page
from yindi.study import Study

#: Indicators whose full coverage decides the default report year.
KEY_INDICATORS: tuple[str, ...] = ("gdp_per_capita", "rd_intensity", "tech_contract_turnover")

HTML_NAME = "report.html"
EXCEL_NAME = "report.xlsx"
STUDY_NAME = "study.toml"


@dataclass(frozen=True)
class ReportOutput:
    """Where the report went and what it contains."""

    html: Path
    excel: Path
    study: Path
    sections: tuple[Section, ...]
    timings: dict[str, float]
    year: int
    notices: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


def choose_year(panel: Panel, exclude_tibet: bool = False) -> int:
    """The latest year with the best coverage of the key indicators: ideally every key indicator for every
    analysed province; otherwise the latest year with the most (indicator, province) values (the report then
    says the year is incomplete, see :func:`year_is_complete`)."""
    analysis = panel.mainland(exclude_tibet=exclude_tibet)
    present = [i for i in KEY_INDICATORS if i in analysis.indicators]
    frame = analysis.frame
    if not present:
        years = analysis.years()
        if not years:
            raise MissingDataError("The data hold no values for the mainland provinces; nothing to report.")
        return years[-1]
    sub = frame[frame["indicator"].isin(present) & frame["value"].notna()]
    if sub.empty:
        return analysis.years()[-1]
    cells = sub.groupby("year").size()
    best = cells[cells == cells.max()]
    return int(str(best.index.max()))


def year_is_complete(panel: Panel, year: int, exclude_tibet: bool = False) -> bool:
    """Whether every key indicator present in the data covers every analysed province in ``year``."""
    analysis = panel.mainland(exclude_tibet=exclude_tibet)
    n = len(analysis.region_codes)
    f = analysis.frame
    present = [i for i in KEY_INDICATORS if i in analysis.indicators]
    sub = f[(f["year"] == year) & f["indicator"].isin(present) & f["value"].notna()]
    return all(sub[sub["indicator"] == i]["region_code"].nunique() >= n for i in present)


def data_digest(panel: Panel, data: str | None = None) -> str:
    """SHA-256 of what a report reads: the loaded rows and indicator metadata (whatever the source — a pack,
    an export, a workspace dataset) plus, for a pack folder, every side file in it (the structure section reads
    sector_electricity.csv). Recorded in the study file; a rerun compares it to tell whether the data changed."""
    import hashlib

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


def build_sections(
    ctx: ReportContext,
    names: Sequence[str],
    on_section: Callable[[str], None] | None = None,
) -> tuple[list[Section], dict[str, float], list[tuple[str, str]]]:
    """Run each section's ``build``; a section that raises a YindiError is reported, not fatal."""
    sections: list[Section] = []
    timings: dict[str, float] = {}
    failures: list[tuple[str, str]] = []
    for name in names:
        if on_section:
            on_section(name)
        module = importlib.import_module(f"yindi.report.sections.{name}")
        start = time.perf_counter()
        try:
            section = module.build(ctx)
        except YindiError as exc:
            failures.append((name, str(exc)))
            section = None
        timings[name] = time.perf_counter() - start
        if section is not None:
            sections.append(section)
        elif not any(f[0] == name for f in failures):
            failures.append(
                (
                    name,
                    ctx.tr(
                        "本数据不含该章节所需的指标或文件，未生成。",
                        "the data lack the indicators or files this section needs; not shown.",
                    ),
                )
            )
    return sections, timings, failures


def build_report(
    study: Study,
    out_dir: str | Path,
    *,
    panel: Panel | None = None,
    on_section: Callable[[str], None] | None = None,
) -> ReportOutput:
    """Build the national report for ``study`` into ``out_dir`` (HTML, Excel, study.toml).

    The study file written beside the report records every choice (data, year, language, regions, seed,
    sections and options) and a digest of the data files; ``yindi report --study out/study.toml`` rebuilds
    the same report.
    """
    unknown = [s for s in study.sections if s not in SECTIONS]
    if unknown:
        raise ParameterError(
            f"Unknown report section(s) {', '.join(unknown)}; available: {', '.join(SECTIONS)}."
        )
    stray = [s for s in study.options if s not in SECTIONS]
    if stray:
        raise ParameterError(
            f"The study's [options] name unknown section(s) {', '.join(stray)}; sections are {', '.join(SECTIONS)}."
        )
    names = list(study.sections) or list(SECTIONS)
    target = Path(out_dir)
    if target.exists() and not target.is_dir():  # checked before any computation
        raise ParameterError(
            f"--out {target}: this is an existing file, but the report needs a folder (it writes "
            f"{HTML_NAME}, an Excel workbook and study.toml into it). Give a folder name, e.g. --out report/.",
            zh=f"--out {target}：这是一个已有文件，而报告需要输出到文件夹（写入 {HTML_NAME}、Excel 工作簿和 "
            "study.toml）。请给出文件夹名，例如 --out report/。",
        )
    t0 = time.perf_counter()
    data = panel if panel is not None else load(study.data, workspace=study.workspace)
    load_time = time.perf_counter() - t0
    year = study.year if study.year is not None else choose_year(data, study.exclude_tibet)
    if year not in data.years():
        raise ParameterError(f"Year {year} is not in the data (years {data.years()[0]}–{data.years()[-1]}).")
    digest = data_digest(data, study.data)
    resolved = replace(study, year=year, sections=tuple(names), data_sha256=digest)
    ctx = ReportContext(panel=data, study=resolved, year=year)
    notices: list[str] = []
    if study.data_sha256 and study.data_sha256 != digest:
        notices.append(
            ctx.tr(
                "数据与研究设定文件记录的不一致（SHA-256 不同）：数据在设定文件写出后已改变，报告不是原报告的复现。",
                "The data differ from those recorded in the study file (SHA-256 mismatch): they changed after the "
                "study was written, so this report does not reproduce the original.",
            )
        )
    if study.year is None and not year_is_complete(data, year, study.exclude_tibet):
        notices.append(
            ctx.tr(
                f"没有哪一年的关键指标覆盖全部地区；报告年份取覆盖最多的最近年份 {year}。可用 --year 指定。",
                f"No year has the key indicators for every region; the report uses {year}, the latest year with the "
                "best coverage. Choose another with --year.",
            )
        )
    sections, timings, failures = build_sections(ctx, names, on_section)
    timings = {"load": load_time, **timings}

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
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
    excel_path = write_excel(tables, out / EXCEL_NAME)
    options = {k: dict(v) for k, v in resolved.options.items()}
    for section_name, used in ctx.used_options.items():
        options.setdefault(section_name, {}).update(used)
    study_path = replace(resolved, options=options).write(out / STUDY_NAME)
    return ReportOutput(
        html_path,
        excel_path,
        study_path,
        tuple(sections),
        timings,
        year,
        tuple(notices),
        tuple(f"{name}: {msg}" for name, msg in failures),
    )


def _provenance_table(panel: Panel, study: Study, digest: str) -> pd.DataFrame:
    rows = [
        {"item": "data", "value": study.data},
        {"item": "data_sha256", "value": digest},
        {"item": "year", "value": str(study.year)},
        {"item": "lang", "value": study.lang},
        {"item": "exclude_tibet", "value": str(study.exclude_tibet)},
        {"item": "seed", "value": str(study.seed)},
    ]
    rows += [{"item": "source", "value": s} for s in panel.sources]
    rows += [{"item": "repair", "value": str(r)} for r in panel.repairs]
    return pd.DataFrame(rows)
