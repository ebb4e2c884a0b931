"""The ``yindi`` command (Typer). Thin adapters over the Python API: no computation lives here.

Start-up must stay fast (``yindi --help`` < 1 s): modules here import only Typer and Rich at the top;
NumPy, pandas and the models are imported inside the commands.
"""

from __future__ import annotations

import sys

import typer

from yindi.cli import (
    common,
    data_cmd,
    disparity_cmd,
    index_cmd,
    productivity_cmd,
    report_cmd,
    serve_cmd,
    structure_cmd,
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

for _module in (report_cmd, data_cmd, index_cmd, productivity_cmd, structure_cmd, disparity_cmd, serve_cmd):
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


def main() -> None:
    """Entry point: run the app, turning :class:`~yindi.errors.YindiError` into a message and exit code 1."""
    from yindi.errors import YindiError

    try:
        app()
    except (YindiError, FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        sys.exit(common.report_error(exc))
