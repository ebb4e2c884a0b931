"""The portfolio: for every region × industry a decision (upgrade, grow, preposition, apply, avoid), its score,
its reasons and how often it survives perturbed weights and thresholds.

产业布局组合：对每个地区 × 产业给出决策（改造提升 / 培育壮大 / 前瞻布局 / 场景应用 / 暂不布局）、得分、理由及其在
权重与阈值扰动下的稳定性。Rules: docs/methods/plan.md (source 003 §3.1, source 000's chip example).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.plan._options import DECISIONS, PLAN_OPTIONS
from yindi.plan._render import render_reasons
from yindi.plan._text import DECISION_NAMES
from yindi.plan.evidence import Evidence
from yindi.plan.kernels import DecisionArrays, Thresholds, column_quantile, combine, decide, symmetric
from yindi.plan.taxonomy import TIER_NAMES
from yindi.schema import region_labels, tidy

__all__ = ["Portfolio", "decision_labels", "plan_portfolio", "thresholds_from"]

_CAP_SOURCES = ("lq_electricity", "rca_firms", "lq_census")


def decision_labels(codes: np.ndarray) -> np.ndarray:
    """Integer decision codes → names (``-1`` → ``insufficient_data``)."""
    names = np.asarray([*DECISIONS, "insufficient_data"], dtype=object)
    return names[np.where(codes < 0, len(DECISIONS), codes)]


def thresholds_from(opts: Mapping[str, Any]) -> Thresholds:
    """The kernel thresholds from resolved ``plan`` options."""
    return Thresholds(
        base=float(opts["base_threshold"]),
        strong_base=float(opts["strong_base_threshold"]),
        research_strong=float(opts["research_strong_rd"]),
        research_middle=float(opts["research_middle_rd"]),
        market=float(opts["market_quantile"]),
        carbon=float(opts["carbon_quantile"]),
        transfer=bool(opts["transfer"]),
        w_capability=float(opts["w_score_capability"]),
        w_density=float(opts["w_score_density"]),
        w_research=float(opts["w_score_research"]),
    )


def industry_arrays(ev: Evidence) -> dict[str, np.ndarray]:
    """Per-industry attributes: tier code, mid/high tier, energy-intensive, enabling."""
    f = ev.industry_frame()
    tier = f["tier"].map({"traditional": 0, "emerging": 1, "future": 2}).to_numpy()
    return {
        "tier": tier,
        "midhigh": (f["level_003"].isin(["mid", "high"]) | (tier != 0)).to_numpy(),
        "energy": f["energy_intensive"].to_numpy(dtype=bool),
        "enabling": f["enabling"].to_numpy(dtype=bool),
    }


def run_rules(
    ev: Evidence, opts: Mapping[str, Any], *, with_reasons: bool = True
) -> tuple[DecisionArrays, dict[str, Any]]:
    """Capability (with the options' source weights), density quantiles and the decision kernel."""
    stack = np.stack([symmetric(ev.measures[s]) for s in _CAP_SOURCES])
    weights = np.array([opts["w_electricity"], opts["w_firms"], opts["w_census"]], dtype=np.float64)
    cap, _ = combine(stack, weights)
    dens = ev.measures["density"]
    q_low = column_quantile(dens, float(opts["density_low_quantile"]))
    q_grow = column_quantile(dens, float(opts["density_grow_quantile"]))
    rt = ev.region_table
    arrays = industry_arrays(ev)
    d = decide(
        cap,
        dens,
        q_low,
        q_grow,
        rt["rd_intensity"].to_numpy(dtype=np.float64),
        rt["research_score"].to_numpy(dtype=np.float64),
        rt["market_score"].to_numpy(dtype=np.float64),
        rt["carbon_rank"].to_numpy(dtype=np.float64),
        arrays["tier"],
        arrays["midhigh"],
        arrays["energy"],
        arrays["enabling"],
        thresholds_from(opts),
        with_reasons=with_reasons,
    )
    return d, {"cap": cap, "q_low": q_low, "q_grow": q_grow, **arrays}


@dataclass(frozen=True)
class Portfolio:
    """Decisions for every region × industry.

    Attributes
    ----------
    evidence : Evidence
    decision : (R, I) int8
        Codes (see :func:`decision_labels`).
    score : (R, I) float
    reasons : (K, R, I) bool
    capability, q_low, q_grow : arrays
        The capability and per-industry density quantiles the rules used.
    stability : (R, I) float or None
        Share of Monte Carlo draws in which the decision is unchanged.
    options : mapping
    """

    evidence: Evidence
    decision: np.ndarray
    score: FloatArray
    reasons: np.ndarray
    capability: FloatArray
    q_low: FloatArray
    q_grow: FloatArray
    stability: FloatArray | None
    options: Mapping[str, Any]

    def table(self, lang: str = "zh", *, region: str | None = None) -> pd.DataFrame:
        """The human-facing table: ``region_code, region, tier, industry_id, industry, decision, score,
        stability, reasons, sentence`` (reasons machine-readable; sentence in ``lang``)."""
        ev = self.evidence
        r_n, i_n = self.decision.shape
        names, _ = region_labels(list(ev.regions), "en" if lang == "en" else "zh")
        codes, text = render_reasons(self, lang)
        inds = ev.industry_frame()
        tiers = list(inds["tier"])
        frame = pd.DataFrame(
            {
                "region_code": np.repeat(np.asarray(ev.regions, dtype=object), i_n),
                "region": np.repeat(np.asarray(names, dtype=object), i_n),
                "tier": np.tile(np.asarray(tiers, dtype=object), r_n),
                "tier_name": np.tile(
                    np.asarray([TIER_NAMES[t][1 if lang == "en" else 0] for t in tiers], dtype=object), r_n
                ),
                "industry_id": np.tile(np.asarray(ev.industries, dtype=object), r_n),
                "industry": np.tile(
                    np.asarray(inds["name_en" if lang == "en" else "name_zh"], dtype=object), r_n
                ),
                "decision": decision_labels(self.decision.ravel()),
                "score": self.score.ravel(),
                "stability": np.nan if self.stability is None else self.stability.ravel(),
                "reasons": codes,
                "sentence": text,
            }
        )
        frame["decision_name"] = [DECISION_NAMES[d][1 if lang == "en" else 0] for d in frame["decision"]]
        if region is not None:
            frame = frame[frame["region_code"] == region]
        return frame.reset_index(drop=True)

    def decisions(self) -> pd.DataFrame:
        """Region × industry table of decision names."""
        return pd.DataFrame(
            decision_labels(self.decision),
            index=pd.Index(self.evidence.regions, name="region_code"),
            columns=pd.Index(self.evidence.industries, name="industry_id"),
        )

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` = ``score`` and ``stability``; keys ``industry_id, decision``."""
        ev = self.evidence
        i_n = len(ev.industries)
        base = {
            "region_code": np.repeat(np.asarray(ev.regions, dtype=object), i_n),
            "industry_id": np.tile(np.asarray(ev.industries, dtype=object), len(ev.regions)),
            "decision": decision_labels(self.decision.ravel()),
            "year": ev.year,
        }
        parts = [pd.DataFrame({**base, "measure": "score", "value": self.score.ravel()})]
        if self.stability is not None:
            parts.append(pd.DataFrame({**base, "measure": "stability", "value": self.stability.ravel()}))
        return tidy(
            pd.concat(parts, ignore_index=True),
            keys=["industry_id", "decision"],
            lang="en" if lang == "en" else "zh",
        )


def plan_portfolio(
    evidence: Evidence, options: Mapping[str, Any] | None = None, *, stability: bool = True
) -> Portfolio:
    """Decide every region × industry from the evidence (see docs/methods/plan.md).

    Parameters
    ----------
    evidence : Evidence
        From :func:`yindi.plan.build_evidence` (or :meth:`Evidence.from_arrays`).
    options : mapping, optional
        ``plan`` options; default: those the evidence was built with.
    stability : bool
        Run the seeded Monte Carlo perturbation (``draws``, ``jitter``, ``seed`` options).
    """
    opts = PLAN_OPTIONS.resolve({**evidence.options, **(options or {})})
    d, ctx = run_rules(evidence, opts)
    stab = None
    if stability and int(opts["draws"]) > 0:
        from yindi.plan.stability import decision_stability

        stab = decision_stability(evidence, opts, d.decision)
    return Portfolio(
        evidence=evidence,
        decision=d.decision,
        score=d.score,
        reasons=d.reasons,
        capability=ctx["cap"],
        q_low=ctx["q_low"],
        q_grow=ctx["q_grow"],
        stability=stab,
        options=opts,
    )
