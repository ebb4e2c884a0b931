"""Flow lines on the China map: structure, projection of the endpoints, widths, inset kept."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from yindi.errors import ParameterError
from yindi.report import _mapdata as md
from yindi.report.flows import Flow, flow_layer, flow_map

NS = "{http://www.w3.org/2000/svg}"
FLOWS = [
    Flow(116.4, 40.2, 111.7, 43.4, 0.6, "北京 → 内蒙古"),
    Flow(121.4, 31.2, 106.6, 26.8, 0.4, "上海 → 贵州 <&>"),
]


def _paths(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [p for g in root.iter(f"{NS}g") if g.get("class") == "flows" for p in g.iter(f"{NS}path")]


def test_flow_map_is_valid_svg_with_lines_and_inset() -> None:
    svg = flow_map(FLOWS, categories={"110000": "源", "150000": "载"}, title="走廊")
    root = ET.fromstring(svg)  # well-formed, labels escaped
    assert any(g.get("class") == "inset" for g in root.iter(f"{NS}g"))
    paths = _paths(svg)
    assert len(paths) == 2
    titles = [p.find(f"{NS}title").text for p in paths]  # type: ignore[union-attr]
    assert "上海 → 贵州 <&>" in titles
    assert "线宽" in svg


def test_endpoints_are_projected_centroids_and_width_follows_weight() -> None:
    paths = _paths(flow_map(FLOWS))
    by_title = {p.find(f"{NS}title").text: p for p in paths}  # type: ignore[union-attr]
    d = by_title["北京 → 内蒙古"].get("d")
    nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", d or "")]
    start, end = np.array(nums[:2]), np.array(nums[-2:])
    px = md._main_px(np.array([[116.4, 40.2], [111.7, 43.4]]))
    np.testing.assert_allclose(start, px[0], atol=0.051)  # one decimal in the SVG
    np.testing.assert_allclose(end, px[1], atol=0.051)
    w = {t: float(p.get("stroke-width") or 0) for t, p in by_title.items()}
    assert w["北京 → 内蒙古"] == 5.0 and w["上海 → 贵州 <&>"] == 1.0


def test_empty_and_bad_flows() -> None:
    assert flow_layer([]) == ""
    with pytest.raises(ParameterError):
        flow_layer([Flow(116, 40, 111, 43, float("nan"))])
