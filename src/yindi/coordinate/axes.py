"""The two axes of a region's role and the endowments of a pair, as data: which indicator, transform, direction.

角色的两条轴（知识创造、吸收转化）与禀赋维度的定义：指标、变换与方向。

Knowledge creation (创新策源, 001 §1.2; 003 §3.4 "北京 … 为天津、河北输送基础科研成果"): R&D expenditure,
R&D researchers (FTE), basic-research expenditure, invention patents granted, technology-contract turnover by
seller region. Absorption and production (承载转化): technology-contract turnover by buyer region, industrial
value added, electricity generation (energy supply), land area (from the region's polygon), labour cost (per-capita
disposable income, lower is better for a carrier) and population (003 §3.4: 河北's "区位、土地、劳动力优势").

Every component is a size or a price, so it enters as ``log(x)`` (strictly positive values are required) and is
standardised across regions; ``direction = -1`` turns "lower is stronger" into "higher is stronger".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Component:
    """One component of an axis or an endowment.

    Attributes
    ----------
    id : str
        Key (option ``w_<id>``, column ``z_<id>``).
    indicator : str
        Panel indicator id, or ``"land_area"`` (computed from the region's polygon, km²) or a ratio
        ``"a/b"`` of two panel indicators (``"land_area"`` allowed on either side).
    name_zh, name_en : str
        Labels.
    direction : int
        ``+1``: higher is stronger; ``-1``: lower is stronger (the log value is negated before standardising).
    """

    id: str
    indicator: str
    name_zh: str
    name_en: str
    direction: int = 1

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    @property
    def inputs(self) -> tuple[str, ...]:
        """Panel indicators this component needs (``land_area`` excluded: it comes from geometry)."""
        return tuple(p for p in self.indicator.split("/") if p != "land_area")


CREATION: tuple[Component, ...] = (
    Component("rd_expenditure", "rd_expenditure", "R&D经费", "R&D expenditure"),
    Component("rd_researchers", "rd_researchers_fte", "R&D研究人员全时当量", "R&D researchers (FTE)"),
    Component("basic_research", "rd_basic_research", "基础研究经费", "Basic-research expenditure"),
    Component(
        "invention_patents", "invention_patents_granted", "发明专利授权数", "Invention patents granted"
    ),
    Component(
        "tech_outflow",
        "tech_contract_turnover",
        "技术合同成交额（输出地域）",
        "Technology contracts sold (by seller)",
    ),
)

ABSORPTION: tuple[Component, ...] = (
    Component(
        "tech_inflow",
        "tech_contract_inflow",
        "技术合同成交额（流向地域）",
        "Technology contracts bought (by buyer)",
    ),
    Component("industry_va", "va_industry", "工业增加值", "Industrial value added"),
    Component("energy_supply", "power_generation", "发电量", "Electricity generation"),
    Component("land", "land_area", "土地面积", "Land area"),
    Component(
        "labour_cost",
        "disposable_income_per_capita",
        "劳动力成本（人均可支配收入，越低越有利）",
        "Labour cost (per-capita disposable income; lower favours a carrier)",
        direction=-1,
    ),
    Component("population", "population", "常住人口", "Resident population"),
)

#: Optional absorption component (003 §3.4: Tianjin's "先进制造业基础"): the manufacturing share of employment,
#: e.g. from the 2020 census long-form sample; used only when the caller supplies it.
MANUFACTURING_SHARE = Component(
    "manufacturing_share",
    "manufacturing_employment_share",
    "制造业就业占比",
    "Manufacturing share of employment",
)

#: Endowments a carrier offers (001 §1.2: "东部技术、资本与西部能源、土地资源对接"); per head, so that a small
#: region rich in energy counts as energy-rich. Scaled to (0, 1) by the standard normal CDF of the standard score.
ENDOWMENTS: tuple[Component, ...] = (
    Component("energy", "power_generation/population", "人均发电量", "Electricity generation per head"),
    Component("land", "land_area/population", "人均土地面积", "Land area per head"),
    Component(
        "labour",
        "disposable_income_per_capita",
        "劳动力成本优势（收入越低越高）",
        "Labour-cost advantage (lower income, higher advantage)",
        direction=-1,
    ),
    Component("talent", "rd_researchers_fte/population", "每万人R&D研究人员", "R&D researchers per head"),
)

AXES: dict[str, tuple[Component, ...]] = {"creation": CREATION, "absorption": ABSORPTION}

AXIS_NAMES: dict[str, tuple[str, str]] = {
    "creation": ("知识创造", "knowledge creation"),
    "absorption": ("吸收转化", "absorption and production"),
}


def needed_indicators(components: tuple[Component, ...]) -> tuple[str, ...]:
    """Distinct panel indicators the components need, in order."""
    out: list[str] = []
    for c in components:
        for ind in c.inputs:
            if ind not in out:
                out.append(ind)
    return tuple(out)
