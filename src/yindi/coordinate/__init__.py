"""Coordinate (协同): innovation sources and carriers, pairs of regions with explained scores, corridors.

区域协同：创新策源地与承载转化地、带分项解释的地区配对、协同走廊（文献 001 §1.2、§2；003 §3.4）。
"""

from __future__ import annotations

from yindi.coordinate.pairing import PairsResult, pairs
from yindi.coordinate.profiles import Profile, profile_for, profiles
from yindi.coordinate.roles import ROLES, RolesResult, roles

__all__ = ["ROLES", "PairsResult", "Profile", "RolesResult", "pairs", "profile_for", "profiles", "roles"]
