"""``yindi dea`` and ``yindi malmquist``: efficiency and productivity change from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional, cast

import typer

from yindi.cli.common import DATA_OPTION, console, done, load_data

if TYPE_CHECKING:
    from yindi.productivity._options import RTS, Frontier, Orientation

IN_HELP = "投入指标（可重复）/ Input indicator id (repeatable)."
OUT_HELP = "期望产出指标（可重复）/ Desirable output indicator id (repeatable)."
BAD_HELP = "非期望产出（如 co2_emissions，可重复）/ Undesirable output, e.g. co2_emissions (repeatable)."
MISSING_HELP = (
    "缺失值：raise 报错（默认）或 drop 剔除并报告 / Missing values: raise (default) or drop and report."
)


def register(app: typer.Typer) -> None:
    """Add ``dea`` and ``malmquist`` to ``app``."""
    app.command("dea", help="数据包络分析效率 / DEA efficiency (radial CCR/BCC, SBM, super-efficiency).")(
        dea_cmd
    )
    app.command("malmquist", help="Malmquist / Malmquist–Luenberger 生产率指数 / productivity index.")(
        malmquist_cmd
    )


def _wide(data: str, cols: list[str], years: Optional[list[int]]):  # type: ignore[no-untyped-def]
    panel = load_data(data)
    for c in cols:
        panel.indicator(c)  # clear error for unknown ids
    wide = panel.wide(cols, years=years).reset_index()
    wide = wide[wide["region_code"] != "100000"]  # a national total is not a decision-making unit
    if wide.empty or wide[cols].isna().all().all():
        from yindi.errors import MissingDataError

        have = sorted(set.intersection(*(set(panel.years(c)) for c in cols)))
        asked = ", ".join(map(str, years or []))
        raise MissingDataError(
            f"No values for {', '.join(cols)} in {asked or 'the years asked'}. Years where all of them have "
            f"values: {', '.join(map(str, have)) or 'none'}. Choose one with --year / --from / --to.",
            zh=f"{asked or '所选年份'} 没有 {', '.join(cols)} 的数据。这些指标都有数据的年份："
            f"{', '.join(map(str, have)) or '无'}。请用 --year / --from / --to 选择。",
        )
    return panel, wide.rename(columns={"region_code": "region", "year": "period"})


def _region_name(code: str) -> str:
    """Short Chinese name of an adcode, or the code itself when it is not a known region."""
    from yindi.errors import YindiError
    from yindi.regions import registry

    try:
        return registry().get(code).short_zh
    except (YindiError, KeyError):
        return code


def dea_cmd(
    data: str = DATA_OPTION,
    inputs: list[str] = typer.Option(..., "--input", "-i", help=IN_HELP),
    outputs: list[str] = typer.Option(..., "--output", "-o", help=OUT_HELP),
    undesirable: Optional[list[str]] = typer.Option(None, "--undesirable", "-b", help=BAD_HELP),
    year: int = typer.Option(..., "--year", "-y", help="年份 / Year."),
    rts: str = typer.Option("crs", help="规模报酬 / Returns to scale: crs, vrs, nirs, ndrs."),
    orientation: str = typer.Option("input", help="导向 / Orientation: input, output."),
    model: str = typer.Option("radial", help="模型 / Model: radial, sbm."),
    super_efficiency: bool = typer.Option(
        False, "--super", help="超效率 / Andersen–Petersen super-efficiency."
    ),
    missing: str = typer.Option("raise", help=MISSING_HELP),
    out: Optional[Path] = typer.Option(
        None, "--out", help="输出文件 CSV/XLSX / Output file (.csv or .xlsx)."
    ),
) -> None:
    """Efficiency of every region in one year."""
    from yindi.errors import MissingDataError, check_option
    from yindi.productivity import dea_frame
    from yindi.report.export import write_table

    check_option("missing", missing, ("raise", "drop"), where="yindi dea")
    bad = list(undesirable or [])
    _, wide = _wide(data, [*inputs, *outputs, *bad], [year])
    gaps = wide[wide[[*inputs, *outputs, *bad]].isna().any(axis=1)]
    if len(gaps):
        names = ", ".join(map(str, gaps["region"].tolist()))
        if missing == "raise":
            raise MissingDataError(
                f"yindi dea: values missing in {year} for region(s) {names}. Fill them or pass --missing drop."
            )
        console.print(f"[yellow]剔除缺失 / dropped for missing values:[/yellow] {names}")
        wide = wide.drop(gaps.index)
    res = dea_frame(
        wide,
        inputs=inputs,
        outputs=outputs,
        undesirable=bad,
        unit="region",
        rts=rts,
        orientation=orientation,
        model=model,
        super_efficiency=super_efficiency,
    )
    console.print(res.summary(), highlight=False)
    scores = res.scores().sort_values("efficiency", ascending=False)
    scores.insert(1, "name", [_region_name(u) for u in scores["unit"]])
    console.print(scores.head(15).to_string(index=False), highlight=False)
    if out is not None:
        path = write_table(res.to_frame() if out.suffix.lower() == ".xlsx" else scores, out)
        done(f"写入 / written: {path}")


def malmquist_cmd(
    data: str = DATA_OPTION,
    inputs: list[str] = typer.Option(..., "--input", "-i", help=IN_HELP),
    outputs: list[str] = typer.Option(..., "--output", "-o", help=OUT_HELP),
    undesirable: Optional[list[str]] = typer.Option(None, "--undesirable", "-b", help=BAD_HELP),
    start: Optional[int] = typer.Option(None, "--from", help="起始年 / First year."),
    end: Optional[int] = typer.Option(None, "--to", help="结束年 / Last year."),
    rts: str = typer.Option(
        "crs", help="crs，或 vrs 以分解 EC = PEC × SEC / crs, or vrs to split EC = PEC × SEC."
    ),
    orientation: str = typer.Option("input", help="导向 / Orientation: input, output."),
    frontier: str = typer.Option(
        "contemporaneous", help="前沿 / Frontier: contemporaneous, sequential, global."
    ),
    missing: str = typer.Option("raise", help=MISSING_HELP),
    out: Optional[Path] = typer.Option(
        None, "--out", help="输出文件 CSV/XLSX / Output file (.csv or .xlsx)."
    ),
) -> None:
    """Productivity change between consecutive years, decomposed into efficiency and technical change."""
    from rich.progress import Progress

    from yindi.productivity import malmquist
    from yindi.report.export import write_table

    bad = list(undesirable or [])
    panel, _ = _wide(data, [*inputs, *outputs, *bad], None)
    years = [y for y in panel.years(inputs[0]) if (start is None or y >= start) and (end is None or y <= end)]
    _, wide = _wide(data, [*inputs, *outputs, *bad], years)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("Malmquist", total=len(years))
        res = malmquist(
            wide,
            inputs=inputs,
            outputs=outputs,
            undesirable=bad,
            rts=cast("RTS", rts),
            orientation=cast("Orientation", orientation),
            frontier=cast("Frontier", frontier),
            missing=cast('Literal["raise", "drop"]', missing),
            progress=lambda _t: bar.advance(task),
        )
    console.print(res.summary(), highlight=False)
    if len(res.dropped):
        console.print(res.dropped.to_string(index=False), highlight=False)
    if out is not None:
        path = write_table(res.to_frame(), out)
        done(f"写入 / written: {path}")
