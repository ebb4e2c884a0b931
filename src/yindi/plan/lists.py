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
    ev = portfolio.evidence
    dec = portfolio.decision
    r_n, i_n = dec.shape
    arrays = industry_arrays(ev)
    crowded = np.zeros(dec.shape, dtype=bool)
    n_t = n_c = np.zeros(i_n, dtype=np.int64)
    if herding is not None:
        alerts = herding.industries.set_index("industry_id").reindex(list(ev.industries))
        rd = ev.region_table["rd_intensity"].to_numpy(dtype=np.float64)
        er = (
            ev.region_table["energy_rank"].to_numpy(dtype=np.float64)
            if "energy_rank" in ev.region_table
            else None
        )
        capable = capable_mask(portfolio.capability, rd, arrays["tier"], opts, arrays["endowment"], er)
        high = (alerts["level"] == "high").to_numpy()[None, :]
        crowded = high & ((dec == 1) | (dec == 2)) & ~capable
        n_t = alerts["targets"].fillna(0).to_numpy(dtype=np.int64)
        n_c = alerts["capable"].fillna(0).to_numpy(dtype=np.int64)
    dont = (dec == 4) | crowded
    do = (dec >= 0) & (dec <= 3) & ~dont
    region_idx = np.repeat(np.arange(r_n), i_n).reshape(r_n, i_n)
    if region is not None:
        keep = np.asarray([c == region for c in ev.regions])[:, None]
        do, dont = do & keep, dont & keep
    score = np.nan_to_num(portfolio.score, nan=-1.0)
    tier_key = np.broadcast_to(
        (2 - arrays["tier"])[None, :], dec.shape
    )  # future 0, emerging 1, traditional 2
    parts = []
    for name, mask, keys in (
        ("do", do, (-score, region_idx)),
        ("dont", dont, (-score, tier_key, (~crowded).astype(int), region_idx)),
    ):
        flat = np.flatnonzero(mask.reshape(-1))
        order = np.lexsort(tuple(k.reshape(-1)[flat] for k in keys))
        cells = flat[order]
        reg = cells // i_n
        first = np.r_[0, np.flatnonzero(np.diff(reg)) + 1]
        start_of = np.repeat(first, np.diff(np.r_[first, len(cells)]))
        rank = np.arange(len(cells)) - start_of + 1
        sel = rank <= top
        table = portfolio.table(lang, cells=cells[sel])
        table.insert(2, "list", name)
        table.insert(3, "rank", rank[sel])
        c = crowded.reshape(-1)[cells[sel]]
        if c.any():
            i = cells[sel][c] % i_n
            code = [f"crowded(targets={n_t[k]}, capable={n_c[k]})" for k in i]
            if lang == "en":
                words = [
                    f"Crowded, do not follow: {n_t[k]} regions target it, {n_c[k]} are capable. Rule result: "
                    for k in i
                ]
            else:
                words = [
                    f"全国扎堆，不宜跟进：{n_t[k]} 个地区以其为目标，仅 {n_c[k]} 个具备能力。按规则原判断："
                    for k in i
                ]
            table.loc[c, "reasons"] = [
                f"{a}; {b}" if a else b for a, b in zip(table.loc[c, "reasons"], code, strict=True)
            ]
            table.loc[c, "sentence"] = [b + a for a, b in zip(table.loc[c, "sentence"], words, strict=True)]
        parts.append(table)
    cols = ["region_code", "region", "list", "rank", "tier", "industry_id", "industry", "decision", "score",
            "stability", "reasons", "sentence"]  # fmt: skip
    frame = pd.concat(parts, ignore_index=True)[cols]
    frame = frame.sort_values(["region_code", "list", "rank"], kind="stable").reset_index(drop=True)
    return Lists(frame=frame, lang=lang)
