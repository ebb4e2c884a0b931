"""The city's internal layout (source 003 §3.3) on the real 2020 census.

Independent checks written out here: knowledge and manufacturing shares recomputed from the raw census file
with pandas; ring averages recomputed from the unit table; the chain verdict re-derived from them; distances
recomputed with the haversine formula (mean Earth radius 6371.0088 km) from shapely centroids.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from yindi.cli import app
from yindi.errors import DataValidationError, ParameterError
from yindi.plan.city_layout import city_layout, city_layouts


@pytest.fixture(scope="module")
def suzhou(county_panel):  # type: ignore[no-untyped-def]
    return city_layout(county_panel, "苏州")


@pytest.fixture(scope="module")
def raw(counties_dir: Path) -> pd.DataFrame:
    f = pd.read_csv(counties_dir / "census2020.csv.gz", dtype={"region_code": str, "parent_code": str})
    return f[f["parent_code"] == "320500"].pivot_table(
        index="region_code", columns="indicator", values="value", aggfunc="first"
    )


def test_units_rings_and_types(suzhou) -> None:  # type: ignore[no-untyped-def]
    u = suzhou.units.set_index("region_code")
    assert set(u.index) == {"320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583",
                            "320585", "320571"}  # fmt: skip
    assert u.loc["320508", "ring"] == "centre"  # 姑苏, the densest district
    for code in ("320581", "320582", "320583", "320585"):  # the four county-level cities, > 30 km away
        assert u.loc[code, "ring"] == "periphery" and u.loc[code, "kind"] == "county_city"
        assert u.loc[code, "distance_km"] > 30
    assert u.loc["320571", "ring"] == "unplaced"  # 苏州工业园区: functional zone, reported not dropped
    assert set(u.loc[u["kind"] == "district", "ring"]) <= {"centre", "near_suburb"}


def test_shares_match_the_raw_census(suzhou, raw) -> None:  # type: ignore[no-untyped-def]
    u = suzhou.units.set_index("region_code")
    know = raw[["emp_sample_research_tech", "emp_sample_ict", "emp_sample_education"]].sum(axis=1)
    k_share = know / raw["emp_sample_total"]
    m_share = raw["emp_sample_manufacturing"] / raw["emp_sample_total"]
    coded = [c for c in u.index if c in raw.index]
    np.testing.assert_allclose(u.loc[coded, "knowledge_share"], k_share[coded], rtol=1e-12)
    np.testing.assert_allclose(u.loc[coded, "manufacturing_share"], m_share[coded], rtol=1e-12)
    k_city = know[coded].sum() / raw.loc[coded, "emp_sample_total"].sum()
    np.testing.assert_allclose(u.loc[coded, "knowledge_lq"], k_share[coded] / k_city, rtol=1e-12)


def test_chain_verdict_follows_the_ring_averages(suzhou, raw) -> None:  # type: ignore[no-untyped-def]
    u = suzhou.units.assign(emp=suzhou.units["region_code"].map(raw["emp_sample_total"]))
    avg = {}
    for ring in ("centre", "near_suburb", "periphery"):
        s = u[u["ring"] == ring]
        avg[ring] = (
            (s["knowledge_share"] * s["emp"]).sum() / s["emp"].sum(),
            (s["manufacturing_share"] * s["emp"]).sum() / s["emp"].sum(),
        )
    (kc, mc), (ks, ms), (kp, mp) = avg["centre"], avg["near_suburb"], avg["periphery"]
    expected = {
        "centre_research": kc >= ks and kc >= kp,
        "suburb_pilot": ms >= mc and ks >= kp,
        "periphery_manufacturing": mp >= mc,
    }
    assert dict(suzhou.links) == expected
    assert suzhou.chain_holds == all(expected.values())
    rings = suzhou.rings.set_index("ring")
    assert rings.at["centre", "knowledge_share"] == pytest.approx(kc, rel=1e-12)


def test_deviations_and_reasons(suzhou) -> None:  # type: ignore[no-untyped-def]
    dev = suzhou.deviations
    lq = suzhou.options["lq_threshold"]
    for r in dev.itertuples():
        if r.ring == "periphery":
            assert r.manufacturing_lq < lq
        if r.ring == "centre":
            assert r.knowledge_lq < lq
    kunshan = suzhou.units.set_index("region_code").loc["320583"]
    assert "昆山（320583）" in kunshan["reason_zh"] and "Kunshan (320583)" in kunshan["reason_en"]
    assert "%" in kunshan["reason_zh"] and "LQ" in kunshan["reason_en"]


def test_distance_is_haversine_from_the_population_weighted_centre(suzhou, raw) -> None:  # type: ignore[no-untyped-def]
    import shapely

    from yindi.regions.geometry import geometries

    u = suzhou.units.set_index("region_code")
    centre = u.index[u["ring"] == "centre"].tolist()
    g = geometries([*centre, "320583"])
    xy = {c: shapely.get_coordinates(shapely.centroid(g[c]))[0] for c in g}
    pop = raw.loc[centre, "pop_total"].to_numpy()
    core = (pop[:, None] * np.array([xy[c] for c in centre])).sum(axis=0) / pop.sum()
    lon1, lat1, lon2, lat2 = map(np.radians, (*core, *xy["320583"]))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    assert u.loc["320583", "distance_km"] == pytest.approx(2 * 6371.0088 * np.arcsin(np.sqrt(h)), rel=1e-9)


def test_thresholds_are_options(county_panel, suzhou) -> None:  # type: ignore[no-untyped-def]
    wide = city_layout(county_panel, "320500", {"near_km": 45.0})
    u = wide.units.set_index("region_code")
    assert u.loc["320583", "ring"] == "near_suburb"  # 昆山 (40 km) joins the near suburb
    with pytest.raises(ParameterError, match="near_km"):
        city_layout(county_panel, "苏州", {"near_kms": 1})


def test_too_few_units_and_ambiguous_city(county_panel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataValidationError, match="东莞|441900"):
        city_layout(county_panel, "东莞")  # no county-level units (towns directly under the city)
    with pytest.raises(LookupError, match="320500.*341300|341300.*320500"):
        city_layout(county_panel, "Suzhou")


def test_several_cities_and_result_schema(county_panel) -> None:  # type: ignore[no-untyped-def]
    layouts = city_layouts(county_panel, ["苏州", "北京", "成都"])
    assert set(layouts) == {"320500", "110100", "510100"}
    frame = layouts["110100"].to_frame("en")
    assert list(frame.columns[:6]) == ["region_code", "region", "level", "year", "measure", "value"]
    assert {"ring", "role", "reason"} <= set(frame.columns)
    assert "centre" in layouts["110100"].summary("en") and "中心城区" in layouts["110100"].summary("zh")


def test_cli(tmp_path: Path, counties_dir: Path) -> None:
    out = tmp_path / "sz.xlsx"
    res = CliRunner().invoke(
        app, ["city", "layout", "--data", str(counties_dir), "--city", "苏州", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert "姑苏" in res.output and out.exists()
    sheets = pd.read_excel(out, sheet_name=None)
    assert {"units", "rings", "tidy", "notes"} <= set(sheets)


def test_city_grid_cli(tmp_path: Path, counties_dir: Path) -> None:
    out = tmp_path / "grid.csv"
    res = CliRunner().invoke(
        app, ["city", "grid", "--data", str(counties_dir), "--draws", "20", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    table = pd.read_csv(out, dtype={"region_code": str})
    assert table.groupby(["weighting", "normalization", "aggregation"]).ngroups == 24
    assert table["region_code"].nunique() > 2900
