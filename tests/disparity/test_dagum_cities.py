"""Dagum on the real city panel: NBS four regions apply to cities through their provinces; the result agrees
with the plain pairwise definition (``dagum_reference.dagum_plain``) with groups assigned independently here
from the first two digits of each code (GB/T 2260: the province prefix) and the NBS 2011 table written out."""

from __future__ import annotations

import pytest
from dagum_reference import dagum_plain

from yindi.disparity import dagum
from yindi.errors import DataValidationError

# 国家统计局《东西中部和东北地区划分方法》(2011), by province prefix.
NBS4 = {
    **dict.fromkeys(["11", "12", "13", "31", "32", "33", "35", "37", "44", "46"], "east"),
    **dict.fromkeys(["14", "34", "36", "41", "42", "43"], "central"),
    **dict.fromkeys(["15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"], "west"),
    **dict.fromkeys(["21", "22", "23"], "northeast"),
}


@pytest.fixture(scope="module")
def gdp_per_head(city_panel):  # type: ignore[no-untyped-def]
    wide = city_panel.cross_section(2019, ["gdp", "population"]).dropna()
    wide = wide[wide.index != "100000"]
    return (wide["gdp"] / wide["population"]).to_dict()


def test_city_dagum_by_nbs4_uses_every_city_and_matches_the_plain_definition(gdp_per_head) -> None:  # type: ignore[no-untyped-def]
    res = dagum(gdp_per_head, "nbs4", missing="drop")
    assert sum(res.sizes.values()) == len(gdp_per_head) > 250  # not 4 municipalities
    assert res.dropped == ()
    codes = list(gdp_per_head)
    ref = dagum_plain([gdp_per_head[c] for c in codes], [NBS4[c[:2]] for c in codes])
    for part in ("total", "within", "between", "transvariation"):
        assert getattr(res, part) == pytest.approx(ref[part], rel=1e-12)


def test_city_dagum_by_province(gdp_per_head) -> None:  # type: ignore[no-untyped-def]
    by_province = {c: c[:2] for c in gdp_per_head}
    res = dagum(gdp_per_head, by_province)
    ref = dagum_plain(list(gdp_per_head.values()), list(by_province.values()))
    assert res.total == pytest.approx(ref["total"], rel=1e-12)
    assert res.within == pytest.approx(ref["within"], rel=1e-12)


def test_historical_units_and_municipalities_are_grouped_through_their_province() -> None:
    values = {"371200": 1.0, "341400": 2.0, "110000": 3.0, "230900": 4.0, "320571": 5.0, "654100": 6.0}
    res = dagum(values, "nbs4")
    assert res.sizes == {"east": 3, "central": 1, "northeast": 1, "west": 1}


def test_a_grouping_that_cannot_place_labels_is_an_error() -> None:
    with pytest.raises(DataValidationError, match="not adcodes"):
        dagum({"北京": 1.0, "上海": 2.0, "广州": 3.0}, "nbs4", missing="drop")


def test_nested_theil_region_province_city(city_panel) -> None:  # type: ignore[no-untyped-def]
    """Two-stage nested Theil T (Akita 2003) of city GDP weighted by population: NBS region → province → city.
    Reference written out: T = Σ s_i ln(s_i / p_i); between-region and between-province parts by the same
    formula on group totals."""
    import numpy as np

    from yindi.disparity import theil
    from yindi.regions.groupings import province_of

    wide = city_panel.cross_section(2019, ["gdp", "population"]).dropna()
    wide = wide[wide.index != "100000"]
    gdp, pop = wide["gdp"], wide["population"]
    provinces = {c: province_of(c) for c in wide.index}
    res = theil((gdp / pop).to_dict(), "nbs4", subgroups=provinces, weights=pop.to_dict())
    s, p = gdp / gdp.sum(), pop / pop.sum()
    total = float((s * np.log(s / p)).sum())
    region = {c: NBS4[c[:2]] for c in wide.index}
    sg, pg = s.groupby(region).sum(), p.groupby(region).sum()
    between = float((sg * np.log(sg / pg)).sum())
    sp, pp = s.groupby(provinces).sum(), p.groupby(provinces).sum()
    between_prov = float((sp * np.log(sp / pp)).sum()) - between
    assert res.total == pytest.approx(total, rel=1e-10)
    assert res.between == pytest.approx(between, rel=1e-10)
    assert res.between_sub == pytest.approx(between_prov, rel=1e-10)
    assert res.total == pytest.approx(res.between + res.between_sub + res.within, rel=1e-12)
