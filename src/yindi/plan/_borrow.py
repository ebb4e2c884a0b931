"""Evidence borrowing: an industry without direct evidence in a source takes that of its base industries."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from yindi._typing import FloatArray
from yindi.plan.taxonomy import load_taxonomy

__all__ = ["borrow_matrix"]


def borrow_matrix(ids: Sequence[str], direct: set[str]) -> FloatArray:
    """(I × I) 0/1 matrix: row ``i`` marks the industries whose evidence ``i`` uses.

    An industry with direct evidence uses its own; otherwise the union of its ``base`` industries' rows,
    recursively (cycles are cut); an industry with neither gets an empty row (its evidence stays missing).
    """
    tax = load_taxonomy()
    pos = {x: k for k, x in enumerate(ids)}
    memo: dict[str, set[str]] = {}

    def resolve(i: str, seen: frozenset[str]) -> set[str]:
        if i in memo:
            return memo[i]
        if i in direct:
            out = {i}
        else:
            out = set()
            base = tax.industries[i].base if i in tax.industries else ()
            for b in base:
                if b not in seen:
                    out |= resolve(b, seen | {b})
        memo[i] = out
        return out

    m = np.zeros((len(ids), len(ids)))
    for i in ids:
        for j in resolve(i, frozenset({i})):
            if j in pos:
                m[pos[i], pos[j]] = 1.0
    return m
