"""How the national reports' named industries shift over the years.

国家政府工作报告的产业表述演变：关注词（新质生产力、低空经济、具身智能……）首次出现的年份与逐年次数，各年点名的
产业，以及相邻两年报告的文本相似度（字符 5-gram Jaccard）和产业向量相似度（余弦）。
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi.text import _minhash as mh
from yindi.text._similarity import pairwise_cosine
from yindi.text.documents import Document
from yindi.text.priorities import Priorities

#: Phrases followed by default (not all are industries: 新质生产力 is the policy concept itself).
WATCH_TERMS: tuple[str, ...] = (
    "新质生产力",
    "战略性新兴产业",
    "未来产业",
    "数字经济",
    "人工智能",
    "集成电路",
    "新能源汽车",
    "低空经济",
    "商业航天",
    "量子科技",
    "具身智能",
    "人形机器人",
    "生物制造",
)


@dataclass(frozen=True)
class Timeline:
    """Attributes
    ----------
    terms : DataFrame
        ``year, term, count`` for every report year and watched term, and ``first_year`` per term.
    industries : DataFrame
        Report year × industry_id: number of mentions.
    consecutive : DataFrame
        ``year_a, year_b, text_jaccard, industry_cosine`` for each pair of consecutive reports in the corpus.
    """

    terms: pd.DataFrame
    industries: pd.DataFrame
    consecutive: pd.DataFrame

    def first_appearance(self) -> pd.DataFrame:
        """``term, first_year, reports`` (reports that use it) for every watched term."""
        t = self.terms.loc[self.terms["count"] > 0]
        g = t.groupby("term", sort=False)
        out = pd.DataFrame({"first_year": g["year"].min(), "reports": g.size()}).reset_index()
        unseen = [x for x in self.terms["term"].unique() if x not in set(out["term"])]
        extra = pd.DataFrame({"term": unseen, "first_year": pd.NA, "reports": 0})
        both = pd.concat([out, extra], ignore_index=True) if unseen else out
        return both.astype({"first_year": "Int64", "reports": int})


def timeline(
    reports: Sequence[Document],
    priorities: Priorities,
    *,
    terms: Sequence[str] = WATCH_TERMS,
    shingle: int = 5,
) -> Timeline:
    """The timeline of a corpus of yearly reports (documents with a year; others are ignored)."""
    docs = sorted((d for d in reports if d.year is not None), key=lambda d: (d.year, d.name))
    term_rows = [(d.year, term, d.text.count(term)) for d in docs for term in terms]
    term_frame = pd.DataFrame(term_rows, columns=["year", "term", "count"])
    m = priorities.mentions
    names = {d.name for d in docs}
    m = m.loc[m["document"].isin(names)]
    years = [d.year for d in docs]
    ind = (
        m.groupby(["year", "industry_id"]).size().unstack(fill_value=0).reindex(years, fill_value=0)
        if not m.empty
        else pd.DataFrame(index=years)
    )
    ind.index.name = "year"
    sets = [mh.shingle_set(d.text, shingle) for d in docs]
    cos = pairwise_cosine(ind.to_numpy(dtype=float)) if ind.shape[1] else np.zeros((len(docs), len(docs)))
    rows = [
        (docs[i].year, docs[i + 1].year, mh.jaccard(sets[i], sets[i + 1]), float(cos[i, i + 1]))
        for i in range(len(docs) - 1)
    ]
    consecutive = pd.DataFrame(rows, columns=["year_a", "year_b", "text_jaccard", "industry_cosine"])
    return Timeline(term_frame, ind, consecutive)
