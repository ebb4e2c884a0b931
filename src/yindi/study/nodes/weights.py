"""Node 'weights': contiguity weights between the analysed units, at the study's level.

空间权重：按研究的地区层级（省、市、县）构建分析单元之间的邻接权重。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from yindi.study.result import NodeResult
from yindi.study.scope import Scope

if TYPE_CHECKING:
    from yindi.spatial import Weights


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult:
    """Contiguity among the analysed units the data cover (an island's nearest unit is taken among them).

    Table ``links`` (``region_code, neighbor_code, weight``: binary contiguity); meta ``ids``, ``kind``,
    ``attached`` (island → nearest links added), ``islands`` (units still without neighbours)."""
    from yindi.spatial import contiguity

    opt = options["weights"]
    units = list(scope.panel.region_codes) or list(scope.codes)  # the units the data cover
    w = contiguity(scope.level, opt["contiguity"], regions=units, islands=opt["islands"])
    meta = {
        "ids": list(w.ids),
        "kind": w.kind,
        "attached": [list(p) for p in w.attached],
        "islands": list(w.islands),
    }
    return NodeResult("weights", {"links": w.to_frame()}, meta)


def weights_of(result: NodeResult) -> Weights:
    """The :class:`~yindi.spatial.Weights` object stored in a 'weights' result."""
    from yindi.spatial import Weights

    links = result.tables["links"]
    neighbors: dict[str, list[str]] = {str(c): [] for c in result.meta["ids"]}
    for code, nb in zip(links["region_code"], links["neighbor_code"], strict=True):
        neighbors[str(code)].append(str(nb))
    w = Weights.from_neighbors(neighbors, kind=str(result.meta["kind"]))
    return replace(w, attached=tuple((str(a), str(b)) for a, b in result.meta["attached"]))
