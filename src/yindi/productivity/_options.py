"""Option literals of the productivity package (validated with :func:`yindi.errors.check_option`)."""

from __future__ import annotations

from typing import Literal, TypeAlias

RTS: TypeAlias = Literal["crs", "vrs", "nirs", "ndrs"]
RTS_OPTIONS: tuple[RTS, ...] = ("crs", "vrs", "nirs", "ndrs")

Orientation: TypeAlias = Literal["input", "output"]
ORIENTATIONS: tuple[Orientation, ...] = ("input", "output")

Model: TypeAlias = Literal["radial", "sbm"]
MODELS: tuple[Model, ...] = ("radial", "sbm")

Frontier: TypeAlias = Literal["contemporaneous", "sequential", "global"]
FRONTIERS: tuple[Frontier, ...] = ("contemporaneous", "sequential", "global")

Index: TypeAlias = Literal["malmquist", "ml"]
INDICES: tuple[Index, ...] = ("malmquist", "ml")

#: Reference sets larger than this are pre-filtered (seeds, dominance, envelopment by the seeds) before the
#: frontier is decomposed (``yindi.productivity._frame``); the default of ``frame_prefilter_above``.
PREFILTER_ABOVE = 2000
