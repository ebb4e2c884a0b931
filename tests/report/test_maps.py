"""Tests of the China maps: projection, class breaks, SVG structure, inset, no-data, escaping, speed.

Tolerances
----------
- ``SNYDER_TOL = 5e-7``: Snyder (1987) prints the worked example to 7 decimals, so agreement to half a unit in
  the last printed place is the most that can be checked.
- ``AREA_RTOL = 1e-4``: the equal-area check integrates a 1°×1° cell whose edges are sampled every 0.01°; the
  polygon chord error on the curved parallels is below 1e-5 relative.
- Class edges are compared with ``numpy.quantile`` to 1e-12 (same arithmetic, different code path).
"""

from __future__ import annotations

import math
import re
import time
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from yindi.errors import ParameterError
from yindi.regions import registry
from yindi.report._classify import assign_classes, class_edges, edge_labels
from yindi.report._projection import CHINA_ALBERS, Albers
from yindi.report._svg import DIVERGING, NO_DATA, SEQUENTIAL, diverging_colors, sequential_colors
from yindi.report.maps import category_map, choropleth

SNYDER_TOL = 5e-7
AREA_RTOL = 1e-4
NS = "{http://www.w3.org/2000/svg}"


def _values(seed: int = 0) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    return {r.adcode: float(rng.lognormal(10, 0.5)) for r in registry().provinces()}


