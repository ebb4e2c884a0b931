"""Data-driven regional types: k-means or Ward clustering of standardised indicators, with k chosen by the
mean silhouette; and the peer-region finder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi._typing import FloatArray, IntArray, Lang
from yindi.data.panel import Panel
from yindi.errors import MissingDataError, ParameterError, check_option
from yindi.index.presets import DEFAULT_PRESET, Preset, load_preset, preset_values
from yindi.regions import resolve
from yindi.typology._kmeans import distances, kmeans_runs, prepare

ClusterMethod = Literal["kmeans", "ward"]


def silhouette(Z: FloatArray, labels: IntArray) -> FloatArray:
    """Silhouette width of each row (Rousseeuw 1987); shape (n,).

    :math:`s_i = (b_i - a_i)/\\max(a_i, b_i)` with :math:`a_i` the mean Euclidean distance to the other members
    of i's cluster and :math:`b_i` the smallest mean distance to another cluster; 0 for singletons.

    References
    ----------
    Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and validation of cluster
    analysis. *J. Comput. Appl. Math.* 20: 53–65.
    """
    D = distances(Z, Z)
    ks = np.unique(labels)
    if ks.size < 2:
        return np.zeros(len(Z))
    M = np.stack([D[:, labels == k].sum(axis=1) for k in ks], axis=1)
    sizes = np.array([(labels == k).sum() for k in ks], dtype=float)
    own = np.searchsorted(ks, labels)
    n_own = sizes[own]
    a = np.where(n_own > 1, M[np.arange(len(Z)), own] / np.maximum(n_own - 1, 1), 0.0)
    mean_other = M / sizes
    mean_other[np.arange(len(Z)), own] = np.inf
    b = mean_other.min(axis=1)
    s = np.where(n_own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return np.asarray(s)


def _kmeans(Z: FloatArray, k: int, seed: int, n_init: int = 20) -> IntArray:
    rng = np.random.default_rng(seed)
    best: tuple[float, IntArray] | None = None
    # the runs of scipy.cluster.vq.kmeans2(Z, k, minit="++", seed=rng), n_init times in a row
    for cent, lab in kmeans_runs(prepare(Z), k, rng, n_init):
        if np.unique(lab).size < k:
            continue
        inertia = float(((Z - cent[lab]) ** 2).sum())
        if best is None or inertia < best[0] - 1e-12:
            best = (inertia, lab.astype(np.int64))
    if best is None:
        raise ParameterError(
            f"k-means could not form {k} non-empty clusters; choose a smaller k.",
            zh=f"k-means 无法形成 {k} 个非空的类；请选较小的 k。",
        )
    return best[1]


def _cluster(Z: FloatArray, k: int, method: str, seed: int) -> IntArray:
    if method == "kmeans":
        lab = _kmeans(Z, k, seed)
    else:
        from scipy.cluster.hierarchy import fcluster, linkage

        lab = fcluster(linkage(Z, method="ward"), t=k, criterion="maxclust").astype(np.int64) - 1
    # relabel so that cluster 1 has the highest mean standardised value (a stable, meaningful order)
    means = np.array([Z[lab == c].mean() for c in range(int(lab.max()) + 1)])
    order = np.argsort(-means)
    remap = np.empty_like(order)
    remap[order] = np.arange(order.size)
    return np.asarray(remap[lab], dtype=np.int64)


def _standardised(
    panel: Panel, year: int, indicators: Sequence[str] | str | Path | Preset | None
) -> tuple[pd.DataFrame, FloatArray]:
    codes = [c for c in panel.region_codes if c != NATION_CODE]
    sub = panel.select(regions=codes)
    if indicators is None or (
        isinstance(indicators, (str, Path, Preset))
        and not (isinstance(indicators, str) and indicators in sub.indicators)
    ):
        preset = load_preset(DEFAULT_PRESET if indicators is None else indicators)
        table = preset_values(sub, preset, [int(year)]).droplevel("year")
        table = table * preset.directions  # larger = better in every column
    else:
        ids = [indicators] if isinstance(indicators, str) else list(indicators)
        table = sub.cross_section(int(year), ids)
    if table.empty or table.isna().all().all():
        have = panel.years()
        span = f"{have[0]}–{have[-1]}" if have else "none"
        raise MissingDataError(
            f"Clustering: no values in {year} for the clustering indicators (the data hold values for {span}). "
            "Choose a year with complete data with --year.",
            zh=f"聚类：{year} 年没有聚类所用指标的数据（数据覆盖 {span}）。请用 --year 选择数据完整的年份。",
        )
    if table.isna().any().any():
        bad = table.columns[table.isna().any()].tolist()
        raise MissingDataError(
            f"Clustering needs complete data; {year} lacks values for {', '.join(bad)}.",
            zh=f"聚类需要完整数据；{year} 年缺少 {'、'.join(bad)} 的数值。",
        )
    X = table.to_numpy(dtype=float)
    sd = X.std(axis=0, ddof=1)
    keep = sd > 0
    Z = (X[:, keep] - X[:, keep].mean(axis=0)) / sd[keep]
    return table, np.asarray(Z)


@dataclass(frozen=True)
class ClusterResult:
    """Result of :func:`cluster_regions`.

    Attributes
    ----------
    labels : DataFrame
        ``region_code, region, cluster`` (clusters numbered 1..k, 1 = highest mean standardised value).
    selection : DataFrame
        Mean silhouette for each k tried (``k, silhouette``); the chosen k has the largest.
    profile : DataFrame
        Mean standardised value of each indicator per cluster (rows: cluster).
    k : int
    method : str
    year : int or None
        The year the regions were clustered on.
    """

    labels: pd.DataFrame
    selection: pd.DataFrame
    profile: pd.DataFrame
    k: int
    method: str
    year: int | None = None

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` ``cluster`` (its number, 1..k) per region in :attr:`year`."""
        from yindi.schema import tidy

        frame = self.labels[["region_code", "cluster"]].rename(columns={"cluster": "value"})
        return tidy(frame.assign(measure="cluster", year=self.year), lang=lang)

    def summary(self) -> str:
        sil = dict(zip(self.selection["k"], self.selection["silhouette"], strict=True))[self.k]
        lines = [f"{self.method}, k = {self.k} (mean silhouette {sil:.3f})"]
        for c, g in self.labels.groupby("cluster"):
            lines.append(f"  {c}: {', '.join(g['region'])}")
        return "\n".join(lines)


