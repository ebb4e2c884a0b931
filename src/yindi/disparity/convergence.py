"""σ-convergence and absolute / conditional β-convergence (with two-way fixed effects), speed and half-life.

收敛性分析：σ 收敛、绝对 β 收敛与条件 β 收敛（双向固定效应）、收敛速度与半衰期。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from yindi._stats import linear_trend, t_sf
from yindi._typing import Lang
from yindi.disparity._inequality import cv_kernel
from yindi.disparity._ols import ols_fe
from yindi.disparity._options import (
    BETA_KINDS,
    FIXED_EFFECTS,
    SIGMA_MEASURES,
    BetaKind,
    FixedEffects,
    MissingPolicy,
    SigmaMeasure,
)
from yindi.disparity._table import balanced, region_year, values
from yindi.errors import DataValidationError, ParameterError, check_option

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class SigmaResult:
    """Dispersion per year and its linear trend (σ-convergence if the trend is negative).

    Attributes
    ----------
    measure : {"cv", "sd_log"}
    years : tuple of int
    values : tuple of float
    slope, slope_p : float
        OLS trend per year and its two-sided p-value.
    """

    measure: str
    years: tuple[int, ...]
    values: tuple[float, ...]
    slope: float
    slope_p: float

    @property
    def converging(self) -> bool:
        return self.slope < 0

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level): the dispersion ``measure`` (``cv`` or ``sd_log``) per year."""
        import pandas as pd

        from yindi.schema import national

        frame = pd.DataFrame({"year": self.years, "measure": self.measure, "value": self.values})
        return national(frame, lang=lang)

    def summary(self) -> str:
        return (
            f"σ-convergence ({self.measure}): {self.values[0]:.4f} ({self.years[0]}) → {self.values[-1]:.4f} "
            f"({self.years[-1]}); trend {self.slope:+.5f}/year (p = {self.slope_p:.3f})"
        )

    def __str__(self) -> str:
        return self.summary()


def sigma_convergence(
    data: Any, *, indicator: str | None = None, measure: SigmaMeasure = "cv"
) -> SigmaResult:
    """Coefficient of variation (``"cv"``, METHODS §3.10) or s.d. of logs (``"sd_log"``) in each year.

    Missing values are left out year by year.
    """
    check_option("measure", measure, SIGMA_MEASURES, where="sigma_convergence()")
    table = region_year(data, indicator, "sigma_convergence()")
    years, vals = [], []
    for y in table.columns:
        x = table[y].dropna().to_numpy(dtype=float)
        if x.size < 3:
            continue
        if measure == "sd_log":
            if np.any(x <= 0):
                raise DataValidationError(
                    f"sigma_convergence(measure='sd_log') needs positive values ({y}).",
                    zh=f"sigma_convergence(measure='sd_log') 需要正数值（{y}）。",
                )
            vals.append(float(np.std(np.log(x))))
        else:
            vals.append(cv_kernel(x, np.ones(x.size)))
        years.append(int(y))
    if len(years) < 2:
        raise DataValidationError(
            "sigma_convergence() needs at least two years with three or more values.",
            zh="sigma_convergence() 至少需要两个年份各有三个或更多数值。",
        )
    slope, pvalue = linear_trend(years, vals)
    return SigmaResult(measure, tuple(years), tuple(vals), slope, pvalue)


