"""``yindi dea`` and ``yindi malmquist``: efficiency and productivity change from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Optional, cast

import typer

from yindi._defaults import NATION_CODE
from yindi.cli.common import DATA_OPTION, console, done, load_data, missing_option, out_option

if TYPE_CHECKING:
    from yindi.productivity._options import RTS, Frontier, Orientation

IN_HELP = "投入指标（可重复）/ Input indicator id (repeatable)."
OUT_VAR_HELP = "期望产出指标（可重复）/ Desirable output indicator id (repeatable)."
BAD_HELP = "非期望产出（如 co2_emissions，可重复）/ Undesirable output, e.g. co2_emissions (repeatable)."
FILE_HELP = "输出文件 CSV/XLSX / Output file (.csv: scores; .xlsx: the full long table)."


def register(app: typer.Typer) -> None:
    """Add ``dea`` and ``malmquist`` to ``app``."""
    app.command("dea", help="数据包络分析效率 / DEA efficiency (radial CCR/BCC, SBM, super-efficiency).")(
        dea_cmd
    )
    app.command("malmquist", help="Malmquist / Malmquist–Luenberger 生产率指数 / productivity index.")(
        malmquist_cmd
    )


def _wide(panel: Any, cols: list[str], start: Optional[int], end: Optional[int]):  # type: ignore[no-untyped-def]
    """Region-period table of ``cols`` for the years of the first input within [start, end] (Malmquist input)."""
    from yindi.errors import ParameterError

    for c in cols:
        panel.indicator(c)  # clear error for unknown ids
    have = panel.years(cols[0])
    years = [y for y in have if (start is None or y >= start) and (end is None or y <= end)]
    if len(years) < 2:
        span = f"{have[0]}–{have[-1]}" if have else "none"
        raise ParameterError(
            f"yindi malmquist: fewer than two years of {cols[0]!r} in the range asked; it has {span}.",
            zh=f"yindi malmquist：所选范围内 {cols[0]!r} 不足两年数据；可用年份：{span}。",
        )
    wide = panel.wide(cols, years=years).reset_index()
    wide = wide[wide["region_code"] != NATION_CODE]  # a national total is not a decision-making unit
    if wide.empty or wide[cols].isna().all().all():
        from yindi.errors import MissingDataError

        have = sorted(set.intersection(*(set(panel.years(c)) for c in cols)))
        asked = ", ".join(map(str, years or []))
        raise MissingDataError(
            f"No values for {', '.join(cols)} in {asked or 'the years asked'}. Years where all of them have "
            f"values: {', '.join(map(str, have)) or 'none'}. Choose one with --from / --to.",
            zh=f"{asked or '所选年份'} 没有 {', '.join(cols)} 的数据。这些指标都有数据的年份："
            f"{', '.join(map(str, have)) or '无'}。请用 --from / --to 选择。",
        )
    return wide.rename(columns={"region_code": "region", "year": "period"})


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
    outputs: list[str] = typer.Option(..., "--output-var", help=OUT_VAR_HELP),
    undesirable: Optional[list[str]] = typer.Option(None, "--undesirable", "-b", help=BAD_HELP),
    year: int = typer.Option(..., "--year", "-y", help="年份 / Year."),
    rts: str = typer.Option("crs", help="规模报酬 / Returns to scale: crs, vrs, nirs, ndrs."),
    orientation: str = typer.Option("input", help="导向 / Orientation: input, output."),
    model: str = typer.Option("radial", help="模型 / Model: radial, sbm."),
    super_efficiency: bool = typer.Option(
        False, "--super", help="超效率 / Andersen–Petersen super-efficiency."
    ),
    missing: str = missing_option(("error", "drop")),
    out: Optional[Path] = out_option(FILE_HELP),
) -> None:
    """Efficiency of every region in one year."""
    from yindi.productivity import dea_frame
    from yindi.report.export import write_table

    res = dea_frame(
        load_data(data),
        inputs=inputs,
        outputs=outputs,
        undesirable=list(undesirable or []),
        year=year,
        missing=missing,
        rts=rts,
        orientation=orientation,
        model=model,
        super_efficiency=super_efficiency,
    )
    if res.dropped:
        names = ", ".join(_region_name(u) for u in res.dropped)
        console.print(f"[yellow]剔除缺失 / left out for missing values:[/yellow] {names}", highlight=False)
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
    outputs: list[str] = typer.Option(..., "--output-var", help=OUT_VAR_HELP),
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
    missing: str = missing_option(("error", "drop")),
    out: Optional[Path] = out_option("输出文件 CSV/XLSX / Output file (.csv or .xlsx)."),
) -> None:
    """Productivity change between consecutive years, decomposed into efficiency and technical change."""
    from rich.progress import Progress

    from yindi.productivity import malmquist
    from yindi.report.export import write_table

    bad = list(undesirable or [])
    wide = _wide(load_data(data), [*inputs, *outputs, *bad], start, end)
    years = sorted(set(wide["period"]))
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
            missing=cast('Literal["error", "drop"]', missing),
            progress=lambda _t: bar.advance(task),
        )
    console.print(res.summary(), highlight=False)
    if len(res.dropped):
        console.print(res.dropped.to_string(index=False), highlight=False)
    if out is not None:
        path = write_table(res.to_frame(), out)
        done(f"写入 / written: {path}")
