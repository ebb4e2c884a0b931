"""Priority extraction: every industry a document names, with its tier, region, commitment cue and evidence.

重点产业抽取：文档点名的每个产业（对应产业分类编号与层级）、所属地区、承诺强度（动词）与原句证据。

Pipeline per document: sentences (:func:`~yindi.text.segment.split_sentences`) → jieba words with the domain
dictionary → industry mentions (:meth:`Lexicon.match_words`) → region names
(:func:`~yindi.text.attribution.match_regions`) → for each mention its cue (:mod:`yindi.text.cues`) and its
region(s) (:func:`~yindi.text.attribution.attribute`). Sentences in which no surface form occurs even as plain
characters (one regular-expression search) are skipped before segmentation: a word-level match is always a
character-level match, so this changes nothing in the output, and it spares jieba about 95% of the sentences
of the national reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yindi.text.attribution import attribute, match_regions
from yindi.text.cues import CueTable, cue_table
from yindi.text.documents import Document
from yindi.text.gazetteer import RegionName, gazetteer
from yindi.text.lexicon import Lexicon, fold, prefixes_of
from yindi.text.segment import Segmenter, split_clauses, split_sentences

if TYPE_CHECKING:
    from yindi.text.priorities import Priorities


def blockers() -> set[str]:
    """Words that contain an industry's surface form without naming the industry (``data/blockers.txt``):
    kept whole by the segmenter, never matched (生态环保 is a spending area, not the 环保 industry)."""
    from importlib import resources

    text = resources.files("yindi.text").joinpath("data", "blockers.txt").read_text(encoding="utf-8")
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


#: Columns of the mention table, in order.
MENTION_COLUMNS: tuple[str, ...] = (
    "document",
    "year",
    "sentence",
    "region_code",
    "attributed_by",
    "industry_id",
    "surface",
    "cue",
    "strength",
    "evidence",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One industry named in one sentence, attributed to one region (a sentence naming two regions gives two
    mentions)."""

    document: str
    year: int | None
    sentence: int
    region_code: str
    attributed_by: str
    industry_id: str
    surface: str
    cue: str
    strength: int
    evidence: str


@dataclass(frozen=True)
class Extractor:
    """Lexicon, cue table, region names and a loaded segmenter: build once, extract from many documents.

    Examples
    --------
    ``Extractor.build(Lexicon.from_taxonomy(load_taxonomy())).extract(documents)``
    """

    lexicon: Lexicon
    cues: CueTable
    regions: dict[str, RegionName]
    segmenter: Segmenter = field(repr=False)
    _pattern: re.Pattern[str] | None = field(repr=False, default=None)
    _region_prefixes: frozenset[str] = field(repr=False, default=frozenset())

    @classmethod
    def build(cls, lexicon: Lexicon, *, cues: CueTable | None = None, cities: bool = True) -> Extractor:
        """Load the segmenter with the lexicon's and the gazetteer's words (the slow step, ~1–2 s)."""
        names = gazetteer(cities=cities)
        segmenter = Segmenter(set(lexicon.words) | set(names) | blockers())
        return cls(
            lexicon, cues or cue_table(), names, segmenter, lexicon.substring_pattern(), prefixes_of(names)
        )

    def sentence_mentions(
        self, doc: Document, index: int, text: str, folded: str | None = None
    ) -> list[Mention]:
        """The mentions of one sentence of ``doc`` (``folded``: the sentence already passed through
        :func:`~yindi.text.lexicon.fold`)."""
        folded = fold(text) if folded is None else folded
        if self._pattern is not None and not self._pattern.search(folded):
            return []
        spans = self.segmenter.spans(folded)
        found = self.lexicon.match_words(spans)
        if not found:
            return []
        regions = match_regions(spans, self.regions, self._region_prefixes or None)
        clauses = split_clauses(text)
        cue_hits = self.cues.find(text)
        out: list[Mention] = []
        for m in found:
            cue = self.cues.cue_for(text, m.start, m.end, cue_hits)
            codes, how = attribute(m.start, clauses, regions, doc.region_code)
            for code in codes or ("",):
                out.append(
                    Mention(
                        document=doc.name,
                        year=doc.year,
                        sentence=index,
                        region_code=code,
                        attributed_by=how,
                        industry_id=m.industry_id,
                        surface=m.surface,
                        cue=cue.text if cue else "",
                        strength=cue.strength if cue else 0,
                        evidence=text,
                    )
                )
        return out

    def mentions(self, doc: Document) -> list[Mention]:
        """Every mention in one document."""
        out: list[Mention] = []
        sentences = split_sentences(doc.text)
        folded = [f.text for f in split_sentences(fold(doc.text))]  # one pass; fold keeps lengths
        if len(folded) != len(sentences) or any(
            len(f) != len(s.text) for f, s in zip(folded, sentences, strict=False)
        ):
            folded = [fold(s.text) for s in sentences]
        for s, f in zip(sentences, folded, strict=True):
            out.extend(self.sentence_mentions(doc, s.index, s.text, f))
        return out

    def extract(self, documents: Iterable[Document]) -> Priorities:
        """Mentions of every document, as a :class:`~yindi.text.priorities.Priorities` result."""
        from yindi.text.priorities import Priorities

        docs = tuple(documents)
        rows = [m for d in docs for m in self.mentions(d)]
        return Priorities.from_mentions(rows, self.lexicon, docs)


def mentions_to_rows(mentions: Sequence[Mention]) -> list[tuple[object, ...]]:
    """Mentions as tuples in :data:`MENTION_COLUMNS` order."""
    return [tuple(getattr(m, c) for c in MENTION_COLUMNS) for m in mentions]
