"""The report of 广东's cities from the real city pack (../shared/data/cn-cities), Chinese and English: every
section the data allow, a provincial map without the national inset, names beside codes, no stray English in
the Chinese body, no Chinese in the English findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_national import ALLOWED_LATIN

from yindi.report.national import build_report
from yindi.study import Study

CJK = re.compile(r"[\u4e00-\u9fff]")


def _build(cities_dir: Path, city_panel, out: Path, lang: str) -> Path:  # type: ignore[no-untyped-def]
    study = Study(data=str(cities_dir), level="city", within="广东", lang=lang)  # type: ignore[arg-type]
    build_report(study, out, panel=city_panel, store=False)
    return out / "report.html"


@pytest.fixture(scope="module")
def zh_dir(cities_dir: Path, city_panel, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    return _build(cities_dir, city_panel, tmp_path_factory.mktemp("gd_zh"), "zh").parent


@pytest.fixture(scope="module")
def zh(zh_dir: Path) -> str:
    return (zh_dir / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def en(cities_dir: Path, city_panel, tmp_path_factory: pytest.TempPathFactory) -> str:  # type: ignore[no-untyped-def]
    return _build(cities_dir, city_panel, tmp_path_factory.mktemp("gd_en"), "en").read_text(encoding="utf-8")


def test_city_report_has_its_sections(zh: str) -> None:
    ids = re.findall(r'<section class="sec" id="(\w+)">', zh)
    assert ids == ["summary", "maps", "index", "structure", "disparity", "coverage"]
    assert "报告年份：2023" in zh and "城市新质生产力代理指数" in zh and "维度少于省级" in zh
    assert "泰尔指数嵌套分解" in zh and "空间自相关" in zh and "三次产业结构与变动" in zh
    assert "报告年份规则" in zh and "不以替代投入凑数" in zh  # productivity: left out, and why
    assert "2023 年有 21/21 个（100%）" in zh and "2024: 0/21（0%）" in zh  # why not 2024 (population only)
    assert "31 省" not in zh and "31 个" not in zh


def test_maps_of_one_province_have_no_national_inset(zh: str) -> None:
    assert "南海诸岛" not in zh and 'class="inset"' not in zh
    assert zh.count('class="yindi-map"') >= 6  # 3 key indicators, the index, 2 structure maps, LISA
    assert ">深圳</text>" in zh  # a province's cities carry their names


def test_tables_carry_names_next_to_codes(zh: str) -> None:
    table = zh[zh.index("三次产业结构（2023，按第三产业占比排序）") :]
    table = table[: table.index("</table>")]
    assert "<td>深圳</td><td>440300</td>" in table.replace(" ", "")


def test_chinese_city_report_has_no_stray_english(zh: str, cities_dir: Path) -> None:
    html = re.sub(r"<style.*?</style>", " ", zh, flags=re.S)
    html = re.sub(
        r"[^\s<>\"']*cn-cities[^\s<>\"']*", " ", html
    )  # the data folder in any other spelling (the user's words)
    for path in sorted({str(cities_dir), str(cities_dir.resolve())}, key=len, reverse=True):
        html = html.replace(path, " ")
    body = html[: html.index('<section class="sec" id="coverage"')]  # the appendix lists indicator ids
    text = re.sub(r"<[^>]+>|&[a-z]+;|&#\d+;", " ", body)
    words = set(re.findall(r"[A-Za-z][A-Za-z_]{1,}", text))
    ids = {w for w in words if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+_?", w)}
    assert not words - ALLOWED_LATIN - ids, sorted(words - ALLOWED_LATIN - ids)


def test_english_city_report_has_no_chinese_in_findings_and_tables(en: str) -> None:
    body = re.sub(r"<style.*?</style>", " ", en, flags=re.S)
    coverage = body[body.index('<section class="sec" id="coverage"') :]
    findings = coverage[coverage.index("Suspicious values") :]
    findings = findings[: findings.index("</table>")]
    assert not CJK.findall(re.sub(r"<[^>]+>", " ", findings))
    main = body[: body.index('<section class="sec" id="coverage"')]
    assert not CJK.findall(re.sub(r"<[^>]+>", " ", main)), CJK.findall(re.sub(r"<[^>]+>", " ", main))[:20]


def test_english_swap_findings_name_the_partner_in_english(city_panel) -> None:  # type: ignore[no-untyped-def]
    from yindi.data.checks import check_panel

    swaps = check_panel(city_panel).of("swap")
    assert len(swaps) >= 4  # Heilongjiang 2011 among them
    for text in swaps["detail_en"]:
        assert not CJK.search(text), text
    assert any("Qitaihe" in t and "Suihua" in t for t in swaps["detail_en"])


def test_chinese_city_workbook_has_chinese_headers_and_names(zh_dir: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(zh_dir / "report.xlsx", read_only=True)
    assert {"structure_sector_shift", "disparity_theil", "coverage_year_rule", "data_checks"} <= set(
        book.sheetnames
    )
    for ws in book.worksheets:
        head = [str(h) for h in next(ws.iter_rows(values_only=True), ()) if h is not None]
        latin = [h for h in head if re.search(r"[A-Za-z]{2,}", h) and not re.search(r"[\u4e00-\u9fff]", h)]
        assert not latin, (ws.title, latin)
        if "地区代码" in head:
            assert head[head.index("地区代码") + 1] == "地区", ws.title
