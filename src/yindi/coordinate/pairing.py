"""Pairing: for each innovation source its best carriers (and for each carrier its best sources), with a score
made of explained parts, overall or for one industry.

区域配对：为每个创新策源地找最合适的承载地（或为承载地找策源地），得分由可解释的分项加总；可总体配对，也可针对某一产业。
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.coordinate._pair_kernel import PARTS, PairInputs, TopPairs, combine, pair_parts, top_pairs
from yindi.coordinate._pair_rows import pair_rows
from yindi.coordinate.options import TABLE
from yindi.coordinate.profiles import ENDOWMENT_IDS, Profile, profile_for
from yindi.coordinate.roles import RolesResult, roles
from yindi.data.panel import Panel
from yindi.errors import ParameterError, RegionNotFoundError, check_option
from yindi.regions.groupings import STRATEGIC
from yindi.schema import tidy

_SOURCE_ROLES = ("source", "both")


@dataclass(frozen=True)
class PairsResult:
    """The selected pairs with every part of their score.

    Attributes
    ----------
    table : DataFrame
        One row per pair: ``source_code, source, carrier_code, carrier, industry_id, industry, by, rank, score``,
        each part (:data:`~yindi.coordinate._pair_kernel.PARTS`) and its contribution ``c_<part>`` (weight ×
        part; the contributions sum to ``score``), ``distance_km``, ``shared`` (strategic regions both belong
        to), ``profile``, ``reasons`` (codes), ``reason_zh``, ``reason_en``. ``by`` says whose list the pair
        is on: ``source`` (a source's best carriers) or ``carrier`` (a carrier's best sources).
    year : int
    industry_id : str
        Empty for overall pairs.
    profile : Profile
        The industry profile used (endowment weights, distance sensitivity, source).
    weights : mapping
        Weight of each part.
    notes : tuple of str
        What the reader must know (e.g. no capability evidence: base fit left out), Chinese then English.
    options : mapping
        Every option of ``[options.coordinate]`` used.
    """

    table: pd.DataFrame
    year: int
    industry_id: str
    profile: Profile
    weights: Mapping[str, float]
    notes: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)

    def output_table(self, lang: Lang = "zh") -> pd.DataFrame:
        """The human-facing table: :attr:`table` with one ``reason`` column in ``lang`` (region and industry
        names are in the language the pairs were computed in)."""
        t = self.table.copy()
        t["reason"] = t["reason_zh" if lang == "zh" else "reason_en"]
        return t.drop(columns=["reason_zh", "reason_en"])

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Tidy long frame: ``region_code`` = source, ``partner_code`` = carrier; measures ``score``, each part
        and ``distance_km``; keys ``partner_code, industry_id, by, rank``."""
        t = self.table
        parts = []
        for m in ("score", *PARTS, "distance_km"):
            parts.append(
                pd.DataFrame(
                    {
                        "region_code": t["source_code"],
                        "partner_code": t["carrier_code"],
                        "industry_id": t["industry_id"],
                        "by": t["by"],
                        "rank": t["rank"],
                        "measure": m,
                        "value": t[m],
                    }
                )
            )
        long = pd.concat(parts, ignore_index=True).assign(year=self.year)
        return tidy(long, keys=["partner_code", "industry_id", "by", "rank"], lang=lang)

    def summary(self, lang: Lang = "zh", rows: int = 10) -> str:
        head = "最强配对" if lang == "zh" else "Strongest pairs"
        if self.industry_id:
            head += f"（{self.industry_id}）" if lang == "zh" else f" ({self.industry_id})"
        t = self.table.sort_values("score", ascending=False).drop_duplicates(["source_code", "carrier_code"])
        lines = [head]
        for r in t.head(rows).itertuples():
            lines.append(f"  {r.source} → {r.carrier}: {r.score:.3f}")
        return "\n".join(lines)


