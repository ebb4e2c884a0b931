"""Option literals of :mod:`yindi.spatial` (validated with :func:`yindi.errors.check_option`)."""

from __future__ import annotations

from typing import Literal, TypeAlias

ContiguityKind: TypeAlias = Literal["queen", "rook"]
CONTIGUITY_KINDS: tuple[ContiguityKind, ...] = ("queen", "rook")

IslandPolicy: TypeAlias = Literal["keep", "nearest"]
ISLAND_POLICIES: tuple[IslandPolicy, ...] = ("keep", "nearest")

Transform: TypeAlias = Literal["row", "binary", "original"]
TRANSFORMS: tuple[Transform, ...] = ("row", "binary", "original")

Inference: TypeAlias = Literal["sim", "norm"]
INFERENCES: tuple[Inference, ...] = ("sim", "norm")

Adjust: TypeAlias = Literal["none", "fdr", "bonferroni"]
ADJUSTS: tuple[Adjust, ...] = ("none", "fdr", "bonferroni")

Quadrant: TypeAlias = Literal["HH", "LH", "LL", "HL", "ns"]
