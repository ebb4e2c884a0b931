"""Data envelopment analysis: ``dea()`` on arrays and ``dea_frame()`` on labelled tables.

Radial CCR/BCC models (Charnes, Cooper & Rhodes 1978; Banker, Charnes & Cooper 1984) in input or output
orientation under CRS/VRS/NIRS/NDRS, Andersen–Petersen (1993) super-efficiency, and the non-oriented SBM
(Tone 2001) with undesirable outputs (Tone 2004). All units are solved together by the certified batched
simplex in :mod:`yindi.productivity._batch`; the plain per-unit LP in :mod:`yindi.productivity._reference`
is the test reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
import scipy.sparse as sp

from yindi._defaults import NATION_CODE
from yindi._typing import FloatArray
from yindi.errors import ParameterError, check_option
from yindi.productivity import _validate as v
from yindi.productivity._batch import BatchLP, solve_batch
from yindi.productivity._options import MODELS, ORIENTATIONS, RTS, RTS_OPTIONS, Model, Orientation
from yindi.productivity._radial import _scale, radial
from yindi.productivity._sbm import sbm, super_sbm
from yindi.productivity.results import DEAResult

_WHERE = "dea()"


def _max_slacks(
    x: FloatArray,
    y: FloatArray,
    radial_value: FloatArray,
    feasible: np.ndarray,
    rts: RTS,
    orientation: Orientation,
    exclude: np.ndarray | None,
    frontier: np.ndarray,
) -> tuple[FloatArray, FloatArray, sp.csr_matrix]:
    """Second stage: with θ (or φ) fixed, maximise the sum of (scaled) slacks."""
    from yindi.productivity._radial import build_radial_lp

    n, m = x.shape
    s = y.shape[1]
    sx, sy = _scale(x, y)
    xs, ys = x / sx, y / sy
    idx = np.nonzero(feasible)[0]
    xe, ye = xs[idx], ys[idx]
    if orientation == "input":
        xe = xe * radial_value[idx, None]
    else:
        ye = ye * radial_value[idx, None]
    ex = None if exclude is None else exclude[idx]
    lp = build_radial_lp(xe, ye, xs, ys, rts=rts, orientation="input", exclude=ex)
    a_own = lp.a_own.copy()
    a_own[:, :, 0] = 0.0
    c_own = np.zeros_like(lp.c_own)
    c_own[:, 1 : 1 + m + s] = -1.0
    rhs = np.hstack([xe, ye] + ([np.ones((idx.size, 1))] if rts != "crs" else []))
    price = None if exclude is not None else np.asarray(frontier, dtype=np.int64)
    lp2 = BatchLP(lp.a_ref, lp.c_ref, a_own, c_own, rhs, lp.exclude, price)
    sol = solve_batch(lp2, frontier)
    s_in = np.full((n, m), np.nan)
    s_out = np.full((n, s), np.nan)
    s_in[idx] = sol.x_own[:, 1 : 1 + m] * sx
    s_out[idx] = sol.x_own[:, 1 + m : 1 + m + s] * sy
    lam = sp.csr_matrix(
        sp.csr_matrix((np.ones(idx.size), (idx, np.arange(idx.size))), shape=(n, idx.size)) @ sol.x_ref
    )
    return s_in, s_out, lam


def dea(
    X: object,
    Y: object,
    *,
    rts: RTS = "crs",
    orientation: Orientation = "input",
    model: Model = "radial",
    undesirable: object | None = None,
    super_efficiency: bool = False,
    slacks: str = "max",
    units: Sequence[str] | None = None,
    inputs: Sequence[str] | None = None,
    outputs: Sequence[str] | None = None,
    undesirable_names: Sequence[str] | None = None,
    frame_prefilter_above: int | None = None,
) -> DEAResult:
    """Efficiency of each unit (row) from inputs ``X`` and outputs ``Y``.

    Parameters
    ----------
    X : array_like, shape (n, m)
        Inputs, one row per unit (DMU); non-negative (strictly positive for SBM).
    Y : array_like, shape (n, s)
        Desirable outputs; non-negative (strictly positive for SBM).
    rts : {"crs", "vrs", "nirs", "ndrs"}
        Returns to scale. Default ``"crs"`` (CCR).
    orientation : {"input", "output"}
        Radial orientation (ignored by the non-oriented SBM).
    model : {"radial", "sbm"}
    undesirable : array_like, shape (n, k), optional
        Undesirable outputs (e.g. CO2), SBM only.
    super_efficiency : bool
        Unit ``o`` is left out of its own reference set: Andersen–Petersen (1993) for the radial models, Tone
        (2002) super-SBM for ``model="sbm"`` (efficient units get δ ≥ 1, the others keep their SBM score; not
        with undesirable outputs). LPs without a solution are reported through ``feasible`` and
        ``infeasible_units``.
    slacks : {"max", "first"}
        ``"max"`` (default) runs the second stage that maximises the slacks with θ fixed, so slacks and
        targets are the standard two-stage ones; ``"first"`` keeps the first-stage slacks (faster, not
        unique).
    units, inputs, outputs, undesirable_names : labels; default ``0..n-1``, ``x0..``, ``y0..``, ``b0..``.
    frame_prefilter_above : int, optional
        Radial models: more units than this and the frontier is pre-filtered before it is decomposed
        (option ``frame_prefilter_above`` of ``[options.productivity]``, default 2,000). Scores do not change.

    Returns
    -------
    DEAResult

    Notes
    -----
    Input-oriented radial model: ``min θ`` s.t. ``Σλx ≤ θx_o``, ``Σλy ≥ y_o``, ``λ ≥ 0`` plus ``Σλ = 1``
    (VRS), ``≤ 1`` (NIRS) or ``≥ 1`` (NDRS). Output orientation maximises φ with ``Σλy ≥ φy_o``; the
    efficiency reported is ``1/φ``. SBM: ``ρ = [1 − (1/m)Σs⁻/x_o] / [1 + (1/(s+k))(Σs^g/y_o + Σs^b/b_o)]``.

    References
    ----------
    Charnes, Cooper & Rhodes (1978), EJOR 2:429-444. Banker, Charnes & Cooper (1984), Management Science
    30:1078-1092. Andersen & Petersen (1993), Management Science 39:1261-1264. Tone (2001), EJOR
    130:498-509. Tone (2002), EJOR 143:32-41. Tone (2004), "Dealing with undesirable outputs in DEA: a slacks-based measure (SBM)
    approach", NAPW III, Toronto.

    Examples
    --------
    >>> res = dea([[2.0], [4.0], [3.0]], [[1.0], [2.0], [1.0]], rts="crs")
    >>> [round(float(e), 3) for e in res.efficiency]
    [1.0, 1.0, 0.667]
    """
    check_option("rts", rts, RTS_OPTIONS, where=_WHERE)
    check_option("orientation", orientation, ORIENTATIONS, where=_WHERE)
    check_option("model", model, MODELS, where=_WHERE)
    check_option("slacks", slacks, ("max", "first"), where=_WHERE)
    x = v.as_matrix(X, None, "X (inputs)", _WHERE)
    n = x.shape[0]
    y = v.as_matrix(Y, n, "Y (outputs)", _WHERE)
    b = None if undesirable is None else v.as_matrix(undesirable, n, "undesirable", _WHERE)
    unit_names = tuple(str(u) for u in units) if units is not None else tuple(str(i) for i in range(n))
    in_names = tuple(inputs) if inputs is not None else tuple(f"x{j}" for j in range(x.shape[1]))
    out_names = tuple(outputs) if outputs is not None else tuple(f"y{j}" for j in range(y.shape[1]))
    k = 0 if b is None else b.shape[1]
    bad_names = (
        tuple(undesirable_names) if undesirable_names is not None else tuple(f"b{j}" for j in range(k))
    )
    if len(unit_names) != n:
        raise ParameterError(
            f"{_WHERE}: {len(unit_names)} unit labels for {n} rows.",
            zh=f"{_WHERE}：给出了 {len(unit_names)} 个决策单元名称，但数据有 {n} 行。请为每行给一个名称。",
        )
    if b is not None and model != "sbm":
        raise ParameterError(
            f"{_WHERE}: undesirable outputs need model='sbm' (or malmquist(..., index='ml') for the "
            "directional distance function); a radial model would treat them as goods.",
            zh=f"{_WHERE}：非期望产出需要 model='sbm'（或用 malmquist(..., index='ml') 的方向距离函数）；"
            "径向模型会把它们当作期望产出。",
        )
    if super_efficiency and model == "sbm" and b is not None:
        raise ParameterError(
            f"{_WHERE}: super-SBM (Tone 2002) is implemented without undesirable outputs; drop undesirable= "
            "or use super_efficiency=False.",
            zh=f"{_WHERE}：超效率 SBM（Tone 2002）的实现不含非期望产出。请去掉 undesirable=，"
            "或设 super_efficiency=False。",
        )
    strict = model == "sbm"
    v.check_values(x, role="input", names=in_names, units=unit_names, strictly_positive=strict, where=_WHERE)
    v.check_values(
        y, role="output", names=out_names, units=unit_names, strictly_positive=strict, where=_WHERE
    )
    if b is not None:
        v.check_values(
            b,
            role="undesirable output",
            names=bad_names,
            units=unit_names,
            strictly_positive=True,
            where=_WHERE,
        )
    if model == "radial":
        v.check_row_support(x, y, unit_names, orientation, _WHERE)
    v.check_shape_rules(x, y, in_names + out_names + bad_names, _WHERE, b)
    options: dict[str, object] = {"model": model, "rts": rts}
    if model == "sbm":
        sol = sbm(x, y, b, rts=rts)
        score = sol.efficiency
        feasible = sol.feasible
        if super_efficiency:
            delta, ok = super_sbm(x, y, rts=rts)
            efficient = score >= 1 - 1e-9
            score = np.where(efficient, delta, score)
            feasible = np.where(efficient, ok, feasible)
        options["super_efficiency"] = super_efficiency
        s_in, s_out = sol.slack_in, sol.slack_out
        s_bad = sol.slack_bad
        bb = np.zeros((n, 0)) if b is None else b
        return DEAResult(
            score,
            sol.lambdas,
            s_in,
            s_out,
            s_bad,
            x - s_in,
            y + s_out,
            bb - s_bad,
            feasible,
            unit_names,
            in_names,
            out_names,
            bad_names,
            options,
        )
    options.update(orientation=orientation, super_efficiency=super_efficiency, slacks=slacks)
    from yindi.productivity.options import frame_prefilter_limit

    rad = radial(
        x,
        y,
        rts=rts,
        orientation=orientation,
        super_efficiency=super_efficiency,
        prefilter_above=frame_prefilter_limit(frame_prefilter_above),
    )
    s_in, s_out, lam = rad.slack_in, rad.slack_out, rad.lambdas
    if slacks == "max":
        exclude = np.arange(n) if super_efficiency else None
        s_in, s_out, lam = _max_slacks(
            x, y, rad.radial, rad.feasible, rts, orientation, exclude, rad.frontier
        )
    th = rad.radial[:, None]
    if orientation == "input":
        t_in, t_out = th * x - s_in, y + s_out
    else:
        t_in, t_out = x - s_in, th * y + s_out
    empty = np.zeros((n, 0))
    return DEAResult(
        rad.efficiency,
        lam,
        s_in,
        s_out,
        empty,
        t_in,
        t_out,
        empty,
        rad.feasible,
        unit_names,
        in_names,
        out_names,
        (),
        options,
    )


def dea_frame(
    data: object,
    *,
    inputs: Sequence[str],
    outputs: Sequence[str],
    undesirable: Sequence[str] = (),
    unit: str | None = None,
    year: int | None = None,
    missing: str = "error",
    **options: object,
) -> DEAResult:
    """:func:`dea` on labelled data: a table with one row per unit, or a Panel and a year.

    Parameters
    ----------
    data : DataFrame or Panel
        A DataFrame with one row per unit and one column per variable, or a :class:`~yindi.data.Panel`
        (then ``year`` is required; variables are indicator ids; the national total ``100000`` is left out).
    inputs, outputs, undesirable : column names / indicator ids.
    unit : str, optional
        Column that labels the units (DataFrame only; default the index).
    year : int, optional
        Year of the cross-section when ``data`` is a Panel.
    missing : {"error", "drop"}
        A unit with a missing (NaN) variable raises :class:`~yindi.errors.MissingDataError` naming the units
        (default), or is left out and listed in the result's ``dropped``.
    **options
        Passed to :func:`dea` (``rts``, ``orientation``, ``model``, ``super_efficiency``, ``slacks``).

    Returns
    -------
    DEAResult
        Units are labelled by ``unit`` (or the adcode for a Panel); variables by their names.
    """
    from yindi._missing import check_missing
    from yindi.data.panel import Panel

    check_missing(missing, ("error", "drop"), where="dea_frame()")
    if isinstance(data, Panel):
        if year is None:
            raise ParameterError(
                "dea_frame(): give year= when data is a Panel (DEA compares one cross-section).",
                zh="dea_frame()：数据为 Panel 时须给出 year=（DEA 比较同一年的截面）。",
            )
        variables = [*inputs, *outputs, *undesirable]
        for c in variables:
            data.indicator(c)  # an unknown id is an error naming the closest ones
        available = sorted(set.intersection(*(set(data.years(c)) for c in variables))) if variables else []
        if year not in available:
            span = f"{available[0]}–{available[-1]}" if available else "none"
            raise ParameterError(
                f"dea_frame(): no data for {', '.join(variables)} in {year}; years with all of them: {span}.",
                zh=f"dea_frame()：{year} 年没有 {'、'.join(variables)} 的数据；这些指标都有数据的年份：{span}。",
            )
        table = data.cross_section(year, variables).reset_index()
        table = table[table["region_code"] != NATION_CODE]  # a national total is not a decision-making unit
        unit = "region_code"
    elif isinstance(data, pd.DataFrame):
        table = data
    else:
        raise ParameterError(
            f"dea_frame(): data must be a DataFrame or a Panel; got {type(data).__name__}.",
            zh=f"dea_frame()：data 须为 DataFrame 或 Panel，收到的是 {type(data).__name__}。",
        )
    absent = [
        c for c in [*inputs, *outputs, *undesirable, *([unit] if unit else [])] if c not in table.columns
    ]
    if absent:
        raise ParameterError(
            f"dea_frame(): column(s) {', '.join(map(repr, absent))} not found; the table has "
            f"{', '.join(map(str, table.columns))}.",
            zh=f"dea_frame()：找不到列 {'、'.join(map(repr, absent))}；表中的列为 "
            f"{'、'.join(map(str, table.columns))}。请检查投入、产出和单元列的列名。",
        )
    table, dropped = _missing_units(table, [*inputs, *outputs, *undesirable], unit, missing)
    labels = table[unit].astype(str).tolist() if unit else [str(i) for i in table.index]
    res = dea(
        table[list(inputs)].to_numpy(dtype=float),
        table[list(outputs)].to_numpy(dtype=float),
        undesirable=table[list(undesirable)].to_numpy(dtype=float) if undesirable else None,
        units=labels,
        inputs=list(inputs),
        outputs=list(outputs),
        undesirable_names=list(undesirable) if undesirable else None,
        **options,  # type: ignore[arg-type]
    )
    if isinstance(data, Panel):
        res = replace(res, options={**res.options, "year": int(year)})  # type: ignore[arg-type]
    return replace(res, dropped=dropped) if dropped else res


def _missing_units(
    table: pd.DataFrame, variables: list[str], unit: str | None, missing: str
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Rows with a NaN variable: an error naming the units, or left out (``missing="drop"``) and returned."""
    from yindi.errors import MissingDataError

    gaps = table[variables].isna().any(axis=1)
    if not gaps.any():
        return table, ()
    names = tuple(table.loc[gaps, unit].astype(str) if unit else (str(i) for i in table.index[gaps]))
    if missing == "error":
        shown = ", ".join(names[:10]) + (" …" if len(names) > 10 else "")
        raise MissingDataError(
            f"dea_frame(): values missing for {len(names)} unit(s): {shown}. Fill them, or pass missing='drop' "
            "(CLI: --missing drop) to leave them out (reported).",
            zh=f"dea_frame()：{len(names)} 个单元有缺失值：{shown}。请补齐，或设 missing='drop'"
            "（命令行 --missing drop）剔除并报告。",
        )
    return table.loc[~gaps], names
