"""Every error a user can cause reads in Chinese too (issue 15): ``zh=`` on each Yindi error, with the values.

The static half scans the source: every call that builds a :class:`yindi.errors.YindiError` or
:class:`yindi.errors.YindiWarning` subclass must pass ``zh=`` (or be a class whose own ``__init__`` writes the
Chinese), and ``warnings.warn`` must be given such an instance, not an English string and a Yindi category. The behavioural half feeds public functions
bad input and checks that ``exc.zh`` names the concrete value, not only a generic lead-in.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pandas as pd
import pytest

from yindi import errors

SRC = Path(__file__).resolve().parents[1] / "src" / "yindi"

#: Packages whose errors are still being translated on other branches. Shrink this set as they are merged:
#: ``test_allow_list_is_not_stale`` fails once a listed package has no untranslated error left.
PENDING: frozenset[str] = frozenset()


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(SRC.rglob("*.py"))}


def _error_classes(trees: dict[Path, ast.Module]) -> tuple[set[str], set[str]]:
    """Names of every YindiError/YindiWarning subclass in the package, and those whose ``__init__`` passes ``zh=``."""
    known = {
        name
        for name, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, (errors.YindiError, errors.YindiWarning))
    }
    self_translating: set[str] = set()
    classes = [n for t in trees.values() for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for c in classes:
            if c.name not in known and any(_name(b) in known for b in c.bases):
                known.add(c.name)
                grew = True
    for c in classes:
        if c.name not in known:
            continue
        for f in c.body:
            if isinstance(f, ast.FunctionDef) and f.name == "__init__":
                calls = [n for n in ast.walk(f) if isinstance(n, ast.Call) and _name(n.func) == "__init__"]
                if any(k.arg == "zh" for call in calls for k in call.keywords):
                    self_translating.add(c.name)
    return known, self_translating


def _missing_zh(tree: ast.Module, known: set[str], self_translating: set[str]) -> list[ast.Call]:
    """Calls in ``tree`` that build a YindiError/YindiWarning subclass without ``zh=``, and ``warnings.warn``
    calls that pass a Yindi warning class as the category (the message is then an English string)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        cls = _name(node.func)
        if cls == "warn":
            category = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "category")]
            if any(_name(c) in known for c in category):
                found.append(node)
            continue
        if cls not in known or cls in self_translating:
            continue
        # ``zh=`` given, or ``**kwargs`` that may carry it (forwarding a caught error's fields).
        if not any(k.arg in ("zh", None) for k in node.keywords):
            found.append(node)
    return found


def _untranslated() -> dict[str, list[str]]:
    """Package → ``file:line`` of every YindiError built without ``zh=``."""
    trees = _trees()
    known, self_translating = _error_classes(trees)
    out: dict[str, list[str]] = {}
    for path, tree in trees.items():
        rel = path.relative_to(SRC)
        package = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for node in _missing_zh(tree, known, self_translating):
            out.setdefault(package, []).append(f"{rel}:{node.lineno} {_name(node.func)}")
    return out


def test_every_yindi_error_has_a_chinese_message() -> None:
    missing = {pkg: where for pkg, where in _untranslated().items() if pkg not in PENDING}
    assert not missing, "Errors without zh= (write the Chinese message, same values and fix):\n" + "\n".join(
        w for where in missing.values() for w in where
    )


def test_allow_list_is_not_stale() -> None:
    done = sorted(PENDING - set(_untranslated()))
    assert not done, f"Every error of {done} now has zh=: remove them from PENDING in this file."


def test_the_scan_sees_errors_and_their_subclasses() -> None:
    """Guard against a scan that passes because it finds nothing."""
    known, self_translating = _error_classes(_trees())
    assert {"ParameterError", "DataValidationError", "HistoricalRegionError", "MethodWarning"} <= known
    assert "HistoricalRegionError" in self_translating
    src = (
        "raise ParameterError('a')\n"
        "raise errors.MissingDataError(f'{x}', zh=f'{x}')\n"
        "err = HistoricalRegionError(unit, 'x')\n"
        "raise ValueError('a programming error')\n"
        "def f(e):\n    return DataFormatError('b')\n"
        "warnings.warn('english only', MethodWarning)\n"
        "warnings.warn(MethodWarning('a', zh='甲'), stacklevel=2)\n"
        "warnings.warn(DataRepairWarning('b'))\n"
    )
    hits = _missing_zh(ast.parse(src), known, self_translating)
    assert sorted((h.lineno, _name(h.func)) for h in hits) == [
        (1, "ParameterError"),
        (6, "DataFormatError"),
        (7, "warn"),
        (9, "DataRepairWarning"),
    ]


