"""Draw the sentences of the hand-labelled test set (run once; the labels are written by hand afterwards).

Usage: ``python tests/reference/text/make_sample.py [dev|test]`` from the repository root, with ../shared
beside it. Prints one JSON line per sentence (stratum, document, sentence index, text). ``dev`` (seed 13, 125
sentences) was labelled first and used to fix the extractor's word lists; ``test`` (seed 31, 80 sentences,
none of the dev sentences) was drawn and labelled afterwards and never used for changes. The draw is seeded, so the same
texts give the same sample. It uses only keyword filters written here, never the extractor or its lexicon,
so that the sample does not favour what the extractor already finds.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import shared_data_root  # noqa: E402
from yindi.text.documents import read_corpus, read_document  # noqa: E402
from yindi.text.segment import split_sentences  # noqa: E402

SEEDS = {"dev": 13, "test": 31}
SIZES = {"dev": (45, 20, 35, 25), "test": (30, 10, 20, 20)}
INDUSTRY_WORDS = re.compile(r"产业|行业|工业|制造|领域")
#: Province short names and the common names of region groups, written out here (not the project's gazetteer).
REGION_WORDS = re.compile(
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|"
    "重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|京津冀|长三角|大湾区|成渝|东部|中部|西部|东北"
)


def draw(which: str) -> list[dict[str, object]]:
    data = shared_data_root()
    rng = np.random.default_rng(SEEDS[which])
    n_a, n_b, n_c, n_d = SIZES[which]
    reports = read_corpus(data / "cn-texts" / "national_government_work_reports.jsonl")
    sources = [read_document(p) for p in sorted((data.parent / "domain" / "sources").glob("*.txt"))]

    def pool(docs, keep):  # type: ignore[no-untyped-def]
        return [(d.name, s.index, s.text) for d in docs for s in split_sentences(d.text) if keep(d, s.text)]

    strata = {
        # A: reports since 2000, sentences with a generic industry word (产业/行业/工业/制造/领域)
        "A_reports_industry_words": (
            pool(reports, lambda d, t: d.year >= 2000 and INDUSTRY_WORDS.search(t) and 12 <= len(t) <= 200),
            n_a,
        ),
        # B: any sentence of any report (uniform)
        "B_reports_uniform": (pool(reports, lambda d, t: 12 <= len(t) <= 200), n_b),
        # C: source documents, sentences with a generic industry word
        "C_sources_industry_words": (
            pool(sources, lambda d, t: INDUSTRY_WORDS.search(t) and 12 <= len(t) <= 300),
            n_c,
        ),
        # D: reports since 2000 and source documents, sentences naming a province or region group
        "D_region_words": (
            pool(
                [*reports, *sources],
                lambda d, t: (d.year or 2025) >= 2000 and REGION_WORDS.search(t) and 12 <= len(t) <= 300,
            ),
            n_d,
        ),
    }
    taken = {(r["document"], r["sentence"]) for r in draw("dev")} if which == "test" else set()
    out: list[dict[str, object]] = []
    for name, (items, n) in strata.items():
        items = [it for it in items if (it[0], it[1]) not in taken]
        picks = rng.choice(len(items), size=min(n, len(items)), replace=False)
        for i in sorted(picks):
            doc, idx, text = items[i]
            out.append({"stratum": name, "document": doc, "sentence": idx, "text": text})
    return out


if __name__ == "__main__":
    for row in draw(sys.argv[1] if len(sys.argv) > 1 else "dev"):
        print(json.dumps(row, ensure_ascii=False))
