"""Properties of the pair score (Hypothesis).

- The score is monotone (non-decreasing) in each part, with slope equal to the part's weight.
- Swapping source and carrier changes the sign of the knowledge gap and of the complementarity.
- Distance decay and the strategic link are symmetric; the decay lies in (0, 1] and falls with distance.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from yindi.coordinate._pair_kernel import PARTS, PairInputs, combine, pair_parts

unit = st.floats(0.0, 1.0, allow_nan=False)
weights = st.lists(st.floats(0.0, 5.0, allow_nan=False), min_size=6, max_size=6)


@st.composite
def inputs(draw: st.DrawFn) -> PairInputs:
    n = draw(st.integers(2, 8))
    arr = lambda lo, hi: np.array(draw(st.lists(st.floats(lo, hi), min_size=n, max_size=n)))  # noqa: E731
    return PairInputs(
        creation=arr(0, 1),
        absorption=arr(0, 1),
        endowment=arr(0, 1),
        lonlat=np.column_stack([arr(73, 135), arr(18, 53)]),
        strategic=np.array(draw(st.lists(st.integers(0, 63), min_size=n, max_size=n)), dtype=np.uint64),
        source_ok=np.ones(n, bool),
        carrier_ok=np.ones(n, bool),
        capability=np.array(draw(st.lists(st.lists(unit, min_size=3, max_size=3), min_size=n, max_size=n))),
    )


@given(st.lists(unit, min_size=6, max_size=6), weights, st.integers(0, 5), st.floats(0.0, 1.0))
def test_score_monotone_in_each_part(values: list[float], w: list[float], k: int, delta: float) -> None:
    parts = {name: np.array([v]) for name, v in zip(PARTS, values, strict=True)}
    before = combine(parts, np.array(w))[0]
    parts[PARTS[k]] = parts[PARTS[k]] + delta
    after = combine(parts, np.array(w))[0]
    assert after >= before - 1e-12
    np.testing.assert_allclose(after - before, w[k] * delta, atol=1e-9)


@settings(max_examples=60)
@given(inputs())
def test_swap_antisymmetry_and_symmetry(inp: PairInputs) -> None:
    n = inp.n
    s, c = np.arange(n)[:, None], np.arange(n)[None, :]
    p = pair_parts(inp, s, c, distance_scale_km=1000.0, block=True)
    q = pair_parts(inp, c.T, s.T, distance_scale_km=1000.0, block=True)  # roles swapped, same layout
    np.testing.assert_allclose(p["knowledge_gap"], -q["knowledge_gap"].T, atol=1e-12)
    np.testing.assert_allclose(p["knowledge_gap"], -p["knowledge_gap"].T, atol=1e-12)
    np.testing.assert_allclose(p["complementarity"], -p["complementarity"].T, atol=1e-12)
    np.testing.assert_allclose(p["distance_decay"], p["distance_decay"].T, rtol=1e-9)
    np.testing.assert_allclose(p["strategic_link"], p["strategic_link"].T)
    assert np.all((p["distance_decay"] > 0) & (p["distance_decay"] <= 1.0 + 1e-12))
    order = np.argsort(p["distance_km"], axis=None)
    decay = p["distance_decay"].ravel()[order]
    assert np.all(np.diff(decay) <= 1e-12)
