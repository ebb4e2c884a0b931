"""The portfolio: for every region × industry a decision (upgrade, grow, preposition, apply, avoid, monitor), its score,
its reasons and how often it survives perturbed weights and thresholds.

产业布局组合：对每个地区 × 产业给出决策（改造提升 / 培育壮大 / 前瞻布局 / 场景应用 / 暂不布局 / 跟踪观察）、得分、理由及其在
权重与阈值扰动下的稳定性。Rules: docs/methods/plan.md (source 003 §3.1, source 000's chip example).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray
from yindi.plan._options import DECISIONS, PLAN_OPTIONS
from yindi.plan._render import render_reasons
from yindi.plan._text import DECISION_NAMES
from yindi.plan.evidence import Evidence
from yindi.plan.kernels import DecisionArrays, Thresholds, decide, sorted_quantile, symmetric
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
        energy=float(opts["energy_quantile"]),
        transfer=bool(opts["transfer"]),
        near=float(opts["near_base_margin"]),
        low_region_q=float(opts["density_low_region_quantile"]),
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
        "endowment": (f["endowment"] == "energy").to_numpy(dtype=bool)
        if "endowment" in f
        else np.zeros(len(f), dtype=bool),
    }


@dataclass(frozen=True)
class RuleInputs:
    """Everything the rules read that does not depend on the options (computed once, reused by every
    stability draw): capability sources (filled with 0 and their presence mask), density sorted per column,
    region vectors and industry attributes."""

    filled: FloatArray
    present: FloatArray
    fine: np.ndarray
    density: FloatArray
    dens_sorted: FloatArray
    dens_n: np.ndarray
    rd: FloatArray
    research: FloatArray
    market: FloatArray
    carbon: FloatArray
    energy: FloatArray
    arrays: dict[str, np.ndarray]


def prepare(ev: Evidence) -> RuleInputs:
    """The option-independent inputs of the rules."""
    stack = np.stack([symmetric(ev.measures[s]) for s in _CAP_SOURCES])
    present = np.isfinite(stack)
    dens = ev.measures["density"]
    rt = ev.region_table
    return RuleInputs(
        filled=np.where(present, stack, 0.0),
        present=present.astype(np.float64),
        fine=present[0] | present[1],  # electricity LQ or listed-firm RCA: division-specific sources
        density=dens,
        dens_sorted=np.sort(dens, axis=0),
        dens_n=np.isfinite(dens).sum(axis=0),
        rd=rt["rd_intensity"].to_numpy(dtype=np.float64),
        research=rt["research_score"].to_numpy(dtype=np.float64),
        market=rt["market_score"].to_numpy(dtype=np.float64),
        carbon=rt["carbon_rank"].to_numpy(dtype=np.float64),
        energy=rt["energy_rank"].to_numpy(dtype=np.float64)
        if "energy_rank" in rt
        else np.full(len(rt), np.nan),
        arrays=industry_arrays(ev),
    )


def run_rules(
    ev: Evidence | RuleInputs, opts: Mapping[str, Any], *, with_reasons: bool = True
) -> tuple[DecisionArrays, dict[str, Any]]:
    """Capability (with the options' source weights), density quantiles and the decision kernel.

    ``cap = Σ_s w_s v_s / Σ_{s present} w_s`` (:func:`~yindi.plan.kernels.combine`), NaN where no source.
    """
    x = prepare(ev) if isinstance(ev, Evidence) else ev
    weights = np.array([opts["w_electricity"], opts["w_firms"], opts["w_census"]], dtype=np.float64)
    used = weights[0] * x.present[0] + weights[1] * x.present[1] + weights[2] * x.present[2]
    with np.errstate(invalid="ignore", divide="ignore"):
        cap = (weights[0] * x.filled[0] + weights[1] * x.filled[1] + weights[2] * x.filled[2]) / used
    cap[used == 0] = np.nan
    q_low = sorted_quantile(x.dens_sorted, x.dens_n, float(opts["density_low_quantile"]))
    q_grow = sorted_quantile(x.dens_sorted, x.dens_n, float(opts["density_grow_quantile"]))
    a = x.arrays
    d = decide(
        cap, x.density, q_low, q_grow, x.rd, x.research, x.market, x.carbon,
        a["tier"], a["midhigh"], a["energy"], a["enabling"], thresholds_from(opts), with_reasons=with_reasons,
        endowment=a["endowment"], energy_rank=x.energy, fine=x.fine,
    )  # fmt: skip
    return d, {"cap": cap, "q_low": q_low, "q_grow": q_grow, **a}


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
    #: The whole :meth:`table` per language, rendered once (the modes and the pipeline both ask for it).
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False, compare=False)

    def table(
        self, lang: str = "zh", *, region: str | None = None, cells: np.ndarray | None = None
    ) -> pd.DataFrame:
        """The human-facing table: ``region_code, region, tier, tier_name, industry_id, industry, decision,
        decision_name, score, stability, reasons, sentence`` (reasons machine-readable; sentence in ``lang``).

        ``region`` keeps one region code; ``cells`` (flat indices into the region × industry matrix) keeps those
        cells, in that order. Only the rows returned are rendered.
        """
        if region is None and cells is None:
            if lang not in self._tables:
                self._tables[lang] = self._render(lang, None, None)
            return self._tables[lang].copy()
        if lang in self._tables and cells is not None and len(cells):  # rows of the table already rendered
            return self._tables[lang].iloc[np.asarray(cells, dtype=np.int64)].reset_index(drop=True)
        return self._render(lang, region, cells)

    def _render(self, lang: str, region: str | None, cells: np.ndarray | None) -> pd.DataFrame:
        ev = self.evidence
        r_n, i_n = self.decision.shape
        if cells is None:
            cells = np.arange(r_n * i_n)
            if region is not None:
                k = ev.regions.index(region) if region in ev.regions else -1
                cells = np.arange(k * i_n, (k + 1) * i_n) if k >= 0 else np.arange(0)
        cells = np.asarray(cells, dtype=np.int64)
        r, i = np.divmod(cells, i_n)
        k_lang = 1 if lang == "en" else 0
        uniq = np.unique(r)
        names, _ = region_labels([ev.regions[j] for j in uniq], "en" if lang == "en" else "zh")
        name_of = np.full(r_n, "", dtype=object)
        name_of[uniq] = names
        codes, text = render_reasons(self, lang, cells)
        inds = ev.industry_frame()
        tiers = inds["tier"].to_numpy(dtype=object)
        decisions = decision_labels(self.decision.reshape(-1)[cells])
        dnames = {d: v[k_lang] for d, v in DECISION_NAMES.items()}
        frame = pd.DataFrame(
            {
                "region_code": np.asarray(ev.regions, dtype=object)[r],
                "region": name_of[r],
                "tier": tiers[i],
                "tier_name": np.asarray([TIER_NAMES[t][k_lang] for t in tiers], dtype=object)[i],
                "industry_id": np.asarray(ev.industries, dtype=object)[i],
                "industry": inds["name_en" if lang == "en" else "name_zh"].to_numpy(dtype=object)[i],
                "decision": decisions,
                "decision_name": [dnames[d] for d in decisions],
                "score": self.score.reshape(-1)[cells],
                "stability": np.nan if self.stability is None else self.stability.reshape(-1)[cells],
                "reasons": codes,
                "sentence": text,
            }
        )
        return frame

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
