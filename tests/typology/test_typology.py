"""Regional types: the source-003 rule on real data, clustering against scikit-learn, peer regions."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_samples

from yindi.errors import ParameterError
from yindi.typology import compare_with_source, peer_regions, silhouette, stage_types
from yindi.typology.clusters import _cluster, _standardised, cluster_regions

# silhouette: same formula as scikit-learn, rounding only
ATOL = 1e-12


def test_source_003_figure_is_reproduced_by_2022_intensities(panel) -> None:  # type: ignore[no-untyped-def]
    # 003 §2.2 reports I 2 (北京, 上海), II 4 (广东, 江苏, 浙江, 天津), III 9, IV 16 and says "2023"; the
    # published 2022 intensities give exactly these groups, with every type-IV region below 100,000 元.
    t = stage_types(panel, 2022)
    cmp = compare_with_source(t).set_index("type")
    assert (cmp["regions"] == cmp["source_003"]).all()
    assert cmp.loc["I", "named_regions_agree"] == "yes" and cmp.loc["II", "named_regions_agree"] == "yes"
    assert (t.loc[t["type"] == "IV", "gdp_per_capita"] < 100_000).all()
    assert (t["note"] == "").all()
    # 河北 2022 is exactly 2.00 %: not "> 2 %", so type IV
    assert t.set_index("region").loc["河北", "type"] == "IV"


def test_2023_published_intensities_differ_from_source(panel) -> None:  # type: ignore[no-untyped-def]
    t = stage_types(panel, 2023, lang="en")
    counts = t["type"].value_counts().to_dict()
    assert counts == {"I": 2, "II": 4, "III": 11, "IV": 14}
    by = t.set_index("region")
    assert by.loc["河北", "type"] == "III" and by.loc["河南", "type"] == "III"  # 2.08 %, 2.05 %
    assert by.loc["北京", "rd_intensity"] == pytest.approx(6.73)  # the figure the source quotes
    assert "outside the source's type-IV description" in by.loc["内蒙古", "note"]  # GDP/cap 104,317
    assert "超出文献对 IV 类的描述" in stage_types(panel, 2023).set_index("region").loc["内蒙古", "note"]
    strict = stage_types(panel, 2023, gdp_rule="strict").set_index("region")
    assert strict.loc["内蒙古", "type"] == "unclassified"
    # recomputing R&D / revised GDP also yields 9 type-III and 16 type-IV regions
    rc = stage_types(panel, 2023, intensity="recomputed")["type"].value_counts()
    assert rc["III"] == 9 and rc["IV"] == 16


def test_rule_parameters_and_errors(panel) -> None:  # type: ignore[no-untyped-def]
    t = stage_types(panel, 2023, thresholds=(5.0, 2.5, 1.5))
    assert t.set_index("region").loc["上海", "type"] == "II"
    assert "R&D 4.34% ≤ 5%" in t.set_index("region").loc["上海", "rule"]
    with pytest.raises(ParameterError, match="decrease"):
        stage_types(panel, 2023, thresholds=(2.0, 3.0, 4.0))
    with pytest.raises(ParameterError, match="gdp_rule"):
        stage_types(panel, 2023, gdp_rule="drop")  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(3))
def test_silhouette_matches_sklearn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    Z = rng.normal(size=(40, 4))
    lab = rng.integers(0, 4, size=40)
    lab[:4] = [0, 1, 2, 3]
    np.testing.assert_allclose(silhouette(Z, lab), silhouette_samples(Z, lab), atol=ATOL)


@pytest.mark.parametrize("method", ["kmeans", "ward"])
def test_clusters_recover_separated_groups_like_sklearn(method: str) -> None:
    rng = np.random.default_rng(5)
    centres = np.array([[0, 0, 0], [8, 8, 0], [0, 8, 8]], dtype=float)
    truth = np.repeat([0, 1, 2], 15)
    Z = centres[truth] + rng.normal(scale=0.5, size=(45, 3))
    ours = _cluster(Z, 3, method, seed=0)
    ref = KMeans(3, n_init=10, random_state=0).fit_predict(Z)
    assert adjusted_rand_score(ours, ref) == pytest.approx(1.0)
    assert adjusted_rand_score(ours, truth) == pytest.approx(1.0)


def test_cluster_regions_on_real_data(panel) -> None:  # type: ignore[no-untyped-def]
    res = cluster_regions(panel, 2023, seed=1)
    assert res.k == int(res.selection.loc[res.selection["silhouette"].idxmax(), "k"])
    assert len(res.labels) == 31 and res.labels["cluster"].min() == 1
    top = res.labels.set_index("region")["cluster"]
    assert top["北京"] == 1  # cluster 1 has the highest mean standardised value
    again = cluster_regions(panel, 2023, seed=1)
    assert again.labels.equals(res.labels)
    four = cluster_regions(panel, 2023, method="ward", k=4)
    assert four.k == 4 and four.labels["cluster"].nunique() == 4


def test_peer_regions_are_nearest_in_z_space(panel) -> None:  # type: ignore[no-untyped-def]
    peers = peer_regions(panel, "Anhui", 2023, n=5)
    assert len(peers) == 5 and "340000" not in set(peers["region_code"])
    table, Z = _standardised(panel, 2023, None)
    i = list(table.index).index("340000")
    d = np.sqrt(((Z - Z[i]) ** 2).sum(axis=1))
    expect = [table.index[j] for j in np.argsort(d) if j != i][:5]
    assert peers["region_code"].tolist() == expect
    assert peers["distance"].is_monotonic_increasing
    own = peer_regions(panel, "安徽", 2023, indicators=["rd_intensity", "gdp_per_capita"], n=3)
    assert own.shape[0] == 3
    with pytest.raises(ParameterError):
        peer_regions(panel, "安徽", 2023, n=40)
