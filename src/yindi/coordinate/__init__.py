"""Coordinate (协同): innovation sources and carriers, pairs of regions with explained scores, corridors.

区域协同：创新策源地与承载转化地、带分项解释的地区配对、协同走廊（文献 001 §1.2、§2；003 §3.4）。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yindi._lazy import lazy_package

if TYPE_CHECKING:
    from yindi.coordinate.pairing import PairsResult, pairs
    from yindi.coordinate.profiles import Profile, profile_for, profiles
    from yindi.coordinate.roles import ROLES, RolesResult, roles

# Public names load on first use: importing the package (e.g. for its option table) stays cheap.
lazy_package(
    __name__,
    {
        "PairsResult": "yindi.coordinate.pairing",
        "pairs": "yindi.coordinate.pairing",
        "Profile": "yindi.coordinate.profiles",
        "profile_for": "yindi.coordinate.profiles",
        "profiles": "yindi.coordinate.profiles",
        "ROLES": "yindi.coordinate.roles",
        "RolesResult": "yindi.coordinate.roles",
        "roles": "yindi.coordinate.roles",
    },
)


__all__ = ["ROLES", "PairsResult", "Profile", "RolesResult", "pairs", "profile_for", "profiles", "roles"]
