"""Shared CLI plumbing: the console, data loading, error display, output paths."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from yindi._defaults import DEFAULT_SEED

if TYPE_CHECKING:
    import pandas as pd
    from rich.progress import Progress

    from yindi.data.panel import Panel

console = Console(stderr=False)
err_console = Console(stderr=True)

DATA_HELP = (
    "数据：数据包文件夹（含 panel.csv）、国家统计局导出文件或 workspace:名称 / "
    "Data: a pack folder (with panel.csv), an NBS export file, or workspace:NAME."
)
#: The ``--data`` option of every method command (required; falls back to $YINDI_DATA).
DATA_OPTION = typer.Option(..., "--data", "-d", help=DATA_HELP, envvar="YINDI_DATA")

LANG_HELP = "报告语言 / Language: zh (默认 default) or en."

# --- shared option definitions (one spelling per concept across commands) ---------------------------------

OUT_HELP = (
    "输出文件（.csv 主表 / .xlsx 全部表格）；不给则只显示 / Output file (.csv: main table; .xlsx: every table); "
    "without it results are only printed."
)


def _check_lang(value: str) -> str:
    """Every ``--lang`` is checked here, once: only ``zh`` and ``en`` (a bilingual error otherwise)."""
    from yindi.errors import check_option

    check_option("lang", value, ("zh", "en"), where="--lang")
    return value


def lang_option(help: str = LANG_HELP, *, short: bool = True) -> Any:
    """``--lang`` (and ``-l`` unless ``short=False``), default ``zh``, validated before the command runs."""
    names = ("--lang", "-l") if short else ("--lang",)
    return typer.Option("zh", *names, help=help, callback=_check_lang)


def out_option(help: str = OUT_HELP) -> Any:
    """``-o/--out``: always where output goes (a file, or a folder where a command says so)."""
    return typer.Option(None, "--out", "-o", help=help)


SEED_HELP = (
    f"随机种子（默认 {DEFAULT_SEED}，与研究设定一致）/ Random seed (default {DEFAULT_SEED}, as in a study)."
)


def seed_option() -> Any:
    """``--seed`` with the one default seed of Yindi (:data:`yindi._defaults.DEFAULT_SEED`)."""
    return typer.Option(DEFAULT_SEED, "--seed", help=SEED_HELP)


_MISSING_WORDS = {
    "error": "error 报错",
    "drop": "drop 剔除并报告 / leave out, reported",
    "zero": "zero 按 0 计并报告 / count as 0, reported",
    "interpolate": "interpolate 线性插值 / interpolate",
    "drop_indicator": "drop_indicator 剔除该指标 / leave the indicator out",
}


def missing_option(choices: Sequence[str], default: str = "error") -> Any:
    """``--missing``: the one missing-value vocabulary (:mod:`yindi._missing`), with this command's choices."""
    listed = "; ".join(_MISSING_WORDS[c] for c in choices)
    return typer.Option(default, "--missing", help=f"缺失值 / Missing values ({listed}); default {default}.")


def indicator_option(help: str = "指标代码 / Indicator id, e.g. rd_intensity.") -> Any:
    """``--indicator``: an indicator id (no short flag: ``-i`` is DEA's ``--input``)."""
    return typer.Option(..., "--indicator", help=help)


TIBET_HELP = "排除西藏（30 省）/ Leave out Tibet (30 provinces); default: include."


def tibet_option() -> Any:
    """``--exclude-tibet/--include-tibet`` (default include)."""
    return typer.Option(False, "--exclude-tibet/--include-tibet", help=TIBET_HELP)


def report_error(exc: BaseException) -> int:
    """Print an error without a traceback, in Chinese then English (:func:`yindi.errors.bilingual`); return
    exit code 1."""
    from yindi.errors import bilingual

    err_console.print("[bold red]错误 Error:[/bold red] ", end="")
    err_console.print(bilingual(exc), highlight=False, markup=False, soft_wrap=True)
    return 1


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """``warnings.showwarning`` of the CLI: the warning in Chinese then English, without Python's file and
    source line (``dea.py:296 … return dea(``)."""
    from yindi.errors import bilingual_warning

    err_console.print("[bold yellow]警告 Warning:[/bold yellow] ", end="")
    err_console.print(bilingual_warning(message, category), highlight=False, markup=False, soft_wrap=True)


def load_data(source: str) -> Panel:
    """Load a panel from any source the CLI accepts (see :func:`yindi.data.load`)."""
    from yindi.data import load

    return load(source)


def out_path(path: Path, default_name: str) -> Path:
    """A file path: ``path`` itself if it has a suffix, otherwise ``path/default_name``."""
    if path.suffix:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    path.mkdir(parents=True, exist_ok=True)
    return path / default_name


def done(message: str) -> None:
    console.print(f"[green]✓[/green] {message}", highlight=False)


def write_output(tables: Mapping[str, pd.DataFrame], out: Path, notes: Sequence[str] | None = None) -> Path:
    """Write a command's tables: to ``.xlsx`` every table (one sheet each, plus a 'notes' sheet when there are
    notes are given); to any other suffix (``.csv``) the first table, with the notes in ``<name>.notes.txt``.
    Exports are formula-injection safe (:mod:`yindi.report.export`)."""
    import pandas as pd

    from yindi.report.export import TABLE_SUFFIXES, write_excel, write_table

    if out.suffix and out.suffix.lower() not in TABLE_SUFFIXES:
        write_table(next(iter(tables.values())), out)  # raises the one clear error about the suffix
    if out.suffix.lower() == ".xlsx":
        sheets = dict(tables)
        if notes is not None:
            sheets["notes"] = pd.DataFrame({"note": list(notes)})
        return write_excel(sheets, out)
    target = write_table(next(iter(tables.values())), out)
    if notes is not None:
        target.with_suffix(".notes.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return target


def progress_bar(*, transient: bool = True, counts: bool = False) -> Progress:
    """The one progress-bar layout of the CLI: spinner, description, bar, [done/total,] elapsed time."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
    if counts:
        columns.append(TextColumn("{task.completed}/{task.total}"))
    columns.append(TimeElapsedColumn())
    return Progress(*columns, console=console, transient=transient)
