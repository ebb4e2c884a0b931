"""Productivity: capital stock and growth accounting, DEA (radial, SBM, super-efficiency) and
Malmquist / Malmquist–Luenberger indices.

生产率：资本存量与增长核算、数据包络分析（径向、SBM、超效率）、Malmquist 与 Malmquist–Luenberger 指数。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.productivity.dea import dea, dea_frame
    from yindi.productivity.growth import (
        GrowthAccounting,
        capital_stock,
        growth_accounting,
        perpetual_inventory,
    )
    from yindi.productivity.malmquist import MalmquistResult, malmquist
    from yindi.productivity.results import DEAResult

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "dea": "yindi.productivity.dea",
        "dea_frame": "yindi.productivity.dea",
        "GrowthAccounting": "yindi.productivity.growth",
        "capital_stock": "yindi.productivity.growth",
        "growth_accounting": "yindi.productivity.growth",
        "perpetual_inventory": "yindi.productivity.growth",
        "MalmquistResult": "yindi.productivity.malmquist",
        "malmquist": "yindi.productivity.malmquist",
        "DEAResult": "yindi.productivity.results",
    },
)


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
