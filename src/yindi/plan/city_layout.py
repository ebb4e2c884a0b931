"""The city's internal layout: centre research → near-suburb pilot production → periphery volume manufacturing.

Source 003 §三(三)「城市内部空间布局上的因地制宜」: 中心城区 serves 创新策源与概念验证; 郊区 offers land for
专业化的中试基地和柔性生产线; 外围区域 suits 先进制造和规模化生产基地 — 「中心研发—近郊中试—外围量产—全域协作」.

For each prefecture with at least ``min_units`` county-level units in the 2020 census, :func:`city_layout`

1. classifies the units into **centre**, **near suburb** and **periphery** from geometry and administrative type:
   the centre is the densest urban district (市辖区) plus the urban districts touching it whose density is at
   least ``centre_density``; other urban districts within ``periphery_km`` of the centre, and counties or
   county-level cities within ``near_km``, are the near suburb; everything else is the periphery. Distances
   are great-circle distances between polygon centroids (the centre's is population-weighted);
2. reads each unit's structure from the census long form: the *knowledge* share (M research and technical
   services + I information services + P education) and the *manufacturing* share (C), with location quotients
   against the prefecture as a whole;
3. checks the chain on ring averages (employment-weighted): the centre has the highest knowledge share; the near
   suburb has more manufacturing than the centre and at least the periphery's knowledge share; the periphery has
   more manufacturing than the centre;
4. gives every unit the role of its ring, says whether its structure supports that role (knowledge LQ ≥
   ``lq_threshold`` in the centre; manufacturing or knowledge LQ ≥ ``lq_threshold`` in the near suburb;
   manufacturing LQ ≥ ``lq_threshold`` in the periphery) and writes the reason with codes and numbers.

Functional zones (开发区 …) and units re-coded since 2020 have no current boundary: they are listed with their
structure but not placed in a ring. Areas use a spherical approximation (degrees² × 111.32² × cos φ km²),
well within the precision a density threshold needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.data.panel import Panel
from yindi.errors import DataValidationError
from yindi.options import Option, OptionTable, register

SOURCE = "003 §三(三) 城市内部空间布局上的因地制宜：中心研发—近郊中试—外围量产"

TABLE = register(
    OptionTable(
        "city_layout",
        "城市内部空间布局",
        "City internal layout",
        (
            Option("min_units", 3, "参与分析的地级单位至少含县级单位数", "Minimum county-level units of a prefecture", low=3),
            Option(
                "centre_density", 2000.0, "中心城区的最低人口密度（人/平方公里）",
                "Minimum population density of a centre district (persons/km²)", low=0.0,
            ),
            Option("near_km", 30.0, "县/县级市划入近郊的最大距离（公里）", "Counties within this distance of the "
                   "centre are near suburbs (km)", low=0.0),
            Option("periphery_km", 50.0, "市辖区划入外围的距离（公里）", "Urban districts farther than this from "
                   "the centre are periphery (km)", low=0.0),
            Option("lq_threshold", 1.0, "区位商达到该值视为具备相应功能（来源 003 §三(三)）", "A unit supports a "
                   "role when the relevant LQ reaches this (source 003 §3.3)", low=0.0),
        ),
    )
)  # fmt: skip

KNOWLEDGE = ("emp_sample_research_tech", "emp_sample_ict", "emp_sample_education")
MANUFACTURING = "emp_sample_manufacturing"
RINGS = ("centre", "near_suburb", "periphery")
RING_NAMES = {
    "centre": ("中心城区", "centre"),
    "near_suburb": ("近郊", "near suburb"),
    "periphery": ("外围", "periphery"),
    "unplaced": ("未定位（无边界）", "not placed (no boundary)"),
}
ROLES = {
    "centre": ("创新策源与概念验证", "research and proof of concept"),
    "near_suburb": ("中试与柔性生产", "pilot production and flexible lines"),
    "periphery": ("先进制造与规模化生产", "advanced and volume manufacturing"),
    "unplaced": ("按所在城区功能定位", "role of the area it sits in"),
}


@dataclass(frozen=True)
class CityLayout:
    """Layout of one prefecture.

    Attributes
    ----------
    city_code, city_name : str
    units : pandas.DataFrame
        One row per county-level unit: ``region_code, region, kind`` (district / county / zone …),
        ``ring, distance_km, density, population, knowledge_share, manufacturing_share, knowledge_lq,
        manufacturing_lq, role_zh, role_en, supported, reason_zh, reason_en``.
    rings : pandas.DataFrame
        Employment-weighted knowledge and manufacturing shares per ring.
    links : Mapping[str, bool]
        ``centre_research``, ``suburb_pilot``, ``periphery_manufacturing``: whether each link of the chain holds.
    options : Mapping[str, Any]
    """

    city_code: str
    city_name: str
    units: pd.DataFrame
    rings: pd.DataFrame
    links: Mapping[str, bool]
    options: Mapping[str, Any]

    @property
    def chain_holds(self) -> bool:
        """True when every link of centre-research → suburb-pilot → periphery-manufacturing holds."""
        return all(self.links.values())

    @property
    def deviations(self) -> pd.DataFrame:
        """Units whose structure does not support the role of their ring."""
        return self.units[(self.units["ring"] != "unplaced") & ~self.units["supported"]]

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: one row per unit and measure, with ``ring``, ``role`` and ``reason`` as key columns."""
        from yindi.schema import tidy

        measures = ["distance_km", "density", "knowledge_share", "manufacturing_share", "knowledge_lq",
                    "manufacturing_lq"]  # fmt: skip
        u = self.units.assign(
            ring_label=self.units["ring"].map(lambda r: RING_NAMES[r][0 if lang == "zh" else 1]),
            role=self.units["role_zh" if lang == "zh" else "role_en"],
            reason=self.units["reason_zh" if lang == "zh" else "reason_en"],
            city_code=self.city_code,
        )
        long = u.melt(
            id_vars=["region_code", "region", "city_code", "ring_label", "role", "supported", "reason"],
            value_vars=measures, var_name="measure", value_name="value",
        )  # fmt: skip
        long = long.rename(columns={"ring_label": "ring"}).assign(level="county", year=2020)
        return tidy(long, keys=["city_code", "ring", "role", "supported", "reason"], lang=lang)

    def summary(self, lang: Lang = "zh") -> str:
        """The verdict on the chain, the ring averages and one line per unit."""
        zh = lang == "zh"
        verdict = ("成立" if zh else "holds") if self.chain_holds else ("不成立" if zh else "does not hold")
        names = {
            "centre_research": ("中心研发", "centre research"),
            "suburb_pilot": ("近郊中试", "suburb pilot"),
            "periphery_manufacturing": ("外围量产", "periphery manufacturing"),
        }
        links = "；".join if zh else "; ".join
        link_text = links(f"{names[k][0 if zh else 1]}{'✓' if v else '✗'}" for k, v in self.links.items())
        head = (
            f"{self.city_name}（{self.city_code}）“中心研发—近郊中试—外围量产”链条{verdict}：{link_text}"
            if zh
            else f"{self.city_name} ({self.city_code}): the chain centre research → suburb pilot → periphery "
            f"manufacturing {verdict}: {link_text}"
        )
        lines = [head]
        for r in self.rings.itertuples():
            label = RING_NAMES[str(r.ring)][0 if zh else 1]
            if zh:
                lines.append(
                    f"  {label}：{r.units} 个单位，知识型就业 {r.knowledge_share:.1%}，制造业 {r.manufacturing_share:.1%}"
                )
            else:
                lines.append(f"  {label}: {r.units} units, knowledge {r.knowledge_share:.1%}, manufacturing "
                             f"{r.manufacturing_share:.1%}")  # fmt: skip
        col = "reason_zh" if zh else "reason_en"
        lines.extend(f"  - {text}" for text in self.units[col])
        return "\n".join(lines)


