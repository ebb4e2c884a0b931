"""Option literals of :mod:`yindi.index` (validated with :func:`yindi.errors.check_option`)."""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

Normalization: TypeAlias = Literal["minmax", "zscore", "vector"]
Weighting: TypeAlias = Literal["entropy", "critic", "cv", "pca", "equal", "ahp", "preset"]
Aggregation: TypeAlias = Literal["topsis", "weighted_sum", "grey"]
Scope: TypeAlias = Literal["panel", "year"]
MissingPolicy: TypeAlias = Literal["error", "interpolate", "drop_indicator"]
CombineMethod: TypeAlias = Literal["linear", "multiplicative"]

NORMALIZATIONS: tuple[str, ...] = get_args(Normalization)
WEIGHTINGS: tuple[str, ...] = get_args(Weighting)
AGGREGATIONS: tuple[str, ...] = get_args(Aggregation)
SCOPES: tuple[str, ...] = get_args(Scope)
MISSING_POLICIES: tuple[str, ...] = get_args(MissingPolicy)
COMBINE_METHODS: tuple[str, ...] = get_args(CombineMethod)
