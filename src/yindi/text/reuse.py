"""Inherited text: sentences copied from central documents, and text similarity between documents.

照抄中央文件的语句识别与文档相似度：把每份地方文件的每一句与同年中央文件（如当年国务院政府工作报告）的字符
n-gram 集合比较，包含度（该句 n-gram 中出现在中央文件里的比例）达到阈值即标为“继承”。这样能把照抄中央
造成的同质化与地方自主选择的同质化区分开。

Method: exact containment of each sentence's character 5-grams in the set of the central documents' 5-grams
(kernels in :mod:`yindi.text._minhash`). Whole-document similarity uses exact Jaccard or, for many documents,
MinHash estimates (same kernels). Defaults (``shingle``, ``reuse_threshold``) live in the ``text`` options table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi.errors import ParameterError
from yindi.text import _minhash as mh
from yindi.text.documents import Document
from yindi.text.segment import split_sentences

#: Sentences shorter than this (characters after removing punctuation) are never flagged: "各位代表！" or
#: "二、主要任务" occur everywhere.
MIN_CHARS = 12


@dataclass(frozen=True)
class Reuse:
    """Sentence-level reuse of central text.

    Attributes
    ----------
    sentences : DataFrame
        One row per sentence of every document: ``document, sentence, chars, containment, inherited,
        reference`` (the central documents compared with, ``;``-separated), ``text``.
    threshold : float
    shingle : int
    """

    sentences: pd.DataFrame
    threshold: float
    shingle: int

    def share(self) -> pd.DataFrame:
        """Per document: sentences, inherited sentences, and the inherited share of characters."""
        s = self.sentences
        g = s.assign(inh_chars=s["chars"] * s["inherited"]).groupby("document", sort=False)
        return pd.DataFrame(
            {
                "sentences": g.size(),
                "inherited_sentences": g["inherited"].sum(),
                "inherited_char_share": g["inh_chars"].sum() / g["chars"].sum().where(lambda x: x > 0),
            }
        ).reset_index()


def inherited_sentences(
    documents: Sequence[Document],
    central: Sequence[Document],
    *,
    threshold: float = 0.5,
    shingle: int = 5,
    same_year: bool = True,
) -> Reuse:
    """Flag the sentences of ``documents`` copied from ``central`` documents.

    Parameters
    ----------
    documents : sequence of Document
        Local documents.
    central : sequence of Document
        Central documents (e.g. :func:`yindi.text.read_corpus` of the national reports).
    threshold : float
        Containment at or above which a sentence counts as inherited.
    shingle : int
        Character n-gram length.
    same_year : bool
        Compare a document of year Y with the central documents of year Y only (when both years are known;
        otherwise with every central document).
    """
    if not central:
        raise ParameterError(
            "No central documents to compare with: pass the national reports (--central FILE.jsonl).",
            zh="没有可比对的中央文件：请提供国家层面的文件（--central FILE.jsonl）。",
        )
    by_year: dict[int | None, list[Document]] = {}
    for c in central:
        by_year.setdefault(c.year, []).append(c)
    sets: dict[tuple[str, ...], np.ndarray] = {}

    def reference(doc: Document) -> tuple[str, ...]:
        if same_year and doc.year is not None and doc.year in by_year:
            chosen = by_year[doc.year]
        else:
            chosen = list(central)
        names = tuple(c.name for c in chosen)
        if names not in sets:
            sets[names] = np.unique(np.concatenate([mh.shingles(c.text, shingle) for c in chosen]))
        return names

    rows = []
    for doc in documents:
        names = reference(doc)
        ref = sets[names]
        label = "; ".join(names) if len(names) <= 3 else f"{len(names)} central documents"
        for s in split_sentences(doc.text):
            chars = len(mh.clean(s.text))
            share = mh.containment(mh.shingles(s.text, shingle), ref) if chars >= MIN_CHARS else 0.0
            rows.append(
                (doc.name, s.index, chars, share, chars >= MIN_CHARS and share >= threshold, label, s.text)
            )
    frame = pd.DataFrame(
        rows, columns=["document", "sentence", "chars", "containment", "inherited", "reference", "text"]
    )
    frame["inherited"] = frame["inherited"].astype(bool)
    return Reuse(frame, threshold, shingle)


def document_similarity(
    documents: Sequence[Document],
    *,
    shingle: int = 5,
    method: str = "exact",
    num_perm: int = 128,
    seed: int = 0,
) -> pd.DataFrame:
    """Pairwise text similarity of documents: columns ``document_a, document_b, jaccard`` (every unordered
    pair once). ``method="exact"`` computes the Jaccard of the shingle sets; ``"minhash"`` estimates it from
    ``num_perm`` MinHash values (standard error ≤ 0.5/√num_perm)."""
    sets = [mh.shingle_set(d.text, shingle) for d in documents]
    n = len(sets)
    if method == "exact":
        mat = np.ones((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                mat[i, j] = mat[j, i] = mh.jaccard(sets[i], sets[j])
    elif method == "minhash":
        mat = mh.estimate_jaccard(mh.MinHasher.make(num_perm, seed).signatures(sets))
    else:
        raise ParameterError(
            f"The 'method' parameter of document_similarity() must be one of 'exact', 'minhash'. Got {method!r} instead.",
            zh=f"document_similarity() 的参数 'method' 须为 'exact'、'minhash' 之一，收到的是 {method!r}。",
        )
    iu = np.triu_indices(n, 1)
    names = [d.name for d in documents]
    return pd.DataFrame(
        {"document_a": [names[i] for i in iu[0]], "document_b": [names[j] for j in iu[1]], "jaccard": mat[iu]}
    )
