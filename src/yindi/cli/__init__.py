"""The ``yindi`` command (Typer). Thin adapters over the Python API: no computation lives here.

Start-up must stay fast (``yindi --help`` < 1 s): modules here import only Typer and Rich at the top;
NumPy, pandas and the models are imported inside the commands.
"""

from __future__ import annotations

import sys

import typer

from yindi.cli import (
    city_cmd,
    common,
    coordinate_cmd,
    data_cmd,
    disparity_cmd,
    index_cmd,
    plan_cmd,
    productivity_cmd,
    report_cmd,
    serve_cmd,
    structure_cmd,
    text_cmd,
)

app = typer.Typer(
    name="yindi",
    help="因地 Yindi — 因地制宜发展新质生产力：评估 → 布局 → 协同。\n\n"
    "Develop New Quality Productive Forces according to local conditions: evaluate → lay out → coordinate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

for _module in (
    report_cmd,
    data_cmd,
    index_cmd,
    productivity_cmd,
    structure_cmd,
    disparity_cmd,
    plan_cmd,
    coordinate_cmd,
    text_cmd,
    city_cmd,
    serve_cmd,
):
    _module.register(app)


def _show_version(value: bool) -> None:
    if value:
        from yindi import __version__

        typer.echo(f"yindi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        help="显示版本 / Show the version and exit.",
        is_eager=True,
        callback=_show_version,
    ),
) -> None:
    """因地 Yindi."""


_USAGE_ZH = {
    "NoSuchOption": "没有这个选项",
    "BadParameter": "参数取值无效",
    "BadOptionUsage": "选项用法有误",
    "BadArgumentUsage": "参数用法有误",
    "MissingParameter": "缺少必需的参数",
    "UsageError": "命令用法有误",
}


def _usage_error(exc: Exception) -> int:
    """A Click usage error (unknown option, bad or missing value) in Chinese and English, with the usage line."""
    kind = next((_USAGE_ZH[c.__name__] for c in type(exc).__mro__ if c.__name__ in _USAGE_ZH), "命令用法有误")
    ctx = getattr(exc, "ctx", None)
    usage = ctx.get_usage() if ctx is not None else ""
    hint = (
        f"（运行 {ctx.command_path} --help 查看用法 / run {ctx.command_path} --help）"
        if ctx is not None
        else ""
    )
    fmt = getattr(exc, "format_message", None)
    en = fmt() if callable(fmt) else str(exc)
    if usage:
        common.err_console.print(usage, highlight=False, markup=False)
    common.err_console.print("[bold red]错误 Error:[/bold red] ", end="")
    common.err_console.print(f"{kind}{hint}。\n{en}", highlight=False, markup=False, soft_wrap=True)
    return int(getattr(exc, "exit_code", 2) or 2)


def run(argv: list[str] | None = None) -> int:
    """Run the app on ``argv`` and return the exit code; every user error is one bilingual message, never a
    traceback (:class:`~yindi.errors.YindiError`, missing files, and Click's usage errors)."""
    import warnings

    from typer._click import exceptions as click_exc  # Typer ≥ 0.20 vendors Click as typer._click

    from yindi.errors import YindiError

    warnings.showwarning = common.show_warning
    try:
        result = app(args=argv, prog_name="yindi", standalone_mode=False)
    except (YindiError, FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError) as exc:
        return common.report_error(exc)
    except click_exc.UsageError as exc:
        return _usage_error(exc)
    except typer.Abort:
        common.err_console.print("已中止 / Aborted.")
        return 1
    except typer.Exit as exc:
        return int(exc.exit_code)
    return result if isinstance(result, int) else 0


def main() -> None:
    """Entry point: :func:`run` on the command line, exiting with its code."""
    sys.exit(run(sys.argv[1:]))
