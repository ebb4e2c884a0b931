"""Roles: innovation source, carrier, both or neither, from a knowledge-creation and an absorption axis.

角色划分：按知识创造轴与吸收转化轴，把每个地区定为创新策源地、承载转化地、策源兼承载或两者皆否，并给出技术合同净流出
及其趋势（“流量—流向—流速”，文献 001 §1.2）。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray, Lang
from yindi.coordinate import _reasons as rs
from yindi.coordinate._inputs import component_logs, read_inputs
from yindi.coordinate._kernels import AxisScores, axis_scores, normal_cdf, ols_slope, standardise
from yindi.coordinate.axes import ABSORPTION, AXES, ENDOWMENTS, MANUFACTURING_SHARE, Component
from yindi.coordinate.options import TABLE
from yindi.data.panel import Panel
from yindi.errors import check_option
from yindi.schema import region_labels, tidy

ROLES: tuple[str, ...] = ("source", "carrier", "both", "neither", "unknown")
_WAN_PER_YI = 1e4  # 万元 per 亿元


@dataclass(frozen=True)
class RolesResult:
    """Roles of every region for one year.

    Attributes
    ----------
    year : int
    table : DataFrame
        One row per region: ``region_code, region, role, creation, absorption`` (axis standard scores),
        ``creation_level, absorption_level`` (Φ of the scores, 0–1), ``net_flow`` (技术合同 turnover by seller −
        by buyer, 亿元), ``net_flow_trend`` (亿元 per year), endowments ``energy, land, labour, talent`` (0–1),
        ``z_<component>`` for every component, ``coverage_creation, coverage_absorption`` (share of the axis
        weight observed), ``reasons`` (codes), ``reason_zh``, ``reason_en``.
    lonlat : (n, 2) array
        Centroids (degrees) of the regions, in table order.
    options : mapping
        Every option of ``[options.coordinate]`` used (defaults included).
    """

    year: int
    table: pd.DataFrame
    lonlat: FloatArray
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.table["region_code"])

    def role_of(self, code: str) -> str:
        return str(self.table.set_index("region_code").at[code, "role"])

    def output_table(self, lang: Lang = "zh") -> pd.DataFrame:
        """The human-facing table: ``region_code, region, role, role_name, reasons, reason`` (the sentence in
        ``lang``), the axis scores, then every other column of :attr:`table`."""
        t = self.table.copy()
        t["region"] = region_labels(t["region_code"], lang)[0]
        t["reason"] = t["reason_zh" if lang == "zh" else "reason_en"]
        t["role_name"] = [rs.role_label(r, lang) for r in t["role"]]
        first = ["region_code", "region", "role", "role_name", "reasons", "reason", "creation", "absorption"]
        rest = [c for c in t.columns if c not in first and c not in ("reason_zh", "reason_en")]
        return t[first + rest]

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Tidy long frame: measures ``creation, absorption, creation_level, absorption_level, net_flow,
        net_flow_trend`` and the endowments ``energy, land, labour, talent``, and ``z`` (key ``component``); key ``role`` on every row."""
        t = self.table
        measures = [
            "creation",
            "absorption",
            "creation_level",
            "absorption_level",
            "net_flow",
            "net_flow_trend",
        ]
        measures += [c.id for c in ENDOWMENTS]
        parts = []
        for m in measures:
            parts.append(
                pd.DataFrame({"region_code": t["region_code"], "measure": m, "value": t[m], "component": ""})
            )
        for col in [c for c in t.columns if c.startswith("z_")]:
            parts.append(
                pd.DataFrame(
                    {"region_code": t["region_code"], "measure": "z", "value": t[col], "component": col[2:]}
                )
            )
        long = pd.concat(parts, ignore_index=True)
        long["role"] = long["region_code"].map(dict(zip(t["region_code"], t["role"], strict=True)))
        long["year"] = self.year
        return tidy(long, keys=["component", "role"], lang=lang)

    def summary(self, lang: Lang = "zh") -> str:
        """One line per role: how many regions and which."""
        names, _ = region_labels(self.table["region_code"], lang)
        by = dict(zip(self.table["region_code"], names, strict=True))
        head = f"{self.year} 年地区角色" if lang == "zh" else f"Regional roles, {self.year}"
        lines = [head]
        for role in ROLES:
            codes = self.table.loc[self.table["role"] == role, "region_code"]
            if len(codes):
                sep = "、" if lang == "zh" else ", "
                lines.append(
                    f"  {rs.role_label(role, lang)} ({len(codes)}): {sep.join(by[c] for c in codes)}"
                )
        return "\n".join(lines)


