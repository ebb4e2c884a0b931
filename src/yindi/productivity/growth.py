"""Capital stock by perpetual inventory and Solow growth accounting.

The data pack shipped with Yindi has no investment or capital-stock series: a user must bring
gross fixed capital formation (or fixed-asset investment) at current prices, its price index, real output and
employment. See ``docs/methods/productivity.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._typing import FloatArray, Lang
from yindi.errors import DataValidationError, ParameterError

DEFAULT_DEPRECIATION = 0.096
"""张军, 吴桂英, 张吉鹏 (2004) 中国省际物质资本存量估算: 1952—2000, 经济研究 (10): 35-44 — 9.6 %."""


def _vector(values: object, name: str, where: str) -> FloatArray:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1 or arr.size == 0:
        raise ParameterError(
            f"{where}: {name} must be a non-empty 1-D series; got shape {arr.shape}.",
            zh=f"{where}：{name} 须为非空的一维序列，收到的形状是 {arr.shape}。",
        )
    bad = np.nonzero(~np.isfinite(arr))[0]
    if bad.size:
        raise DataValidationError(
            f"{where}: {name} is missing at position {int(bad[0])}; fill the series first.",
            zh=f"{where}：{name} 在第 {int(bad[0])} 个位置（从 0 起算）缺失。请先补全该序列。",
        )
    return arr


def perpetual_inventory(
    investment: object,
    deflator: object | None = None,
    *,
    depreciation: float = DEFAULT_DEPRECIATION,
    initial: float | None = None,
    growth: float | None = None,
) -> FloatArray:
    """Real capital stock ``K_t = K_{t−1}(1−δ) + I_t/P_t`` for one region.

    Parameters
    ----------
    investment : 1-D array_like, shape (T,)
        Nominal gross investment per year.
    deflator : 1-D array_like, shape (T,), optional
        Investment price index (base year = 1); default no deflation.
    depreciation : float
        δ, default 0.096 (Zhang, Wu & Zhang 2004).
    initial : float, optional
        Base-year stock ``K_0``; default ``I_0 / (g + δ)`` (Harberger 1978), with ``g`` the average growth
        rate of real investment over the series (or ``growth`` when given).

    Returns
    -------
    (T,) float array — ``K_0, …, K_{T−1}`` in base-year prices.

    References
    ----------
    Harberger, A. (1978). Perspectives on capital and technology in less developed countries. Zhang Jun,
    Wu Guiying & Zhang Jipeng (2004), 经济研究 10:35-44.

    Examples
    --------
    >>> [round(float(k), 2) for k in perpetual_inventory([10, 11, 12.1], depreciation=0.1, growth=0.1)]
    [50.0, 56.0, 62.5]
    """
    where = "perpetual_inventory()"
    inv = _vector(investment, "investment", where)
    price = np.ones_like(inv) if deflator is None else _vector(deflator, "deflator", where)
    if price.shape != inv.shape:
        raise ParameterError(
            f"{where}: deflator has {price.size} values for {inv.size} years of investment.",
            zh=f"{where}：deflator 有 {price.size} 个值，而投资有 {inv.size} 年。请让两者逐年对应。",
        )
    if np.any(price <= 0):
        raise DataValidationError(
            f"{where}: the deflator must be positive.",
            zh=f"{where}：deflator（价格指数）须为正。请检查其中的 0 或负值。",
        )
    if not 0 <= depreciation < 1:
        raise ParameterError(
            f"{where}: depreciation must be in [0, 1); got {depreciation}.",
            zh=f"{where}：depreciation（折旧率）须在 [0, 1) 内，收到的是 {depreciation}。",
        )
    real = inv / price
    if initial is None:
        if growth is None:
            if inv.size < 2 or np.any(real <= 0):
                raise ParameterError(
                    f"{where}: give initial= or growth= (cannot estimate g from this series).",
                    zh=f"{where}：无法从该序列估计增长率 g。请给出 initial= 或 growth=。",
                )
            growth = float((real[-1] / real[0]) ** (1 / (real.size - 1)) - 1)
        if growth + depreciation <= 0:
            raise ParameterError(
                f"{where}: g + δ must be positive for K_0 = I_0/(g+δ); got {growth + depreciation}.",
                zh=f"{where}：按 K_0 = I_0/(g+δ) 计算需 g + δ 为正，收到的是 {growth + depreciation}。"
                "请调整 growth= 或 depreciation=，或直接给出 initial=。",
            )
        initial = real[0] / (growth + depreciation)
    k = np.empty_like(real)
    k[0] = initial
    for t in range(1, real.size):
        k[t] = k[t - 1] * (1 - depreciation) + real[t]
    return k


def capital_stock(
    data: pd.DataFrame,
    *,
    investment: str,
    deflator: str | None = None,
    region: str = "region",
    period: str = "period",
    depreciation: float = DEFAULT_DEPRECIATION,
    growth: float | None = None,
) -> pd.DataFrame:
    """:func:`perpetual_inventory` for every region of a panel.

    Parameters
    ----------
    data : DataFrame
        One row per region and period with nominal investment (and optionally its price index).
    investment, deflator, region, period : column names.
    depreciation, growth : as in :func:`perpetual_inventory` (``growth`` None: estimated per region).

    Returns
    -------
    DataFrame
        ``region, period, capital`` (base-year prices), periods sorted within each region. A region's periods
        must be consecutive integers (a gap would silently bridge years of depreciation, so it raises).
    """
    where = "capital_stock()"
    cols = [region, period, investment] + ([deflator] if deflator else [])
    miss = [c for c in cols if c not in data.columns]
    if miss:
        raise ParameterError(
            f"{where}: column(s) {', '.join(map(repr, miss))} not found.",
            zh=f"{where}：找不到列 {'、'.join(map(repr, miss))}。请检查列名参数。",
        )
    parts = []
    for reg, grp in data[cols].sort_values([region, period]).groupby(region, sort=True):
        years = grp[period].to_numpy()
        if len(years) > 1 and np.any(np.diff(years.astype(float)) != 1):
            raise DataValidationError(
                f"{where}: region {reg!r} has non-consecutive periods {list(years)}.",
                zh=f"{where}：地区 {reg!r} 的年份不连续：{list(years)}。请补齐缺失年份的投资数据。",
            )
        k = perpetual_inventory(
            grp[investment].to_numpy(float),
            None if deflator is None else grp[deflator].to_numpy(float),
            depreciation=depreciation,
            growth=growth,
        )
        parts.append(pd.DataFrame({"region": reg, "period": years, "capital": k}))
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class GrowthAccounting:
    """Growth accounting per region and period (log growth rates).

    ``frame`` columns: ``region, period, g_output, g_capital, g_labour, capital_share, labour_share,
    contrib_capital, contrib_labour, tfp_growth`` with ``g_output = contrib_capital + contrib_labour +
    tfp_growth`` exactly, plus ``share_*`` = contribution / output growth.
    """

    frame: pd.DataFrame

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: one row per region, period (``year``) and ``measure`` (every column of
        :attr:`frame`: growth rates, shares, contributions, ``tfp_growth``)."""
        from yindi.schema import tidy

        long = self.frame.melt(id_vars=["region", "period"], var_name="measure")
        return tidy(long.rename(columns={"region": "region_code", "period": "year"}), lang=lang)

    def summary(self) -> str:
        cols = ["g_output", "contrib_capital", "contrib_labour", "tfp_growth"]
        return "Growth accounting (mean log growth)\n" + self.frame.groupby("region")[cols].mean().to_string()


