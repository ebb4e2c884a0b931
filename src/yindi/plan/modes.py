"""Development and technology-transfer modes (source 003 §3.2).

发展模式与技术转化模式（来源003 §3.2）：技术驱动还是要素驱动（增长核算的全要素生产率贡献份额，或 Malmquist 分解
的技术进步 TC 与效率变化 EC；资本深化），企业在研发中的份额，以及每个推荐产业按技术成熟度对应的转化模式：
成熟度低、风险高的前沿技术 → 共建创新转化平台、联合投资与合作研发；相对成熟的技术 → 技术转让、专利许可与技术并购。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi.errors import DataFormatError
from yindi.plan._options import PLAN_OPTIONS
from yindi.plan.portfolio import Portfolio
from yindi.schema import region_labels, tidy

__all__ = ["TRANSFER_MODES", "Modes", "development_modes", "driver_from_growth", "driver_from_malmquist"]

#: Transfer mode → (Chinese, English), source 003 §3.2.
TRANSFER_MODES: dict[str, tuple[str, str]] = {
    "joint_platform": (
        "共建创新转化平台、联合投资与合作研发",
        "joint transfer platforms, co-investment and joint R&D",
    ),
    "licensing_ma": ("技术转让、专利许可与技术并购", "technology transfer, patent licensing and M&A"),
}


def driver_from_growth(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Technology- vs factor-driven from growth accounting (``region, g_output, g_capital, g_labour,
    tfp_growth``): ``tfp_share = mean Δln A / mean Δln Y``; capital deepening = mean (Δln K − Δln L).

    ``driver`` is ``technology`` when ``tfp_share ≥ threshold``, else ``factor``; NaN output growth → missing.
    """
    need = {"region", "g_output", "g_capital", "g_labour", "tfp_growth"}
    if not need <= set(frame.columns):
        raise DataFormatError(
            f"growth accounting frame needs {sorted(need)}; it has {list(frame.columns)}.",
            zh=f"增长核算表需要列 {sorted(need)}；现有列：{list(frame.columns)}。",
        )
    g = frame.groupby("region")[["g_output", "g_capital", "g_labour", "tfp_growth"]].mean()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = g["tfp_growth"] / g["g_output"]
    out = pd.DataFrame(
        {
            "tfp_share": share,
            "capital_deepening": g["g_capital"] - g["g_labour"],
        }
    )
    out["driver"] = np.where(share.isna(), "missing", np.where(share >= threshold, "technology", "factor"))
    out["driver_basis"] = "growth_accounting"
    return out


def driver_from_malmquist(frame: pd.DataFrame) -> pd.DataFrame:
    """Technology- vs efficiency/factor-driven from a Malmquist decomposition (``region, tc, ec``): geometric
    means over periods; ``technology`` when mean TC > 1 and TC ≥ EC (frontier shift drives TFP), else
    ``factor`` (catch-up or input accumulation)."""
    need = {"region", "tc", "ec"}
    if not need <= set(frame.columns):
        raise DataFormatError(
            f"Malmquist frame needs {sorted(need)}; it has {list(frame.columns)}.",
            zh=f"Malmquist 表需要列 {sorted(need)}；现有列：{list(frame.columns)}。",
        )
    g = (
        frame.assign(ltc=np.log(frame["tc"]), lec=np.log(frame["ec"]))
        .groupby("region")[["ltc", "lec"]]
        .mean()
    )
    tc, ec = np.exp(g["ltc"]), np.exp(g["lec"])
    out = pd.DataFrame({"tc": tc, "ec": ec})
    out["driver"] = np.where(tc.isna(), "missing", np.where((tc > 1) & (tc >= ec), "technology", "factor"))
    out["driver_basis"] = "malmquist"
    return out


