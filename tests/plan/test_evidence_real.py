"""Evidence on the real files against independent computations (the pack READMEs, pandas by hand, and the
structure module's location quotient)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import shared_data_root
from yindi.plan._sources import census_provinces, firm_counts, read_census, read_firms
from yindi.plan.evidence import build_evidence

ROOT = shared_data_root()


@pytest.fixture(scope="module")
def ev(provinces_dir: Path, panel):  # type: ignore[no-untyped-def]
    return build_evidence(
        panel.mainland(),
        electricity=provinces_dir / "sector_electricity.csv",
        firms=ROOT / "cn-firms" / "listed_firms.csv",
        census=ROOT / "cn-counties" / "census2020.csv.gz",
        year=2023,
    )


def test_firm_counts_match_the_readme() -> None:
    path = ROOT / "cn-firms" / "listed_firms.csv"
    if not path.exists():
        pytest.skip("cn-firms pack not found")
    regions = ["440000", "150000", "110000"]
    counts, _, notes = firm_counts(read_firms(path), regions)
    # README: 广东 incl. 深圳 = 891; 内蒙古 (area 内蒙) = 29; 北京 483
    assert counts.sum(axis=1).tolist() == [891, 29, 483]
    assert notes  # firms of the other provinces are reported as outside the regions studied


def test_electricity_lq_equals_structure_lq(ev, provinces_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from yindi.errors import DataRepairWarning
    from yindi.structure import read_sector_electricity, specialisation

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)
        table = read_sector_electricity(provinces_dir)
        cells = specialisation(table, periods=[2022], empty="drop").cells
    ref = cells[cells["activity"] == "Coal Mining and Dressing"].set_index("region_code")["lq"]
    ours = pd.Series(ev.measures["lq_electricity"][:, ev.industries.index("gbt06")], index=ev.regions)
    common = ref.index.intersection(ours.dropna().index)
    assert len(common) == 30
    np.testing.assert_allclose(ours[common], ref[common], rtol=1e-12)


def test_census_lq_by_hand(ev) -> None:  # type: ignore[no-untyped-def]
    path = ROOT / "cn-counties" / "census2020.csv.gz"
    raw = pd.read_csv(path, dtype={"region_code": str})
    prov = raw[raw["level"] == "province"].pivot_table(
        index="region_code", columns="indicator", values="value"
    )
    nat = prov.sum()
    sx = prov.loc["140000"]
    ref = (sx["emp_sample_mining"] / sx["emp_sample_total"]) / (
        nat["emp_sample_mining"] / nat["emp_sample_total"]
    )
    ours = ev.measures["lq_census"][ev.regions.index("140000"), ev.industries.index("gbt06")]
    assert ours == pytest.approx(ref, rel=1e-12)
    assert census_provinces(read_census(path), ["110000"]).shape[0] == 1


def test_missing_stays_missing(ev) -> None:  # type: ignore[no-untyped-def]
    tibet = ev.regions.index("540000")
    assert np.isnan(ev.measures["lq_electricity"][tibet]).all()  # not in CEADs: missing, not zero
    assert ((ev.missing["source"] == "electricity") & (ev.missing["region_code"] == "540000")).any()
    assert np.isfinite(ev.capability.loc["540000"]).all()  # other sources carry it
    frame = ev.to_frame()
    assert {"industry_id", "measure", "value"} <= set(frame.columns)


def test_build_without_sources_reports_them(panel) -> None:  # type: ignore[no-untyped-def]
    ev = build_evidence(panel.mainland(), year=2023)
    assert set(ev.missing["source"]) >= {"electricity", "firms", "census"}
    assert np.isnan(ev.capability.to_numpy()).all()
