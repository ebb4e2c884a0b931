"""Charts as inline SVG for the offline HTML report (Chinese text rendered by the browser).

CONTRACT (implemented by the charts work; sections call only these functions; every function returns one
``<svg>`` string and takes ``title=""``):

- ``bar_chart(labels, values, *, title="", unit="", horizontal=True, errors=None, highlight=None)``
  ``values``: a sequence (one series) or a mapping name → sequence (grouped bars); ``errors``: optional
  ``(low, high)`` sequences drawn as whiskers.
- ``stacked_bar_chart(labels, parts, *, title="", unit="", horizontal=True)``: ``parts`` name → sequence.
- ``line_chart(x, series, *, title="", xlabel="", ylabel="")``: ``series`` name → sequence aligned with x.
- ``heatmap(matrix, row_labels, col_labels, *, title="", palette="YlOrRd", annotate=False, vmin=None,
  vmax=None, center=None)``.
- ``radar_chart(axes, series, *, title="")``: ``series`` name → values in [0, 1] per axis.
- ``interval_chart(labels, point, low, high, *, title="", xlabel="")``: dot-and-whisker (rank intervals, CIs).
- ``scatter_chart(x, y, *, labels=None, title="", xlabel="", ylabel="")``.

All text is escaped; missing values (None/NaN) are left out of the drawing; the output is deterministic
(same input → same bytes). Value axes use "nice" 1-2-2.5-5 × 10^k ticks.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from yindi.report import _axes as ax
from yindi.report._charts_more import chart_frame, heatmap, interval_chart, radar_chart, scatter_chart
from yindi.report._svg import (
    MUTED,
    check_lengths,
    esc,
    fmt_value,
    nice_ticks,
    num,
    text,
)

_W = 680.0
_HIGHLIGHT = "#d62728"


def _bar_layout(
    labels: Sequence[str], horizontal: bool, n_groups: int, legend_h: float, title: str
) -> dict[str, float]:
    top = (30.0 if title else 10.0) + legend_h
    if horizontal:
        left = min(220.0, 12 + max((ax.text_width(s, 13) for s in labels), default=0))
        band = max(16.0, 8.0 + 12.0 * n_groups)
        height = top + band * len(labels) + 44
        return {"left": left, "right": _W - 60, "top": top, "bottom": height - 40, "band": band, "h": height}
    longest = max((ax.text_width(s, 12.5) for s in labels), default=0)
    band = max(14.0, (_W - 80) / max(len(labels), 1))
    rotate = longest > band - 4
    bottom_pad = 40 + (longest * 0.72 if rotate else 0)
    height = top + 300 + bottom_pad
    return {
        "left": 64,
        "right": _W - 16,
        "top": top,
        "bottom": height - bottom_pad,
        "band": band,
        "h": height,
        "rot": float(rotate),
    }


def _category_labels(labels: Sequence[str], lay: dict[str, float], horizontal: bool) -> list[str]:
    out = []
    for i, lab in enumerate(labels):
        if horizontal:
            y = lay["top"] + lay["band"] * (i + 0.5) + 4
            out.append(
                text(
                    lay["left"] - 6,
                    y,
                    ax.fit(lab, 13, lay["left"] - 10),
                    size=13,
                    anchor="end",
                    extra=' class="cat"',
                )
            )
        else:
            x = lay["left"] + lay["band"] * (i + 0.5)
            y = lay["bottom"] + 14
            if lay.get("rot"):
                rot = f' class="cat" transform="rotate(-45 {num(x)} {num(y)})"'
                out.append(text(x, y, lab, size=12.5, anchor="end", extra=rot))
            else:
                out.append(text(x, y, lab, size=12.5, anchor="middle", extra=' class="cat"'))
    return out


def _rect(x0: float, x1: float, y0: float, y1: float, fill: str, tip: str) -> str:
    x, w = min(x0, x1), abs(x1 - x0)
    y, h = min(y0, y1), abs(y1 - y0)
    return (
        f'<rect class="bar" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}">'
        f"<title>{esc(tip)}</title></rect>"
    )


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float] | Mapping[str, Sequence[float]],
    *,
    title: str = "",
    unit: str = "",
    horizontal: bool = True,
    errors: tuple[Sequence[float], Sequence[float]] | None = None,
    highlight: str | Collection[str] | None = None,
) -> str:
    """Bar chart: one series, or grouped bars for a mapping name → sequence.

    ``errors`` are absolute ``(low, high)`` bounds per label (first series), drawn as whiskers.
    ``highlight`` names labels drawn in a contrasting colour (one-series charts).
    """
    labels = [str(s) for s in labels]
    series = ax.as_series(values, "bar_chart()")
    for name, seq in series.items():
        check_lengths(f"bar_chart() series {name!r}", labels=labels, values=seq)
    if errors is not None:
        check_lengths("bar_chart() errors", labels=labels, low=errors[0], high=errors[1])
    hl = {highlight} if isinstance(highlight, str) else set(highlight or ())
    names = list(series)
    colors = ax.series_colors(len(names))
    legend_svg, legend_h = ("", 0.0)
    if len(names) > 1:
        legend_svg, legend_h = ax.legend(names, colors, 12, 30 if title else 10, width=_W - 24)
    lay = _bar_layout(labels, horizontal, len(names), legend_h + (6 if legend_h else 0), title)
    every = [v for seq in series.values() for v in seq]
    if errors is not None:
        every += [float(v) for v in (*errors[0], *errors[1]) if v is not None]
    lo, hi, ticks = ax.domain(every, include_zero=True)
    out = chart_frame(_W, lay["h"], title)
    out.append(legend_svg)
    if horizontal:
        scale = ax.Scale(lo, hi, lay["left"], lay["right"])
        out.append(ax.x_value_axis(scale, ticks, lay["top"], lay["bottom"], label=unit))
    else:
        scale = ax.Scale(lo, hi, lay["bottom"], lay["top"])
        out.append(ax.y_value_axis(scale, ticks, lay["left"], lay["right"], label=unit))
    out.append('<g class="bars">')
    inner = lay["band"] * 0.8
    thick = inner / len(names)
    step = abs(ticks[1] - ticks[0]) / 100 if len(ticks) > 1 else None
    for j, (name, seq) in enumerate(series.items()):
        for i, v in enumerate(seq):
            if not math.isfinite(v):
                continue
            a0 = (lay["top"] if horizontal else lay["left"]) + lay["band"] * i + lay["band"] * 0.1 + thick * j
            fill = _HIGHLIGHT if labels[i] in hl else colors[j]
            tip = f"{labels[i]}{' · ' + name if name else ''}: {fmt_value(v, step=step)} {unit}".rstrip()
            if horizontal:
                out.append(_rect(scale(0.0), scale(v), a0, a0 + thick * 0.92, fill, tip))
            else:
                out.append(_rect(a0, a0 + thick * 0.92, scale(0.0), scale(v), fill, tip))
    out.append("</g>")
    if errors is not None:
        out.append(_whiskers(errors, lay, scale, horizontal, thick))
    out.append(ax.zero_line(scale, lo, hi, lay["top"] if horizontal else lay["left"],
                            lay["bottom"] if horizontal else lay["right"], vertical=horizontal))  # fmt: skip
    out.extend(_category_labels(labels, lay, horizontal))
    out.append("</svg>")
    return "".join(out)


def _whiskers(
    errors: tuple[Sequence[float], Sequence[float]],
    lay: dict[str, float],
    scale: ax.Scale,
    horizontal: bool,
    thick: float,
) -> str:
    out = ['<g class="whiskers" stroke="#333333" stroke-width="1.2">']
    for i, (a, b) in enumerate(zip(errors[0], errors[1], strict=True)):
        if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
            continue
        c = (lay["top"] if horizontal else lay["left"]) + lay["band"] * 0.1 + lay["band"] * i + thick * 0.46
        p, q = scale(float(a)), scale(float(b))
        if horizontal:
            out.append(
                f'<path d="M{num(p)},{num(c)}H{num(q)}M{num(p)},{num(c - 4)}v8M{num(q)},{num(c - 4)}v8"/>'
            )
        else:
            out.append(
                f'<path d="M{num(c)},{num(p)}V{num(q)}M{num(c - 4)},{num(p)}h8M{num(c - 4)},{num(q)}h8"/>'
            )
    out.append("</g>")
    return "".join(out)


def stacked_bar_chart(
    labels: Sequence[str],
    parts: Mapping[str, Sequence[float]],
    *,
    title: str = "",
    unit: str = "",
    horizontal: bool = True,
) -> str:
    """Stacked bars: each label's bar is split into ``parts`` (name → sequence); negatives stack below 0."""
    labels = [str(s) for s in labels]
    series = ax.as_series(parts, "stacked_bar_chart()")
    for name, seq in series.items():
        check_lengths(f"stacked_bar_chart() part {name!r}", labels=labels, values=seq)
    names = list(series)
    colors = ax.series_colors(len(names))
    legend_svg, legend_h = ax.legend(names, colors, 12, 30 if title else 10, width=_W - 24)
    lay = _bar_layout(labels, horizontal, 1, legend_h + 6, title)
    pos_tot = [sum(max(s[i], 0) for s in series.values() if math.isfinite(s[i])) for i in range(len(labels))]
    neg_tot = [sum(min(s[i], 0) for s in series.values() if math.isfinite(s[i])) for i in range(len(labels))]
    lo, hi, ticks = ax.domain(pos_tot + neg_tot, include_zero=True)
    out = chart_frame(_W, lay["h"], title)
    out.append(legend_svg)
    if horizontal:
        scale = ax.Scale(lo, hi, lay["left"], lay["right"])
        out.append(ax.x_value_axis(scale, ticks, lay["top"], lay["bottom"], label=unit))
    else:
        scale = ax.Scale(lo, hi, lay["bottom"], lay["top"])
        out.append(ax.y_value_axis(scale, ticks, lay["left"], lay["right"], label=unit))
    out.append('<g class="bars">')
    step = abs(ticks[1] - ticks[0]) / 100 if len(ticks) > 1 else None
    for i, lab in enumerate(labels):
        up = down = 0.0
        a0 = (lay["top"] if horizontal else lay["left"]) + lay["band"] * (i + 0.1)
        a1 = a0 + lay["band"] * 0.8
        for j, (name, seq) in enumerate(series.items()):
            v = seq[i]
            if not math.isfinite(v) or v == 0:
                continue
            base = up if v > 0 else down
            end = base + v
            if v > 0:
                up = end
            else:
                down = end
            tip = f"{lab} · {name}: {fmt_value(v, step=step)} {unit}".rstrip()
            if horizontal:
                out.append(_rect(scale(base), scale(end), a0, a1, colors[j], tip))
            else:
                out.append(_rect(a0, a1, scale(base), scale(end), colors[j], tip))
    out.append("</g>")
    out.extend(_category_labels(labels, lay, horizontal))
    out.append("</svg>")
    return "".join(out)