def _weights(opts: Mapping[str, Any], comps: tuple[Component, ...]) -> FloatArray:
    return np.array([float(opts[f"w_{c.id}"]) for c in comps])


def _net_flow(
    panel: Panel, codes: tuple[str, ...], year: int, span: int
) -> tuple[FloatArray, FloatArray, str]:
    """Net technology flow (亿元) in ``year`` and its OLS slope over the ``span`` years up to ``year``."""
    needed = ("tech_contract_turnover", "tech_contract_inflow")
    if any(i not in panel.indicators for i in needed):
        nan = np.full(len(codes), np.nan)
        return nan, nan.copy(), ""
    years = list(range(year - span + 1, year + 1))
    sub = panel.select(indicators=needed, years=years, regions=codes)
    out_ = sub.series("tech_contract_turnover").reindex(index=list(codes), columns=years)
    in_ = sub.series("tech_contract_inflow").reindex(index=list(codes), columns=years)
    net = (out_ - in_).to_numpy(dtype=np.float64) / _WAN_PER_YI
    slope = ols_slope(np.array(years, dtype=np.float64), net)
    has: list[bool] = np.asarray(np.isfinite(net).any(axis=0)).tolist()
    observed = [y for y, ok in zip(years, has, strict=True) if ok]
    span_text = f"{observed[0]}–{observed[-1]}" if observed else ""
    return net[:, -1], slope, span_text


def _reasons(
    table: pd.DataFrame,
    axes: Mapping[str, tuple[Component, ...]],
    scores: Mapping[str, AxisScores],
    w: Mapping[str, float],
    t_c: float,
    t_a: float,
    span: str,
) -> tuple[list[str], list[str], list[str]]:
    """Reason codes and the Chinese and English sentences, one per region."""
    c, a = table["creation"].to_numpy(), table["absorption"].to_numpy()
    net, slope, role = (
        table["net_flow"].to_numpy(),
        table["net_flow_trend"].to_numpy(),
        table["role"].to_numpy(),
    )
    codes_col, zh_col, en_col = [], [], []
    for i in range(len(table)):
        r = str(role[i])
        axis = "absorption" if r == "carrier" else "creation"
        comps = axes[axis]
        z = scores[axis].z[i]
        code_list = [rs.axis_code("creation", c[i], t_c), rs.axis_code("absorption", a[i], t_a)]
        strongest = None
        if np.isfinite(z).any():
            k = int(np.nanargmax(z))
            strongest = (comps[k].name_zh, comps[k].name_en, float(z[k]))
            code_list.append(f"strongest_{axis}({comps[k].id} z={rs.fmt(float(z[k]))})")
        if np.isfinite(net[i]):
            code_list.append(f"net_{'outflow' if net[i] >= 0 else 'inflow'}({rs.fmt(float(net[i]), 1)} 亿元)")
        if np.isfinite(slope[i]):
            code_list.append(f"net_flow_trend({rs.fmt(float(slope[i]), 1, sign=True)} 亿元/年, {span})")
        gone = [
            cp
            for ax, cps in axes.items()
            for j, cp in enumerate(cps)
            if w[cp.id] > 0 and not np.isfinite(scores[ax].z[i, j])
        ]
        code_list += [f"missing({cp.id})" for cp in gone]
        zh, en = rs.role_sentences(
            role=r,
            creation=float(c[i]),
            absorption=float(a[i]),
            t_c=t_c,
            t_a=t_a,
            strongest=strongest,
            net_flow=float(net[i]),
            trend=float(slope[i]),
            trend_span=span,
            missing=[(cp.name_zh, cp.name_en) for cp in gone],
        )
        codes_col.append("; ".join(code_list))
        zh_col.append(zh)
        en_col.append(en)
    return codes_col, zh_col, en_col


