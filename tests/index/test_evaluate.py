"""evaluate() on the real provincial panel, checked against the kernels and pymcdm, plus its policies."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import minmax_normalization

from yindi.data.panel import make_panel
from yindi.errors import DataFormatError, MethodWarning, MissingDataError, ParameterError
from yindi.index import (
    available_presets,
    coupling_between,
    entropy_weights,
    evaluate,
    leave_one_out,
    load_preset,
    method_sensitivity,
    rank_intervals,
)

# Same closed-form computations in another order / another package: rounding only.
ATOL = 1e-10


@pytest.fixture(scope="module")
def result(panel):  # type: ignore[no-untyped-def]
    return evaluate(panel)


def test_default_preset_is_complete_2018_2023(panel, result) -> None:  # type: ignore[no-untyped-def]
    assert result.years == list(range(2018, 2024))
    assert len(result.regions) == 31 and "100000" not in result.regions
    assert result.raw.notna().all().all()
    assert any("100000" in a for a in result.actions)
    assert set(result.preset.dimensions[k].name_zh for k in range(3)) == {"劳动者", "劳动资料", "劳动对象"}
    # every shipped provincial preset is complete for the 31 provinces over its documented span (nqpf_city is
    # the city proxy index, for city panels: tests/study/test_city_study.py)
    for name in [p for p in available_presets() if p != "nqpf_city"]:
        res = evaluate(panel, name)
        assert res.raw.shape == (31 * 6, len(res.preset.indicators))


def test_panel_scope_matches_kernels_and_pymcdm(result) -> None:  # type: ignore[no-untyped-def]
    X = result.raw.to_numpy(dtype=float)
    d = result.preset.directions
    w = entropy_weights(X, d)  # global entropy: constant 1/ln(31 × 6)
    np.testing.assert_allclose(result.weight_vector(), w, atol=ATOL)
    ref = TOPSIS(minmax_normalization)(X, w, d.astype(int))  # ideal points over all region-years
    np.testing.assert_allclose(result.scores["score"].to_numpy(), ref, atol=ATOL)
    dims = result.scores[[dd.id for dd in result.preset.dimensions]].to_numpy()
    assert dims.min() >= 0 and dims.max() <= 1


def test_derived_indicator_is_the_documented_ratio(panel, result) -> None:  # type: ignore[no-untyped-def]
    v = result.raw.loc[("110000", 2023), "rd_personnel_per_10k"]
    expect = panel.value("北京", 2023, "rd_personnel_fte") / panel.value("北京", 2023, "population")
    assert v == pytest.approx(expect, rel=1e-12)
    v = result.raw.loc[("440000", 2022), "thermal_power_share"]
    expect = (
        100
        * panel.value("广东", 2022, "thermal_power_generation")
        / panel.value("广东", 2022, "power_generation")
    )
    assert v == pytest.approx(expect, rel=1e-12)


def test_year_scope_uses_each_year_alone(panel) -> None:  # type: ignore[no-untyped-def]
    res = evaluate(panel, scope="year", aggregation="weighted_sum")
    sub = res.raw.xs(2020, level="year")
    w = entropy_weights(sub.to_numpy(dtype=float), res.preset.directions)
    np.testing.assert_allclose(res.weights[2020].to_numpy(), w, atol=ATOL)
    # ranks are 1..31 within each year
    for _, g in res.scores.groupby(level="year"):
        assert sorted(g["rank"]) == list(range(1, 32))


def test_ranking_and_summary(result) -> None:  # type: ignore[no-untyped-def]
    top = result.ranking(2023)
    assert top["rank"].tolist()[:3] == [1, 2, 3]
    assert top.iloc[0]["region"] == "北京"  # R&D intensity 6.73 %, first on most indicators
    text = result.summary(lang="en")
    assert "Beijing" in text and "2018–2023" in text
    frame = result.to_frame()
    assert list(frame.columns) == ["region_code", "region", "level", "year", "measure", "value"]
    assert len(frame) == 31 * 6 * (2 + 3)


def test_obstacles_and_coupling(result) -> None:  # type: ignore[no-untyped-def]
    ob = result.obstacles(2023)
    sums = ob.groupby("region_code")["obstacle"].sum()
    np.testing.assert_allclose(sums.to_numpy(), 100.0, atol=1e-9)
    cc = result.coupling(2023)
    assert len(cc) == 31 and cc["coordination"].between(0, 1).all()
    assert cc.set_index("region")["grade"]["北京"] in {"良好协调", "优质协调"}


def test_missing_policies(panel) -> None:  # type: ignore[no-untyped-def]
    # firm-level series start in 2018 and high-tech revenue lacks 2017: 2016–2023 is incomplete
    with pytest.raises(MissingDataError, match=r"new_product_sales_to_industry_va \(62\)"):
        evaluate(panel, years=range(2016, 2024))
    with pytest.raises(MissingDataError, match="never extrapolated"):
        evaluate(panel, years=range(2016, 2024), missing="interpolate")
    with pytest.warns(MethodWarning, match="dropped indicator"):
        res = evaluate(panel, years=range(2016, 2024), missing="drop_indicator")
    dropped = {a.split()[2] for a in res.actions if a.startswith("dropped indicator")}
    assert {
        "firms_rd_to_industry_va",
        "new_product_sales_to_industry_va",
        "hightech_revenue_to_gdp",
    } <= dropped
    assert "hightech_revenue_to_gdp" not in res.raw.columns and res.years[0] == 2016


def test_interpolation_fills_inside_gaps_and_reports(panel) -> None:  # type: ignore[no-untyped-def]
    f = panel.frame.copy()
    hole = (f["region_code"] == "340000") & (f["year"] == 2020) & (f["indicator"] == "rd_intensity")
    f.loc[hole, "value"] = np.nan
    holed = make_panel(f, panel.indicators)
    with pytest.raises(MissingDataError, match="340000 2020 rd_intensity"):
        evaluate(holed)
    with pytest.warns(MethodWarning, match="interpolated"):
        res = evaluate(holed, missing="interpolate")
    a19 = panel.value("安徽", 2019, "rd_intensity")
    a21 = panel.value("安徽", 2021, "rd_intensity")
    assert res.raw.loc[("340000", 2020), "rd_intensity"] == pytest.approx((a19 + a21) / 2)
    assert any("interpolated 1 value(s) of rd_intensity" in a for a in res.actions)


def test_other_weightings_and_aggregations(panel) -> None:  # type: ignore[no-untyped-def]
    m = 15
    for wgt in ("critic", "cv", "pca", "equal"):
        for agg, norm in (("topsis", "vector"), ("weighted_sum", "minmax"), ("grey", "minmax")):
            res = evaluate(panel, weighting=wgt, aggregation=agg, normalization=norm)  # type: ignore[arg-type]
            assert res.weight_vector().sum() == pytest.approx(1.0)
            assert res.scores["score"].notna().all()
    w = np.linspace(1, 2, m)
    ahp = evaluate(panel, weighting="ahp", ahp_matrix=np.outer(w, 1 / w))
    np.testing.assert_allclose(ahp.weight_vector(), w / w.sum(), atol=1e-9)
    ids = load_preset().indicator_ids
    user = evaluate(panel, weighting="preset", weights=dict.fromkeys(ids, 2.0))
    np.testing.assert_allclose(user.weight_vector(), 1 / m)


def test_bad_options_name_the_fix(panel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParameterError, match="'weighting' parameter of evaluate\\(\\) must be one of"):
        evaluate(panel, weighting="entropie")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="normalization"):
        evaluate(panel, aggregation="grey", normalization="vector")
    with pytest.raises(ParameterError, match="ahp_matrix"):
        evaluate(panel, weighting="ahp")
    with pytest.raises(ParameterError, match="Unknown preset"):
        evaluate(panel, preset="nqpf")


def test_user_preset_from_toml(panel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.toml"
    path.write_text(
        'id = "mine"\nyears = [2019, 2021]\n[[dimensions]]\nid = "a"\n[[dimensions]]\nid = "b"\n'
        '[[indicators]]\nid = "rd"\ndimension = "a"\nsource = "rd_intensity"\n'
        '[[indicators]]\nid = "pat"\ndimension = "a"\nnumerator = "invention_patents_valid"\ndenominator = "population"\n'
        '[[indicators]]\nid = "co2_per_gdp"\ndimension = "b"\nnumerator = "co2_emissions"\ndenominator = "gdp"\n'
        "direction = -1\n",
        encoding="utf-8",
    )
    with pytest.raises(MissingDataError, match="540000"):  # CEADs has no Tibet
        evaluate(panel, path)
    res = evaluate(panel.mainland(exclude_tibet=True), path)
    assert res.years == [2019, 2020, 2021] and len(res.regions) == 30
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[dimensions]]\nid = "a"\n[[indicators]]\nid = "x"\ndimension = "z"\nsource = "gdp"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFormatError, match="dimension 'z'"):
        evaluate(panel, bad)


def test_rank_intervals_seeded_and_collapsing(result) -> None:  # type: ignore[no-untyped-def]
    a = rank_intervals(result, draws=500, seed=7)
    pd.testing.assert_frame_equal(a, rank_intervals(result, draws=500, seed=7))
    assert (a["rank_low"] <= a["rank_median"]).all() and (a["rank_median"] <= a["rank_high"]).all()
    # with an enormous concentration every draw is the base weight vector: the interval is the rank itself
    tight = rank_intervals(result, draws=50, concentration=1e12, seed=1)
    assert (tight["rank_low"] == tight["rank"]).all() and (tight["rank_high"] == tight["rank"]).all()
    assert tight["top5_share"].sum() == pytest.approx(5.0)


def test_leave_one_out_and_method_sensitivity(result) -> None:  # type: ignore[no-untyped-def]
    loo = leave_one_out(result, year=2023)
    assert list(loo.columns[1:-1]) == result.preset.indicator_ids
    assert (loo.drop(columns=["max_shift"]).min() >= 1).all()
    ms = method_sensitivity(result, year=2023)
    assert "critic/vector" in ms.columns
    assert (ms["rank_min"] <= ms["rank"]).all() and (ms["rank"] <= ms["rank_max"]).all()
    combos = [c for c in ms.columns if "/" in c]
    assert len(combos) == 10 and ms["top5_share"].sum() == pytest.approx(5.0)


def test_combined_weights_and_coupling_between_indices(panel, result) -> None:  # type: ignore[no-untyped-def]
    m = len(result.preset.indicators)
    w_s = np.linspace(1, 3, m)
    ids = result.preset.indicator_ids
    comb = evaluate(panel, combine="preset", weights=dict(zip(ids, w_s, strict=True)), alpha=0.3)
    expect = 0.3 * w_s / w_s.sum() + 0.7 * result.weight_vector()
    np.testing.assert_allclose(comb.weight_vector(), expect, atol=ATOL)
    other = evaluate(panel, "tech_green_digital")
    cc = coupling_between(result, other)
    assert len(cc) == 31 * 6 and cc["coordination"].between(0, 1).all()
    u1, u2 = cc["nqpf_three_elements"].to_numpy(), cc["tech_green_digital"].to_numpy()
    np.testing.assert_allclose(
        cc["coupling"], 2 * np.sqrt(u1 * u2) / (u1 + u2), atol=ATOL
    )  # METHODS §3.6, k = 2


def test_preset_weights_table(panel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.toml"
    path.write_text(
        'id = "w"\nyears = [2020, 2022]\n[[dimensions]]\nid = "a"\n'
        '[[indicators]]\nid = "rd"\ndimension = "a"\nsource = "rd_intensity"\n'
        '[[indicators]]\nid = "inc"\ndimension = "a"\nsource = "disposable_income_per_capita"\n'
        "[weights]\nrd = 3\ninc = 1\n",
        encoding="utf-8",
    )
    res = evaluate(panel, path, weighting="preset", aggregation="weighted_sum")
    np.testing.assert_allclose(res.weight_vector(), [0.75, 0.25])
    R = res.normalized.to_numpy()
    np.testing.assert_allclose(res.scores["score"].to_numpy(), R @ [0.75, 0.25], atol=ATOL)
