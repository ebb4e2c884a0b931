"""Heatmap, radar, interval and scatter charts (public through :mod:`yindi.report.charts`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from yindi.errors import ParameterError
from yindi.report import _axes as ax
from yindi.report._svg import (
    AXIS,
    DIVERGING,
    GRID,
    MUTED,
    SEQUENTIAL,
    check_lengths,
    esc,
    fmt_value,
    nice_ticks,
    num,
    svg_open,
    text,
)

_W = 680.0


def chart_frame(width: float, height: float, title: str, cls: str = "") -> list[str]:
    """Opening of every chart: the <svg> element, a white background and the title."""
    out = [svg_open(width, height, label=title, cls="yindi-chart" + (f" {cls}" if cls else ""))]
    out.append(f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>')
    if title:
        out.append(text(width / 2, 20, title, size=15, anchor="middle", weight="bold"))
    return out


def _floats(seq: Any, what: str, where: str) -> list[float]:
    try:
        return [math.nan if v is None else float(v) for v in seq]
    except (TypeError, ValueError):
        raise ParameterError(
            f"{where}: {what} must hold numbers.",
            zh=f"{where}：{what} 须由数值组成。请检查其中是否有文字。",
        ) from None


def heatmap(
    matrix: Any,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    *,
    title: str = "",
    palette: str = "YlOrRd",
    annotate: bool = False,
    vmin: float | None = None,
    vmax: float | None = None,
    center: float | None = None,
) -> str:
    """Heatmap of a rows × columns matrix (NaN cells left blank), with a colour bar.

    Colours are interpolated along a ColorBrewer scheme between ``vmin`` and ``vmax`` (data range by
    default). With ``center`` (or a diverging ``palette``) the scale is diverging and symmetric around
    ``center``; a sequential palette is then replaced by ``RdBu``.
    """
    m = np.asarray(matrix, dtype=np.float64)
    rows, cols = [str(s) for s in row_labels], [str(s) for s in col_labels]
    if m.ndim != 2 or m.shape != (len(rows), len(cols)):
        raise ParameterError(
            f"heatmap(): the matrix must be {len(rows)} × {len(cols)} (rows × column labels). Got shape {m.shape}.",
            zh=f"heatmap()：矩阵须为 {len(rows)} × {len(cols)}（行标签数 × 列标签数），收到的形状是 {m.shape}。",
        )
    finite = m[np.isfinite(m)]
    lo = float(vmin) if vmin is not None else (float(finite.min()) if finite.size else 0.0)
    hi = float(vmax) if vmax is not None else (float(finite.max()) if finite.size else 1.0)
    diverging = center is not None or palette in DIVERGING
    if diverging:
        colors = DIVERGING[palette] if palette in DIVERGING else DIVERGING["RdBu"]
        c = 0.0 if center is None else float(center)
        half = max(abs(hi - c), abs(lo - c)) or 1.0
        lo, hi = c - half, c + half
    elif palette in SEQUENTIAL:
        colors = SEQUENTIAL[palette]
    else:
        raise ParameterError(
            f"heatmap(): palette must be one of {', '.join(map(repr, [*SEQUENTIAL, *DIVERGING]))}. Got {palette!r}.",
            zh=f"heatmap()：palette 须为 {'、'.join(map(repr, [*SEQUENTIAL, *DIVERGING]))} 之一，收到的是 {palette!r}。",
        )
    span = hi - lo if hi > lo else 1.0
    left = min(200.0, 12 + max((ax.text_width(s, 12.5) for s in rows), default=0))
    cell_w = max(18.0, min(64.0, (_W - left - 80) / max(len(cols), 1)))
    cell_h = 22.0 if len(rows) <= 40 else 14.0
    rotate = max((ax.text_width(s, 12.5) for s in cols), default=0) > cell_w - 4
    # long column labels are shortened (full name in the cell tooltips) and stand upright in narrow columns
    cols_shown = [ax.fit(c, 12.5, 130.0) for c in cols] if rotate else cols
    longest = max((ax.text_width(s, 12.5) for s in cols_shown), default=0)
    upright = cell_w < 26
    top = (30.0 if title else 10.0) + (longest * (1.0 if upright else 0.72) + 10 if rotate else 20)
    width = left + cell_w * len(cols) + 80
    height = top + cell_h * len(rows) + 16
    out = chart_frame(width, height, title, "heatmap")
    for j, lab in enumerate(cols_shown):
        x = left + cell_w * (j + 0.5)
        if rotate:
            angle, dx = (-90, 4.0) if upright else (-45, 0.0)
            out.append(
                text(
                    x + dx,
                    top - 6,
                    lab,
                    size=12.5,
                    extra=f' class="col" transform="rotate({angle} {num(x + dx)} {num(top - 6)})"',
                )
            )
        else:
            out.append(text(x, top - 6, lab, size=12.5, anchor="middle", extra=' class="col"'))
    step = span / 100
    out.append('<g class="cells">')
    color_at = ax.gradient(colors)
    # the coordinates every row or column repeats, formatted once
    xs = [left + cell_w * j for j in range(len(cols))]
    x_attrs = [num(x) for x in xs]
    size_attrs = f'width="{num(cell_w)}" height="{num(cell_h)}"'
    for i, lab in enumerate(rows):
        y = top + cell_h * i
        y_attr = num(y)
        row_size = 12.5 if cell_h > 16 else 11.5
        shown = ax.fit(lab, row_size, left - 10)
        out.append(
            text(
                left - 6,
                y + cell_h / 2 + row_size / 3,
                shown,
                size=row_size,
                anchor="end",
                extra=' class="row"',
            )
        )
        for j, v in enumerate(m[i].tolist()):
            if not math.isfinite(v):
                continue
            fill = color_at((v - lo) / span)
            x = xs[j]
            out.append(
                f'<rect x="{x_attrs[j]}" y="{y_attr}" {size_attrs} fill="{fill}" '
                f'stroke="#ffffff" stroke-width="0.5"><title>{esc(f"{lab} · {cols[j]}: {fmt_value(v)}")}</title></rect>'
            )
            if annotate:
                ink = "#ffffff" if ax.luminance(fill) < 0.5 else "#222222"
                out.append(
                    text(
                        x + cell_w / 2,
                        y + cell_h / 2 + 3.5,
                        fmt_value(v, step=step * 10),
                        size=11.5,
                        anchor="middle",
                        fill=ink,
                    )
                )
    out.append("</g>")
    out.append(_colorbar(colors, lo, hi, left + cell_w * len(cols) + 24, top, min(200.0, cell_h * len(rows))))
    out.append("</svg>")
    return "".join(out)


def _colorbar(colors: Sequence[str], lo: float, hi: float, x: float, y: float, h: float) -> str:
    n = 40
    out = ['<g class="colorbar">']
    color_at = ax.gradient(colors)
    x_attr, h_attr = num(x), num(h / n + 0.3)
    for k in range(n):
        t = 1 - (k + 0.5) / n
        out.append(
            f'<rect x="{x_attr}" y="{num(y + h * k / n)}" width="12" height="{h_attr}" fill="{color_at(t)}"/>'
        )
    ticks = [t for t in nice_ticks(lo, hi, 4) if lo - 1e-12 <= t <= hi + 1e-12]
    for t in ticks:
        ty = y + h * (1 - (t - lo) / (hi - lo if hi > lo else 1.0))
        out.append(
            text(
                x + 16,
                ty + 3.5,
                ax.tick_label(t, ticks) if len(ticks) > 1 else fmt_value(t),
                size=12,
                fill=MUTED,
            )
        )
    out.append("</g>")
    return "".join(out)


def radar_chart(axes: Sequence[str], series: Mapping[str, Sequence[float]], *, title: str = "") -> str:
    """Radar (spider) chart of scores in [0, 1] on each axis, one polygon per series."""
    labels = [str(a) for a in axes]
    if len(labels) < 3:
        raise ParameterError(
            f"radar_chart() needs at least 3 axes. Got {len(labels)}.",
            zh=f"radar_chart() 至少需要 3 个坐标轴，收到的是 {len(labels)} 个。",
        )
    data = ax.as_series(series, "radar_chart()")
    for name, seq in data.items():
        check_lengths(f"radar_chart() series {name!r}", axes=labels, values=seq)
        bad = [v for v in seq if math.isfinite(v) and not -1e-9 <= v <= 1 + 1e-9]
        if bad:
            raise ParameterError(
                f"radar_chart(): series {name!r} has values outside [0, 1] ({bad[0]!r}); rescale the scores first.",
                zh=f"radar_chart()：序列 {name!r} 有超出 [0, 1] 的值（{bad[0]!r}）。请先把得分缩放到 [0, 1]。",
            )
    names = list(data)
    colors = ax.series_colors(len(names))
    top = 30.0 if title else 10.0
    legend_svg, legend_h = ax.legend(names, colors, 12, top, width=_W - 24)
    r = 150.0
    cx, cy = _W / 2, top + legend_h + 40 + r
    height = cy + r + 40
    out = chart_frame(_W, height, title, "radar")
    out.append(legend_svg)
    k = len(labels)
    ang = [-math.pi / 2 + 2 * math.pi * i / k for i in range(k)]
    out.append(f'<g class="grid" fill="none" stroke="{GRID}">')
    for ring in (0.25, 0.5, 0.75, 1.0):
        pts = " ".join(f"{num(cx + r * ring * math.cos(a))},{num(cy + r * ring * math.sin(a))}" for a in ang)
        out.append(f'<polygon points="{pts}"/>')
    for a in ang:
        out.append(
            f'<line x1="{num(cx)}" y1="{num(cy)}" x2="{num(cx + r * math.cos(a))}" y2="{num(cy + r * math.sin(a))}"/>'
        )
    out.append("</g>")
    for ring in (0.5, 1.0):
        out.append(
            text(
                cx + 3,
                cy - r * ring - 2,
                fmt_value(ring, step=0.1),
                size=11.5,
                fill=MUTED,
                extra=' class="ring"',
            )
        )
    for a, lab in zip(ang, labels, strict=True):
        lx, ly = cx + (r + 14) * math.cos(a), cy + (r + 14) * math.sin(a) + 4
        anchor = "middle" if abs(math.cos(a)) < 0.3 else ("start" if math.cos(a) > 0 else "end")
        out.append(text(lx, ly, lab, size=13, anchor=anchor, extra=' class="axis-label"'))
    for j, (name, seq) in enumerate(data.items()):
        vals = [v if math.isfinite(v) else 0.0 for v in seq]
        pts = " ".join(
            f"{num(cx + r * v * math.cos(a))},{num(cy + r * v * math.sin(a))}"
            for v, a in zip(vals, ang, strict=True)
        )
        out.append(
            f'<polygon class="series" points="{pts}" fill="{colors[j]}" fill-opacity="0.12" stroke="{colors[j]}" '
            f'stroke-width="2"><title>{esc(name)}</title></polygon>'
        )
    out.append("</svg>")
    return "".join(out)


def interval_chart(
    labels: Sequence[str],
    point: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    *,
    title: str = "",
    xlabel: str = "",
    limits: tuple[float, float] | None = None,
) -> str:
    """Dot-and-whisker chart: a dot at ``point`` and a line from ``low`` to ``high`` for each label.

    ``limits`` fixes the axis (e.g. ranks 1…n) instead of rounding the data range to nice ticks."""
    labs = [str(s) for s in labels]
    check_lengths("interval_chart()", labels=labs, point=point, low=low, high=high)
    p = _floats(point, "point", "interval_chart()")
    lo_v = _floats(low, "low", "interval_chart()")
    hi_v = _floats(high, "high", "interval_chart()")
    left = min(220.0, 12 + max((ax.text_width(s, 13) for s in labs), default=0))
    top = 30.0 if title else 10.0
    band = 20.0
    bottom = top + band * len(labs)
    height = bottom + (46 if xlabel else 28)
    if limits is None:
        lo, hi, ticks = ax.domain(p + lo_v + hi_v)
    else:
        lo, hi = float(limits[0]), float(limits[1])
        inner = [t for t in nice_ticks(lo, hi) if lo < t < hi and (hi - t) >= 0.04 * (hi - lo)]
        ticks = [lo, *inner, hi]
    sc = ax.Scale(lo, hi, left + 6, _W - 24)
    out = chart_frame(_W, height, title, "interval")
    out.append(ax.x_value_axis(sc, ticks, top, bottom, label=xlabel))
    out.append('<g class="intervals">')
    step = abs(ticks[1] - ticks[0]) / 100 if len(ticks) > 1 else None
    for i, lab in enumerate(labs):
        y = top + band * (i + 0.5)
        out.append(
            text(left - 6, y + 4, ax.fit(lab, 13, left - 10), size=13, anchor="end", extra=' class="cat"')
        )
        if math.isfinite(lo_v[i]) and math.isfinite(hi_v[i]):
            out.append(
                f'<line class="whisker" x1="{num(sc(lo_v[i]))}" x2="{num(sc(hi_v[i]))}" y1="{num(y)}" y2="{num(y)}" stroke="#4a6fa5" stroke-width="2"/>'
            )
        if math.isfinite(p[i]):
            tip = f"{lab}: {fmt_value(p[i], step=step)} [{fmt_value(lo_v[i], step=step)}, {fmt_value(hi_v[i], step=step)}]"
            out.append(
                f'<circle class="point" cx="{num(sc(p[i]))}" cy="{num(y)}" r="4" fill="#1f3b63"><title>{esc(tip)}</title></circle>'
            )
    out.append("</g></svg>")
    return "".join(out)


def scatter_chart(
    x: Sequence[float],
    y: Sequence[float],
    *,
    labels: Sequence[str] | None = None,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
) -> str:
    """Scatter plot; ``labels`` (one per point) are written beside the points and in the tooltips."""
    xs = _floats(x, "x", "scatter_chart()")
    ys = _floats(y, "y", "scatter_chart()")
    check_lengths("scatter_chart()", x=xs, y=ys)
    labs = [str(s) for s in labels] if labels is not None else None
    if labs is not None:
        check_lengths("scatter_chart()", x=xs, labels=labs)
    top = 30.0 if title else 12.0
    height = top + 380 + 48
    left, right, bottom = 66.0, _W - 20, height - 48
    both = [(a, b) for a, b in zip(xs, ys, strict=True) if math.isfinite(a) and math.isfinite(b)]
    x_lo, x_hi, xt = ax.domain([a for a, _ in both])
    y_lo, y_hi, yt = ax.domain([b for _, b in both])
    sx, sy = ax.Scale(x_lo, x_hi, left, right), ax.Scale(y_lo, y_hi, bottom, top)
    out = chart_frame(_W, height, title, "scatter")
    out.append(ax.y_value_axis(sy, yt, left, right, label=ylabel))
    out.append(ax.x_value_axis(sx, xt, top, bottom, label=xlabel))
    out.append(ax.zero_line(sx, x_lo, x_hi, top, bottom, vertical=True))
    out.append(ax.zero_line(sy, y_lo, y_hi, left, right, vertical=False))
    out.append('<g class="points" fill="#1f77b4" fill-opacity="0.8" stroke="#ffffff" stroke-width="0.6">')
    show_text = labs is not None and len(xs) <= 80
    texts = []
    for i, (a, b) in enumerate(zip(xs, ys, strict=True)):
        if not (math.isfinite(a) and math.isfinite(b)):
            continue
        name = f"{labs[i]}: " if labs is not None else ""
        tip = f"{name}({fmt_value(a)}, {fmt_value(b)})"
        out.append(f'<circle cx="{num(sx(a))}" cy="{num(sy(b))}" r="4"><title>{esc(tip)}</title></circle>')
        if show_text and labs is not None:
            texts.append(text(sx(a) + 5, sy(b) - 4, labs[i], size=11.5, fill=MUTED))
    out.append("</g>")
    out.append(f'<g class="point-labels">{"".join(texts)}</g>')
    out.append(
        f'<rect x="{num(left)}" y="{num(top)}" width="{num(right - left)}" height="{num(bottom - top)}" fill="none" stroke="{AXIS}" stroke-width="0.6"/>'
    )
    out.append("</svg>")
    return "".join(out)
