"""A level other than province through the same code path: a seeded synthetic panel of 广东's cities runs
through run(study) and the report with level="city", within="广东"."""

from __future__ import annotations

from pathlib import Path

import pytest
from _city_panel import GUANGDONG_CITIES, PROVINCE_CHOICES, city_panel

from yindi.study import Study, run


@pytest.fixture(scope="module")
def cities():  # type: ignore[no-untyped-def]
    return city_panel()


def test_run_on_cities(cities) -> None:  # type: ignore[no-untyped-def]
    study = Study(data="<synthetic>", level="city", within="广东", year=2023, options=PROVINCE_CHOICES)
    res = run(study, cities, store=False)
    assert not res.failures, res.failures
    assert all(c.startswith("44") for c in res.codes) and len(res.codes) == 21  # 广东's 21 cities
    assert set(res.covered) == set(GUANGDONG_CITIES)
    assert res.get("structure") is None  # no CEADs file: absent, not failed
    ranking = res["index"].table("ranking")
    assert set(ranking["region_code"]) == set(GUANGDONG_CITIES)
    assert set(res["typology"].table("types")["type"]) <= {"I", "II", "III", "IV"}
    assert "source_counts" not in res["typology"].tables  # source 003 compares provinces only
    # weights at city level among the covered cities; 汕头 touches none of them and is attached to the nearest
    assert res["weights"].meta["ids"] == sorted(GUANGDONG_CITIES)
    assert [a for a, _ in res["weights"].meta["attached"]] == ["440500"]
    # every city of one province is in one NBS macro-region: no Dagum decomposition, the rest stands
    assert res["disparity"].meta["n_groups"] == 1 and "dagum" not in res["disparity"].tables
    assert len(res["spatial"].table("lisa")) == len(GUANGDONG_CITIES)


def test_city_report(cities, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from yindi.report import maps
    from yindi.report.national import build_report

    levels: list[str] = []

    def fake_map(values, *args, level="province", **kwargs):  # type: ignore[no-untyped-def]
        levels.append(level)  # drawing city maps is the maps' business (and slow); here: the level passed
        return "<svg></svg>"

    monkeypatch.setattr(maps, "choropleth", fake_map)
    monkeypatch.setattr(maps, "category_map", fake_map)

    study = Study(
        data="<synthetic>",
        level="city",
        within="广东",
        year=2023,
        sections=("coverage", "index", "disparity"),
        options=PROVINCE_CHOICES,
    )
    out = build_report(study, tmp_path, panel=cities, store=False)
    html = out.html.read_text(encoding="utf-8")
    assert "广东·分市" in html and "21 个地级行政区，数据覆盖 9 个" in html
    assert "31 省" not in html and "31 个" not in html and "9个城市" in html
    assert "无法做组间分解" in html
    assert levels and set(levels) == {"city"}


def test_groupings_of_cities_go_through_their_province() -> None:
    from yindi.regions import registry
    from yindi.study.nodes.disparity import groups_for
    from yindi.study.scope import Scope

    scope = Scope(None, None, (), "city", 2023, 0, "zh", "")  # type: ignore[arg-type]
    got = groups_for(scope, ["440300", "510100", "230100"], "nbs4")
    assert got == {"440300": "east", "510100": "west", "230100": "northeast"}
    assert registry().get("510100").province == "510000"


@pytest.mark.parametrize(
    ("level", "within", "exclude", "text"),
    [
        ("province", "广东", (), "is itself a province"),
        ("city", "广东", ("广东",), "No city units are left"),
        ("city", "广冻", (), "广冻"),
    ],
)
def test_bad_analysis_sets(level: str, within: str, exclude: tuple[str, ...], text: str) -> None:
    from yindi.errors import YindiError
    from yindi.study.scope import analysis_codes

    with pytest.raises(YindiError, match=text):
        analysis_codes(level, within, exclude)  # type: ignore[arg-type]


def test_exclude_tibet_is_a_shorthand() -> None:
    from yindi.study.scope import analysis_codes

    a = analysis_codes("province", None, Study(data="x", exclude_tibet=True).excluded)
    b = analysis_codes("province", None, Study(data="x", exclude=("西藏",)).excluded)
    assert a == b and len(a) == 30 and "540000" not in a
