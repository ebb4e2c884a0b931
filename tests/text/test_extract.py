"""Priority extraction on written-out sentences (the expected rows are worked out by hand in each case)."""

from __future__ import annotations

import pytest
from _fixtures import extractor, reports_path  # noqa: F401  (pytest fixtures)

from yindi.schema import check_schema
from yindi.text.documents import Document


def _doc(text: str, region: str | None = None, name: str = "doc") -> Document:
    return Document(name=name, title=name, text=text, region_code=region, year=2025)


def _rows(extractor, text: str, region: str | None = None) -> set[tuple[str, str, str, int]]:  # type: ignore[no-untyped-def]
    return {(m.industry_id, m.region_code, m.cue, m.strength) for m in extractor.mentions(_doc(text, region))}


def test_every_industry_of_a_list_gets_the_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    got = _rows(extractor, "培育生物制造、量子科技、具身智能、6G等未来产业。", "100000")
    assert got == {
        ("fut_biomfg", "100000", "培育", 2),
        ("fut_quantum", "100000", "培育", 2),
        ("fut_embodied", "100000", "培育", 2),
        ("fut_6g", "100000", "培育", 2),
    }


def test_region_named_in_the_clause_wins_over_the_document(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "安徽省则在量子信息、聚变能源等领域打造科创高地；湖北要加快发展光电子信息。"
    got = _rows(extractor, text, "100000")
    assert ("fut_quantum", "340000", "打造", 4) in got
    assert all(r[1] != "100000" for r in got)


def test_topic_region_before_the_clause(extractor) -> None:  # type: ignore[no-untyped-def]
    got = _rows(extractor, "例如,西部地区可依托能源禀赋,布局清洁能源。", None)
    west = {
        "150000",
        "450000",
        "500000",
        "510000",
        "520000",
        "530000",
        "540000",
        "610000",
        "620000",
        "630000",
        "640000",
        "650000",
    }
    assert {r[1] for r in got} == west
    assert {(r[0], r[2], r[3]) for r in got} == {("sei_newenergy", "布局", 1)}


def test_region_after_the_mention_in_another_clause_does_not_take_it(extractor) -> None:  # type: ignore[no-untyped-def]
    got = _rows(extractor, "大力发展集成电路，支持上海建设国际金融中心。", "320000")
    assert got == {("sei_ic", "320000", "大力发展", 4)}


def test_city_and_group_names(extractor) -> None:  # type: ignore[no-untyped-def]
    got = _rows(extractor, "深圳市打造人工智能先锋城市，京津冀共建氢能产业链。", "440000")
    assert ("sei_ai", "440300", "打造", 4) in got
    assert {r[1] for r in got if r[0] == "fut_hydrogen_fusion"} == {"110000", "120000", "130000"}


def test_words_that_only_contain_a_surface_form_do_not_match(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _rows(extractor, "教育科技、生态环保、基本民生等重点领域得到保障。", "100000") == set()
    assert _rows(extractor, "长治久安，朝阳产业欣欣向荣。", "100000") == set()  # no 长治 or 朝阳 either


def test_result_tables(extractor) -> None:  # type: ignore[no-untyped-def]
    docs = [
        _doc("江苏要打造集成电路产业集群，积极发展低空经济。", "320000", "js"),
        _doc("安徽要前瞻布局量子科技，打造集成电路产业。钢铁产量增长。", "340000", "ah"),
    ]
    result = extractor.extract(docs)
    table = result.table()
    for col in ("document", "region_code", "region", "industry_id", "industry", "tier", "cue", "evidence"):
        assert col in table.columns
    amb = result.ambitions()
    assert list(amb.columns[:3]) == ["region", "industry", "source"]
    assert set(zip(amb["region"], amb["industry_id"], strict=True)) == {
        ("江苏", "sei_ic"),
        ("江苏", "sei_lowalt"),
        ("安徽", "fut_quantum"),
        ("安徽", "sei_ic"),
    }  # 钢铁 has no cue: a fact, not a priority
    assert "2 份文档" in result.summary() and "集成电路 (2)" in result.summary()
    assert "Integrated circuits (chips) (2)" in result.summary("en")
    frame = result.to_frame()
    check_schema(frame)
    steel = frame[(frame["industry_id"] == "gbt31")]
    assert dict(zip(steel["measure"], steel["value"], strict=True)) == {
        "mentions": 1.0,
        "stated": 0.0,
        "max_strength": 0.0,
    }


@pytest.mark.realdata
def test_national_2025_report(extractor, reports_path) -> None:  # type: ignore[no-untyped-def]
    from yindi.text.documents import read_corpus

    y2025 = next(d for d in read_corpus(reports_path) if d.year == 2025)
    amb = extractor.extract([y2025]).ambitions(include_national=True)
    ids = set(amb["industry_id"])
    assert {"fut_biomfg", "fut_quantum", "fut_embodied", "fut_6g", "sei_lowalt", "sei_space"} <= ids
    assert set(amb["region_code"]) == {"100000"}


def test_customary_areas_and_focus_cues(extractor) -> None:  # type: ignore[no-untyped-def]
    got = _rows(extractor, "东部沿海聚焦集成电路，西北地区立足能源化工。", None)
    east = {
        "110000",
        "120000",
        "130000",
        "310000",
        "320000",
        "330000",
        "350000",
        "370000",
        "440000",
        "460000",
    }
    assert {r[1] for r in got if r[0] == "sei_ic"} == east
    assert {r[2] for r in got if r[0] == "sei_ic"} == {"聚焦"}
    assert {r[1] for r in got if r[0] == "gbt26"} == {"610000", "620000", "630000", "640000", "650000"}
    assert {(r[2], r[3]) for r in got if r[0] == "gbt26"} == {("立足", 2)}
