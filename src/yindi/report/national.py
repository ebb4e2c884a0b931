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


def choose_year(panel: Panel, exclude_tibet: bool = False) -> int:
    """Latest year in which every key indicator present covers all analysed provinces."""
    analysis = panel.mainland(exclude_tibet=exclude_tibet)
    n = len(analysis.region_codes)
    present = [i for i in KEY_INDICATORS if i in analysis.indicators]
    frame = analysis.frame
    if not present:
        years = analysis.years()
        if not years:
            raise MissingDataError("The data hold no values for the mainland provinces; nothing to report.")
        return years[-1]
    sub = frame[frame["indicator"].isin(present) & frame["value"].notna()]
    counts = sub.groupby(["year", "indicator"])["region_code"].nunique().unstack()
    full = counts[(counts.reindex(columns=present) >= n).all(axis=1)]
    if full.empty:
        return int(str(counts.sum(axis=1).idxmax()))
    return int(str(full.index.max()))


def data_digest(panel: Panel, data: str | None = None) -> str:
    """SHA-256 over the files a report reads: the panel's sources and, for a pack folder, every file directly
    in it (sections such as 'structure' read side files like sector_electricity.csv). Recorded in the study
    file so a rerun can tell whether the data changed."""
    import hashlib

    files = {Path(s).resolve() for s in panel.sources if Path(s).is_file()}
    if data is not None and Path(data).is_dir():
        files |= {f.resolve() for f in Path(data).iterdir() if f.is_file()}
    h = hashlib.sha256()
    for p in sorted(files):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
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
    names = list(study.sections) or list(SECTIONS)
    t0 = time.perf_counter()
    data = panel if panel is not None else load(study.data)
    load_time = time.perf_counter() - t0
    year = study.year if study.year is not None else choose_year(data, study.exclude_tibet)
    if year not in data.years():
        raise ParameterError(f"Year {year} is not in the data (years {data.years()[0]}–{data.years()[-1]}).")
    resolved = replace(study, year=year, sections=tuple(names))
    ctx = ReportContext(panel=data, study=resolved, year=year)
    sections, timings, failures = build_sections(ctx, names, on_section)
    timings = {"load": load_time, **timings}

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    digest = data_digest(data, study.data)
    html = render_page(
        ctx, sections, failures=failures, digest=digest, generated=_dt.datetime.now().replace(microsecond=0)
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
    study_path = _write_study(replace(resolved, options=options), digest, out / STUDY_NAME)
    return ReportOutput(html_path, excel_path, study_path, tuple(sections), timings, year)


def _write_study(study: Study, digest: str, path: Path) -> Path:
    text = study.to_toml()
    text += f'\n# data digest (SHA-256 of the source files when this report was built)\n# data_sha256 = "{digest}"\n'
    path.write_text(text, encoding="utf-8")
    return path


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
