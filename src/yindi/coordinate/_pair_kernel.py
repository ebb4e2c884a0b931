"""Kernel of the pair score: every part of every (source, carrier) pair, chunked, with the top k kept.

Pure NumPy on arrays. The score of source ``s`` and carrier ``c`` is a weighted sum of six parts::

    knowledge_gap        C_s − C_c                          (creation levels in 0–1; antisymmetric)
    base_fit             carrier's capability in the industry (vector) or, for overall pairs, the source-
                         weighted mean of the carrier's capability over the industries: Σ_i K_si K_ci / Σ_i K_si
    absorptive_capacity  A_c                                (carrier's absorption level, 0–1)
    distance_decay       exp(−σ d_sc / d0)                  (great-circle km between centroids; symmetric)
    strategic_link       |S_s ∩ S_c| / |S_s ∪ S_c|          (Jaccard of strategic-region memberships; symmetric)
    complementarity      e_c − e_s                          (endowment the industry needs, 0–1; antisymmetric)

``score = Σ_k w_k part_k``; parts that are missing (``NaN``: no capability data) contribute 0 and are reported.
Pairs whose source is not eligible, whose carrier is not eligible, or with ``s == c`` are never selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from yindi._typing import BoolArray, FloatArray, IntArray

PARTS: tuple[str, ...] = (
    "knowledge_gap",
    "base_fit",
    "absorptive_capacity",
    "distance_decay",
    "strategic_link",
    "complementarity",
)
_R = 6371.0088  # mean Earth radius, km (as yindi.spatial)


@dataclass(frozen=True)
class PairInputs:
    """Per-region arrays for ``n`` regions (``m`` industries when a capability matrix is given).

    Attributes
    ----------
    creation, absorption : (n,) arrays
        Axis levels in 0–1.
    endowment : (n,) array
        Profile-weighted endowment in 0–1 (energy, land, labour weighted by the industry profile).
    lonlat : (n, 2) array
        Centroids in degrees.
    strategic : (n,) uint64 array
        Bit ``b`` set when the region belongs to strategic region ``b``.
    source_ok, carrier_ok : (n,) bool arrays
        Which regions may be the source / the carrier of a pair.
    base : (n,) array or None
        Carrier capability in one industry (industry pairs), 0–1, ``NaN`` missing.
    capability : (n, m) array or None
        Capability matrix for overall pairs (0–1, ``NaN`` missing); ignored when ``base`` is given.
    """

    creation: FloatArray
    absorption: FloatArray
    endowment: FloatArray
    lonlat: FloatArray
    strategic: IntArray
    source_ok: BoolArray
    carrier_ok: BoolArray
    base: FloatArray | None = None
    capability: FloatArray | None = None

    @property
    def n(self) -> int:
        return int(self.creation.shape[0])


@dataclass(frozen=True)
class TopPairs:
    """Best ``k`` partners of each region.

    Attributes
    ----------
    region : (n,) int array
        The region each row belongs to (its index).
    partner : (n, k) int array
        Partner indices, best first; ``-1`` where fewer than ``k`` eligible partners exist.
    score : (n, k) array
        Their scores (``-inf`` for the ``-1`` slots).
    by : str
        ``"source"`` (rows are sources, partners carriers) or ``"carrier"``.
    """

    region: IntArray
    partner: IntArray
    score: FloatArray
    by: str


def _bits(x: npt.NDArray[np.integer[Any]]) -> FloatArray:
    return np.bitwise_count(x.astype(np.uint64)).astype(np.float64)


def _distance(lonlat: FloatArray, s: IntArray, c: IntArray) -> FloatArray:
    lon = np.radians(lonlat[:, 0])
    lat = np.radians(lonlat[:, 1])
    h = (
        np.sin((lat[c] - lat[s]) / 2) ** 2
        + np.cos(lat[s]) * np.cos(lat[c]) * np.sin((lon[c] - lon[s]) / 2) ** 2
    )
    return np.asarray(2 * _R * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def _base_overall(cap: FloatArray, s: IntArray, c: IntArray, block: bool) -> FloatArray:
    """Σ_i K_si K_ci / Σ_i K_si over industries observed for both (``NaN`` when the denominator is 0)."""
    obs = np.isfinite(cap)
    k0 = np.where(obs, cap, 0.0)
    if block:  # s: (r, 1), c: (1, n) → matrix products
        ks = k0[s[:, 0]]
        num = ks @ k0[c[0]].T
        den = ks @ obs[c[0]].T.astype(np.float64)
    else:
        num = (k0[s] * k0[c]).sum(axis=-1)
        den = (k0[s] * obs[c]).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(np.where(den > 0, num / den, np.nan), dtype=np.float64)


def pair_parts(
    inp: PairInputs,
    s: IntArray,
    c: IntArray,
    *,
    distance_scale_km: float,
    distance_sensitivity: float = 1.0,
    block: bool = False,
) -> dict[str, FloatArray]:
    """Every part for sources ``s`` and carriers ``c`` (broadcast together; ``block=True`` when ``s`` is a
    column (r, 1) and ``c`` a row (1, n) of indices, which computes overall base fit by matrix products).
    Also returns ``distance_km``."""
    gap = inp.creation[s] - inp.creation[c]
    shape = np.broadcast_shapes(np.shape(s), np.shape(c))
    if inp.base is not None:
        base = np.broadcast_to(inp.base[c], shape).astype(np.float64)
    elif inp.capability is not None:
        base = _base_overall(inp.capability, s, c, block)
    else:
        base = np.full(shape, np.nan)
    d = _distance(inp.lonlat, s, c)
    inter = _bits(inp.strategic[s] & inp.strategic[c])
    union = _bits(inp.strategic[s] | inp.strategic[c])
    with np.errstate(invalid="ignore", divide="ignore"):
        jac = np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)
    return {
        "knowledge_gap": np.broadcast_to(gap, shape),
        "base_fit": base,
        "absorptive_capacity": np.broadcast_to(inp.absorption[c], shape),
        "distance_decay": np.exp(-distance_sensitivity * d / distance_scale_km),
        "strategic_link": jac,
        "complementarity": np.broadcast_to(inp.endowment[c] - inp.endowment[s], shape),
        "distance_km": d,
    }


def combine(parts: dict[str, FloatArray], weights: FloatArray) -> FloatArray:
    """``Σ_k w_k part_k`` over :data:`PARTS`; a missing (``NaN``) part contributes 0.

    Examples
    --------
    >>> import numpy as np
    >>> parts = {p: np.array([0.5]) for p in PARTS}
    >>> parts["base_fit"] = np.array([np.nan])
    >>> float(combine(parts, np.array([0.3, 0.15, 0.2, 0.15, 0.1, 0.1]))[0])
    0.425
    """
    out = np.zeros(np.shape(parts[PARTS[0]]))
    for w, name in zip(weights, PARTS, strict=True):
        if w != 0:
            p = parts[name]
            out += w * np.where(np.isfinite(p), p, 0.0)
    return out


@dataclass(frozen=True)
class _Prepared:
    """Per-region terms of the score computed once, so a block is two outer sums, two matrix products, one
    ``arcsin``, one ``exp`` and one table look-up."""

    src_term: FloatArray  # w_gap C_s − w_comp e_s
    car_term: FloatArray  # −w_gap C_c + w_abs A_c + w_comp e_c (+ w_base base_c for industry pairs)
    xyz: FloatArray  # unit vectors of the centroids (n, 3)
    mask_id: IntArray  # index of each region's strategic membership set
    jaccard: FloatArray  # Jaccard of every pair of distinct membership sets (u, u)
    k0: FloatArray | None  # capability with NaN → 0 (overall base fit)
    obs: FloatArray | None  # 1.0 where capability is observed
    complete: bool = False  # no capability missing: the denominator is the source's row sum


def _prepare(inp: PairInputs, w: FloatArray) -> _Prepared:
    w_gap, w_base, w_abs, _, _, w_comp = (float(x) for x in w)
    src_term = w_gap * inp.creation - w_comp * inp.endowment
    car_term = -w_gap * inp.creation + w_abs * inp.absorption + w_comp * inp.endowment
    k0 = obs = None
    if inp.base is not None:
        car_term = car_term + w_base * np.where(np.isfinite(inp.base), inp.base, 0.0)
    elif inp.capability is not None and w_base != 0:
        seen = np.isfinite(inp.capability)
        k0, obs = np.where(seen, inp.capability, 0.0), seen.astype(np.float64)
    lon, lat = np.radians(inp.lonlat[:, 0]), np.radians(inp.lonlat[:, 1])
    xyz = np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    masks, mask_id = np.unique(inp.strategic.astype(np.uint64), return_inverse=True)
    inter = _bits(masks[:, None] & masks[None, :])
    union = _bits(masks[:, None] | masks[None, :])
    jac = np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)
    complete = obs is not None and bool(obs.all())
    return _Prepared(src_term, car_term, xyz, mask_id.astype(np.int64), jac, k0, obs, complete)


def _block_scores(prep: _Prepared, w: FloatArray, s: IntArray, c: IntArray, scale: float) -> FloatArray:
    """Scores of sources ``s`` (r,) × carriers ``c`` (q,): the same sum as :func:`combine` of
    :func:`pair_parts`, rearranged (the per-region terms are added as outer sums) and computed in place."""
    score = prep.src_term[s][:, None] + prep.car_term[c][None, :]
    if w[3] != 0:
        xs, xc = prep.xyz[s], prep.xyz[c]
        t = xs[:, 0:1] * xc[:, 0]  # cos of the central angle = dot product of unit vectors
        t += xs[:, 1:2] * xc[:, 1]
        t += xs[:, 2:3] * xc[:, 2]
        t *= -0.5  # (1 − cos θ) / 2 = sin²(θ/2)
        t += 0.5
        np.clip(t, 0.0, 1.0, out=t)
        np.sqrt(t, out=t)
        np.arcsin(t, out=t)  # θ / 2
        t *= -2.0 * _R / scale  # −d / d0
        np.exp(t, out=t)
        t *= w[3]
        score += t
    if w[4] != 0:
        score += w[4] * prep.jaccard[prep.mask_id[s][:, None], prep.mask_id[c][None, :]]
    if prep.k0 is not None and prep.obs is not None:
        ks = prep.k0[s]
        num = ks @ prep.k0[c].T
        den = ks.sum(axis=1)[:, None] * np.ones((1, len(c))) if prep.complete else ks @ prep.obs[c].T
        np.divide(num, den, out=num, where=den > 0)
        num[den <= 0] = 0.0
        num *= w[1]
        score += num
    return score


def top_pairs(
    inp: PairInputs,
    weights: FloatArray,
    k: int,
    *,
    by: str = "source",
    distance_scale_km: float = 1000.0,
    distance_sensitivity: float = 1.0,
    chunk: int = 256,
) -> TopPairs:
    """The ``k`` best partners of every eligible region, scoring all pairs chunk by chunk.

    Memory is bounded by a few ``chunk × n`` arrays (never ``n × n``); selection uses ``np.argpartition`` and
    sorts only the ``k`` kept. ``by="source"``: rows are sources and partners carriers; ``by="carrier"``:
    the reverse (a carrier's best sources, scored with the same orientation of the score). Ties are broken
    by the partner's index.
    """
    w = np.asarray(weights, dtype=np.float64)
    prep = _prepare(inp, w)
    scale = distance_scale_km / distance_sensitivity if distance_sensitivity > 0 else np.inf
    n = inp.n
    rows_ok = inp.source_ok if by == "source" else inp.carrier_ok
    cols_ok = inp.carrier_ok if by == "source" else inp.source_ok
    k_eff = min(k, n)
    partner = np.full((n, k), -1, dtype=np.int64)
    best = np.full((n, k), -np.inf)
    every = np.arange(n)
    for start in range(0, n, chunk):
        rows = np.arange(start, min(start + chunk, n))
        if by == "source":
            score = _block_scores(prep, w, rows, every, scale)
        else:
            score = _block_scores(prep, w, every, rows, scale).T
        score[:, ~cols_ok] = -np.inf
        score[~rows_ok[rows], :] = -np.inf
        score[np.arange(len(rows)), rows] = -np.inf
        if k_eff < n:
            idx = np.argpartition(-score, k_eff - 1, axis=1)[:, :k_eff]
        else:
            idx = np.broadcast_to(every, score.shape).copy()
        top = np.take_along_axis(score, idx, axis=1)
        order = np.lexsort((idx, -top), axis=1)  # by score, ties by index
        idx = np.take_along_axis(idx, order, axis=1)
        top = np.take_along_axis(top, order, axis=1)
        partner[rows, :k_eff] = np.where(np.isfinite(top), idx, -1)
        best[rows, :k_eff] = top
    return TopPairs(region=every.astype(np.int64), partner=partner, score=best, by=by)


def plain_top_pairs(
    inp: PairInputs,
    weights: FloatArray,
    k: int,
    *,
    distance_scale_km: float = 1000.0,
    distance_sensitivity: float = 1.0,
    rows: list[int] | None = None,
) -> dict[int, list[tuple[int, float]]]:
    """Reference: a plain Python loop over pairs with scalar math (``by="source"``), for ``rows`` (default
    all). Used by the tests and the benchmark; the formulas are written out again, independently."""
    import math

    out: dict[int, list[tuple[int, float]]] = {}
    n = inp.n
    for s in range(n) if rows is None else rows:
        if not inp.source_ok[s]:
            out[s] = []
            continue
        cand: list[tuple[float, int]] = []
        for c in range(n):
            if c == s or not inp.carrier_ok[c]:
                continue
            lon1, lat1 = math.radians(inp.lonlat[s, 0]), math.radians(inp.lonlat[s, 1])
            lon2, lat2 = math.radians(inp.lonlat[c, 0]), math.radians(inp.lonlat[c, 1])
            h = (
                math.sin((lat2 - lat1) / 2) ** 2
                + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
            )
            d = 2 * _R * math.asin(math.sqrt(min(1.0, max(0.0, h))))
            if inp.base is not None:
                base = float(inp.base[c])
            elif inp.capability is not None:
                num = den = 0.0
                for i in range(inp.capability.shape[1]):
                    ks, kc = inp.capability[s, i], inp.capability[c, i]
                    if math.isfinite(ks) and math.isfinite(kc):
                        num += ks * kc
                    if math.isfinite(ks) and math.isfinite(kc):
                        den += ks
                base = num / den if den > 0 else math.nan
            else:
                base = math.nan
            a, b = int(inp.strategic[s]), int(inp.strategic[c])
            union = bin(a | b).count("1")
            jac = bin(a & b).count("1") / union if union else 0.0
            parts = (
                float(inp.creation[s] - inp.creation[c]),
                base,
                float(inp.absorption[c]),
                math.exp(-distance_sensitivity * d / distance_scale_km),
                jac,
                float(inp.endowment[c] - inp.endowment[s]),
            )
            score = sum(
                float(w) * (p if math.isfinite(p) else 0.0) for w, p in zip(weights, parts, strict=True)
            )
            cand.append((score, c))
        cand.sort(key=lambda t: (-t[0], t[1]))
        out[s] = [(c, sc) for sc, c in cand[:k]]
    return out
