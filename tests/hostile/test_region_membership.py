"""Import-side region membership: one level per table, HK/Macao/Taiwan only when asked, no silent guess for a
shared name. (Which regions each analysis then uses is the pipeline's rule.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hostile._cli import assert_clear_error, run
from tests.hostile.cases import case
from tests.hostile.test_import_inputs import PROVINCES, nbs_export

from yindi.data import read_table
from yindi.errors import DataValidationError


def _wide(tmp_path: Path, names: list[str]) -> Path:
    path = tmp_path / "wide.csv"
    rows = "".join(f"{n},2022,{100 + i}\n" for i, n in enumerate(names))
    path.write_text("region,year,gdp\n" + rows, encoding="utf-8")
    return path


@case(
    "regions",
    "a wide table with the 31 provinces plus 苏州 (a city) and 香港",
    "an error: one table holds one level (苏州 named with its row)",
)
def test_provinces_plus_city_and_hong_kong(tmp_path: Path) -> None:
    path = _wide(tmp_path, [*PROVINCES, "苏州", "香港"])
    res = run("data", "check", path)
    assert_clear_error(res, "row 33", "'苏州' is a city", "--level province")


@case(
    "regions",
    "the same table with --level province",
    "苏州 left out and reported; 香港 still needs --hk-mo-tw",
    "flagged",
)
def test_level_filters_and_reports(tmp_path: Path) -> None:
    path = _wide(tmp_path, [*PROVINCES, "苏州", "香港"])
    with pytest.raises(DataValidationError, match="outside the mainland.*--hk-mo-tw"):
        read_table(path, level="province")
    panel = read_table(path, level="province", special="exclude")
    assert len(panel.region_codes) == 31
    notes = [str(r) for r in panel.repairs]
    assert any("苏州" in n and "left out: not a province" in n for n in notes), notes
    assert any("香港" in n and "left out as asked" in n for n in notes), notes
    res = run("data", "check", path, "--level", "province", "--hk-mo-tw", "exclude")
    assert res.code == 0, res.text
    assert "苏州" in res.out and "香港" in res.out


@case(
    "regions",
    "Hong Kong / Macao / Taiwan in a provincial table",
    "an error unless --hk-mo-tw include (reported) or exclude (reported)",
)
def test_special_regions_only_when_asked(tmp_path: Path) -> None:
    path = _wide(tmp_path, [*PROVINCES[:5], "香港", "澳门", "台湾"])
    assert_clear_error(run("data", "check", path), "'香港' is outside the mainland", "--hk-mo-tw include")
    panel = read_table(path, special="include")
    assert {"810000", "820000", "710000"} <= set(panel.region_codes)
    assert sum("included as asked" in str(r) for r in panel.repairs) == 3


@case(
    "regions",
    "an ambiguous name (朝阳 in a table of districts and counties)",
    "an error listing 北京朝阳区, 辽宁朝阳县, 吉林朝阳区; --within chooses (reported)",
)
def test_ambiguous_name(tmp_path: Path) -> None:
    path = _wide(tmp_path, ["朝阳", "海淀区", "东城区", "西城区"])
    res = run("data", "check", path)
    assert_clear_error(res, "'朝阳' names 3 regions", "110105", "--within")
    panel = read_table(path, within="北京")
    assert "110105" in panel.region_codes
    assert any("read within '北京'" in str(r) and "朝阳" in str(r) for r in panel.repairs)


@case(
    "regions",
    "朝阳 among cities; 北京 and 吉林 in a city table",
    "read at the table's level (朝阳市, 北京市 110100, 吉林市), each re-reading reported",
    "flagged",
)
def test_table_level_decides(tmp_path: Path) -> None:
    path = _wide(tmp_path, ["朝阳", "苏州", "无锡", "北京", "吉林"])
    panel = read_table(path)
    assert {"211300", "320500", "110100", "220200"} <= set(panel.region_codes)
    assert any("北京" in str(r) and "level 'city'" in str(r) for r in panel.repairs)


@case("regions", "an NBS export with a non-province row", "the same one-level rule as any table")
def test_nbs_mixed_levels(tmp_path: Path) -> None:
    path = tmp_path / "nbs.csv"
    path.write_text(nbs_export([*PROVINCES, "苏州市"]), encoding="utf-8")
    assert_clear_error(run("data", "check", path, "--indicator-id", "gdp"), "'苏州市' is a city")
