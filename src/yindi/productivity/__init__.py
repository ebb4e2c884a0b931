"""Productivity: capital stock and growth accounting, DEA (radial, SBM, super-efficiency) and
Malmquist / Malmquist–Luenberger indices.

生产率：资本存量与增长核算、数据包络分析（径向、SBM、超效率）、Malmquist 与 Malmquist–Luenberger 指数。
"""

from __future__ import annotations

from yindi.productivity.dea import dea, dea_frame
from yindi.productivity.growth import (
    GrowthAccounting,
    capital_stock,
    growth_accounting,
    perpetual_inventory,
)
from yindi.productivity.malmquist import MalmquistResult, malmquist
from yindi.productivity.results import DEAResult

__all__ = [
    "DEAResult",
    "GrowthAccounting",
    "MalmquistResult",
    "capital_stock",
    "dea",
    "dea_frame",
    "growth_accounting",
    "malmquist",
    "perpetual_inventory",
]
