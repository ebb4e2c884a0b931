"""Class breaks for choropleth maps: quantiles, equal intervals or user breaks (pure NumPy kernels)."""

from __future__ import annotations

import itertools
import math
from typing import Literal

import numpy as np

from yindi._typing import FloatArray, IntArray
from yindi.errors import ParameterError, check_option

ClassMethod = Literal["quantile", "equal_interval", "user"]
CLASS_METHODS: tuple[str, ...] = ("quantile", "equal_interval", "equal", "user")


def class_edges(
    values: FloatArray,
    k: int,
    method: str = "quantile",
    *,
    breaks: FloatArray | None = None,
    diverging: bool = False,
) -> FloatArray:
    """Class edges ``e_0 < e_1 < … < e_m`` (m ≤ k classes) for the finite ``values``.

    Parameters
    ----------
    values : (n,) float array
        Finite values only (missing ones removed by the caller).
    k : int
        Number of classes asked for; fewer come back when values tie (duplicate quantiles are merged).
    method : {"quantile", "equal_interval", "user"}
        ``quantile``: edges at the ``j/k`` sample quantiles (NumPy's default linear interpolation, Hyndman &
        Fan 1996 type 7), so each class holds about ``n/k`` regions. ``equal_interval``: ``k`` classes of
        equal width between the minimum and maximum. ``user``: ``breaks`` are the interior cut points.
    breaks : float array, optional
        Interior cut points for ``method="user"`` (k−1 increasing numbers make k classes); the outer edges
        are the data minimum and maximum (extended when a break lies outside them).
    diverging : bool
        Signed data: zero is always an edge, ``quantile`` is applied separately to negative and
        non-negative values (``k // 2`` classes below zero), ``equal_interval`` uses ``[-M, M]`` with
        ``M = max |v|``.

    Returns
    -------
    (m + 1,) float array
        Strictly increasing edges. Class ``i`` holds ``e_i ≤ v < e_{i+1}``; the last class also holds
        ``e_m``.
    """
    check_option("method", method, CLASS_METHODS, where="choropleth()")
    if method == "equal":
        method = "equal_interval"
    if k < 1:
        raise ParameterError(
            f"The 'classes' parameter of choropleth() must be at least 1. Got {k} instead.",
            zh=f"choropleth() 的参数 'classes' 须至少为 1，收到的是 {k}。",
        )
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return np.array([0.0, 1.0])
    lo, hi = float(v.min()), float(v.max())
    if method == "user":
        if breaks is None or len(breaks) == 0:
            raise ParameterError(
                "choropleth(method='user') needs breaks=[...] (interior cut points, e.g. [1, 2.5, 5]).",
                zh="choropleth(method='user') 需要 breaks=[...]（内部分界点，如 [1, 2.5, 5]）。",
            )
        b = np.asarray(breaks, dtype=np.float64)
        if not np.all(np.isfinite(b)) or np.any(np.diff(b) <= 0):
            raise ParameterError(
                f"The breaks must be finite and strictly increasing. Got {list(b)} instead.",
                zh=f"分界点 breaks 须为有限值且严格递增，收到的是 {list(b)}。",
            )
        edges = np.concatenate([[min(lo, b[0])], b, [max(hi, b[-1])]])
        return _unique(edges)
    if diverging and lo < 0 <= hi:
        k_neg = max(1, k // 2)
        k_pos = max(1, k - k_neg)
        if method == "quantile":
            neg = np.quantile(v[v < 0], np.linspace(0, 1, k_neg + 1))
            pos = np.quantile(v[v >= 0], np.linspace(0, 1, k_pos + 1))
            neg[-1], pos[0] = 0.0, 0.0
            return _unique(np.concatenate([neg, pos]))
        m = max(abs(lo), abs(hi))
        return _unique(np.concatenate([np.linspace(-m, 0, k_neg + 1), np.linspace(0, m, k_pos + 1)]))
    if method == "quantile":
        return _unique(np.quantile(v, np.linspace(0, 1, k + 1)))
    return _unique(np.linspace(lo, hi, k + 1))


def _unique(edges: FloatArray) -> FloatArray:
    e = np.unique(np.asarray(edges, dtype=np.float64))
    if e.size == 1:
        e = np.array([e[0], e[0]])  # one class holding a constant
    return e


def assign_classes(values: FloatArray, edges: FloatArray) -> IntArray:
    """Class index of each value (−1 for NaN): ``i`` with ``e_i ≤ v < e_{i+1}``, the maximum in the last class.

    Values outside ``[e_0, e_m]`` go to the nearest outer class.
    """
    v = np.asarray(values, dtype=np.float64)
    m = len(edges) - 1
    idx = np.searchsorted(edges[1:-1], v, side="right").astype(np.int64)
    idx = np.clip(idx, 0, m - 1)
    idx[~np.isfinite(v)] = -1
    return idx


#: At most this many significant digits in a legend label (edges closer than that read as one value).
LEGEND_DIGITS = 3


def edge_labels(edges: FloatArray) -> list[str]:
    """Legend text per class, ``"a – b"``, with as many decimals as the closest edges need to differ but no
    more than :data:`LEGEND_DIGITS` significant digits; a class whose edges then read alike is one value ``"a"``."""
    e = np.asarray(edges, dtype=np.float64)
    gaps = np.diff(e)
    gaps = gaps[gaps > 0]
    if gaps.size == 0:
        return [_fmt(e[0], 2)]
    decimals = _decimals(e)
    out = []
    for a, b in itertools.pairwise(e):
        lo, hi = _fmt(a, decimals), _fmt(b, decimals)
        out.append(lo if lo == hi else f"{lo} – {hi}")
    return out


def _decimals(e: FloatArray) -> int:
    """Decimals of the legend labels: enough for the closest edges, at most LEGEND_DIGITS significant digits."""
    gaps = np.diff(e)
    gaps = gaps[gaps > 0]
    if gaps.size == 0:
        return 2
    if np.all(e == np.round(e)):  # counts: whole numbers read as whole numbers
        return 0
    decimals = int(max(0, 1 - math.floor(math.log10(float(gaps.min())))))
    top = float(np.abs(e).max())
    cap = max(0, LEGEND_DIGITS - 1 - math.floor(math.log10(top))) if top > 0 else 2
    return min(decimals, cap)


def merge_alike(edges: FloatArray) -> FloatArray:
    """Drop inner edges that read the same as the previous edge in the legend, so that no two classes show the
    same label (e.g. efficiency scores 0.9999999 and 1 both read "1.00"); the outer edges are kept."""
    e = np.asarray(edges, dtype=np.float64)
    if e.size <= 2:
        return e
    d = _decimals(e)
    kept = [e[0]]
    for v in e[1:-1]:
        if _fmt(v, d) != _fmt(kept[-1], d):
            kept.append(v)
    if _fmt(e[-1], d) == _fmt(kept[-1], d) and len(kept) > 1:
        kept[-1] = e[-1]
    else:
        kept.append(e[-1])
    return np.asarray(kept, dtype=np.float64)


def _fmt(v: float, decimals: int) -> str:
    s = f"{v:,.{decimals}f}"
    if s.lstrip("-").strip("0.,") == "":
        return "0"
    return "\u2212" + s[1:] if s.startswith("-") else s  # typographic minus sign
