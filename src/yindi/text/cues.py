"""Commitment cues: the verb that tells how strongly a plan commits to an industry.

承诺强度：由产业前的动词判断规划对该产业的投入程度（数据表 ``data/cues.csv``）。

Scale (``strength``), ordered by how much a plan commits to scaling the industry *now*:

====  ==============  =====================================================================
 4    flagship 主攻    打造, 做大做强, 大力发展, 重点发展, 培育壮大, 发展壮大
 3    accelerate 加快  加快发展, 加快培育, 巩固提升, 改造提升, 转型升级
 2    promote 积极     积极发展, 推动, 推进, 促进, 支持, 培育, 发展
 1    pre-position 布局 前瞻布局, 超前布局, 谋划, 探索, 稳妥发展, 有序发展
−1    restrict 限制    严控, 压减, 淘汰, 化解, 遏制, 防止 (a restriction, not an ambition)
 0    none            no cue in the sentence (a statement of fact: "钢铁产量增长 5%")
====  ==============  =====================================================================

The cue of a mention is the nearest cue before it in its clause (clauses split at ，：); else the nearest
cue after it in its clause ("低空经济要加快发展"); else the nearest cue before it in the sentence; else none.
Cues are matched leftmost-longest (加快发展 before 发展).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from yindi.text.segment import split_clauses


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word with its strength (−1 … 4) and class (English and Chinese)."""

    text: str
    strength: int
    class_en: str
    class_zh: str


@dataclass(frozen=True)
class CueTable:
    """The cue table and its compiled pattern."""

    cues: dict[str, Cue]
    pattern: re.Pattern[str]

    def find(self, sentence: str) -> list[tuple[int, int, Cue]]:
        """Cue occurrences ``(start, end, cue)`` in ``sentence``, leftmost-longest."""
        return [(m.start(), m.end(), self.cues[m.group(0)]) for m in self.pattern.finditer(sentence)]

    def cue_for(
        self, sentence: str, start: int, end: int, found: list[tuple[int, int, Cue]] | None = None
    ) -> Cue | None:
        """The cue governing the mention at ``[start, end)`` of ``sentence`` (rule in the module docstring)."""
        hits = self.find(sentence) if found is None else found
        if not hits:
            return None
        c0, c1 = next((a, b) for a, b in split_clauses(sentence) if a <= start <= b)
        before = [h for h in hits if c0 <= h[0] and h[1] <= start]
        if before:
            return before[-1][2]
        after = [h for h in hits if end <= h[0] and h[1] <= c1]
        if after:
            return after[0][2]
        earlier = [h for h in hits if h[1] <= start]
        return earlier[-1][2] if earlier else None


def cue_table(rows: list[tuple[str, int, str, str]] | None = None) -> CueTable:
    """The shipped cue table (``rows`` replaces it: ``(cue, strength, class_en, class_zh)``)."""
    if rows is None:
        return _shipped()
    cues = {r[0]: Cue(r[0], int(r[1]), r[2], r[3]) for r in rows}
    alternation = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return CueTable(cues, re.compile(alternation))


@cache
def _shipped() -> CueTable:
    text = resources.files("yindi.text").joinpath("data", "cues.csv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if line.strip():
            cue, strength, en, zh = line.split(",")
            rows.append((cue, int(strength), en, zh))
    return cue_table(rows)
