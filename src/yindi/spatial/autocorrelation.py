"""Global spatial autocorrelation: Moran's I, Geary's C and bivariate Moran's I.

全局空间自相关：莫兰指数、吉尔里指数、双变量莫兰指数。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._stats import normal_sf
from yindi._typing import Lang
from yindi.spatial import _kernels as k
from yindi.spatial._align import aligned, check_permutations, transformed
from yindi.spatial._options import Transform
from yindi.spatial._permutation import permuted_values, pseudo_p
from yindi.spatial.weights import Weights

if TYPE_CHECKING:
    import pandas as pd


def _frame(stat: str, rows: dict[str, float], lang: Lang) -> pd.DataFrame:
    import pandas as pd

    from yindi.schema import national

    frame = pd.DataFrame({"statistic": stat, "measure": list(rows), "value": list(rows.values())})
    return national(frame, keys=["statistic"], lang=lang)


@dataclass(frozen=True)
class GlobalResult:
    """A global statistic with normal-approximation and permutation inference.

    Attributes
    ----------
    statistic : str
        ``"moran"``, ``"geary"`` or ``"moran_bv"``.
    value : float
        The statistic (I or C).
    expected : float
        Expectation under the null (``−1/(n−1)`` for I, 1 for C).
    variance_norm : float
        Variance under normality (NaN for bivariate Moran).
    z_norm, p_norm : float
        z-value and two-sided p-value under normality.
    sims : float array, shape (permutations,)
        Statistic under random permutations of the values (empty if ``permutations=0``).
    p_sim : float
        Folded pseudo p-value ``(min(m, P − m) + 1) / (P + 1)`` (NaN without permutations).
    z_sim : float
        ``(value − mean(sims)) / sd(sims)``.
    n : int
    transformation : str
    seed : int or None
    """

    statistic: str
    value: float
    expected: float
    variance_norm: float
    z_norm: float
    p_norm: float
    sims: Any
    p_sim: float
    z_sim: float
    n: int
    transformation: str
    seed: int | None

    @property
    def I(self) -> float:  # noqa: E743 - the field's name for Moran's I
        return self.value

    @property
    def C(self) -> float:
        return self.value

    @property
    def EI(self) -> float:
        return self.expected

    @property
    def permutations(self) -> int:
        return len(self.sims)

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level, no year): ``measure`` is the statistic itself (``moran``, ``geary``,
        ``moran_bv``) for its value, and ``expected``, ``variance_norm``, ``z_norm``, ``p_norm``, ``z_sim``,
        ``p_sim``, ``permutations``, ``n``; key ``statistic``."""
        return _frame(
            self.statistic,
            {
                self.statistic: self.value,
                "expected": self.expected,
                "variance_norm": self.variance_norm,
                "z_norm": self.z_norm,
                "p_norm": self.p_norm,
                "z_sim": self.z_sim,
                "p_sim": self.p_sim,
                "permutations": float(self.permutations),
                "n": float(self.n),
            },
            lang,
        )

    def summary(self) -> str:
        return (
            f"{self.statistic}: {self.value:.4f} (E = {self.expected:.4f}); normal z = {self.z_norm:.3f}, "
            f"p = {self.p_norm:.4f}; permutation p = {self.p_sim:.4f} ({self.permutations} permutations); "
            f"n = {self.n}, weights {self.transformation}"
        )

    def __str__(self) -> str:
        return self.summary()


def _sim_stats(value: float, sims: Any) -> tuple[float, float]:
    if len(sims) == 0:
        return float("nan"), float("nan")
    sd = float(np.std(sims))
    return float(pseudo_p(np.asarray(value), sims)), (value - float(np.mean(sims))) / sd if sd > 0 else float(
        "nan"
    )


def _with_inference(
    statistic: str,
    value: float,
    expected: float,
    variance: float,
    sims: Any,
    n: int,
    transformation: Transform,
    seed: int | None,
) -> GlobalResult:
    """A global statistic with its normal-approximation z and two-sided p, and its permutation p and z."""
    # Tiny samples can give a non-positive normal variance (n = 3): no normal z then, never a warning.
    zn = (value - expected) / np.sqrt(variance) if variance > 0 else float("nan")
    p_sim, z_sim = _sim_stats(value, sims)
    return GlobalResult(
        statistic,
        value,
        expected,
        variance,
        float(zn),
        float(2 * normal_sf(abs(zn))),
        sims,
        p_sim,
        z_sim,
        n,
        transformation,
        seed,
    )