# --- behaviour: the Chinese message carries the concrete value ------------------------------------------


def _zh(exc: pytest.ExceptionInfo[errors.YindiError]) -> str:
    zh = exc.value.zh
    assert zh, f"no Chinese message for: {exc.value}"
    return zh


def test_unknown_weighting_method(panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.index import evaluate

    with pytest.raises(errors.ParameterError, match="entrpy") as exc:
        evaluate(panel, weighting="entrpy")  # type: ignore[arg-type]
    zh = _zh(exc)
    assert "'entrpy'" in zh and "'entropy'" in zh and "weighting" in zh


def test_unknown_preset() -> None:
    from yindi.index import load_preset

    with pytest.raises(errors.ParameterError) as exc:
        load_preset("nqpf_nosuch")
    assert "'nqpf_nosuch'" in _zh(exc) and "nqpf_three_elements" in _zh(exc)


def test_unknown_region_names_the_text_and_the_closest() -> None:
    from yindi.regions import registry

    with pytest.raises(errors.RegionNotFoundError) as exc:
        registry().resolve("广东省X")
    zh = _zh(exc)
    assert "广东省X" in zh and "440000" in zh
    assert "Unknown region" not in zh


def test_unknown_adcode() -> None:
    from yindi.regions import registry

    with pytest.raises(errors.RegionNotFoundError) as exc:
        registry().get("999999")
    assert "'999999'" in _zh(exc)


def test_out_of_range_year(panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.disparity import kernel_density

    with pytest.raises(errors.ParameterError) as exc:
        kernel_density(panel, indicator="gdp", years=[1990])
    zh = _zh(exc)
    assert "[1990]" in zh and "2018" in zh


def test_index_years_without_data(panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.index import evaluate

    with pytest.raises(errors.MissingDataError) as exc:
        evaluate(panel, years=[1990])
    assert "1990" in _zh(exc)


def test_negative_cell_names_file_row_and_column(tmp_path: Path) -> None:
    from yindi.structure import read_activity_table

    frame = pd.DataFrame(
        {
            "province": ["北京", "北京", "上海", "上海"],
            "行业": ["A", "B", "A", "B"],
            "年份": [2020] * 4,
            "用电": [1.0, 2.0, -3.0, 4.0],
        }
    )
    path = tmp_path / "用电.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(errors.DataValidationError) as exc:
        read_activity_table(path, region="province", activity="行业", period="年份", value="用电")
    zh = _zh(exc)
    assert "用电.csv" in zh and "第 4 行" in zh and "'用电' 列" in zh and "-3.0" in zh and "上海" in zh


def test_knn_k_out_of_range() -> None:
    from yindi.spatial import knn

    with pytest.raises(errors.ParameterError) as exc:
        knn(5, regions=["110000", "120000", "130000"])
    assert "5" in _zh(exc) and "[1, 2]" in _zh(exc)


def test_cli_prints_the_chinese_message_first(
    capsys: pytest.CaptureFixture[str], provinces_dir: Path
) -> None:
    from yindi.cli import run

    code = run(["index", "run", "--data", str(provinces_dir), "--years", "2018~2020"])
    err = capsys.readouterr().err
    assert code != 0
    assert "--years 应形如 2018-2023 或 2019,2021，收到的是 '2018~2020'。" in err
    assert err.index("收到的是") < err.index("Got '2018~2020'")


def test_island_warning_is_bilingual() -> None:
    from yindi.spatial import contiguity, moran

    w = contiguity()
    assert "460000" in w.islands  # 海南 has no land neighbour
    with pytest.warns(errors.MethodWarning, match="460000") as rec:
        moran([float(i) for i in range(w.n)], w, permutations=0)
    zh = [getattr(r.message, "zh", None) for r in rec if "islands" in str(r.message)]
    assert zh and zh[0] and "460000" in zh[0] and "islands='nearest'" in zh[0]
    island = next(r for r in rec if "islands" in str(r.message))
    text = errors.bilingual_warning(island.message, island.category)
    assert text.index("孤岛") < text.index("islands)")


def test_unknown_indicator_names_it_and_the_available_ones(panel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(errors.ParameterError, match="'nope'") as exc:
        panel.wide(["gdp", "nope"])
    zh = _zh(exc)
    assert "面板中没有指标 'nope'" in zh and "gdp" in zh and "、" in zh
    assert "Available" not in zh


def test_year_without_values_names_the_year_and_indicators(panel) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(errors.MissingDataError, match="1990") as exc:
        panel.cross_section(1990, ["gdp", "population"])
    assert "1990 年指标 gdp、population 没有数值" in _zh(exc)


def test_conflicting_duplicates_name_file_rows_and_values(tmp_path: Path) -> None:
    from yindi.data import load_pack

    rows = [
        "region_code,region,year,indicator,value,unit",
        "110000,北京,2020,gdp,1.0,亿元",
        "120000,天津,2020,gdp,2.0,亿元",
        "110000,北京,2020,gdp,3.0,亿元",
    ]
    (tmp_path / "panel.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(errors.DataValidationError, match="conflicting duplicate") as exc:
        load_pack(tmp_path)
    zh = _zh(exc)
    assert "110000" in zh and "2020 年" in zh and "'gdp'" in zh
    assert "第 2 行" in zh and "第 4 行" in zh and "1.0" in zh and "3.0" in zh
    assert "row " not in zh


def test_dea_negative_input_names_unit_column_and_value() -> None:
    from yindi.productivity import dea

    with pytest.raises(errors.DataValidationError, match="'东部'") as exc:
        dea(
            [[1.0, 2.0], [-4.0, 1.0], [3.0, 3.0]],
            [[1.0], [2.0], [3.0]],
            units=["北部", "东部", "南部"],
            inputs=["资本", "劳动"],
            outputs=["gdp"],
        )
    zh = _zh(exc)
    assert "决策单元 '东部'" in zh and "投入 '资本'" in zh and "-4.0" in zh and "非负" in zh
    assert "input" not in zh and "unit " not in zh


def test_dea_frame_year_without_data_names_year_and_indicators(panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.productivity import dea_frame

    with pytest.raises(errors.ParameterError, match="1990") as exc:
        dea_frame(panel, inputs=["population"], outputs=["gdp"], year=1990)
    zh = _zh(exc)
    assert "1990 年" in zh and "population、gdp" in zh


def test_malmquist_gap_names_region_period_and_the_fix() -> None:
    from yindi.productivity import malmquist

    table = pd.DataFrame(
        {
            "region": ["甲", "乙", "甲", "乙"],
            "period": [2020, 2020, 2021, 2021],
            "k": [1.0, 2.0, None, 2.5],
            "y": [1.0, 1.5, 1.2, 1.8],
        }
    )
    with pytest.raises(errors.DataValidationError, match="missing='drop'") as exc:
        malmquist(table, inputs=["k"], outputs=["y"])
    zh = _zh(exc)
    assert "'甲'" in zh and "2021" in zh and "缺少 k" in zh and "missing='drop'" in zh


def test_map_unknown_code_names_the_code_and_level() -> None:
    from yindi.report.maps import choropleth

    with pytest.raises(errors.ParameterError, match="110100") as exc:
        choropleth({"110100": 1.0})
    zh = _zh(exc)
    assert "110100" in zh and "省级" in zh and "level='city'/'county'" in zh
    assert "code(s)" not in zh


def test_chart_palette_and_length_errors_list_the_choices() -> None:
    from yindi.report._svg import check_lengths, sequential_colors

    with pytest.raises(errors.ParameterError, match="Rainbow") as exc:
        sequential_colors("Rainbow", 3)
    zh = _zh(exc)
    assert "'Rainbow'" in zh and "'YlOrRd'" in zh and "、" in zh
    with pytest.raises(errors.ParameterError) as exc2:
        check_lengths("bar_chart()", labels=["a", "b"], values=[1.0])
    assert "labels=2、values=1" in _zh(exc2)


def test_dea_few_units_warning_is_bilingual_with_the_counts() -> None:
    from yindi.productivity import dea

    x = [[1.0, 2.0], [2.0, 1.0], [3.0, 3.0], [2.0, 2.5]]
    y = [[1.0, 2.0], [2.0, 1.0], [3.0, 2.0], [1.5, 1.5]]
    with pytest.warns(errors.MethodWarning, match="rule of thumb") as rec:
        dea(x, y)
    hit = next(r for r in rec if "rule of thumb" in str(r.message))
    zh = getattr(hit.message, "zh", None)
    assert zh and "4 个决策单元" in zh and "2 个投入" in zh and "2 个产出" in zh and "= 12" in zh
    text = errors.bilingual_warning(hit.message, hit.category)
    assert text.index("经验法则") < text.index("rule of thumb")
