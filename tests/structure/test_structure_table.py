"""Reading region × activity × period tables: column roles, validation errors, explicit policies."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from yindi.errors import (
    DataFormatError,
    DataRepairWarning,
    DataValidationError,
    MissingDataError,
    ParameterError,
)
from yindi.structure import ActivityTable, complexity, read_activity_table, specialisation


def _frame() -> pd.DataFrame:
    rows = []
    for y in (2020, 2021):
        for r, scale in (("北京", 1.0), ("上海", 2.0), ("广东", 3.0)):
            for a, v in (("A", 1.0), ("B", 2.0), ("C", 4.0)):
                rows.append((r, y, a, v * scale + (y - 2020)))
    return pd.DataFrame(rows, columns=["省份", "年份", "行业", "用电"])


ROLES = {"region": "省份", "period": "年份", "activity": "行业", "value": "用电"}


def test_roles_and_registry_codes() -> None:
    t = read_activity_table(_frame(), **ROLES)
    assert t.periods == (2020, 2021)
    assert t.regions == ("110000", "310000", "440000")
    assert t.activities == ("A", "B", "C")
    assert t.values.shape == (2, 3, 3)
    assert t.name("440000") == "广东"
    assert t.matrix(2021)[2, 2] == pytest.approx(13.0)
    assert list(t.frame.columns) == ["region_code", "region", "period", "activity", "value"]
    assert not t.values.flags.writeable


def test_csv_file_errors_name_row_and_column(tmp_path: Path) -> None:
    f = _frame().astype({"用电": str})
    f.loc[4, "用电"] = "12,5"
    path = tmp_path / "t.csv"
    f.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"t\.csv, row 6, column '用电'"):
        read_activity_table(path, **ROLES)


def test_missing_column() -> None:
    with pytest.raises(DataFormatError, match="not found"):
        read_activity_table(_frame(), region="province", period="年份", activity="行业", value="用电")


def test_negative_value_is_an_error() -> None:
    f = _frame()
    f.loc[3, "用电"] = -1.0
    with pytest.raises(DataValidationError, match=r"negative value -1\.0 for region '上海'"):
        read_activity_table(f, **ROLES)


def test_duplicate_cell_is_an_error() -> None:
    f = pd.concat([_frame(), _frame().iloc[[0]]], ignore_index=True)
    with pytest.raises(DataValidationError, match="appears more than once"):
        read_activity_table(f, **ROLES)


def test_unknown_region_is_an_error_and_fix_is_reported() -> None:
    f = _frame()
    f.loc[f["省份"] == "上海", "省份"] = "上诲"
    with pytest.raises(DataValidationError, match="上诲"):
        read_activity_table(f, **ROLES)
    t = read_activity_table(f, **ROLES, region_fixes={"上诲": "上海"})
    assert "310000" in t.regions
    assert any("上诲" in n for n in t.notes)


def test_missing_values_policy() -> None:
    f = _frame()
    f.loc[2, "用电"] = np.nan
    with pytest.raises(MissingDataError, match="missing='zero'"):
        read_activity_table(f, **ROLES)
    t = read_activity_table(f, **ROLES, missing="zero")
    assert t.values[0, 0, 2] == 0.0
    assert any("1 empty value(s)" in n for n in t.notes)


def test_absent_combination_policy() -> None:
    f = _frame().drop(index=[4]).reset_index(drop=True)
    with pytest.raises(MissingDataError, match="no row"):
        read_activity_table(f, **ROLES)
    t = read_activity_table(f, **ROLES, missing="zero")
    assert any("1 absent combination" in n for n in t.notes)


def _with_total(f: pd.DataFrame) -> pd.DataFrame:
    tot = f.groupby(["省份", "年份"], as_index=False)["用电"].sum().assign(行业="合计")
    return pd.concat([f, tot], ignore_index=True)


def test_aggregate_activity_detected_excluded_and_reported() -> None:
    f = _with_total(_frame())
    with pytest.warns(DataRepairWarning, match="合计"):
        t = read_activity_table(f, **ROLES)
    assert "合计" not in t.activities
    assert list(t.excluded["label"]) == ["合计"]
    with pytest.raises(DataValidationError, match="aggregate"):
        read_activity_table(f, **ROLES, aggregates="error")
    assert "合计" in read_activity_table(f, **ROLES, aggregates="keep").activities


def test_national_total_region_is_an_aggregate() -> None:
    f = _frame()
    nat = f.groupby(["年份", "行业"], as_index=False)["用电"].sum().assign(省份="全国")
    with pytest.warns(DataRepairWarning):
        t = read_activity_table(pd.concat([f, nat], ignore_index=True), **ROLES)
    assert "100000" not in t.regions
    assert "100000" in set(t.excluded["label"])


def test_exclude_activities_after_aggregate_detection() -> None:
    f = _with_total(_frame())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)
        t = read_activity_table(f, **ROLES, exclude_activities=["C"])
    assert t.activities == ("A", "B")
    assert set(t.excluded["label"]) == {"合计", "C"}
    with pytest.raises(DataValidationError, match="not an activity"):
        read_activity_table(f, **ROLES, exclude_activities=["Z"])


def test_bad_options() -> None:
    with pytest.raises(ParameterError, match="'missing' parameter"):
        read_activity_table(_frame(), **ROLES, missing="drop")  # type: ignore[arg-type]


def test_all_zero_rows_error_or_reported_drop() -> None:
    f = _frame()
    f.loc[f["行业"] == "B", "用电"] = 0.0
    t = read_activity_table(f, **ROLES)
    with pytest.raises(DataValidationError, match=r"activity 'B' has a total of zero in 2020.*empty='drop'"):
        specialisation(t)
    with pytest.warns(DataRepairWarning, match="left out"):
        res = specialisation(t, empty="drop")
    assert set(res.dropped["label"]) == {"B"}
    assert list(res.dropped["period"]) == [2020, 2021]
    assert "B" not in set(res.cells["activity"])


def test_min_totals_are_reported() -> None:
    t = read_activity_table(_frame(), **ROLES)
    with pytest.warns(DataRepairWarning):
        res = specialisation(t, min_region_total=8.0)  # 北京 2020 total is 7
    d = res.dropped
    assert list(d[["period", "label"]].itertuples(index=False, name=None)) == [(2020, "110000")]
    assert "min_region_total=8" in d["reason"].iloc[0]
    with pytest.raises(ParameterError, match="min_activity_total"):
        specialisation(t, min_activity_total=-1.0)


def test_from_array_and_as_is_labels() -> None:
    rng = np.random.default_rng(0)
    cap, q = rng.uniform(0, 1, 6), rng.uniform(0, 1, 3)  # a capability model: ECI and COI are defined
    v = np.exp(3 * np.minimum(0, cap[None, :, None] - q[None, None, :]) + rng.normal(0, 0.5, (2, 6, 3)))
    regions = ["f", "e", "d", "c", "b", "a"]
    t = ActivityTable.from_array(v, periods=[2021, 2020], regions=regions, activities=["z", "y", "x"])
    assert t.periods == (2020, 2021) and t.regions == ("a", "b", "c", "d", "e", "f")
    assert t.matrix(2020)[0, 0] == v[1, 5, 2]
    with pytest.raises(DataValidationError):
        ActivityTable.from_array(-v, periods=[1, 2], regions=regions, activities=list("xyz"))
    df = t.frame.rename(columns={"period": "year"})
    res = complexity(df)
    assert set(res.regions["region"]) == set(regions)


def test_complexity_rejects_bad_options() -> None:
    t = read_activity_table(_frame(), **ROLES)
    with pytest.raises(ParameterError, match="rca_threshold"):
        complexity(t, rca_threshold=0)
    with pytest.raises(ParameterError, match="'precision' parameter"):
        complexity(t, precision="float16")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="period 1999"):
        complexity(t, periods=[1999])
    with pytest.raises(ParameterError, match="ActivityTable or a pandas DataFrame"):
        complexity([1, 2, 3])  # type: ignore[arg-type]
