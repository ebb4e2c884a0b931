"""Which region(s) a statement speaks of.

语句归属地区：语句所在分句点名的地区；分句未点名时取同句中此前分句点名的地区（中文主题在前）；
都未点名时归属文档的地区。
地区组（京津冀、长三角等）代表其成员省份。

A name counts only as one jieba word or a run of whole words (up to three: 粤港澳 + 大湾区), looked up in
:func:`yindi.text.gazetteer.gazetteer`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from yindi.text.gazetteer import RegionName
from yindi.text.lexicon import longest_runs, prefixes_of

MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A region name in a sentence: span, surface form and what it names."""

    start: int
    end: int
    surface: str
    name: RegionName


def match_regions(
    spans: Sequence[tuple[str, int, int]],
    names: Mapping[str, RegionName],
    prefixes: frozenset[str] | None = None,
) -> list[RegionMention]:
    """Region names among the words ``(word, start, end)`` of a sentence (longest run first, no overlaps);
    ``prefixes`` (every prefix of every name) may be passed to save rebuilding it."""
    pre = prefixes if prefixes is not None else prefixes_of(names)
    return [
        RegionMention(spans[i][1], spans[j - 1][2], surface, names[surface])
        for i, j, surface in longest_runs(spans, names, pre, MAX_WORDS)
    ]


def attribute(
    start: int,
    clauses: Sequence[tuple[int, int]],
    regions: Sequence[RegionMention],
    document_region: str | None,
) -> tuple[tuple[str, ...], str]:
    """Region codes of a mention starting at ``start`` and how they were found: the regions named in its
    clause (``clause``); else those named in the sentence before that clause (``sentence``: Chinese puts the
    topic first, "西部地区可依托能源禀赋，布局清洁能源"); else the document's region (``document``). Codes keep the
    order in which the sentence names them; a group expands to its members."""
    c0, c1 = next(((a, b) for a, b in clauses if a <= start <= b), (0, 0))
    for scope, pool in (
        ("clause", [r for r in regions if c0 <= r.start and r.end <= c1]),
        ("sentence", [r for r in regions if r.end <= c0]),
    ):
        if pool:
            codes = tuple(dict.fromkeys(c for r in pool for c in r.name.codes))
            return codes, scope
    return ((document_region,) if document_region else ()), "document"