def roles(
    panel: Panel,
    *,
    manufacturing_share: pd.Series | None = None,
    options: Mapping[str, Any] | None = None,
    lang: Lang = "zh",
) -> RolesResult:
    """Knowledge-creation and absorption axes, roles, and net technology flow for every region of ``panel``.

    Parameters
    ----------
    panel : Panel
        Needs the indicators of :data:`yindi.coordinate.axes.CREATION` and ``ABSORPTION`` whose weight is not
        0 (land area comes from the region polygons); the national total is left out.
    manufacturing_share : Series, optional
        Manufacturing share of employment by region (index adcodes), e.g. from the 2020 census
        (:func:`yindi.coordinate.census.manufacturing_share`); when given it is one more absorption component
        (``w_manufacturing_share``), taken as it is (a census year need not be the analysis year).
    options : mapping, optional
        ``[options.coordinate]`` (see :data:`yindi.coordinate.options.TABLE`): ``year``, ``w_<component>``,
        ``creation_threshold``, ``absorption_threshold``, ``trend_years``.
    lang : {"zh", "en"}
        Language of the ``region`` column.

    Returns
    -------
    RolesResult

    Notes
    -----
    For each component ``j``: ``z_ij = d_j (log x_ij − mean_j) / sd_j`` across regions; the axis score is
    the weighted mean of a region's observed ``z`` re-standardised across regions. Role: ``source`` if
    creation ≥ ``creation_threshold`` and absorption < ``absorption_threshold``; ``carrier`` the reverse;
    ``both`` / ``neither`` when both or none pass.
    """
    check_option("lang", lang, ("zh", "en"), where="roles()")
    opts = TABLE.resolve(options)
    axes: dict[str, tuple[Component, ...]] = dict(AXES)
    if manufacturing_share is not None:
        axes["absorption"] = (*ABSORPTION, MANUFACTURING_SHARE)
    w = {c.id: float(opts[f"w_{c.id}"]) for comps in axes.values() for c in comps}
    panel_comps = [c for comps in axes.values() for c in comps if c is not MANUFACTURING_SHARE]
    required = [c for c in panel_comps if w[c.id] > 0] + list(ENDOWMENTS)
    optional = [c for c in panel_comps if w[c.id] == 0]
    inputs = read_inputs(panel, required, optional, opts["year"])
    if manufacturing_share is not None:
        share = pd.to_numeric(pd.Series(manufacturing_share), errors="coerce")
        share.index = share.index.astype(str)
        inputs = replace(
            inputs,
            values=inputs.values.assign(**{MANUFACTURING_SHARE.indicator: share.reindex(list(inputs.codes))}),
        )
    codes = inputs.codes
    table = pd.DataFrame({"region_code": list(codes), "region": region_labels(list(codes), lang)[0]})
    scores: dict[str, AxisScores] = {}
    for axis, comps in axes.items():
        logx = component_logs(inputs, comps, w)
        res = axis_scores(
            logx, _weights(opts, comps), np.array([c.direction for c in comps], dtype=np.float64)
        )
        scores[axis] = res
        table[axis] = res.score
        table[f"{axis}_level"] = normal_cdf(res.score)
        table[f"coverage_{axis}"] = res.coverage
    for comp in ENDOWMENTS:
        logx = component_logs(inputs, (comp,), {})
        table[comp.id] = normal_cdf(standardise(comp.direction * logx[:, 0]))
    t_c, t_a = float(opts["creation_threshold"]), float(opts["absorption_threshold"])
    c, a = table["creation"].to_numpy(), table["absorption"].to_numpy()
    hi_c, hi_a = c >= t_c, a >= t_a
    role = np.where(hi_c & hi_a, "both", np.where(hi_c, "source", np.where(hi_a, "carrier", "neither")))
    role = np.where(np.isfinite(c) & np.isfinite(a), role, "unknown")
    table.insert(2, "role", role)
    net, slope, span = _net_flow(panel, codes, inputs.year, int(opts["trend_years"]))
    table["net_flow"], table["net_flow_trend"] = net, slope
    for axis, comps in axes.items():
        for j, comp in enumerate(comps):
            table[f"z_{comp.id}"] = scores[axis].z[:, j]
    table["reasons"], table["reason_zh"], table["reason_en"] = _reasons(
        table, axes, scores, w, t_c, t_a, span
    )
    return RolesResult(year=inputs.year, table=table, lonlat=inputs.lonlat, options=dict(opts))
