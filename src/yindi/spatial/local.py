"""Local spatial statistics: local Moran (LISA) and Getis–Ord Gi*, with conditional permutation inference.

局部空间自相关：LISA 与 Getis–Ord Gi*（条件随机置换检验，可做 FDR/Bonferroni 校正）。
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._stats import normal_sf
from yindi._typing import Lang
from yindi.errors import ParameterError, check_option
from yindi.spatial import _kernels as k
from yindi.spatial._align import aligned, check_permutations, transformed
from yindi.spatial._options import ADJUSTS, INFERENCES, Adjust, Inference, Transform
from yindi.spatial._permutation import conditional_lags, pseudo_p
from yindi.spatial.multitest import adjust_pvalues
from yindi.spatial.weights import Weights

if TYPE_CHECKING:
    import pandas as pd

QUADRANT_LABELS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}


def _check_alpha(alpha: float, where: str) -> None:
    if not 0 < alpha < 1:
        raise ParameterError(
            f"The 'alpha' parameter of {where} must be in (0, 1). Got {alpha!r}.",
            zh=f"{where} 的参数 'alpha' 须在 (0, 1) 内，收到的是 {alpha!r}。",
        )


@dataclass(frozen=True)
class LocalMoranResult:
    """Local Moran's I for every region.

    Attributes
    ----------
    ids : tuple of str, length n
    Is : float array, shape (n,)
        ``I_i = (n − 1) z_i (W z)_i / Σ_j z_j²`` with ``z`` standardised (esda's scaling).
    z, lag : float arrays, shape (n,)
        Standardised value and its spatial lag (the Moran scatterplot).
    q : int array, shape (n,)
        Quadrant: 1 HH, 2 LH, 3 LL, 4 HL.
    p_sim : float array, shape (n,)
        Folded pseudo p-values from conditional permutations (NaN without permutations; 1 for a region
        without neighbours, which has nothing to test).
    p_adjusted : float array, shape (n,)
        ``p_sim`` after the ``adjust`` correction.
    z_sim : float array, shape (n,)
    alpha : float
    adjust : {"none", "fdr", "bonferroni"}
    permutations : int
    seed : int or None
    """

    ids: tuple[str, ...]
    Is: Any
    z: Any
    lag: Any
    q: Any
    p_sim: Any
    p_adjusted: Any
    z_sim: Any
    alpha: float
    adjust: str
    permutations: int
    seed: int | None

    @property
    def significant(self) -> Any:
        """Boolean array, shape (n,): ``p_adjusted ≤ alpha``."""
        return np.asarray(self.p_adjusted <= self.alpha)

    @property
    def clusters(self) -> dict[str, str]:
        """adcode → ``"HH"``, ``"LL"``, ``"HL"``, ``"LH"`` if significant, else ``"ns"``."""
        return {
            c: QUADRANT_LABELS[int(q)] if s else "ns"
            for c, q, s in zip(self.ids, self.q, self.significant, strict=True)
        }

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """The result schema: ``measure`` ``local_moran``, ``z``, ``lag``, ``p_sim``, ``p_adjusted`` per region;
        keys ``quadrant`` and ``cluster`` (HH/LL/HL/LH or ns). :meth:`table` is the wide view."""
        from yindi.schema import tidy

        long = self._table().melt(
            id_vars=["region_code", "quadrant", "cluster"],
            value_vars=["I", "z", "lag", "p_sim", "p_adjusted"],
            var_name="measure",
        )
        long["measure"] = long["measure"].replace({"I": "local_moran"})
        return tidy(long, keys=["quadrant", "cluster"], lang=lang)

    def table(self) -> pd.DataFrame:
        """One row per region: ``region_code, I, z, lag, quadrant, p_sim, p_adjusted, cluster`` (wide)."""
        return self._table()

    def _table(self) -> pd.DataFrame:
        """One row per region: ``region_code, I, z, lag, quadrant, p_sim, p_adjusted, cluster``."""
        import pandas as pd

        return pd.DataFrame(
            {
                "region_code": list(self.ids),
                "I": self.Is,
                "z": self.z,
                "lag": self.lag,
                "quadrant": [QUADRANT_LABELS[int(q)] for q in self.q],
                "p_sim": self.p_sim,
                "p_adjusted": self.p_adjusted,
                "cluster": list(self.clusters.values()),
            }
        )

    def summary(self) -> str:
        import pandas as pd

        counts = pd.Series(list(self.clusters.values())).value_counts()
        parts = ", ".join(f"{lab} {int(counts.get(lab, 0))}" for lab in ("HH", "LL", "HL", "LH", "ns"))
        return (
            f"Local Moran (LISA): {len(self.ids)} regions, {self.permutations} conditional permutations, "
            f"alpha = {self.alpha}, adjust = {self.adjust}; clusters: {parts}"
        )

    def __str__(self) -> str:
        return self.summary()


def local_moran(
    y: Any,
    w: Weights,
    *,
    transformation: Transform = "row",
    permutations: int = 999,
    seed: int | None = None,
    alpha: float = 0.05,
    adjust: Adjust = "none",
) -> LocalMoranResult:
    """Local Moran's I (LISA) with conditional permutation inference and HH/LL/HL/LH clusters.

    Parameters
    ----------
    y : mapping or Series (adcode → value) or array aligned with ``w.ids``
    w : Weights
    transformation : {"row", "binary", "original"}
    permutations : int
    seed : int, optional
    alpha : float
        Significance level for :attr:`LocalMoranResult.clusters`.
    adjust : {"none", "fdr", "bonferroni"}
        Multiple-testing correction of the pseudo p-values.

    Notes
    -----
    ``I_i = (n − 1) z_i Σ_j w_ij z_j / Σ_j z_j²``; under conditional randomisation unit ``i`` keeps ``z_i``
    and its neighbours' values are drawn from the other ``n − 1`` (see :mod:`yindi.spatial._permutation`).

    References
    ----------
    Anselin, L. (1995). Local indicators of spatial association — LISA. *Geographical Analysis* 27(2), 93–115.
    """
    where = "local_moran()"
    check_permutations(permutations, where)
    check_option("adjust", adjust, ADJUSTS, where=where)
    _check_alpha(alpha, where)
    yv = aligned(y, w, where)
    wt = transformed(w, transformation, where, permutations)
    z = k.standardise(yv)
    n = wt.n
    scale = (n - 1) / float(z @ z)
    lag = wt.sparse() @ z
    Is = scale * z * lag
    if permutations:
        rng = np.random.default_rng(seed)
        sims = scale * z[:, None] * conditional_lags(z, wt.indptr, wt.indices, wt.values, permutations, rng)
        p = pseudo_p(Is, sims)
        p[wt.cardinalities == 0] = 1.0  # an island has nothing to test (esda would report 1/(P+1))
        sd = sims.std(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            z_sim = (Is - sims.mean(axis=1)) / sd
    else:
        p = np.full(n, np.nan)
        z_sim = np.full(n, np.nan)
    return LocalMoranResult(
        wt.ids,
        Is,
        z,
        lag,
        k.quadrants(z, lag).astype(np.int64),
        p,
        adjust_pvalues(p, adjust),
        z_sim,
        alpha,
        adjust,
        permutations,
        seed,
    )


@dataclass(frozen=True)
class GetisOrdResult:
    """Getis–Ord Gi* for every region.

    Attributes
    ----------
    ids : tuple of str, length n
    G : float array, shape (n,)
        ``G*_i = Σ_j w_ij y_j / Σ_j y_j`` (the unit is its own neighbour, binary weights).
    z : float array, shape (n,)
        Standardised Gi* (hot spot > 0, cold spot < 0).
    p_norm : float array, shape (n,)
        Two-sided normal p-values.
    p_sim : float array, shape (n,)
        Folded pseudo p-values from conditional permutations.
    p_adjusted : float array, shape (n,)
    alpha : float
    adjust : str
    """

    ids: tuple[str, ...]
    G: Any
    z: Any
    p_norm: Any
    p_sim: Any
    p_adjusted: Any
    alpha: float
    adjust: str

    @property
    def hotspots(self) -> dict[str, str]:
        """adcode → ``"hot"``, ``"cold"`` or ``"ns"`` (``p_adjusted ≤ alpha``)."""
        sig = self.p_adjusted <= self.alpha
        return {
            c: ("hot" if zz > 0 else "cold") if s else "ns"
            for c, zz, s in zip(self.ids, self.z, sig, strict=True)
        }

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` ``getis_ord_g``, ``z``, ``p_norm``, ``p_sim``, ``p_adjusted`` per region;
        key ``hotspot`` (hot, cold or ns)."""
        import pandas as pd

        from yindi.schema import tidy

        wide = pd.DataFrame(
            {
                "region_code": list(self.ids),
                "getis_ord_g": self.G,
                "z": self.z,
                "p_norm": self.p_norm,
                "p_sim": self.p_sim,
                "p_adjusted": self.p_adjusted,
                "hotspot": list(self.hotspots.values()),
            }
        )
        long = wide.melt(id_vars=["region_code", "hotspot"], var_name="measure")
        return tidy(long, keys=["hotspot"], lang=lang)

    def summary(self) -> str:
        import pandas as pd

        counts = pd.Series(list(self.hotspots.values())).value_counts()
        return f"Getis–Ord Gi*: {len(self.ids)} regions; hot {int(counts.get('hot', 0))}, cold {int(counts.get('cold', 0))}"

    def __str__(self) -> str:
        return self.summary()


def getis_ord(
    y: Any,
    w: Weights,
    *,
    permutations: int = 999,
    seed: int | None = None,
    alpha: float = 0.05,
    adjust: Adjust = "none",
    inference: Inference = "sim",
) -> GetisOrdResult:
    """Getis–Ord Gi* hot-spot statistic (binary weights plus the unit itself).

    ``inference`` chooses which p-value feeds ``p_adjusted``: ``"sim"`` (conditional permutations) or
    ``"norm"``. ``y`` should be positive (the statistic is a share of the total).

    Notes
    -----
    ``E[G*_i] = W_i / n``, ``Var[G*_i] = W_i (n − W_i) / ((n − 1) n²) · s² / ȳ²``, ``z_i = (G*_i − E) / √Var``
    (as esda ``G_Local(star=True, transform="B")``).

    References
    ----------
    Ord, J. K., Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues and an
    application. *Geographical Analysis* 27(4), 286–306.
    """
    where = "getis_ord()"
    check_permutations(permutations, where)
    check_option("adjust", adjust, ADJUSTS, where=where)
    check_option("inference", inference, INFERENCES, where=where)
    _check_alpha(alpha, where)
    yv = aligned(y, w, where)
    wb = transformed(w, "binary", where, permutations)
    from scipy import sparse

    m = wb.sparse() + sparse.identity(wb.n, format="csr")
    g, _, _, zs = k.getis_ord_star(yv, m)
    p_norm = 2 * normal_sf(np.abs(zs))
    if permutations:
        rng = np.random.default_rng(seed)
        lags = conditional_lags(yv, wb.indptr, wb.indices, wb.values, permutations, rng)
        p_sim = pseudo_p(g, (lags + yv[:, None]) / yv.sum())
        p_sim[wb.cardinalities == 0] = 1.0  # an island's Gi* is its own share: nothing to test
    else:
        p_sim = np.full(wb.n, np.nan)
    p_use = p_sim if inference == "sim" else p_norm
    return GetisOrdResult(wb.ids, g, zs, p_norm, p_sim, adjust_pvalues(p_use, adjust), alpha, adjust)