@dataclass(frozen=True)
class Modes:
    """Development mode per region and transfer mode per recommended industry.

    Attributes
    ----------
    regions : DataFrame
        ``region_code, region, driver, driver_basis, tfp_share | tc, ec, capital_deepening, enterprise_rd_share,
        research_class`` (``driver`` = ``missing`` when no productivity result was given).
    industries : DataFrame
        ``region_code, region, industry_id, industry, tier, maturity, decision, transfer_mode, transfer_mode_name``.
    notes : tuple of str
        Caveats in the language the modes were computed in.
    """

    regions: pd.DataFrame
    industries: pd.DataFrame
    notes: tuple[str, ...] = ()

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Result schema: region measures (``tfp_share``, ``capital_deepening``, ``enterprise_rd_share``, ``tc``,
        ``ec`` where present); key column ``component`` = the driver."""
        num = [
            c
            for c in ("tfp_share", "capital_deepening", "enterprise_rd_share", "tc", "ec")
            if c in self.regions
        ]
        long = self.regions.melt(
            id_vars=["region_code", "driver"], value_vars=num, var_name="measure", value_name="value"
        )
        long = long.rename(columns={"driver": "component"})
        return tidy(long, keys=["component"], lang="en" if lang == "en" else "zh")


def development_modes(
    portfolio: Portfolio,
    *,
    growth: pd.DataFrame | None = None,
    malmquist: pd.DataFrame | None = None,
    options: Mapping[str, Any] | None = None,
    lang: str = "zh",
) -> Modes:
    """Development and transfer modes.

    Parameters
    ----------
    portfolio : Portfolio
    growth : DataFrame, optional
        Growth accounting rows (``yindi.productivity.growth_accounting(...).frame``); region codes in ``region``.
    malmquist : DataFrame, optional
        Malmquist rows with ``region, tc, ec`` (used when ``growth`` is not given).
    options : mapping, optional
        ``tfp_share_threshold``.

    Notes
    -----
    Transfer mode (source 003 §3.2): future industries (maturity ``frontier``) → ``joint_platform``; traditional
    industries (``mature``) → ``licensing_ma``; emerging industries (``growing``) → ``joint_platform`` in
    research-strong or research-middle regions (they can co-develop) and ``licensing_ma`` elsewhere (buy and
    license proven technology, as the source advises for firms with little R&D).
    """
    opts = PLAN_OPTIONS.resolve({**portfolio.options, **(options or {})})
    ev = portfolio.evidence
    notes: list[str] = []
    rt = ev.region_table
    names, _ = region_labels(list(ev.regions), "en" if lang == "en" else "zh")
    regions = pd.DataFrame({"region_code": list(ev.regions), "region": names})
    if growth is not None:
        d = driver_from_growth(growth, float(opts["tfp_share_threshold"]))
    elif malmquist is not None:
        d = driver_from_malmquist(malmquist)
    else:
        d = pd.DataFrame(columns=["driver", "driver_basis"])
        notes.append(
            "未判断技术驱动还是要素驱动：没有增长核算或 Malmquist 结果（省级数据包没有资本存量）"
            if lang == "zh"
            else "technology- vs factor-driven not assessed: no growth-accounting or Malmquist result given (the "
            "provincial pack has no capital stock)"
        )
    regions = regions.merge(d, left_on="region_code", right_index=True, how="left")
    regions["driver"] = regions["driver"].fillna("missing")
    regions["driver_basis"] = regions["driver_basis"].fillna("")
    regions["enterprise_rd_share"] = rt["enterprise_rd_share"].to_numpy()
    rd = rt["rd_intensity"].to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        cls = np.where(
            rd >= float(opts["research_strong_rd"]),
            "strong",
            np.where(rd >= float(opts["research_middle_rd"]), "middle", "weak"),
        )
    regions["research_class"] = np.where(np.isfinite(rd), cls, "missing")
    notes.append(
        "企业研发占比：规模以上工业企业研发经费 / 全社会研发经费（是下限）"
        if lang == "zh"
        else "enterprise_rd_share: R&D of industrial enterprises above designated size / all R&D (a lower bound)"
    )

    tab = portfolio.table(lang)
    rec = tab[tab["decision"].isin(["upgrade", "grow", "preposition", "apply"])].copy()
    rec["maturity"] = rec["industry_id"].map(ev.industry_frame()["maturity"])
    rclass = dict(zip(regions["region_code"], regions["research_class"], strict=True))
    can_codevelop = rec["region_code"].map(rclass).isin(["strong", "middle"])
    rec["transfer_mode"] = np.where(
        rec["maturity"] == "frontier",
        "joint_platform",
        np.where(
            rec["maturity"] == "mature",
            "licensing_ma",
            np.where(can_codevelop, "joint_platform", "licensing_ma"),
        ),
    )
    k = 1 if lang == "en" else 0
    rec["transfer_mode_name"] = rec["transfer_mode"].map(lambda m: TRANSFER_MODES[m][k])
    cols = ["region_code", "region", "industry_id", "industry", "tier", "maturity", "decision", "transfer_mode",
            "transfer_mode_name"]  # fmt: skip
    return Modes(regions=regions, industries=rec[cols].reset_index(drop=True), notes=tuple(notes))
