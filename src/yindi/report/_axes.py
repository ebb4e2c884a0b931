"""Building blocks for the SVG charts: linear scales, axes with nice ticks, legends, text widths, colours."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from yindi.errors import ParameterError
from yindi.report._svg import AXIS, GRID, MUTED, QUALITATIVE, fmt_value, nice_ticks, num, text


@dataclass(frozen=True, slots=True)
class Scale:
    """Linear map from the data interval ``[d0, d1]`` to the pixel interval ``[r0, r1]``."""

    d0: float
    d1: float
    r0: float
    r1: float

    def __call__(self, v: float) -> float:
        span = self.d1 - self.d0
        if span == 0:
            return (self.r0 + self.r1) / 2
        return self.r0 + (v - self.d0) / span * (self.r1 - self.r0)


def text_width(s: str, size: float) -> float:
    """Rough rendered width of ``s`` in pixels (CJK and other wide characters count as one em)."""
    w = 0.0
    for ch in s:
        w += size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.58
    return w


def domain(values: Sequence[float], *, include_zero: bool = False) -> tuple[float, float, list[float]]:
    """Nice tick list covering the finite ``values`` (and zero when asked); returns ``(lo, hi, ticks)``."""
    arr = np.asarray([v for v in values if v is not None and math.isfinite(v)], dtype=np.float64)
    if arr.size == 0:
        lo, hi = 0.0, 1.0
    else:
        lo, hi = float(arr.min()), float(arr.max())
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    ticks = nice_ticks(lo, hi)
    return ticks[0], ticks[-1], ticks


def tick_label(v: float, ticks: Sequence[float]) -> str:
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    return fmt_value(v, step=step)


def x_value_axis(scale: Scale, ticks: Sequence[float], y0: float, y1: float, *, label: str = "") -> str:
    """Vertical grid lines with tick labels below ``y1`` (a horizontal value axis)."""
    out = ['<g class="axis x">']
    for t in ticks:
        x = scale(t)
        out.append(f'<line x1="{num(x)}" x2="{num(x)}" y1="{num(y0)}" y2="{num(y1)}" stroke="{GRID}"/>')
        out.append(text(x, y1 + 14, tick_label(t, ticks), size=12.5, anchor="middle", fill=MUTED))
    if label:
        out.append(text((scale.r0 + scale.r1) / 2, y1 + 32, label, size=13, anchor="middle", fill=MUTED))
    out.append("</g>")
    return "".join(out)


def y_value_axis(scale: Scale, ticks: Sequence[float], x0: float, x1: float, *, label: str = "") -> str:
    """Horizontal grid lines with tick labels left of ``x0`` (a vertical value axis)."""
    out = ['<g class="axis y">']
    for t in ticks:
        y = scale(t)
        out.append(f'<line x1="{num(x0)}" x2="{num(x1)}" y1="{num(y)}" y2="{num(y)}" stroke="{GRID}"/>')
        out.append(text(x0 - 6, y + 3.5, tick_label(t, ticks), size=12.5, anchor="end", fill=MUTED))
    if label:
        mid = (scale.r0 + scale.r1) / 2
        out.append(
            text(
                14,
                mid,
                label,
                size=13,
                anchor="middle",
                fill=MUTED,
                extra=f' transform="rotate(-90 14 {num(mid)})"',
            )
        )
    out.append("</g>")
    return "".join(out)


def zero_line(scale: Scale, lo: float, hi: float, a0: float, a1: float, *, vertical: bool) -> str:
    """A darker line at zero when zero is inside the value domain."""
    if not lo < 0 < hi:
        return ""
    p = scale(0.0)
    if vertical:
        return f'<line x1="{num(p)}" x2="{num(p)}" y1="{num(a0)}" y2="{num(a1)}" stroke="{AXIS}"/>'
    return f'<line x1="{num(a0)}" x2="{num(a1)}" y1="{num(p)}" y2="{num(p)}" stroke="{AXIS}"/>'


def legend(
    names: Sequence[str], colors: Sequence[str], x: float, y: float, *, width: float
) -> tuple[str, float]:
    """A wrapping horizontal legend starting at ``(x, y)``; returns the markup and the height used."""
    out = ['<g class="legend">']
    cx, cy = x, y
    for name, color in zip(names, colors, strict=True):
        w = 16 + text_width(name, 12.5) + 14
        if cx + w > x + width and cx > x:
            cx, cy = x, cy + 17
        out.append(f'<rect x="{num(cx)}" y="{num(cy)}" width="11" height="11" fill="{color}"/>')
        out.append(text(cx + 15, cy + 9.5, name, size=12.5))
        cx += w
    out.append("</g>")
    return "".join(out), cy - y + 17


def series_colors(n: int) -> list[str]:
    return [QUALITATIVE[i % len(QUALITATIVE)] for i in range(n)]


def as_series(values: object, where: str) -> dict[str, list[float]]:
    """One unnamed sequence or a mapping name → sequence, as name → list of floats (None → NaN)."""
    if isinstance(values, Mapping):
        items = list(values.items())
    elif hasattr(values, "columns") and hasattr(values, "items"):  # a pandas DataFrame: one series per column
        items = [(name, list(col)) for name, col in values.items()]
    else:  # one sequence (list, tuple, NumPy array, pandas Series)
        items = [("", values)]
    out: dict[str, list[float]] = {}
    for name, seq in items:
        try:
            out[str(name)] = [math.nan if v is None else float(v) for v in seq]
        except (TypeError, ValueError):
            raise ParameterError(
                f"{where}: series {name!r} must hold numbers.",
                zh=f"{where}：序列 {name!r} 须由数值组成。请检查其中是否有文字。",
            ) from None
    return out


def interpolate(colors: Sequence[str], t: float) -> str:
    """Colour at position ``t`` in [0, 1] along a list of hex colours (linear in sRGB)."""
    return gradient(colors)(t)


def gradient(colors: Sequence[str]) -> Callable[[float], str]:
    """:func:`interpolate` along ``colors`` as a function of ``t`` (the colours parsed once, for many cells)."""
    rgb = [_rgb(c) for c in colors]
    last = len(colors) - 1
    # each segment's start colour and its step to the next colour (integers, so a + step * f is exact as before)
    segments = [(a, (b[0] - a[0], b[1] - a[1], b[2] - a[2])) for a, b in pairwise(rgb)]
    if len(rgb) == 1:  # one colour: every t gives it (as interpolate always did)
        segments = [(rgb[0], (0, 0, 0))]

    def color_at(t: float) -> str:
        if not 0.0 <= t <= 1.0:  # NaN fails this test too
            t = min(1.0, max(0.0, t)) if math.isfinite(t) else 0.0
        pos = t * last
        i = min(int(pos), last - 1)  # pos >= 0: int() is floor
        f = pos - i
        (a0, a1, a2), (d0, d1, d2) = segments[i]
        return f"#{round(a0 + d0 * f):02x}{round(a1 + d1 * f):02x}{round(a2 + d2 * f):02x}"

    return color_at


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(hex_color: str) -> float:
    r, g, b = _rgb(hex_color)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def fit(s: str, size: float, max_width: float) -> str:
    """``s`` shortened with an ellipsis so that it fits in ``max_width`` pixels (unchanged if it fits)."""
    if text_width(s, size) <= max_width:
        return s
    out = ""
    for ch in s:
        if text_width(out + ch + "…", size) > max_width:
            break
        out += ch
    return out + "…"
