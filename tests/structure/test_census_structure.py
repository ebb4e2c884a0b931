"""County structure from the 2020 census: location quotients sum correctly, agree with a computation written
out here from the raw census file (pandas, independent of Yindi's loader), and human capital is read as
published. Tolerance 1e-12: the same arithmetic in float64."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from yindi.structure import specialisation
from yindi.structure.census import SECTIONS, census_activity_table, human_capital


@pytest.fixture(scope="module")
def table(county_panel):  # type: ignore[no-untyped-def]
    return census_activity_table(county_panel)


@pytest.fixture(scope="module")
def result(table):  # type: ignore[no-untyped-def]
    return specialisation(table)


@pytest.fixture(scope="module")
def raw(counties_dir: Path) -> pd.DataFrame:
    f = pd.read_csv(counties_dir / "census2020.csv.gz", dtype={"region_code": str, "parent_code": str})
    f = f[f["level"] == "county"].copy()
    uncoded = f["region_code"].isna()  # 45 rows without a code, keyed parent:name as the loader reports
    f.loc[uncoded, "region_code"] = f.loc[uncoded, "parent_code"] + ":" + f.loc[uncoded, "region"]
    return f


def test_every_county_unit_is_used_or_reported(county_panel, table) -> None:  # type: ignore[no-untyped-def]
    counties = set(county_panel.units.loc[county_panel.units["level"] == "county", "region_code"])
    left = set(table.excluded.loc[table.excluded["kind"] == "region", "label"])
    assert set(table.regions) | left == counties and not set(table.regions) & left
    assert len(table.activities) == 19  # section T left out, and said so
    assert "emp_sample_international_orgs" in set(table.excluded["label"])


def test_lqs_sum_correctly(table, result) -> None:  # type: ignore[no-untyped-def]
    x = table.matrix(2020)
    cells = result.cells
    lq = cells.pivot(index="region_code", columns="activity", values="lq").loc[list(table.regions)]
    lq = lq[list(table.activities)].to_numpy()
    region_weight = x.sum(axis=1) / x.sum()  # employment-weighted mean LQ of every section is 1
    np.testing.assert_allclose(region_weight @ lq, 1.0, rtol=1e-12)
    national = x.sum(axis=0) / x.sum()  # national-share-weighted LQs of every county sum to 1
    np.testing.assert_allclose(lq @ national, 1.0, rtol=1e-12)


def test_lq_matches_a_computation_from_the_raw_file(raw, table, result) -> None:  # type: ignore[no-untyped-def]
    wide = raw[raw["indicator"].isin(list(SECTIONS))].pivot_table(
        index="region_code", columns="indicator", values="value", aggfunc="first"
    )
    wide = wide.drop(columns="emp_sample_international_orgs").dropna()
    assert set(wide.index) == set(table.regions)
    manuf = "emp_sample_manufacturing"
    lq_ref = (wide[manuf] / wide.sum(axis=1)) / (wide[manuf].sum() / wide.to_numpy().sum())
    cells = result.cells
    ours = cells[cells["activity"] == "C 制造业"].set_index("region_code")["lq"]
    for code in ("320583", "440306", "110108", "440106"):  # 昆山, 深圳宝安, 北京海淀, 广州天河
        assert ours[code] == pytest.approx(lq_ref[code], rel=1e-12)
    assert ours["320583"] > 2 and ours["110108"] < 0.5


def test_similarity_is_the_cosine_of_share_vectors(table, result) -> None:  # type: ignore[no-untyped-def]
    sim = result.similarity()
    x = table.matrix(2020)
    i, j = table.regions.index("320583"), table.regions.index("320582")  # 昆山, 张家港
    a, b = x[i] / x[i].sum(), x[j] / x[j].sum()
    assert sim.loc["320583", "320582"] == pytest.approx(a @ b / np.sqrt((a @ a) * (b @ b)), rel=1e-12)


def test_human_capital_as_published(raw, county_panel) -> None:  # type: ignore[no-untyped-def]
    hc = human_capital(county_panel).set_index(["region_code", "measure"])["value"]
    r = raw[raw["region_code"] == "110108"].set_index("indicator")["value"]
    edu = [f"edu_{e}_{s}" for e in ("none", "preschool", "primary", "junior_secondary", "senior_secondary",
                                     "college", "bachelor_plus") for s in ("male", "female")]  # fmt: skip
    tertiary = r[
        ["edu_college_male", "edu_college_female", "edu_bachelor_plus_male", "edu_bachelor_plus_female"]
    ]
    assert hc[("110108", "tertiary_share")] == pytest.approx(tertiary.sum() / r[edu].sum(), rel=1e-12)
    assert hc[("110108", "edu_years_mean")] == r["edu_years_mean"]
    assert hc[("110108", "professional_share")] == pytest.approx(
        r["occ_sample_professional"] / r["occ_sample_total"], rel=1e-12
    )


def test_missing_zero_policy_keeps_more_units_and_says_so(county_panel, table) -> None:  # type: ignore[no-untyped-def]
    zero = census_activity_table(county_panel, missing="zero")
    assert len(zero.regions) > len(table.regions)
    assert any("read as 0" in n for n in zero.notes)
