"""The chunked pair kernel against a plain Python loop, and hand-computed parts."""

from __future__ import annotations

import math

import numpy as np
import pytest
from coordinate_testdata import random_pair_inputs

from yindi.coordinate._pair_kernel import PARTS, PairInputs, combine, pair_parts, plain_top_pairs, top_pairs
from yindi.spatial.build import great_circle


@pytest.fixture()
def rng() -> np.random.Generator:
    return np.random.default_rng(20261130)


W = np.array([0.3, 0.15, 0.2, 0.15, 0.1, 0.1])
TOL = 1e-9  # both sides are float64 sums of at most six terms


def _as_lists(tp, rows):  # type: ignore[no-untyped-def]
    return {
        s: [(int(c), float(x)) for c, x in zip(tp.partner[s], tp.score[s], strict=True) if c >= 0]
        for s in rows
    }


@pytest.mark.parametrize(
    ("m", "industry", "chunk", "k"),
    [(0, False, 7, 5), (6, False, 16, 10), (0, True, 64, 3), (4, False, 1000, 200)],
)
def test_top_pairs_equal_plain_loop(
    rng: np.random.Generator, m: int, industry: bool, chunk: int, k: int
) -> None:

    inp = random_pair_inputs(rng, 60, m, industry=industry)
    got = _as_lists(top_pairs(inp, W, k, chunk=chunk, distance_scale_km=800.0), range(60))
    ref = plain_top_pairs(inp, W, k, distance_scale_km=800.0)
    for s in range(60):
        assert [c for c, _ in got[s]] == [c for c, _ in ref[s]], s
        np.testing.assert_allclose([x for _, x in got[s]], [x for _, x in ref[s]], rtol=TOL, atol=TOL)


def test_top_by_carrier_equals_brute_force(rng: np.random.Generator) -> None:
    inp = random_pair_inputs(rng, 40, 5)
    tp = top_pairs(inp, W, 4, by="carrier", chunk=9)
    s, c = np.arange(40)[:, None], np.arange(40)[None, :]
    full = combine(pair_parts(inp, s, c, distance_scale_km=1000.0, block=True), W)
    for car in range(40):
        ok = [q for q in range(40) if q != car and inp.source_ok[q] and inp.carrier_ok[car]]
        best = sorted(ok, key=lambda q: (-full[q, car], q))[:4]
        assert [int(x) for x in tp.partner[car] if x >= 0] == best


def test_parts_hand_computed() -> None:
    # 北京 (116.4, 39.9) and 天津 (117.2, 39.1); both in 京津冀 only (bit 0); 天津 also in a second group (bit 1)
    inp = PairInputs(
        creation=np.array([0.9, 0.6]),
        absorption=np.array([0.2, 0.7]),
        endowment=np.array([0.1, 0.4]),
        lonlat=np.array([[116.4, 39.9], [117.2, 39.1]]),
        strategic=np.array([0b01, 0b11], dtype=np.uint64),
        source_ok=np.array([True, True]),
        carrier_ok=np.array([True, True]),
        capability=np.array([[1.0, 0.0, 0.5], [0.4, 0.9, np.nan]]),
    )
    p = pair_parts(inp, np.array([0]), np.array([1]), distance_scale_km=1000.0)
    d = great_circle(inp.lonlat)[0, 1]
    assert p["knowledge_gap"][0] == pytest.approx(0.3)
    assert p["base_fit"][0] == pytest.approx(
        (1.0 * 0.4 + 0.0 * 0.9) / (1.0 + 0.0)
    )  # industry 3 missing for 天津
    assert p["absorptive_capacity"][0] == pytest.approx(0.7)
    assert p["distance_km"][0] == pytest.approx(d, rel=1e-12)
    assert p["distance_decay"][0] == pytest.approx(math.exp(-d / 1000.0))
    assert p["strategic_link"][0] == pytest.approx(0.5)  # {0} ∩ {0, 1} / {0, 1}
    assert p["complementarity"][0] == pytest.approx(0.3)
    score = combine(p, W)[0]
    assert score == pytest.approx(sum(w * p[k][0] for w, k in zip(W, PARTS, strict=True)))


def test_missing_base_contributes_nothing() -> None:
    parts = {k: np.array([0.5]) for k in PARTS}
    parts["base_fit"] = np.array([np.nan])
    assert combine(parts, W)[0] == pytest.approx(0.5 * (W.sum() - W[1]))


def test_fewer_eligible_partners_than_k(rng: np.random.Generator) -> None:
    inp = random_pair_inputs(rng, 10)
    inp = PairInputs(**{**inp.__dict__, "carrier_ok": np.arange(10) < 3, "source_ok": np.ones(10, bool)})
    tp = top_pairs(inp, W, 5)
    assert (tp.partner[5] >= 0).sum() == 3 and np.isneginf(tp.score[5, 3:]).all()
    assert (tp.partner[0] >= 0).sum() == 2  # itself excluded
