"""Shared SVG helpers for maps and charts: escaping, fonts, number formats, nice ticks and palettes.

Everything here is deterministic (same input → same bytes) and produces plain SVG 1.1 markup that browsers
render inline; text is drawn by the browser's own fonts, so Chinese needs no embedded font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from yindi.errors import ParameterError

#: Font stack for every text element (CJK fonts first; the browser falls back to the first one it has).
FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
TEXT = "#222222"
MUTED = "#666666"
GRID = "#e3e3e3"
AXIS = "#888888"
NO_DATA = "#d0d0d0"

# ColorBrewer 2.0 schemes (Brewer, Harrower & Pennsylvania State University; Apache-2.0 licence): the
# 9-class sequential and 11-class diverging lists, transcribed from colorbrewer2.org (checked against
# matplotlib's copy in tests/report/test_charts.py).
SEQUENTIAL: dict[str, tuple[str, ...]] = {
    "Blues": (
        "#f7fbff",
        "#deebf7",
        "#c6dbef",
        "#9ecae1",
        "#6baed6",
        "#4292c6",
        "#2171b5",
        "#08519c",
        "#08306b",
    ),
    "Greens": (
        "#f7fcf5",
        "#e5f5e0",
        "#c7e9c0",
        "#a1d99b",
        "#74c476",
        "#41ab5d",
        "#238b45",
        "#006d2c",
        "#00441b",
    ),
    "Oranges": (
        "#fff5eb",
        "#fee6ce",
        "#fdd0a2",
        "#fdae6b",
        "#fd8d3c",
        "#f16913",
        "#d94801",
        "#a63603",
        "#7f2704",
    ),
    "Purples": (
        "#fcfbfd",
        "#efedf5",
        "#dadaeb",
        "#bcbddc",
        "#9e9ac8",
        "#807dba",
        "#6a51a3",
        "#54278f",
        "#3f007d",
    ),
    "Reds": (
        "#fff5f0",
        "#fee0d2",
        "#fcbba1",
        "#fc9272",
        "#fb6a4a",
        "#ef3b2c",
        "#cb181d",
        "#a50f15",
        "#67000d",
    ),
    "Greys": (
        "#ffffff",
        "#f0f0f0",
        "#d9d9d9",
        "#bdbdbd",
        "#969696",
        "#737373",
        "#525252",
        "#252525",
        "#000000",
    ),
    "YlOrRd": (
        "#ffffcc",
        "#ffeda0",
        "#fed976",
        "#feb24c",
        "#fd8d3c",
        "#fc4e2a",
        "#e31a1c",
        "#bd0026",
        "#800026",
    ),
    "YlGnBu": (
        "#ffffd9",
        "#edf8b1",
        "#c7e9b4",
        "#7fcdbb",
        "#41b6c4",
        "#1d91c0",
        "#225ea8",
        "#253494",
        "#081d58",
    ),
    "YlGn": (
        "#ffffe5",
        "#f7fcb9",
        "#d9f0a3",
        "#addd8e",
        "#78c679",
        "#41ab5d",
        "#238443",
        "#006837",
        "#004529",
    ),
}
DIVERGING: dict[str, tuple[str, ...]] = {
    "RdBu": (
        "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7",
        "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061",
    ),
    "PuOr": (
        "#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7",
        "#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b",
    ),
    "BrBG": (
        "#543005", "#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5",
        "#c7eae5", "#80cdc1", "#35978f", "#01665e", "#003c30",
    ),
}  # fmt: skip
#: Qualitative colours for series and categories (Tableau 10 as in matplotlib's ``tab10``, grey moved last).
QUALITATIVE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#7f7f7f",
)  # fmt: skip


def esc(text: object) -> str:
    """Escape text for an SVG text node or a double-quoted attribute (``&``, ``<``, ``>`` and ``"``)."""
    s = str(text)
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if '"' in s:
        s = s.replace('"', "&quot;")
    return s


def num(v: float) -> str:
    """A coordinate with at most one decimal (``12``, ``12.5``), never ``-0``."""
    r = round(float(v), 1)
    if r == 0:
        return "0"
    s = f"{r:.1f}"
    return s[:-2] if s[-1] == "0" else s  # "12.0" -> "12" (one decimal: a final 0 is the decimal)


def fmt_value(v: float, *, step: float | None = None, digits: int = 3) -> str:
    """Format a value for labels and tooltips.

    With ``step`` (the spacing of neighbouring values, e.g. a tick interval) as many decimals as that
    spacing needs; otherwise ``digits`` significant digits. Thousands get separators; ``—`` when missing.
    """
    if v is None or not math.isfinite(v):
        return "—"
    if step is not None and step > 0:
        decimals = max(0, -math.floor(math.log10(step) + 1e-9))
        if step / 10**-decimals % 1 > 1e-6:  # e.g. 0.25 needs two decimals
            decimals += 1
        return _no_minus_zero(f"{v:,.{min(decimals, 6)}f}")
    if v == 0:
        return "0"
    mag = math.floor(math.log10(abs(v)))
    decimals = max(0, digits - 1 - mag)
    return _no_minus_zero(f"{v:,.{min(decimals, 6)}f}")


def _no_minus_zero(s: str) -> str:
    """Drop the sign of a value that rounds to zero; write the typographic minus sign (U+2212) otherwise."""
    if s.startswith("-"):
        return s[1:] if not s.strip("-0.,") else "\u2212" + s[1:]
    return s


def nice_step(span: float, target: int = 5) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k step giving at most ``target`` intervals over ``span``.

    The "nice numbers" of Heckbert (1990, Graphics Gems) with 2.5 added for finer control.
    """
    if not math.isfinite(span) or span <= 0:
        return 1.0
    raw = span / max(target, 1)
    if raw < 1e-300:  # subnormal spans: log10 would fail; such an axis is flat for display
        return 1.0
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= m * mag * (1 + 1e-9):
            return m * mag
    return 10 * mag  # pragma: no cover


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Tick values on nice numbers covering ``[lo, hi]`` (the axis is extended to the outer ticks)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) or hi - lo < 1e-300:  # flat to display precision
        pad = abs(lo) * 0.1 if abs(lo) * 0.1 >= 1e-300 else 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo, target)
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    n = round((stop - start) / step)
    return [_clean(start + i * step, step) for i in range(n + 1)]


def _clean(v: float, step: float) -> float:
    decimals = max(0, -math.floor(math.log10(step))) + 2
    r = round(v, decimals)
    return 0.0 if r == 0 else r


def sequential_colors(palette: str, k: int) -> list[str]:
    """``k`` colours from a 9-class ColorBrewer scheme, light to dark.

    For k ≤ 8 the near-white first colour is skipped (it vanishes against the page) and ``k`` colours are
    taken evenly from the remaining eight; k = 9 returns the whole scheme.
    """
    if palette not in SEQUENTIAL:
        raise ParameterError(
            f"The 'palette' parameter must be one of {', '.join(map(repr, SEQUENTIAL))} "
            f"(or a diverging one: {', '.join(map(repr, DIVERGING))}). Got {palette!r} instead.",
            zh=f"参数 'palette' 须为 {'、'.join(map(repr, SEQUENTIAL))} 之一"
            f"（或发散色板 {'、'.join(map(repr, DIVERGING))} 之一），收到的是 {palette!r}。",
        )
    full = SEQUENTIAL[palette]
    if not 1 <= k <= len(full):
        raise ParameterError(
            f"A sequential palette has 1 to {len(full)} classes. Got {k} instead.",
            zh=f"顺序色板的分级数须在 1 到 {len(full)} 之间，收到的是 {k}。",
        )
    if k == len(full):
        return list(full)
    if k == 1:
        return [full[4]]
    return [full[1 + round(i * 7 / (k - 1))] for i in range(k)]


def diverging_colors(palette: str, n_neg: int, n_pos: int) -> list[str]:
    """Colours for ``n_neg`` classes below the centre and ``n_pos`` above (outermost darkest)."""
    if palette not in DIVERGING:
        raise ParameterError(
            f"The 'palette' parameter of a diverging map must be one of {', '.join(map(repr, DIVERGING))}. "
            f"Got {palette!r} instead.",
            zh=f"发散地图的参数 'palette' 须为 {'、'.join(map(repr, DIVERGING))} 之一，收到的是 {palette!r}。",
        )
    full = DIVERGING[palette]
    half = len(full) // 2  # 5 colours each side of the neutral centre
    if n_neg > half or n_pos > half:
        raise ParameterError(
            f"A diverging palette has at most {half} classes on each side of zero.",
            zh=f"发散色板在零的每一侧最多 {half} 级，当前为负侧 {n_neg} 级、正侧 {n_pos} 级。请减少分级数。",
        )
    neg = [full[half - off] for off in _offsets(n_neg)][::-1]
    pos = [full[half + off] for off in _offsets(n_pos)]
    return neg + pos


def _offsets(n: int) -> list[int]:
    """Distances from the neutral centre of an 11-class scheme for ``n`` classes on one side.

    Mirrors ColorBrewer's own smaller schemes: 1 class → 3; 2 → 2, 4; 3 → 1, 2, 4; 4 → 1..4; 5 → 1..5.
    """
    if n <= 0:
        return []
    if n == 1:
        return [3]
    start, stop = (1.0 if n >= 3 else 2.0), (5.0 if n >= 5 else 4.0)
    return [math.floor(start + i * (stop - start) / (n - 1) + 0.5 - 1e-9) for i in range(n)]


def text(
    x: float,
    y: float,
    content: object,
    *,
    size: float = 12,
    anchor: str = "start",
    fill: str = TEXT,
    weight: str | None = None,
    extra: str = "",
) -> str:
    """One ``<text>`` element (content escaped)."""
    w = f' font-weight="{weight}"' if weight else ""
    a = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{a} fill="{fill}"{w}{extra}>{esc(content)}</text>'


def svg_open(width: float, height: float, *, label: str = "", cls: str = "yindi-fig") -> str:
    """The opening ``<svg>`` tag with a viewBox, responsive width and the font stack."""
    aria = f' role="img" aria-label="{esc(label)}"' if label else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" style="max-width:100%;height:auto" '
        f'font-family="{FONT}"{aria}>'
    )


def check_lengths(where: str, **seqs: Sequence[object]) -> int:
    """Raise unless every named sequence has the same length; return it."""
    lengths = {k: len(v) for k, v in seqs.items()}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"{k}={n}" for k, n in lengths.items())
        raise ParameterError(
            f"{where}: the sequences must have the same length. Got {shown}.",
            zh=f"{where}：各序列长度须相同，收到的是 {'、'.join(f'{k}={n}' for k, n in lengths.items())}。",
        )
    return next(iter(lengths.values()), 0)
