"""Sentences, clauses and words of Chinese text.

句子切分（。！？；及换行）、分句（，,：）与 jieba 分词（离线，带由产业分类与地区名生成的领域词典）。

Sentences end at 。！？；!?; (an ASCII ``;``/``?``/``!`` counts too: several sources use half-width
punctuation) or at a line break; a closing quote or bracket right after the end mark stays with the sentence.
Clauses split a sentence further at ，,： (the enumeration comma 、 does not split: "培育壮大新能源、新材料" is one
clause whose verb governs every item). Word segmentation uses a private :class:`jieba.Tokenizer` (never the
global one), whose dictionary is extended with every surface form the lexicon and the region gazetteer know, at a
frequency high enough that they stay whole (低空经济, 量子科技, 具身智能, 粤港澳大湾区).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from yindi.text._deps import require

_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)")
_CLAUSE = re.compile(r"[，,：:]")

#: Frequency given to domain words in jieba's dictionary (jieba's own entries run from 1 to ~10^6; a
#: high value makes the domain word win the segmentation path over its parts).
DOMAIN_WORD_FREQ = 200_000


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: its position (0-based) and text (stripped)."""

    index: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into non-empty sentences.

    Examples
    --------
    >>> [s.text for s in split_sentences("培育低空经济。打造集群！\\n二、任务")]
    ['培育低空经济。', '打造集群！', '二、任务']
    """
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        piece = m.group(0).strip()
        if piece:
            out.append(Sentence(len(out), piece))
    return out


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the clauses of ``sentence`` (split at ，,：:)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


class Segmenter:
    """jieba word segmentation with a domain dictionary.

    Parameters
    ----------
    words : iterable of str
        Domain words that must stay whole (industry surface forms, region names).

    Notes
    -----
    Building a segmenter loads jieba's dictionary (about 1 s the first time on this machine, less once jieba
    has written its cache to the temporary folder); reuse one segmenter for many documents. Nothing is
    downloaded: the dictionary ships inside the jieba package.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        jieba = require("jieba", "jieba", "Chinese word segmentation", "中文分词")
        jieba.setLogLevel(60)
        self._tok: Any = jieba.Tokenizer()
        self._tok.initialize()
        self.words: frozenset[str] = frozenset(w for w in words if w)
        total = self._tok.total
        for w in sorted(self.words):
            self._tok.add_word(w, freq=DOMAIN_WORD_FREQ)
        # add_word adds each frequency to the dictionary total; a thousand domain words would multiply it
        # several times over and shift every other cut (paths with more words would lose), so the total is
        # kept at jieba's own: the domain words are frequent, the rest of the language unchanged.
        self._tok.total = total

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order (precise mode, HMM off: every word that matters is in the dictionary)."""
        return [w for w in self._tok.cut(text, HMM=False) if w]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Words of ``text`` with their character spans ``(word, start, end)``."""
        out: list[tuple[str, int, int]] = []
        pos = 0
        for w in self._tok.cut(text, HMM=False):
            out.append((w, pos, pos + len(w)))
            pos += len(w)
        return out
