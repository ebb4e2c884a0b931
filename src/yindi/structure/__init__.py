"""Industrial structure, comparative advantage and economic complexity (产业结构、比较优势与经济复杂度).

Read a region × activity × period table (:func:`read_activity_table`, :func:`read_sector_electricity`), then:
manufacturing tiers of source 003 (:func:`tier_shares`), specialisation and similarity
(:func:`specialisation`), complexity and relatedness (:func:`complexity`) and the opportunity view
(:func:`opportunities`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.structure.complexity import ComplexityResult, complexity
    from yindi.structure.concordance import (
        TIER_NAMES,
        TIERS,
        ceads_concordance,
        manufacturing_tiers,
        tier_shares,
    )
    from yindi.structure.electricity import (
        ELECTRICITY_PROXY_NOTE,
        ELECTRICITY_PROXY_NOTE_EN,
        ELECTRICITY_PROXY_NOTE_ZH,
        read_sector_electricity,
    )
    from yindi.structure.opportunity import national_growth, opportunities
    from yindi.structure.specialisation import SpecialisationResult, specialisation
    from yindi.structure.table import ActivityTable, read_activity_table

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "ComplexityResult": "yindi.structure.complexity",
        "complexity": "yindi.structure.complexity",
        "TIER_NAMES": "yindi.structure.concordance",
        "TIERS": "yindi.structure.concordance",
        "ceads_concordance": "yindi.structure.concordance",
        "manufacturing_tiers": "yindi.structure.concordance",
        "tier_shares": "yindi.structure.concordance",
        "ELECTRICITY_PROXY_NOTE": "yindi.structure.electricity",
        "ELECTRICITY_PROXY_NOTE_EN": "yindi.structure.electricity",
        "ELECTRICITY_PROXY_NOTE_ZH": "yindi.structure.electricity",
        "read_sector_electricity": "yindi.structure.electricity",
        "national_growth": "yindi.structure.opportunity",
        "opportunities": "yindi.structure.opportunity",
        "SpecialisationResult": "yindi.structure.specialisation",
        "specialisation": "yindi.structure.specialisation",
        "ActivityTable": "yindi.structure.table",
        "read_activity_table": "yindi.structure.table",
    },
)


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
