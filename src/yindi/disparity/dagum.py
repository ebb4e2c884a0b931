"""Dagum Gini decomposition: within-group, net between-group and transvariation parts, with bootstrap CIs.

Dagum 基尼系数及其分解：区域内差异、区域间净值差异与超变密度，自助法置信区间。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._typing import Lang
from yindi.disparity._dagum import DagumParts, dagum_counts_kernel, dagum_kernel
from yindi.disparity._input import as_series, clean, group_codes
from yindi.disparity._options import MissingPolicy
from yindi.errors import DataValidationError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

#: Key and companion columns of a Dagum result frame, after the schema columns.
DAGUM_KEYS = ("component", "group_a", "group_b", "share", "ci_low", "ci_high")

COMPONENTS = ("total", "within", "between", "transvariation")


@dataclass(frozen=True)
class DagumResult:
    """Dagum (1997) decomposition ``G = G_w + G_nb + G_t``.

    Attributes
    ----------
    total, within, between, transvariation : float
        ``G``, ``G_w``, ``G_nb``, ``G_t``.
    groups : tuple of str
        Group labels in the order of the matrices (ascending group mean, as Dagum orders them).
    pairs : DataFrame, shape (k, k)
        ``G_jj`` on the diagonal (within-group Gini), ``G_jh`` off it (between-group Gini).
    relative_ecd : DataFrame, shape (k, k)
        ``D_jh``, the relative economic affluence between groups.
    means, sizes : dict group → float / int
    ci : dict component → (low, high)
        Percentile bootstrap intervals (empty without bootstrap); pair entries keyed ``"G[a|b]"``.
    bootstrap : int
    dropped : tuple of str
    """

    total: float
    within: float
    between: float
    transvariation: float
    groups: tuple[str, ...]
    pairs: pd.DataFrame
    relative_ecd: pd.DataFrame
    means: dict[str, float]
    sizes: dict[str, int]
    ci: dict[str, tuple[float, float]] = field(default_factory=dict)
    bootstrap: int = 0
    level: float = 0.95
    dropped: tuple[str, ...] = ()

    @property
    def contributions(self) -> dict[str, float]:
        """Shares of ``G`` from the within, net between and transvariation parts."""
        return {c: getattr(self, c) / self.total for c in COMPONENTS[1:]}

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level, no year): ``measure`` ``gini``; keys ``component, group_a, group_b`` and
        the companions ``share, ci_low, ci_high``.

        Components: ``total``, ``within``, ``between``, ``transvariation`` (groups empty),
        ``gini_within`` (``G_jj``, one group) and ``gini_between`` (``G_jh``, two groups).
        """
        from yindi.schema import national

        return national(self._parts().assign(measure="gini"), keys=DAGUM_KEYS, lang=lang)

    def _parts(self) -> pd.DataFrame:
        """``component, group_a, group_b, value, share, ci_low, ci_high`` (one row per part)."""
        import pandas as pd

        rows: list[tuple[str, str, str, float]] = [(c, "", "", float(getattr(self, c))) for c in COMPONENTS]
        for i, a in enumerate(self.groups):
            rows.append(("gini_within", a, "", float(self.pairs.to_numpy()[i, i])))
        for i, a in enumerate(self.groups):
            for j, b in enumerate(self.groups[i + 1 :], start=i + 1):
                rows.append(("gini_between", a, b, float(self.pairs.to_numpy()[i, j])))
        df = pd.DataFrame(rows, columns=["component", "group_a", "group_b", "value"])
        df["share"] = [
            v / self.total if c in COMPONENTS else np.nan
            for c, v in zip(df["component"], df["value"], strict=True)
        ]
        keys = [
            _ci_key(c, a, b) for c, a, b in zip(df["component"], df["group_a"], df["group_b"], strict=True)
        ]
        df["ci_low"] = [self.ci.get(k, (np.nan, np.nan))[0] for k in keys]
        df["ci_high"] = [self.ci.get(k, (np.nan, np.nan))[1] for k in keys]
        return df

    def summary(self) -> str:
        c = self.contributions
        lines = [
            f"Dagum Gini G = {self.total:.4f}: within {self.within:.4f} ({c['within']:.1%}), "
            f"net between {self.between:.4f} ({c['between']:.1%}), transvariation {self.transvariation:.4f} "
            f"({c['transvariation']:.1%}); {sum(self.sizes.values())} units in {len(self.groups)} groups"
        ]
        if self.ci:
            lo, hi = self.ci["total"]
            lines.append(
                f"{self.level:.0%} bootstrap interval of G ({self.bootstrap} replicates): [{lo:.4f}, {hi:.4f}]"
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def _ci_key(component: str, a: str, b: str) -> str:
    if component == "gini_within":
        return f"G[{a}]"
    if component == "gini_between":
        return f"G[{a}|{b}]"
    return component


def bootstrap_parts(
    y: Any, g: Any, k: int, replicates: int, seed: int | None, chunk: int = 250
) -> DagumParts:
    """Dagum parts of ``replicates`` stratified bootstrap samples of ``(y, g)``.

    Each group is resampled with replacement within itself (group sizes fixed): a replicate is a vector of
    multinomial counts over the units of each group, fed to :func:`dagum_counts_kernel` in chunks.
    """
    rng = np.random.default_rng(seed)
    members = [np.flatnonzero(g == j) for j in range(k)]
    pieces = []
    for start in range(0, replicates, chunk):
        b = min(chunk, replicates - start)
        m = np.zeros((b, y.size))
        for idx in members:
            draws = rng.integers(0, idx.size, size=(b, idx.size)) + np.arange(b)[:, None] * idx.size
            m[:, idx] = np.bincount(draws.ravel(), minlength=b * idx.size).reshape(b, idx.size)
        pieces.append(dagum_counts_kernel(y, g, m, k))
    return DagumParts(
        *(np.concatenate([getattr(p, f) for p in pieces]) for f in DagumParts.__dataclass_fields__)
    )


def dagum(
    values: Any,
    groups: Any,
    *,
    bootstrap: int = 0,
    level: float = 0.95,
    seed: int | None = None,
    missing: MissingPolicy = "error",
) -> DagumResult:
    """Dagum Gini decomposition of ``values`` by ``groups``.

    Parameters
    ----------
    values : mapping/Series (adcode → value) or array
        Non-negative values (per-capita GDP, an index score, R&D intensity...).
    groups : str, mapping or sequence
        A grouping id (``"nbs4"``, ``"three_belts"``), a mapping label → group, or one group per value.
    bootstrap : int
        Replicates for percentile confidence intervals (0: none). Units are resampled within their group,
        so group sizes stay fixed.
    level : float
        Confidence level of the intervals.
    seed : int, optional
    missing : {"error", "drop"}

    Returns
    -------
    DagumResult

    Notes
    -----
    ``G = Σ_j Σ_h Σ_i Σ_r |y_ji − y_hr| / (2 n² ȳ)``; ``G_jj = Σ_i Σ_r |y_ji − y_jr| / (2 n_j² ȳ_j)``;
    ``G_jh = Σ_i Σ_r |y_ji − y_hr| / (n_j n_h (ȳ_j + ȳ_h))``; with ``p_j = n_j / n``,
    ``s_j = n_j ȳ_j / (n ȳ)`` and ``D_jh = (d_jh − p_jh) / (d_jh + p_jh)``:
    ``G_w = Σ_j G_jj p_j s_j``, ``G_nb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh``,
    ``G_t = Σ_{j>h} G_jh (p_j s_h + p_h s_j)(1 − D_jh)``. Exact, in O(n log n + n k) (see ``_dagum``).

    References
    ----------
    Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality ratio.
    *Empirical Economics* 22, 515–531. doi:10.1007/BF01205777

    Examples
    --------
    >>> from yindi.disparity import dagum
    >>> r = dagum([1, 2, 3, 4, 5, 6], ["a", "a", "a", "b", "b", "b"])
    >>> round(r.total, 4), round(r.within + r.between + r.transvariation, 4)
    (0.2778, 0.2778)
    """
    where = "dagum()"
    if not isinstance(bootstrap, int) or bootstrap < 0:
        raise ParameterError(
            f"The 'bootstrap' parameter of dagum() must be an integer ≥ 0. Got {bootstrap!r}.",
            zh=f"dagum() 的参数 'bootstrap' 须为 ≥ 0 的整数，收到的是 {bootstrap!r}。",
        )
    from yindi import limits

    limits.check("max_bootstrap", bootstrap, where, what="bootstrap draws", what_zh="自助抽样次数")
    if not 0 < level < 1:
        raise ParameterError(
            f"The 'level' parameter of dagum() must be in (0, 1). Got {level!r}.",
            zh=f"dagum() 的参数 'level' 须在 (0, 1) 内，收到的是 {level!r}。",
        )
    labels, vals = as_series(values, where)
    names, of = group_codes(groups, labels, where)
    keep, dropped = clean(labels, vals, of, missing, where)
    if len(names) < 2:
        raise DataValidationError(
            f"{where} needs at least two groups; got {list(names)}.",
            zh=f"{where} 至少需要两个分组，收到的是 {list(names)}。",
        )
    y = vals[keep]
    gl = [of[i] for i in keep]
    means = {n: float(np.mean([v for v, g in zip(y, gl, strict=True) if g == n])) for n in names}
    empty = [n for n in names if np.isnan(means[n])]
    if empty:
        raise DataValidationError(
            f"{where}: group(s) {empty} have no units with values.",
            zh=f"{where}：分组 {empty} 中没有有数值的单元。",
        )
    order = tuple(sorted(names, key=lambda n: (means[n], n)))
    g = np.array([order.index(x) for x in gl], dtype=np.int64)
    k = len(order)
    parts = dagum_kernel(y[None, :], g[None, :], k)
    import pandas as pd

    pairs = pd.DataFrame(parts.gini_pairs[0], index=list(order), columns=list(order))
    rel = pd.DataFrame(parts.relative_ecd[0], index=list(order), columns=list(order))
    ci: dict[str, tuple[float, float]] = {}
    if bootstrap:
        if np.bincount(g, minlength=k).min() < 2:
            raise DataValidationError(
                f"{where}: bootstrap needs at least two units in every group.",
                zh=f"{where}：自助法（bootstrap）要求每个分组至少有两个单元。",
            )
        bs = bootstrap_parts(y, g, k, bootstrap, seed)
        q = [(1 - level) / 2 * 100, (1 + level) / 2 * 100]

        def interval(a: Any) -> tuple[float, float]:
            lo, hi = np.percentile(a, q)
            return float(lo), float(hi)

        for c in COMPONENTS:
            ci[c] = interval(getattr(bs, c))
        for i, a in enumerate(order):
            ci[f"G[{a}]"] = interval(bs.gini_pairs[:, i, i])
            for j in range(i + 1, k):
                ci[f"G[{a}|{order[j]}]"] = interval(bs.gini_pairs[:, i, j])
    return DagumResult(
        float(parts.total[0]),
        float(parts.within[0]),
        float(parts.between[0]),
        float(parts.transvariation[0]),
        order,
        pairs,
        rel,
        {n: means[n] for n in order},
        {n: int((g == i).sum()) for i, n in enumerate(order)},
        ci,
        bootstrap,
        level,
        dropped,
    )


@dataclass(frozen=True)
class DagumSeries:
    """Dagum decompositions year by year (see :func:`dagum_by_year`).

    Attributes
    ----------
    results : dict int → DagumResult
        One decomposition per year, in year order.
    """

    results: dict[int, DagumResult]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.results)

    def table(self) -> pd.DataFrame:
        """One row per year: ``G``, its interval, the three parts and their shares of ``G``."""
        import pandas as pd

        rows = []
        for year, r in self.results.items():
            lo, hi = r.ci.get("total", (np.nan, np.nan))
            c = r.contributions
            rows.append(
                {
                    "year": year,
                    "G": r.total,
                    "G_ci_low": lo,
                    "G_ci_high": hi,
                    "within": r.within,
                    "between": r.between,
                    "transvariation": r.transvariation,
                    "within_share": c["within"],
                    "between_share": c["between"],
                    "transvariation_share": c["transvariation"],
                }
            )
        return pd.DataFrame(rows)

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Every year's parts in the result schema (as :meth:`DagumResult.to_frame`, with ``year``)."""
        import pandas as pd

        from yindi.schema import national

        parts = [r._parts().assign(year=y) for y, r in self.results.items()]
        return national(
            pd.concat(parts, ignore_index=True).assign(measure="gini"), keys=DAGUM_KEYS, lang=lang
        )

    def summary(self) -> str:
        t = self.table()
        lines = [f"Dagum decomposition, {len(t)} years ({self.years[0]}–{self.years[-1]})"]
        lines += [
            f"{r.year}: G = {r.G:.4f}; within {r.within_share:.1%}, net between {r.between_share:.1%}, "
            f"transvariation {r.transvariation_share:.1%}"
            for r in t.itertuples()
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def dagum_by_year(
    data: Any,
    groups: Any,
    *,
    indicator: str | None = None,
    years: Any = None,
    bootstrap: int = 0,
    level: float = 0.95,
    seed: int | None = None,
    missing: MissingPolicy = "drop",
) -> DagumSeries:
    """:func:`dagum` for every year of a region × year table (a Panel with ``indicator``, a wide or tidy frame).

    Regions without a value in a year are left out of that year (``missing="drop"``, the default, warns) or
    refused (``"error"``). Each year's bootstrap uses its own seed derived from ``seed`` and the year, so a
    year's interval does not depend on which other years are included.

    Examples
    --------
    >>> import pandas as pd
    >>> from yindi.disparity import dagum_by_year
    >>> t = pd.DataFrame({2020: [1.0, 2, 3, 4], 2021: [1.0, 1, 4, 4]}, index=["a", "b", "c", "d"])
    >>> s = dagum_by_year(t, {"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> [round(g, 4) for g in s.table()["G"]]
    [0.25, 0.3]
    """
    from yindi.disparity._table import region_year

    table = region_year(data, indicator, "dagum_by_year()")
    chosen = list(table.columns) if years is None else [int(y) for y in years]
    unknown = [y for y in chosen if y not in table.columns]
    if unknown:
        raise ParameterError(
            f"dagum_by_year(): year(s) {unknown} not in the data ({list(table.columns)}).",
            zh=f"dagum_by_year()：年份 {unknown} 不在数据中（{list(table.columns)}）。",
        )
    out = {}
    for y in chosen:
        col = table[y]
        year_seed = None if seed is None else int(np.random.SeedSequence([seed, y]).generate_state(1)[0])
        out[int(y)] = dagum(col, groups, bootstrap=bootstrap, level=level, seed=year_seed, missing=missing)
    return DagumSeries(out)
