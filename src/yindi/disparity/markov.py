"""Classical and spatial Markov chains on quantile classes, ergodic distributions, homogeneity tests.

马尔可夫链与空间马尔可夫链：分位数状态、转移概率矩阵、遍历分布、Bickenbach–Bode 同质性检验。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._typing import FloatArray, Lang
from yindi.disparity._markov import (
    Homogeneity,
    classify,
    ergodic,
    homogeneity,
    quantile_cutoffs,
    row_probabilities,
    transition_counts,
)
from yindi.disparity._options import LAG_CLASSES, LagClasses, MissingPolicy
from yindi.disparity._table import balanced, region_year, values
from yindi.errors import ParameterError, check_option

if TYPE_CHECKING:
    import pandas as pd

    from yindi.spatial import Weights


def _labels(k: int) -> list[str]:
    return [f"Q{i + 1}" for i in range(k)]


_MEASURE = {"counts": "count", "p": "probability", "ergodic": "ergodic"}


def _schema(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    from yindi.schema import national

    out = frame.assign(measure=frame["table"].map(_MEASURE)).drop(columns="table")
    return national(out, keys=["lag_class", "from_class", "to_class"], lang=lang)


def _matrix_frame(m: FloatArray, table: str, lag: str = "") -> pd.DataFrame:
    import pandas as pd

    k = m.shape[0]
    lab = _labels(k)
    return pd.DataFrame(
        {
            "table": table,
            "lag_class": lag,
            "from_class": np.repeat(lab, k),
            "to_class": np.tile(lab, k),
            "value": m.ravel(),
        }
    )


@dataclass(frozen=True)
class MarkovResult:
    """Markov chain on ``k`` pooled quantile classes (Q1 lowest).

    Attributes
    ----------
    cutoffs : float array, shape (k,)
        Upper bound of each class.
    counts : float array, shape (k, k)
        Transitions ``n_ij`` from ``t`` to ``t + 1``.
    p : float array, shape (k, k)
        Transition probabilities.
    ergodic : float array, shape (k,)
        Stationary distribution.
    initial : float array, shape (k,)
        Share of regions in each class in the first year.
    years : tuple of int
    dropped : tuple of str
    """

    cutoffs: FloatArray
    counts: FloatArray
    p: FloatArray
    ergodic: FloatArray
    initial: FloatArray
    years: tuple[int, ...]
    dropped: tuple[str, ...] = ()

    @property
    def k(self) -> int:
        return int(self.p.shape[0])

    def table(self) -> pd.DataFrame:
        """The transition matrix as a labelled k × (k + 2) table: n, probabilities, and nothing else."""
        import pandas as pd

        lab = _labels(self.k)
        df = pd.DataFrame(self.p, index=lab, columns=lab)
        df.insert(0, "n", self.counts.sum(axis=1).astype(int))
        return df

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level): ``measure`` ``count``, ``probability`` or ``ergodic``; keys
        ``lag_class, from_class, to_class``."""
        import pandas as pd

        lab = _labels(self.k)
        ext = pd.DataFrame(
            {"table": "ergodic", "lag_class": "", "from_class": "", "to_class": lab, "value": self.ergodic}
        )
        return _schema(
            pd.concat(
                [_matrix_frame(self.counts, "counts"), _matrix_frame(self.p, "p"), ext], ignore_index=True
            ),
            lang,
        )

    def summary(self) -> str:
        diag = np.diag(self.p)
        return (
            f"Markov chain, {self.k} quantile classes, {int(self.counts.sum())} transitions "
            f"({self.years[0]}–{self.years[-1]}); staying probabilities "
            + ", ".join(f"{v:.3f}" for v in diag)
            + "; ergodic "
            + ", ".join(f"{v:.3f}" for v in self.ergodic)
        )

    def __str__(self) -> str:
        return self.summary()


def _states(
    data: Any, indicator: str | None, k: int, missing: str, where: str, relative: bool
) -> tuple[Any, Any, tuple[str, ...]]:
    if not isinstance(k, int) or not 2 <= k <= 10:
        raise ParameterError(
            f"The 'k' parameter of {where} must be an integer in [2, 10]. Got {k!r}.",
            zh=f"{where} 的参数 'k' 须为 [2, 10] 内的整数，收到的是 {k!r}。",
        )
    table, dropped = balanced(region_year(data, indicator, where), missing, where)
    if relative:
        table = table / table.mean(axis=0)
    y = values(table)
    return table, y, dropped


