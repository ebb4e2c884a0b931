"""Sensitivity grid: Monte Carlo rank intervals over every combination of weighting, normalisation and
aggregation, run in process or on a Dask cluster with identical results.

Each grid cell is a pure function of the data, the cell's choices and the cell's own seed
(``numpy.random.SeedSequence([seed, cell_number])``), so the order or place in which cells run cannot change a
number: ``engine="dask"`` returns exactly what ``engine="process"`` returns. Dask (``pip install
'yindi[dask]'``) is worth it when the grid is large — thousands of counties, many cells, tens of thousands of
draws — and several cores or machines are available; on one small machine it only adds start-up and transfer
overhead (see ``docs/benchmarks.md``). No scheduler of Yindi's own: cells are submitted with
``Client.map`` to a :class:`distributed.LocalCluster` (default) or to the scheduler at ``scheduler``.

敏感性网格：赋权 × 标准化 × 集成方式的每种组合做蒙特卡洛排名区间；可在本进程或 Dask 集群上运行，结果完全相同。
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from yindi._typing import FloatArray, IntArray
from yindi.errors import ParameterError, check_option

Engine = Literal["process", "dask"]
ENGINES: tuple[Engine, ...] = ("process", "dask")
WEIGHTINGS = ("entropy", "critic", "cv", "equal")
NORMALIZATIONS = ("minmax", "zscore", "vector")
AGGREGATIONS = ("weighted_sum", "topsis")


@dataclass(frozen=True)
class GridCell:
    """One combination of choices and its seed number."""

    number: int
    weighting: str
    normalization: str
    aggregation: str


@dataclass(frozen=True)
class CellResult:
    """Rank summary of one cell: arrays of shape (n,), regions in input order."""

    cell: GridCell
    weights: FloatArray
    low: IntArray
    median: IntArray
    high: IntArray
    top_share: FloatArray


@dataclass(frozen=True)
class GridResult:
    """Every cell's rank summary.

    Attributes
    ----------
    regions : tuple of str
    cells : tuple of CellResult
        In grid order (weighting × normalization × aggregation).
    draws, seed : int
    engine : str
    """

    regions: tuple[str, ...]
    cells: tuple[CellResult, ...]
    draws: int
    seed: int
    engine: str

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Result schema: measures ``rank_low``, ``rank_median``, ``rank_high``, ``top_share`` per region and
        cell, with the cell's choices as key columns."""
        from yindi.schema import tidy

        parts = []
        for c in self.cells:
            for measure, values in (
                ("rank_low", c.low),
                ("rank_median", c.median),
                ("rank_high", c.high),
                ("top_share", c.top_share),
            ):
                parts.append(
                    pd.DataFrame(
                        {
                            "region_code": self.regions,
                            "measure": measure,
                            "value": np.asarray(values, dtype=float),
                            "weighting": c.cell.weighting,
                            "normalization": c.cell.normalization,
                            "aggregation": c.cell.aggregation,
                        }
                    )
                )
        keys = ["weighting", "normalization", "aggregation"]
        return tidy(pd.concat(parts, ignore_index=True), keys=keys, lang="en" if lang == "en" else "zh")


def grid_cells(
    weightings: Sequence[str] = WEIGHTINGS,
    normalizations: Sequence[str] = NORMALIZATIONS,
    aggregations: Sequence[str] = AGGREGATIONS,
) -> tuple[GridCell, ...]:
    """The cells of the grid, numbered in a fixed order (the number seeds the cell)."""
    for name, given, allowed in (
        ("weightings", weightings, WEIGHTINGS),
        ("normalizations", normalizations, NORMALIZATIONS),
        ("aggregations", aggregations, AGGREGATIONS),
    ):
        for v in given:
            check_option(name, v, allowed, where="grid_cells()")
    combos = itertools.product(weightings, normalizations, aggregations)
    return tuple(GridCell(i, w, n, a) for i, (w, n, a) in enumerate(combos))


