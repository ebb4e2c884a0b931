"""Read-only HTTP API (FastAPI) over the pipeline's stored results, and the dashboard it serves at ``/``.

只读 HTTP 接口：提供分析流水线已存储结果的 JSON、地区档案、地图几何与下载；仪表盘由同一应用提供。
Needs the optional ``serve`` extra (``pip install 'yindi[serve]'``). Start it with ``yindi serve --data DIR``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yindi.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:  # FastAPI is optional: import it only when the app is built
    if name == "create_app":
        from yindi.api.app import create_app

        return create_app
    raise AttributeError(name)
