"""Industry profiles: which carrier endowments an industry needs, and how much distance matters to it.

产业要素画像：某产业需要承载地的哪些禀赋（能源、土地、劳动力、人才），以及距离对它有多重要。

The table ships as data (``yindi/coordinate/data/industry_profiles.csv``), one row per profile with the weights
of the endowments (summing to 1), a distance sensitivity σ (the distance decay is ``exp(−σ d / d0)``), the rule
that assigns industries to it and the source passage it implements. Rules are read in order; the first that
matches an industry wins: ``ids:a;b`` (taxonomy ids), ``flag:energy_intensive`` (the taxonomy's flag),
``tier:future`` (a taxonomy tier; may be combined with ids in one rule, ``;``-separated), ``default``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from io import StringIO
from typing import Any

import pandas as pd

from yindi.errors import DataFormatError

ENDOWMENT_IDS: tuple[str, ...] = ("energy", "land", "labour", "talent")


@dataclass(frozen=True)
class Profile:
    """One row of the profile table."""

    profile: str
    name_zh: str
    name_en: str
    weights: tuple[float, float, float, float]  # energy, land, labour, talent
    distance_sensitivity: float
    rule: str
    source: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def matches(self, industry: Any) -> bool:
        """Whether this profile's rule matches a taxonomy industry (``None``: overall pairs → default only)."""
        if self.rule == "default":
            return True
        if industry is None:
            return False
        for term in self.rule.split(";"):
            term = term.strip()
            kind, _, value = term.partition(":")
            if not _:
                kind, value = "ids", term
            if kind == "ids" and industry.industry_id == value:
                return True
            if kind == "flag" and bool(getattr(industry, value, False)):
                return True
            if kind == "tier" and industry.tier == value:
                return True
        return False


@cache
def profiles() -> tuple[Profile, ...]:
    """The profile table, checked (weights in [0, 1] summing to 1, σ ≥ 0, a ``default`` row last)."""
    text = (
        resources.files("yindi.coordinate").joinpath("data/industry_profiles.csv").read_text(encoding="utf-8")
    )
    frame = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)
    out = []
    for i, row in frame.iterrows():
        w = tuple(float(row[k]) for k in ENDOWMENT_IDS)
        if any(x < 0 for x in w) or abs(sum(w) - 1.0) > 1e-9:
            raise DataFormatError(
                f"industry_profiles.csv row {int(str(i)) + 2}: endowment weights {w} must be ≥ 0 and sum to 1.",
                zh=f"industry_profiles.csv 第 {int(str(i)) + 2} 行：禀赋权重 {w} 须 ≥ 0 且总和为 1。",
            )
        out.append(
            Profile(
                row["profile"],
                row["name_zh"],
                row["name_en"],
                (w[0], w[1], w[2], w[3]),
                float(row["distance_sensitivity"]),
                row["rule"],
                row["source"],
            )
        )
    if not out or out[-1].rule != "default":
        raise DataFormatError(
            "industry_profiles.csv: the last row must be the 'default' profile.",
            zh="industry_profiles.csv：最后一行须为 'default' 档案。",
        )
    return tuple(out)


def profile_for(industry: Any) -> Profile:
    """The first profile whose rule matches ``industry`` (a taxonomy ``Industry``, or ``None`` for overall pairs)."""
    return next(p for p in profiles() if p.matches(industry))


def profile_frame(lang: str = "zh") -> pd.DataFrame:
    """The profile table as a DataFrame (for the docs and the report)."""
    rows = [
        {
            "profile": p.profile,
            "name": p.name(lang),
            **dict(zip(ENDOWMENT_IDS, p.weights, strict=True)),
            "distance_sensitivity": p.distance_sensitivity,
            "rule": p.rule,
            "source": p.source,
        }
        for p in profiles()
    ]
    return pd.DataFrame(rows)
