"""The FastAPI application: ``create_app`` loads the results once; one handler maps every error to a status.

HTTP 接口：启动时载入（或读回）一次结果；所有错误由同一个处理函数转为带中英文说明的 JSON 与状态码。
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yindi.api.state import ApiState, build_state, load_state

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

    from yindi.data.panel import Panel
    from yindi.study.result import StudyResults
    from yindi.study.spec import Study

#: The dashboard's files (index.html, app.js, app.css), shipped in the package.
WEB_DIR = Path(__file__).resolve().parent.parent / "web"

DESCRIPTION = """因地 Yindi 的只读 HTTP 接口：分析流水线的结果（统一结果表结构）、地区档案、地图几何与下载。

Read-only HTTP API of Yindi: the pipeline's results in the one result schema (`region_code, region, level,
year, measure, value` + key columns), per-region profiles, map geometry and downloads. Errors are JSON
`{"error": {"type", "status", "message_zh", "message_en"}}`: 404 for unknown regions, nodes and tables, 422 for
invalid parameters, 400 otherwise."""


def status_for(exc: BaseException) -> int:
    """The HTTP status of a Yindi error: look-ups (unknown region, node, table) 404, invalid values 422,
    anything else 400."""
    if isinstance(exc, LookupError):
        return 404
    if isinstance(exc, (ValueError, TypeError)):
        return 422
    return 400


def _error_body(status: int, kind: str, en: str, zh: str) -> dict[str, Any]:
    return {"error": {"type": kind, "status": status, "message_zh": zh, "message_en": en}}


async def handle_error(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler: Yindi errors, request validation errors and HTTP errors (unknown routes,
    wrong methods) become bilingual JSON with a status code."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    from yindi.errors import YindiError, bilingual

    if isinstance(exc, YindiError):
        status = status_for(exc)
        en = str(exc)
        zh = bilingual(exc).split("\n", 1)[0]
        kind = type(exc).__name__
    elif isinstance(exc, RequestValidationError):
        status = 422
        parts = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()]
        en = "Invalid request parameter(s): " + "; ".join(parts)
        zh = "请求参数无效：" + "；".join(parts)
        kind = "RequestValidationError"
    elif isinstance(exc, HTTPException):
        status = exc.status_code
        en = str(exc.detail)
        zh = {404: "找不到该地址。", 405: "不支持该请求方法。"}.get(status, "请求无法处理。")
        kind = "HTTPException"
    else:  # pragma: no cover - registered only for the three kinds above
        raise exc
    headers = getattr(exc, "headers", None)
    return JSONResponse(_error_body(status, kind, en, zh), status_code=status, headers=headers)


def _require_fastapi() -> None:
    try:
        import fastapi  # noqa: F401
    except ImportError:
        from yindi.errors import ParameterError

        raise ParameterError(
            "The HTTP API needs the 'serve' extra: pip install 'yindi[serve]' (FastAPI and uvicorn).",
            zh="HTTP 接口需要可选依赖 serve：pip install 'yindi[serve]'（FastAPI 与 uvicorn）。",
        ) from None


def create_app(
    source: StudyResults | Study | str | Path | ApiState,
    *,
    panel: Panel | None = None,
    workspace: str | Path | None = None,
    nodes: Sequence[str] | None = None,
) -> FastAPI:
    """Build the application.

    Parameters
    ----------
    source : StudyResults, Study, path or ApiState
        Results already computed (``panel``: the data they were computed from, for indicators), a study to run,
        or a data source (pack folder, NBS export, ``workspace:NAME``) to run the default study on. Runs read
        stored results back from the workspace when the data and options are unchanged.
    panel : Panel, optional
        The data behind ``source`` when it is a :class:`StudyResults`.
    workspace : path, optional
        Workspace file holding datasets and stored results (default: ``$YINDI_WORKSPACE`` or ``./yindi.duckdb``).
    nodes : sequence of str, optional
        Run only these analyses (and those they read); default: every node.

    Returns
    -------
    FastAPI
        Read-only: every route is GET; the dashboard is served at ``/``.
    """
    _require_fastapi()
    from fastapi import FastAPI
    from fastapi.exceptions import RequestValidationError
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException

    from yindi import __version__
    from yindi.api.routes import router
    from yindi.errors import YindiError
    from yindi.study.result import StudyResults

    if isinstance(source, ApiState):
        state = source
    elif isinstance(source, StudyResults):
        state = build_state(source, panel)
    else:
        state = load_state(source, workspace=workspace, nodes=nodes)
    app = FastAPI(
        title="因地 Yindi API",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.yindi = state
    for kind in (YindiError, RequestValidationError, HTTPException):
        app.add_exception_handler(kind, handle_error)
    app.include_router(router)
    app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app
