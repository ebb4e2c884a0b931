"""``yindi serve``: the read-only HTTP API and the dashboard (needs the ``serve`` extra: FastAPI, uvicorn).

浏览结果：启动只读 HTTP 接口与仪表盘（默认只监听本机 127.0.0.1）。
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from yindi.cli.common import DATA_OPTION, console


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)


def serve(
    data: str = DATA_OPTION,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="监听地址（默认仅本机） / Address to bind (default: this machine only).",
    ),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="端口 / Port."),
    workspace: Optional[Path] = typer.Option(
        None,
        "--workspace",
        "-w",
        help="工作区文件（已存储的分析结果；默认 $YINDI_WORKSPACE 或 ./yindi.duckdb） / Workspace with stored "
        "results (default $YINDI_WORKSPACE or ./yindi.duckdb).",
    ),
) -> None:
    """启动只读接口与仪表盘 / Serve the results (read-only JSON API) and the dashboard in the browser."""
    from yindi.errors import ParameterError

    try:
        import uvicorn
    except ImportError:
        raise ParameterError(
            "yindi serve needs the 'serve' extra: pip install 'yindi[serve]' (FastAPI and uvicorn).",
            zh="yindi serve 需要可选依赖 serve：pip install 'yindi[serve]'（FastAPI 与 uvicorn）。",
        ) from None
    from yindi.api import create_app

    console.print("载入结果 / Loading results …", highlight=False)
    app = create_app(data, workspace=workspace)
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(
            f"[yellow]注意 / Notice:[/yellow] 监听 {host}，其他计算机可以访问 / binding {host}: other machines "
            "can reach the server.",
            highlight=False,
        )
    console.print(
        f"[green]✓[/green] 仪表盘 / Dashboard: http://{host}:{port}/  ·  API: http://{host}:{port}/api/docs"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
