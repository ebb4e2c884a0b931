"""The industry lexicon: surface forms → taxonomy industries, built from the plan layer's taxonomy.

产业词表：由规划层的产业分类（``yindi.plan.taxonomy``）生成，是产业名称的唯一来源；文本特有的少量别称
（``data/aliases.csv``）只作为已有产业编号的别名加入，并在测试中校验编号。

Matching runs on jieba words, not on raw characters: a surface form counts only when it is one word or a run
of whole words (up to :data:`MAX_WORDS`), so 航天 does not match inside 航天员 and 节能 not inside 节能减排's
neighbours unless jieba cuts them apart. :meth:`Lexicon.match_substrings` is the plain character-level
reference used by the benchmark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from yindi.errors import DataFormatError

#: Longest run of words joined to match one surface form.
MAX_WORDS = 4
_CJK = re.compile(r"[\u4e00-\u9fff]")


class TaxonomyLike(Protocol):
    """What the lexicon needs from a taxonomy: ``frame`` (columns industry_id, tier, name_zh, name_en) and
    ``terms()`` (surface form → industry_id)."""

    @property
    def frame(self) -> Any: ...

    def terms(self) -> dict[str, str]: ...


_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """Full-width ASCII → half-width, then lower case, keeping the length (so spans stay valid); the text
    matched against :attr:`Lexicon.terms`."""
    out = text.translate(_FULLWIDTH)
    low = out.lower()
    return low if len(low) == len(out) else out


def normalise(text: str) -> str:
    """NFKC, lower case, no spaces or quotes (the taxonomy's matching key)."""
    out = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return re.sub(r"[\s\"'“”‘’《》「」]", "", out)


@dataclass(frozen=True, slots=True)
class IndustryLabel:
    """Names and tier of one industry."""

    industry_id: str
    tier: str
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass(frozen=True, slots=True)
class Match:
    """One industry mention: character span in the sentence, the surface form as written, the industry."""

    start: int
    end: int
    surface: str
    industry_id: str


@dataclass(frozen=True)
class Lexicon:
    """Surface forms (normalised) → industry ids, with the industries' names and tiers.

    Build it with :meth:`from_taxonomy`; never write industry names by hand.
    """

    terms: Mapping[str, str]
    industries: Mapping[str, IndustryLabel]
    words: frozenset[str]
    prefixes: frozenset[str] = frozenset()

    @classmethod
    def from_taxonomy(cls, taxonomy: TaxonomyLike, *, aliases: str | Path | bool | None = True) -> Lexicon:
        """The lexicon of ``taxonomy``: its surface forms (ids and English names left out, one-character forms
        left out as too ambiguous) plus the text-only aliases of ``data/aliases.csv`` (``aliases=True``), of
        another CSV file with columns ``surface, industry_id`` (a path), or none (``False``/``None``).

        An alias whose industry id is not in the taxonomy, or whose surface form already means another
        industry, is a :class:`~yindi.errors.DataFormatError`.
        """
        frame = taxonomy.frame
        industries = {
            str(r.industry_id): IndustryLabel(str(r.industry_id), str(r.tier), str(r.name_zh), str(r.name_en))
            for r in frame.itertuples(index=False)
        }
        skip = {normalise(i.industry_id) for i in industries.values()}
        skip |= {normalise(i.name_en) for i in industries.values()}
        terms = {k: v for k, v in taxonomy.terms().items() if k not in skip and len(k) >= 2}
        words = {i.name_zh for i in industries.values()}
        if "aliases_zh" in frame.columns:
            for cell in frame["aliases_zh"]:
                words.update(s.strip() for s in str(cell).split(";") if s.strip())
        for surface, industry_id, where in _alias_rows(aliases):
            if industry_id not in industries:
                raise DataFormatError(
                    f"{where}: industry id {industry_id!r} (for {surface!r}) is not in the taxonomy.",
                    zh=f"{where}：{surface!r} 对应的产业编号 {industry_id!r} 不在产业分类中。",
                )
            key = normalise(surface)
            if terms.get(key, industry_id) != industry_id:
                raise DataFormatError(
                    f"{where}: {surface!r} already means {terms[key]!r} in the taxonomy, not {industry_id!r}.",
                    zh=f"{where}：{surface!r} 在产业分类中已指 {terms[key]!r}，不能再指 {industry_id!r}。",
                )
            terms[key] = industry_id
            words.add(surface)
        cjk_words = frozenset(w for w in words if _CJK.search(w) and len(w) >= 2)
        return cls(terms=terms, industries=industries, words=cjk_words, prefixes=prefixes_of(terms))

    def label(self, industry_id: str) -> IndustryLabel:
        return self.industries[industry_id]

    def match_words(self, spans: Sequence[tuple[str, int, int]]) -> list[Match]:
        """Mentions in a sentence cut into words ``(word, start, end)`` (of :func:`fold`-ed text): at each
        word, the longest run of up to :data:`MAX_WORDS` whole words that is a surface form; no overlaps."""
        out: list[Match] = []
        for i, j, surface in longest_runs(
            spans, self.terms, self.prefixes or prefixes_of(self.terms), MAX_WORDS
        ):
            out.append(Match(spans[i][1], spans[j - 1][2], surface, self.terms[surface]))
        return out

    def substring_pattern(self) -> re.Pattern[str]:
        """One regular expression matching every surface form, leftmost-longest (the plain reference matcher
        and the extractor's pre-filter). Built from a character trie, so that each position costs one branch
        per first character instead of one try per surface form."""
        return re.compile(trie_regex(self.terms), flags=re.IGNORECASE)

    def match_substrings(self, text: str, pattern: re.Pattern[str] | None = None) -> list[Match]:
        """Plain reference: every leftmost-longest occurrence of a surface form as characters, ignoring
        word boundaries."""
        pat = pattern or self.substring_pattern()
        return [
            Match(m.start(), m.end(), m.group(0), self.terms[normalise(m.group(0))])
            for m in pat.finditer(fold(text))
        ]


def prefixes_of(words: Iterable[str]) -> frozenset[str]:
    """Every non-empty prefix of every word (for the forward word-run match)."""
    return frozenset(w[:k] for w in words for k in range(1, len(w) + 1))


def longest_runs(
    spans: Sequence[tuple[str, int, int]], table: Mapping[str, Any], prefixes: frozenset[str], max_words: int
) -> list[tuple[int, int, str]]:
    """Non-overlapping runs ``(i, j, surface)`` of whole words ``spans[i:j]`` (at most ``max_words``) whose
    concatenation is a key of ``table``, the longest at each start, scanning left to right. A run is extended
    only while it is a prefix of some key, so most words cost one set lookup."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(spans)
    while i < n:
        best: tuple[int, str] | None = None
        surface = ""
        for j in range(i, min(n, i + max_words)):
            surface += spans[j][0]
            if surface not in prefixes:
                break
            if surface in table:
                best = (j + 1, surface)
        if best is None:
            i += 1
        else:
            out.append((i, best[0], best[1]))
            i = best[0]
    return out


def trie_regex(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, longest first at each position, built as a trie
    (新(?:能源(?:汽车)?|材料)…)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _alias_rows(aliases: str | Path | bool | None) -> Iterable[tuple[str, str, str]]:
    if aliases is None or aliases is False:
        return []
    if aliases is True:
        text = resources.files("yindi.text").joinpath("data", "aliases.csv").read_text(encoding="utf-8")
        where = "yindi/text/data/aliases.csv"
    else:
        path = Path(aliases)
        text = path.read_text(encoding="utf-8-sig")
        where = str(path)
    rows = []
    lines = text.splitlines()
    header = [h.strip() for h in lines[0].split(",")] if lines else []
    if header[:2] != ["surface", "industry_id"]:
        raise DataFormatError(
            f"{where}: the first line must be 'surface,industry_id[,note]'. Got {lines[:1]!r}.",
            zh=f"{where}：第一行应为 'surface,industry_id[,note]'，实际为 {lines[:1]!r}。",
        )
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            cells = line.split(",")
            rows.append((cells[0].strip(), cells[1].strip(), f"{where}, line {number}"))
    return rows
