"""Herding alerts (一哄而上): how many regions target each industry against how many are capable of it, how
concentrated existing capacity is, and how alike regions' target lists are (同质化).

“一哄而上”预警：各产业的目标地区数与具备能力的地区数之比、现有产能集中度（HHI），以及地区目标清单的两两相似度。
Targets come from a declared-ambitions table (``region, industry[, source]``; free industry names resolved through
the taxonomy) or from Yindi's own recommendations (decisions ``grow`` and ``preposition``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import BoolArray, FloatArray
from yindi.errors import DataFormatError, DataValidationError
from yindi.plan._options import PLAN_OPTIONS
from yindi.plan.kernels import hhi, jaccard
from yindi.plan.taxonomy import IndustryNotFoundError, load_taxonomy
from yindi.schema import region_labels, tidy

__all__ = ["ALERT_LEVELS", "Herding", "capable_mask", "herding", "read_ambitions"]

#: Alert levels, lowest first.
ALERT_LEVELS: tuple[str, ...] = ("none", "watch", "high")
_LEVEL_ZH = {"none": "无", "watch": "关注", "high": "高度预警"}


def read_ambitions(
    source: str | Path | pd.DataFrame, regions: tuple[str, ...], industries: tuple[str, ...] | None = None
) -> BoolArray:
    """Read a declared-ambitions table into an (R, I) target mask.

    Columns ``region`` (any name or code the registry resolves) and ``industry`` (a free name the taxonomy
    resolves: "人工智能", "芯片" …), optionally ``source``. An unknown region or industry is an error naming the
    row and the closest candidates; a region outside ``regions`` is an error too (nothing is dropped silently).
    """
    from yindi.regions import resolve

    name = str(source) if not isinstance(source, pd.DataFrame) else "ambitions"
    frame = source if isinstance(source, pd.DataFrame) else _read_table(Path(source))
    for col in ("region", "industry"):
        if col not in frame.columns:
            raise DataFormatError(
                f"{name}: column {col!r} missing; an ambitions table needs 'region, industry[, source]'.",
                zh=f"{name} 缺少列 {col!r}；目标表需要列 region, industry（可选 source）。",
            )
    tax = load_taxonomy()
    pos_r = {c: k for k, c in enumerate(regions)}
    ids = tax.ids if industries is None else industries
    pos_i = {x: k for k, x in enumerate(ids)}
    mask = np.zeros((len(regions), len(ids)), dtype=bool)
    for row, (reg, ind) in enumerate(zip(frame["region"], frame["industry"], strict=True), start=2):
        try:
            code = resolve(str(reg)).adcode
        except Exception as exc:
            raise DataValidationError(
                f"{name}, row {row}, column 'region': {reg!r} is not a region ({exc}).",
                zh=f"{name} 第 {row} 行 'region' 列：无法识别地区 {reg!r}。",
            ) from None
        if code not in pos_r:
            raise DataValidationError(
                f"{name}, row {row}: region {reg!r} ({code}) is not among the regions studied.",
                zh=f"{name} 第 {row} 行：地区 {reg!r}（{code}）不在研究范围内。",
            )
        try:
            iid = tax.resolve(str(ind)).industry_id
        except IndustryNotFoundError as exc:
            raise DataValidationError(
                f"{name}, row {row}, column 'industry': {exc}",
                zh=f"{name} 第 {row} 行 'industry' 列：{exc.zh}",
            ) from None
        if iid not in pos_i:
            raise DataValidationError(
                f"{name}, row {row}: industry {ind!r} ({iid}) is not among the industries assessed.",
                zh=f"{name} 第 {row} 行：产业 {ind!r}（{iid}）不在评估范围内。",
            )
        mask[pos_r[code], pos_i[iid]] = True
    return mask


def _read_table(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise DataFormatError(f"{path} not found.", zh=f"未找到 {path}。")
    if path.suffix.lower() in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def capable_mask(
    capability: FloatArray, rd: FloatArray, tier: np.ndarray, opts: Mapping[str, Any]
) -> BoolArray:
    """Capable regions: capability ≥ base threshold; for future industries also R&D intensity ≥ the middle
    threshold (source 003 §3.1: future industries need research capacity)."""
    with np.errstate(invalid="ignore"):
        cap = capability >= float(opts["base_threshold"])
        research = (rd >= float(opts["research_middle_rd"]))[:, None]
    return np.where((tier == 2)[None, :], cap & research, cap)


@dataclass(frozen=True)
class Herding:
    """Herding alerts per industry and the similarity of regions' target lists.

    Attributes
    ----------
    industries : DataFrame
        ``industry_id, industry, tier, targets, capable, ratio, hhi, level, reasons`` (one row per industry).
    targets : (R, I) bool
        The target mask the alerts were computed from.
    regions : tuple of str
    origin : str
        ``"ambitions"`` or ``"recommendations"``.
    """

    industries: pd.DataFrame
    targets: BoolArray
    regions: tuple[str, ...]
    origin: str

    @cached_property
    def similarity(self) -> pd.DataFrame:
        """Region × region Jaccard similarity of target sets (NaN when both are empty); computed on first use."""
        idx = pd.Index(self.regions, name="region_code")
        return pd.DataFrame(jaccard(self.targets), index=idx, columns=idx)

    @cached_property
    def cosine(self) -> pd.DataFrame:
        """Region × region cosine similarity of target sets; computed on first use."""
        m = self.targets.astype(np.float32)
        norm = np.sqrt(m.sum(axis=1, dtype=np.float64))
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = (m @ m.T).astype(np.float64) / np.outer(norm, norm)
        idx = pd.Index(self.regions, name="region_code")
        return pd.DataFrame(cos, index=idx, columns=idx)

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """Human-facing herding table (highest alerts first)."""
        out = self.industries.copy()
        if lang == "zh":
            out["level_name"] = out["level"].map(_LEVEL_ZH)
        order = out["level"].map({v: k for k, v in enumerate(ALERT_LEVELS)})
        return (
            out.assign(_o=order)
            .sort_values(["_o", "ratio"], ascending=False)
            .drop(columns="_o")
            .reset_index(drop=True)
        )

    def pairs(self, lang: str = "zh", *, min_similarity: float = 0.0) -> pd.DataFrame:
        """Long table of region pairs ``region_code, region, partner_code, partner, jaccard, cosine``."""
        codes = list(self.similarity.index)
        names, _ = region_labels(codes, "en" if lang == "en" else "zh")
        iu = np.triu_indices(len(codes), k=1)
        j = self.similarity.to_numpy()[iu]
        c = self.cosine.to_numpy()[iu]
        out = pd.DataFrame(
            {
                "region_code": np.asarray(codes)[iu[0]],
                "region": np.asarray(names)[iu[0]],
                "partner_code": np.asarray(codes)[iu[1]],
                "partner": np.asarray(names)[iu[1]],
                "jaccard": j,
                "cosine": c,
            }
        )
        return (
            out[out["jaccard"].fillna(0) >= min_similarity]
            .sort_values("jaccard", ascending=False)
            .reset_index(drop=True)
        )

    def to_frame(self, lang: str = "zh") -> pd.DataFrame:
        """Result schema: national rows (``100000``) per industry with measures targets, capable, ratio, hhi;
        key column ``industry_id``."""
        f = self.industries
        parts = [
            pd.DataFrame(
                {"region_code": "100000", "industry_id": f["industry_id"], "measure": m, "value": f[m]}
            )
            for m in ("targets", "capable", "ratio", "hhi")
        ]
        return tidy(
            pd.concat(parts, ignore_index=True), keys=["industry_id"], lang="en" if lang == "en" else "zh"
        )


def herding(
    portfolio: Any,
    ambitions: str | Path | pd.DataFrame | np.ndarray | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    lang: str = "zh",
) -> Herding:
    """Herding alerts from declared ambitions (if given) or from the portfolio's own recommendations.

    Parameters
    ----------
    portfolio : Portfolio
        Supplies capability, R&D intensity and (without ambitions) the targets.
    ambitions : path, DataFrame or (R, I) bool array, optional
        Declared targets (see :func:`read_ambitions`).
    options : mapping, optional
        ``plan`` options (``crowded_ratio``, ``watch_ratio``, ``min_targets``).
    """
    opts = PLAN_OPTIONS.resolve({**portfolio.options, **(options or {})})
    ev = portfolio.evidence
    if ambitions is None:
        targets = (portfolio.decision == 1) | (portfolio.decision == 2)
        origin = "recommendations"
    elif isinstance(ambitions, np.ndarray):
        targets, origin = ambitions.astype(bool), "ambitions"
    else:
        targets, origin = read_ambitions(ambitions, ev.regions, ev.industries), "ambitions"
    inds = ev.industry_frame()
    tier = inds["tier"].map({"traditional": 0, "emerging": 1, "future": 2}).to_numpy()
    rd = ev.region_table["rd_intensity"].to_numpy(dtype=np.float64)
    capable = capable_mask(portfolio.capability, rd, tier, opts)
    capacity = ev.measures.get("firms")
    conc = hhi(capacity) if capacity is not None else np.full(len(ev.industries), np.nan)
    frame = herding_table(targets, capable, conc, inds, opts, lang)
    return Herding(industries=frame, targets=targets, regions=ev.regions, origin=origin)


def herding_table(
    targets: BoolArray,
    capable: BoolArray,
    conc: FloatArray,
    industries: pd.DataFrame,
    opts: Mapping[str, Any],
    lang: str = "zh",
) -> pd.DataFrame:
    """Per-industry alert level and reasons from target and capability masks (``industries``: the evidence's
    industry frame, index ``industry_id``)."""
    n_t = targets.sum(axis=0)
    n_c = capable.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(n_c > 0, n_t / np.maximum(n_c, 1), np.where(n_t > 0, np.inf, np.nan))
    enough = n_t >= int(opts["min_targets"])
    high = enough & (ratio >= float(opts["crowded_ratio"]))
    watch = enough & ~high & (ratio >= float(opts["watch_ratio"]))
    level = np.where(high, "high", np.where(watch, "watch", "none"))
    uncapable_targets = (targets & ~capable).sum(axis=0)
    reasons = []
    for k in range(len(industries)):
        parts = []
        if high[k] or watch[k]:
            parts.append(f"crowded(targets={int(n_t[k])}, capable={int(n_c[k])})")
        elif not enough[k]:
            parts.append(f"few_targets(targets={int(n_t[k])} < {int(opts['min_targets'])})")
        else:
            parts.append(f"capacity_matches(targets={int(n_t[k])}, capable={int(n_c[k])})")
        if uncapable_targets[k] > 0:
            parts.append(f"targets_without_capability(n={int(uncapable_targets[k])})")
        if np.isfinite(conc[k]):
            parts.append(f"concentration(hhi={conc[k]:.2f})")
        reasons.append("; ".join(parts))
    return pd.DataFrame(
        {
            "industry_id": list(industries.index),
            "industry": list(industries["name_en" if lang == "en" else "name_zh"]),
            "tier": list(industries["tier"]),
            "targets": n_t.astype(int),
            "capable": n_c.astype(int),
            "ratio": ratio,
            "hhi": conc,
            "level": level,
            "reasons": reasons,
        }
    )