def city_layout(panel: Panel, city: str, options: Mapping[str, Any] | None = None) -> CityLayout:
    """Layout of the prefecture ``city`` (name or code, e.g. ``"苏州"``) from a census panel.

    Parameters
    ----------
    panel : Panel
        The census pack (``load_pack("../shared/data/cn-counties")``), which gives each unit's parent.
    city : str
        The prefecture: a name as people write it or its code.
    options : mapping, optional
        Thresholds of :data:`TABLE`.
    """
    from yindi.regions import resolve

    opts = TABLE.resolve(options)
    region = resolve(city, level="city")
    code = region.adcode
    units = _children(panel, code)
    if len(units) < int(opts["min_units"]):
        raise DataValidationError(
            f"{region.name_zh} ({code}) has {len(units)} county-level unit(s) in the census; the layout needs at "
            f"least {opts['min_units']}.",
            zh=f"{region.name_zh}（{code}）在普查中只有 {len(units)} 个县级单位，至少需要 {opts['min_units']} 个。",
        )
    return _layout(panel, code, region.name_zh, units, opts)


def city_layouts(
    panel: Panel, cities: Iterable[str] | None = None, options: Mapping[str, Any] | None = None
) -> dict[str, CityLayout]:
    """Layouts of every prefecture with at least ``min_units`` county-level units (or of ``cities``)."""
    opts = TABLE.resolve(options)
    if cities is None:
        units = panel.units
        if units is None:
            raise DataValidationError(
                "city_layouts() needs a census panel with its unit table (load_pack).",
                zh="city_layouts() 需要带单位表的普查面板（用 load_pack 读取）。",
            )
        counts = units[units["level"] == "county"].groupby("parent_code").size()
        cities = [str(c) for c, n in counts.items() if n >= int(opts["min_units"]) and str(c).endswith("00")]
    out: dict[str, CityLayout] = {}
    for c in cities:
        try:
            layout = city_layout(panel, str(c), opts)
        except DataValidationError:
            continue
        out[layout.city_code] = layout
    return out