def line_chart(
    x: Sequence[Any],
    series: Mapping[str, Sequence[float]],
    *,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
) -> str:
    """Lines over ``x`` (numbers such as years, or category labels placed evenly); gaps at missing values."""
    xs = list(x)
    data = ax.as_series(series, "line_chart()")
    for name, seq in data.items():
        check_lengths(f"line_chart() series {name!r}", x=xs, values=seq)
    numeric = all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in xs) and len(xs) > 0
    names = list(data)
    colors = ax.series_colors(len(names))
    top = 30.0 if title else 10.0
    legend_svg, legend_h = ("", 0.0)
    if len(names) > 1 or (names and names[0]):
        legend_svg, legend_h = ax.legend(names, colors, 12, top, width=_W - 24)
    top += legend_h + 8
    height = top + 280 + 46
    left, right, bottom = 64.0, _W - 20, height - 46
    lo, hi, yt = ax.domain([v for s in data.values() for v in s])
    ys = ax.Scale(lo, hi, bottom, top)
    out = chart_frame(_W, height, title)
    out.append(legend_svg)
    out.append(ax.y_value_axis(ys, yt, left, right, label=ylabel))
    if numeric:
        fx = [float(v) for v in xs]
        x_lo, x_hi = min(fx), max(fx)
        xsc = ax.Scale(x_lo, x_hi if x_hi > x_lo else x_lo + 1, left + 10, right - 10)
        pos = [xsc(v) for v in fx]
        integer = all(float(v).is_integer() for v in fx)
        xt = [float(t) for t in nice_ticks(x_lo, x_hi, 8) if x_lo <= t <= x_hi] if not integer else []
        if integer:
            stride = max(1, math.ceil(len(fx) / 12))
            xt = fx[::stride]
        for t in xt:
            shown = str(int(t)) if integer else fmt_value(t, step=xt[1] - xt[0] if len(xt) > 1 else 1.0)
            out.append(
                text(
                    xsc(t), bottom + 16, shown, size=12.5, anchor="middle", fill=MUTED, extra=' class="xtick"'
                )
            )
    else:
        band = (right - left) / max(len(xs), 1)
        pos = [left + band * (i + 0.5) for i in range(len(xs))]
        stride = max(1, math.ceil(len(xs) / 12))
        for i in range(0, len(xs), stride):
            out.append(
                text(
                    pos[i], bottom + 16, xs[i], size=12.5, anchor="middle", fill=MUTED, extra=' class="xtick"'
                )
            )
    if xlabel:
        out.append(text((left + right) / 2, bottom + 36, xlabel, size=13, anchor="middle", fill=MUTED))
    out.append(
        f'<line x1="{num(left)}" x2="{num(right)}" y1="{num(bottom)}" y2="{num(bottom)}" stroke="#888888"/>'
    )
    for j, (name, seq) in enumerate(data.items()):
        d, pen = [], False
        for p, v in zip(pos, seq, strict=True):
            if math.isfinite(v):
                d.append(f"{'L' if pen else 'M'}{num(p)},{num(ys(v))}")
                pen = True
            else:
                pen = False
        out.append(f'<g class="series"><title>{esc(name)}</title>')
        out.append(
            f'<path d="{"".join(d)}" fill="none" stroke="{colors[j]}" stroke-width="2" stroke-linejoin="round"/>'
        )
        for p, v, xv in zip(pos, seq, xs, strict=True):
            if math.isfinite(v):
                tip = f"{name + ' · ' if name else ''}{xv}: {fmt_value(v)}"
                out.append(
                    f'<circle cx="{num(p)}" cy="{num(ys(v))}" r="2.6" fill="{colors[j]}"><title>{esc(tip)}</title></circle>'
                )
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


__all__ = [
    "bar_chart",
    "heatmap",
    "interval_chart",
    "line_chart",
    "radar_chart",
    "scatter_chart",
    "stacked_bar_chart",
]
