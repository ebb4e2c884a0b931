"""Analysis nodes: each analysis is a function ``compute(scope, options, inputs) -> NodeResult | None``.

分析节点：每项分析是一个函数，输入（数据范围、选项、上游节点的结果）全部显式给出。

How to add a node
-----------------
1. Declare the analysis's options in ``src/yindi/<area>/options.py`` (an ``OptionTable`` passed to
   ``yindi.options.register``) and add the module to ``yindi.study.options.OPTION_MODULES``.
2. Write ``src/yindi/study/nodes/<name>.py`` with ``compute(scope, options, inputs)``: ``scope`` is a
   :class:`~yindi.study.scope.Scope` (the analysed units' panel, report year, seed, language, level),
   ``options`` the resolved values of the node's option tables (``options["index"]["weighting"]``), ``inputs``
   the results of the nodes it names in ``inputs`` (never the report). Call the library's public functions;
   return a :class:`~yindi.study.result.NodeResult` (named tables with string column names, JSON-able
   ``meta``, notes), ``None`` when the data lack what the node needs, or raise a ``YindiError``.
3. Add a ``Node`` line to :data:`NODES` below, after the nodes it reads. Bump ``version`` whenever the
   computation changes, so stored results of the old code are not reused.
4. Test the node's numbers in ``tests/study/`` against the library function or a hand computation.

A node's stored result is keyed by the data digest, the node's resolved options, the analysis set, the report
year and language, the seed (for ``seeded`` nodes), its version and the keys of its inputs — so changing one option recomputes exactly that
node and the nodes that read it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from yindi.study.result import NodeResult
from yindi.study.scope import Scope

Compute = Callable[[Scope, Mapping[str, Mapping[str, Any]], Mapping[str, NodeResult]], NodeResult | None]


@dataclass(frozen=True)
class Node:
    """One analysis in the pipeline.

    Attributes
    ----------
    name : str
        Node name (``StudyResults.results`` key).
    module : str
        Module (under ``yindi.study.nodes``) that defines ``compute``; imported only when the node runs.
    options : tuple of str
        Option tables the node reads (``[options.<name>]``); ``index_preset`` stands for the index preset alone
        (see :func:`yindi.study.levels.effective_options`).
    inputs : tuple of str
        Nodes whose results it reads; they come earlier in :data:`NODES`.
    seeded : bool
        Whether the node draws random numbers (its stored result is then keyed by the study's seed).
    version : int
        Bumped when the computation changes (invalidates stored results).
    optional : tuple of str
        Inputs the node can do without: when one of them has no result (the data lack what it needs), the
        node runs with it left out of ``inputs``. Any other input without a result skips the node, and the
        run says so in ``failures``.
    cost : float
        Rough seconds of a cold province-level run (measured in a worker, Dec 2026); only orders the work
        when nodes are computed in parallel (the longest chain of costs starts first,
        :func:`critical_path`). Never changes a result.
    """

    name: str
    module: str
    options: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    seeded: bool = False
    version: int = 1
    optional: tuple[str, ...] = ()
    cost: float = 0.1

    @property
    def compute(self) -> Compute:
        mod = importlib.import_module(f"yindi.study.nodes.{self.module}")
        fn: Compute = mod.compute
        return fn


#: Every node, in dependency order (a node's inputs come before it).
NODES: tuple[Node, ...] = (
    Node("coverage", "coverage", options=("report", "index_preset"), version=3, cost=0.15),
    Node("key_indicators", "key_indicators", options=("report", "index_preset"), version=2, cost=0.05),
    Node("index", "index", options=("index",), seeded=True, version=2, cost=0.17),
    Node("typology", "typology", options=("typology",), seeded=True, version=2, cost=0.26),
    Node("productivity", "productivity", options=("productivity",), version=2, cost=0.67),
    Node("structure", "structure", options=("structure",), cost=0.4),
    Node("sectors", "sectors", options=("structure",), cost=0.07),
    Node("weights", "weights", options=("weights",), cost=0.06),
    Node(
        "disparity",
        "disparity",
        options=("disparity", "index_preset"),
        inputs=("weights",),
        seeded=True,
        version=3,
        cost=0.58,
    ),
    Node(
        "spatial",
        "spatial",
        options=("spatial",),
        inputs=("disparity", "weights"),
        seeded=True,
        version=4,
        cost=0.17,
    ),
    Node("plan", "plan", options=("plan",), seeded=True, version=3, cost=0.54),
    Node(
        "coordinate",
        "coordinate",
        options=("coordinate",),
        inputs=("plan",),
        optional=("plan",),
        version=2,
        cost=0.43,
    ),
)


def node(name: str) -> Node:
    """The node called ``name`` (an unknown name is an error naming the closest)."""
    from yindi.errors import ParameterError
    from yindi.options import did_you_mean

    for n in NODES:
        if n.name == name:
            return n
    hint, _ = did_you_mean(name, [n.name for n in NODES])
    raise ParameterError(
        f"{name!r} is not an analysis node.{hint} Nodes: {', '.join(n.name for n in NODES)}.",
        zh=f"{name!r} 不是分析节点。可选：{', '.join(n.name for n in NODES)}。",
    )


def closure(names: tuple[str, ...] | None) -> tuple[Node, ...]:
    """The named nodes and every node they read, in dependency order (all nodes for ``None``)."""
    if names is None:
        return NODES
    wanted: set[str] = set()
    stack = list(names)
    while stack:
        n = node(stack.pop())
        if n.name not in wanted:
            wanted.add(n.name)
            stack.extend(n.inputs)
    return tuple(n for n in NODES if n.name in wanted)


def critical_path(nodes: tuple[Node, ...]) -> dict[str, float]:
    """Per node, its cost plus the costliest chain of nodes (among ``nodes``) that read it: the order in which
    ready nodes are started when several are computed at once (longest first)."""
    names = {n.name for n in nodes}
    path: dict[str, float] = {}
    for n in reversed(nodes):
        after = [path[m.name] for m in nodes if n.name in m.inputs and m.name in names]
        path[n.name] = n.cost + max(after, default=0.0)
    return path


def _check_order() -> None:
    seen: set[str] = set()
    for n in NODES:
        missing = [i for i in n.inputs if i not in seen]
        if missing:
            raise RuntimeError(f"node {n.name!r} reads {missing}, which must come before it in NODES")
        seen.add(n.name)


_check_order()
