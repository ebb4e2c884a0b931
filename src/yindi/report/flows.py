"""Flow lines on the China map: corridors between regions drawn over a category map, with the 南海诸岛 inset.

Built on :mod:`yindi.report.maps` without changing it: the base map is :func:`~yindi.report.maps.category_map`
(e.g. regions coloured by role) and the lines are added in the same pixel frame, projected with the maps'
Albers projection and layout (:func:`yindi.report._mapdata._main_px`). Each line is a gentle quadratic curve from
one centroid to the other with an arrowhead at the receiving end; its width grows with the flow's weight and its
``<title>`` tooltip carries the label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from yindi._typing import Lang
from yindi.errors import ParameterError, check_option
from yindi.report import _mapdata as md
from yindi.report._svg import MUTED, esc, num, text
from yindi.report.maps import category_map

_LINE = "#8b1a1a"
_CLOSE = "</g></svg>"


@dataclass(frozen=True)
class Flow:
    """One line: from ``(lon0, lat0)`` to ``(lon1, lat1)`` (degrees), with a weight (line width) and a label."""

    lon0: float
    lat0: float
    lon1: float
    lat1: float
    weight: float
    label: str = ""


def _curve(x0: float, y0: float, x1: float, y1: float, bend: float = 0.18) -> str:
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    cx, cy = mx - bend * dy, my + bend * dx  # control point off the chord, always to the same side
    return f"M{num(x0)},{num(y0)}Q{num(cx)},{num(cy)} {num(x1)},{num(y1)}"


def flow_layer(flows: Sequence[Flow], *, min_width: float = 1.0, max_width: float = 5.0) -> str:
    """The SVG group of the lines (pixel coordinates of the main map)."""
    if not flows:
        return ""
    w = np.array([f.weight for f in flows], dtype=np.float64)
    if not np.all(np.isfinite(w)):
        raise ParameterError(
            "flow_layer(): every flow needs a finite weight.", zh="flow_layer()：每条流线都需要有限的权重。"
        )
    lo, hi = float(w.min()), float(w.max())
    widths = [min_width + (max_width - min_width) * ((v - lo) / (hi - lo) if hi > lo else 1.0) for v in w]
    ends = np.array([[f.lon0, f.lat0, f.lon1, f.lat1] for f in flows], dtype=np.float64)
    p0 = md._main_px(ends[:, :2])
    p1 = md._main_px(ends[:, 2:])
    out = [
        '<defs><marker id="yindi-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="{_LINE}"/></marker></defs>',
        f'<g class="flows" fill="none" stroke="{_LINE}" stroke-linecap="round" stroke-opacity="0.8">',
    ]
    order = np.argsort(w, kind="stable")  # strongest drawn last, on top
    for i in order.tolist():
        d = _curve(float(p0[i, 0]), float(p0[i, 1]), float(p1[i, 0]), float(p1[i, 1]))
        out.append(
            f'<path d="{d}" stroke-width="{num(widths[i])}" marker-end="url(#yindi-flow-arrow)">'
            f"<title>{esc(flows[i].label)}</title></path>"
        )
    for i in range(len(flows)):
        for x, y in (p0[i], p1[i]):
            out.append(
                f'<circle cx="{num(float(x))}" cy="{num(float(y))}" r="2.2" fill="{_LINE}" stroke="none"/>'
            )
    out.append("</g>")
    return "".join(out)


def flow_map(
    flows: Sequence[Flow],
    *,
    categories: Mapping[str, str] | None = None,
    colors: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
    title: str = "",
    note: str | None = None,
    lang: Lang = "zh",
) -> str:
    """A province map (categories as fills, e.g. roles) with ``flows`` drawn on top, as one ``<svg>`` string.

    ``note`` is a line of text at the upper right (default: what the line width means).
    """
    check_option("lang", lang, ("zh", "en"), where="flow_map()")
    base = category_map(categories or {}, title=title, lang=lang, colors=colors, order=order, show_names=True)
    if not base.endswith(_CLOSE):  # pragma: no cover - guards against a change of the maps layout
        raise RuntimeError("flow_map(): unexpected end of the category map's SVG")
    if note is None:
        note = (
            "线宽 = 配对得分，箭头指向承载地"
            if lang == "zh"
            else "Line width = pair score; arrows point to carriers"
        )
    label = text(md.WIDTH - 12, 18, note, size=12, anchor="end", fill=MUTED)
    return base[: -len(_CLOSE)] + flow_layer(flows) + label + _CLOSE


def corridor_map(corridors: Any, roles: Any, *, title: str = "", lang: Lang = "zh") -> str:
    """The corridors of :func:`yindi.coordinate.corridors` on a map of roles (:func:`yindi.coordinate.roles`)."""
    from yindi.coordinate._reasons import ROLE_LABELS, role_label

    cats = {
        c: role_label(r, lang) for c, r in zip(roles.table["region_code"], roles.table["role"], strict=True)
    }
    palette = dict(zip(ROLE_LABELS, ("#d6604d", "#4393c3", "#9970ab", "#fee8a0", "#bdbdbd"), strict=True))
    colors = {role_label(k, lang): v for k, v in palette.items()}
    present = set(roles.table["role"])
    legend = [role_label(k, lang) for k in ROLE_LABELS if k in present]
    flows = []
    for r in corridors.table.itertuples():
        if lang == "zh":
            label = f"{r.source} → {r.carrier}：得分 {r.score:.3f}，{r.distance_km:,.0f} 公里，主要来自{r.main_part}"
        else:
            label = f"{r.source} → {r.carrier}: score {r.score:.3f}, {r.distance_km:,.0f} km, mainly {r.main_part}"
        flows.append(Flow(r.source_lon, r.source_lat, r.carrier_lon, r.carrier_lat, float(r.score), label))
    return flow_map(flows, categories=cats, colors=colors, order=legend, title=title, lang=lang)


__all__ = ["Flow", "corridor_map", "flow_layer", "flow_map"]
