"""The DuckDB workspace: round trip, provenance, and atomic imports (a failure mid-import changes nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from yindi.data import make_panel
from yindi.data.workspace import Workspace, combine
from yindi.errors import DataValidationError, WorkspaceError


def _small(value: float = 1.0, indicator: str = "gdp"):  # type: ignore[no-untyped-def]
    frame = pd.DataFrame(
        {
            "region_code": ["110000", "120000"],
            "region": ["北京", "天津"],
            "year": [2020, 2020],
            "indicator": [indicator, indicator],
            "value": [value, float("nan")],
            "unit": ["亿元", "亿元"],
        }
    )
    return make_panel(frame)


def _snapshot(ws: Workspace) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect(str(ws.path), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("datasets", "observations", "indicators")
        }
    finally:
        con.close()


def test_round_trip_keeps_values_missing_and_metadata(tmp_path: Path, panel) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(tmp_path / "w.duckdb")
    info = ws.import_panel("cn", panel)
    assert info.n_rows == len(panel)
    back = ws.load("cn")
    pd.testing.assert_frame_equal(back.frame, panel.frame, check_dtype=False)
    assert back.indicator("gdp").name_zh == "地区生产总值"
    assert ws.datasets()["name"].tolist() == ["cn"]
    assert all(s["sha256"] for s in ws.info("cn").sources)


class _FailAfterRows(Workspace):
    def _after_rows_written(self, con: Any) -> None:
        raise RuntimeError("disk full (simulated)")


def test_failure_mid_import_leaves_workspace_exactly_as_before(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    Workspace(path).import_panel("old", _small(1.0))
    before = _snapshot(Workspace(path))
    with pytest.raises(RuntimeError, match="simulated"):
        _FailAfterRows(path).import_panel("new", _small(2.0))
    assert _snapshot(Workspace(path)) == before
    # a failing replace keeps the old version intact too
    with pytest.raises(RuntimeError):
        _FailAfterRows(path).import_panel("old", _small(3.0), replace=True)
    assert _snapshot(Workspace(path)) == before
    assert Workspace(path).load("old").value("北京", 2020, "gdp") == 1.0


def test_existing_name_needs_replace(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.duckdb")
    ws.import_panel("a", _small())
    with pytest.raises(WorkspaceError, match="exists.*--replace"):
        ws.import_panel("a", _small())
    ws.import_panel("a", _small(5.0), replace=True)
    assert ws.load("a").value("北京", 2020, "gdp") == 5.0


def test_bad_names_and_missing_dataset(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.duckdb")
    with pytest.raises(WorkspaceError, match="use letters"):
        ws.import_panel("a b;drop", _small())
    ws.import_panel("a", _small())
    with pytest.raises(WorkspaceError, match=r"no dataset 'zz' \(datasets: a\)"):
        ws.load("zz")
    ws.remove("a")
    assert ws.datasets().empty


def test_combine_detects_conflicts_across_files() -> None:
    with pytest.raises(DataValidationError, match="conflicting duplicate"):
        combine([_small(1.0), _small(2.0)])
    both = combine([_small(1.0), _small(1.0, indicator="pop")])
    assert both.indicator_ids == ["gdp", "pop"]


def test_conflict_across_files_names_the_files(nbs_dir, provinces_dir) -> None:  # type: ignore[no-untyped-def]
    from yindi.data import load_pack
    from yindi.data.nbs import read_nbs_export

    pack = load_pack(provinces_dir)
    export = read_nbs_export(nbs_dir / "分省年度数据2024.csv")  # 2024 GDP of a later vintage
    with pytest.raises(
        DataValidationError,
        match=r"conflicting duplicate.*indicator 'gdp'.*49843.1 \(.*panel.csv\), 49670.2 \(.*分省年度数据2024.csv\)",
    ):
        combine([pack, export])


def test_failed_first_import_leaves_no_workspace_file(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with pytest.raises(RuntimeError):
        _FailAfterRows(path).import_panel("x", _small())
    assert not path.exists()


class _Attempts(Workspace):
    """Records the memory limit of each attempt to write the rows."""

    limits: list[str | None]

    def _write_rows(self, con: Any, *args: Any, memory_limit: str | None, **kw: Any) -> None:
        self.limits.append(memory_limit)
        super()._write_rows(con, *args, memory_limit=memory_limit, **kw)


def test_an_import_out_of_memory_under_the_limit_runs_again_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real DuckDB out-of-memory error: 300,000 rows under a 1 MB limit. The transaction is rolled back, the
    limit lifted and the rows written once."""
    import numpy as np

    from yindi.data import workspace

    n_ind, n_year = 2500, 60
    codes = np.array(["110000", "120000"])
    frame = pd.DataFrame(
        {
            "region_code": np.repeat(codes, n_ind * n_year),
            "region": np.repeat(np.array(["北京", "天津"]), n_ind * n_year),
            "year": np.tile(np.arange(1960, 1960 + n_year), 2 * n_ind),
            "indicator": np.tile(np.repeat([f"i{k:05d}" for k in range(n_ind)], n_year), 2),
            "value": np.arange(2 * n_ind * n_year, dtype=float),
            "unit": "元",
        }
    )
    big = make_panel(frame)
    path = tmp_path / "w.duckdb"
    Workspace(path).import_panel("old", _small(1.0))
    monkeypatch.setattr(workspace, "INSERT_MEMORY_LIMIT", "1MB")
    ws = _Attempts(path)
    ws.limits = []
    ws.import_panel("new", big)
    assert ws.limits == ["1MB", None]
    back = Workspace(path).load("new")
    assert len(back) == len(big) == 300_000  # written once, not twice
    assert back.frame["value"].sum() == big.frame["value"].sum()
    assert Workspace(path).datasets()["name"].tolist() == ["new", "old"]