def markov(
    data: Any,
    *,
    indicator: str | None = None,
    k: int = 4,
    relative: bool = False,
    missing: MissingPolicy = "error",
) -> MarkovResult:
    """Markov chain of regions moving between ``k`` quantile classes of the pooled values.

    ``relative=True`` divides each year by its cross-sectional mean first (relative levels, as in Quah 1993
    and the giddy examples): with a trending variable, pooled classes on raw values mostly record the trend
    (everyone drifts into the top class), not the movement within the distribution.

    Notes
    -----
    Classes are quantiles of all region-years (as giddy ``Spatial_Markov(fixed=True)``);
    ``p_ij = n_ij / n_i``; the ergodic distribution solves ``π = πP``, ``Σπ = 1``.

    References
    ----------
    Quah, D. (1993). Empirical cross-section dynamics in economic growth. *European Economic Review* 37, 426–434.
    """
    table, y, dropped = _states(data, indicator, k, missing, "markov()", relative)
    cut = quantile_cutoffs(y.ravel(), k)
    s = classify(y, cut)
    counts = transition_counts(s, k)
    p = row_probabilities(counts)
    init = np.bincount(s[:, 0], minlength=k) / s.shape[0]
    return MarkovResult(cut, counts, p, ergodic(p), init, tuple(int(c) for c in table.columns), dropped)


@dataclass(frozen=True)
class SpatialMarkovResult:
    """Markov chains conditional on the class of the neighbours' (spatial lag) value at ``t``.

    Attributes
    ----------
    cutoffs, lag_cutoffs : float arrays, shape (k,)
    counts : float array, shape (k, k, k)
        ``counts[l, i, j]``: moves ``i → j`` of regions whose lag is in class ``l``.
    p : float array, shape (k, k, k)
    pooled : MarkovResult
        The classical chain on the same classes.
    ergodic : float array, shape (k, k)
        Stationary distribution of each conditional chain (rows with no data are excluded from its chain).
    test : Homogeneity
        Bickenbach–Bode LR and Q tests against the pooled matrix.
    """

    cutoffs: FloatArray
    lag_cutoffs: FloatArray
    counts: FloatArray
    p: FloatArray
    pooled: MarkovResult
    ergodic: FloatArray
    test: Homogeneity

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level): ``measure`` ``probability`` or ``count`` per neighbourhood class;
        keys ``lag_class, from_class, to_class``."""
        import pandas as pd

        lab = _labels(self.p.shape[0])
        parts = [_matrix_frame(self.p[l], "p", lab[l]) for l in range(len(lab))]  # noqa: E741
        parts += [_matrix_frame(self.counts[l], "counts", lab[l]) for l in range(len(lab))]  # noqa: E741
        return _schema(pd.concat(parts, ignore_index=True), lang)

    def summary(self) -> str:
        t = self.test
        return (
            f"Spatial Markov chain, {self.p.shape[0]} classes: LR = {t.lr:.3f} (p = {t.lr_p:.4f}), "
            f"Q = {t.q:.3f} (p = {t.q_p:.4f}), dof = {t.dof}"
        )

    def __str__(self) -> str:
        return self.summary()


def spatial_markov(
    data: Any,
    w: Weights,
    *,
    indicator: str | None = None,
    k: int = 4,
    lag_classes: LagClasses = "lag",
    relative: bool = False,
    missing: MissingPolicy = "error",
) -> SpatialMarkovResult:
    """Spatial Markov chain (Rey 2001) with the Bickenbach–Bode (2003) homogeneity test.

    Parameters
    ----------
    data : Panel (with ``indicator``) or DataFrame region × year
    w : Weights
        Row-standardised here (a new object; ``w`` is unchanged). Every region of the data must be in ``w``.
    k : int
        Number of quantile classes of the values and of the lag.
    lag_classes : {"lag", "value"}
        Classify the spatial lag by quantiles of the pooled lag (``"lag"``, giddy's default) or by the
        value classes (``"value"``, METHODS §3.9 wording).
    relative : bool
        Divide each year by its cross-sectional mean first (see :func:`markov`).

    References
    ----------
    Rey, S. J. (2001). Spatial empirics for economic growth and convergence. *Geographical Analysis* 33(3),
    195–214. Bickenbach, F., Bode, E. (2003). Evaluating the Markov property in studies of economic
    convergence. *International Regional Science Review* 26(3), 363–392.
    """
    where = "spatial_markov()"
    check_option("lag_classes", lag_classes, LAG_CLASSES, where=where)
    table, y, _ = _states(data, indicator, k, missing, where, relative)
    wr = w.subset([str(c) for c in table.index]).row_standardised()
    lag = np.asarray(wr.sparse() @ y)
    cut = quantile_cutoffs(y.ravel(), k)
    lag_cut = quantile_cutoffs(lag.ravel(), k) if lag_classes == "lag" else cut
    s = classify(y, cut)
    ls = classify(lag, lag_cut)
    counts = np.zeros((k, k, k))
    a, b, lc = s[:, :-1].ravel(), s[:, 1:].ravel(), ls[:, :-1].ravel()
    np.add.at(counts, (lc, a, b), 1.0)
    p = row_probabilities(counts)
    pooled = markov(table, k=k)
    erg = np.stack([ergodic(p[l]) if counts[l].sum() else np.full(k, np.nan) for l in range(k)])  # noqa: E741
    return SpatialMarkovResult(cut, lag_cut, counts, p, pooled, erg, homogeneity(counts, pooled.counts))
