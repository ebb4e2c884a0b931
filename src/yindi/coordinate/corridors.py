"""Corridors: the strongest source → carrier pairs as a table with both ends' centroids, ready to map.

协同走廊：得分最高的“策源地 → 承载地”配对，附两端质心坐标，可直接绘图。
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.coordinate._pair_kernel import PARTS
from yindi.coordinate._reasons import part_name
from yindi.coordinate.pairing import PairsResult
from yindi.coordinate.roles import RolesResult
from yindi.errors import ParameterError
from yindi.schema import tidy


@dataclass(frozen=True)
class CorridorsResult:
    """The strongest pairs.

    Attributes
    ----------
    table : DataFrame
        ``rank, source_code, source, carrier_code, carrier, industry_id, score, distance_km, main_part,
        source_lon, source_lat, carrier_lon, carrier_lat`` and each part's contribution ``c_<part>``; one row per
        ordered pair, strongest first.
    industry_id : str
        Empty for overall pairs.
    year : int
    """

    table: pd.DataFrame
    industry_id: str
    year: int

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Tidy long frame: ``region_code`` = source, ``partner_code`` = carrier, measures ``score`` and
        ``distance_km``; keys ``partner_code, industry_id, rank``."""
        t = self.table
        parts = [
            pd.DataFrame(
                {
                    "region_code": t["source_code"],
                    "partner_code": t["carrier_code"],
                    "industry_id": t["industry_id"],
                    "rank": t["rank"],
                    "measure": m,
                    "value": t[m],
                }
            )
            for m in ("score", "distance_km")
        ]
        long = pd.concat(parts, ignore_index=True).assign(year=self.year)
        return tidy(long, keys=["partner_code", "industry_id", "rank"], lang=lang)


def corridors(
    pairs_result: PairsResult, roles_result: RolesResult, n: int = 10, lang: Lang = "zh"
) -> CorridorsResult:
    """The ``n`` strongest distinct (source, carrier) pairs of ``pairs_result``, with centroids from
    ``roles_result`` and the part that contributes most (``main_part``, in ``lang``)."""
    if not isinstance(n, int) or n < 1:
        raise ParameterError(
            f"The 'n' parameter of corridors() must be a positive integer. Got {n!r} instead.",
            zh=f"corridors() 的参数 n 须为正整数，实际为 {n!r}。",
        )
    t = pairs_result.table.sort_values(
        ["score", "source_code", "carrier_code"], ascending=[False, True, True]
    )
    t = t.drop_duplicates(["source_code", "carrier_code"]).head(n).reset_index(drop=True)
    pos = {c: i for i, c in enumerate(roles_result.codes)}
    ll = roles_result.lonlat
    s_ll = ll[[pos[c] for c in t["source_code"]]] if len(t) else np.zeros((0, 2))
    c_ll = ll[[pos[c] for c in t["carrier_code"]]] if len(t) else np.zeros((0, 2))
    contrib = t[[f"c_{p}" for p in PARTS]].to_numpy() if len(t) else np.zeros((0, len(PARTS)))
    main = [part_name(PARTS[int(np.argmax(row))], lang) for row in contrib]
    out = pd.DataFrame(
        {
            "rank": np.arange(1, len(t) + 1),
            "source_code": t["source_code"],
            "source": t["source"],
            "carrier_code": t["carrier_code"],
            "carrier": t["carrier"],
            "industry_id": t["industry_id"],
            "score": t["score"],
            "distance_km": t["distance_km"],
            "main_part": main,
            "source_lon": s_ll[:, 0],
            "source_lat": s_ll[:, 1],
            "carrier_lon": c_ll[:, 0],
            "carrier_lat": c_ll[:, 1],
        }
    )
    for p in PARTS:
        out[f"c_{p}"] = t[f"c_{p}"].to_numpy()
    return CorridorsResult(table=out, industry_id=pairs_result.industry_id, year=pairs_result.year)