def cluster_regions(
    panel: Panel,
    year: int = 2023,
    *,
    indicators: Sequence[str] | str | Path | Preset | None = None,
    method: ClusterMethod = "kmeans",
    k: int | None = None,
    k_range: tuple[int, int] = (2, 8),
    seed: int = 0,
) -> ClusterResult:
    """Cluster regions on standardised indicators (z-scores).

    Parameters
    ----------
    indicators : list of panel indicator ids, a preset name/path, or None
        Default: the indicators of the default index preset (per-capita and per-GDP ratios, so that size does
        not drive the clusters), with negative indicators sign-flipped.
    method : {'kmeans', 'ward'}, default 'kmeans'
        k-means (best of 20 k-means++ starts, seeded) or Ward's hierarchical clustering (deterministic).
    k : int, optional
        Number of clusters; by default the k in ``k_range`` with the largest mean silhouette (Rousseeuw 1987),
        the usual criterion when no external labels exist. The table of silhouettes is in ``selection``.
    """
    check_option("method", method, get_args(ClusterMethod), where="cluster_regions()")
    table, Z = _standardised(panel, year, indicators)
    n = len(table)
    lo, hi = (k, k) if k is not None else k_range
    if lo < 2 or hi > n - 1 or lo > hi:
        raise ParameterError(
            f"cluster_regions(): k must lie in [2, {n - 1}] for {n} regions. Got {k if k else k_range}.",
            zh=f"cluster_regions()：{n} 个地区时 k 须在 [2, {n - 1}] 内，收到的是 {k if k else k_range}。",
        )
    sel = []
    labs: dict[int, IntArray] = {}
    for kk in range(lo, hi + 1):
        labs[kk] = _cluster(Z, kk, method, seed)
        sel.append((kk, float(silhouette(Z, labs[kk]).mean())))
    selection = pd.DataFrame(sel, columns=["k", "silhouette"])
    best = sel[int(np.argmax([v for _, v in sel]))][0] if k is None else k
    lab = labs[best] + 1
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    labels = pd.DataFrame(
        {"region_code": table.index, "region": [names.get(c, c) for c in table.index], "cluster": lab}
    )
    zt = pd.DataFrame(Z, index=table.index, columns=table.columns[table.to_numpy().std(axis=0, ddof=1) > 0])
    profile = zt.groupby(lab).mean()
    profile.index.name = "cluster"
    return ClusterResult(
        labels.sort_values(["cluster", "region_code"]).reset_index(drop=True),
        selection,
        profile,
        best,
        method,
        int(year),
    )


def peer_regions(
    panel: Panel,
    region: str,
    year: int = 2023,
    *,
    indicators: Sequence[str] | str | Path | Preset | None = None,
    n: int = 5,
) -> pd.DataFrame:
    """The ``n`` regions most like ``region`` (Euclidean distance of z-scores on the chosen indicators).

    Returns
    -------
    DataFrame
        ``rank, region_code, region, distance`` plus the z-score gap (peer − region) of each indicator, nearest
        first. ``region`` accepts any name the registry resolves ("安徽", "Anhui", "340000").
    """
    code = resolve(region).adcode
    table, Z = _standardised(panel, year, indicators)
    if code not in table.index:
        raise ParameterError(
            f"peer_regions(): {region!r} ({code}) has no data in {year}.",
            zh=f"peer_regions()：{region!r}（{code}）在 {year} 年没有数据。",
        )
    if not 1 <= n < len(table):
        raise ParameterError(
            f"peer_regions(): n must be between 1 and {len(table) - 1}. Got {n}.",
            zh=f"peer_regions()：n 须在 1 到 {len(table) - 1} 之间，收到的是 {n}。",
        )
    i = list(table.index).index(code)
    d = np.sqrt(((Z - Z[i]) ** 2).sum(axis=1))
    d[i] = np.inf
    near = np.argsort(d, kind="stable")[:n]
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    cols = table.columns[table.to_numpy().std(axis=0, ddof=1) > 0]
    out = pd.DataFrame(
        {
            "rank": np.arange(1, n + 1),
            "region_code": table.index[near],
            "region": [names.get(c, c) for c in table.index[near]],
            "distance": d[near],
        }
    )
    gaps = pd.DataFrame(Z[near] - Z[i], columns=[f"gap_{c}" for c in cols])
    return pd.concat([out, gaps], axis=1)