def _children(panel: Panel, code: str) -> pd.DataFrame:
    units = panel.units
    if units is None:
        raise DataValidationError(
            "city_layout() needs a census panel with its unit table (load_pack).",
            zh="city_layout() 需要带单位表的普查面板（用 load_pack 读取）。",
        )
    return units[(units["level"] == "county") & (units["parent_code"] == code)].reset_index(drop=True)


def _layout(panel: Panel, code: str, name: str, units: pd.DataFrame, opts: Mapping[str, Any]) -> CityLayout:
    from yindi.regions import registry

    reg = registry()
    f = panel.frame[panel.frame["region_code"].isin(units["region_code"])]
    wide = f.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(units["region_code"])
    total = wide["emp_sample_total"]
    knowledge = wide[list(KNOWLEDGE)].sum(axis=1, min_count=1)
    manuf = wide[MANUFACTURING]
    k_city, m_city = knowledge.sum() / total.sum(), manuf.sum() / total.sum()
    t = units.assign(
        population=wide["pop_total"].to_numpy(),
        employment=total.to_numpy(),
        knowledge_share=(knowledge / total).to_numpy(),
        manufacturing_share=(manuf / total).to_numpy(),
    )
    t["knowledge_lq"] = t["knowledge_share"] / k_city
    t["manufacturing_lq"] = t["manufacturing_share"] / m_city
    placed = t["region_code"].isin([c for c in t["region_code"] if c in reg and reg.get(c).level == "county"])
    t["kind"] = [_kind(c, reg) for c in t["region_code"]]
    geo = _geometry_facts(t.loc[placed, "region_code"].tolist())
    t = t.merge(geo, on="region_code", how="left")
    t["density"] = t["population"] / t["area_km2"]
    t["ring"] = "unplaced"
    t["distance_km"] = np.nan
    if placed.any():
        _assign_rings(t, opts)
    t = _roles(t, opts)
    rings = _ring_table(t)
    links = _links(rings)
    cols = ["region_code", "region", "kind", "ring", "distance_km", "density", "population", "knowledge_share",
            "manufacturing_share", "knowledge_lq", "manufacturing_lq", "role_zh", "role_en", "supported",
            "reason_zh", "reason_en"]  # fmt: skip
    order = {r: i for i, r in enumerate((*RINGS, "unplaced"))}
    t = t.sort_values(["ring", "distance_km"], key=lambda s: s.map(order) if s.name == "ring" else s)
    return CityLayout(code, name, t.loc[:, cols].reset_index(drop=True), rings, links, dict(opts))


