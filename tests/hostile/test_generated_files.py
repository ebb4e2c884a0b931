"""Generated hostile files (Hypothesis): malformed CSV tables, NBS exports and Excel sheets. Whatever the
mutation, an import either gives a valid panel or raises a YindiError — never another exception, never an
infinite or silently invented value."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hostile.cases import case
from tests.hostile.test_import_inputs import PROVINCES

from yindi.data import read_table
from yindi.data.nbs import read_nbs_export
from yindi.data.validate import _NUMBER, RowSource, parse_values
from yindi.errors import YindiError

HOSTILE_CELLS = [
    "", " ", "=1+1", "+SUM(A1)", "@cmd", "1,000", "1 000", "inf", "-inf", "Infinity", "nan", "NaN", "1e400",
    "-1e999", "1e-400", "-", "—", "…", "0x10", "1_000", "２０２０", "12%", "3.5亿", '"', "'", "\x00", "北京,天津",
    "a" * 300, "🙂", "\t7", "7\t", "-0", "+5", ".5", "5.", "1e5", "NULL", "#DIV/0!", "TRUE",
]  # fmt: skip
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _check_panel(panel: object, data_rows: int) -> None:
    frame = panel.frame  # type: ignore[attr-defined]
    values = frame["value"].to_numpy(dtype=float)
    assert not np.isinf(values).any()
    assert len(frame) <= data_rows * 4


@st.composite
def csv_tables(draw: st.DrawFn) -> tuple[bytes, int]:
    n = draw(st.integers(1, 8))
    names = draw(
        st.lists(
            st.sampled_from([*PROVINCES, "北京", "山两", "苏州", "香港", "朝阳", "全国"]),
            min_size=n,
            max_size=n,
        )
    )
    rows = []
    for name in names:
        cells = [
            name,
            draw(st.sampled_from(["2020", "2021年", "1900", "", "20x0"])),
            draw(st.one_of(st.sampled_from(HOSTILE_CELLS), st.floats(allow_nan=True).map(repr))),
        ]
        if draw(st.integers(0, 9)) == 0:
            cells.append(draw(st.sampled_from(HOSTILE_CELLS)))  # a ragged row
        rows.append(",".join(cells))
    if draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), draw(st.sampled_from(["", ",,", "  "])))
    text = "region,year,gdp\n" + "\n".join(rows) + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return text.encode(encoding, errors="replace"), n


@case(
    "generated",
    "generated malformed CSV tables (hostile cells, ragged rows, blank lines, four encodings)",
    "a valid panel or a YindiError, never another exception or an infinite value",
)
@SETTINGS
@given(csv_tables())
def test_generated_csv(table: tuple[bytes, int]) -> None:
    data, n = table
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.csv"
        path.write_bytes(data)
        try:
            panel = read_table(path)
        except YindiError as exc:
            assert str(exc)
            return
        _check_panel(panel, n)


@st.composite
def nbs_exports(draw: st.DrawFn) -> str:
    k = draw(st.integers(1, 31))
    regions = draw(st.permutations(PROVINCES))[:k]
    header = draw(
        st.sampled_from(
            [
                "地区\t,2022年\t,2021年\t,",
                "地区\t,2022\t,2099年\t,",
                "指标\t,2022年\t,",
                "地区\t,地区生产总值 (亿元)\t,",
            ]
        )
    )
    width = header.count(",")
    lines = []
    for r in regions:
        cells = [r] + [
            draw(st.sampled_from([*HOSTILE_CELLS[:20], "100.5", "", "3"])) for _ in range(width - 1)
        ]
        lines.append("\t,".join(cells) + "\t,")
    footer = draw(
        st.sampled_from(["注：测试\n数据来源：国家统计局\n", "", "数据来源：国家统计局\n北京市\t,1\t,2\t,\n"])
    )
    time = draw(st.sampled_from(["时间：2021年-2022年", "时间：", "时间：2022年"]))
    return f"数据库：分省年度数据\n{time}\n{header}\n" + "\n".join(lines) + "\n" + footer


@case(
    "generated",
    "generated NBS exports (cut tables, missing or misplaced footers, bad headers, hostile cells)",
    "a valid panel or a YindiError",
)
@SETTINGS
@given(nbs_exports())
def test_generated_nbs(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nbs.csv"
        path.write_text(text, encoding="utf-8")
        try:
            panel = read_nbs_export(path, indicator="gdp")
        except YindiError:
            return
        assert "数据来源" in text  # an export without its footer is never accepted
        _check_panel(panel, 31)


@case(
    "generated",
    "generated Excel sheets (formulas without values, text in number columns, empty cells)",
    "a valid panel or a YindiError",
)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PROVINCES[:6]),
            st.sampled_from([2020, 2021, "2022年", None]),
            st.one_of(
                st.sampled_from([*HOSTILE_CELLS, "=B2*2", "=1/0"]),
                st.floats(allow_nan=False, allow_infinity=False),
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_generated_excel(rows: list[tuple[object, object, object]]) -> None:
    import openpyxl

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.xlsx"
        book = openpyxl.Workbook()
        ws = book.active
        ws.append(["region", "year", "gdp"])
        for r in rows:
            ws.append([str(c).replace("\x00", "") if isinstance(c, str) else c for c in r])
        book.save(path)
        try:
            panel = read_table(path)
        except YindiError:
            return
        _check_panel(panel, len(rows))


@case(
    "generated",
    "any cell text through the number parser",
    "the value of float(text) for a plain number, NaN for a marker, else a DataValidationError naming the cell",
    "error",
)
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE_CELLS), st.floats().map(repr)))
def test_number_parser(cell: str) -> None:
    series = pd.Series(["1", cell], dtype=pd.StringDtype("pyarrow"))
    try:
        out = parse_values(series, RowSource("f.csv"), "v")
    except YindiError as exc:
        assert "f.csv, row 3, column 'v'" in str(exc)
        return
    value = float(out.iloc[1])
    text = cell.strip()
    if _NUMBER.match(text):
        assert value == float(text) and math.isfinite(value)
    else:
        assert math.isnan(value)


@case(
    "generated",
    "a plain table through the same reader (the strategies are not all hostile)",
    "accepted",
    "safe",
)
def test_plain_table_is_accepted() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ok.csv"
        path.write_text("region,year,gdp\n北京,2020,1\n天津,2021年,\n", encoding="utf-8")
        assert len(read_table(path)) == 2
