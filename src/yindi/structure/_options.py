"""Option literals of :mod:`yindi.structure` (validated with :func:`yindi.errors.check_option`)."""

from __future__ import annotations

from typing import Literal, TypeAlias

#: What to do with a value missing for a region × activity × period cell (NaN or an absent row).
Missing: TypeAlias = Literal["error", "zero"]
MISSING: tuple[Missing, ...] = ("error", "zero")

#: What to do with rows that are the sum of the other rows (a 'Total' activity, a national region).
Aggregates: TypeAlias = Literal["exclude", "error", "keep"]
AGGREGATES: tuple[Aggregates, ...] = ("exclude", "error", "keep")

#: How region labels are read: resolved to adcodes with the region registry, or kept as given.
RegionLabels: TypeAlias = Literal["registry", "as_is"]
REGION_LABELS: tuple[RegionLabels, ...] = ("registry", "as_is")

#: What to do with regions or activities whose total is zero (or below the minimum) in a period.
Empty: TypeAlias = Literal["error", "drop"]
EMPTY: tuple[Empty, ...] = ("error", "drop")

#: Precision of the large matrix products in the complexity kernel.
Precision: TypeAlias = Literal["float64", "float32"]
PRECISION: tuple[Precision, ...] = ("float64", "float32")

#: Households rows of an energy inventory (residential use) are not an economic activity.
Households: TypeAlias = Literal["exclude", "keep"]
HOUSEHOLDS: tuple[Households, ...] = ("exclude", "keep")

#: Attractiveness axis of the opportunity view.
Attractiveness: TypeAlias = Literal["pci", "cog"]
ATTRACTIVENESS: tuple[Attractiveness, ...] = ("pci", "cog")

#: What a region's Krugman specialisation index compares it with: the nation incl. itself, or the rest.
KrugmanReference: TypeAlias = Literal["nation", "rest"]
KRUGMAN_REFERENCES: tuple[KrugmanReference, ...] = ("nation", "rest")
