"""``yindi data``: import files into the DuckDB workspace, list and show datasets, check files."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from yindi.cli.common import console, done, lang_option, progress_bar

data_app = typer.Typer(
    help="数据导入与管理 / Import and manage data in the workspace (DuckDB).", no_args_is_help=True
)

WS_HELP = "工作区文件 / Workspace file [env: YINDI_WORKSPACE; default ./yindi.duckdb]."


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")


def _workspace(path: Optional[Path]):  # type: ignore[no-untyped-def]
    from yindi.data.workspace import Workspace

    return Workspace(path) if path is not None else Workspace.open_default()


def _parse_fixes(pairs: Optional[list[str]]) -> dict[str, str]:
    from yindi.errors import ParameterError

    fixes: dict[str, str] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ParameterError(
                f"--fix-region takes WRONG=RIGHT (e.g. 内蒙占=内蒙古). Got {pair!r}.",
                zh=f"--fix-region 的格式为 错误=正确（如 内蒙占=内蒙古），收到的是 {pair!r}。",
            )
        wrong, right = pair.split("=", 1)
        fixes[wrong.strip()] = right.strip()
    return fixes


def _roles(
    region: Optional[str],
    year_col: Optional[str],
    indicator_col: Optional[str],
    value_col: Optional[str],
    unit_col: Optional[str],
    indicator_id: Optional[str],
    unit: Optional[str],
    data_year: Optional[int],
    sheet: Optional[str],
    fix_region: Optional[list[str]],
    level: Optional[str] = None,
    within: Optional[str] = None,
    hk_mo_tw: str = "error",
) -> dict[str, Any]:
    """The command-line options as keyword arguments of :func:`yindi.data.load` (which picks the importer)."""
    return {
        "region": region,
        "year": year_col,
        "indicator": indicator_col,
        "value": value_col,
        "unit": unit_col,
        "indicator_id": indicator_id,
        "unit_label": unit,
        "data_year": data_year,
        "sheet": sheet,
        "region_fixes": _parse_fixes(fix_region),
        "level": level,
        "within": within,
        "special": hk_mo_tw,
    }


@data_app.command("import")
def import_(
    files: list[Path] = typer.Argument(
        ..., help="文件或数据包文件夹 / Files or pack folders (CSV, Excel, Parquet, NBS exports)."
    ),
    name: str = typer.Option(..., "--name", "-n", help="数据集名称 / Dataset name in the workspace."),
    workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help=WS_HELP),
    replace: bool = typer.Option(False, "--replace", help="覆盖同名数据集 / Replace a dataset of that name."),
    region: Optional[str] = typer.Option(None, "--region", help="地区列 / Region column (generic tables)."),
    year_col: Optional[str] = typer.Option(None, "--year", help="年份列 / Year column (generic tables)."),
    indicator_col: Optional[str] = typer.Option(
        None, "--indicator", help="指标列（长表） / Indicator column (tidy tables)."
    ),
    value_col: Optional[str] = typer.Option(
        None, "--value", help="数值列（长表） / Value column (tidy tables)."
    ),
    unit_col: Optional[str] = typer.Option(
        None, "--unit", help="单位列（长表） / Unit column (tidy tables)."
    ),
    indicator_id: Optional[str] = typer.Option(
        None,
        "--indicator-id",
        help="国家统计局“地区×年份”表的指标代码 / Indicator id for an NBS region × year export.",
    ),
    unit: Optional[str] = typer.Option(None, "--unit-label", help="该指标的单位 / Unit of that indicator."),
    data_year: Optional[int] = typer.Option(
        None, "--data-year", help="文件未写明年份时的数据年份 / Year of the data when the file does not say."
    ),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="Excel 工作表 / Excel sheet."),
    fix_region: Optional[list[str]] = typer.Option(
        None,
        "--fix-region",
        help="显式更正地区名，如 内蒙占=内蒙古（会报告） / Explicit region-name fix WRONG=RIGHT (reported).",
    ),
    level: Optional[str] = typer.Option(
        None,
        "--level",
        help="表的层级 province|city|county；其他层级的行被排除并报告 / The table's level; rows of other levels "
        "are left out and reported.",
    ),
    within: Optional[str] = typer.Option(
        None, "--within", help="在该地区内解析地名（报告）/ Read names inside this region (reported)."
    ),
    hk_mo_tw: str = typer.Option(
        "error",
        "--hk-mo-tw",
        help="港澳台：error（默认）、include 或 exclude（均报告）/ Hong Kong, Macao, Taiwan: error, include or "
        "exclude (reported).",
    ),
) -> None:
    """导入数据（全部成功才写入） / Import files as one dataset — all or nothing."""
    from yindi.data import load
    from yindi.data.workspace import combine

    roles = _roles(
        region,
        year_col,
        indicator_col,
        value_col,
        unit_col,
        indicator_id,
        unit,
        data_year,
        sheet,
        fix_region,
        level,
        within,
        hk_mo_tw,
    )
    panels = []
    with progress_bar() as progress:
        task = progress.add_task("读取 / reading", total=len(files))
        for path in files:
            progress.update(task, description=f"读取 / reading {path.name}")
            panels.append(load(path, **roles))
            progress.advance(task)
            console.print(f"  读取 / read {path}: {len(panels[-1])} rows", highlight=False)
            _print_checks(panels[-1], {}, "zh", None)
    panel = combine(panels, origin=", ".join(map(str, files)))
    ws = _workspace(workspace)
    info = ws.import_panel(name, panel, replace=replace)
    for r in panel.repairs:
        console.print(f"  [yellow]修正 / repair:[/yellow] {r}", highlight=False)
    done(f"{info.n_rows} rows → {ws.path} as {name!r} ({len(panel.indicators)} indicators)")


@data_app.command("list")
def list_(workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help=WS_HELP)) -> None:
    """列出数据集 / List datasets in the workspace."""
    from rich.table import Table

    from yindi.errors import WorkspaceError

    ws = _workspace(workspace)
    if not ws.path.exists():
        raise WorkspaceError(
            f"{ws.path}: no workspace here. Check --workspace / $YINDI_WORKSPACE, or import data first: "
            "yindi data import FILE --name NAME.",
            zh=f"{ws.path}：此处没有工作区。请检查 --workspace / $YINDI_WORKSPACE，或先导入数据。",
        )
    frame = ws.datasets()
    if frame.empty:
        console.print("工作区为空 / The workspace is empty. Import with: yindi data import FILE --name NAME")
        return
    t = Table("name", "rows", "indicators", "regions", "years", "imported_at")
    for r in frame.itertuples():
        t.add_row(
            r.name,
            str(r.rows),
            str(r.indicators),
            str(r.regions),
            f"{r.first_year}–{r.last_year}",
            str(r.imported_at),
        )
    console.print(t)


@data_app.command("show")
def show(
    name: str = typer.Argument(..., help="数据集名称 / Dataset name."),
    workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help=WS_HELP),
    lang: str = lang_option("zh | en"),
) -> None:
    """显示数据集的来源与覆盖 / Show a dataset's provenance and coverage."""
    from rich.table import Table

    ws = _workspace(workspace)
    info = ws.info(name)
    panel = ws.load(name)
    console.print(
        f"[bold]{name}[/bold] · {info.n_rows} rows · imported {info.imported_at} · yindi {info.yindi_version}"
    )
    for s in info.sources:
        console.print(f"  source: {s['path']}  sha256={s['sha256']}", highlight=False)
    for r in info.repairs:
        console.print(f"  [yellow]repair:[/yellow] {r}", highlight=False)
    cov = panel.coverage()
    t = Table("indicator", "name", "unit", "years", "regions", "missing")
    for r in cov.itertuples():
        t.add_row(
            r.indicator,
            r.name_en if lang == "en" else r.name_zh,
            r.unit,
            f"{r.first_year}–{r.last_year}",
            str(r.regions),
            str(r.missing),
        )
    console.print(t)


