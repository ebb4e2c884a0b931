"""Industrial structure, comparative advantage and economic complexity (产业结构、比较优势与经济复杂度).

Read a region × activity × period table (:func:`read_activity_table`, :func:`read_sector_electricity`), then:
manufacturing tiers of source 003 (:func:`tier_shares`), specialisation and similarity
(:func:`specialisation`), complexity and relatedness (:func:`complexity`) and the opportunity view
(:func:`opportunities`).
"""

from __future__ import annotations

from yindi.structure.complexity import ComplexityResult, complexity
from yindi.structure.concordance import TIER_NAMES, TIERS, ceads_concordance, manufacturing_tiers, tier_shares
from yindi.structure.electricity import (
    ELECTRICITY_PROXY_NOTE,
    ELECTRICITY_PROXY_NOTE_EN,
    ELECTRICITY_PROXY_NOTE_ZH,
    read_sector_electricity,
)
from yindi.structure.opportunity import national_growth, opportunities
from yindi.structure.specialisation import SpecialisationResult, specialisation
from yindi.structure.table import ActivityTable, read_activity_table

__all__ = [
    "ELECTRICITY_PROXY_NOTE",
    "ELECTRICITY_PROXY_NOTE_EN",
    "ELECTRICITY_PROXY_NOTE_ZH",
    "TIERS",
    "TIER_NAMES",
    "ActivityTable",
    "ComplexityResult",
    "SpecialisationResult",
    "ceads_concordance",
    "complexity",
    "manufacturing_tiers",
    "national_growth",
    "opportunities",
    "read_activity_table",
    "read_sector_electricity",
    "specialisation",
    "tier_shares",
]
