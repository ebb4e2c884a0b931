"""Weights, Moran and LISA on the real city panel and county census, against PySAL (esda, libpysal) run here.

The city weights are built by :func:`yindi.spatial.units.unit_weights` on the codes of the city pack
(municipalities under province codes, historical units left out and reported); esda receives the same
neighbour lists as a libpysal ``W``. Contiguity itself is checked against libpysal's Queen on the same polygons.
Tolerances: 1e-10 relative (both sides compute the same closed forms in float64).
"""

from __future__ import annotations

import warnings

import esda
import numpy as np
import pytest
from libpysal.weights import W

from yindi.spatial import local_moran, moran
from yindi.spatial.units import unit_weights

RTOL = 1e-10


def _lw(w) -> W:  # type: ignore[no-untyped-def]
    nb = {c: list(v) for c, v in w.neighbors.items()}
    wt = {c: list(v) for c, v in w.weights.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return W(nb, wt, id_order=list(w.ids))


@pytest.fixture(scope="module")
def city(city_panel):  # type: ignore[no-untyped-def]
    wide = city_panel.cross_section(2019, ["gdp", "population"]).dropna()
    per_head = (wide["gdp"] / wide["population"]).drop(index="100000", errors="ignore")
    uw = unit_weights(per_head.index, "city")
    y = per_head.reindex(list(uw.weights.ids)).to_numpy()
    return uw, y


def test_city_weights_use_the_pack_codes_and_report_what_is_left_out(city) -> None:  # type: ignore[no-untyped-def]
    uw, _ = city
    ids = set(uw.weights.ids)
    assert {"110000", "120000", "310000", "500000"} <= ids and "110100" not in ids
    assert uw.geometry_codes == {"110000": "110100", "120000": "120100", "310000": "310100"}
    assert "110000" in uw.weights.neighbors["120000"]  # 北京 and 天津 share a border
    assert "130100" not in uw.weights.neighbors["110000"]  # 石家庄 does not touch 北京
    assert not uw.weights.islands  # units without a neighbour are attached to the nearest one and listed
    assert ("460100", "440800") in uw.weights.attached  # 海口 → 湛江 across the strait


def test_city_moran_and_lisa_match_esda(city) -> None:  # type: ignore[no-untyped-def]
    uw, y = city
    lw = _lw(uw.weights)
    ours = moran(y, uw.weights, seed=1)
    ref = esda.Moran(y, lw, transformation="r", permutations=0)
    assert pytest.approx(ref.I, rel=RTOL) == ours.I
    assert pytest.approx(ref.EI, rel=RTOL) == ours.EI
    assert ours.z_norm == pytest.approx(ref.z_norm, rel=1e-8)
    assert ours.I > 0.2  # GDP per head clusters among cities
    loc = local_moran(y, uw.weights, permutations=0)
    lref = esda.Moran_Local(y, lw, transformation="r", permutations=0)
    np.testing.assert_allclose(np.asarray(loc.Is), lref.Is, rtol=RTOL)


def test_city_contiguity_matches_libpysal_queen(city) -> None:  # type: ignore[no-untyped-def]
    import geopandas as gpd
    from libpysal.weights import Queen

    from yindi.regions.geometry import geometries

    uw, _ = city
    codes = [uw.geometry_codes.get(c, c) for c in uw.weights.ids]
    geoms = geometries(codes)
    frame = gpd.GeoDataFrame({"code": list(uw.weights.ids)}, geometry=[geoms[c] for c in codes])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        q = Queen.from_dataframe(frame, ids="code", use_index=False)
    attached = {frozenset(p) for p in uw.weights.attached}
    for code in uw.weights.ids:
        ours = {n for n in uw.weights.neighbors[code] if frozenset((code, n)) not in attached}
        assert ours == set(q.neighbors[code]), code


def test_county_weights_within_a_province_leave_out_zones(county_panel) -> None:  # type: ignore[no-untyped-def]
    units = county_panel.units
    js = units[(units["level"] == "county") & units["region_code"].str.startswith("32")]
    uw = unit_weights(js["region_code"], "county")
    left = {c for c, _, _ in uw.excluded}
    assert {"320571", "320611"} <= left  # 苏州工业园区 (functional zone), 港闸区 (merged in 2020)
    assert any(c.startswith("320700:") for c in left)  # 连云港's uncoded zones
    assert "320583" in uw.weights.ids and "320581" in uw.weights.neighbors["320583"]  # 昆山 – 常熟
    y = county_panel.cross_section(2020, ["pop_total"])["pop_total"].reindex(list(uw.weights.ids)).to_numpy()
    ref = esda.Moran(y, _lw(uw.weights), transformation="r", permutations=0)
    assert pytest.approx(ref.I, rel=RTOL) == moran(y, uw.weights, permutations=0).I


def test_city_values_map_with_the_inset(city_panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.report.maps import choropleth
    from yindi.spatial.units import map_values

    gdp = city_panel.cross_section(2010, ["gdp"])["gdp"].dropna().drop(index="100000", errors="ignore")
    values, left = map_values(gdp.to_dict(), "city")
    assert "110100" in values and "110000" not in values
    assert {c for c, _, _ in left} >= {"371200", "341400"}  # 莱芜, 巢湖: no current boundary, reported
    svg = choropleth(values, level="city", title="GDP 2010")
    assert "<svg" in svg and "北京" in svg  # the city-level unit is drawn under its name