@data_app.command("check")
def check(
    files: list[Path] = typer.Argument(..., help="要检查的文件 / Files to validate."),
    region: Optional[str] = typer.Option(None, "--region"),
    year_col: Optional[str] = typer.Option(None, "--year"),
    indicator_col: Optional[str] = typer.Option(None, "--indicator"),
    value_col: Optional[str] = typer.Option(None, "--value"),
    unit_col: Optional[str] = typer.Option(None, "--unit"),
    indicator_id: Optional[str] = typer.Option(None, "--indicator-id"),
    unit: Optional[str] = typer.Option(None, "--unit-label"),
    data_year: Optional[int] = typer.Option(None, "--data-year"),
    sheet: Optional[str] = typer.Option(None, "--sheet"),
    fix_region: Optional[list[str]] = typer.Option(None, "--fix-region"),
    level: Optional[str] = typer.Option(
        None,
        "--level",
        help="表的层级 province|city|county；其他层级的行被排除并报告 / The table's level; rows of other levels "
        "are left out and reported.",
    ),
    within: Optional[str] = typer.Option(
        None, "--within", help="在该地区内解析地名（报告）/ Read names inside this region (reported)."
    ),
    hk_mo_tw: str = typer.Option(
        "error",
        "--hk-mo-tw",
        help="港澳台：error（默认）、include 或 exclude（均报告）/ Hong Kong, Macao, Taiwan: error, include or "
        "exclude (reported).",
    ),
    jump_ratio: float = typer.Option(
        3.0, "--jump-ratio", help="相邻年份比值阈值 / Flag year-on-year ratios above this (or below 1/this)."
    ),
    sum_tolerance: float = typer.Option(
        0.02, "--sum-tolerance", help="分项之和相对差容差 / Tolerated gap between parts and total (share)."
    ),
    out: Optional[Path] = typer.Option(
        None, "--out", "-o", help="把可疑数值写入 CSV/Excel / Write the findings to a CSV or Excel file."
    ),
    lang: str = lang_option("zh | en"),
) -> None:
    """校验文件并检查可疑数值（不修改数据） / Validate files and flag suspicious values (nothing is changed)."""
    from yindi.data import load

    roles = _roles(
        region,
        year_col,
        indicator_col,
        value_col,
        unit_col,
        indicator_id,
        unit,
        data_year,
        sheet,
        fix_region,
        level,
        within,
        hk_mo_tw,
    )
    thresholds = {"jump_ratio": jump_ratio, "sum_tolerance": sum_tolerance}
    for path in files:
        panel = load(path, **roles)
        missing = int(panel.frame["value"].isna().sum())
        years = panel.years()
        span = f"{years[0]}–{years[-1]}" if years else "none with values"
        done(
            f"{path}: {len(panel)} rows, {len(panel.indicator_ids)} indicators, {len(panel.region_codes)} regions, "
            f"years {span}, {missing} missing values, {len(panel.repairs)} repairs"
        )
        for r in panel.repairs:
            console.print(f"  [yellow]repair:[/yellow] {r}", highlight=False)
        _print_checks(panel, thresholds, lang, out if len(files) == 1 else None)
        _print_units(panel, lang)


