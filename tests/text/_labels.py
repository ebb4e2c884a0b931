"""Scoring the extractor against the hand-labelled sentences of tests/reference/text/labels.csv."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LABELS = {s: REPO / "tests" / "reference" / "text" / f"labels_{s}.csv" for s in ("dev", "test")}


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def expand(token: str) -> set[str]:
    """A region token of the labels: an adcode, or @east/@central/@west/@northeast (NBS four regions) or a
    strategic region id (@jingjinji, @yangtze_delta, @gba) — expanded with yindi.regions' official lists."""
    from yindi.regions import STRATEGIC, grouping

    if not token.startswith("@"):
        return {token}
    name = token[1:]
    nbs4 = grouping("nbs4")
    if name in nbs4.groups:
        return set(nbs4.groups[name])
    return set(STRATEGIC[name].provinces)


def find(text: str, row: dict[str, str]):  # type: ignore[no-untyped-def]
    """The labelled sentence: the one whose text has the recorded SHA-1 (the index is where it was when
    drawn; a change of segmentation elsewhere in the document may move it). Fails if the text itself changed."""
    from yindi.text.segment import split_sentences

    sentences = split_sentences(text)
    for s in sentences:
        if hashlib.sha1(s.text.encode()).hexdigest()[:12] == row["text_sha1"]:
            return s
    raise AssertionError(f"label {row['id']} ({row['document']}, sentence {row['sentence']}): text not found")


def load_labels(which: str = "dev") -> list[dict[str, str]]:
    with LABELS[which].open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def score(extractor, shared: Path, which: str = "dev") -> dict[str, Score]:  # type: ignore[no-untyped-def]
    """Industry, region-naming and attribution scores over every labelled sentence."""
    from yindi.text.attribution import match_regions
    from yindi.text.documents import read_corpus, read_document
    from yindi.text.lexicon import fold

    docs = {d.name: d for d in read_corpus(shared / "cn-texts" / "national_government_work_reports.jsonl")}
    for p in sorted((shared.parent / "domain" / "sources").glob("*.txt")):
        d = read_document(p)
        docs[d.name] = d
    counts = {k: [0, 0, 0] for k in ("industry", "region", "attribution")}
    for row in load_labels(which):
        doc = docs[row["document"]]
        sentence = find(doc.text, row)
        mentions = extractor.sentence_mentions(doc, sentence.index, sentence.text)
        got_ind = {m.industry_id for m in mentions}
        got_att = {(m.industry_id, m.region_code) for m in mentions}
        spans = extractor.segmenter.spans(fold(sentence.text))
        got_reg = {c for r in match_regions(spans, extractor.regions) for c in r.name.codes}
        want_ind = {x for x in row["industries"].split(";") if x}
        want_reg = {c for t in row["regions"].split(";") if t for c in expand(t)}
        want_att: set[tuple[str, str]] = set()
        for pair in (x for x in row["attributions"].split(";") if x):
            ind, _, reg = pair.partition("@")
            want_att |= {(ind, c) for c in expand(reg)} if reg else {(ind, "")}
        for key, got, want in (
            ("industry", got_ind, want_ind),
            ("region", got_reg, want_reg),
            ("attribution", got_att, want_att),
        ):
            counts[key][0] += len(got & want)
            counts[key][1] += len(got - want)
            counts[key][2] += len(want - got)
    return {k: Score(*v) for k, v in counts.items()}


def errors(extractor, shared: Path, which: str = "dev") -> list[str]:  # type: ignore[no-untyped-def]
    """Human-readable list of disagreements (for the docs and for debugging)."""
    from yindi.text.documents import read_corpus, read_document

    docs = {d.name: d for d in read_corpus(shared / "cn-texts" / "national_government_work_reports.jsonl")}
    for p in sorted((shared.parent / "domain" / "sources").glob("*.txt")):
        d = read_document(p)
        docs[d.name] = d
    out = []
    for row in load_labels(which):
        doc = docs[row["document"]]
        s = find(doc.text, row)
        got = {m.industry_id for m in extractor.sentence_mentions(doc, s.index, s.text)}
        want = {x for x in row["industries"].split(";") if x}
        if got != want:
            out.append(f"{row['id']}: extra {sorted(got - want)} missed {sorted(want - got)} | {s.text[:60]}")
    return out


def score_plain(extractor, shared: Path, which: str = "dev") -> Score:  # type: ignore[no-untyped-def]
    """Industry score of the plain reference (every surface form as characters, no word boundaries)."""
    from yindi.text.documents import read_corpus, read_document

    docs = {d.name: d for d in read_corpus(shared / "cn-texts" / "national_government_work_reports.jsonl")}
    for p in sorted((shared.parent / "domain" / "sources").glob("*.txt")):
        d = read_document(p)
        docs[d.name] = d
    pattern = extractor.lexicon.substring_pattern()
    tp = fp = fn = 0
    for row in load_labels(which):
        s = find(docs[row["document"]].text, row)
        got = {m.industry_id for m in extractor.lexicon.match_substrings(s.text, pattern)}
        want = {x for x in row["industries"].split(";") if x}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return Score(tp, fp, fn)
