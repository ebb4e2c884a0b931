"""Malmquist and Malmquist–Luenberger productivity indices on a labelled panel.

``malmquist(frame, inputs=[...], outputs=[...], undesirable=[...], region=..., period=...)`` returns the index
between consecutive periods with its decomposition into efficiency change (EC) and technical change (TC),
and under ``rts="vrs"`` the split of EC into pure-efficiency (PEC) and scale-efficiency change (SEC).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi._missing import check_missing
from yindi._typing import Lang
from yindi.errors import DataValidationError, ParameterError, check_option
from yindi.productivity import _validate as v
from yindi.productivity._indices import PeriodData, compute
from yindi.productivity._options import FRONTIERS, ORIENTATIONS, RTS, Frontier, Orientation

_WHERE = "malmquist()"
COLUMNS = ("region", "period", "base", "index", "ec", "tc", "pec", "sec", "cum_index", "cum_ec", "cum_tc")


@dataclass(frozen=True)
class MalmquistResult:
    """Productivity change between consecutive periods.

    Attributes
    ----------
    frame : DataFrame
        One row per region and period pair with columns :data:`COLUMNS`: ``period`` is the later period
        and ``base`` the earlier one; ``index = ec × tc`` and ``ec = pec × sec``; ``cum_*`` are running
        products from the first period (NaN after a gap). Values > 1 mean improvement.
    efficiency : DataFrame
        ``region, period, efficiency`` (own-period CRS score, and ``efficiency_vrs`` under VRS).
    dropped : DataFrame
        Region-periods left out and why (missing values under ``missing="drop"``).
    n_infeasible : int
        Cross-period LPs without solution (their indices are NaN).
    options : dict
    """

    frame: pd.DataFrame
    efficiency: pd.DataFrame
    dropped: pd.DataFrame
    n_infeasible: int
    options: dict[str, object] = field(default_factory=dict)

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: one row per region, period and ``measure`` (``index``, ``ec``, ``tc``, ``pec``,
        ``sec``, ``cum_index``, ``cum_ec``, ``cum_tc``); ``year`` is the period (the later year of each pair),
        key ``base`` the earlier one. The wide table is :attr:`frame`."""
        from yindi.schema import tidy

        measures = [c for c in self.frame.columns if c not in ("region", "period", "base")]
        long = self.frame.melt(id_vars=["region", "period", "base"], value_vars=measures, var_name="measure")
        long = long.rename(columns={"region": "region_code", "period": "year"})
        return tidy(long, keys=["base"], lang=lang)

    def by_period(self) -> pd.DataFrame:
        """Geometric means over regions per period (the usual summary table)."""
        cols = ["index", "ec", "tc", "pec", "sec"]
        f = self.frame[["period", *cols]].copy()
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = pd.DataFrame(np.log(f[cols].to_numpy(float)), columns=cols)
        logs["period"] = f["period"].to_numpy()
        means = logs.groupby("period").mean()
        return pd.DataFrame(np.exp(means.to_numpy()), index=means.index, columns=cols).reset_index()

    def summary(self) -> str:
        """Text summary rendered from :meth:`to_frame`."""
        name = "Malmquist–Luenberger" if self.options.get("index") == "ml" else "Malmquist"
        lines = [f"{name} index ({', '.join(f'{k}={val}' for k, val in self.options.items())})"]
        table = self.by_period()
        lines.append(table.to_string(index=False, float_format=lambda z: f"{z:.4f}"))
        if self.n_infeasible:
            lines.append(f"infeasible cross-period LPs: {self.n_infeasible}")
        if len(self.dropped):
            lines.append(f"dropped region-periods: {len(self.dropped)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def _table(data: object, cols: list[str], region: str, period: str) -> tuple[pd.DataFrame, str, str]:
    from yindi.data.panel import Panel

    if isinstance(data, Panel):
        wide = data.wide(cols).reset_index()
        wide = wide[wide["region_code"] != NATION_CODE]  # a national total is not a decision-making unit
        return wide.rename(columns={"region_code": "region", "year": "period"}), "region", "period"
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(
            f"{_WHERE}: data must be a pandas DataFrame or a yindi Panel; got {type(data).__name__}.",
            zh=f"{_WHERE}：data 须为 pandas DataFrame 或 yindi Panel，收到的是 {type(data).__name__}。",
        )
    missing = [c for c in [region, period, *cols] if c not in data.columns]
    if missing:
        raise ParameterError(
            f"{_WHERE}: column(s) {', '.join(map(repr, missing))} not found; the table has "
            f"{', '.join(map(str, data.columns))}. Name the region and period columns with region=, period=.",
            zh=f"{_WHERE}：找不到列 {'、'.join(map(repr, missing))}；表中的列为 "
            f"{'、'.join(map(str, data.columns))}。请用 region=、period= 指明地区列和时期列。",
        )
    return data[[region, period, *cols]].copy(), region, period


def malmquist(
    data: object,
    *,
    inputs: Sequence[str],
    outputs: Sequence[str],
    undesirable: Sequence[str] = (),
    region: str = "region",
    period: str = "period",
    rts: RTS = "crs",
    orientation: Orientation = "input",
    frontier: Frontier = "contemporaneous",
    missing: Literal["error", "drop"] = "error",
    progress: Callable[[int], None] | None = None,
    frame_prefilter_above: int | None = None,
) -> MalmquistResult:
    """Malmquist (or, with ``undesirable``, Malmquist–Luenberger) index between consecutive periods.

    Parameters
    ----------
    data : DataFrame or Panel
        One row per region and period with one column per variable, or a :class:`~yindi.data.Panel`
        (indicator ids as variable names; regions and years taken from the panel; the national total
        ``100000`` is left out).
    inputs, outputs : column names
    undesirable : column names, optional
        Bad outputs (e.g. CO2). When given, the Malmquist–Luenberger index with the directional distance
        function ``g = (0, y, −b)`` and weak disposability of bads is computed (orientation is ignored).
    region, period : names of the region and period columns.
    rts : {"crs", "vrs"}
        The index and its EC/TC split are measured against the CRS technology (Färe et al. 1994); ``"vrs"``
        also splits EC into PEC × SEC using the VRS technology.
    orientation : {"input", "output"}
    frontier : {"contemporaneous", "sequential", "global"}
    missing : {"error", "drop"}
        A region-period with a missing value raises by default; ``"drop"`` leaves it out and lists it in
        ``dropped`` (the region then has no index for the pairs touching that period).
    progress : callable, optional
        Called with the period position after each frontier is done (for progress bars).
    frame_prefilter_above : int, optional
        Reference sets larger than this are pre-filtered before the frontier is decomposed (option
        ``frame_prefilter_above`` of ``[options.productivity]``, default 2,000). Scores do not change.

    Returns
    -------
    MalmquistResult

    Notes
    -----
    Contemporaneous: ``M = sqrt[E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)]``, ``EC = E^{t+1}(t+1)/E^t(t)``,
    ``TC = M/EC``. Sequential frontiers pool all periods up to t; the global frontier pools all periods,
    ``M = E^G(t+1)/E^G(t)``. For Malmquist–Luenberger, ``E = 1/(1+β)``.

    References
    ----------
    Färe, Grosskopf, Norris & Zhang (1994), AER 84(1):66-83. Chung, Färe & Grosskopf (1997), JEM
    51:229-240. Shestalova (2003), JPA 19:211-226. Pastor & Lovell (2005), Economics Letters 88:266-271.
    Oh (2010), JPA 34:183-197.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"region": ["a", "b", "c"] * 2, "period": [0, 0, 0, 1, 1, 1],
    ...                    "x": [1.0, 2.0, 4.0, 2.0, 1.0, 4.0], "y": [1.0, 1.0, 1.0, 3.0, 1.0, 1.0]})
    >>> res = malmquist(df, inputs=["x"], outputs=["y"])
    >>> print(res.frame[["region", "index", "ec", "tc"]].round(3).to_string(index=False))
    region  index    ec  tc
         a    1.5 1.000 1.5
         b    2.0 1.333 1.5
         c    1.0 0.667 1.5
    """
    check_option("rts", rts, ("crs", "vrs"), where=_WHERE)
    check_option("orientation", orientation, ORIENTATIONS, where=_WHERE)
    check_option("frontier", frontier, FRONTIERS, where=_WHERE)
    check_missing(missing, ("error", "drop"), where=_WHERE)
    inputs, outputs, undesirable = list(inputs), list(outputs), list(undesirable)
    if not inputs or not outputs:
        raise ParameterError(
            f"{_WHERE}: give at least one input and one output column.",
            zh=f"{_WHERE}：请至少给出一个投入列和一个产出列。",
        )
    cols = inputs + outputs + undesirable
    table, region, period = _table(data, cols, region, period)
    dup = table.duplicated([region, period], keep=False)
    if dup.any():
        r = table.loc[dup].iloc[0]
        raise DataValidationError(
            f"{_WHERE}: region {r[region]!r} appears more than once in period {r[period]!r}; give one row "
            "per region and period.",
            zh=f"{_WHERE}：地区 {r[region]!r} 在 {r[period]!r} 期出现了不止一次。请每个地区每期只给一行。",
        )
    na = table[cols].isna()
    dropped = pd.DataFrame(columns=["region", "period", "reason"])
    if na.any().any():
        rows = table.loc[na.any(axis=1)]
        if missing == "error":
            r = rows.iloc[0]
            bad_cols = [c for c in cols if pd.isna(r[c])]
            raise DataValidationError(
                f"{_WHERE}: {', '.join(bad_cols)} missing for region {r[region]!r} in period {r[period]!r} "
                f"({len(rows)} region-periods have gaps). Fill them, or pass missing='drop' to leave them out.",
                zh=f"{_WHERE}：地区 {r[region]!r} 在 {r[period]!r} 期缺少 {'、'.join(bad_cols)}"
                f"（共 {len(rows)} 个地区-时期有缺失）。请补全，或传入 missing='drop' 将其剔除。",
            )
        dropped = pd.DataFrame(
            {
                "region": rows[region].astype(str).to_numpy(),
                "period": rows[period].to_numpy(),
                "reason": [
                    "missing: " + ", ".join(c for c in cols if pd.isna(r[c])) for _, r in rows.iterrows()
                ],
            }
        )
        table = table.loc[~na.any(axis=1)]
    table = table.sort_values([period, region]).reset_index(drop=True)
    periods = sorted(table[period].unique().tolist())
    if len(periods) < 2:
        raise DataValidationError(
            f"{_WHERE}: need at least two periods with complete data; got {periods}.",
            zh=f"{_WHERE}：至少需要两个数据完整的时期，实际只有 {periods}。请扩大年份范围或补全数据。",
        )
    ml = bool(undesirable)
    units_all = [f"{r}@{p}" for r, p in zip(table[region], table[period], strict=True)]
    v.check_values(
        table[inputs].to_numpy(float),
        role="input",
        names=inputs,
        units=units_all,
        strictly_positive=False,
        where=_WHERE,
    )
    v.check_values(
        table[outputs].to_numpy(float),
        role="output",
        names=outputs,
        units=units_all,
        strictly_positive=False,
        where=_WHERE,
    )
    if ml:
        v.check_values(
            table[undesirable].to_numpy(float),
            role="undesirable output",
            names=undesirable,
            units=units_all,
            strictly_positive=True,
            where=_WHERE,
        )
    v.check_row_support(
        table[inputs].to_numpy(float),
        table[outputs].to_numpy(float),
        units_all,
        "output" if ml else orientation,
        _WHERE,
    )
    pdata: list[PeriodData] = []
    codes: list[list[str]] = []
    for p in periods:
        sub = table.loc[table[period] == p]
        codes.append(sub[region].astype(str).tolist())
        b = sub[undesirable].to_numpy(float) if ml else np.zeros((len(sub), 0))
        pdata.append(PeriodData(sub[inputs].to_numpy(float), sub[outputs].to_numpy(float), b))
        v.check_shape_rules(pdata[-1].x, pdata[-1].y, cols, f"{_WHERE} (period {p})", b if ml else None)
    from yindi.productivity.options import frame_prefilter_limit

    limit = frame_prefilter_limit(frame_prefilter_above)
    arr = compute(
        pdata,
        frontier=frontier,
        rts=rts,
        orientation=orientation,
        ml=ml,
        progress=progress,
        prefilter_above=limit,
    )
    parts: list[pd.DataFrame] = []
    n_inf = 0
    for t in range(len(periods) - 1):
        pos0 = {c: i for i, c in enumerate(codes[t])}
        pos1 = {c: i for i, c in enumerate(codes[t + 1])}
        common = [c for c in codes[t] if c in pos1]
        i0 = np.array([pos0[c] for c in common], dtype=np.int64)
        i1 = np.array([pos1[c] for c in common], dtype=np.int64)
        e00, e11 = arr.own[t][i0], arr.own[t + 1][i1]
        ec = e11 / e00
        if frontier == "global":
            g0, g1 = arr.glob[t], arr.glob[t + 1]
            assert g0 is not None and g1 is not None
            index = g1[i1] / g0[i0]
            tc = (g1[i1] / e11) / (g0[i0] / e00)
        else:
            nx, pv = arr.nxt[t], arr.prev[t + 1]
            assert nx is not None and pv is not None
            e01, e10 = nx[i1], pv[i0]
            n_inf += int(np.isnan(e01).sum() + np.isnan(e10).sum())
            tc = np.sqrt((e01 / e11) * (e00 / e10))
            index = np.sqrt((e01 / e00) * (e11 / e10))
        if rts == "vrs":
            v0, v1 = arr.own_v[t], arr.own_v[t + 1]
            assert v0 is not None and v1 is not None
            pec = v1[i1] / v0[i0]
            sec = ec / pec
        else:
            pec = sec = np.full(len(common), np.nan)
        parts.append(
            pd.DataFrame(
                {
                    "region": common,
                    "period": periods[t + 1],
                    "base": periods[t],
                    "index": index,
                    "ec": ec,
                    "tc": tc,
                    "pec": pec,
                    "sec": sec,
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(COLUMNS[:8]))
    frame = frame.sort_values(["region", "period"]).reset_index(drop=True)
    for name in ("index", "ec", "tc"):
        frame["cum_" + name] = _running_product(frame, name, periods)
    eff = pd.concat(
        [
            pd.DataFrame(
                {
                    "region": codes[t],
                    "period": p,
                    "efficiency": arr.own[t],
                    "efficiency_vrs": np.nan if arr.own_v[t] is None else arr.own_v[t],
                }
            )
            for t, p in enumerate(periods)
        ],
        ignore_index=True,
    )
    options: dict[str, object] = {
        "index": "ml" if ml else "malmquist",
        "rts": rts,
        "frontier": frontier,
        "orientation": "directional" if ml else orientation,
    }
    return MalmquistResult(frame, eff, dropped, n_inf, options)


def _running_product(frame: pd.DataFrame, col: str, periods: list[object]) -> pd.Series:
    """Cumulative product from the first period (frame sorted by region, period); NaN after a gap."""
    order = {p: i for i, p in enumerate(periods)}
    pos = frame["period"].map(order).to_numpy(dtype=np.int64)
    region = frame["region"].to_numpy()
    vals = frame[col].to_numpy(dtype=float)
    n = len(frame)
    new_region = np.ones(n, dtype=bool)
    new_region[1:] = region[1:] != region[:-1]
    prev_pos = np.r_[-1, pos[:-1]]
    ok = np.where(new_region, pos == 1, pos == prev_pos + 1)
    out = np.empty(n)
    starts = np.flatnonzero(new_region)
    ends = np.r_[starts[1:], n]
    for a, b in zip(starts, ends, strict=True):
        seg = np.cumprod(vals[a:b])
        broken = np.cumsum(~ok[a:b]) > 0
        seg[broken] = np.nan
        out[a:b] = seg
    return pd.Series(out, index=frame.index, dtype=float)