@dataclass(frozen=True)
class BetaResult:
    """β-convergence regression ``ln(y_{i,t+τ}/y_{it}) = α + β ln y_it + γ'X_it (+ μ_i + η_t) + ε``.

    Attributes
    ----------
    kind : {"absolute", "conditional"}
    fixed_effects : {"none", "region", "twoway"}
    interval : int
        τ, years per growth spell.
    coefficients : DataFrame
        ``term, coef, se, t, p`` (cluster-robust by region, t with G − 1 df).
    beta, se, p : float
    speed : float
        ``s = −ln(1 + β) / τ`` (NaN unless −1 < β < 0).
    half_life : float
        ``ln 2 / s`` in years.
    r2 : float
    n_obs, n_regions : int
    dropped : tuple of str
    """

    kind: str
    fixed_effects: str
    interval: int
    coefficients: pd.DataFrame
    beta: float
    se: float
    p: float
    speed: float
    half_life: float
    r2: float
    n_obs: int
    n_regions: int
    dropped: tuple[str, ...] = ()

    @property
    def converging(self) -> bool:
        return self.beta < 0 and self.p < 0.05

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema (nation-level, no year): ``measure`` ``coef``, ``se``, ``t``, ``p`` per regression
        ``term``, and ``speed``, ``half_life``, ``r2``, ``n_obs`` (term empty); key ``model`` (``beta_absolute`` or
        ``beta_conditional``)."""
        import pandas as pd

        from yindi.schema import national

        long = self.coefficients.melt(id_vars="term", value_vars=["coef", "se", "t", "p"], var_name="measure")
        extra = {"speed": self.speed, "half_life": self.half_life, "r2": self.r2, "n_obs": self.n_obs}
        tail = pd.DataFrame({"term": "", "measure": list(extra), "value": [float(v) for v in extra.values()]})
        frame = pd.concat([long, tail], ignore_index=True).assign(model=f"beta_{self.kind}")
        return national(frame, keys=["model", "term"], lang=lang)

    def summary(self) -> str:
        return (
            f"{self.kind} β-convergence ({self.fixed_effects} FE, τ = {self.interval}): β = {self.beta:.4f} "
            f"(se {self.se:.4f}, p = {self.p:.3f}); speed {self.speed:.4f}/year, half-life {self.half_life:.1f} "
            f"years; N = {self.n_obs}, regions = {self.n_regions}, R² = {self.r2:.3f}"
        )

    def __str__(self) -> str:
        return self.summary()


def beta_convergence(
    data: Any,
    *,
    indicator: str | None = None,
    kind: BetaKind = "absolute",
    controls: Mapping[str, Any] | None = None,
    fixed_effects: FixedEffects | None = None,
    interval: int = 1,
    missing: MissingPolicy = "error",
) -> BetaResult:
    """Absolute or conditional β-convergence on a balanced region × year panel.

    Parameters
    ----------
    data : Panel (with ``indicator``) or DataFrame region × year (positive values)
    kind : {"absolute", "conditional"}
    controls : mapping name → (Panel indicator id or DataFrame region × year), optional
        Controls ``X_it`` for the conditional model, used as given (take logs yourself if wanted).
    fixed_effects : {"none", "region", "twoway"}, optional
        Default: ``"none"`` (pooled OLS with a constant) for absolute, ``"twoway"`` (region and year) for
        conditional convergence.
    interval : int
        τ: growth over ``τ`` years, non-overlapping spells starting at the first year.
    missing : {"error", "drop"}
        Regions with a missing year in any variable are refused or dropped (listed in the result).

    Notes
    -----
    Convergence if ``β < 0``; speed ``s = −ln(1 + β)/τ``; half-life ``ln 2 / s`` (METHODS §3.10).
    Two-way effects are absorbed by double demeaning (exact on a balanced panel).

    References
    ----------
    Barro, R. J., Sala-i-Martin, X. (1992). Convergence. *Journal of Political Economy* 100(2), 223–251.
    """
    where = "beta_convergence()"
    check_option("kind", kind, BETA_KINDS, where=where)
    fe: FixedEffects = fixed_effects or ("none" if kind == "absolute" else "twoway")
    check_option("fixed_effects", fe, FIXED_EFFECTS, where=where)
    if not isinstance(interval, int) or interval < 1:
        raise ParameterError(
            f"The 'interval' parameter of {where} must be an integer ≥ 1. Got {interval!r}.",
            zh=f"{where} 的参数 'interval' 须为 ≥ 1 的整数，收到的是 {interval!r}。",
        )
    if kind == "conditional" and not controls and fe == "none":
        raise ParameterError(
            f"{where}: conditional convergence needs controls or fixed effects.",
            zh=f"{where}：条件收敛需要控制变量或固定效应。",
        )
    table = region_year(data, indicator, where)
    ctrl_tables = {}
    for name, src in (controls or {}).items():
        ctrl_tables[name] = region_year(
            data if isinstance(src, str) else src, src if isinstance(src, str) else None, where
        )
    years = [int(y) for y in table.columns[::interval]]
    if len(years) < 2:
        raise DataValidationError(
            f"{where}: need at least two years {interval} apart.",
            zh=f"{where}：至少需要两个相隔 {interval} 年的年份。",
        )
    parts = [table[years]] + [c.reindex(index=table.index, columns=years[:-1]) for c in ctrl_tables.values()]
    joined = __import__("pandas").concat(parts, axis=1, keys=range(len(parts)))
    clean, dropped = balanced(joined, missing, where)
    y = values(clean[0])
    if np.any(y <= 0):
        raise DataValidationError(
            f"{where} needs positive values (logarithms).", zh=f"{where} 需要正数值（要取对数）。"
        )
    ly = np.log(y)
    growth = (ly[:, 1:] - ly[:, :-1]).ravel()
    n_r, n_t = ly.shape[0], ly.shape[1] - 1
    regs = [ly[:, :-1].ravel()] + [values(clean[i + 1]).ravel() for i in range(len(ctrl_tables))]
    names = ["ln_y0", *ctrl_tables]
    unit = np.repeat(np.arange(n_r), n_t)
    time = np.tile(np.arange(n_t), n_r)
    x = np.column_stack(regs)
    if fe == "none":
        x = np.column_stack([np.ones(growth.size), x])
        names = ["const", *names]
    if fe == "twoway" and n_t < 2:
        raise DataValidationError(
            f"{where}: two-way fixed effects need at least two growth spells.",
            zh=f"{where}：双向固定效应至少需要两个增长时段。",
        )
    fit = ols_fe(growth, x, unit, time, fe)
    tval = fit.coef / fit.se
    pval = 2 * t_sf(np.abs(tval), n_r - 1)
    import pandas as pd

    coefs = pd.DataFrame({"term": names, "coef": fit.coef, "se": fit.se, "t": tval, "p": pval})
    b_i = names.index("ln_y0")
    beta = float(fit.coef[b_i])
    speed = -np.log(1 + beta) / interval if -1 < beta < 0 else float("nan")
    half = np.log(2) / speed if speed == speed and speed > 0 else float("nan")
    return BetaResult(
        kind,
        fe,
        interval,
        coefs,
        beta,
        float(fit.se[b_i]),
        float(pval[b_i]),
        float(speed),
        float(half),
        fit.r2,
        fit.n_obs,
        n_r,
        dropped,
    )
