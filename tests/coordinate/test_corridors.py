"""Corridors: the strongest distinct pairs with their centroids; the corridor map draws one line each."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from coordinate_testdata import make_hand_panel

from yindi.coordinate import pairs, roles
from yindi.coordinate.corridors import corridors
from yindi.errors import ParameterError
from yindi.report.flows import corridor_map
from yindi.schema import check_schema


@pytest.fixture()
def hand_panel():  # type: ignore[no-untyped-def]
    return make_hand_panel()


def test_corridors_table_and_map(hand_panel) -> None:  # type: ignore[no-untyped-def]
    r = roles(hand_panel)
    p = pairs(hand_panel, roles_result=r, top=3, options={"eligible": "all"})
    c = corridors(p, r, n=4)
    t = c.table
    assert len(t) == 4 and list(t["rank"]) == [1, 2, 3, 4]
    assert t["score"].is_monotonic_decreasing
    assert not t.duplicated(["source_code", "carrier_code"]).any()
    best = p.table.sort_values("score", ascending=False).iloc[0]
    assert (t.at[0, "source_code"], t.at[0, "carrier_code"]) == (best["source_code"], best["carrier_code"])
    i = list(r.codes).index(t.at[0, "carrier_code"])
    assert (t.at[0, "carrier_lon"], t.at[0, "carrier_lat"]) == tuple(r.lonlat[i])
    check_schema(c.to_frame())
    svg = corridor_map(c, r, title="走廊")
    flows = [g for g in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "flows"]
    assert len(list(flows[0].iter("{http://www.w3.org/2000/svg}path"))) == 4
    assert "创新策源地" in svg
    with pytest.raises(ParameterError):
        corridors(p, r, n=0)
