"""``yindi report``: the national report (HTML + Excel + study file)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from yindi.cli.common import DATA_HELP, LANG_HELP, console, done, progress_bar
from yindi.cli.region_report import REGION_HELP, REGIONS_HELP


def register(app: typer.Typer) -> None:
    app.command(name="report")(report)


def report(
    data: Optional[str] = typer.Option(None, "--data", "-d", help=DATA_HELP + " [env: YINDI_DATA]"),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="输出目录 / Output folder."),
    year: Optional[int] = typer.Option(
        None,
        "--year",
        "-y",
        help="报告年份（默认：至少 80% 的地区具备全部关键指标的最近年份） / Report year (default: the latest year in "
        "which ≥ 80 % of the units have every key indicator).",
    ),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help=LANG_HELP),
    exclude_tibet: Optional[bool] = typer.Option(
        None,
        "--exclude-tibet/--include-tibet",
        help="是否排除西藏（30 省） / Analyse 30 provinces without Tibet.",
    ),
    level: Optional[str] = typer.Option(
        None, "--level", help="分析单元的层级 / Level of the analysed units: province, city, county."
    ),
    within: Optional[str] = typer.Option(
        None,
        "--within",
        help="只分析该地区内的单元（如 广东） / Only the units inside this region (e.g. 广东).",
    ),
    exclude: Optional[list[str]] = typer.Option(
        None, "--exclude", help="排除的地区（可重复） / Regions to leave out (repeatable)."
    ),
    seed: Optional[int] = typer.Option(
        None, "--seed", help="随机种子 / Seed for Monte Carlo, permutations and bootstrap."
    ),
    section: Optional[list[str]] = typer.Option(
        None, "--section", "-s", help="只生成这些章节（可重复） / Only these sections (repeatable)."
    ),
    workspace: Optional[Path] = typer.Option(
        None,
        "--workspace",
        "-w",
        help="工作区文件（数据集与已存储的分析结果；默认 $YINDI_WORKSPACE 或 ./yindi.duckdb） / Workspace file: datasets and stored results (default $YINDI_WORKSPACE or ./yindi.duckdb).",
    ),
    region: Optional[list[str]] = typer.Option(None, "--region", help=REGION_HELP),
    regions: Optional[str] = typer.Option(None, "--regions", help=REGIONS_HELP),
    study_file: Optional[Path] = typer.Option(
        None, "--study", help="按研究设定文件复现 / Reproduce from a study file (study.toml)."
    ),
) -> None:
    """生成全国报告 / Build the national report: HTML (offline, with maps), Excel workbook, study.toml."""
    from dataclasses import replace

    from yindi.errors import ParameterError
    from yindi.report.national import build_report
    from yindi.report.sections import SECTIONS
    from yindi.study import Study

    if study_file is not None:
        study = Study.read(study_file)
    else:
        source = data or os.environ.get("YINDI_DATA")
        if not source:
            raise ParameterError(
                "No data given. Pass --data PATH (a pack folder such as ../shared/data/cn-provinces), or set YINDI_DATA.",
                zh="没有给出数据。请传入 --data PATH（数据包文件夹，"
                "如 ../shared/data/cn-provinces），或设置环境变量 YINDI_DATA。",
            )
        study = Study(data=str(Path(source).resolve()) if Path(source).exists() else source)
    overrides: dict[str, object] = {}
    if data is not None and study_file is not None:
        overrides["data"] = str(Path(data).resolve()) if Path(data).exists() else data
    if workspace is not None:
        overrides["workspace"] = str(workspace.resolve())
    elif (
        study.workspace is None
    ):  # datasets and stored results: the default workspace, recorded in study.toml
        from yindi._defaults import default_workspace

        overrides["workspace"] = str(Path(default_workspace()).resolve())
    if year is not None:
        overrides["year"] = year
    if lang is not None:
        overrides["lang"] = lang
    if exclude_tibet is not None:
        overrides["exclude_tibet"] = exclude_tibet
    if seed is not None:
        overrides["seed"] = seed
    if level is not None:
        overrides["level"] = level
    if within is not None:
        overrides["within"] = within
    if exclude:
        overrides["exclude"] = tuple(exclude)
    if section:
        overrides["sections"] = tuple(section)
    if overrides:
        study = replace(study, **overrides)  # type: ignore[arg-type]
    if region or regions:  # per-region reports (cli/region_report.py)
        from yindi.cli.region_report import region_reports

        region_reports(study, out, region=region, regions=regions)
        return
    names = list(study.sections) or list(SECTIONS)
    with progress_bar(transient=False, counts=True) as progress:
        task = progress.add_task("载入数据 / loading data", total=len(names) + 1)

        def node(name: str) -> None:
            progress.update(task, description=f"分析 / analysis: {name}")

        def step(name: str) -> None:
            progress.update(task, advance=1, description=f"章节 / section: {name}")

        result = build_report(study, out, on_section=step, on_node=node)
        progress.update(task, completed=len(names) + 1, description="完成 / done")
    if result.from_store:
        console.print(
            "[dim]复用已存储的报告（数据文件、设定与代码均未改变） / Reused the stored report (data files, study "
            "and code unchanged)[/dim]",
            highlight=False,
        )
    if result.reused:
        console.print(
            f"[dim]复用已存储的结果 / Reused stored results: {', '.join(result.reused)}[/dim]",
            highlight=False,
        )
    for notice in result.notices:
        console.print(f"[yellow]注意 / Notice:[/yellow] {notice}", highlight=False)
    for skipped in result.skipped:
        console.print(f"[yellow]未生成 / Not shown:[/yellow] {skipped}", highlight=False)
    done(f"报告 / Report: {result.html.resolve()}")
    done(f"表格 / Tables: {result.excel.resolve()}")
    done(f"设定 / Study: {result.study.resolve()}  (yindi report --study {result.study})")
    total = sum(result.timings.values())
    console.print(f"[dim]year {result.year} · {len(result.section_ids)} sections · {total:.1f} s[/dim]")
