"""``yindi structure``: manufacturing tiers, specialisation and similarity, complexity, opportunities.

Input is a region × activity × period table: the data pack's ``sector_electricity.csv`` (or the pack folder
holding it), or any long CSV/Excel/Parquet table with ``--region/--activity/--period/--value`` column roles.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from yindi.cli.common import console, done, missing_option, out_option, progress_bar, write_output

if TYPE_CHECKING:
    import pandas as pd

    from yindi.structure import ActivityTable

structure_app = typer.Typer(
    help="产业结构、比较优势与经济复杂度 / Industrial structure, comparative advantage and economic complexity.",
    no_args_is_help=True,
)

DATA_ARG = typer.Option(
    ...,
    "--data",
    "-d",
    envvar="YINDI_DATA",
    help="地区×行业×时期表：数据包文件夹、sector_electricity.csv 或长表文件 / A pack folder, sector_electricity.csv, "
    "or a long table file (CSV/Excel/Parquet).",
)
REGION_OPT = typer.Option("region", "--region", help="地区列 / Region column (long tables).")
ACTIVITY_OPT = typer.Option("activity", "--activity", help="行业列 / Activity column (long tables).")
PERIOD_OPT = typer.Option("year", "--period", help="时期（年份）列 / Period (year) column (long tables).")
VALUE_OPT = typer.Option("value", "--value", help="数值列 / Value column (long tables).")
MISSING_OPT = missing_option(("error", "zero"))
EMPTY_OPT = typer.Option(
    "drop",
    "--empty",
    help="某期合计为零的地区/行业：drop（报告）或 error / Zero-total rows in a period: drop (reported) or error.",
)
OUT_OPT = out_option("输出表格 (.csv/.xlsx) / Write the full table to this file.")
YEAR_OPT = typer.Option(None, "--year", help="年份（默认最新）/ Period (default: the latest).")


def register(app: typer.Typer) -> None:
    app.add_typer(structure_app, name="structure")


@contextmanager
def _quiet() -> Iterator[None]:
    """Exclusions are printed as notes under each table, so their DataRepairWarnings are not repeated."""
    from yindi.errors import DataRepairWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)
        yield


@contextmanager
def _periods_bar(n: int) -> Iterator[Callable[[int], None]]:
    """A transient progress bar over the periods of a complexity run."""
    with progress_bar() as bar:
        task = bar.add_task("经济复杂度 / complexity", total=n)
        yield lambda period: bar.update(task, advance=1, description=f"经济复杂度 / complexity {period}")


def _load(data: Path, region: str, activity: str, period: str, value: str, missing: str) -> ActivityTable:
    from yindi._missing import check_missing
    from yindi.structure import read_activity_table, read_sector_electricity

    check_missing(missing, ("error", "zero"), where="yindi structure")  # also for a pack, which has no gaps
    if data.is_dir() or data.name == "sector_electricity.csv":
        return read_sector_electricity(data)
    return read_activity_table(
        data,
        region=region,
        activity=activity,
        period=period,
        value=value,
        missing=missing,  # type: ignore[arg-type]
    )


def _write(frame: pd.DataFrame, out: Path, notes: tuple[str, ...]) -> None:
    """Write the table; its notes (the proxy caveat, every exclusion) go in a 'notes' sheet or a .notes.txt file."""
    target = write_output({out.stem: frame}, out, notes)
    where = "sheet 'notes'" if target.suffix.lower() == ".xlsx" else target.with_suffix(".notes.txt").name
    done(f"written {target} (notes in {where})")


def _show(
    frame: pd.DataFrame,
    title: str,
    out: Optional[Path],
    notes: tuple[str, ...],
    rows: int = 15,
    columns: Optional[list[str]] = None,
) -> None:
    from rich.table import Table

    shown = frame if columns is None else frame[columns]
    table = Table(title=title, show_lines=False)
    for col in shown.columns:
        table.add_column(str(col), overflow="fold")
    for rec in shown.head(rows).itertuples(index=False):
        table.add_row(*[f"{v:.3f}" if isinstance(v, float) else str(v) for v in rec])
    console.print(table)
    if len(frame) > rows:
        console.print(f"… {len(frame) - rows} more row(s); use --out to write them all.", highlight=False)
    for n in notes:
        console.print(f"[dim]注 Note: {n}[/dim]", highlight=False)
    if out is not None:
        _write(frame, out, notes)


@structure_app.command("tiers")
def tiers_cmd(
    data: Path = DATA_ARG,
    region: str = REGION_OPT,
    activity: str = ACTIVITY_OPT,
    period: str = PERIOD_OPT,
    value: str = VALUE_OPT,
    missing: str = MISSING_OPT,
    out: Optional[Path] = OUT_OPT,
) -> None:
    """制造业四档份额及其变化（来源 003 注①）/ Manufacturing tier shares and their change (source 003 note ①)."""
    from yindi.structure import tier_shares

    with _quiet():
        t = _load(data, region, activity, period, value, missing)
        s = tier_shares(t)
    last = s[s["period"] == s["period"].max()]
    wide = last.pivot_table(index="region", columns="tier", values="share").reset_index()
    _show(wide, f"Tier shares {int(s['period'].max())}", None, t.all_notes(), rows=40)
    if out is not None:
        _write(s, out, t.all_notes())


@structure_app.command("specialisation")
def specialisation_cmd(
    data: Path = DATA_ARG,
    region: str = REGION_OPT,
    activity: str = ACTIVITY_OPT,
    period: str = PERIOD_OPT,
    value: str = VALUE_OPT,
    missing: str = MISSING_OPT,
    empty: str = EMPTY_OPT,
    lq_threshold: float = typer.Option(
        1.0, "--lq-threshold", help="区位商阈值 / LQ ≥ this marks a specialisation."
    ),
    out: Optional[Path] = OUT_OPT,
) -> None:
    """区位商、Hachman、Krugman、HHI、熵 / LQ, Hachman, Krugman, HHI and entropy per region (all periods to --out)."""
    from yindi.structure import specialisation

    with _quiet():
        t = _load(data, region, activity, period, value, missing)
        res = specialisation(t, empty=empty, lq_threshold=lq_threshold)  # type: ignore[arg-type]
    reg = res.regions[res.regions["period"] == res.periods[-1]].sort_values("krugman")
    cols = ["region", "krugman", "hachman", "hhi", "entropy", "n_specialised"]
    _show(reg, f"Specialisation {res.periods[-1]}", None, res.notes, rows=40, columns=cols)
    if out is not None:
        _write(res.cells, out, res.notes)


@structure_app.command("similarity")
def similarity_cmd(
    data: Path = DATA_ARG,
    region: str = REGION_OPT,
    activity: str = ACTIVITY_OPT,
    period: str = PERIOD_OPT,
    value: str = VALUE_OPT,
    missing: str = MISSING_OPT,
    empty: str = EMPTY_OPT,
    year: Optional[int] = YEAR_OPT,
    top: int = typer.Option(
        3, "--top", help="每个地区列出的最相似地区数 / Most similar regions listed per region."
    ),
    out: Optional[Path] = OUT_OPT,
) -> None:
    """同质化表：结构相似系数 / Homogeneity: each region's most similar regions (UNIDO similarity)."""
    from yindi.structure import specialisation

    with _quiet():
        t = _load(data, region, activity, period, value, missing)
        res = specialisation(t, empty=empty)  # type: ignore[arg-type]
    hom = res.homogeneity(year, top=top)
    cols = ["region", "mean_similarity", "rank", "peer", "similarity"]
    _show(hom, "Homogeneity (structural similarity)", out, res.notes, rows=30, columns=cols)


