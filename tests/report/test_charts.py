"""Tests of the SVG charts: structure (XML), counts of bars/points, nice axis ticks, escaping, errors.

Tick values are checked against hand-worked sequences: the step is the smallest of 1, 2, 2.5, 5 × 10^k that
gives at most ``target`` intervals over the data span (the "nice numbers" idea of Heckbert 1990, Graphics
Gems, with 2.5 added), and the axis is extended outwards to multiples of the step. No tolerance is needed
because ticks are rounded to their step.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from yindi.errors import ParameterError
from yindi.report._svg import fmt_value, nice_step, nice_ticks
from yindi.report.charts import (
    bar_chart,
    heatmap,
    interval_chart,
    line_chart,
    radar_chart,
    scatter_chart,
    stacked_bar_chart,
)

NS = "{http://www.w3.org/2000/svg}"
PROVS = ["北京", "天津", "河北", "上海", "A<&>B"]


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def _texts(root: ET.Element, cls: str | None = None) -> list[str]:
    return [t.text or "" for t in root.iter(f"{NS}text") if cls is None or t.get("class") == cls]


def _group(root: ET.Element, cls: str) -> ET.Element:
    return next(g for g in root.iter(f"{NS}g") if (g.get("class") or "").split()[:1] == [cls])


def _axis_ticks(root: ET.Element, axis: str) -> list[str]:
    return [t.text or "" for t in _group(root, "axis").iter(f"{NS}text")] if axis == "any" else [
        t.text or "" for g in root.iter(f"{NS}g") if g.get("class") == f"axis {axis}" for t in g.iter(f"{NS}text")
    ]  # fmt: skip


# --- helpers ------------------------------------------------------------------------------------------------
def test_nice_ticks_hand_worked() -> None:
    assert nice_ticks(0, 9.3) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(0.13, 0.87) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    # span 11.1 / 5 = 2.22 → step 2.5; floor(-3.2 / 2.5) = -2, ceil(7.9 / 2.5) = 4
    assert nice_ticks(-3.2, 7.9) == [-5, -2.5, 0, 2.5, 5, 7.5, 10]
    assert nice_ticks(1200, 98000) == [0, 20000, 40000, 60000, 80000, 100000]
    assert nice_step(10, 4) == 2.5
    assert nice_ticks(5, 5) == [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]  # a constant is padded by ±10 %


def test_fmt_value() -> None:
    assert fmt_value(47353.7, step=10000) == "47,354"
    assert fmt_value(0.25, step=0.25) == "0.25"
    assert fmt_value(-0.0001, step=0.01) == "0.00"
    assert fmt_value(math.nan) == "—"


# --- one test per chart -------------------------------------------------------------------------------------
def test_bar_chart_single_series_with_errors_and_highlight() -> None:
    vals = [3.2, 7.9, -1.5, 4.0, 2.2]
    svg = bar_chart(
        PROVS,
        vals,
        title="R&D <强度>",
        unit="%",
        errors=([v - 1 for v in vals], [v + 1 for v in vals]),
        highlight="上海",
    )
    root = _parse(svg)
    bars = [r for r in root.iter(f"{NS}rect") if r.get("class") == "bar"]
    assert len(bars) == 5
    assert [b.get("fill") for b in bars].count("#d62728") == 1
    assert len(list(_group(root, "whiskers").iter(f"{NS}path"))) == 5
    assert _texts(root, "cat") == PROVS  # escaped "A<&>B" round-trips
    # data and whiskers span -2.5 .. 8.9: step 2.5, one decimal on every label
    assert _axis_ticks(root, "x")[:-1] == ["\u22122.5", "0.0", "2.5", "5.0", "7.5", "10.0"]  # U+2212 minus
    assert "R&D <强度>" in _texts(root)
    # negative bar extends left of zero: its x is left of the other bars' x
    xs = [float(b.get("x", "0")) for b in bars]
    assert xs[2] < xs[0] and xs[0] == xs[1]


def test_bar_chart_grouped_vertical() -> None:
    svg = bar_chart(PROVS[:3], {"2022": [1, 2, 3], "2023": [2, 3, None]}, horizontal=False, unit="亿元")
    root = _parse(svg)
    bars = [r for r in root.iter(f"{NS}rect") if r.get("class") == "bar"]
    assert len(bars) == 5  # one missing value left out
    assert {"2022", "2023"} <= set(_texts(_group(root, "legend")))
    assert _axis_ticks(root, "y") == ["0", "1", "2", "3", "亿元"]  # span 3 / 5 = 0.6 → step 1


def test_stacked_bar_chart() -> None:
    parts = {"一产": [10, 5, 8], "二产": [40, 30, 35], "三产": [50, 65, 57]}
    root = _parse(stacked_bar_chart(PROVS[:3], parts, unit="%"))
    bars = [r for r in root.iter(f"{NS}rect") if r.get("class") == "bar"]
    assert len(bars) == 9
    assert _axis_ticks(root, "x") == ["0", "20", "40", "60", "80", "100", "%"]
    # the three parts of the first bar are contiguous and end at 100
    first = sorted(bars[0:3], key=lambda b: float(b.get("x", "0")))
    assert len({b.get("y") for b in first}) == 1
    ends = [float(b.get("x", "0")) + float(b.get("width", "0")) for b in first]
    assert all(abs(ends[i] - float(first[i + 1].get("x", "0"))) < 0.11 for i in range(2))


def test_line_chart_years_and_gaps() -> None:
    years = list(range(2015, 2024))
    root = _parse(
        line_chart(
            years,
            {"东部": list(range(9)), "西部": [1, 2, None, 4, 5, 6, 7, 8, 9]},
            xlabel="年份",
            ylabel="指数",
        )
    )
    series = [g for g in root.iter(f"{NS}g") if g.get("class") == "series"]
    assert len(series) == 2
    assert len(list(series[0].iter(f"{NS}circle"))) == 9 and len(list(series[1].iter(f"{NS}circle"))) == 8
    d = next(series[1].iter(f"{NS}path")).get("d", "")
    assert d.count("M") == 2  # the line breaks at the missing year
    assert _texts(root, "xtick") == [str(y) for y in years]
    assert _axis_ticks(root, "y")[:-1] == ["0", "2", "4", "6", "8", "10"]


def test_heatmap_annotated_diverging() -> None:
    m = np.array([[0.5, -0.2, math.nan], [1.0, 0.0, -1.0]])
    root = _parse(heatmap(m, ["r<1>", "r2"], ["a", "b", "c"], annotate=True, center=0.0))
    cells = list(_group(root, "cells").iter(f"{NS}rect"))
    assert len(cells) == 5  # NaN left blank
    assert _texts(root, "row") == ["r<1>", "r2"] and _texts(root, "col") == ["a", "b", "c"]
    fills = [c.get("fill") for c in cells]
    assert fills[4] == "#67001f" and fills[2] == "#053061"  # −1 darkest red, +1 darkest blue (RdBu)
    assert fills[3] == "#f7f7f7"  # the centre is neutral
    with pytest.raises(ParameterError, match="2 × 3"):
        heatmap(np.ones((3, 3)), ["a", "b"], ["x", "y", "z"])


def test_radar_chart() -> None:
    axes = ["创新", "产业", "人才", "数字", "绿色"]
    root = _parse(radar_chart(axes, {"北京": [0.9, 0.8, 0.7, 0.6, 0.5], "上海": [0.2, 0.4, 0.6, 0.8, 1.0]}))
    polys = [p for p in root.iter(f"{NS}polygon") if p.get("class") == "series"]
    assert len(polys) == 2 and all(len(p.get("points", "").split()) == 5 for p in polys)
    assert _texts(root, "axis-label") == axes
    assert _texts(root, "ring") == ["0.5", "1.0"]
    with pytest.raises(ParameterError, match=r"\[0, 1\]"):
        radar_chart(axes, {"x": [0, 0, 0, 0, 2]})


def test_interval_chart() -> None:
    root = _parse(interval_chart(PROVS, [1, 2, 3, 4, 5], [1, 1, 2, 2, 3], [2, 4, 5, 7, 9], xlabel="名次"))
    assert len([c for c in root.iter(f"{NS}circle") if c.get("class") == "point"]) == 5
    assert len([line for line in root.iter(f"{NS}line") if line.get("class") == "whisker"]) == 5
    assert _axis_ticks(root, "x") == ["0", "2", "4", "6", "8", "10", "名次"]
    with pytest.raises(ParameterError, match="same length"):
        interval_chart(PROVS, [1], [1], [1])


def test_scatter_chart() -> None:
    x, y = [0.1, 0.5, 0.9, math.nan], [10, 30, 50, 70]
    root = _parse(scatter_chart(x, y, labels=["a", "b&c", "d", "e"], xlabel="x", ylabel="y"))
    assert len(list(_group(root, "points").iter(f"{NS}circle"))) == 3
    assert _texts(_group(root, "point-labels")) == ["a", "b&c", "d"]
    assert _axis_ticks(root, "x") == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "x"]
    assert _axis_ticks(root, "y") == ["10", "20", "30", "40", "50", "y"]


def test_charts_are_deterministic() -> None:
    args = (PROVS, [1.0, 2.0, 3.0, 4.0, 5.0])
    assert bar_chart(*args, title="t") == bar_chart(*args, title="t")
    assert scatter_chart([1, 2], [3, 4]) == scatter_chart([1, 2], [3, 4])


def test_pandas_and_numpy_inputs() -> None:
    import pandas as pd

    s = pd.Series([1.0, 2.0, 3.0], index=["a", "b", "c"])
    root = _parse(bar_chart(list(s.index), s))
    assert len([r for r in root.iter(f"{NS}rect") if r.get("class") == "bar"]) == 3
    frame = pd.DataFrame({"东部": [1.0, 2.0], "西部": [2.0, 3.0]})
    root = _parse(line_chart(np.array([2022, 2023]), frame))
    assert len([g for g in root.iter(f"{NS}g") if g.get("class") == "series"]) == 2
    assert _texts(root, "xtick") == ["2022", "2023"]  # NumPy integers are numeric years


def test_long_labels_are_shortened_to_fit() -> None:
    long = "规上工业企业新产品开发经费支出（按行业分组，含港澳台投资企业）"
    root = _parse(bar_chart([long, "短"], [1.0, 2.0]))
    shown = _texts(root, "cat")
    assert shown[0].endswith("…") and len(shown[0]) < len(long) and shown[1] == "短"
    tips = [t.text or "" for t in root.iter(f"{NS}title")]
    assert any(long in tip for tip in tips)  # the full label stays in the tooltip