def run_cell(
    X: FloatArray,
    directions: FloatArray,
    cell: GridCell,
    *,
    draws: int,
    concentration: float,
    seed: int,
    top_k: int = 5,
) -> CellResult:
    """One cell: weights by ``cell.weighting`` on the raw values, scores on the ``cell.normalization`` of them,
    ``draws`` Dirichlet weight draws around the weights (seeded by ``[seed, cell.number]``), rank summary."""
    from yindi.index.montecarlo import dirichlet_weights, rank_distribution
    from yindi.index.normalize import minmax, vector, zscore
    from yindi.index.weights import critic_weights, cv_weights, entropy_weights, equal_weights

    m = X.shape[1]
    if cell.weighting == "entropy":
        w = entropy_weights(X, directions)
    elif cell.weighting == "critic":
        w = critic_weights(X, directions)
    elif cell.weighting == "cv":
        w = cv_weights(X)
    else:
        w = equal_weights(m)
    norm = {"minmax": minmax, "zscore": zscore, "vector": vector}[cell.normalization]
    R = norm(X, directions)
    rng = np.random.default_rng(np.random.SeedSequence([seed, cell.number]))
    W = dirichlet_weights(w, draws, concentration=concentration, seed=rng)
    dist = rank_distribution(R, W, aggregation=cell.aggregation, top_k=top_k)  # type: ignore[arg-type]
    return CellResult(cell, w, dist.low, dist.median, dist.high, dist.top_share)


def sensitivity_grid(
    X: FloatArray,
    directions: Sequence[int] | FloatArray,
    *,
    regions: Sequence[str] | None = None,
    cells: Sequence[GridCell] | None = None,
    draws: int = 1000,
    concentration: float = 100.0,
    seed: int = 0,
    top_k: int = 5,
    engine: Engine = "process",
    scheduler: str | None = None,
    processes: bool = True,
) -> GridResult:
    """Rank intervals of every region in every cell of the grid.

    Parameters
    ----------
    X : array, shape (n, m)
        Raw indicator values (regions × indicators), finite.
    directions : sequence of ±1, length m
    regions : sequence of str, optional
        Region codes in row order (default ``"0"``, ``"1"`` …).
    cells : sequence of GridCell, optional
        Default: :func:`grid_cells` (4 weightings × 3 normalisations × 2 aggregations).
    draws, concentration, seed, top_k
        Monte Carlo settings; cell ``i`` uses ``SeedSequence([seed, i])``.
    engine : {"process", "dask"}
        ``"dask"`` submits the cells to a Dask cluster; results are identical.
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); default a :class:`LocalCluster` started
        for the call and closed after it.
    processes : bool
        Worker processes (True) or threads (False) for the local cluster.
    """
    check_option("engine", engine, ENGINES, where="sensitivity_grid()")
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) or draws < 1:
        raise ParameterError(
            f"The 'draws' parameter of sensitivity_grid() must be a whole number of at least 1. Got {draws!r} "
            "instead (--draws).",
            zh=f"sensitivity_grid() 的 'draws'（每格抽样次数）应为不小于 1 的整数，实际为 {draws!r}（--draws）。",
        )
    A = np.asarray(X, dtype=np.float64)
    d = np.asarray(directions, dtype=np.float64)
    if A.ndim != 2 or not np.isfinite(A).all() or d.shape != (A.shape[1],):
        raise ParameterError(
            "sensitivity_grid() needs a finite (n, m) matrix and m directions; "
            f"got shape {A.shape} and {d.shape[0] if d.ndim else 0} directions.",
            zh="sensitivity_grid() 需要有限值的 (n, m) 矩阵和 m 个方向；"
            f"收到的形状为 {A.shape}，方向 {d.shape[0] if d.ndim else 0} 个。",
        )
    labels = tuple(str(r) for r in regions) if regions is not None else tuple(str(i) for i in range(len(A)))
    todo = tuple(cells) if cells is not None else grid_cells()
    kw: dict[str, Any] = {"draws": draws, "concentration": concentration, "seed": seed, "top_k": top_k}
    if engine == "process":
        out = tuple(run_cell(A, d, c, **kw) for c in todo)
    else:
        out = _run_dask(A, d, todo, kw, scheduler, processes)
    return GridResult(labels, out, draws, seed, engine)


def _run_dask(
    A: FloatArray,
    d: FloatArray,
    cells: tuple[GridCell, ...],
    kw: dict[str, Any],
    scheduler: str | None,
    processes: bool,
) -> tuple[CellResult, ...]:
    import importlib

    try:
        dist: Any = importlib.import_module("distributed")  # untyped calls: kept as Any
    except ImportError:
        raise ParameterError(
            "engine='dask' needs Dask: pip install 'yindi[dask]' (dask[distributed]).",
            zh="engine='dask' 需要安装 Dask：pip install 'yindi[dask]'。",
        ) from None
    cluster = None
    if scheduler is None:
        cluster = dist.LocalCluster(processes=processes, dashboard_address=None)
        client = dist.Client(cluster)
    else:
        client = dist.Client(scheduler)
    try:
        data = client.scatter([A, d], broadcast=True)
        futures = client.map(
            run_cell, [data[0]] * len(cells), [data[1]] * len(cells), list(cells), pure=False, **kw
        )
        results: list[CellResult] = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return tuple(sorted(results, key=lambda r: r.cell.number))
