"""The sensitivity grid gives identical results in process and on a Dask LocalCluster (seeded per cell), and a
cell agrees with the plain rank-distribution reference."""

from __future__ import annotations

import numpy as np
import pytest

from yindi.index.grid import grid_cells, run_cell, sensitivity_grid
from yindi.index.montecarlo import dirichlet_weights, rank_distribution_plain
from yindi.index.normalize import minmax
from yindi.index.weights import entropy_weights


def _data(n: int = 300, m: int = 5, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.lognormal(size=(n, m)), np.array([1, 1, -1, 1, 1], dtype=float)[:m]


def test_dask_local_cluster_matches_in_process_exactly() -> None:
    pytest.importorskip("distributed")
    X, d = _data()
    cells = grid_cells(("entropy", "equal"), ("minmax", "zscore"), ("weighted_sum", "topsis"))
    here = sensitivity_grid(X, d, cells=cells, draws=200, seed=3)
    there = sensitivity_grid(X, d, cells=cells, draws=200, seed=3, engine="dask", processes=False)
    assert there.engine == "dask" and len(there.cells) == len(here.cells) == 8
    for a, b in zip(here.cells, there.cells, strict=True):
        assert a.cell == b.cell
        for field in ("weights", "low", "median", "high", "top_share"):
            np.testing.assert_array_equal(getattr(a, field), getattr(b, field))


def test_cells_are_seeded_independently_of_order() -> None:
    X, d = _data(n=80)
    cells = grid_cells(("entropy", "cv"), ("minmax",), ("weighted_sum",))
    forward = sensitivity_grid(X, d, cells=cells, draws=100, seed=1)
    backward = sensitivity_grid(X, d, cells=cells[::-1], draws=100, seed=1)
    by_number = {c.cell.number: c for c in backward.cells}
    for c in forward.cells:
        np.testing.assert_array_equal(c.median, by_number[c.cell.number].median)


def test_a_cell_matches_the_plain_reference() -> None:
    X, d = _data(n=60)
    cell = grid_cells(("entropy",), ("minmax",), ("weighted_sum",))[0]
    res = run_cell(X, d, cell, draws=150, concentration=50.0, seed=9)
    w = entropy_weights(X, d)
    rng = np.random.default_rng(np.random.SeedSequence([9, cell.number]))
    W = dirichlet_weights(w, 150, concentration=50.0, seed=rng)
    ref = rank_distribution_plain(minmax(X, d), W, aggregation="weighted_sum")
    np.testing.assert_array_equal(res.median, ref.median)
    np.testing.assert_array_equal(res.low, ref.low)
    np.testing.assert_array_equal(res.high, ref.high)


def test_result_schema_and_bad_engine() -> None:
    X, d = _data(n=30)
    res = sensitivity_grid(X, d, cells=grid_cells(("equal",), ("minmax",), ("weighted_sum",)), draws=20)
    frame = res.to_frame()
    assert list(frame.columns[:6]) == ["region_code", "region", "level", "year", "measure", "value"]
    assert {"weighting", "normalization", "aggregation"} <= set(frame.columns)
    with pytest.raises(ValueError, match="engine"):
        sensitivity_grid(X, d, engine="spark")  # type: ignore[arg-type]