def _kind(code: str, reg: Any) -> str:
    from yindi.regions.units import historical

    if code in reg:
        full = reg.get(code).name_zh
        if full.endswith("区") and not full.endswith("林区"):
            return "district"
        return "county_city" if full.endswith("市") else "county"
    if historical(code) is not None:
        return "historical"
    return "zone"


def _geometry_facts(codes: list[str]) -> pd.DataFrame:
    import shapely

    from yindi.regions.geometry import geometries

    if not codes:
        return pd.DataFrame(columns=["region_code", "area_km2", "lon", "lat"])
    g = geometries(codes)
    geoms = np.array([g[c] for c in codes], dtype=object)
    xy = shapely.get_coordinates(shapely.centroid(geoms))
    area_deg = shapely.area(geoms)
    km2 = area_deg * 111.32**2 * np.cos(np.radians(xy[:, 1]))
    return pd.DataFrame({"region_code": codes, "area_km2": km2, "lon": xy[:, 0], "lat": xy[:, 1]})


def _assign_rings(t: pd.DataFrame, opts: Mapping[str, Any]) -> None:
    from yindi.spatial.build import contiguity, great_circle

    placed = t.index[t["area_km2"].notna()]
    districts = [i for i in placed if str(t.at[i, "kind"]) == "district"]
    pool = districts or list(placed)
    densest = max(pool, key=lambda i: (t.at[i, "density"], t.at[i, "region_code"]))
    codes = t.loc[placed, "region_code"].tolist()
    w = contiguity("county", regions=codes) if len(codes) > 1 else None
    touching = set(w.neighbors[str(t.at[densest, "region_code"])]) if w is not None else set()
    centre = [densest] + [
        i for i in districts
        if i != densest and t.at[i, "region_code"] in touching and t.at[i, "density"] >= opts["centre_density"]
    ]  # fmt: skip
    pop = t.loc[centre, "population"].to_numpy(dtype=float)
    lonlat = t.loc[centre, ["lon", "lat"]].to_numpy(dtype=float)
    core = (pop[:, None] * lonlat).sum(axis=0) / pop.sum()
    pts = np.vstack([core, t.loc[placed, ["lon", "lat"]].to_numpy(dtype=float)])
    dist = great_circle(pts)[0, 1:]
    t.loc[placed, "distance_km"] = dist
    for i, d in zip(placed, dist, strict=True):
        if i in centre:
            ring = "centre"
        elif str(t.at[i, "kind"]) == "district":
            ring = "near_suburb" if d <= opts["periphery_km"] else "periphery"
        else:
            ring = "near_suburb" if d <= opts["near_km"] else "periphery"
        t.at[i, "ring"] = ring


