"""Files that used to be accepted without a flag, or refused with an unclear message: each is now a clear,
bilingual error naming the file, row and column (or cell), through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from tests.hostile._cli import assert_clear_error, has_chinese, run
from tests.hostile.cases import case

from yindi.data import read_table
from yindi.errors import DataValidationError

PROVINCES = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"]  # fmt: skip


def _csv(tmp_path: Path, text: str, name: str = "t.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def nbs_export(regions: list[str], footer: str = "注：测试\n数据来源：国家统计局\n") -> str:
    rows = "".join(f"{r}\t,{100 + i}\t,{90 + i}\t,\n" for i, r in enumerate(regions))
    return f"数据库：分省年度数据\n时间：2021年-2022年\n地区\t,2022年\t,2021年\t,\n{rows}{footer}"


@case(
    "import",
    "an Excel formula cell saved without its computed value",
    "an error naming the sheet, cell and formula",
)
def test_formula_without_cached_value(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "data"
    ws.append(["region", "year", "gdp"])
    ws.append(["北京", 2020, 100])
    ws.append(["天津", 2020, "=C2*2"])  # openpyxl stores the formula, never its value
    path = tmp_path / "f.xlsx"
    book.save(path)
    res = run("data", "check", path)
    assert_clear_error(res, "cell C3", "'=C2*2'", "no saved value")
    assert has_chinese(res.err)


@case(
    "import",
    "a number too large for a float (1e400) and the text 'inf'",
    "an error naming file, row and column for both",
)
@pytest.mark.parametrize("cell", ["1e400", "-1e999", "inf", "Infinity"])
def test_overflow_and_infinity(tmp_path: Path, cell: str) -> None:
    path = _csv(tmp_path, f"region,year,gdp\n北京,2020,1\n天津,2020,{cell}\n")
    res = run("data", "check", path)
    assert_clear_error(res, f"{path}, row 3, column 'gdp'", repr(cell))


@case("import", "infinite values in a DataFrame handed to read_table", "an error naming the row and column")
def test_infinity_in_a_dataframe() -> None:
    frame = pd.DataFrame({"region": ["北京", "天津"], "year": [2020, 2020], "gdp": [1.0, np.inf]})
    with pytest.raises(DataValidationError, match=r"row 2, column 'gdp'.*'inf'"):
        read_table(frame)


@case(
    "import",
    "a negative population (and other counts)",
    "flagged as a finding naming the region, year, indicator and unit (kept as in the source, like every finding)",
)
def test_negative_count(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "region,year,indicator,value,unit\n北京,2020,population,2189,万人\n天津,2020,population,-1387,万人\n河北,2020,profit,-5,亿元\n",
    )
    res = run("data", "check", path, "--indicator", "indicator", "--value", "value", "--unit", "unit")
    assert res.code == 0, res.text
    flat = " ".join(res.out.split())
    assert "天津 2020" in flat and "population = -1387 万人" in flat and "不能为负" in flat, res.out
    ok = _csv(tmp_path, "region,year,indicator,value,unit\n河北,2020,profit,-5,亿元\n", name="money.csv")
    assert (
        run("data", "check", ok, "--indicator", "indicator", "--value", "value", "--unit", "unit").code == 0
    )


@case(
    "import",
    "an NBS export cut off mid-table (no footer, 17 of 31 provinces)",
    "an error: the file looks cut off",
)
def test_nbs_export_cut_off(tmp_path: Path) -> None:
    path = _csv(tmp_path, nbs_export(PROVINCES[:17], footer=""), name="cut.csv")
    res = run("data", "check", path, "--indicator-id", "gdp")
    assert_clear_error(res, "17 region rows", "cut off", "数据来源")
    whole = _csv(tmp_path, nbs_export(PROVINCES), name="whole.csv")
    assert run("data", "check", whole, "--indicator-id", "gdp").code == 0


@case(
    "import",
    "an NBS export with a data row after the 数据来源 footer",
    "an error naming the line (not folded into the notes)",
)
def test_nbs_row_after_footer(tmp_path: Path) -> None:
    text = nbs_export(PROVINCES[:30]) + "新疆维吾尔自治区\t,130\t,120\t,\n"
    path = _csv(tmp_path, text, name="after.csv")
    res = run("data", "check", path, "--indicator-id", "gdp")
    assert_clear_error(res, "line 36", "after the footer", "新疆维吾尔自治区")


@case(
    "cli", "--out x.json for a table command", "a JSON file (records); an unknown suffix is refused", "safe"
)
def test_out_json(tmp_path: Path, provinces_dir: Path) -> None:
    out = tmp_path / "x.json"
    res = run(
        "disparity",
        "inequality",
        "--indicator",
        "gdp",
        "-d",
        provinces_dir,
        "--years",
        "2022-2023",
        "--out",
        out,
    )
    assert res.code == 0, res.text
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(rows, list) and rows and "gini" in rows[0]
    bad = tmp_path / "x.html"
    res = run(
        "disparity",
        "inequality",
        "--indicator",
        "gdp",
        "-d",
        provinces_dir,
        "--years",
        "2022-2023",
        "--out",
        bad,
    )
    assert_clear_error(res, "cannot write a table as '.html'", ".json")
    assert not bad.exists()


@case("cli", "`data show --lang xx`", "an error listing zh and en")
def test_data_show_bad_lang(tmp_path: Path) -> None:
    res = run("data", "show", "x", "-w", tmp_path / "none.duckdb", "--lang", "xx")
    assert_clear_error(res, "'lang'", "'zh', 'en'", "'xx'")


def _ole2(extra: bytes) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + extra + b"\x00" * 1024


@case(
    "import",
    "a password-protected workbook (OLE2 container with EncryptedPackage)",
    "an error saying it is encrypted (not 'not a zip file')",
)
def test_encrypted_workbook(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(_ole2("EncryptedInfo\x00EncryptedPackage".encode("utf-16-le")))
    res = run("data", "check", path)
    assert_clear_error(res, "password-protected")
    assert "zip" not in res.err


@case("import", "an old .xls workbook saved under an .xlsx name", "an error saying to save it as .xlsx")
def test_old_xls_renamed(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(_ole2("Workbook".encode("utf-16-le")))
    assert_clear_error(run("data", "check", path), "Excel 97–2003", "save it as .xlsx")


TABLE = "地區,年份,gdp\n北京,2020,36102.6\n天津,2020,14083.7\n河北,2020,36206.9\n上海,2020,38700.6\n廣東,2020,110760.9\n"


@case(
    "import",
    "a Big5 (Traditional Chinese) CSV that GB18030 would decode into mojibake",
    "an error naming Big5 and how to save as UTF-8",
)
def test_big5_file(tmp_path: Path) -> None:
    path = _csv(tmp_path, TABLE, encoding="big5")
    assert_clear_error(run("data", "check", path), "Big5", "UTF-8")


@case(
    "import",
    "a UTF-8 file that was once opened as GBK and saved (mojibake)",
    "an error showing the garbled and the intended text",
)
def test_mojibake_file(tmp_path: Path) -> None:
    text = "地区,年份,gdp\n北京,2020,1\n天津,2020,2\n河北,2020,3\n"
    path = _csv(tmp_path, text.encode("utf-8").decode("gb18030", errors="replace"))
    assert_clear_error(run("data", "check", path), "mojibake", "'地区'")


@case("import", "a UTF-16 CSV (Excel 'Unicode text') and a GB18030 CSV", "read correctly", "safe")
@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "utf-8-sig"])
def test_accepted_encodings(tmp_path: Path, encoding: str) -> None:
    path = _csv(tmp_path, "地区,年份,gdp\n北京,2020,1\n内蒙古,2020,2\n", encoding=encoding)
    panel = read_table(path, region="地区", year="年份")
    assert panel.value("内蒙古", 2020, "gdp") == 2.0


@case(
    "import",
    "a tidy CSV imported without --indicator/--value",
    "an error suggesting --indicator indicator --value value",
)
def test_tidy_without_roles(tmp_path: Path) -> None:
    path = _csv(tmp_path, "region,year,indicator,value\n北京,2020,gdp,1\n天津,2020,gdp,2\n")
    assert_clear_error(run("data", "check", path), "--indicator indicator --value value")
