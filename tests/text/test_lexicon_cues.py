"""Sentences, words, cues and the lexicon built from the plan layer's taxonomy."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from _fixtures import extractor  # noqa: F401  (pytest fixtures)

from yindi.errors import DataFormatError
from yindi.text.cues import cue_table
from yindi.text.lexicon import Lexicon, fold
from yindi.text.segment import split_clauses, split_sentences

pytest.importorskip("jieba")


def test_sentences_end_at_marks_and_line_breaks() -> None:
    text = "一、总体要求\n培育低空经济。打造集群！”是否可行？第一;第二\n\n最后一句"
    assert [s.text for s in split_sentences(text)] == [
        "一、总体要求",
        "培育低空经济。",
        "打造集群！”",
        "是否可行？",
        "第一;",
        "第二",
        "最后一句",
    ]
    assert [s.index for s in split_sentences(text)] == list(range(7))


def test_clauses_split_at_commas_not_at_enumeration_commas() -> None:
    s = "培育壮大新能源、新材料，前瞻布局量子科技：具身智能"
    assert [s[a:b] for a, b in split_clauses(s)] == ["培育壮大新能源、新材料", "前瞻布局量子科技", "具身智能"]


def test_fold_keeps_length() -> None:
    assert fold("发展ＡＩ和6G") == "发展ai和6g"
    assert len(fold("ＡＢＣ　def")) == len("ＡＢＣ　def")


@pytest.mark.parametrize(
    ("sentence", "cue", "strength"),
    [
        ("培育壮大新能源、新材料等新兴产业", "培育壮大", 4),
        ("前瞻布局量子科技、具身智能", "前瞻布局", 1),
        ("低空经济要加快发展", "加快发展", 3),  # the cue after the mention, in its clause
        ("巩固提升钢铁、有色等传统产业优势", "巩固提升", 3),
        ("严控钢铁新增产能", "严控", -1),
        ("钢铁产量增长5%", None, 0),
        ("稳妥发展氢能，积极发展光伏", "稳妥发展", 1),
    ],
)
def test_cue_of_the_first_mention(sentence: str, cue: str | None, strength: int) -> None:
    table = cue_table()
    terms = ["新能源", "量子科技", "低空经济", "钢铁", "氢能"]
    start = min(sentence.find(t) for t in terms if t in sentence)
    found = table.cue_for(sentence, start, start + 2)
    assert (found.text if found else None) == cue
    assert (found.strength if found else 0) == strength


def test_nearest_cue_before_in_the_clause_wins() -> None:
    s = "稳妥发展氢能，积极发展光伏"
    found = cue_table().cue_for(s, s.index("光伏"), s.index("光伏") + 2)
    assert found is not None and found.text == "积极发展"


def test_cue_table_is_well_formed() -> None:
    text = resources.files("yindi.text").joinpath("data", "cues.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len({r["cue"] for r in rows}) == len(rows)
    assert {int(r["strength"]) for r in rows} <= {-1, 1, 2, 3, 4}


class _FakeTaxonomy:
    """The interface the lexicon needs, on three industries (for error cases only)."""

    frame = pd.DataFrame(
        {
            "industry_id": ["a", "b", "c"],
            "tier": ["traditional", "emerging", "future"],
            "name_zh": ["钢铁业", "集成电路", "量子科技"],
            "name_en": ["Steel", "Integrated circuits", "Quantum"],
            "aliases_zh": ["钢铁", "芯片", "量子"],
        }
    )

    def terms(self) -> dict[str, str]:
        return {
            "钢铁业": "a",
            "钢铁": "a",
            "集成电路": "b",
            "芯片": "b",
            "量子科技": "c",
            "量子": "c",
            "steel": "a",
            "a": "a",
        }


def test_lexicon_leaves_out_ids_english_names_and_one_character_forms(tmp_path: Path) -> None:
    lex = Lexicon.from_taxonomy(_FakeTaxonomy(), aliases=False)
    assert "steel" not in lex.terms and "a" not in lex.terms
    assert lex.terms["芯片"] == "b"


def test_alias_file_with_unknown_id_or_clash_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.csv"
    bad.write_text("surface,industry_id,note\n半导体,zz,x\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="'zz'.*not in the taxonomy"):
        Lexicon.from_taxonomy(_FakeTaxonomy(), aliases=bad)
    bad.write_text("surface,industry_id,note\n芯片,a,x\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="already means 'b'"):
        Lexicon.from_taxonomy(_FakeTaxonomy(), aliases=bad)


def test_shipped_aliases_name_taxonomy_ids() -> None:
    """Every text-only alias points to an industry of the real taxonomy and adds a form it lacks."""
    from yindi.plan.taxonomy import load_taxonomy

    tax = load_taxonomy()
    text = resources.files("yindi.text").joinpath("data", "aliases.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert rows
    terms = tax.terms()
    for r in rows:
        assert r["industry_id"] in tax.ids, r
        assert fold(r["surface"]) not in terms, f"{r['surface']} is already in the taxonomy"
    lex = Lexicon.from_taxonomy(tax)
    assert set(lex.industries) == set(tax.ids)


def test_domain_words_stay_whole(extractor) -> None:  # type: ignore[no-untyped-def]
    words = extractor.segmenter.cut(
        "建立未来产业投入增长机制，培育生物制造、量子科技、具身智能、低空经济等未来产业。"
    )
    for w in ("低空经济", "量子科技", "具身智能", "生物制造"):
        assert w in words
    # the same sentence with a plain jieba cuts them apart (which is why the domain dictionary exists)
    import jieba

    plain = jieba.Tokenizer()
    assert "具身智能" not in list(plain.cut("培育具身智能", HMM=False))


def test_domain_words_do_not_change_the_dictionary_total(extractor) -> None:  # type: ignore[no-untyped-def]
    """Adding ~1,100 words must not rescale every other word's probability (jieba's add_word adds to total)."""
    import jieba

    plain = jieba.Tokenizer()
    plain.initialize()
    assert extractor.segmenter._tok.total == plain.total
    sentence = "深化体制改革，加强安全监管，保障和改善民生。"  # no domain word: cut exactly as plain jieba
    assert extractor.segmenter.cut(sentence) == list(plain.cut(sentence, HMM=False))
