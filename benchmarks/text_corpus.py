"""Benchmark: priority extraction over the whole national corpus (72 records: 52 reports + 20 resolutions).

Run from the repository root with ../shared beside it::

    python benchmarks/text_corpus.py

Prints, from one run: the load time (taxonomy, lexicon, region gazetteer, jieba dictionary with the domain
words), the extraction time of all 72 records (target ≤ 10 s after loading), and the plain reference in the same
run — naive substring matching of every surface form with one regular expression, no segmentation, no cues, no
regions — with the ratio and the agreement of the two on which (record, sentence, industry) triples they find.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from conftest import shared_data_root
    from yindi.text.documents import read_corpus
    from yindi.text.segment import split_sentences

    corpus = shared_data_root() / "cn-texts" / "national_government_work_reports.jsonl"
    t0 = time.perf_counter()
    docs = read_corpus(corpus, reports_only=False)
    t_read = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)

    t0 = time.perf_counter()
    from yindi.text.pipeline import default_extractor

    ex = default_extractor()
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    result = ex.extract(docs)
    t_extract = time.perf_counter() - t0

    # plain reference: one regex over each sentence, every surface form as characters
    pattern = ex.lexicon.substring_pattern()
    t0 = time.perf_counter()
    plain = set()
    for d in docs:
        for s in split_sentences(d.text):
            for m in ex.lexicon.match_substrings(s.text, pattern):
                plain.add((d.name, s.index, m.industry_id))
    t_plain = time.perf_counter() - t0

    ours = set(
        zip(
            result.mentions["document"],
            result.mentions["sentence"],
            result.mentions["industry_id"],
            strict=True,
        )
    )
    print(f"records: {len(docs)} ({chars:,} characters); reading + cleaning: {t_read:.2f} s")
    print(
        f"load (taxonomy, lexicon, gazetteer, jieba + {len(ex.segmenter.words)} domain words): {t_load:.2f} s"
    )
    print(f"extract all records: {t_extract:.2f} s  (target ≤ 10 s)  → {len(result.mentions)} mentions")
    print(
        f"plain substring reference: {t_plain:.2f} s  → ratio {t_extract / t_plain:.1f}× the reference's time"
    )
    print(
        f"(record, sentence, industry) found: ours {len(ours)}, plain {len(plain)}, both {len(ours & plain)}, "
        f"only plain {len(plain - ours)} (inside longer words: 生态环保, 航天员 …), only ours {len(ours - plain)}"
    )


if __name__ == "__main__":
    main()