def strategic_bits(codes: tuple[str, ...]) -> np.ndarray:
    """Bit ``b`` set when a region belongs to the ``b``-th strategic region of :data:`STRATEGIC` (provinces by
    their code; cities and counties by their province, and by their city where the plan lists cities)."""
    from yindi.regions import registry

    reg = registry()
    out = np.zeros(len(codes), dtype=np.uint64)
    for b, sr in enumerate(STRATEGIC.values()):
        for i, code in enumerate(codes):
            r = reg.get(code) if code in reg else None
            province = r.province if r is not None else code
            inside = code in sr.provinces
            if not inside and province in sr.provinces and r is not None and r.level != "province":
                city = code if r.level == "city" else (r.parent or "")
                inside = not sr.cities or city in sr.cities
            if inside:
                out[i] |= np.uint64(1 << b)
    return out


def _resolve_industry(industry: str | None) -> Any:
    if industry is None or industry == "":
        return None
    from yindi.plan.taxonomy import load_taxonomy

    tax = load_taxonomy()
    return tax[industry] if industry in tax.ids else tax.resolve(industry)


def _region_index(r: RolesResult, region: str) -> int:
    from yindi.regions import resolve

    try:
        code = resolve(region).adcode
    except RegionNotFoundError as exc:
        if getattr(exc, "zh", None):
            raise
        text = str(exc)
        near = text.split("Closest:", 1)[1].strip().rstrip(".") if "Closest:" in text else ""
        raise RegionNotFoundError(
            text,
            zh=f"无法识别的地区 {region!r}。请用中文名（如“广西”）、英文名或六位行政区划代码（如 450000）。"
            + (f"最接近的：{near}。" if near else ""),
        ) from None
    if code not in r.codes:
        raise RegionNotFoundError(
            f"Region {region!r} ({code}) is not in the data; the pairing covers {len(r.codes)} regions.",
            zh=f"地区 {region!r}（{code}）不在数据中；配对覆盖 {len(r.codes)} 个地区。",
        )
    return r.codes.index(code)