def _roles(t: pd.DataFrame, opts: Mapping[str, Any]) -> pd.DataFrame:
    lq = float(opts["lq_threshold"])
    kinds = {"district": ("市辖区", "urban district"), "county": ("县", "county"),
             "county_city": ("县级市", "county-level city"), "zone": ("功能区", "functional zone"),
             "historical": ("已调整区划", "re-coded unit")}  # fmt: skip
    from yindi.schema import region_labels

    english, _ = region_labels(t["region_code"].tolist(), "en")
    rows = []
    for rec, name_en in zip(t.to_dict("records"), english, strict=True):
        r: Any = _Row(rec)
        ring = str(r.ring)
        k, m = float(r.knowledge_lq), float(r.manufacturing_lq)
        if ring == "centre":
            ok = k >= lq
        elif ring == "near_suburb":
            ok = m >= lq or k >= lq
        elif ring == "periphery":
            ok = m >= lq
        else:
            ok = True
        role_zh, role_en = ROLES[ring]
        kind_zh, kind_en = kinds.get(str(r.kind), (str(r.kind), str(r.kind)))
        ring_zh, ring_en = RING_NAMES[ring]
        dist_zh = f"，距中心 {r.distance_km:.0f} 公里" if pd.notna(r.distance_km) else ""
        dist_en = f", {r.distance_km:.0f} km from the centre" if pd.notna(r.distance_km) else ""
        facts_zh = (f"知识型就业（科研、信息、教育）占 {r.knowledge_share:.1%}（LQ {k:.2f}），"
                    f"制造业占 {r.manufacturing_share:.1%}（LQ {m:.2f}）")  # fmt: skip
        facts_en = (f"knowledge jobs (research, information, education) {r.knowledge_share:.1%} (LQ {k:.2f}), "
                    f"manufacturing {r.manufacturing_share:.1%} (LQ {m:.2f})")  # fmt: skip
        verdict_zh = "现状结构支持该定位" if ok else "现状结构尚不支持该定位（偏离）"
        verdict_en = (
            "the current structure supports it"
            if ok
            else "the current structure does not support it yet (deviates)"
        )
        rows.append(
            {
                "role_zh": role_zh, "role_en": role_en, "supported": ok,
                "reason_zh": f"{r.region}（{r.region_code}）：{ring_zh}，{kind_zh}{dist_zh}；{facts_zh}。"
                f"建议定位：{role_zh}；{verdict_zh}。",
                "reason_en": f"{name_en if name_en != r.region_code else r.region} ({r.region_code}): {ring_en}, {kind_en}{dist_en}; {facts_en}. "
                f"Suggested role: {role_en}; {verdict_en}.",
            }
        )  # fmt: skip
    return pd.concat([t.reset_index(drop=True), pd.DataFrame(rows)], axis=1)


class _Row:
    """Attribute access to one record (``r.ring`` …)."""

    def __init__(self, rec: Mapping[Any, Any]) -> None:
        self.__dict__.update({str(k): v for k, v in rec.items()})


def _ring_table(t: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for ring in RINGS:
        sub = t[t["ring"] == ring]
        emp = sub["employment"].sum()
        rows.append(
            {
                "ring": ring,
                "units": len(sub),
                "knowledge_share": float((sub["knowledge_share"] * sub["employment"]).sum() / emp)
                if emp
                else np.nan,
                "manufacturing_share": float((sub["manufacturing_share"] * sub["employment"]).sum() / emp)
                if emp
                else np.nan,
            }
        )
    return pd.DataFrame(rows)


def _links(rings: pd.DataFrame) -> dict[str, bool]:
    r = rings.set_index("ring")
    k = r["knowledge_share"].astype(float).to_dict()
    m = r["manufacturing_share"].astype(float).to_dict()
    kc, ks, kp = (float(k[x]) for x in RINGS)
    mc, ms, mp = (float(m[x]) for x in RINGS)

    def ge(a: float, b: float) -> bool:  # a missing ring never breaks a link
        return bool(np.isnan(a) or np.isnan(b) or a >= b)

    return {
        "centre_research": ge(kc, ks) and ge(kc, kp),
        "suburb_pilot": ge(ms, mc) and ge(ks, kp),
        "periphery_manufacturing": ge(mp, mc),
    }
