"""read_table: tidy and wide layouts in CSV, Excel and Parquet, with column roles and row-exact errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from yindi.data.table import read_table
from yindi.errors import DataFormatError, DataValidationError

WIDE = pd.DataFrame(
    {
        "省份": ["北京市", "Tianjin", "河北"],
        "年份": ["2022年", "2022", "2022"],
        "GDP (亿元)": [41610.9, 16311.3, None],
        "人口 (万人)": [2184.3, 1363.0, 7420.0],
    }
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_wide_file_roundtrip(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"wide{suffix}"
    if suffix == ".csv":
        WIDE.to_csv(path, index=False)
    elif suffix == ".xlsx":
        WIDE.to_excel(path, index=False)
    else:
        WIDE.astype({"年份": str}).to_parquet(path)
    panel = read_table(
        path, region="省份", year="年份", indicators={"GDP (亿元)": "gdp", "人口 (万人)": "pop"}
    )
    assert panel.value("北京", 2022, "gdp") == 41610.9
    assert panel.value("天津", 2022, "pop") == 1363.0
    assert panel.indicator("gdp").unit == "亿元" and panel.indicator("pop").unit == "万人"
    assert pd.isna(panel.value("河北", 2022, "gdp"))


def test_tidy_dataframe() -> None:
    tidy = pd.DataFrame(
        {
            "r": ["广西", "450000"],
            "y": [2020, 2021],
            "k": ["gdp", "gdp"],
            "v": ["1.5", "2"],
            "u": ["亿元", "亿元"],
        }
    )
    panel = read_table(tidy, region="r", year="y", indicator="k", value="v", unit="u")
    assert panel.value("Guangxi", 2021, "gdp") == 2.0


def test_error_names_file_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    pd.DataFrame(
        {"地区": ["北京", "天津", "上海"], "年份": [2020, 2020, 2020], "x": ["1", "2", "3,5"]}
    ).to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"bad.csv, row 4, column 'x': '3,5' is not a number"):
        read_table(path, region="地区", year="年份")


def test_unknown_region_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    pd.DataFrame({"地区": ["北京", "浙汀"], "年份": [2020, 2020], "x": [1, 2]}).to_csv(path, index=False)
    with pytest.raises(
        DataValidationError, match=r"bad.csv, row 3, column '地区': Unknown region '浙汀'.*浙江"
    ):
        read_table(path, region="地区", year="年份")


def test_missing_role_column_lists_columns(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match=r"no column 'region' for the region role. Columns are: '省份'"):
        read_table(WIDE)


def test_half_tidy_mapping_is_an_error() -> None:
    with pytest.raises(DataFormatError, match="both indicator= and value="):
        read_table(WIDE, region="省份", year="年份", indicator="GDP (亿元)")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(DataFormatError, match="unsupported file type"):
        read_table(path)


def test_blank_region_cell_in_excel(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    pd.DataFrame({"省份": ["北京", None], "年份": [2020, 2020], "x": [1, 2]}).to_excel(path, index=False)
    with pytest.raises(DataValidationError, match=r"merged.xlsx, row 3, column '省份': the region is empty"):
        read_table(path, region="省份", year="年份")


def test_excel_rows_skip_blank_lines_but_keep_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.xlsx"
    pd.DataFrame({"省份": ["北京", None, "浙汀"], "年份": [2020, None, 2020], "x": [1, None, 2]}).to_excel(
        path, index=False
    )
    with pytest.raises(DataValidationError, match=r"gaps.xlsx, row 4, column '省份': Unknown region '浙汀'"):
        read_table(path, region="省份", year="年份")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("地区,年份,x\n", "header but no data rows"),
        ("", "the file is empty"),
        ("地区,年份,GDP,GDP\n北京,2020,1,2\n", r"row 1: duplicate column header\(s\) 'GDP'"),
        ("地区,年份,x\n北京,2020,1,234\n", r"row 2: 4 cells but the header has 3"),
    ],
)
def test_malformed_csv(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFormatError, match=message):
        read_table(path, region="地区", year="年份")


def test_gb18030_csv(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_text("地区,年份,x\n内蒙古,2020,1.5\n", encoding="gb18030")
    assert read_table(path, region="地区", year="年份").value("内蒙古", 2020, "x") == 1.5


def test_damaged_workbook_and_missing_sheet(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataFormatError, match="not a readable Excel workbook"):
        read_table(bad)
    good = tmp_path / "good.xlsx"
    WIDE.to_excel(good, index=False, sheet_name="data")
    with pytest.raises(DataFormatError, match="cannot read sheet 'nope'; the workbook has 'data'"):
        read_table(good, region="省份", year="年份", sheet="nope")
    assert len(read_table(good, region="省份", year="年份", sheet="0")) == 6
