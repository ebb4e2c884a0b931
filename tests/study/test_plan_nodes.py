"""The 'plan' and 'coordinate' nodes on the real provincial pack: their tables equal direct calls of the
library (yindi.plan.compute_plan; yindi.coordinate.roles / pairs / corridors with the same capability), and a
pack folder without the evidence side files reports them missing instead of failing."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from yindi.study import Study, run


@pytest.fixture(scope="module")
def results(provinces_dir: Path):  # type: ignore[no-untyped-def]
    study = Study(data=str(provinces_dir), level="province", options={"plan": {"draws": 10}})
    return run(study, nodes=["coordinate"], store=False)


def test_plan_node_equals_library(results, provinces_dir: Path, panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.plan.run import compute_plan

    year = results["plan"].meta["year"]
    from yindi.study.options import DEFAULT_SEED

    direct = compute_plan(
        panel, data_dir=provinces_dir, year=year, options={"draws": 10, "seed": DEFAULT_SEED}
    )
    node = results["plan"].table("portfolio")
    lib = direct.portfolio.table("zh")
    pd.testing.assert_series_equal(node["decision"], lib["decision"])
    np.testing.assert_allclose(node["score"], lib["score"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(node["stability"], lib["stability"], rtol=0, atol=1e-12)
    assert list(node["sentence"]) == list(lib["sentence"])
    cap = (
        results["plan"].table("capability").pivot(index="region_code", columns="industry_id", values="value")
    )
    pd.testing.assert_frame_equal(
        cap.loc[direct.evidence.capability.index, direct.evidence.capability.columns],
        direct.evidence.capability,
        check_names=False,
    )
    counts = results["plan"].meta["counts"]
    assert sum(counts.values()) == len(node)
    assert counts == node["decision"].value_counts().to_dict()
    by_region = results["plan"].meta["regions_by_decision"]
    for decision in counts:  # regions with at least one cell of this decision, counted by hand
        assert by_region[decision] == len(
            {r for r, d in zip(node["region_code"], node["decision"], strict=True) if d == decision}
        )
    assert results["plan"].meta["sources"] == {"electricity": True, "firms": True, "census": True}
    assert (results["plan"].table("lists")["region"] != "").all()


def test_coordinate_node_equals_library(results, panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.coordinate import pairs, roles

    cap = (
        results["plan"].table("capability").pivot(index="region_code", columns="industry_id", values="value")
    )
    r = roles(panel)
    p = pairs(panel, roles_result=r, capability=cap)
    node_roles = results["coordinate"].table("roles")
    assert list(node_roles["role"]) == list(r.output_table("zh")["role"])
    node_pairs = results["coordinate"].table("pairs")
    lib = p.output_table("zh")
    assert list(zip(node_pairs["source_code"], node_pairs["carrier_code"], strict=True)) == list(
        zip(lib["source_code"], lib["carrier_code"], strict=True)
    )
    np.testing.assert_allclose(node_pairs["score"], lib["score"], atol=1e-12)
    parts = [c for c in node_pairs if c.startswith("c_")]
    np.testing.assert_allclose(node_pairs[parts].sum(axis=1), node_pairs["score"], atol=1e-9)
    cor = results["coordinate"].table("corridors")
    assert len(cor) == 10 and cor["score"].is_monotonic_decreasing
    assert results["coordinate"].meta["capability"] is True


def test_missing_side_files_are_missing_evidence(tmp_path: Path, provinces_dir: Path) -> None:
    pack = tmp_path / "cn-provinces"
    shutil.copytree(provinces_dir, pack, ignore=shutil.ignore_patterns("sector_electricity.csv"))
    res = run(
        Study(data=str(pack), level="province", options={"plan": {"draws": 0}}), nodes=["plan"], store=False
    )
    meta = res["plan"].meta
    assert meta["sources"] == {"electricity": False, "firms": False, "census": False}
    missing = res["plan"].table("missing")
    assert {"electricity", "firms", "census"} <= set(missing["source"])
    assert len(res["plan"].table("portfolio")) == 31 * meta["n_industries"]