def growth_accounting(
    data: pd.DataFrame,
    *,
    output: str,
    capital: str,
    labour: str,
    region: str = "region",
    period: str = "period",
    labour_share: float | str = 0.5,
) -> GrowthAccounting:
    """Solow residual: ``Δln A = Δln Y − α Δln K − (1−α) Δln L`` with labour share ``1−α``.

    Parameters
    ----------
    data : DataFrame
        One row per region and period with real output, real capital stock and employment columns.
    output, capital, labour : column names.
    labour_share : float or column name
        ``1 − α``; a number for all (default 0.5, a common choice for China, e.g. Chow & Li 2002 use α≈0.55)
        or a column with a share per region-period (the average of the two periods is used, Törnqvist).

    References
    ----------
    Solow, R. (1957). Technical change and the aggregate production function. REStat 39(3):312-320.
    Chow, G. & Li, K.-W. (2002). China's economic growth: 1952-2010. EDCC 51(1):247-256.
    """
    where = "growth_accounting()"
    cols = [region, period, output, capital, labour] + (
        [labour_share] if isinstance(labour_share, str) else []
    )
    miss = [c for c in cols if c not in data.columns]
    if miss:
        raise ParameterError(
            f"{where}: column(s) {', '.join(map(repr, miss))} not found.",
            zh=f"{where}：找不到列 {'、'.join(map(repr, miss))}。请检查列名参数。",
        )
    if not isinstance(labour_share, str) and not 0 < labour_share < 1:
        raise ParameterError(
            f"{where}: labour_share must be in (0, 1); got {labour_share}.",
            zh=f"{where}：labour_share（劳动份额）须在 (0, 1) 内，收到的是 {labour_share}。",
        )
    t = data[cols].sort_values([region, period]).reset_index(drop=True)
    vals = t[[output, capital, labour]].to_numpy(float)
    if not np.isfinite(vals).all() or (vals <= 0).any():
        i = int(np.nonzero(~(np.isfinite(vals) & (vals > 0)).all(axis=1))[0][0])
        raise DataValidationError(
            f"{where}: output, capital and labour must be positive and present; region {t.loc[i, region]!r} "
            f"period {t.loc[i, period]!r} is not.",
            zh=f"{where}：产出、资本和劳动须有数值且为正；地区 {t.loc[i, region]!r} 在 {t.loc[i, period]!r} 期不满足。",
        )
    rows = []
    for reg, grp in t.groupby(region, sort=True):
        g = grp.reset_index(drop=True)
        ln = np.log(g[[output, capital, labour]].to_numpy(float))
        share = (
            g[labour_share].to_numpy(float)
            if isinstance(labour_share, str)
            else np.full(len(g), labour_share)
        )
        for i in range(1, len(g)):
            dy, dk, dl = ln[i] - ln[i - 1]
            beta = 0.5 * (share[i] + share[i - 1])
            alpha = 1 - beta
            ck, cl = alpha * dk, beta * dl
            rows.append(
                {
                    "region": reg,
                    "period": g.loc[i, period],
                    "g_output": dy,
                    "g_capital": dk,
                    "g_labour": dl,
                    "capital_share": alpha,
                    "labour_share": beta,
                    "contrib_capital": ck,
                    "contrib_labour": cl,
                    "tfp_growth": dy - ck - cl,
                }
            )
    frame = pd.DataFrame(rows)
    if len(frame):
        with np.errstate(divide="ignore", invalid="ignore"):
            for c in ("capital", "labour"):
                frame["share_" + c] = frame["contrib_" + c] / frame["g_output"]
            frame["share_tfp"] = frame["tfp_growth"] / frame["g_output"]
    return GrowthAccounting(frame)
