"""Regions of China: the registry (names, codes, levels), groupings and boundaries.

地区：名称、代码（GB/T 2260）、层级、分组与边界。
"""

from __future__ import annotations

from yindi.regions.registry import NON_MAINLAND, TIBET, Region, Registry, registry, resolve

__all__ = ["NON_MAINLAND", "TIBET", "Region", "Registry", "registry", "resolve"]

from yindi.regions.groupings import (
    GROUPINGS,
    STRATEGIC,
    Grouping,
    StrategicRegion,
    grouping,
    strategic_region,
)

__all__ += ["GROUPINGS", "STRATEGIC", "Grouping", "StrategicRegion", "grouping", "strategic_region"]