def _regions(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    group = next(g for g in root.iter(f"{NS}g") if g.get("class") == "regions")
    out: dict[str, ET.Element] = {}
    for path in group.iter(f"{NS}path"):
        code = path.get("data-code")
        assert code is not None
        assert code not in out, f"{code} drawn twice"
        out[code] = path
    return out


def _tooltip(path: ET.Element) -> str:
    title = path.find(f"{NS}title")
    assert title is not None and title.text is not None
    return title.text


# --- projection ---------------------------------------------------------------------------------------------
def test_albers_matches_snyder_worked_example() -> None:
    # Snyder (1987), Map Projections — A Working Manual, USGS PP 1395, p. 291 (Albers, sphere): R = 1,
    # φ1 = 29.5°, φ2 = 45.5°, φ0 = 23°, λ0 = −96°; point φ = 35°N, λ = 75°W → n = 0.6028370,
    # x = 0.2952720, y = 0.2416774.
    proj = Albers(lon0=-96.0, lat1=29.5, lat2=45.5, lat0=23.0, radius=1.0)
    x, y = proj.forward(np.array(-75.0), np.array(35.0))
    assert proj.n == pytest.approx(0.6028370, abs=SNYDER_TOL)
    assert float(x) == pytest.approx(0.2952720, abs=SNYDER_TOL)
    assert float(y) == pytest.approx(0.2416774, abs=SNYDER_TOL)


def test_albers_is_equal_area() -> None:
    # Area on the unit sphere of the cell [λ1, λ2] × [φ1, φ2] is Δλ (sin φ2 − sin φ1) (Snyder 1987, p. 98).
    for lon, lat in [(80.0, 30.0), (125.0, 48.0), (110.0, 18.0)]:
        t = np.linspace(0, 1, 101)
        lons = np.concatenate([lon + t, np.full(101, lon + 1), lon + 1 - t, np.full(101, lon)])
        lats = np.concatenate([np.full(101, lat), lat + t, np.full(101, lat + 1), lat + 1 - t])
        x, y = CHINA_ALBERS.forward(lons, lats)
        shoelace = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
        sphere = math.radians(1.0) * (math.sin(math.radians(lat + 1)) - math.sin(math.radians(lat)))
        assert shoelace == pytest.approx(sphere, rel=AREA_RTOL)


def test_central_meridian_is_vertical() -> None:
    x, _ = CHINA_ALBERS.forward(np.array([105.0, 105.0]), np.array([20.0, 50.0]))
    assert np.allclose(x, 0.0)


# --- classes ------------------------------------------------------------------------------------------------
def test_quantile_edges_hand_computed() -> None:
    # 1..10, 4 classes: type-7 quantiles at positions 9p → 1, 3.25, 5.5, 7.75, 10 (by hand).
    v = np.arange(1.0, 11.0)
    edges = class_edges(v, 4, "quantile")
    np.testing.assert_allclose(edges, [1.0, 3.25, 5.5, 7.75, 10.0], atol=1e-12)
    np.testing.assert_allclose(edges, np.quantile(v, [0, 0.25, 0.5, 0.75, 1]), atol=1e-12)
    assert assign_classes(v, edges).tolist() == [0, 0, 0, 1, 1, 2, 2, 3, 3, 3]


def test_quantile_edges_match_numpy_on_random_data() -> None:
    v = np.random.default_rng(3).lognormal(size=31)
    np.testing.assert_allclose(class_edges(v, 5), np.quantile(v, np.linspace(0, 1, 6)), atol=1e-12)


def test_equal_interval_and_user_breaks() -> None:
    v = np.array([0.0, 2.0, 3.9, 10.0])
    edges = class_edges(v, 5, "equal_interval")
    np.testing.assert_allclose(edges, [0, 2, 4, 6, 8, 10])
    assert assign_classes(v, edges).tolist() == [0, 1, 1, 4]
    user = class_edges(v, 5, "user", breaks=np.array([1.0, 5.0]))
    np.testing.assert_allclose(user, [0, 1, 5, 10])
    assert assign_classes(np.array([0.5, 1.0, 7.0, math.nan]), user).tolist() == [0, 1, 2, -1]


def test_ties_merge_classes_and_constant_is_one_class() -> None:
    # quantiles of 1,1,1,1,2 at 0, .25, .5, .75, 1 are 1,1,1,1,2 → one class [1, 2]
    assert class_edges(np.array([1.0, 1, 1, 1, 2]), 4).tolist() == [1.0, 2.0]
    edges = class_edges(np.array([5.0, 5.0]), 5)
    assert assign_classes(np.array([5.0]), edges).tolist() == [0]


def test_diverging_edges_put_zero_on_an_edge() -> None:
    v = np.array([-4.0, -2, -1, 0.5, 1, 3, 9])
    edges = class_edges(v, 4, "quantile", diverging=True)
    assert 0.0 in edges.tolist()
    assert edges[0] == -4 and edges[-1] == 9


def test_bad_options_raise_clear_errors() -> None:
    with pytest.raises(ParameterError, match="'method' parameter"):
        class_edges(np.arange(3.0), 3, "jenks")
    with pytest.raises(ParameterError, match="breaks"):
        class_edges(np.arange(3.0), 3, "user")
    with pytest.raises(ParameterError, match="'palette' parameter of choropleth"):
        choropleth(_values(), palette="Rainbow")
    with pytest.raises(ParameterError, match="between 1 and 9"):
        choropleth(_values(), classes=12)
    with pytest.raises(ParameterError, match="diverging"):
        choropleth(_values(), palette="RdBu")
    with pytest.raises(ParameterError, match="not province-level"):
        choropleth({"110100": 1.0})


def test_edge_labels_have_enough_decimals() -> None:
    assert edge_labels(np.array([-2.44, -1.1, 0.0, 1.6])) == [
        "\u22122.4 – \u22121.1",
        "\u22121.1 – 0",
        "0 – 1.6",
    ]
    assert edge_labels(np.array([0.12, 0.5, 1.0])) == ["0.12 – 0.50", "0.50 – 1.00"]
    assert edge_labels(np.array([10000.0, 47353.7, 200278.0])) == ["10,000 – 47,354", "47,354 – 200,278"]


def test_palettes_match_matplotlib_colorbrewer_copy() -> None:
    # matplotlib ships the ColorBrewer schemes as RGB floats in matplotlib._cm: an independent transcription.
    from matplotlib import _cm
    from matplotlib.colors import to_hex

    for name, colors in {**SEQUENTIAL, **DIVERGING}.items():
        assert [to_hex(c) for c in getattr(_cm, f"_{name}_data")] == list(colors), name
    assert sequential_colors("Blues", 9) == list(SEQUENTIAL["Blues"])
    assert len(set(sequential_colors("Greens", 5))) == 5
    neg_pos = diverging_colors("RdBu", 2, 3)
    assert neg_pos == ["#b2182b", "#f4a582", "#d1e5f0", "#92c5de", "#2166ac"]


# --- the SVG ------------------------------------------------------------------------------------------------
def test_every_province_once_with_tooltip() -> None:
    vals = _values()
    svg = choropleth(vals, title="人均GDP", unit="元")
    paths = _regions(svg)
    for region in registry().provinces():
        tip = _tooltip(paths[region.adcode])
        shown = f"{vals[region.adcode]:,.0f}"
        assert tip == f"{region.short_zh}: {shown} 元", tip
    for code in ("710000", "810000", "820000"):  # Taiwan, Hong Kong, Macao drawn, grey without a value
        assert paths[code].get("fill") == NO_DATA
        assert _tooltip(paths[code]).endswith("无数据")
    assert len(paths) == 34


def test_inset_has_frame_islands_and_maritime_boundary() -> None:
    root = ET.fromstring(choropleth(_values()))
    inset = next(g for g in root.iter(f"{NS}g") if g.get("class") == "inset")
    assert inset.find(f"{NS}rect") is not None
    maritime = [p for p in inset.iter(f"{NS}path") if p.get("class") == "maritime"]
    assert len(maritime) == 1 and maritime[0].get("d", "").count("M") >= 9  # the dashed boundary segments
    texts = [t.text for t in inset.iter(f"{NS}text")]
    assert "南海诸岛" in texts
    assert len([p for p in inset.iter(f"{NS}path") if p.get("class") != "maritime"]) >= 3  # 海南, 广东, 台湾…
    root_en = ET.fromstring(choropleth(_values(), lang="en"))
    assert "South China Sea Islands" in [t.text for t in root_en.iter(f"{NS}text")]
    assert "Beijing" in ET.tostring(root_en, encoding="unicode")


def test_missing_values_are_no_data() -> None:
    vals = _values()
    vals["140000"] = math.nan
    del vals["650000"]
    svg = choropleth(vals, unit="元")
    paths = _regions(svg)
    assert paths["140000"].get("fill") == NO_DATA and paths["650000"].get("fill") == NO_DATA
    assert _tooltip(paths["140000"]) == "山西: 无数据"
    legend = next(g for g in ET.fromstring(svg).iter(f"{NS}g") if g.get("class") == "legend")
    assert "无数据" in [t.text for t in legend.iter(f"{NS}text")]
    assert paths["110000"].get("fill") != NO_DATA


def test_classes_colour_regions_by_quantile() -> None:
    vals = _values(5)
    svg = choropleth(vals, classes=4, palette="Greens")
    paths = _regions(svg)
    codes = list(vals)
    v = np.array([vals[c] for c in codes])
    expected = assign_classes(v, np.quantile(v, [0, 0.25, 0.5, 0.75, 1]))
    colors = sequential_colors("Greens", 4)
    assert [paths[c].get("fill") for c in codes] == [colors[i] for i in expected]


def test_diverging_map_uses_red_for_negative() -> None:
    vals = {c: float(i - 15) for i, c in enumerate(_values())}
    paths = _regions(choropleth(vals, diverging=True, classes=4))
    red_side = set(DIVERGING["RdBu"][:5])
    assert paths["110000"].get("fill") in red_side  # −15
    assert paths["650000"].get("fill") not in red_side  # +15


def test_text_is_escaped() -> None:
    svg = choropleth(_values(), title='A<&>"B', unit="<&>", labels={"110000": "x < y & z"})
    root = ET.fromstring(svg)
    assert 'A<&>"B' in [t.text for t in root.iter(f"{NS}text")]
    assert _tooltip(_regions(svg)["110000"]) == "北京: x < y & z"


def test_category_map_legend_order_and_colours() -> None:
    cats = {c: ("HH" if i % 3 == 0 else "LL" if i % 3 == 1 else "<HL>") for i, c in enumerate(_values())}
    svg = category_map(cats, order=["LL", "HH"], colors={"HH": "#d7191c"})
    root = ET.fromstring(svg)
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")
    assert [t.text for t in legend.iter(f"{NS}text")] == ["LL", "HH", "<HL>", "无数据"]
    paths = _regions(svg)
    assert paths["110000"].get("fill") == "#d7191c"
    assert _tooltip(paths["120000"]) == "天津: LL"


def test_deterministic_small_and_fast() -> None:
    vals = _values()
    first = choropleth(vals, title="t")
    start = time.perf_counter()
    second = choropleth(vals, title="t")
    elapsed = time.perf_counter() - start
    assert first == second
    assert len(first.encode()) < 150_000
    assert elapsed < 0.5
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", first)  # no external assets


def test_national_total_and_pandas_series_accepted() -> None:
    import pandas as pd

    vals = _values()
    series = pd.Series({**vals, "100000": 1.0})
    assert _regions(choropleth(series)).keys() == _regions(choropleth(vals)).keys()


@pytest.mark.slow
def test_city_level_map() -> None:
    cities = registry().at_level("city")
    vals = {r.adcode: float(i) for i, r in enumerate(cities)}
    svg = choropleth(vals, level="city", lang="en")
    paths = _regions(svg)
    assert set(vals) <= set(paths)
    root = ET.fromstring(svg)
    assert any(g.get("class") == "inset" for g in root.iter(f"{NS}g"))
    assert any(u.get("class") == "province-borders" for u in root.iter(f"{NS}use"))


@pytest.mark.realdata
def test_real_gdp_per_capita_map(panel) -> None:  # type: ignore[no-untyped-def]
    frame = panel.mainland().frame
    year = 2023
    sel = frame[(frame["indicator"] == "gdp_per_capita") & (frame["year"] == year)]
    values = dict(zip(sel["region_code"], sel["value"], strict=True))
    unit = str(sel["unit"].iloc[0])
    svg = choropleth(values, title=f"人均GDP {year}", unit=unit)
    paths = _regions(svg)
    assert set(values) <= set(paths)
    bj = values["110000"]
    assert _tooltip(paths["110000"]) == f"北京: {bj:,.0f} {unit}"
    # the richest province falls in the darkest class
    richest = max(values, key=lambda c: values[c])
    assert paths[richest].get("fill") == sequential_colors("Blues", 5)[-1]


def test_all_missing_and_bad_values() -> None:
    import pandas as pd

    svg = choropleth({"110000": pd.NA, "120000": None, "130000": math.nan})
    paths = _regions(svg)
    assert {p.get("fill") for p in paths.values()} == {NO_DATA}
    legend = next(g for g in ET.fromstring(svg).iter(f"{NS}g") if g.get("class") == "legend")
    assert [t.text for t in legend.iter(f"{NS}text")] == ["无数据"]
    with pytest.raises(ParameterError, match="region 110000 must be a number"):
        choropleth({"110000": "abc"})
    assert len(_regions(category_map({}))) == 34


def test_show_names_writes_province_names() -> None:
    root = ET.fromstring(choropleth(_values(), show_names=True, lang="en"))
    names = next(g for g in root.iter(f"{NS}g") if g.get("class") == "names")
    shown = [t.text for t in names.iter(f"{NS}text")]
    assert len(shown) == 32 and "Beijing" in shown and "Taiwan" in shown  # all but Hong Kong and Macao


@pytest.mark.slow
def test_county_level_map() -> None:
    counties = registry().at_level("county")
    vals = {r.adcode: float(i % 97) for i, r in enumerate(counties)}
    svg = choropleth(vals, level="county")
    paths = _regions(svg)
    assert set(vals) <= set(paths) and len(paths) == len(registry().at_level("county", mainland=False))
    assert len(svg.encode()) < 2_500_000
    tip = _tooltip(paths["110105"])  # 朝阳区 in 北京: the province is named to tell it from 长春's 朝阳区
    assert tip.startswith("朝阳区（北京）")


def test_legend_has_no_six_decimal_labels_and_no_empty_classes() -> None:
    """Efficiency scores: many regions tie at 1 (the DEA frontier), so quantile edges coincide near 1."""
    codes = [r.adcode for r in registry().provinces()]
    values = {
        c: (1.0 if i < 12 else 1.0 - 1e-7 * i if i < 14 else 0.5 + 0.01 * i) for i, c in enumerate(codes)
    }
    svg = choropleth(values, classes=5, method="quantile")
    legend = re.findall(r"<text[^>]*>([^<]*\u2013[^<]*|\d\.\d+)</text>", svg)
    assert legend, "legend labels expected"
    assert not any(re.search(r"\d\.\d{4,}", lab) for lab in legend), legend
    assert "1.00 – 1.00" not in svg and "1.000000" not in svg
    from yindi.report._classify import merge_alike

    edges = merge_alike(class_edges(np.array(list(values.values())), 5, "quantile"))
    labels = edge_labels(edges)
    assert len(set(labels)) == len(labels)  # no two classes read alike
    from yindi.report.maps import NO_DATA

    swatches = re.findall(r'<rect x="[^"]+" y="[^"]+" width="21" height="13" fill="([^"]+)"', svg)
    shown = len([c for c in swatches if c != NO_DATA])
    used = len(set(assign_classes(np.array(list(values.values())), edges).tolist()))
    assert shown == used  # one swatch per class that holds a region
    assert edge_labels(np.array([0.5, 0.9999999, 1.0])) == ["0.50 – 1.00", "1.00"]
    assert edge_labels(np.array([0.0, 3.0, 4.0, 22.0])) == ["0 – 3", "3 – 4", "4 – 22"]
    np.testing.assert_array_equal(merge_alike(np.array([0.2, 0.6, 0.9999999, 1.0])), [0.2, 0.6, 1.0])
