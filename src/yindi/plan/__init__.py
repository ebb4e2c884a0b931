"""Lay out (布局): a three-tier industry portfolio for every region, what not to do, and herding alerts.

布局：为每个地区给出传统产业升级、战略性新兴产业培育、未来产业前瞻布局的组合，“有所为有所不为”清单，
以及“一哄而上”预警。Modules: :mod:`~yindi.plan.taxonomy` (industries), :mod:`~yindi.plan.evidence` (capability
evidence), :mod:`~yindi.plan.portfolio` (decisions), :mod:`~yindi.plan.lists`, :mod:`~yindi.plan.herding`,
:mod:`~yindi.plan.modes`, :mod:`~yindi.plan.run` (everything at once). Methods: docs/methods/plan.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.plan.evidence import Evidence, build_evidence
    from yindi.plan.herding import Herding, herding
    from yindi.plan.lists import Lists, do_dont_lists
    from yindi.plan.modes import Modes, development_modes
    from yindi.plan.portfolio import Portfolio, plan_portfolio
    from yindi.plan.run import PlanResults, compute_plan
    from yindi.plan.taxonomy import Industry, IndustryNotFoundError, Taxonomy, load_taxonomy

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "Evidence": "yindi.plan.evidence",
        "build_evidence": "yindi.plan.evidence",
        "Herding": "yindi.plan.herding",
        "herding": "yindi.plan.herding",
        "Lists": "yindi.plan.lists",
        "do_dont_lists": "yindi.plan.lists",
        "Modes": "yindi.plan.modes",
        "development_modes": "yindi.plan.modes",
        "Portfolio": "yindi.plan.portfolio",
        "plan_portfolio": "yindi.plan.portfolio",
        "PlanResults": "yindi.plan.run",
        "compute_plan": "yindi.plan.run",
        "Industry": "yindi.plan.taxonomy",
        "IndustryNotFoundError": "yindi.plan.taxonomy",
        "Taxonomy": "yindi.plan.taxonomy",
        "load_taxonomy": "yindi.plan.taxonomy",
    },
)


__all__ = [
    "Evidence",
    "Herding",
    "Industry",
    "IndustryNotFoundError",
    "Lists",
    "Modes",
    "PlanResults",
    "Portfolio",
    "Taxonomy",
    "build_evidence",
    "compute_plan",
    "development_modes",
    "do_dont_lists",
    "herding",
    "load_taxonomy",
    "plan_portfolio",
]
