"""``evaluate()``: the NQPF composite index as users run it (model layer over the kernels)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi._missing import check_missing
from yindi._typing import FloatArray
from yindi.data.panel import Panel
from yindi.errors import MethodWarning, MissingDataError, ParameterError, check_option
from yindi.index._options import (
    AGGREGATIONS,
    MISSING_POLICIES,
    NORMALIZATIONS,
    SCOPES,
    WEIGHTINGS,
    Aggregation,
    MissingPolicy,
    Normalization,
    Scope,
    Weighting,
)
from yindi.index.aggregate import grey_relational, topsis
from yindi.index.ahp import ahp_weights
from yindi.index.normalize import constant_columns, minmax, zscore
from yindi.index.presets import DEFAULT_PRESET, Preset, load_preset, preset_values
from yindi.index.result import IndexResult
from yindi.index.weights import (
    combine_weights,
    critic_weights,
    cv_weights,
    entropy_weights,
    equal_weights,
    pca_weights,
)

NATIONAL = NATION_CODE


def _apply_missing(
    raw: pd.DataFrame, preset: Preset, policy: str
) -> tuple[pd.DataFrame, Preset, list[tuple[str, str]]]:
    """Apply the missing-value policy; the actions taken come back as (English, Chinese) sentences."""
    actions: list[tuple[str, str]] = []
    if not raw.isna().to_numpy().any():
        return raw, preset, actions
    if policy == "error":
        stacked = raw.isna().stack()
        cells = stacked[stacked.to_numpy(dtype=bool)]
        shown = "; ".join(f"{r} {y} {i}" for (r, y, i) in list(cells.index)[:8])
        per = raw.isna().sum()
        per = per[per > 0]
        raise MissingDataError(
            f"{int(cells.size)} missing value(s) for the index: {shown}{' …' if cells.size > 8 else ''}. "
            f"Indicators affected: {', '.join(f'{k} ({v})' for k, v in per.items())}. Choose years where the "
            "preset is complete, or pass missing='interpolate' (linear, within a region) or "
            "missing='drop_indicator'.",
            zh=f"指数有 {int(cells.size)} 个缺失值："
            f"{shown}{' …' if cells.size > 8 else ''}。涉及指标："
            f"{'、'.join(f'{k}（{v}）' for k, v in per.items())}。"
            "请选择该预设数据完整的年份，或设 missing='interpolate'（在地区内线性插值）"
            "或 missing='drop_indicator'。",
        )
    if policy == "interpolate":
        filled = raw.groupby(level="region_code", group_keys=False).apply(
            lambda g: g.interpolate(method="linear", limit_area="inside")
        )
        n = raw.isna().sum() - filled.isna().sum()
        for ind, k in n[n > 0].items():
            actions.append(
                (
                    f"interpolated {int(k)} value(s) of {ind} linearly within regions",
                    f"在地区内对 {ind} 的 {int(k)} 个值做了线性插值",
                )
            )
        stacked = filled.isna().stack()
        left = stacked[stacked.to_numpy(dtype=bool)]
        if left.size:
            shown = "; ".join(f"{r} {y} {i}" for (r, y, i) in list(left.index)[:8])
            raise MissingDataError(
                f"{int(left.size)} value(s) remain missing after interpolation (at the start or end of a "
                f"region's series, which is never extrapolated): {shown}. Shorten the years or use "
                "missing='drop_indicator'.",
                zh=f"插值后仍有 {int(left.size)} 个缺失值（位于地区序列的开头或结尾，不做外推）：{shown}。"
                "请缩短年份范围，或设 missing='drop_indicator'。",
            )
        return filled, preset, actions
    bad = [c for c in raw.columns if raw[c].isna().any()]
    keep = [i for i in preset.indicators if i.id not in bad]
    for c in bad:
        n_missing = int(raw[c].isna().sum())
        actions.append(
            (
                f"dropped indicator {c} ({n_missing} missing value(s))",
                f"删除了指标 {c}（{n_missing} 个缺失值）",
            )
        )
    dims = tuple(d for d in preset.dimensions if any(i.dimension == d.id for i in keep))
    if len(keep) < 2:
        raise MissingDataError(
            f"Dropping indicators with missing values leaves {len(keep)} indicator(s); need ≥ 2.",
            zh=f"删除有缺失值的指标后只剩 {len(keep)} 个指标，至少需要 2 个。",
        )
    for d in preset.dimensions:
        if d not in dims:
            actions.append(
                (f"dimension {d.id} has no indicator left and was dropped", f"维度 {d.id} 已无指标，已删除")
            )
    return (
        raw[[i.id for i in keep]],
        replace(preset, indicators=tuple(keep), dimensions=dims, weights=None),
        actions,
    )


def _weights(
    X: FloatArray,
    preset: Preset,
    weighting: str,
    *,
    user: Mapping[str, float] | None,
    ahp_matrix: Any,
    entropy_shift: float,
) -> FloatArray:
    d = preset.directions
    if weighting == "entropy":
        return entropy_weights(X, d, shift=entropy_shift)
    if weighting == "critic":
        return critic_weights(X, d)
    if weighting == "cv":
        return cv_weights(X)
    if weighting == "pca":
        return pca_weights(X)
    if weighting == "equal":
        return equal_weights(X.shape[1])
    if weighting == "ahp":
        if ahp_matrix is None:
            raise ParameterError(
                f"weighting='ahp' needs ahp_matrix=, a {X.shape[1]}×{X.shape[1]} pairwise matrix over the "
                f"indicators in this order: {', '.join(preset.indicator_ids)}.",
                zh="weighting='ahp' 需要 ahp_matrix=："
                f"按以下指标顺序的 {X.shape[1]}×{X.shape[1]} 两两比较矩阵："
                f"{'、'.join(preset.indicator_ids)}。",
            )
        return ahp_weights(ahp_matrix).weights
    given = dict(user) if user is not None else None
    if given is None and preset.weights is not None:
        given = dict(zip(preset.indicator_ids, preset.weights, strict=True))
    if given is None:
        raise ParameterError(
            "weighting='preset' needs weights= (indicator → weight) or a 'weights' table in the preset.",
            zh="weighting='preset' 需要 weights=（指标 → 权重）或预设中的 'weights' 表。",
        )
    missing = [i for i in preset.indicator_ids if i not in given]
    if missing:
        raise ParameterError(
            f"weights= lacks indicator(s) {', '.join(missing)}.",
            zh=f"weights= 缺少指标 {'、'.join(missing)}。",
        )
    w = np.array([float(given[i]) for i in preset.indicator_ids])
    if np.any(w < 0) or w.sum() <= 0:
        raise ParameterError(
            "weights= must be non-negative with a positive sum.", zh="weights= 须为非负数且总和为正。"
        )
    return np.asarray(w / w.sum())


def _aggregate(
    X: FloatArray, w: FloatArray, d: FloatArray, aggregation: str, normalization: str
) -> FloatArray:
    if aggregation == "topsis":
        return topsis(X, w, d, normalization=normalization).closeness  # type: ignore[arg-type]
    if aggregation == "weighted_sum":
        R = zscore(X, d) if normalization == "zscore" else minmax(X, d)
        return np.asarray(R @ (w / w.sum()))
    return grey_relational(X, w, d)


def _block(
    X: FloatArray, preset: Preset, w: FloatArray, aggregation: str, normalization: str
) -> tuple[FloatArray, FloatArray]:
    """Overall score (n,) and dimension scores (n, k) for one block of rows (panel or one year)."""
    d = preset.directions
    overall = _aggregate(X, w, d, aggregation, normalization)
    dim_idx = preset.dimension_index
    dims = np.zeros((X.shape[0], len(preset.dimensions)))
    for k in range(len(preset.dimensions)):
        cols = dim_idx == k
        wk = w[cols]
        if wk.sum() <= 0:
            dims[:, k] = 0.0
            continue
        dims[:, k] = _aggregate(X[:, cols], wk, d[cols], aggregation, normalization)
    return overall, dims


def fit_index(
    raw: pd.DataFrame,
    preset: Preset,
    *,
    weighting: str = "entropy",
    aggregation: str = "topsis",
    scope: str = "panel",
    normalization: str = "minmax",
    missing: str = "error",
    weights: Mapping[str, float] | None = None,
    ahp_matrix: Any = None,
    entropy_shift: float = 0.0,
    combine: str | None = None,
    alpha: float = 0.5,
    actions: Sequence[str] = (),
) -> IndexResult:
    """Fit the index on a prepared region-year × indicator table (used by :func:`evaluate` and sensitivity)."""
    raw, preset, more = _apply_missing(raw, preset, missing)
    for en, zh in more:
        warnings.warn(MethodWarning(en, zh=zh), stacklevel=3)
    acts = [*actions, *(en for en, _ in more)]
    const = [
        c for c, flag in zip(raw.columns, constant_columns(raw.to_numpy(dtype=float)), strict=True) if flag
    ]
    if const:
        warnings.warn(
            MethodWarning(
                f"constant indicator(s) get weight 0: {', '.join(const)}",
                zh=f"常数指标的权重为 0：{'、'.join(const)}",
            ),
            stacklevel=3,
        )
        acts.append(f"constant indicator(s) {', '.join(const)} carry no information (weight 0)")
    years = sorted(int(y) for y in raw.index.get_level_values("year").unique())
    d = preset.directions
    kw: dict[str, Any] = {"user": weights, "ahp_matrix": ahp_matrix, "entropy_shift": entropy_shift}
    blocks: list[tuple[pd.Index, FloatArray]] = []
    if scope == "panel":
        blocks.append((raw.index, raw.to_numpy(dtype=float)))
    else:
        for y in years:
            sub = raw.xs(y, level="year", drop_level=False)
            if len(sub) < 2:
                raise MissingDataError(
                    f"scope='year' needs ≥ 2 regions in each year; {y} has {len(sub)}.",
                    zh=f"scope='year' 要求每年至少有 2 个地区；{y} 年只有 {len(sub)} 个。",
                )
            blocks.append((sub.index, sub.to_numpy(dtype=float)))
    wcols: dict[Any, FloatArray] = {}
    parts: list[pd.DataFrame] = []
    norm_parts: list[pd.DataFrame] = []
    for k, (idx, X) in enumerate(blocks):
        w = _weights(X, preset, weighting, **kw)
        if combine is not None:
            w = combine_weights(_weights(X, preset, combine, **kw), w, alpha=alpha)
        wcols["panel" if scope == "panel" else years[k]] = w
        overall, dims = _block(X, preset, w, aggregation, normalization)
        frame = pd.DataFrame(dims, index=idx, columns=[dd.id for dd in preset.dimensions])
        frame.insert(0, "score", overall)
        parts.append(frame)
        norm_parts.append(pd.DataFrame(minmax(X, d), index=idx, columns=raw.columns))
    scores = pd.concat(parts).sort_index()
    scores.insert(
        1, "rank", scores.groupby(level="year")["score"].rank(ascending=False, method="min").astype(int)
    )
    wt = pd.DataFrame(wcols, index=pd.Index(preset.indicator_ids, name="indicator"))
    opts = {
        "weighting": weighting,
        "aggregation": aggregation,
        "scope": scope,
        "normalization": normalization,
        "missing": missing,
        "entropy_shift": entropy_shift,
        "combine": combine,
        "alpha": alpha,
        "weights": dict(weights) if weights is not None else None,
        "ahp_matrix": None if ahp_matrix is None else np.asarray(ahp_matrix, dtype=float).tolist(),
    }
    return IndexResult(preset, opts, raw, pd.concat(norm_parts).sort_index(), wt, scores, tuple(acts))


def evaluate(
    panel: Panel,
    preset: str | Path | Preset = DEFAULT_PRESET,
    *,
    weighting: Weighting = "entropy",
    aggregation: Aggregation = "topsis",
    scope: Scope = "panel",
    normalization: Normalization = "minmax",
    years: Sequence[int] | None = None,
    missing: MissingPolicy = "error",
    weights: Mapping[str, float] | None = None,
    ahp_matrix: Any = None,
    entropy_shift: float = 0.0,
    combine: Literal["ahp", "preset"] | None = None,
    alpha: float = 0.5,
) -> IndexResult:
    """Compute the NQPF composite index (新质生产力综合指数) of every region and year.

    Parameters
    ----------
    panel : Panel
        Regional data; the national total (100000) is left out (and the result says so).
    preset : str, path or Preset, default ``"nqpf_three_elements"``
        Index definition: a shipped preset name (:func:`~yindi.index.presets.available_presets`) or a TOML file.
    weighting : {'entropy', 'critic', 'cv', 'pca', 'equal', 'ahp', 'preset'}, default 'entropy'
        'ahp' needs ``ahp_matrix``; 'preset' uses ``weights`` or the preset's own weights table.
    aggregation : {'topsis', 'weighted_sum', 'grey'}, default 'topsis'
    scope : {'panel', 'year'}, default 'panel'
        'panel': normalisation bounds, weights and TOPSIS ideal points over all region-years, so scores are
        comparable across years (global entropy, METHODS §3.3); 'year': each year on its own.
    normalization : {'minmax', 'zscore', 'vector'}, default 'minmax'
        'vector' only with TOPSIS, 'zscore' only with the weighted sum.
    years : sequence of int, optional
        Default: the preset's documented span (e.g. 2018–2023), limited to the years in the data.
    missing : {'error', 'interpolate', 'drop_indicator'}, default 'error'
    weights : mapping indicator → weight, optional
    ahp_matrix : array (m, m), optional
    entropy_shift : float, default 0
        The optional ``x' + shift`` of the entropy method (0 uses :math:`0\\ln 0 = 0`).
    combine : {'ahp', 'preset'}, optional
        Combined (组合) weights: :math:`w = \\alpha w^{s} + (1-\\alpha) w^{o}` of these subjective weights
        (``ahp_matrix`` or ``weights``/the preset's table) and the objective ``weighting``.
    alpha : float, default 0.5
        Share of the subjective weights when ``combine`` is given.

    Returns
    -------
    IndexResult
        Weights, dimension scores, score and rank per region-year; ``.to_frame()``, ``.summary()``,
        ``.ranking()``, ``.obstacles()``, ``.coupling()``.

    Examples
    --------
    >>> from yindi.data import load_pack                                  # doctest: +SKIP
    >>> res = evaluate(load_pack("../shared/data/cn-provinces").mainland())  # doctest: +SKIP
    >>> res.ranking(2023).head(3)                                          # doctest: +SKIP
    """
    check_option("weighting", weighting, WEIGHTINGS, where="evaluate()")
    check_option("aggregation", aggregation, AGGREGATIONS, where="evaluate()")
    check_option("scope", scope, SCOPES, where="evaluate()")
    check_option("normalization", normalization, NORMALIZATIONS, where="evaluate()")
    check_missing(missing, MISSING_POLICIES, where="evaluate()")
    if combine is not None:
        check_option("combine", combine, ("ahp", "preset"), where="evaluate()")
    allowed = {"topsis": ("minmax", "vector"), "weighted_sum": ("minmax", "zscore"), "grey": ("minmax",)}
    check_option(
        "normalization", normalization, allowed[aggregation], where=f"evaluate(aggregation={aggregation!r})"
    )
    p = load_preset(preset)
    actions: list[str] = []
    if NATIONAL in panel.region_codes:
        panel = panel.select(regions=[c for c in panel.region_codes if c != NATIONAL])
        actions.append("left out the national total (100000): the index compares regions")
    present = set(panel.years())
    if years is None:
        span = range(p.years[0], p.years[1] + 1) if p.years else sorted(present)
        use = [y for y in span if y in present]
    else:
        use = sorted({int(y) for y in years})
    if not use:
        raise MissingDataError(
            f"No data for the years asked ({p.years if years is None else list(years)}).",
            zh=f"所选年份没有数据（{p.years if years is None else list(years)}）。",
        )
    raw = preset_values(panel, p, use)
    if raw.empty:
        raise MissingDataError(
            f"The panel has no rows for preset {p.id!r} in {use[0]}–{use[-1]}.",
            zh=f"面板在 {use[0]}–{use[-1]} 年没有预设 {p.id!r} 所需的数据行。",
        )
    return fit_index(
        raw,
        p,
        weighting=weighting,
        aggregation=aggregation,
        scope=scope,
        normalization=normalization,
        missing=missing,
        weights=weights,
        ahp_matrix=ahp_matrix,
        entropy_shift=entropy_shift,
        combine=combine,
        alpha=alpha,
        actions=actions,
    )
