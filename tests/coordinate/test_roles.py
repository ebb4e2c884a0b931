"""Roles: kernels against independent computations, and roles on hand-built panels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from coordinate_testdata import hand_values, make_hand_panel
from scipy import stats

from yindi.coordinate import roles
from yindi.coordinate._kernels import axis_scores, normal_cdf, ols_slope, standardise
from yindi.errors import DataValidationError, MissingDataError, ParameterError


@pytest.fixture()
def hand_panel():  # type: ignore[no-untyped-def]
    return make_hand_panel()


@pytest.fixture()
def rng() -> np.random.Generator:
    return np.random.default_rng(20261130)


def test_standardise_matches_scipy_zscore(rng: np.random.Generator) -> None:
    x = rng.normal(size=(12, 3))
    np.testing.assert_allclose(standardise(x), stats.zscore(x, axis=0, ddof=0), rtol=1e-12)


def test_standardise_keeps_missing_and_zero_spread() -> None:
    x = np.array([[1.0, 5.0], [np.nan, 5.0], [3.0, 5.0]])
    z = standardise(x)
    assert math.isnan(z[1, 0])
    np.testing.assert_allclose(z[[0, 2], 0], [-1.0, 1.0])
    np.testing.assert_array_equal(z[:, 1], [0.0, 0.0, 0.0])


def test_axis_scores_hand_computed() -> None:
    # two components, three regions; z of column 0 = [-1.2247, 0, 1.2247]; column 1 reversed by direction -1
    logx = np.array([[0.0, 2.0], [1.0, 1.0], [2.0, np.nan]])
    res = axis_scores(logx, np.array([3.0, 1.0]), np.array([1.0, -1.0]))
    z0 = np.array([-1, 0, 1]) * math.sqrt(1.5)
    np.testing.assert_allclose(res.z[:, 0], z0)
    np.testing.assert_allclose(res.z[:2, 1], [-1.0, 1.0])  # -2 and -1 standardised over two values
    raw = np.array([(3 * z0[0] - 1) / 4, (3 * z0[1] + 1) / 4, z0[2]])  # region 3 uses component 0 only
    np.testing.assert_allclose(res.raw, raw)
    np.testing.assert_allclose(res.score, stats.zscore(raw))
    np.testing.assert_allclose(res.coverage, [1.0, 1.0, 0.75])


def test_normal_cdf_and_slope_against_scipy_numpy() -> None:
    z = np.array([-1.5, 0.0, 0.3, np.nan])
    np.testing.assert_allclose(normal_cdf(z)[:3], stats.norm.cdf(z[:3]))
    assert math.isnan(normal_cdf(z)[3])
    years = np.arange(2015.0, 2021.0)
    y = np.array([[1, 3, 2, 5, 4, 6.0], [1, np.nan, 2, np.nan, np.nan, np.nan]])
    s = ols_slope(years, y)
    assert s[0] == pytest.approx(np.polyfit(years, y[0], 1)[0])
    assert math.isnan(s[1])  # two points < min_points


def test_roles_on_hand_panel(hand_panel) -> None:  # type: ignore[no-untyped-def]
    r = roles(hand_panel)
    assert r.year == 2023
    assert r.role_of("110000") == "source"
    assert r.role_of("130000") == "carrier"
    assert r.role_of("630000") == "neither"
    t = r.table.set_index("region_code")
    # net flow = (turnover − inflow) / 1e4 亿元 in 2023 (growth factor 1.2); trend = Δ per year
    assert t.at["110000", "net_flow"] == pytest.approx((8e7 - 5e7) * 1.2 / 1e4)
    assert t.at["110000", "net_flow_trend"] == pytest.approx((8e7 - 5e7) * 0.1 / 1e4)
    assert "creation_high" in t.at["110000", "reasons"] and "absorption_low" in t.at["110000", "reasons"]
    assert "创新策源地" in t.at["110000", "reason_zh"] and "innovation source" in t.at["110000", "reason_en"]
    # creation components are all ∝ the same sizes, so each z equals the axis z before re-standardising
    z = np.log([1000.0, 100.0, 30.0, 10.0])
    np.testing.assert_allclose(t.loc[list(r.codes), "z_rd_expenditure"], stats.zscore(z))


def test_thresholds_are_options(hand_panel) -> None:  # type: ignore[no-untyped-def]
    r = roles(hand_panel, options={"creation_threshold": -5.0, "absorption_threshold": -5.0})
    assert set(r.table["role"]) == {"both"}
    with pytest.raises(ParameterError, match="creation_treshold|Did you mean"):
        roles(hand_panel, options={"creation_treshold": 1.0})


def test_missing_component_is_reported_not_filled() -> None:
    vals = hand_values()
    del vals["rd_basic_research"]["630000"]
    r = roles(make_hand_panel(vals))
    t = r.table.set_index("region_code")
    assert "missing(basic_research)" in t.at["630000", "reasons"]
    assert t.at["630000", "coverage_creation"] == pytest.approx(0.8)
    assert math.isnan(t.at["630000", "z_basic_research"])


def test_missing_indicator_and_bad_value_errors() -> None:
    vals = hand_values()
    del vals["va_industry"]
    with pytest.raises(MissingDataError, match="va_industry") as e:
        roles(make_hand_panel(vals))
    assert e.value.zh and "va_industry" in e.value.zh
    # weight 0 makes the indicator optional
    assert roles(make_hand_panel(vals), options={"w_industry_va": 0.0}).role_of("110000") == "source"
    vals = hand_values()
    vals["invention_patents_granted"]["150000"] = 0.0
    with pytest.raises(DataValidationError, match="150000"):
        roles(make_hand_panel(vals))


def test_to_frame_schema(hand_panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.schema import check_schema

    f = roles(hand_panel).to_frame(lang="en")
    check_schema(f)
    assert {"component", "role"} <= set(f.columns)
    assert set(f["measure"]) >= {"creation", "absorption", "net_flow", "z"}
    assert "Beijing" in set(f["region"])


def test_manufacturing_share_is_an_optional_absorption_component(hand_panel) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    from yindi.coordinate.census import manufacturing_share

    census = pd.DataFrame(
        {
            "region_code": ["110000", "110000", "130000", "130000", "150000", "150000"],
            "level": "province",
            "indicator": ["emp_sample_manufacturing", "emp_sample_total"] * 3,
            "value": [8.0, 100.0, 19.0, 100.0, 8.0, 100.0],
        }
    )
    share = manufacturing_share(census)
    assert share.to_dict() == pytest.approx({"110000": 0.08, "130000": 0.19, "150000": 0.08})
    base = roles(hand_panel).table.set_index("region_code")
    r = roles(hand_panel, manufacturing_share=share).table.set_index("region_code")
    assert "z_manufacturing_share" in r.columns and "z_manufacturing_share" not in base.columns
    assert "missing(manufacturing_share)" in r.at["630000", "reasons"]  # 青海 has no census value here
    assert r.at["630000", "coverage_absorption"] == pytest.approx(6 / 7)
    # weight 0 gives back the axis without the component
    r0 = roles(hand_panel, manufacturing_share=share, options={"w_manufacturing_share": 0.0}).table
    np.testing.assert_allclose(r0["absorption"], base.loc[list(r0["region_code"]), "absorption"])
    with pytest.raises(MissingDataError):
        manufacturing_share(census.drop(columns="level"))