def moran(
    y: Any, w: Weights, *, transformation: Transform = "row", permutations: int = 999, seed: int | None = None
) -> GlobalResult:
    """Global Moran's I with normal and permutation inference.

    Parameters
    ----------
    y : mapping or Series (adcode → value) or array aligned with ``w.ids``
    w : Weights
    transformation : {"row", "binary", "original"}
        Row-standardise (default, as esda) without changing ``w``, binarise, or use ``w`` as built.
    permutations : int
        Random permutations for the pseudo p-value (0 to skip).
    seed : int, optional
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    GlobalResult
        ``.I``, ``.EI``, ``.z_norm``, ``.p_norm`` (two-sided), ``.p_sim``, ``.z_sim``.

    Notes
    -----
    ``I = (n / S0) Σ_ij w_ij z_i z_j / Σ_i z_i²`` with ``z = y − ȳ``; ``E[I] = −1/(n − 1)``;
    ``Var[I] = (n² S1 − n S2 + 3 S0²) / ((n² − 1) S0²) − E[I]²`` under normality.

    References
    ----------
    Moran, P. A. P. (1950). Notes on continuous stochastic phenomena. *Biometrika* 37, 17–23.
    Cliff, A. D., Ord, J. K. (1981). *Spatial Processes: Models and Applications*. Pion.

    Examples
    --------
    >>> import numpy as np
    >>> from yindi.spatial import Weights, moran
    >>> w = Weights.from_neighbors({"a": ["b"], "b": ["a", "c"], "c": ["b", "d"], "d": ["c"]})
    >>> round(moran({"a": 1, "b": 2, "c": 3, "d": 4}, w, permutations=0).I, 4)
    0.4
    """
    where = "moran()"
    check_permutations(permutations, where)
    yv = aligned(y, w, where)
    wt = transformed(w, transformation, where, permutations)
    m = wt.sparse()
    s = k.weight_sums(m)
    z = yv - yv.mean()
    value = float(k.moran_i(z, m, s.s0))
    ei, vi = k.moran_normal_variance(wt.n, s)
    rng = np.random.default_rng(seed)
    sims = k.moran_i(permuted_values(z, permutations, rng), m, s.s0) if permutations else np.empty(0)
    return _with_inference("moran", value, ei, vi, sims, wt.n, transformation, seed)


def geary(
    y: Any, w: Weights, *, transformation: Transform = "row", permutations: int = 999, seed: int | None = None
) -> GlobalResult:
    """Geary's C with normal and permutation inference (C < 1: positive autocorrelation).

    Notes
    -----
    ``C = (n − 1) Σ_ij w_ij (y_i − y_j)² / (2 S0 Σ_i (y_i − ȳ)²)``, ``E[C] = 1``,
    ``Var[C] = ((2 S1 + S2)(n − 1) − 4 S0²) / (2 (n + 1) S0²)`` under normality.

    References
    ----------
    Geary, R. C. (1954). The contiguity ratio and statistical mapping. *The Incorporated Statistician* 5, 115–145.
    """
    where = "geary()"
    check_permutations(permutations, where)
    yv = aligned(y, w, where)
    wt = transformed(w, transformation, where, permutations)
    m = wt.sparse()
    s = k.weight_sums(m)
    rowcol = np.asarray(m.sum(axis=1)).ravel() + np.asarray(m.sum(axis=0)).ravel()
    value = float(k.geary_c(yv, m, s.s0, rowcol))
    vc = k.geary_normal_variance(wt.n, s)
    rng = np.random.default_rng(seed)
    sims = k.geary_c(permuted_values(yv, permutations, rng), m, s.s0, rowcol) if permutations else np.empty(0)
    return _with_inference("geary", value, 1.0, vc, sims, wt.n, transformation, seed)


def moran_bv(
    x: Any,
    y: Any,
    w: Weights,
    *,
    transformation: Transform = "row",
    permutations: int = 999,
    seed: int | None = None,
) -> GlobalResult:
    """Bivariate Moran's I: association of ``x`` at a location with ``y`` at its neighbours.

    Notes
    -----
    ``I_xy = Σ_i z_{x,i} (W z_y)_i / (n − 1)`` with ``z`` standardised using ``ddof = 1`` (as esda
    ``Moran_BV``); inference by permuting ``y``. No normal approximation is reported (``z_norm`` is NaN).

    References
    ----------
    Wartenberg, D. (1985). Multivariate spatial correlation. *Geographical Analysis* 17(4), 263–283.
    """
    where = "moran_bv()"
    check_permutations(permutations, where)
    xv = aligned(x, w, where, "x")
    yv = aligned(y, w, where, "y")
    wt = transformed(w, transformation, where, permutations)
    m = wt.sparse()
    n = wt.n
    zx = (xv - xv.mean()) / xv.std(ddof=1)
    zy = (yv - yv.mean()) / yv.std(ddof=1)
    value = float(zx @ (m @ zy) / (n - 1))
    rng = np.random.default_rng(seed)
    if permutations:
        zp = permuted_values(zy, permutations, rng)
        sims = np.asarray((m @ zp.T).T @ zx / (n - 1))
    else:
        sims = np.empty(0)
    p_sim, z_sim = _sim_stats(value, sims)
    nan = float("nan")
    return GlobalResult("moran_bv", value, nan, nan, nan, nan, sims, p_sim, z_sim, n, transformation, seed)
