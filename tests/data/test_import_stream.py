"""The streamed tidy-CSV import (yindi.data._stream) against the whole-table reader, block by block.

The reference is the same file read as a whole by the reader used before streaming (and still used for files
the stream hands back): Arrow's whole-file read, the whole-table validation and ``make_panel``. Small block
sizes put block boundaries everywhere, so an error in a later block and a row straddling a boundary are both
exercised.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pyarrow import csv as pacsv

from yindi import limits
from yindi.data import _stream, read_table
from yindi.data import table as table_module
from yindi.data._files import arrow_csv_options
from yindi.errors import DataFormatError, DataValidationError, ResourceLimitError

PROVINCES = ["北京", "天津", "河北", "山西", "上海", "江苏", "浙江", "广东"]
TIDY = {"indicator": "indicator", "value": "value", "unit": "unit"}


def _write(path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    lines = ["region,year,indicator,value,unit"] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(seed: int = 3) -> list[tuple[str, str, str, str, str]]:
    """Seeded tidy rows, shuffled (the panel must sort them), with blanks, NBS markers and padded cells."""
    rng = np.random.default_rng(seed)
    out = []
    for ind, unit in (("pop", "万人"), ("gdp", "亿元"), ("rd", "%")):
        for reg in PROVINCES:
            for year in range(2001, 2016):
                value = f"{rng.lognormal(5, 1):.3f}"
                pick = rng.random()
                if pick < 0.05:
                    value = ""
                elif pick < 0.08:
                    value = "…"
                elif pick < 0.10:
                    value = f" {value} "
                out.append((f" {reg}" if pick > 0.97 else reg, str(year), ind, value, unit))
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def _reference(path: Path, **kw: object) -> object:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(table_module, "read_tidy_csv", lambda *a, **k: None)  # the whole-file reader
        return read_table(path, **TIDY, **kw)  # type: ignore[arg-type]


def _streamed(path: Path, block: int, **kw: object):  # type: ignore[no-untyped-def]
    panel = _stream.read_tidy_csv(
        path, region="region", year="year", indicator="indicator", value="value", unit="unit", metadata=None,
        region_fixes=None, level=None, within=None, special="error", block_size=block, **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    assert panel is not None, "the plain file must be streamed, not handed to the exact reader"
    return panel


def _blocks(path: Path, block: int) -> int:
    return sum(1 for _ in pacsv.open_csv(path, **arrow_csv_options(5, block)))


@pytest.mark.parametrize("block", [64, 1000, 1 << 20])
def test_streamed_panel_equals_the_whole_table_read(tmp_path: Path, block: int) -> None:
    path = _write(tmp_path / "t.csv", _rows())
    panel = _streamed(path, block)
    ref = _reference(path)
    pd.testing.assert_frame_equal(panel.frame, ref.frame)  # type: ignore[attr-defined]
    assert list(panel.indicators.items()) == list(ref.indicators.items())  # type: ignore[attr-defined]
    assert panel.repairs == ref.repairs == ()  # type: ignore[attr-defined]
    assert len(panel.frame) == 3 * len(PROVINCES) * 15
    assert panel.frame["region_code"].iloc[0] == "110000" and panel.frame["year"].iloc[0] == 2001
    assert panel.frame["value"].isna().sum() > 0  # blanks and … stay missing


def test_read_table_streams_a_plain_tidy_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "t.csv", _rows())
    calls: list[int] = []
    real = _stream._validate

    def spy(*args: object, **kw: object) -> object:
        calls.append(1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_stream, "_validate", spy)
    monkeypatch.setattr(_stream, "BLOCK_BYTES", 128)
    panel = read_table(path, **TIDY)
    assert calls == [1] and len(panel) == 360
    assert _blocks(path, 128) > 50


def test_bad_value_in_a_later_block_names_its_file_row(tmp_path: Path) -> None:
    rows = _rows()
    rows[300] = (rows[300][0], rows[300][1], rows[300][2], "12x", rows[300][4])
    path = _write(tmp_path / "t.csv", rows)
    assert _blocks(path, 200) > 40
    with pytest.raises(DataValidationError) as ref:
        _reference(path)
    with pytest.raises(DataValidationError) as info:
        _streamed(path, 200)
    assert str(info.value) == str(ref.value)
    assert info.value.zh == ref.value.zh
    assert f"{path}, row 302, column 'value': '12x' is not a number" in str(info.value)
    assert f"{path} 第 302 行 'value' 列" in (info.value.zh or "")


def test_a_block_boundary_cannot_split_a_rows_error(tmp_path: Path) -> None:
    """Every block size from one row to several puts the boundary at another byte of the bad row; the message
    stays the same, naming the row and the whole cell."""
    rows = _rows()[:60]
    rows[41] = (rows[41][0], rows[41][1], rows[41][2], "3.14159.2", rows[41][4])
    path = _write(tmp_path / "t.csv", rows)
    messages = set()
    for block in range(40, 160, 3):  # from just over one row (a smaller block makes Arrow refuse the file)
        with pytest.raises(DataValidationError) as info:
            _streamed(path, block)
        messages.add(str(info.value))
    too_small = _stream.read_tidy_csv(
        path, region="region", year="year", indicator="indicator", value="value", unit="unit", metadata=None,
        region_fixes=None, level=None, within=None, special="error", block_size=16,
    )  # fmt: skip
    assert too_small is None  # a row longer than a block: the exact reader takes the file
    assert messages == {
        f"{path}, row 43, column 'value': '3.14159.2' is not a number. Write plain numbers (e.g. 47353.7 or "
        "47,353.7, no units); leave the cell empty for a missing value."
    }


def test_checks_keep_their_order_across_blocks(tmp_path: Path) -> None:
    """Regions over the whole file before years before values, and a cell that is not a number before one that
    overflows, wherever they are — as in the whole-table reader."""
    rows = _rows()
    rows[10] = (rows[10][0], rows[10][1], rows[10][2], "1e400", rows[10][4])
    rows[200] = (rows[200][0], rows[200][1], rows[200][2], "abc", rows[200][4])
    path = _write(tmp_path / "v.csv", rows)
    with pytest.raises(DataValidationError, match="row 202, column 'value': 'abc'"):
        _streamed(path, 100)
    rows[250] = (rows[250][0], "20x5", *rows[250][2:])
    path = _write(tmp_path / "y.csv", rows)
    with pytest.raises(DataValidationError, match="row 252, column 'year': '20x5' is not a year"):
        _streamed(path, 100)
    rows[330] = ("  ", *rows[330][1:])
    path = _write(tmp_path / "r.csv", rows)
    with pytest.raises(DataValidationError, match="row 332, column 'region': the region is empty") as info:
        _streamed(path, 100)
    assert "地区为空" in (info.value.zh or "")


def test_separators_and_left_out_rows_are_reported_as_before(tmp_path: Path) -> None:
    rows = _rows()[:200]
    rows[150] = (rows[150][0], rows[150][1], rows[150][2], '"11,230"', rows[150][4])
    rows[20] = ("香港", rows[20][1], rows[20][2], "not a number", rows[20][4])  # left out: never parsed
    path = _write(tmp_path / "t.csv", rows)
    panel = _stream.read_tidy_csv(
        path, region="region", year="year", indicator="indicator", value="value", unit="unit", metadata=None,
        region_fixes=None, level=None, within=None, special="exclude", block_size=90,
    )  # fmt: skip
    ref = _reference(path, special="exclude")
    assert panel is not None
    pd.testing.assert_frame_equal(panel.frame, ref.frame)  # type: ignore[attr-defined]
    assert panel.repairs == ref.repairs  # type: ignore[attr-defined]
    texts = [str(r) for r in panel.repairs]
    assert any("row 22, column 'region'" in t and "left out" in t for t in texts)
    assert any("row 152, column 'value': thousands separators removed: '11,230'" in t for t in texts)
    assert len(panel) == 199


def test_duplicates_across_blocks_go_to_the_usual_checks(tmp_path: Path) -> None:
    rows = _rows()[:100]
    rows.append((*rows[3][:3], "999999", *rows[3][4:]))
    path = _write(tmp_path / "t.csv", rows)
    with pytest.raises(DataValidationError, match="conflicting duplicate rows") as info:
        _streamed(path, 80)
    with pytest.raises(DataValidationError) as ref:
        _reference(path)
    assert str(info.value) == str(ref.value)
    assert "row 5" in str(info.value) and "row 102" in str(info.value)


def test_row_limit_counts_the_whole_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.csv", _rows()[:50])
    with limits.override(max_rows=10), pytest.raises(ResourceLimitError, match="number of data rows is 50"):
        _streamed(path, 64)


def test_a_missing_column_is_named_by_the_whole_file_reader(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("region,year,indicator,value\n北京,2020,gdp,1\n", encoding="utf-8")
    with pytest.raises(
        DataFormatError, match="no column 'unit' for the unit role. Columns are: 'region', 'year'"
    ):
        read_table(path, **TIDY)


@pytest.mark.parametrize("blank", ["", ",,,,", " , ,\t,,", "\r"])
@pytest.mark.parametrize("where", [7, 150, -1])
def test_blank_lines_go_to_the_exact_reader(tmp_path: Path, blank: str, where: int) -> None:
    """A blank or comma-only line (mid-file, in a later block, or at the end) is skipped by the exact reader,
    which counts it in the row numbers; the stream hands such a file back instead of reading it as a row."""
    rows = [",".join(r) for r in _rows()[:200]]
    rows[160] = rows[160].replace(",gdp,", ",gdp,bad") if ",gdp," in rows[160] else rows[160] + "x"
    lines = ["region,year,indicator,value,unit", *rows]
    lines.insert(len(lines) if where == -1 else where, blank)
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _stream.read_tidy_csv(
        path, region="region", year="year", indicator="indicator", value="value", unit="unit", metadata=None,
        region_fixes=None, level=None, within=None, special="error", block_size=256,
    ) is None  # fmt: skip
    with pytest.raises(DataValidationError) as got:
        read_table(path, **TIDY)
    with pytest.raises(DataValidationError) as ref:
        _reference(path)
    assert str(got.value) == str(ref.value)
    shift = 1 if where in (7, 150) else 0
    assert f"row {162 + shift}" in str(got.value)


def test_a_clean_file_with_blank_looking_regions_is_still_streamed(tmp_path: Path) -> None:
    """A block whose region cells include a blank one is checked row by row: a row with other cells filled is
    a row (its empty region is reported with its row), not a blank line."""
    rows = _rows()[:200]
    rows[120] = ("  ", *rows[120][1:])
    path = _write(tmp_path / "t.csv", rows)
    with pytest.raises(DataValidationError, match="row 122, column 'region': the region is empty"):
        _streamed(path, 256)


@pytest.mark.parametrize("shuffled", [True, False])
def test_workspace_read_back_of_a_coded_panel_equals_the_whole_table_read(
    tmp_path: Path, shuffled: bool
) -> None:
    """A streamed panel goes into the workspace as codes (its frame never built); what the workspace gives back
    is the frame, dtypes and row count of the whole-table read, stored the usual way."""
    import dataclasses
    import pickle

    from yindi.data._coded import CodedPanel
    from yindi.data.workspace import Workspace

    rows = _rows()
    path = _write(tmp_path / "t.csv", rows if shuffled else sorted(rows, key=lambda r: (r[2], r[1])))
    panel = _streamed(path, 1000)
    ref = _reference(path)
    assert isinstance(panel, CodedPanel) and not isinstance(ref, CodedPanel)
    coded = Workspace(tmp_path / "coded.duckdb").import_panel("t", panel)
    assert "frame" not in vars(panel), "the import must not build the string columns"
    exact = Workspace(tmp_path / "exact.duckdb").import_panel("t", ref)  # type: ignore[arg-type]
    assert coded.n_rows == exact.n_rows == len(panel) == len(ref.frame) == 360  # type: ignore[attr-defined]
    back = Workspace(tmp_path / "coded.duckdb").load("t")
    back_ref = Workspace(tmp_path / "exact.duckdb").load("t")
    pd.testing.assert_frame_equal(back.frame, back_ref.frame)
    assert list(back.frame.dtypes) == list(back_ref.frame.dtypes)
    assert back.indicators == back_ref.indicators
    pd.testing.assert_frame_equal(back.frame, ref.frame)  # type: ignore[attr-defined]
    # the panel itself still behaves as one: pickled before its frame is built, replaced, and read
    again = pickle.loads(pickle.dumps(panel))
    pd.testing.assert_frame_equal(again.frame, ref.frame)  # type: ignore[attr-defined]
    pd.testing.assert_frame_equal(panel.frame, ref.frame)  # type: ignore[attr-defined]
    assert "_codes" not in vars(panel) and len(panel) == 360
    swapped = dataclasses.replace(panel, repairs=())
    pd.testing.assert_frame_equal(swapped.frame, ref.frame)  # type: ignore[attr-defined]
    # once built, the frame is what the workspace stores
    Workspace(tmp_path / "built.duckdb").import_panel("t", panel)
    pd.testing.assert_frame_equal(Workspace(tmp_path / "built.duckdb").load("t").frame, back_ref.frame)
