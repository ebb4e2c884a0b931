"""Homogeneity kernels against scipy.spatial.distance, the homogeneity result on a hand-computed case, and
the stated-vs-capable gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _fixtures import extractor  # noqa: F401  (pytest fixtures)
from scipy.spatial.distance import cdist

from yindi.errors import DataValidationError
from yindi.schema import check_schema
from yindi.text._similarity import mean_offdiagonal, pairwise_cosine, pairwise_jaccard
from yindi.text.documents import Document
from yindi.text.homogeneity import capability_gaps, homogeneity


def test_kernels_match_scipy() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 5, size=(12, 9)).astype(float)
    x[3] = 0.0  # a region with no stated industry
    nz = np.abs(x).sum(axis=1) > 0
    cos = pairwise_cosine(x)
    ref = 1 - cdist(x[nz], x[nz], "cosine")
    assert np.allclose(cos[np.ix_(nz, nz)], ref)
    assert np.all(cos[3] == 0) and np.all(cos[:, 3] == 0)
    jac = pairwise_jaccard(x)
    b = x > 0
    ref_j = 1 - cdist(b[nz], b[nz], "jaccard")
    assert np.allclose(jac[np.ix_(nz, nz)], ref_j)
    assert mean_offdiagonal(np.eye(1)) != mean_offdiagonal(np.eye(1))  # NaN for one region


def _doc(name: str, region: str, text: str) -> Document:
    return Document(name, name, text, region, 2025)


def test_homogeneity_hand_computed(extractor) -> None:  # type: ignore[no-untyped-def]
    docs = [
        _doc("js", "320000", "打造集成电路产业集群，积极发展低空经济。"),  # sei_ic 4, sei_lowalt 2
        _doc("zj", "330000", "打造集成电路产业集群，前瞻布局量子科技。"),  # sei_ic 4, fut_quantum 1
        _doc("ah", "340000", "前瞻布局量子科技。"),  # fut_quantum 1
    ]
    h = homogeneity(extractor.extract(docs))
    assert list(h.matrix.columns) == ["fut_quantum", "sei_ic", "sei_lowalt"]
    # vectors (quantum, ic, lowalt): js (0,4,2), zj (1,4,0), ah (1,0,0)
    cos_js_zj = 16 / (np.sqrt(20) * np.sqrt(17))
    cos_zj_ah = 1 / np.sqrt(17)
    assert h.cosine.loc["320000", "330000"] == pytest.approx(cos_js_zj)
    assert h.cosine.loc["330000", "340000"] == pytest.approx(cos_zj_ah)
    assert h.cosine.loc["320000", "340000"] == 0
    assert h.jaccard.loc["320000", "330000"] == pytest.approx(1 / 3)
    assert h.jaccard.loc["330000", "340000"] == pytest.approx(1 / 2)
    assert h.overall["mean_cosine"] == pytest.approx((cos_js_zj + cos_zj_ah) / 3)
    assert h.overall["mean_jaccard"] == pytest.approx((1 / 3 + 1 / 2) / 3)
    common = h.common.set_index("industry_id")["regions"].to_dict()
    assert common == {"fut_quantum": 2, "sei_ic": 2, "sei_lowalt": 1}
    check_schema(h.to_frame())
    assert "3 个地区" in h.summary() and "mean pairwise cosine 0.370" in h.summary("en")
    pairs = h.pairs()
    assert list(pairs["region_a"]) == ["江苏", "江苏", "浙江"]


def test_inherited_sentences_can_be_left_out(extractor) -> None:  # type: ignore[no-untyped-def]
    from yindi.text.pipeline import extract_priorities

    central = [Document("国家", "国家", "培育生物制造、量子科技、具身智能等未来产业。", "100000", 2025)]
    docs = [
        _doc("js", "320000", "培育生物制造、量子科技、具身智能等未来产业。打造集成电路产业集群。"),
        _doc("zj", "330000", "培育生物制造、量子科技、具身智能等未来产业。积极发展低空经济。"),
    ]
    result = extract_priorities(docs, central=central, extractor=extractor)
    with_copy = homogeneity(result).overall["mean_jaccard"]
    own = homogeneity(result, exclude_inherited=True).overall["mean_jaccard"]
    assert with_copy == pytest.approx(3 / 5)  # 3 shared of 5 named
    assert own == 0.0  # their own choices differ
    assert result.mentions.groupby("industry_id")["inherited"].all().to_dict()["fut_quantum"]


def test_gaps() -> None:
    amb = pd.DataFrame(
        {
            "region_code": ["320000", "320000", "340000"],
            "industry_id": ["sei_ic", "fut_quantum", "fut_quantum"],
        }
    )
    cap = pd.DataFrame(
        {
            "region_code": ["320000", "320000", "340000", "340000"],
            "industry_id": ["sei_ic", "fut_quantum", "gbt31", "sei_ai"],
            "capable": ["true", "0", "1", "false"],
        }
    )
    g = capability_gaps(amb, cap)
    status = {(r.region_code, r.industry_id): r.status for r in g.itertuples()}
    assert status == {
        ("320000", "sei_ic"): "stated_with_base",
        ("320000", "fut_quantum"): "stated_without_base",
        ("340000", "fut_quantum"): "stated_no_evidence",
        ("340000", "gbt31"): "base_not_stated",
    }
    assert set(g["region"]) == {"江苏", "安徽"}


def test_gaps_bad_capability_cells() -> None:
    amb = pd.DataFrame({"region_code": ["320000"], "industry_id": ["sei_ic"]})
    with pytest.raises(DataValidationError, match="row 3, column 'capable'"):
        capability_gaps(
            amb,
            pd.DataFrame({"region_code": ["1", "2"], "industry_id": ["a", "b"], "capable": ["1", "maybe"]}),
        )
    with pytest.raises(DataValidationError, match="more than once"):
        capability_gaps(
            amb, pd.DataFrame({"region_code": ["1", "1"], "industry_id": ["a", "a"], "capable": ["1", "0"]})
        )
    with pytest.raises(DataValidationError, match="missing"):
        capability_gaps(amb, pd.DataFrame({"region_code": ["1"]}))
