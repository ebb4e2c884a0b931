"""Structure from the 2020 census: employment by the 20 GB/T 4754-2017 sections and human capital by county.

The census long form covered about 10 % of households, so its industry counts are used as shares only (LQ,
specialisation, similarity), never as employment levels. :func:`census_activity_table` turns the county rows of
a census panel (``../shared/data/cn-counties``) into an :class:`~yindi.structure.table.ActivityTable` for
:func:`yindi.structure.specialisation`; :func:`human_capital` reads education and occupation.

第七次人口普查分县资料：按 GB/T 4754-2017 门类的就业（长表抽样，仅用于结构份额）与人力资本。
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from yindi.data.panel import Panel
from yindi.errors import DataValidationError, MissingDataError, check_option
from yindi.structure.table import ActivityTable

#: The 20 GB/T 4754-2017 sections A–T: census indicator id → (section letter, 中文, English).
SECTIONS: dict[str, tuple[str, str, str]] = {
    "emp_sample_agriculture": ("A", "农林牧渔业", "Agriculture, forestry, animal husbandry and fishery"),
    "emp_sample_mining": ("B", "采矿业", "Mining"),
    "emp_sample_manufacturing": ("C", "制造业", "Manufacturing"),
    "emp_sample_utilities": ("D", "电力热力燃气及水生产和供应业", "Electricity, heat, gas and water"),
    "emp_sample_construction": ("E", "建筑业", "Construction"),
    "emp_sample_wholesale_retail": ("F", "批发和零售业", "Wholesale and retail trade"),
    "emp_sample_transport": ("G", "交通运输、仓储和邮政业", "Transport, storage and post"),
    "emp_sample_hotels_catering": ("H", "住宿和餐饮业", "Accommodation and catering"),
    "emp_sample_ict": ("I", "信息传输、软件和信息技术服务业", "Information transmission, software and IT"),
    "emp_sample_finance": ("J", "金融业", "Finance"),
    "emp_sample_real_estate": ("K", "房地产业", "Real estate"),
    "emp_sample_leasing_business": ("L", "租赁和商务服务业", "Leasing and business services"),
    "emp_sample_research_tech": ("M", "科学研究和技术服务业", "Scientific research and technical services"),
    "emp_sample_water_environment": (
        "N",
        "水利、环境和公共设施管理业",
        "Water, environment and public facilities",
    ),
    "emp_sample_resident_services": ("O", "居民服务、修理和其他服务业", "Resident services and repair"),
    "emp_sample_education": ("P", "教育", "Education"),
    "emp_sample_health_social": ("Q", "卫生和社会工作", "Health and social work"),
    "emp_sample_culture_sports": ("R", "文化、体育和娱乐业", "Culture, sports and entertainment"),
    "emp_sample_public_admin": (
        "S",
        "公共管理、社会保障和社会组织",
        "Public administration and social organisations",
    ),
    "emp_sample_international_orgs": ("T", "国际组织", "International organisations"),
}

CensusMissing = Literal["exclude", "zero"]
CENSUS_MISSING: tuple[CensusMissing, ...] = ("exclude", "zero")

_EDU = ("none", "preschool", "primary", "junior_secondary", "senior_secondary", "college", "bachelor_plus")


def census_units(panel: Panel, level: str = "county", within: Iterable[str] | None = None) -> list[str]:
    """Codes of the panel's units at ``level`` (``"county"`` or ``"city"``), optionally only those whose
    parent chain reaches one of the codes in ``within`` (a prefecture or province code)."""
    if panel.units is None:
        raise DataValidationError(
            "This panel has no unit table (level and parent of each code); load the census pack with "
            "yindi.data.load_pack('../shared/data/cn-counties').",
            zh="该面板没有单位表（各代码的层级与上级）；请用 load_pack 读取普查数据包。",
        )
    units = panel.units
    codes = units.loc[units["level"] == level, "region_code"].tolist()
    if within is None:
        return codes
    parent = dict(zip(units["region_code"], units["parent_code"], strict=True))
    anchors = {str(w) for w in within}

    def inside(code: str) -> bool:
        seen = 0
        while code and seen < 5:
            if code in anchors:
                return True
            code = str(parent.get(code, ""))
            seen += 1
        return False

    return [c for c in codes if inside(c)]


def census_activity_table(
    panel: Panel,
    *,
    regions: Iterable[str] | None = None,
    missing: CensusMissing = "exclude",
    drop_sections: Iterable[str] = ("emp_sample_international_orgs",),
    lang: str = "zh",
) -> ActivityTable:
    """County × section employment shares table (the long-form sample counts) for the structure methods.

    Parameters
    ----------
    panel : Panel
        The census pack (``load_pack("../shared/data/cn-counties")``).
    regions : iterable of str, optional
        Unit codes to include (default: every county-level unit, functional zones included).
    missing : {"exclude", "zero"}
        A unit with a section the census marks ``NA``: left out (default) or the cell read as 0; either way
        listed in ``excluded``/``notes``.
    drop_sections : iterable of str
        Sections left out (and noted). Default: T (international organisations), ``NA`` in 2,759 of the 2,985
        county rows and at most 95 sampled persons where present.
    lang : {"zh", "en"}
        Language of the activity labels (``"C 制造业"`` / ``"C Manufacturing"``).

    Returns
    -------
    ActivityTable
        One period (2020), regions × 19 sections, ``measure`` = census long-form employment (sample).
    """
    check_option("missing", missing, CENSUS_MISSING, where="census_activity_table()")
    codes = census_units(panel) if regions is None else [str(c) for c in regions]
    f = panel.frame
    sub = f[f["indicator"].isin(list(SECTIONS)) & f["region_code"].isin(codes)]
    wide = sub.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(index=codes, columns=list(SECTIONS))
    notes: list[str] = ["2020 census long form (~10 % sample): shares only, never employment levels"]
    excluded: list[tuple[str, str, str]] = []
    drop = [c for c in drop_sections if c in wide.columns]
    empty = drop + [c for c in wide.columns if wide[c].isna().all() and c not in drop]
    for col in empty:
        why = (
            "left out as asked (drop_sections)" if col in drop else "no value for any unit (NA in the census)"
        )
        excluded.append(("activity", col, why))
    wide = wide.drop(columns=empty)
    holes = wide.isna().any(axis=1)
    if holes.any():
        if missing == "exclude":
            na = wide.isna()
            for code in wide.index[holes]:
                gaps = ", ".join(SECTIONS[str(c)][0] for c in wide.columns[na.loc[code].to_numpy()])
                excluded.append(("region", str(code), f"section(s) {gaps} NA in the census"))
            wide = wide[~holes]
            notes.append(f"{int(holes.sum())} unit(s) with NA sections left out (missing='exclude')")
        else:
            wide = wide.fillna(0.0)
            notes.append(f"NA sections of {int(holes.sum())} unit(s) read as 0 (missing='zero')")
    if wide.empty:
        raise MissingDataError(
            "census_activity_table(): no unit has all sections; pass missing='zero'.",
            zh="census_activity_table()：没有任何单位具备全部门类；请设 missing='zero'。",
        )
    idx = 1 if lang == "zh" else 2
    labels = [f"{SECTIONS[c][0]} {SECTIONS[c][idx]}" for c in wide.columns]
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    return ActivityTable(
        periods=(2020,),
        regions=tuple(wide.index),
        activities=tuple(labels),
        values=wide.to_numpy(dtype=np.float64)[None, :, :].copy(),
        region_names={c: str(names.get(c, c)) for c in wide.index},
        measure="employed persons, 2020 census long form (sample)",
        proxy_note="Census long-form sample counts (~10 %): shares only.",
        excluded=pd.DataFrame(excluded, columns=["kind", "label", "reason"]),
        notes=tuple(notes),
        source="; ".join(panel.sources),
    )


def human_capital(panel: Panel, regions: Iterable[str] | None = None) -> pd.DataFrame:
    """Human capital of each unit from the census, in the result schema.

    Measures: ``edu_years_mean`` (published mean years of schooling), ``tertiary_share`` (persons who attended
    junior college or university over all persons with an education record, both sexes), ``professional_share``
    (professional and technical personnel over all occupations, long-form sample). Units lacking an input get
    no row for that measure (nothing is filled).
    """
    from yindi.schema import tidy

    codes = census_units(panel) if regions is None else [str(c) for c in regions]
    f = panel.frame[panel.frame["region_code"].isin(codes)]
    wide = f.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    edu_cols = [f"edu_{e}_{s}" for e in _EDU for s in ("male", "female")]
    tertiary_cols = [f"edu_{e}_{s}" for e in ("college", "bachelor_plus") for s in ("male", "female")]
    out = pd.DataFrame(index=wide.index)
    out["edu_years_mean"] = wide.get("edu_years_mean")
    out["tertiary_share"] = wide[tertiary_cols].sum(axis=1, min_count=4) / wide[edu_cols].sum(
        axis=1, min_count=len(edu_cols)
    )
    out["professional_share"] = wide["occ_sample_professional"] / wide["occ_sample_total"]
    long = out.reset_index().melt(id_vars="region_code", var_name="measure", value_name="value").dropna()
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    long["region"] = long["region_code"].map(names)
    long["level"] = "county"
    long["year"] = 2020
    return tidy(long.sort_values(["measure", "region_code"]).reset_index(drop=True))


#: Indicators of :func:`county_indicators` and their direction (+1: more is better for NQPF capacity).
COUNTY_INDICATORS: dict[str, tuple[int, str, str]] = {
    "edu_years_mean": (1, "平均受教育年限", "Mean years of schooling"),
    "tertiary_share": (1, "受过高等教育人口比重", "Share with tertiary education"),
    "professional_share": (1, "专业技术人员比重", "Share of professional and technical personnel"),
    "knowledge_share": (1, "科研、信息与教育就业比重", "Share of research, information and education jobs"),
    "urbanisation": (1, "城镇化率", "Urbanisation rate"),
}


def county_indicators(panel: Panel, regions: Iterable[str] | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """County × indicator matrix from the census (:data:`COUNTY_INDICATORS`) and the directions, for index
    and sensitivity-grid work at county scale; units lacking any input are left out (nothing is filled)."""
    codes = census_units(panel) if regions is None else [str(c) for c in regions]
    f = panel.frame[panel.frame["region_code"].isin(codes)]
    wide = f.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    hc = human_capital(panel, codes).pivot(index="region_code", columns="measure", values="value")
    know = wide[["emp_sample_research_tech", "emp_sample_ict", "emp_sample_education"]].sum(
        axis=1, min_count=3
    )
    out = pd.DataFrame(
        {
            "edu_years_mean": hc.get("edu_years_mean"),
            "tertiary_share": hc.get("tertiary_share"),
            "professional_share": hc.get("professional_share"),
            "knowledge_share": know / wide["emp_sample_total"],
            "urbanisation": wide["pop_urban"] / wide["pop_total"],
        }
    ).dropna()
    directions = np.array([COUNTY_INDICATORS[c][0] for c in out.columns], dtype=np.float64)
    return out, directions