@structure_app.command("complexity")
def complexity_cmd(
    data: Path = DATA_ARG,
    region: str = REGION_OPT,
    activity: str = ACTIVITY_OPT,
    period: str = PERIOD_OPT,
    value: str = VALUE_OPT,
    missing: str = MISSING_OPT,
    empty: str = EMPTY_OPT,
    rca_threshold: float = typer.Option(1.0, "--rca-threshold", help="RCA 阈值 / Presence where RCA ≥ this."),
    min_region_total: float = typer.Option(
        0.0, "--min-region-total", help="地区最小合计 / Leave out smaller regions (reported)."
    ),
    min_activity_total: float = typer.Option(
        0.0, "--min-activity-total", help="行业最小合计 / Leave out smaller activities (reported)."
    ),
    out: Optional[Path] = OUT_OPT,
) -> None:
    """经济复杂度 ECI/PCI、关联密度、COI/COG / Economic complexity and relatedness (cells to --out)."""
    from yindi.structure import complexity

    with _quiet():
        t = _load(data, region, activity, period, value, missing)
        with _periods_bar(len(t.periods)) as step:
            res = complexity(
                t,
                rca_threshold=rca_threshold,
                empty=empty,  # type: ignore[arg-type]
                min_region_total=min_region_total,
                min_activity_total=min_activity_total,
                progress=step,
            )
    reg = res.regions[res.regions["period"] == res.periods[-1]].sort_values("eci", ascending=False)
    _show(
        reg, f"ECI {res.periods[-1]}", None, res.notes, rows=40, columns=["region", "diversity", "eci", "coi"]
    )
    if out is not None:
        cells = res.cells.merge(res.regions, on=["period", "region_code", "region"]).merge(
            res.activities, on=["period", "activity"]
        )
        _write(cells, out, res.notes)