def pairs(
    panel: Panel,
    *,
    roles_result: RolesResult | None = None,
    capability: pd.DataFrame | None = None,
    industry: str | None = None,
    region: str | None = None,
    top: int | None = None,
    options: Mapping[str, Any] | None = None,
    lang: Lang = "zh",
) -> PairsResult:
    """Score (source, carrier) pairs and keep each region's best partners.

    Parameters
    ----------
    panel : Panel
        The data (see :func:`~yindi.coordinate.roles`).
    roles_result : RolesResult, optional
        Roles already computed with the same options (computed here otherwise).
    capability : DataFrame, optional
        Region × industry capability in [0, 1] (``NaN`` missing), index adcodes, columns taxonomy ids — the
        plan layer's ``Evidence.capability``. Without it the base-fit part is left out (reported in ``notes``).
    industry : str, optional
        A taxonomy id or a free name ("算力"), resolved through :func:`yindi.plan.load_taxonomy`; selects the
        industry's capability column and profile. ``None``: overall pairs.
    region : str, optional
        Only the pairs of this region: its best carriers if it may be a source, its best sources if it may be
        a carrier. ``None``: every source's best carriers.
    top : int, optional
        Partners kept per region (default: option ``top``).
    options : mapping, optional
        ``[options.coordinate]``.
    lang : {"zh", "en"}

    Returns
    -------
    PairsResult

    Notes
    -----
    ``score = Σ_k w_k part_k`` over knowledge gap, base fit, absorptive capacity, distance decay, strategic
    link and complementarity (formulas in :mod:`yindi.coordinate._pair_kernel` and docs/methods/coordinate.md).
    """
    check_option("lang", lang, ("zh", "en"), where="pairs()")
    opts = TABLE.resolve(options)
    k = int(opts["top"] if top is None else top)
    if k < 1:
        raise ParameterError(
            f"The 'top' parameter of pairs() must be ≥ 1. Got {k!r} instead.",
            zh=f"pairs() 的参数 top 须 ≥ 1，实际为 {k!r}。",
        )
    ind = _resolve_industry(industry)
    prof = profile_for(ind)
    r = roles(panel, options=options, lang=lang) if roles_result is None else roles_result
    t = r.table
    codes = r.codes
    notes: list[str] = []
    base = cap = None
    industry_id = "" if ind is None else str(ind.industry_id)
    if capability is not None:
        aligned = capability.reindex(index=list(codes))
        if ind is not None:
            if industry_id in aligned.columns:
                base = aligned[industry_id].to_numpy(dtype=np.float64)
            else:
                notes.append(
                    f"能力证据中没有产业 {industry_id}，基础匹配分项未计入。"
                    if lang == "zh"
                    else f"The capability evidence has no column {industry_id}; base fit left out."
                )
        else:
            cap = aligned.to_numpy(dtype=np.float64)
    else:
        notes.append(
            "未提供布局层的产业能力证据，基础匹配分项未计入（权重照旧，该项记 0）。"
            if lang == "zh"
            else "No capability evidence from the plan layer: the base-fit part is left out (counted as 0)."
        )
    endow = t[list(ENDOWMENT_IDS)].to_numpy(dtype=np.float64) @ np.array(prof.weights)
    role = t["role"].to_numpy()
    eligible = opts["eligible"]
    src_ok = np.isin(role, _SOURCE_ROLES) if eligible != "all" else np.ones(len(codes), bool)
    if eligible == "strict":
        car_ok = np.isin(role, ("carrier", "both"))
    elif eligible == "roles":
        car_ok = (role != "source") & (role != "unknown")
    else:
        car_ok = np.ones(len(codes), bool)
    inp = PairInputs(
        creation=t["creation_level"].to_numpy(dtype=np.float64),
        absorption=t["absorption_level"].to_numpy(dtype=np.float64),
        endowment=endow,
        lonlat=r.lonlat,
        strategic=strategic_bits(codes),
        source_ok=src_ok & np.isfinite(t["creation_level"].to_numpy(dtype=np.float64)),
        carrier_ok=car_ok,
        base=base,
        capability=cap,
    )
    weights = np.array([float(opts[f"pair_w_{p}"]) for p in PARTS])
    d0, sens = float(opts["distance_scale_km"]), prof.distance_sensitivity
    selections: list[TopPairs] = []
    rows_of: list[np.ndarray] = []
    if region is None:
        selections.append(
            top_pairs(inp, weights, k, by="source", distance_scale_km=d0, distance_sensitivity=sens)
        )
        rows_of.append(np.flatnonzero(inp.source_ok))
    else:
        i = _region_index(r, region)
        for by, ok in (("source", inp.source_ok), ("carrier", inp.carrier_ok)):
            if ok[i]:
                selections.append(
                    top_pairs(inp, weights, k, by=by, distance_scale_km=d0, distance_sensitivity=sens)
                )
                rows_of.append(np.array([i]))
        if not selections:
            notes.append(
                f"{t['region'].iloc[i]} 在当前角色与选项下既不是策源地也不是承载地。"
                if lang == "zh"
                else f"{t['region'].iloc[i]} is neither a source nor a carrier under these roles and options."
            )
    s_idx, c_idx, by_col, rank = [], [], [], []
    for sel, rows in zip(selections, rows_of, strict=True):
        for row in rows:
            for j, partner in enumerate(sel.partner[row]):
                if partner < 0:
                    continue
                s, c = (row, partner) if sel.by == "source" else (partner, row)
                s_idx.append(int(s))
                c_idx.append(int(c))
                by_col.append(sel.by)
                rank.append(j + 1)
    si, ci = np.array(s_idx, dtype=np.int64), np.array(c_idx, dtype=np.int64)
    parts = pair_parts(inp, si, ci, distance_scale_km=d0, distance_sensitivity=sens)
    score = combine(parts, weights)
    table = pair_rows(r, si, ci, parts, score, weights, by_col, rank, industry_id, ind, prof, lang)
    return PairsResult(
        table=table,
        year=r.year,
        industry_id=industry_id,
        profile=prof,
        weights=dict(zip(PARTS, weights.tolist(), strict=True)),
        notes=tuple(notes),
        options=dict(opts),
    )
