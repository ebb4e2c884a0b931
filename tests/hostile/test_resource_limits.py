"""Resource limits (yindi.limits): a request beyond a documented limit is a ResourceLimitError before the
work starts, and each limit can be raised knowingly (environment variable or yindi.limits.override)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from tests.hostile._cli import assert_clear_error, run
from tests.hostile.cases import case

from yindi import limits
from yindi.data import read_table
from yindi.errors import ParameterError, ResourceLimitError


def _table(tmp_path: Path, rows: int = 5) -> Path:
    path = tmp_path / "t.csv"
    names = ["北京", "天津", "河北", "山西", "辽宁", "吉林", "上海"][:rows]
    path.write_text(
        "region,year,gdp\n" + "".join(f"{n},2020,{i}\n" for i, n in enumerate(names)), encoding="utf-8"
    )
    return path


@case(
    "limits",
    "a file larger than max_file_bytes",
    "ResourceLimitError naming the limit and YINDI_MAX_FILE_BYTES",
)
def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _table(tmp_path)
    monkeypatch.setenv("YINDI_MAX_FILE_BYTES", "10")
    res = run("data", "check", path)
    assert_clear_error(res, "max_file_bytes", "YINDI_MAX_FILE_BYTES")
    monkeypatch.setenv("YINDI_MAX_FILE_BYTES", "ten")
    with pytest.raises(ParameterError, match="whole number"):
        read_table(path)


@case(
    "limits", "more data rows than max_rows", "ResourceLimitError; raising the limit lets the import through"
)
def test_row_limit(tmp_path: Path) -> None:
    path = _table(tmp_path)
    with limits.override(max_rows=3), pytest.raises(ResourceLimitError, match="number of data rows is 5"):
        read_table(path)
    with limits.override(max_rows=5):
        assert len(read_table(path)) == 5


@case("limits", "more bootstrap draws than max_bootstrap (Dagum)", "ResourceLimitError before any draw")
def test_bootstrap_limit() -> None:
    from yindi.disparity import dagum

    values = {f"r{i}": float(i + 1) for i in range(8)}
    groups = {f"r{i}": "ab"[i % 2] for i in range(8)}
    with pytest.raises(ResourceLimitError, match="bootstrap draws is 50,000"):
        dagum(values, groups, bootstrap=50_000)


@case(
    "limits",
    "more Monte Carlo draws than max_draws (index rank intervals)",
    "ResourceLimitError before any draw",
)
def test_draws_limit() -> None:
    from yindi.index.uncertainty import rank_intervals

    with limits.override(max_draws=10), pytest.raises(ResourceLimitError, match="Monte Carlo draws is 2,000"):
        rank_intervals(None, draws=2000)  # type: ignore[arg-type]


@case(
    "limits",
    "an unknown limit name or a bad value in limits.override",
    "ParameterError naming the closest limit",
)
def test_override_validates() -> None:
    with pytest.raises(ParameterError, match="max_rows"), limits.override(max_row=1):
        pass
    assert limits.limit("max_rows") == limits.TABLE["max_rows"].default
    assert np.all([v > 0 for v in limits.as_dict().values()])