def _print_checks(panel: Any, thresholds: dict[str, float], lang: str, out: Optional[Path]) -> None:
    """Run the plausibility checks (yindi.data.checks) and print every finding; write them with ``out``."""
    from yindi._typing import Lang
    from yindi.data.checks import check_panel

    checks = check_panel(panel, thresholds)
    language: Lang = "en" if lang == "en" else "zh"
    if len(checks):
        console.print(f"  [yellow]可疑数值 / suspicious values: {len(checks)}[/yellow]", highlight=False)
        for line in checks.summary(language).splitlines():
            console.print(f"  {line}", highlight=False, markup=False)
    else:
        console.print(f"  {checks.summary(language)}", highlight=False)
    if out is not None:
        from yindi.cli.common import write_output

        written = write_output({"checks": checks.to_frame(language)}, out)
        done(f"{len(checks)} findings → {written}")


def _print_units(panel: Any, lang: str) -> None:
    """List the units that are not current administrative units (historical, zones, municipalities …)."""
    units = getattr(panel, "units", None)
    if units is None:
        return
    special = units[~units["status"].isin(["current", "national"])]
    for status, group in special.groupby("status"):
        console.print(f"  [cyan]{status}: {len(group)}[/cyan]", highlight=False)
        note = "note_en" if lang == "en" else "note_zh"
        for r in group.head(20).itertuples():
            console.print(
                f"    {r.region_code} {r.region}: {getattr(r, note)}", highlight=False, markup=False
            )
        if len(group) > 20:
            console.print(f"    … {len(group) - 20} more", highlight=False)
