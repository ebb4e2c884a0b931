"""Region-level evidence: research capacity, endowments and constraints, market size (from the panel and census).

地区层面证据：研发能力（研发强度、基础研究占比、研究人员、有效发明专利、技术合同成交额、高技术产业营收、
来源003 科技类型）、禀赋与约束（发电自给率、火电占比、碳排放强度）、市场规模（GDP、社零总额、人口）。
Each indicator uses its latest year ≤ the year asked for; what is absent is recorded as missing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from yindi.data.panel import Panel
from yindi.plan.kernels import percentile_rank

__all__ = ["REGION_MEASURES", "region_measures"]

#: Region measure → (Chinese, English, unit).
REGION_MEASURES: dict[str, tuple[str, str, str]] = {
    "rd_intensity": ("研发经费投入强度", "R&D intensity", "%"),
    "basic_research_share": ("基础研究经费占比", "Basic-research share of R&D", "%"),
    "researchers_per_10k": ("每万人研究人员全时当量", "Researchers (FTE) per 10,000 residents", "人年/万人"),
    "invention_patents_per_10k": (
        "每万人有效发明专利",
        "Valid invention patents per 10,000 residents",
        "件/万人",
    ),
    "tech_contracts_gdp": ("技术合同成交额占GDP", "Technology-contract turnover / GDP", "%"),
    "hightech_revenue_gdp": ("高技术产业营收/GDP", "High-tech manufacturing revenue / GDP", "ratio"),
    "enterprise_rd_share": ("规上工业企业R&D经费占全社会R&D", "Industrial-enterprise share of R&D", "%"),
    "stage_type": ("科技类型（来源003，1–4 对应Ⅰ–Ⅳ）", "S&T type (source 003; 1–4 = I–IV)", ""),
    "higher_edu_share": (
        "大专及以上人口占比（2020普查）",
        "Population with tertiary education (census 2020)",
        "%",
    ),
    "research_emp_share": (
        "科研和技术服务业就业占比（普查）",
        "Research and technical services employment share",
        "%",
    ),
    "co2_intensity": ("二氧化碳排放强度", "CO2 intensity", "吨/万元"),
    "thermal_share": ("火电占发电量比重", "Thermal share of generation", "%"),
    "power_self_sufficiency": ("发电量/用电量", "Generation / consumption", "ratio"),
    "gdp": ("地区生产总值", "GDP", "亿元"),
    "retail_sales": ("社会消费品零售总额", "Retail sales", "亿元"),
    "population": ("常住人口", "Population", "万人"),
    "research_score": ("研发能力综合位次", "Research-capacity rank", "0–1"),
    "market_score": ("市场规模位次", "Market-size rank", "0–1"),
    "carbon_rank": ("碳排放强度位次", "CO2-intensity rank", "0–1"),
    "energy_rank": ("发电量/用电量位次", "Generation/consumption rank", "0–1"),
}
_RESEARCH = (
    "rd_intensity",
    "basic_research_share",
    "researchers_per_10k",
    "invention_patents_per_10k",
    "tech_contracts_gdp",
    "hightech_revenue_gdp",
)


#: Panel rows as arrays: indicator, year, region code, value.
_Rows = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _latest(rows: _Rows, indicator: str, codes: Sequence[str]) -> tuple[pd.Series, int | None]:
    """The indicator's values in its latest year among ``rows`` (panel rows with a value, up to the year asked
    for), on ``codes``; and that year (``None``: no value)."""
    ind, year, region, value = rows
    mask = ind == indicator
    if not mask.any():
        return pd.Series(np.nan, index=list(codes)), None
    used = int(year[mask].max())
    sel = mask & (year == used)
    s = pd.Series(value[sel], index=pd.Index(region[sel], name="region_code"), name="value")
    return s.reindex(list(codes)).astype(float), used


_INDICATORS = (
    "rd_intensity", "rd_basic_research", "rd_applied_research", "rd_experimental_development",
    "rd_researchers_fte", "population", "invention_patents_valid", "tech_contract_turnover", "gdp",
    "hightech_industry_revenue", "firms_rd_expenditure", "rd_expenditure", "co2_emissions",
    "thermal_power_generation", "power_generation", "electricity_consumption", "retail_sales",
)  # fmt: skip


def region_measures(
    panel: Panel,
    codes: Sequence[str],
    year: int | None,
    census: pd.DataFrame | None,
    missing: list[tuple[str, str, str, str]],
) -> pd.DataFrame:
    """Region × measure table (index ``region_code``, columns :data:`REGION_MEASURES`); appends to ``missing``."""
    raw: dict[str, pd.Series] = {}
    used: dict[str, int | None] = {}
    f = panel.frame
    sub = f[f["indicator"].isin(list(_INDICATORS)) & f["value"].notna()]  # one pass over the panel
    if year is not None:
        sub = sub[sub["year"] <= year]
    rows = (
        sub["indicator"].to_numpy(dtype=object),
        sub["year"].to_numpy(),
        sub["region_code"].to_numpy(dtype=object),
        sub["value"].to_numpy(dtype=np.float64),
    )
    for ind in _INDICATORS:
        if ind in panel.indicators:
            raw[ind], used[ind] = _latest(rows, ind, codes)
        else:
            raw[ind], used[ind] = pd.Series(np.nan, index=list(codes)), None
            missing.append(("panel", "", f"indicator {ind} not in the panel", f"面板中没有指标 {ind}"))
    t = pd.DataFrame(index=pd.Index(list(codes), name="region_code"))
    rd_parts = raw["rd_basic_research"] + raw["rd_applied_research"] + raw["rd_experimental_development"]
    t["rd_intensity"] = raw["rd_intensity"]
    t["basic_research_share"] = 100 * raw["rd_basic_research"] / rd_parts
    t["researchers_per_10k"] = raw["rd_researchers_fte"] / raw["population"]
    t["invention_patents_per_10k"] = raw["invention_patents_valid"] / raw["population"]
    t["tech_contracts_gdp"] = 100 * (raw["tech_contract_turnover"] / 1e4) / raw["gdp"]  # 万元 → 亿元
    t["hightech_revenue_gdp"] = raw["hightech_industry_revenue"] / raw["gdp"]
    t["enterprise_rd_share"] = 100 * (raw["firms_rd_expenditure"] / 1e4) / raw["rd_expenditure"]
    rd = t["rd_intensity"]
    t["stage_type"] = np.select([rd > 4, rd > 3, rd > 2, rd.notna()], [1.0, 2.0, 3.0, 4.0], default=np.nan)
    if census is not None and "edu_college_male" in census.columns:
        edu = [c for c in census.columns if c.startswith("edu_") and c != "edu_years_mean"]
        tertiary = [c for c in edu if c.startswith(("edu_college", "edu_bachelor_plus"))]
        t["higher_edu_share"] = (
            100 * census[tertiary].sum(axis=1, min_count=1) / census[edu].sum(axis=1, min_count=1)
        )
        t["research_emp_share"] = 100 * census["emp_sample_research_tech"] / census["emp_sample_total"]
    else:
        t["higher_edu_share"] = np.nan
        t["research_emp_share"] = np.nan
    t["co2_intensity"] = 100 * raw["co2_emissions"] / raw["gdp"]  # Mt / 亿元 → t / 万元
    t["thermal_share"] = 100 * raw["thermal_power_generation"] / raw["power_generation"]
    t["power_self_sufficiency"] = raw["power_generation"] / raw["electricity_consumption"]
    t["gdp"], t["retail_sales"], t["population"] = raw["gdp"], raw["retail_sales"], raw["population"]
    ranks = percentile_rank(t[list(_RESEARCH)].to_numpy(dtype=np.float64))
    with np.errstate(all="ignore"):
        t["research_score"] = (
            np.where(
                np.isfinite(ranks).any(axis=1),
                np.nanmean(np.where(np.isfinite(ranks), ranks, np.nan), axis=1),
                np.nan,
            )
            if ranks.size
            else np.nan
        )
    market = percentile_rank(t[["gdp", "retail_sales"]].to_numpy(dtype=np.float64))
    with np.errstate(all="ignore"):
        t["market_score"] = np.nanmean(market, axis=1) if np.isfinite(market).any() else np.nan
    t["carbon_rank"] = percentile_rank(t["co2_intensity"].to_numpy(dtype=np.float64))
    t["energy_rank"] = percentile_rank(t["power_self_sufficiency"].to_numpy(dtype=np.float64))
    for col in ("rd_intensity", "co2_intensity", "gdp"):
        for code in t.index[t[col].isna()]:
            missing.append(
                (
                    "panel",
                    str(code),
                    f"{col} missing",
                    f"缺少{REGION_MEASURES[col][0] if col in REGION_MEASURES else col}",
                )
            )
    t.attrs["years"] = {k: v for k, v in used.items() if v is not None}
    return t
