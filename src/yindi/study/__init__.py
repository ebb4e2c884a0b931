"""The study layer: choices (:class:`Study`) → nodes → stored results (:class:`StudyResults`).

研究层：研究设定 → 分析节点 → 存储的结果。报告、命令行和 HTTP 接口只渲染 ``StudyResults``。

``run(study)`` loads the data, resolves the analysis set, runs every analysis node in dependency order (or reads
its stored result from the workspace when the data, options and analysis set are unchanged) and returns the
results. See ``yindi.study.nodes`` for how to add a node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yindi.study.pipeline import run
    from yindi.study.result import NodeResult, StudyResults
    from yindi.study.spec import Study

__all__ = ["NodeResult", "Study", "StudyResults", "run"]


def __getattr__(name: str) -> Any:  # load on first use: `yindi.study.options` stays free of NumPy/pandas
    if name == "Study":
        from yindi.study.spec import Study

        return Study
    if name == "run":
        from yindi.study.pipeline import run

        return run
    if name in ("NodeResult", "StudyResults"):
        from yindi.study import result

        return getattr(result, name)
    raise AttributeError(name)
