"""The census reader parses only the lines that can be province rows, and agrees with parsing the whole file."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from yindi.plan._sources import _lines_with, read_census

ROWS = "region_code,region,level,parent_code,year,indicator,value,unit,source\n" + "".join(
    f"{code},名{k},{level},{parent},2020,ind_{k % 7},{k * 1.25},%,src\n"
    for k, (code, level, parent) in enumerate(
        [("110000", "province", "100000"), ("110101", "county", "110100"), ("110100", "prefecture", "110000")]
        * 4000
    )
)


@pytest.mark.parametrize("name", ["census2020.csv", "census2020.csv.gz"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_province_rows_as_when_parsed_whole(tmp_path: Path, name: str, newline: str) -> None:
    text = ROWS.replace("\n", newline).encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(text) if name.endswith(".gz") else text)
    whole = pd.read_csv(path, dtype={"region_code": str, "parent_code": str})
    want = whole[whole["level"] == "province"].reset_index(drop=True)
    pd.testing.assert_frame_equal(read_census(path).reset_index(drop=True), want, check_exact=True)


def test_quoted_cells_or_no_line_feed_parse_the_whole_file(tmp_path: Path) -> None:
    quoted = tmp_path / "q.csv"
    quoted.write_bytes(b'a,level\n1,"province"\n')
    assert _lines_with(quoted, b"province") is None
    flat = tmp_path / "f.csv.gz"
    flat.write_bytes(gzip.compress(b"a,level\r1,province\r"))
    assert _lines_with(flat, b"province") is None
    last = tmp_path / "l.csv"
    last.write_bytes(b"a,level\n1,county\n2,province")
    assert _lines_with(last, b"province") == b"a,level\n2,province"
