"""Complexity and relatedness checked live against the Growth Lab's ``ecomplexity`` 0.5.3.

Tolerances
----------
ATOL = 1e-9 for every measure (RCA, M, diversity, ubiquity, ECI, PCI, density, COI, COG, proximity) in
float64. Both implementations compute the same quantities in float64; they differ only in the eigen-solver
(``ecomplexity``: ``numpy.linalg.eig`` on the non-symmetric ``M̃``; ours: ``eigh``/Lanczos on the similar
symmetric matrix) and in summation order, which moves results by ~1e-13. 1e-9 leaves room for BLAS differences
without hiding a definition error (those show up at 1e-2 or more).
ATOL_F32 = 1e-4 for ``precision="float32"`` (float32 matrix products: ~1e-7 relative rounding, amplified by
the normalisation by std(ECI) on small, noisy inputs).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from yindi.structure import complexity, read_sector_electricity
from yindi.structure.complexity_kernel import complexity_arrays

ecomplexity_mod = pytest.importorskip("ecomplexity")

ATOL = 1e-9
ATOL_F32 = 1e-4

COLS = {"time": "year", "loc": "region", "prod": "activity", "val": "value"}


def _ecomplexity(df: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity_mod.ecomplexity(
            df, COLS, rca_mcp_threshold=threshold, verbose=False, check_logsupermodularity=False
        )
    return out


def _ec_proximity(df: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    import contextlib
    import io

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        return ecomplexity_mod.proximity(df, COLS, rca_mcp_threshold=threshold)


def synthetic(seed: int, n_regions: int, n_activities: int, years: tuple[int, ...] = (2020,)) -> pd.DataFrame:
    """Seeded data with a nested (capability) structure plus noise and some exact zeros."""
    rng = np.random.default_rng(seed)
    rows = []
    cap = rng.uniform(0, 1, n_regions)
    cplx = rng.uniform(0, 1, n_activities)
    for y in years:
        x = np.exp(
            3 * np.minimum(0, cap[:, None] - cplx[None, :]) + rng.normal(0, 1, (n_regions, n_activities))
        )
        x *= rng.random((n_regions, n_activities)) < 0.85
        x[:, 0] += 1e-3  # no all-zero region
        x[0, :] += 1e-3  # no all-zero activity
        for i in range(n_regions):
            for j in range(n_activities):
                rows.append((y, f"r{i:04d}", f"a{j:04d}", x[i, j]))
    return pd.DataFrame(rows, columns=["year", "region", "activity", "value"])


def _compare(ours, ref: pd.DataFrame, atol: float) -> None:  # type: ignore[no-untyped-def]
    ref = ref.dropna(subset=["eci"])
    cells = ours.cells.merge(ref, on=["year", "region", "activity"], suffixes=("", "_ref"))
    assert len(cells) == len(ours.cells) == len(ref)
    for ours_col, ref_col in [("rca", "rca_ref"), ("m", "mcp"), ("density_", "density"), ("cog", "cog_ref")]:
        a = cells["density"] if ours_col == "density_" else cells[ours_col]
        b = cells["density_ref"] if ref_col == "density" else cells[ref_col]
        np.testing.assert_allclose(a.to_numpy(float), b.to_numpy(float), atol=atol, err_msg=ours_col)
    reg = ours.regions.merge(
        ref.groupby(["year", "region"], as_index=False)[["eci", "coi", "diversity"]].first(),
        on=["year", "region"],
        suffixes=("", "_ref"),
    )
    for c in ("eci", "coi", "diversity"):
        np.testing.assert_allclose(reg[c], reg[f"{c}_ref"], atol=atol, err_msg=c)
    act = ours.activities.merge(
        ref.groupby(["year", "activity"], as_index=False)[["pci", "ubiquity"]].first(),
        on=["year", "activity"],
        suffixes=("", "_ref"),
    )
    for c in ("pci", "ubiquity"):
        np.testing.assert_allclose(act[c], act[f"{c}_ref"], atol=atol, err_msg=c)


class _Renamed:
    def __init__(self, res) -> None:  # type: ignore[no-untyped-def]
        self.cells = res.cells.rename(columns={"period": "year"})
        self.regions = res.regions.rename(columns={"period": "year"})
        self.activities = res.activities.rename(columns={"period": "year"})


@pytest.mark.parametrize(
    ("seed", "n_regions", "n_activities", "threshold"),
    [(1, 40, 15, 1.0), (2, 120, 60, 1.0), (3, 80, 30, 0.8), (4, 300, 240, 1.0)],
)
def test_synthetic_matches_ecomplexity(
    seed: int, n_regions: int, n_activities: int, threshold: float
) -> None:
    """Grid of seeded cases; the last has > 200 activities, so it exercises the Lanczos eigen-solver path."""
    df = synthetic(seed, n_regions, n_activities)
    ours = _Renamed(complexity(df, rca_threshold=threshold))
    _compare(ours, _ecomplexity(df, threshold), ATOL)


def test_float32_close_to_ecomplexity() -> None:
    df = synthetic(5, 150, 80)
    ours = _Renamed(complexity(df, precision="float32"))
    _compare(ours, _ecomplexity(df), ATOL_F32)


def test_proximity_matches_ecomplexity() -> None:
    df = synthetic(6, 60, 20, years=(2019, 2020))
    res = complexity(df)
    ref = _ec_proximity(df)
    for year in (2019, 2020):
        mine = res.proximity(year).stack().rename("p").reset_index()
        mine.columns = ["activity_1", "activity_2", "p"]
        merged = mine.merge(ref[ref["year"] == year], on=["activity_1", "activity_2"])
        assert len(merged) == 20 * 20
        np.testing.assert_allclose(merged["p"], merged["proximity"], atol=ATOL)


def test_kernel_matches_on_multi_period_panel() -> None:
    df = synthetic(7, 50, 25, years=(2018, 2019, 2020))
    _compare(_Renamed(complexity(df)), _ecomplexity(df), ATOL)


@pytest.mark.realdata
@pytest.mark.parametrize("threshold", [1.0, 1.5])
def test_real_sector_electricity_matches_ecomplexity(provinces_dir, threshold: float) -> None:  # type: ignore[no-untyped-def]
    """30 provinces × 45 CEADs sectors × 2016–2022; the all-zero sector is dropped by both (we report it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = read_sector_electricity(provinces_dir)
        res = complexity(table, empty="drop", rca_threshold=threshold)
    df = table.frame.rename(columns={"period": "year"})[["year", "region", "activity", "value"]]
    ref = _ecomplexity(df, threshold)
    _compare(_Renamed(res), ref, ATOL)
    assert set(res.dropped["label"]) == {"Logging and Transport of Wood and Bamboo"}


def test_kernel_eigenvalue_and_sign() -> None:
    df = synthetic(8, 60, 25)
    x = df.pivot(index="region", columns="activity", values="value").to_numpy()
    arr = complexity_arrays(x)
    assert 0 < arr.eigenvalue < 1
    assert np.corrcoef(arr.eci, arr.diversity)[0, 1] > 0
    # ECI = mean PCI of the region's activities (the normalisation keeps this identity)
    np.testing.assert_allclose(arr.eci, (arr.m @ arr.pci) / arr.diversity, atol=1e-10)


def test_zero_diversity_region_is_nan_not_everyone() -> None:
    """With rca_threshold > 1 a region whose structure equals the nation's has no presence: only it is NaN.

    ``ecomplexity`` returns NaN ECI for every region in this case; we keep the others and warn.
    """
    df = synthetic(9, 30, 12)
    wide = df.pivot(index="region", columns="activity", values="value")
    flat = wide.sum(axis=0) / wide.sum().sum() * 100.0  # national shares: LQ = 1 everywhere (almost)
    extra = pd.DataFrame({"year": 2020, "region": "flat", "activity": flat.index, "value": flat.to_numpy()})
    data = pd.concat([df, extra], ignore_index=True)
    from yindi.errors import MethodWarning

    with pytest.warns(MethodWarning, match="no activity"):
        res = complexity(data, rca_threshold=1.5)
    reg = res.regions.set_index("region")
    assert np.isnan(reg.loc["flat", "eci"]) and np.isnan(reg.loc["flat", "coi"])
    assert reg.drop(index="flat")["eci"].notna().all()
    assert abs(reg["eci"].mean()) < 1e-9  # z-scored over the regions that have an ECI
