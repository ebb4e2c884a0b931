"""``yindi report --region NAME`` / ``--regions all``: per-region reports (一地一策) from the pipeline's results.

Kept apart from ``report_cmd.py`` (the national report): ``report`` calls :func:`region_reports` when one of the
two flags is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from yindi.cli.common import console, done, progress_bar

if TYPE_CHECKING:
    from yindi.study.spec import Study

REGION_HELP = "只生成该地区的报告（可重复） / Per-region report of this region (repeatable), e.g. 浙江."
REGIONS_HELP = (
    "all：为每个分析单元各生成一份报告并生成索引页 / 'all': one report per analysed unit plus an index page."
)


def region_reports(study: Study, out: Path, *, region: Optional[list[str]], regions: Optional[str]) -> None:
    """Run (or read back) the pipeline once, then write one HTML page + Excel twin per region into ``out``."""
    from yindi.data import load
    from yindi.errors import ParameterError, RegionNotFoundError
    from yindi.regions import registry
    from yindi.report.region import write_index_page, write_region_report
    from yindi.study.pipeline import run

    if regions is not None and regions != "all":
        raise ParameterError(
            f"--regions takes 'all' (got {regions!r}); name single regions with --region, e.g. --region 浙江.",
            zh=f"--regions 只接受 all（实际为 {regions!r}）；单个地区请用 --region，例如 --region 浙江。",
        )
    panel = load(study.data, workspace=study.workspace)
    with progress_bar(transient=True) as progress:
        task = progress.add_task("分析 / analysis", total=None)
        results = run(
            study, panel, on_node=lambda n: progress.update(task, description=f"分析 / analysis: {n}")
        )
    reg = registry()
    if regions == "all":
        codes = list(results.codes)
    else:
        codes = []
        for name in region or []:
            code = reg.resolve(name).adcode
            if code not in results.codes:
                raise RegionNotFoundError(
                    f"{name!r} ({code}) is not among the analysed units ({study.level}); use --level or --within.",
                    zh=f"{name!r}（{code}）不在分析范围（{study.level} 级）内；请用 --level 或 --within 调整。",
                )
            codes.append(code)
    names = {i: m.name(study.lang) for i, m in panel.indicators.items()}
    written = []
    for code in codes:
        written.append(
            write_region_report(
                results, code, out, lang=study.lang, indicator_names=names, data_label=study.data
            )
        )
    for r in written:
        done(f"{r.name}: {r.html.resolve()}  ·  {r.excel.name}")
    if regions == "all":
        done(f"索引 / Index: {write_index_page(written, out, lang=study.lang).resolve()}")
    if results.failures:
        for node, why in results.failures.items():
            console.print(f"[yellow]未计算 / Not computed:[/yellow] {node} — {why}", highlight=False)
