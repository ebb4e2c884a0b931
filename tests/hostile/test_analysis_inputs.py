"""Analyses on degenerate inputs: islands, too few regions, empty years, all-zero columns, a one-dimension
preset, a file where a folder belongs. Each gives a clear error or a flagged result — never a traceback."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from tests.hostile._cli import assert_clear_error, has_chinese, run
from tests.hostile.cases import case

from yindi.errors import DataValidationError
from yindi.spatial import Weights, contiguity, geary, local_moran, moran

CHAIN = {"a": ["b"], "b": ["a", "c"], "c": ["b", "d"], "d": ["c", "e"], "e": ["d", "f"], "f": ["e"], "g": []}
VALUES = {"a": 1.0, "b": 3.0, "c": 2.0, "d": 5.0, "e": 4.0, "f": 7.0, "g": 6.0}


@case(
    "analysis",
    "Moran / Geary / LISA with an island as the last region",
    "the statistic (islands warned about), same as with the island first",
    "flagged",
)
def test_island_at_the_end_of_the_order() -> None:
    last = Weights.from_neighbors(CHAIN)
    first = Weights.from_neighbors({"g": [], **{k: v for k, v in CHAIN.items() if k != "g"}})
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        for stat in (moran, geary):
            a = stat(VALUES, last, permutations=0)
            b = stat(VALUES, first, permutations=0)
            assert a.value == pytest.approx(b.value, abs=1e-12)
        lisa = local_moran(VALUES, last, permutations=99, seed=1)
    assert any("islands" in str(w.message) for w in seen)
    assert lisa.p_sim[-1] == 1.0  # an island has nothing to test
    row = last.row_standardised()
    np.testing.assert_allclose(
        np.bincount(np.repeat(np.arange(7), row.cardinalities), row.values, 7), [1] * 6 + [0]
    )


@case(
    "analysis",
    "Moran / LISA on three regions with the default 999 permutations",
    "an error: 3 regions have only 6 orderings",
)
@pytest.mark.parametrize("command", ["moran", "lisa"])
def test_three_regions(tmp_path: Path, command: str) -> None:
    data = tmp_path / "three.csv"
    data.write_text("region,year,x\n北京,2020,1\n天津,2020,2\n河北,2020,3\n", encoding="utf-8")
    res = run("spatial", command, "--indicator", "x", "-d", data)
    assert_clear_error(res, "only 6 distinct orderings", "--permutations 0")
    assert has_chinese(res.err)


@case(
    "analysis",
    "three far-apart regions whose nearest regions are each other (islands attached)",
    "weights without a neighbour listed twice",
    "flagged",
)
def test_islands_attached_to_each_other() -> None:
    w = contiguity("province", islands="nearest", regions=["110000", "460000", "650000"])
    for code, nbs in w.neighbors.items():
        assert len(set(nbs)) == len(nbs) >= 1, (code, nbs)
    assert w.attached


@case(
    "analysis",
    "more permutations than the machine can hold (regions × permutations)",
    "ResourceLimitError naming the limit and how to raise it",
)
def test_permutation_limit() -> None:
    from yindi import limits
    from yindi.errors import ResourceLimitError

    w = Weights.from_neighbors(CHAIN)
    with pytest.raises(ResourceLimitError, match="max_permutations") as exc:
        moran(VALUES, w, permutations=10_000_000)
    assert exc.value.zh and "YINDI_MAX_PERMUTATIONS" in str(exc.value)
    with (
        limits.override(max_permutation_cells=100),
        pytest.raises(ResourceLimitError, match="regions × permutations"),
    ):
        moran(VALUES, w, permutations=99)


@case("analysis", "DEA on a year with no data", "an error naming the years that have data")
def test_dea_on_an_empty_year(provinces_dir: Path) -> None:
    res = run("dea", "-d", provinces_dir, "-i", "population", "--output-var", "gdp", "--year", "2010")
    assert_clear_error(res, "no data for population, gdp in 2010", "2016")


@case(
    "analysis",
    "DEA with an output that is zero for every unit",
    "an error saying the output is all zero (not 'a constant input')",
)
def test_dea_all_zero_output(tmp_path: Path) -> None:
    data = tmp_path / "zero.csv"
    rows = "".join(
        f"{r},2020,{i + 1},0\n"
        for i, r in enumerate(["北京", "天津", "河北", "山西", "辽宁", "吉林", "上海"])
    )
    data.write_text("region,year,x,y\n" + rows, encoding="utf-8")
    res = run("dea", "-d", data, "-i", "x", "--output-var", "y", "--year", "2020")
    assert_clear_error(res, "output 'y' is zero for every unit")
    assert "constant input" not in res.text
    from yindi.productivity import dea

    with pytest.raises(DataValidationError, match="output 'y0' is zero for every unit"):
        dea(np.arange(1.0, 5.0)[:, None], np.zeros((4, 1)), outputs=["y0"])


@case(
    "analysis",
    "clustering on a year without data",
    "an error naming the years with data (not 'k must lie in [2, -1]')",
)
def test_clusters_on_an_empty_year(provinces_dir: Path) -> None:
    res = run("typology", "clusters", "-d", provinces_dir, "--year", "2031")
    assert_clear_error(res, "no values in 2031")
    assert "[2, -1]" not in res.text and "RuntimeWarning" not in res.text


@case(
    "analysis",
    "report --out pointing at an existing file",
    "an error before any computation: --out needs a folder",
)
def test_report_out_is_a_file(tmp_path: Path, provinces_dir: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me", encoding="utf-8")
    res = run("report", "-d", provinces_dir, "--out", target, "-s", "coverage")
    assert_clear_error(res, "existing file", "folder")
    assert target.read_text(encoding="utf-8") == "keep me"


def _one_dimension_preset(tmp_path: Path) -> Path:
    import yindi.index

    src = Path(yindi.index.__file__).parent / "presets" / "tech_green_digital.toml"
    body = src.read_text(encoding="utf-8")
    head, *blocks = body.split("[[indicators]]")
    head = re.sub(r"\[\[dimensions\]\].*", "", head, flags=re.S).replace('"tech_green_digital"', '"one_dim"')
    head += '[[dimensions]]\nid = "tech"\nname_zh = "科技生产力"\nname_en = "Technology"\n\n'
    kept = ["[[indicators]]" + b for b in blocks if 'dimension = "tech"' in b]
    path = tmp_path / "one_dim.toml"
    path.write_text(head + "".join(kept), encoding="utf-8")
    return path


@case(
    "analysis",
    "an index preset with one dimension",
    "the index, with a note that coupling coordination (≥ 2 dimensions) was not computed",
    "flagged",
)
def test_one_dimension_preset(tmp_path: Path, provinces_dir: Path) -> None:
    preset = _one_dimension_preset(tmp_path)
    out = tmp_path / "index.xlsx"
    res = run(
        "index",
        "run",
        "-d",
        provinces_dir,
        "--preset",
        preset,
        "--draws",
        "0",
        "--years",
        "2022-2023",
        "-o",
        out,
    )
    assert res.code == 0, res.text
    assert "Coupling coordination needs at least 2 dimensions" in " ".join(res.out.split())
    import pandas as pd

    assert "coupling" not in pd.ExcelFile(out).sheet_names


@case(
    "cli",
    "a method warning raised during a command",
    "a clean bilingual warning line, no Python file name or source line",
    "flagged",
)
def test_warnings_are_clean_lines(tmp_path: Path) -> None:
    data = tmp_path / "few.csv"
    data.write_text("region,year,x,y\n北京,2020,1,2\n天津,2020,2,3\n河北,2020,3,3\n", encoding="utf-8")
    res = run("dea", "-d", data, "-i", "x", "--output-var", "y", "--year", "2020")
    assert res.code == 0, res.text
    assert "警告 Warning:" in res.err and "rule of thumb" in res.err
    assert ".py:" not in res.err and "return dea(" not in res.err and "MethodWarning" not in res.err
