"""Optional dependencies of :mod:`yindi.text`, imported on first use with an error that names the extra.

文本分析的可选依赖（jieba、pypdf）在首次使用时导入；缺失时报错并给出安装命令。
"""

from __future__ import annotations

import importlib
from types import ModuleType

from yindi.errors import YindiError


class MissingExtraError(YindiError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""


def require(module: str, package: str, purpose_en: str, purpose_zh: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``pip install 'yindi[text]'``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{purpose_en} needs the package {package!r}, which is not installed. "
            "Install the text extra: pip install 'yindi[text]'",
            zh=f"{purpose_zh}需要 {package!r} 包，但未安装。请安装文本分析扩展：pip install 'yindi[text]'",
        ) from None
