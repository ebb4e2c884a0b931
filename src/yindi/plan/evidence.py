"""Capability evidence per region × industry: each source separately, then combined transparently.

地区 × 产业能力证据：各来源分列（用电区位商为代理指标、上市公司 RCA、普查就业区位商、关联密度），再按可设权重
透明合成；另有地区层面的研发能力、禀赋与约束、市场规模。缺失证据保持缺失（NaN）并报告，绝不记为零。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.data.panel import Panel
from yindi.errors import DataRepairWarning, MissingDataError
from yindi.plan import _sources
from yindi.plan._borrow import borrow_matrix
from yindi.plan._options import PLAN_OPTIONS
from yindi.plan._paths import evidence_paths
from yindi.plan._region import region_measures
from yindi.plan.concordance import links
from yindi.plan.kernels import aggregate_lq, combine, symmetric
from yindi.plan.taxonomy import load_taxonomy
from yindi.schema import tidy
from yindi.structure.electricity import ELECTRICITY_PROXY_NOTE_EN, ELECTRICITY_PROXY_NOTE_ZH

__all__ = ["INDUSTRY_MEASURES", "Evidence", "build_evidence", "evidence_paths"]

#: Region × industry measures: name → (Chinese, English) label.
INDUSTRY_MEASURES: dict[str, tuple[str, str]] = {
    "lq_electricity": ("用电区位商（代理指标）", "Electricity LQ (proxy)"),
    "rca_firms": ("上市公司显性比较优势", "Listed-firm RCA"),
    "lq_census": ("普查就业区位商（门类）", "Census employment LQ (section)"),
    "density": ("关联密度", "Relatedness density"),
    "pci": ("产业复杂度", "Industry complexity (PCI)"),
    "firms": ("上市公司数", "Listed firms"),
    "capability": ("综合能力", "Combined capability"),
}
_CAP_SOURCES = ("lq_electricity", "rca_firms", "lq_census")


@dataclass(frozen=True)
class Evidence:
    """Evidence for the portfolio.

    Attributes
    ----------
    regions : tuple of str
        Region codes (R).
    industries : tuple of str
        Taxonomy ids (I).
    year : int or None
        The year asked for (each source records the year it used in ``notes``).
    measures : mapping of str to (R, I) float
        Per-source measures (:data:`INDUSTRY_MEASURES`), NaN where missing.
    region_table : DataFrame
        Region-level measures (index ``region_code``): research capacity, endowments and constraints, market
        size, and their ranks (``research_score``, ``market_score``, ``carbon_rank``).
    capability : DataFrame
        Region × industry combined capability in [0, 1] (NaN where every source is missing).
    missing : DataFrame
        ``source, region_code, reason, reason_zh``: every piece of evidence that is missing (English and
        Chinese reason).
    notes : tuple of str
        Years used, proxy caveats, attribution, borrowed evidence (English).
    options : mapping
        The resolved ``plan`` options.
    """

    regions: tuple[str, ...]
    industries: tuple[str, ...]
    year: int | None
    measures: Mapping[str, FloatArray]
    region_table: pd.DataFrame
    capability: pd.DataFrame
    missing: pd.DataFrame
    notes: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    taxonomy_version: str = ""
    industry_table: pd.DataFrame | None = None
    notes_zh: tuple[str, ...] = ()
    #: :meth:`industry_frame`, built once (the portfolio, its rendering and the lists read it many times).
    _industries: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False, compare=False)

    def notes_in(self, lang: str = "en") -> tuple[str, ...]:
        """The notes in ``lang`` (Chinese when built with them, else English)."""
        return self.notes_zh if lang == "zh" and self.notes_zh else self.notes

    def industry_frame(self) -> pd.DataFrame:
        """Industry attributes (index ``industry_id``; ``tier, name_zh, name_en, level_003, energy_intensive,
        enabling, maturity``): the taxonomy's rows unless the evidence was built with its own table."""
        if self.industry_table is not None:
            return self.industry_table
        if "taxonomy" not in self._industries:
            frame = load_taxonomy().frame.set_index("industry_id").loc[list(self.industries)]
            out = frame[["tier", "name_zh", "name_en", "level_003", "maturity"]].copy()
            out["energy_intensive"] = frame["energy_intensive"] == "true"
            out["enabling"] = frame["enabling"] == "true"
            out["endowment"] = frame["endowment"]
            self._industries["taxonomy"] = out
        return self._industries["taxonomy"].copy()

    @classmethod
    def from_arrays(
        cls,
        regions: Sequence[str],
        industries: Sequence[str],
        region_table: pd.DataFrame,
        *,
        lq_electricity: FloatArray | None = None,
        rca_firms: FloatArray | None = None,
        lq_census: FloatArray | None = None,
        density: FloatArray | None = None,
        firms: FloatArray | None = None,
        industry_table: pd.DataFrame | None = None,
        options: Mapping[str, Any] | None = None,
        year: int | None = None,
    ) -> Evidence:
        """Evidence from arrays (hand-built cases, synthetic benchmarks). Absent measures are NaN (missing).

        ``region_table`` needs ``rd_intensity, research_score, market_score, carbon_rank`` (index = regions);
        ``industry_table`` (index = industries) is needed when the ids are not taxonomy ids.
        """
        opts = PLAN_OPTIONS.resolve(options)
        shape = (len(regions), len(industries))
        nan = np.full(shape, np.nan)
        measures = {
            "lq_electricity": nan.copy()
            if lq_electricity is None
            else np.asarray(lq_electricity, dtype=np.float64),
            "rca_firms": nan.copy() if rca_firms is None else np.asarray(rca_firms, dtype=np.float64),
            "lq_census": nan.copy() if lq_census is None else np.asarray(lq_census, dtype=np.float64),
            "density": nan.copy() if density is None else np.asarray(density, dtype=np.float64),
            "firms": nan.copy() if firms is None else np.asarray(firms, dtype=np.float64),
            "pci": nan.copy(),
        }
        weights = np.array([opts["w_electricity"], opts["w_firms"], opts["w_census"]], dtype=np.float64)
        cap, _ = combine(np.stack([symmetric(measures[s]) for s in _CAP_SOURCES]), weights)
        measures["capability"] = cap
        table = region_table.reindex(list(regions)).copy()
        for col in ("co2_intensity", "enterprise_rd_share", "energy_rank"):
            if col not in table:
                table[col] = np.nan
        table.index.name = "region_code"
        return cls(
            regions=tuple(regions),
            industries=tuple(industries),
            year=year,
            measures=measures,
            region_table=table,
            capability=pd.DataFrame(
                cap, index=pd.Index(list(regions), name="region_code"), columns=list(industries)
            ),
            missing=pd.DataFrame(columns=["source", "region_code", "reason", "reason_zh"]),
            options=opts,
            industry_table=industry_table,
        )

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Tidy long frame in the result schema with key column ``industry_id`` (empty for region-level rows)."""
        r, i = len(self.regions), len(self.industries)
        parts = []
        codes = np.repeat(np.asarray(self.regions, dtype=object), i)
        ids = np.tile(np.asarray(self.industries, dtype=object), r)
        for name, arr in self.measures.items():
            parts.append(
                pd.DataFrame(
                    {"region_code": codes, "industry_id": ids, "measure": name, "value": arr.ravel()}
                )
            )
        long = self.region_table.reset_index().melt(
            id_vars="region_code", var_name="measure", value_name="value"
        )
        long["industry_id"] = ""
        parts.append(long)
        frame = pd.concat(parts, ignore_index=True)
        frame["year"] = self.year
        return tidy(frame, keys=["industry_id"], lang="en" if lang == "en" else "zh")


def build_evidence(
    panel: Panel,
    *,
    electricity: Any = None,
    firms: Any = None,
    census: Any = None,
    year: int | None = None,
    options: Mapping[str, Any] | None = None,
    regions: Sequence[str] | None = None,
) -> Evidence:
    """Assemble every evidence source for the provinces of ``panel``.

    Parameters
    ----------
    panel : Panel
        The provincial panel (research capacity, endowments, market size).
    electricity : ActivityTable, path or None
        CEADs sector electricity (:func:`yindi.structure.read_sector_electricity` or the file); None = missing.
    firms : DataFrame, path or None
        The listed-firm table (``area, industry, status``); None = missing.
    census : DataFrame, path or None
        The long census table (``region_code, level, indicator, value``); None = missing.
    year : int, optional
        Evidence year: each source uses its latest year ≤ ``year`` (default: latest).
    options : mapping, optional
        ``plan`` options (validated with ``PLAN_OPTIONS.resolve``).
    regions : sequence of str, optional
        Region codes (default: the panel's regions without the national total).
    """
    opts = PLAN_OPTIONS.resolve(options)
    tax = load_taxonomy()
    ids = list(tax.ids)
    codes = list(regions) if regions is not None else [c for c in panel.region_codes if c != "100000"]
    r_n, i_n = len(codes), len(ids)
    notes: list[tuple[str, str]] = [(f"产业分类版本 {tax.version}", f"taxonomy {tax.version}")]
    missing: list[tuple[str, str, str, str]] = []
    measures: dict[str, FloatArray] = {}
    nan = np.full((r_n, i_n), np.nan)

    # --- electricity (proxy) and relatedness -------------------------------------------------------------
    if isinstance(electricity, (str, Path)):
        from yindi.structure import read_sector_electricity

        if not Path(electricity).exists():
            missing.append(("electricity", "", f"file {electricity} not found", f"未找到文件 {electricity}"))
        if Path(electricity).exists():
            with warnings.catch_warnings():  # exclusions are recorded in the notes below
                warnings.simplefilter("ignore", DataRepairWarning)
                electricity = read_sector_electricity(electricity)
        else:
            electricity = None
    if electricity is None:
        missing.append(
            (
                "electricity",
                "",
                "no sector electricity table given: electricity LQ and density missing",
                "未提供分行业用电表：缺少用电区位商和关联密度",
            )
        )
        measures["lq_electricity"], measures["density"], measures["pci"] = nan.copy(), nan.copy(), nan.copy()
    else:
        x, sectors, used = _sources.electricity_matrix(electricity, year, codes)
        notes.append(
            (
                f"用电：CEADs {used} 年；{ELECTRICITY_PROXY_NOTE_ZH}",
                f"electricity: CEADs {used}; {ELECTRICITY_PROXY_NOTE_EN}",
            )
        )
        notes += _sources.table_notes(electricity)
        link = _link(links("ceads"), sectors, ids, direct=set(tax.tier_ids("traditional")))
        measures["lq_electricity"] = aggregate_lq(np.nan_to_num(x, nan=0.0), link, np.nansum(x, axis=1))
        measures["lq_electricity"][~np.isfinite(x).all(axis=1)] = np.nan
        dens, pci = _density(x, link)
        measures["density"], measures["pci"] = dens, pci
        for code in np.asarray(codes)[~np.isfinite(x).all(axis=1)]:
            missing.append(
                ("electricity", str(code), "region not in the CEADs table", "该地区不在 CEADs 表中")
            )

    # --- listed firms ---------------------------------------------------------------------------------------
    if isinstance(firms, (str, Path)):
        if not Path(firms).exists():
            missing.append(("firms", "", f"file {firms} not found", f"未找到文件 {firms}"))
        firms = _sources.read_firms(firms) if Path(firms).exists() else None
    if firms is None:
        missing.append(
            ("firms", "", "no listed-firm table: firm RCA missing", "未提供上市公司表：缺少企业显性比较优势")
        )
        measures["rca_firms"], measures["firms"] = nan.copy(), nan.copy()
    else:
        counts, labels, fnotes = _sources.firm_counts(firms, codes)
        notes += [*fnotes, (_sources.FIRMS_ATTRIBUTION_ZH, _sources.FIRMS_ATTRIBUTION)]
        direct = _link(links("firms"), labels, ids, direct=set(ids), borrow=False)
        national = counts.sum(axis=0) @ direct
        has = {k for k, n in zip(ids, national, strict=True) if n >= int(opts["min_firms"])}
        link = _link(links("firms"), labels, ids, direct=has)
        rca = aggregate_lq(counts, link, counts.sum(axis=1))
        # a count expected below min_expected_firms says little either way (P(0 | E = 0.5) = 0.61): missing
        y = counts @ link
        expected = counts.sum(axis=1)[:, None] * (y.sum(axis=0) / max(counts.sum(), 1.0))[None, :]
        thin = expected < float(opts["min_expected_firms"])
        rca[thin] = np.nan
        measures["rca_firms"] = rca
        notes.append(
            (
                f"上市公司：{int(thin.sum())} 个地区 × 产业单元的期望上市公司数不足 {opts['min_expected_firms']} 家，"
                "按缺失处理（公司太少，无从判断）",
                f"firms: {int(thin.sum())} region × industry cells with < {opts['min_expected_firms']} expected "
                "listed firms treated as missing (too few firms to tell)",
            )
        )
        measures["firms"] = counts @ direct
        borrowed = sorted(set(ids) - has)
        notes.append(
            (
                f"上市公司：{len(borrowed)} 个产业的上市公司不足 {opts['min_firms']} 家，借用其基础产业的证据",
                f"firms: {len(borrowed)} industries with < {opts['min_firms']} listed firms use their base",
            )
        )

    # --- census ---------------------------------------------------------------------------------------------
    if isinstance(census, (str, Path)):
        if not Path(census).exists():
            missing.append(("census", "", f"file {census} not found", f"未找到文件 {census}"))
        census = _sources.read_census(census) if Path(census).exists() else None
    census_wide = None
    if census is None:
        missing.append(
            (
                "census",
                "",
                "no census table: employment LQ and human capital missing",
                "未提供普查表：缺少就业区位商和人力资本",
            )
        )
        measures["lq_census"] = nan.copy()
    else:
        census_wide = _sources.census_provinces(census, codes)
        sections = [c for c in census_wide.columns if c.startswith("emp_sample_") and c != "emp_sample_total"]
        emp = census_wide[sections].to_numpy(dtype=np.float64)
        link = _link(links("census"), sections, ids, direct=_census_direct())
        total = census_wide["emp_sample_total"].to_numpy(dtype=np.float64)
        measures["lq_census"] = aggregate_lq(np.nan_to_num(emp, nan=0.0), link, total)
        notes.append(
            (
                "普查：2020 年长表抽样（约 10%），只用比重；行业门类较粗",
                "census: 2020 long-form sample (about 10 %), used as shares only; sections are coarse",
            )
        )
        for code in census_wide.index[census_wide["emp_sample_total"].isna()]:
            missing.append(("census", str(code), "no census row for this region", "普查表中没有该地区"))

    # --- combined capability ----------------------------------------------------------------------------
    weights = np.array([opts["w_electricity"], opts["w_firms"], opts["w_census"]], dtype=np.float64)
    stack = np.stack([symmetric(measures[s]) for s in _CAP_SOURCES])
    cap, _ = combine(stack, weights)
    measures["capability"] = cap
    table = region_measures(panel, codes, year, census_wide, missing)
    return Evidence(
        regions=tuple(codes),
        industries=tuple(ids),
        year=year,
        measures=measures,
        region_table=table,
        capability=pd.DataFrame(
            cap, index=pd.Index(codes, name="region_code"), columns=pd.Index(ids, name="industry_id")
        ),
        missing=pd.DataFrame(missing, columns=["source", "region_code", "reason", "reason_zh"]),
        notes=tuple(en for _, en in notes),
        notes_zh=tuple(zh for zh, _ in notes),
        options=opts,
        taxonomy_version=tax.version,
    )


def _census_direct() -> set[str]:
    return set(links("census")["industry_id"])


def _link(
    long: pd.DataFrame, labels: Sequence[str], ids: Sequence[str], *, direct: set[str], borrow: bool = True
) -> FloatArray:
    """(labels × ids) 0/1 matrix: a label feeds an industry directly, or through the industry's base when the
    industry has no direct evidence in this source (``direct``) and ``borrow`` is True."""
    li = {lab: k for k, lab in enumerate(labels)}
    ii = {x: k for k, x in enumerate(ids)}
    m = np.zeros((len(labels), len(ids)))
    for lab, ind in zip(long["source_label"], long["industry_id"], strict=True):
        if lab in li and ind in ii and ind in direct:
            m[li[lab], ii[ind]] = 1.0
    if not borrow:
        return m
    b = borrow_matrix(ids, direct)
    return np.asarray((m @ b.T) > 0, dtype=np.float64)


def _density(x: FloatArray, link: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Relatedness density and PCI on the CEADs sectors, averaged onto industries through ``link``."""
    from yindi.structure.complexity_kernel import complexity_arrays

    r_n, i_n = x.shape[0], link.shape[1]
    rows = np.isfinite(x).all(axis=1) & (np.nansum(x, axis=1) > 0)
    xs = x[rows]
    cols = xs.sum(axis=0) > 0
    dens = np.full((r_n, i_n), np.nan)
    pci = np.full((r_n, i_n), np.nan)
    if rows.sum() < 3 or cols.sum() < 3:
        return dens, pci
    arr = complexity_arrays(xs[:, cols])
    lk = link[cols]
    n = lk.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        dens[rows] = (np.asarray(arr.density, dtype=np.float64) @ lk) / n
        p = np.nan_to_num(np.asarray(arr.pci, dtype=np.float64)) @ lk / n
    pci[:] = p[None, :]
    return dens, pci


def require(evidence: Evidence, name: str) -> FloatArray:
    """A measure of ``evidence`` or a clear error."""
    if name not in evidence.measures:
        raise MissingDataError(
            f"Evidence has no measure {name!r}; it has {sorted(evidence.measures)}.",
            zh=f"证据中没有度量 {name!r}；现有度量：{sorted(evidence.measures)}。",
        )
    return evidence.measures[name]
