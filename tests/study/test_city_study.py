"""The city study on the real pack (../shared/data/cn-cities) through the pipeline: level defaults, the report-year
rule, municipalities as city units, and the numbers of the city report against independent references —
Dagum against the plain pairwise definition (tests/disparity/dagum_reference.py), Moran and LISA against PySAL
esda run here on the node's own weights, the nested Theil against the formula written out, the three-sector
shares against a hand computation from the raw values."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from yindi.study import Study, run
from yindi.study.levels import effective_options

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "disparity"))
from dagum_reference import dagum_plain

RTOL = 1e-10
# 国家统计局《东西中部和东北地区划分方法》(2011), by province prefix (written out independently of the registry).
NBS4 = {
    **dict.fromkeys(["11", "12", "13", "31", "32", "33", "35", "37", "44", "46"], "east"),
    **dict.fromkeys(["14", "34", "36", "41", "42", "43"], "central"),
    **dict.fromkeys(["15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"], "west"),
    **dict.fromkeys(["21", "22", "23"], "northeast"),
}
NODES = ["coverage", "key_indicators", "index", "sectors", "spatial"]


@pytest.fixture(scope="module")
def cities(cities_dir: Path, city_panel):  # type: ignore[no-untyped-def]
    return run(Study(data=str(cities_dir), level="city"), city_panel, nodes=NODES, store=False)


@pytest.fixture(scope="module")
def guangdong(cities_dir: Path, city_panel):  # type: ignore[no-untyped-def]
    study = Study(data=str(cities_dir), level="city", within="广东")
    return run(study, city_panel, nodes=NODES, store=False)


def _gdp_per_head(panel, year: int) -> pd.Series:  # type: ignore[no-untyped-def]
    """10,000 × gdp / population from the raw rows (municipalities re-keyed to their city-level code)."""
    f = panel.frame
    f = f[(f["year"] == year) & f["indicator"].isin(["gdp", "population"])]
    wide = f.pivot_table(index="region_code", columns="indicator", values="value").dropna()
    wide.index = [{"110000": "110100", "120000": "120100", "310000": "310100"}.get(c, c) for c in wide.index]
    return 10_000 * wide["gdp"] / wide["population"]


def test_level_defaults_follow_the_level_and_user_values_win() -> None:
    study = Study(data="x", level="city")
    assert study.options["index"]["preset"] == "auto"  # the study file keeps "auto" and the level
    eff = effective_options(study.options, "city")
    assert eff["index"]["preset"] == "nqpf_city"
    assert eff["disparity"]["indicator"] == "gdp_per_capita"
    assert eff["report"]["key_indicators"] == ("gdp_per_capita", "tertiary_share", "gdp_index")
    assert effective_options(study.options, "province")["index"]["preset"] == "nqpf_three_elements"
    mine = Study(data="x", level="city", options={"disparity": {"indicator": "gdp"}})
    assert effective_options(mine.options, "city")["disparity"]["indicator"] == "gdp"


def test_year_rule_on_a_small_panel() -> None:
    from yindi.data.panel import make_panel
    from yindi.study.pipeline import choose_year

    codes = [f"4401{k:02d}" for k in range(10)]
    rows = []
    for year, have in ((2020, 10), (2021, 9), (2022, 7)):  # units with the indicator that year
        for k, code in enumerate(codes):
            rows.append((code, code, year, "x", float(k + 1) if k < have else np.nan, "u"))
    panel = make_panel(
        pd.DataFrame(rows, columns=["region_code", "region", "year", "indicator", "value", "unit"])
    )
    assert choose_year(panel, ["x"], min_coverage=0.8) == 2021  # 9/10 ≥ 80 %, 7/10 is not
    assert choose_year(panel, ["x"], min_coverage=0.95) == 2020
    assert choose_year(panel, ["x"], min_coverage=0.6) == 2022
    assert choose_year(panel, ["x", "absent"], min_coverage=0.8) == 2021  # indicators the data lack: ignored


def test_city_report_year_and_its_reason(cities, city_panel) -> None:  # type: ignore[no-untyped-def]
    rule = cities["coverage"].table("year_rule").set_index("year")
    assert cities.year == 2023 and cities.year_complete
    # by hand: covered units with gdp, population, va_tertiary and gdp_index in 2023
    f = city_panel.frame
    need = ["gdp", "population", "va_tertiary", "gdp_index"]
    have = f[(f["year"] == 2023) & f["indicator"].isin(need) & f["value"].notna()]
    units = set(cities.covered)
    complete = {
        {"110000": "110100", "120000": "120100", "310000": "310100"}.get(c, c)
        for c, g in have.groupby("region_code")
        if g["indicator"].nunique() == len(need)
    } & units
    assert int(rule.loc[2023, "complete"]) == len(complete)
    assert int(rule.loc[2023, "units"]) == len(units) == 337  # 334 current cities + 3 municipalities
    assert rule.loc[2023, "share"] >= 0.8 and rule.loc[2024, "complete"] == 0
    assert len(cities["coverage"].meta["uncovered"]) == 30  # 省直辖县级 units the pack does not hold


def test_municipalities_stand_for_their_city_level_units(cities) -> None:  # type: ignore[no-untyped-def]
    assert {"110100", "120100", "310100", "500000"} <= set(cities.covered)
    assert any("110000 → 110100" in n for n in cities.notices)
    ranking = cities["index"].table("ranking")
    assert "北京" in set(ranking["region"])


def test_city_dagum_matches_the_plain_definition(cities, city_panel) -> None:  # type: ignore[no-untyped-def]
    res = cities["disparity"]
    year = 2019
    y = _gdp_per_head(city_panel, year)
    y = y[[c for c in y.index if c in set(cities.covered)]]
    ours = res.table("values")
    ours = ours[ours["year"] == year].set_index("region_code")["value"]
    pd.testing.assert_series_equal(ours.sort_index(), y.sort_index(), check_names=False, rtol=1e-12)
    ref = dagum_plain(y.to_numpy(), [NBS4[c[:2]] for c in y.index])
    row = res.table("dagum").set_index("year").loc[year]
    assert row["G"] == pytest.approx(ref["total"], rel=1e-10)
    assert row["within"] == pytest.approx(ref["within"], rel=1e-10)
    assert row["between"] == pytest.approx(ref["between"], rel=1e-10)


def _libpysal_w(result, codes):  # type: ignore[no-untyped-def]
    from libpysal.weights import W

    from yindi.study.nodes.weights import weights_of

    w = weights_of(result).subset(codes)
    return W({c: list(w.neighbors[c]) for c in w.ids}, silence_warnings=True)


def test_city_moran_and_lisa_match_esda(cities) -> None:  # type: ignore[no-untyped-def]
    import esda

    spatial, values = cities["spatial"], cities["disparity"].table("values")
    year = int(spatial.meta["year"])
    y = values[values["year"] == year].set_index("region_code")["value"]
    codes = [str(c) for c in spatial.table("lisa")["region_code"]]
    lw = _libpysal_w(cities["weights"], codes)
    ref = esda.Moran(y.loc[codes].to_numpy(), lw, transformation="r", permutations=0)
    row = spatial.table("moran").set_index("year").loc[year]
    assert row["moran_I"] == pytest.approx(ref.I, rel=RTOL) and row["n"] == len(codes)
    lref = esda.Moran_Local(y.loc[codes].to_numpy(), lw, transformation="r", permutations=0)
    np.testing.assert_allclose(spatial.table("lisa")["I"].to_numpy(), lref.Is, rtol=1e-9)
    assert ["460100", "440800"] in spatial.meta["attached"]  # 海口 → 湛江 across the strait, reported
    # cities whose neighbours all lack a value in a year: said in the study's language, not as a library warning
    assert spatial.meta["lag_islands"] and not any("islands" in n for n in spatial.notes)
    assert any("空间滞后取 0" in n for n in spatial.notes)


def _theil_t(y: np.ndarray, w: np.ndarray) -> float:
    s, p = w * y / (w * y).sum(), w / w.sum()
    return float((s * np.log(s / p)).sum())


def test_nested_theil_matches_the_formula(cities, guangdong, city_panel) -> None:  # type: ignore[no-untyped-def]
    year = 2019
    f = city_panel.frame
    pop = f[(f["year"] == year) & (f["indicator"] == "population")].set_index("region_code")["value"]
    pop.index = [{"110000": "110100", "120000": "120100", "310000": "310100"}.get(c, c) for c in pop.index]
    for res in (guangdong, cities):
        y = _gdp_per_head(city_panel, year)
        y = y[[c for c in y.index if c in set(res.covered)]]
        w = pop.reindex(y.index).to_numpy()
        row = res["disparity"].table("theil").set_index("year").loc[year]
        assert row["theil"] == pytest.approx(_theil_t(y.to_numpy(), w), rel=1e-10)
        # within provinces: Σ_g S_g T_g with S_g the group's income share
        within = 0.0
        income = w * y.to_numpy()
        for prov in {c[:2] for c in y.index}:
            k = np.array([c[:2] == prov for c in y.index])
            within += income[k].sum() / income.sum() * _theil_t(y.to_numpy()[k], w[k])
        assert row["within_provinces"] == pytest.approx(within, rel=1e-9)
        parts = row["within_provinces"] + row["between_provinces"] + np.nan_to_num(row["between_regions"])
        assert parts == pytest.approx(row["theil"], rel=1e-10)
    gd = guangdong["disparity"].table("theil")
    assert gd["between_provinces"].abs().max() < 1e-12 and gd["between_regions"].isna().all()


def test_three_sector_shares_and_shift(guangdong, cities, city_panel) -> None:  # type: ignore[no-untyped-def]
    res = guangdong["sectors"]
    assert res.meta["year"] == 2023 and res.meta["base_year"] == 2013
    shift = res.table("shift").set_index("region_code")
    f = city_panel.frame
    sz = f[(f["region_code"] == "440300") & f["indicator"].str.startswith("va_")]
    for year, col in ((2023, "tertiary_share"), (2013, "tertiary_share_base")):
        v = sz[sz["year"] == year].set_index("indicator")["value"]
        assert shift.loc["440300", col] == pytest.approx(100 * v["va_tertiary"] / v.sum(), rel=1e-12)
    total = shift[["primary_share", "secondary_share", "tertiary_share"]].sum(axis=1)
    np.testing.assert_allclose(total.to_numpy(), 100.0, rtol=1e-12)
    gaps = guangdong["sectors"].table("gaps")
    assert {("440100", 2012), ("440300", 2011)} <= set(zip(gaps["region_code"], gaps["year"], strict=True))
    assert len(shift) == 21


def test_index_lists_what_it_leaves_out(cities) -> None:  # type: ignore[no-untyped-def]
    meta = cities["index"].meta
    assert meta["preset"][0] == "城市新质生产力代理指数" and meta["n_indicators"] == 3
    ranking = cities["index"].table("ranking")
    assert len(ranking) + len(meta["left_out_year"]) == len(cities.covered)
    assert any("left out" in n or "未计入" in n for n in cities["index"].notes)


def test_productivity_says_why_it_is_left_out(cities_dir: Path, city_panel) -> None:  # type: ignore[no-untyped-def]
    res = run(
        Study(data=str(cities_dir), level="city", within="广东"),
        city_panel,
        nodes=["productivity"],
        store=False,
    )
    assert res.get("productivity") is None
    assert "R&D" in res.failures["productivity"] and "不以替代投入凑数" in res.failures["productivity"]


def test_checks_find_nothing_on_a_panel_without_jumps(panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.data.checks import check_panel

    found = check_panel(panel).findings  # the provincial pack: revised series, no jump beyond ×3
    assert found["region_code"].notna().all()
    assert not (found["check"] == "jump").any()
