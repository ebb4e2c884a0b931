"""有所为有所不为: per region, a do list and a don't list, each item with reason codes and a sentence.

“有所为有所不为”清单：每个地区的“做什么”与“不做什么”，每条带机器可读理由代码（含数值）与中英文句子。
The do list holds the region's upgrade / grow / preposition / apply decisions, best score first. The don't list
holds its avoid decisions, emerging and future industries first (where the temptation to follow others is
largest), and — when herding alerts are given — every grow / preposition target in a high-alert industry for
which the region is not capable (``crowded``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from yindi.plan._options import PLAN_OPTIONS
from yindi.plan.herding import Herding, capable_mask
from yindi.plan.portfolio import Portfolio, industry_arrays
from yindi.schema import tidy

__all__ = ["Lists", "do_dont_lists"]

_TIER_ORDER = {"future": 0, "emerging": 1, "traditional": 2}


@dataclass(frozen=True)
class Lists:
    """The do / don't lists.

    Attributes
    ----------
    frame : DataFrame
        ``region_code, region, list (do|dont), rank, tier, industry_id, industry, decision, score, stability,
        reasons, sentence``.
    lang : str
    """

    frame: pd.DataFrame
    lang: str

    def region(self, code: str) -> pd.DataFrame:
        """The two lists of one region."""
        return self.frame[self.frame["region_code"] == code].reset_index(drop=True)

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` = ``rank``; keys ``industry_id, list, decision``."""
        f = self.frame
        long = pd.DataFrame(
            {
                "region_code": f["region_code"],
                "industry_id": f["industry_id"],
                "list": f["list"],
                "decision": f["decision"],
                "measure": "rank",
                "value": f["rank"].astype(float),
            }
        )
        return tidy(long, keys=["industry_id", "list", "decision"], lang="en" if lang == "en" else "zh")


def do_dont_lists(
    portfolio: Portfolio,
    herding: Herding | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    lang: str = "zh",
    region: str | None = None,
) -> Lists:
    """Build the do / don't lists of every region (or one ``region`` code).

    Parameters
    ----------
    portfolio : Portfolio
    herding : Herding, optional
        When given, targets in high-alert industries that the region is not capable of move to the don't list
        with the reason ``crowded(targets=…, capable=…)``.
    options : mapping, optional
        ``list_top`` (most items per list).
    """
    opts = PLAN_OPTIONS.resolve({**portfolio.options, **(options or {})})
    top = int(opts["list_top"])
    table = portfolio.table(lang, region=region)
    table["crowded"] = ""
    if herding is not None:
        alerts = herding.industries.set_index("industry_id")
        ev = portfolio.evidence
        rd = ev.region_table["rd_intensity"].to_numpy(dtype=np.float64)
        capable = capable_mask(portfolio.capability, rd, industry_arrays(ev)["tier"], opts)
        cap_frame = pd.DataFrame(capable, index=ev.regions, columns=ev.industries)
        is_cap = [
            bool(cap_frame.at[r, i]) for r, i in zip(table["region_code"], table["industry_id"], strict=True)
        ]
        lvl = table["industry_id"].map(alerts["level"])
        crowded = (lvl == "high") & table["decision"].isin(["grow", "preposition"]) & ~np.asarray(is_cap)
        n_t = table["industry_id"].map(alerts["targets"]).fillna(0).astype(int)
        n_c = table["industry_id"].map(alerts["capable"]).fillna(0).astype(int)
        code = "crowded(targets=" + n_t.astype(str) + ", capable=" + n_c.astype(str) + ")"
        if lang == "en":
            words = (
                " Crowded: " + n_t.astype(str) + " regions target it, " + n_c.astype(str) + " are capable."
            )
        else:
            words = (
                "全国扎堆：" + n_t.astype(str) + " 个地区以其为目标，仅 " + n_c.astype(str) + " 个具备能力。"
            )
        table.loc[crowded, "crowded"] = code[crowded]
        table.loc[crowded, "reasons"] = table.loc[crowded, "reasons"] + "; " + code[crowded]
        table.loc[crowded, "sentence"] = table.loc[crowded, "sentence"] + words[crowded]
    dont = (table["decision"] == "avoid") | (table["crowded"] != "")
    do = table["decision"].isin(["upgrade", "grow", "preposition", "apply"]) & ~dont
    do_part = table[do].sort_values(["region_code", "score"], ascending=[True, False])
    dont_part = (
        table[dont]
        .assign(_c=(table["crowded"] == "").astype(int), _t=table["tier"].map(_TIER_ORDER))
        .sort_values(["region_code", "_c", "_t", "score"], ascending=[True, True, True, False])
    )
    parts = []
    for name, part in (("do", do_part), ("dont", dont_part)):
        part = part.groupby("region_code", sort=False).head(top).copy()
        part.insert(2, "list", name)
        part.insert(3, "rank", part.groupby("region_code").cumcount() + 1)
        parts.append(part)
    cols = ["region_code", "region", "list", "rank", "tier", "industry_id", "industry", "decision", "score",
            "stability", "reasons", "sentence"]  # fmt: skip
    frame = (
        pd.concat(parts, ignore_index=True)[cols]
        .sort_values(["region_code", "list", "rank"])
        .reset_index(drop=True)
    )
    return Lists(frame=frame, lang=lang)
