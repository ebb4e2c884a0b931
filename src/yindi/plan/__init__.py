"""Lay out (布局): a three-tier industry portfolio for every region, what not to do, and herding alerts.

布局：为每个地区给出传统产业升级、战略性新兴产业培育、未来产业前瞻布局的组合，“有所为有所不为”清单，
以及“一哄而上”预警。Modules: :mod:`~yindi.plan.taxonomy` (industries), :mod:`~yindi.plan.evidence` (capability
evidence), :mod:`~yindi.plan.portfolio` (decisions), :mod:`~yindi.plan.herding`, :mod:`~yindi.plan.modes`.
"""

from __future__ import annotations

from yindi.plan.taxonomy import Industry, IndustryNotFoundError, Taxonomy, load_taxonomy

__all__ = ["Industry", "IndustryNotFoundError", "Taxonomy", "load_taxonomy"]