@structure_app.command("opportunities")
def opportunities_cmd(
    data: Path = DATA_ARG,
    region: str = REGION_OPT,
    activity: str = ACTIVITY_OPT,
    period: str = PERIOD_OPT,
    value: str = VALUE_OPT,
    missing: str = MISSING_OPT,
    empty: str = EMPTY_OPT,
    of: Optional[str] = typer.Option(
        None, "--of", help="只看这个地区（名称或代码）/ Only this region (name or code)."
    ),
    attractiveness: str = typer.Option(
        "pci", "--attractiveness", help="吸引力：pci、cog 或 growth / pci, cog or growth."
    ),
    top: int = typer.Option(5, "--top", help="每个地区的机会数 / Opportunities per region."),
    out: Optional[Path] = OUT_OPT,
) -> None:
    """机会视图：可行性（关联密度）× 吸引力 / Opportunities: feasibility (density) × attractiveness."""
    from yindi.errors import ParameterError
    from yindi.structure import complexity, national_growth, opportunities

    with _quiet():
        t = _load(data, region, activity, period, value, missing)
        with _periods_bar(len(t.periods)) as step:
            res = complexity(t, empty=empty, progress=step)  # type: ignore[arg-type]
    growth = national_growth(t.frame) if len(t.periods) > 1 else None
    opp = opportunities(res, attractiveness=attractiveness, growth=growth, top=top)
    if of is not None:
        code = of
        try:
            from yindi.regions import registry

            code = registry().resolve(of).adcode
        except (LookupError, ValueError):
            pass
        match = opp[(opp["region"] == of) | (opp["region_code"] == of) | (opp["region_code"] == code)]
        if match.empty:
            raise ParameterError(
                f"--of {of!r}: no such region in the table; use a name or code as in the data.",
                zh=f"--of {of!r}：表中没有该地区；请使用数据中的名称或代码。",
            )
        opp = match
    cols = ["region", "activity", "density", "pci", "cog", "score", "rank"]
    _show(opp, f"Opportunities {res.periods[-1]} ({attractiveness})", out, res.notes, rows=30, columns=cols)
