"""Option literals of :mod:`yindi.disparity` (validated with :func:`yindi.errors.check_option`)."""

from __future__ import annotations

from typing import Literal, TypeAlias

MissingPolicy: TypeAlias = Literal["error", "drop"]
MISSING_POLICIES: tuple[MissingPolicy, ...] = ("error", "drop")

TheilKind: TypeAlias = Literal["T", "L"]
THEIL_KINDS: tuple[TheilKind, ...] = ("T", "L")

BetaKind: TypeAlias = Literal["absolute", "conditional"]
BETA_KINDS: tuple[BetaKind, ...] = ("absolute", "conditional")

FixedEffects: TypeAlias = Literal["none", "region", "twoway"]
FIXED_EFFECTS: tuple[FixedEffects, ...] = ("none", "region", "twoway")

SigmaMeasure: TypeAlias = Literal["cv", "sd_log"]
SIGMA_MEASURES: tuple[SigmaMeasure, ...] = ("cv", "sd_log")

LagClasses: TypeAlias = Literal["lag", "value"]
LAG_CLASSES: tuple[LagClasses, ...] = ("lag", "value")
