"""Text reuse against independent references: Jaccard and containment of plain Python sets of string
shingles (no hashing), and the MinHash/LSH probabilities of Broder (1997) and Leskovec et al. (ch. 3)."""

from __future__ import annotations

import numpy as np
import pytest
from _fixtures import reports_path  # noqa: F401  (pytest fixtures)

from yindi.text import _minhash as mh
from yindi.text.documents import Document
from yindi.text.reuse import document_similarity, inherited_sentences

K = 5


def _string_shingles(text: str, k: int = K) -> set[str]:
    s = mh.clean(text)
    return {s[i : i + k] for i in range(len(s) - k + 1)} if len(s) >= k else ({s} if s else set())


A = "坚持以科技创新引领新质生产力发展，建设现代化产业体系。培育壮大新兴产业，前瞻布局未来产业。"
B = "坚持以科技创新引领产业创新，建设现代化产业体系。积极发展低空经济，前瞻布局未来产业和具身智能。"


def test_hashes_are_stable_and_collision_free_on_text() -> None:
    h = mh.shingles(A)
    assert len(np.unique(h)) == len(_string_shingles(A))
    assert np.array_equal(h, mh.shingles(A))  # no process-dependent hashing
    assert mh.shingles("").size == 0 and mh.shingles("低空").size == 1


def test_exact_jaccard_and_containment_match_python_sets() -> None:
    sa, sb = _string_shingles(A), _string_shingles(B)
    assert mh.jaccard(mh.shingles(A), mh.shingles(B)) == pytest.approx(len(sa & sb) / len(sa | sb), abs=0)
    assert mh.containment(mh.shingles(A), mh.shingle_set(B)) == pytest.approx(len(sa & sb) / len(sa), abs=0)


def _pair(rng: np.random.Generator, size: int, j: float) -> tuple[np.ndarray, np.ndarray, float]:
    """Two sets of random 64-bit values with Jaccard close to ``j`` (exact value returned)."""
    shared = round(2 * size * j / (1 + j))
    pool = rng.integers(0, 2**63, size=2 * size, dtype=np.uint64)
    a = pool[:size]
    b = np.concatenate([a[:shared], pool[size : 2 * size - shared]])
    exact = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    return a, b, exact


@pytest.mark.parametrize("j", [0.0, 0.1, 0.3, 0.5, 0.8, 1.0])
def test_minhash_estimate_within_four_standard_errors(j: float) -> None:
    """Standard error sqrt(J(1-J)/m) (Broder 1997); with m = 256 the bound is ≤ 0.125 and tight near 0 and 1."""
    rng = np.random.default_rng(7)
    hasher = mh.MinHasher.make(256, seed=3)
    for _ in range(5):
        a, b, exact = _pair(rng, 400, j)
        est = mh.estimate_jaccard(hasher.signatures([a, b]))[0, 1]
        se = np.sqrt(exact * (1 - exact) / 256)
        assert abs(est - exact) <= 4 * se + 1e-12, (est, exact)


def test_lsh_banding_finds_near_duplicates_and_skips_unrelated() -> None:
    """32 bands × 4 rows: P(candidate) = 1 − (1 − J⁴)³² ≈ 1 at J = 0.8 and 0.003 at J = 0.1."""
    rng = np.random.default_rng(11)
    hasher = mh.MinHasher.make(128, seed=5)
    sets, near, far = [], [], []
    for i in range(10):
        a, b, _ = _pair(rng, 300, 0.85 if i % 2 == 0 else 0.05)
        sets += [a, b]
        (near if i % 2 == 0 else far).append((2 * i, 2 * i + 1))
    cand = mh.lsh_candidates(hasher.signatures(sets), bands=32)
    assert all(p in cand for p in near)
    assert not any(p in cand for p in far)
    with pytest.raises(ValueError):
        mh.lsh_candidates(hasher.signatures(sets), bands=7)


def _d(name: str, text: str, year: int | None = 2025, region: str | None = "320000") -> Document:
    return Document(name, name, text, region, year)


def test_copied_sentences_are_flagged_and_own_ones_are_not() -> None:
    central = [
        _d(
            "国家2025",
            "因地制宜发展新质生产力，加快建设现代化产业体系。培育生物制造、量子科技、具身智能、6G等未来产业。",
            region="100000",
        )
    ]
    local = _d(
        "江苏2025",
        "培育生物制造、量子科技、具身智能、6G等未来产业。苏州要打造生物医药产业地标，做强纳米新材料集群。各位代表！",
    )
    reuse = inherited_sentences([local], central)
    s = reuse.sentences
    assert s["inherited"].tolist() == [True, False, False]  # the last one is too short to judge
    assert s["containment"].iloc[0] == pytest.approx(1.0)
    share = reuse.share().iloc[0]
    assert share["inherited_sentences"] == 1


def test_same_year_reference() -> None:
    central = [
        _d("国家2024", "大力推进现代化产业体系建设，加快发展新质生产力。", 2024, "100000"),
        _d("国家2025", "培育生物制造、量子科技、具身智能等未来产业。", 2025, "100000"),
    ]
    local = _d("某省2025", "大力推进现代化产业体系建设，加快发展新质生产力。")
    assert not inherited_sentences([local], central).sentences["inherited"].any()
    assert inherited_sentences([local], central, same_year=False).sentences["inherited"].all()


@pytest.mark.realdata
def test_consecutive_reports_exact_vs_minhash(reports_path) -> None:  # type: ignore[no-untyped-def]
    from yindi.text.documents import read_corpus

    docs = [d for d in read_corpus(reports_path) if d.year in (2023, 2024, 2025)]
    exact = document_similarity(docs)
    est = document_similarity(docs, method="minhash", num_perm=256)
    assert np.allclose(exact["jaccard"], est["jaccard"], atol=4 * 0.5 / 16)
    # consecutive reports share more wording than reports two years apart, and are far from copies
    j = {frozenset((a[:4], b[:4])): v for a, b, v in exact.itertuples(index=False)}
    two_apart = j[frozenset(("2023", "2025"))]
    assert j[frozenset(("2023", "2024"))] > two_apart and j[frozenset(("2024", "2025"))] > two_apart
    assert exact["jaccard"].max() < 0.3
