"""Specialisation and similarity per period: LQ/RCA, Hachman, Krugman, Hoover, HHI, entropy, UNIDO similarity.

专业化与同质化：区位商、Hachman 指数、Krugman 专业化指数（总体与两两）、Hoover 指数、HHI、熵、结构相似系数。
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from yindi._typing import FloatArray, Lang
from yindi.errors import ParameterError, check_option
from yindi.structure import specialisation_kernel as sk
from yindi.structure._options import KRUGMAN_REFERENCES, Empty, KrugmanReference, Missing
from yindi.structure._prepare import DROPPED_COLUMNS, PeriodMatrix, positive_threshold, prepare
from yindi.structure.table import ActivityTable

__all__ = ["SpecialisationResult", "specialisation"]


@dataclass(frozen=True, eq=False, repr=False)
class SpecialisationResult:
    """Specialisation, concentration and similarity of every period.

    Attributes
    ----------
    periods : tuple of int
    matrices : tuple of PeriodMatrix
        Kept regions/activities and values of each period.
    region_codes, activity_labels : tuple of str
    region_names : mapping
    lq_threshold : float
        An activity is a specialisation of a region where ``LQ ≥ lq_threshold``.
    krugman_reference : {"nation", "rest"}
        What each region's Krugman index compares it with (see :func:`specialisation`).
    dropped : DataFrame
        ``period, kind, label, total, reason``.
    notes : tuple of str
    """

    periods: tuple[int, ...]
    matrices: tuple[PeriodMatrix, ...]
    region_codes: tuple[str, ...]
    activity_labels: tuple[str, ...]
    region_names: Mapping[str, str]
    lq_threshold: float = 1.0
    krugman_reference: KrugmanReference = "nation"
    dropped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(DROPPED_COLUMNS)))
    notes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"SpecialisationResult(periods={list(self.periods)}, regions={len(self.region_codes)}, "
            f"activities={len(self.activity_labels)}, lq_threshold={self.lq_threshold:g}, dropped={len(self.dropped)})"
        )

    def _k(self, period: int | None) -> int:
        if period is None:
            return len(self.periods) - 1
        if period not in self.periods:
            raise ParameterError(
                f"Period {period} is not in the result; it has {list(self.periods)}.",
                zh=f"结果中没有时期 {period}；现有时期：{list(self.periods)}。",
            )
        return self.periods.index(period)

    def _codes(self, k: int) -> list[str]:
        return [self.region_codes[i] for i in self.matrices[k].rows]

    def _acts(self, k: int) -> list[str]:
        return [self.activity_labels[j] for j in self.matrices[k].cols]

    @cached_property
    def cells(self) -> pd.DataFrame:
        """``period, region_code, region, activity, value, share, lq, specialised``."""
        parts = []
        for k, pm in enumerate(self.matrices):
            codes, acts = self._codes(k), self._acts(k)
            lq = sk.location_quotient(pm.x)
            r, n = len(codes), len(acts)
            parts.append(
                pd.DataFrame(
                    {
                        "period": pm.period,
                        "region_code": np.repeat(np.asarray(codes, dtype=object), n),
                        "region": np.repeat(
                            np.asarray([self.region_names.get(c, c) for c in codes], dtype=object), n
                        ),
                        "activity": np.tile(np.asarray(acts, dtype=object), r),
                        "value": pm.x.reshape(-1),
                        "share": sk.shares(pm.x).reshape(-1),
                        "lq": lq.reshape(-1),
                        "specialised": (lq >= self.lq_threshold).reshape(-1),
                    }
                )
            )
        return pd.concat(parts, ignore_index=True)

    @cached_property
    def regions(self) -> pd.DataFrame:
        """``period, region_code, region, hachman, krugman, hhi, entropy, n_specialised``."""
        parts = []
        for k, pm in enumerate(self.matrices):
            codes = self._codes(k)
            parts.append(
                pd.DataFrame(
                    {
                        "period": pm.period,
                        "region_code": codes,
                        "region": [self.region_names.get(c, c) for c in codes],
                        "hachman": sk.hachman(pm.x),
                        "krugman": sk.krugman(pm.x, self.krugman_reference),
                        "hhi": sk.herfindahl(pm.x),
                        "entropy": sk.entropy(pm.x),
                        "n_specialised": (sk.location_quotient(pm.x) >= self.lq_threshold).sum(axis=1),
                    }
                )
            )
        return pd.concat(parts, ignore_index=True)

    @cached_property
    def activities(self) -> pd.DataFrame:
        """``period, activity, hoover`` (localisation against the regions' totals)."""
        parts = [
            pd.DataFrame({"period": pm.period, "activity": self._acts(k), "hoover": sk.hoover(pm.x)})
            for k, pm in enumerate(self.matrices)
        ]
        return pd.concat(parts, ignore_index=True)

    def _square(self, k: int, values: FloatArray) -> pd.DataFrame:
        codes = self._codes(k)
        return pd.DataFrame(values, index=pd.Index(codes, name="region_code"), columns=codes)

    def similarity(self, period: int | None = None) -> pd.DataFrame:
        """UNIDO structural similarity matrix (region × region, codes on both axes); last period by default."""
        k = self._k(period)
        return self._square(k, sk.structural_similarity(self.matrices[k].x))

    def krugman_pairwise(self, period: int | None = None) -> pd.DataFrame:
        """Pairwise Krugman dissimilarity matrix (region × region); last period by default."""
        k = self._k(period)
        return self._square(k, sk.krugman_pairwise(self.matrices[k].x))

    def homogeneity(self, period: int | None = None, *, top: int = 3) -> pd.DataFrame:
        """同质化表: for each region, its ``top`` most similar regions and its mean similarity to all others.

        Returns
        -------
        DataFrame
            ``period, region_code, region, mean_similarity, rank, peer_code, peer, similarity``; one row per
            region and peer (``rank`` 1 = most similar), sorted by mean similarity, highest first.
        """
        if top < 1:
            raise ParameterError(
                f"The 'top' parameter of homogeneity() must be ≥ 1. Got {top!r} instead.",
                zh=f"homogeneity() 的参数 'top' 须 ≥ 1，收到的是 {top!r}。",
            )
        k = self._k(period)
        s = sk.structural_similarity(self.matrices[k].x)
        codes = self._codes(k)
        n = len(codes)
        off = s.copy()
        np.fill_diagonal(off, np.nan)
        mean = np.nanmean(off, axis=1) if n > 1 else np.full(n, np.nan)
        rows = []
        for i, c in enumerate(codes):
            order = [j for j in np.argsort(-np.nan_to_num(off[i], nan=-np.inf), kind="stable") if j != i][
                :top
            ]
            for rank, j in enumerate(order, start=1):
                rows.append(
                    (
                        self.periods[k],
                        c,
                        self.region_names.get(c, c),
                        float(mean[i]),
                        rank,
                        codes[j],
                        self.region_names.get(codes[j], codes[j]),
                        float(s[i, j]),
                    )
                )
        cols = [
            "period",
            "region_code",
            "region",
            "mean_similarity",
            "rank",
            "peer_code",
            "peer",
            "similarity",
        ]
        out = pd.DataFrame(rows, columns=cols)
        return out.sort_values(
            ["mean_similarity", "region_code", "rank"], ascending=[False, True, True]
        ).reset_index(drop=True)

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Result schema: ``measure`` ``hachman``, ``krugman``, ``hhi``, ``entropy``, ``n_specialised`` per
        region; ``hoover`` per ``activity`` (on the nation, 100000); ``share``, ``lq`` per region and
        ``activity``; ``year`` is the period."""
        from yindi.schema import NATIONAL_CODE, tidy

        cel = self.cells.drop(columns="value").melt(
            id_vars=["period", "region_code", "activity"], value_vars=["share", "lq"], var_name="measure"
        )
        reg = self.regions.melt(
            id_vars=["period", "region_code"],
            value_vars=["hachman", "krugman", "hhi", "entropy", "n_specialised"],
            var_name="measure",
        )
        act = self.activities.melt(
            id_vars=["period", "activity"], value_vars=["hoover"], var_name="measure"
        ).assign(region_code=NATIONAL_CODE)
        long = pd.concat([reg, act, cel], ignore_index=True).rename(columns={"period": "year"})
        return tidy(long, keys=["activity"], lang=lang)

    def summary(self) -> str:
        """Region indices of the last period, most homogeneous first, then the notes."""
        last = max(self.periods)
        cols = ["hachman", "krugman", "hhi", "entropy", "n_specialised"]
        reg = self.regions[self.regions["period"] == last].set_index("region")[cols].sort_values("krugman")
        lines = [
            f"Specialisation, {last} (LQ ≥ {self.lq_threshold:g} counts as specialised):",
            reg.round(3).to_string(),
        ]
        lines += [f"Note: {n}" for n in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def specialisation(
    data: ActivityTable | pd.DataFrame,
    *,
    region: str = "region",
    activity: str = "activity",
    value: str = "value",
    period: str = "year",
    periods: Sequence[int] | None = None,
    lq_threshold: float = 1.0,
    empty: Empty = "error",
    min_region_total: float = 0.0,
    min_activity_total: float = 0.0,
    missing: Missing = "error",
    krugman_reference: KrugmanReference = "nation",
) -> SpecialisationResult:
    """Location quotients and specialisation, concentration and similarity indices for each period.

    Parameters
    ----------
    data : ActivityTable or DataFrame
        As for :func:`yindi.structure.complexity`.
    lq_threshold : float
        ``LQ ≥ lq_threshold`` marks a specialisation (default 1; 1.25 or 2 are common stricter choices).
    empty, min_region_total, min_activity_total
        Policy for regions/activities with zero (or small) totals; see :func:`yindi.structure.complexity`.
    missing : {"error", "zero"}
        For a DataFrame: a missing cell (NaN or an absent region × activity × period row) raises (default) or
        counts as 0, reported in ``.notes`` (as :func:`read_activity_table`'s ``missing``).
    krugman_reference : {"nation", "rest"}
        ``"nation"`` (default; EconGeo, Krugman 1991) compares each region's activity shares with the whole
        country's, the region included; ``"rest"`` compares them with the rest of the country (all other
        regions), the variant common in Chinese papers. See
        :func:`yindi.structure.specialisation_kernel.krugman`.

    Returns
    -------
    SpecialisationResult
        ``.cells`` (share, lq), ``.regions`` (Hachman, Krugman, HHI, entropy), ``.activities`` (Hoover),
        ``.similarity()``, ``.krugman_pairwise()``, ``.homogeneity()``.

    Notes
    -----
    Formulas in :mod:`yindi.structure.specialisation_kernel` (EconGeo definitions, without its rounding).
    The LQ of the whole country is 1 for every activity by construction.

    References
    ----------
    Balassa (1965) The Manchester School 33, 99–123; Krugman (1991) Geography and Trade; Hoover (1936)
    REStat 18, 162–171; Balland, EconGeo R package.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"year": 2020, "region": list("aabb"), "activity": list("xyxy"),
    ...                    "value": [3.0, 1.0, 1.0, 3.0]})
    >>> res = specialisation(df)
    >>> res.cells["lq"].round(2).tolist()
    [1.5, 0.5, 0.5, 1.5]
    >>> res.regions[["region", "krugman", "hhi"]].round(3).to_dict("list")
    {'region': ['a', 'b'], 'krugman': [0.5, 0.5], 'hhi': [0.625, 0.625]}
    """
    where = "specialisation()"
    positive_threshold("lq_threshold", lq_threshold, where)
    check_option("krugman_reference", krugman_reference, KRUGMAN_REFERENCES, where=where)
    table, mats, dropped, notes = prepare(
        data,
        region=region,
        activity=activity,
        value=value,
        period=period,
        periods=None if periods is None else list(periods),
        empty=empty,
        min_region_total=min_region_total,
        min_activity_total=min_activity_total,
        where=where,
        missing=missing,
    )
    if krugman_reference == "rest" and any(len(pm.rows) < 2 for pm in mats):
        raise ParameterError(
            f"{where}: krugman_reference='rest' needs at least two regions in every period (the rest of the "
            "country is empty otherwise).",
            zh=f"{where}：krugman_reference='rest' 要求每期至少两个地区（否则“其余地区”为空）。",
        )
    return SpecialisationResult(
        periods=tuple(pm.period for pm in mats),
        matrices=tuple(mats),
        region_codes=table.regions,
        activity_labels=table.activities,
        region_names=dict(table.region_names),
        lq_threshold=float(lq_threshold),
        krugman_reference=krugman_reference,
        dropped=dropped,
        notes=tuple(notes),
    )
