"""Numbers that exist only in the pipeline's nodes, checked against the library functions or a hand
computation written out here (scale efficiency, cumulative TFP change, coverage counts, key-indicator values,
stored weights, Moran's I, σ-convergence)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _city_panel import GUANGDONG_CITIES, PROVINCE_CHOICES, city_panel

from yindi.study import Study, run

TOL = 1e-12  # same arithmetic on the same inputs; only the summation order may differ


@pytest.fixture(scope="module")
def cities():  # type: ignore[no-untyped-def]
    return city_panel()


@pytest.fixture(scope="module")
def results(cities):  # type: ignore[no-untyped-def]
    study = Study(
        data="<synthetic>",
        level="city",
        within="广东",
        year=2023,
        options={
            **PROVINCE_CHOICES,
            "disparity": {"bootstrap": 0, "indicator": "rd_intensity"},
            "spatial": {"permutations": 99},
            "index": {"draws": 50, "preset": "nqpf_three_elements"},
        },
    )
    return run(study, cities, store=False)


def _by(frame: pd.DataFrame, measure: str) -> pd.Series:
    sub = frame[frame["measure"] == measure]
    return pd.Series(sub["value"].to_numpy(), index=sub["region_code"].to_numpy())


@pytest.mark.filterwarnings(
    "ignore::yindi.errors.MethodWarning"
)  # 9 synthetic units: the rule of thumb fails
def test_scale_efficiency_is_crs_over_vrs(cities, results) -> None:  # type: ignore[no-untyped-def]
    from yindi.productivity import dea
    from yindi.productivity.options import TABLE

    eff = results["productivity"].table("efficiency")
    inputs, outputs = list(TABLE["inputs"].default), list(TABLE["outputs"].default)
    cs = cities.wide(inputs + outputs, years=[2023]).droplevel("year").sort_index()
    crs = dea(cs[inputs].to_numpy(float), cs[outputs].to_numpy(float), rts="crs")
    vrs = dea(cs[inputs].to_numpy(float), cs[outputs].to_numpy(float), rts="vrs")
    np.testing.assert_allclose(_by(eff, "te_crs").loc[cs.index], crs.efficiency, atol=TOL)
    np.testing.assert_allclose(_by(eff, "pte_vrs").loc[cs.index], vrs.efficiency, atol=TOL)
    np.testing.assert_allclose(_by(eff, "scale").loc[cs.index], crs.efficiency / vrs.efficiency, atol=TOL)
    meta = results["productivity"].meta
    assert meta["n_frontier"] == int((crs.efficiency >= 1 - 1e-9).sum())
    assert meta["frontier"] == [c for c, a in zip(cs.index, crs.efficiency, strict=True) if a >= 1 - 1e-9]
    assert meta["vrs_only"] == [
        c for c, a, b in zip(cs.index, crs.efficiency, vrs.efficiency, strict=True) if b >= 1 - 1e-9 > a
    ]


def test_cumulative_tfp_change_is_the_product_of_the_yearly_indices(results) -> None:  # type: ignore[no-untyped-def]
    res = results["productivity"]
    mq = res.table("malmquist")  # result schema: one row per region, year and measure
    idx = mq[mq["measure"] == "index"]
    cum = _by(res.table("cumulative"), "tfp_change_pct")
    for code in GUANGDONG_CITIES:
        rows = idx[idx["region_code"].astype(str) == code]
        assert len(rows) > 0
        by_hand = 100.0 * (float(np.prod(rows["value"].to_numpy(dtype=float))) - 1.0)
        assert cum[code] == pytest.approx(by_hand, rel=1e-12, abs=1e-12)


def test_coverage_counts(cities, results) -> None:  # type: ignore[no-untyped-def]
    res = results["coverage"]
    assert res.meta["n_regions"] == len(GUANGDONG_CITIES)
    f = cities.frame
    in_2023 = f[(f["year"] == 2023) & f["value"].notna()].groupby("indicator")["region_code"].nunique()
    assert res.meta["complete"] == int((in_2023 == len(GUANGDONG_CITIES)).sum())
    matrix = res.table("matrix").set_index("indicator")
    assert int(matrix.loc["gdp_per_capita", "2019"]) == len(GUANGDONG_CITIES)


def test_key_indicator_values(cities, results) -> None:  # type: ignore[no-untyped-def]
    values = results["key_indicators"].table("values")
    assert list(values.columns[:6]) == ["region_code", "region", "level", "year", "measure", "value"]
    row = values[(values["measure"] == "rd_intensity") & (values["region_code"] == "440300")].iloc[0]
    assert row["region"] == "深圳" and row["level"] == "city" and int(row["year"]) == 2023
    assert row["value"] == cities.value("440300", 2023, "rd_intensity")


def test_stored_weights_rebuild_the_contiguity(results) -> None:  # type: ignore[no-untyped-def]
    from yindi.spatial import contiguity
    from yindi.study.nodes.weights import weights_of

    w = weights_of(results["weights"])
    ref = contiguity("city", "queen", regions=list(GUANGDONG_CITIES), islands="nearest")
    assert w.ids == ref.ids and w.neighbors == ref.neighbors and w.attached == ref.attached


def test_moran_by_hand(cities, results) -> None:  # type: ignore[no-untyped-def]
    from yindi.study.nodes.weights import weights_of

    w = weights_of(results["weights"])
    W = w.dense()
    W = W / W.sum(axis=1, keepdims=True)  # row-standardised
    y = np.array([cities.value(c, 2023, "rd_intensity") for c in w.ids])
    z = y - y.mean()
    by_hand = len(y) / W.sum() * float(z @ W @ z) / float(z @ z)
    moran = results["spatial"].table("moran").set_index("year")
    assert moran.loc[2023, "moran_I"] == pytest.approx(by_hand, rel=1e-10)


def test_sigma_convergence_by_hand(cities, results) -> None:  # type: ignore[no-untyped-def]
    from yindi.disparity import sigma_convergence

    sigma = results["disparity"].table("sigma").set_index("year")["value"]
    series = cities.series("rd_intensity")
    ref = sigma_convergence(series)
    np.testing.assert_allclose(sigma.to_numpy(), ref.values, atol=TOL)
    y2015 = series[2015].to_numpy(dtype=float)
    assert sigma.loc[2015] == pytest.approx(y2015.std(ddof=0) / y2015.mean(), rel=1e-10)  # population CV


def test_index_ranking_matches_evaluate(cities, results) -> None:  # type: ignore[no-untyped-def]
    from yindi.index import evaluate

    ref = evaluate(cities, "nqpf_three_elements").ranking(2023)
    got = results["index"].table("ranking")
    assert list(got["region_code"]) == list(ref["region_code"])
    np.testing.assert_allclose(got["score"].to_numpy(), ref["score"].to_numpy(), atol=TOL)


@pytest.mark.realdata
def test_structure_similarity_order_and_values(panel, provinces_dir) -> None:  # type: ignore[no-untyped-def]
    """The similarity matrix the section draws: the library's matrix, rows and columns ordered by decreasing
    mean similarity (the ordering used to be computed inside the section)."""
    import warnings

    from yindi.structure import read_sector_electricity, specialisation

    res = run(Study(data=str(provinces_dir), year=2023), panel, nodes=("structure",), store=False)[
        "structure"
    ]
    sim = res.table("similarity").set_index("region_code")
    year = res.meta["year"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = specialisation(read_sector_electricity(provinces_dir / "sector_electricity.csv"), empty="drop")
    ref_sim = ref.similarity(year)
    means = ref_sim.mean(axis=1)
    assert list(sim.index) == list(means.sort_values(ascending=False).index)
    assert list(sim.columns) == [str(c) for c in sim.index]
    np.testing.assert_allclose(
        sim.to_numpy(dtype=float), ref_sim.loc[sim.index, sim.index].to_numpy(dtype=float), atol=TOL
    )
    assert np.all(np.diff(sim.mean(axis=1).to_numpy()) <= 1e-12)


def test_results_are_json_ready(results) -> None:  # type: ignore[no-untyped-def]
    import json

    for name, res in results.results.items():
        if res is None:
            continue
        doc = json.loads(json.dumps(res.to_dict(), allow_nan=False))
        assert doc["node"] == name and set(doc["tables"]) == set(res.tables)
        for t, rows in doc["tables"].items():
            assert len(rows) == len(res.tables[t])
