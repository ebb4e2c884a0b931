"""Homogeneity of stated priorities across regions, and the gap between stated priorities and capability.

同质化与“宣示—能力”差距：各地重点产业向量的两两相似度（余弦、Jaccard）与总体水平、被最多地区点名的产业；
以及每个地区宣示的产业与其产业基础（能力证据）之间的差距。

A region's priority vector has one entry per industry: the strongest commitment cue (1–4) with which its
documents name the industry (0 when not named as a priority). Cosine similarity uses these strengths, Jaccard
only whether the industry is named (kernels in :mod:`yindi.text._similarity`). With ``exclude_inherited`` the
sentences copied from central documents (:mod:`yindi.text.reuse`) are left out, so that homogeneity caused by
copying the centre can be told apart from homogeneity of the regions' own choices.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from yindi._typing import Lang
from yindi.errors import DataValidationError
from yindi.schema import NATIONAL_CODE, region_labels, tidy
from yindi.text._similarity import mean_offdiagonal, pairwise_cosine, pairwise_jaccard
from yindi.text.priorities import Priorities


@dataclass(frozen=True)
class Homogeneity:
    """Similarity of regions' stated priorities.

    Attributes
    ----------
    matrix : DataFrame
        Region (rows, adcodes) × industry_id: strongest cue strength (0 = not stated).
    cosine, jaccard : DataFrame
        Region × region similarity.
    common : DataFrame
        Industries by the number of regions naming them: ``industry_id, industry, tier, regions, share``.
    exclude_inherited : bool
    """

    matrix: pd.DataFrame
    cosine: pd.DataFrame
    jaccard: pd.DataFrame
    common: pd.DataFrame
    exclude_inherited: bool

    @property
    def overall(self) -> dict[str, float]:
        """Mean pairwise cosine and Jaccard similarity, number of regions and industries."""
        return {
            "mean_cosine": mean_offdiagonal(self.cosine.to_numpy()),
            "mean_jaccard": mean_offdiagonal(self.jaccard.to_numpy()),
            "regions": float(self.matrix.shape[0]),
            "industries": float((self.matrix.to_numpy() > 0).any(axis=0).sum()),
        }

    def summary(self, lang: Lang = "zh") -> str:
        """One paragraph for people: overall similarity and the most common industries."""
        o = self.overall
        top = ", ".join(f"{r.industry} ({r.regions})" for r in self.common.head(5).itertuples())
        which = "own sentences only" if self.exclude_inherited else "all sentences"
        if lang == "en":
            return (
                f"{int(o['regions'])} regions, {int(o['industries'])} industries stated ({which}); mean pairwise "
                f"cosine {o['mean_cosine']:.3f}, Jaccard {o['mean_jaccard']:.3f}. Most common: {top or '-'}"
            )
        scope = "仅地方自有语句" if self.exclude_inherited else "全部语句"
        return (
            f"{int(o['regions'])} 个地区，{int(o['industries'])} 个产业（{scope}）；两两平均余弦相似度 "
            f"{o['mean_cosine']:.3f}，Jaccard {o['mean_jaccard']:.3f}。最常见：{top or '无'}"
        )

    def pairs(self, lang: Lang = "zh") -> pd.DataFrame:
        """Every pair of regions once: ``region_code_a, region_a, region_code_b, region_b, cosine, jaccard``."""
        codes = list(self.matrix.index)
        names, _ = region_labels(codes, lang)
        iu = np.triu_indices(len(codes), 1)
        return pd.DataFrame(
            {
                "region_code_a": [codes[i] for i in iu[0]],
                "region_a": [names[i] for i in iu[0]],
                "region_code_b": [codes[j] for j in iu[1]],
                "region_b": [names[j] for j in iu[1]],
                "cosine": self.cosine.to_numpy()[iu],
                "jaccard": self.jaccard.to_numpy()[iu],
            }
        )

    def to_frame(self, lang: Lang = "zh") -> pd.DataFrame:
        """Tidy frame: per region its mean cosine and Jaccard similarity to the other regions
        (``mean_cosine``, ``mean_jaccard``) and its number of stated industries; the overall means on the row
        of 全国 (100000)."""
        n = len(self.matrix)
        rows = []
        cos, jac = self.cosine.to_numpy(), self.jaccard.to_numpy()
        for i, code in enumerate(self.matrix.index):
            others = [j for j in range(n) if j != i]
            rows.append((code, "mean_cosine", float(cos[i, others].mean()) if others else np.nan))
            rows.append((code, "mean_jaccard", float(jac[i, others].mean()) if others else np.nan))
            rows.append((code, "stated_industries", float((self.matrix.iloc[i] > 0).sum())))
        for measure, value in self.overall.items():
            rows.append((NATIONAL_CODE, f"overall_{measure}", value))
        return tidy(pd.DataFrame(rows, columns=["region_code", "measure", "value"]), lang=lang)


def homogeneity(
    priorities: Priorities, *, min_strength: int = 1, exclude_inherited: bool = False, lang: Lang = "zh"
) -> Homogeneity:
    """Similarity of the regions' priority vectors (see the module docstring). The national level (100000) is
    left out: it is the centre the regions are compared with, not one of them."""
    f = priorities.stated(min_strength=min_strength, exclude_inherited=exclude_inherited)
    f = f.loc[f["region_code"] != NATIONAL_CODE]
    matrix = f.pivot_table(
        index="region_code", columns="industry_id", values="strength", aggfunc="max", fill_value=0
    )
    matrix = matrix.astype(float).sort_index()
    x = matrix.to_numpy()
    codes = list(matrix.index)
    cos = pd.DataFrame(pairwise_cosine(x), index=codes, columns=codes)
    jac = pd.DataFrame(pairwise_jaccard(x), index=codes, columns=codes)
    counts = (matrix > 0).sum(axis=0).sort_values(ascending=False, kind="stable")
    k = 1 if lang == "en" else 0
    common = pd.DataFrame(
        {
            "industry_id": counts.index,
            "industry": [priorities.labels[i][k] for i in counts.index],
            "tier": [priorities.labels[i][2] for i in counts.index],
            "regions": counts.to_numpy().astype(int),
            "share": counts.to_numpy() / max(len(codes), 1),
        }
    )
    return Homogeneity(matrix, cos, jac, common, exclude_inherited)


def capability_gaps(
    ambitions: pd.DataFrame,
    capability: pd.DataFrame,
    *,
    labels: dict[str, tuple[str, str, str]] | None = None,
    where: str = "capability table",
    lang: Lang = "zh",
) -> pd.DataFrame:
    """Stated priorities against capability.

    Parameters
    ----------
    ambitions : DataFrame
        The declared-ambitions table (:meth:`Priorities.ambitions`): columns ``region_code, industry_id`` at
        least (``region, industry, tier, cue, strength, evidence`` are carried along when present).
    capability : DataFrame
        Columns ``region_code, industry_id, capable`` (true/false, 1/0), one row per region and industry
        assessed.

    Returns
    -------
    DataFrame
        One row per stated (region, industry) and per capable but unstated pair of the regions that state
        anything (other regions are not in the documents), with ``stated``, ``capable``
        (``<NA>`` when the capability table says nothing) and ``status``: ``stated_with_base``,
        ``stated_without_base`` (the ambition the sources warn about), ``stated_no_evidence`` or
        ``base_not_stated``.
    """
    need = {"region_code", "industry_id", "capable"}
    missing = need - set(capability.columns)
    if missing:
        raise DataValidationError(
            f"{where}: columns {sorted(missing)} are missing; expected region_code, industry_id, capable.",
            zh=f"{where}：缺少列 {sorted(missing)}，应有 region_code、industry_id、capable 三列。",
        )
    cap = capability[["region_code", "industry_id", "capable"]].copy()
    cap["region_code"] = cap["region_code"].astype(str)
    truth = {
        "true": True,
        "false": False,
        "1": True,
        "0": False,
        "yes": True,
        "no": False,
        "1.0": True,
        "0.0": False,
    }
    bad = [i for i, v in enumerate(cap["capable"].astype(str).str.strip().str.lower()) if v not in truth]
    if bad:
        row = bad[0]
        raise DataValidationError(
            f"{where}, row {row + 2}, column 'capable': {cap['capable'].iloc[row]!r} is not true/false or 1/0.",
            zh=f"{where} 第 {row + 2} 行 'capable' 列：{cap['capable'].iloc[row]!r} 不是 true/false 或 1/0。",
        )
    cap["capable"] = cap["capable"].astype(str).str.strip().str.lower().map(truth).astype("boolean")
    dup = cap.duplicated(["region_code", "industry_id"], keep=False)
    if dup.any():
        first = cap.loc[dup].iloc[0]
        raise DataValidationError(
            f"{where}: region {first['region_code']} and industry {first['industry_id']} appear more than once.",
            zh=f"{where}：地区 {first['region_code']} 与产业 {first['industry_id']} 出现多次。",
        )
    amb = ambitions.copy()
    amb["region_code"] = amb["region_code"].astype(str)
    amb["stated"] = True
    merged = amb.merge(cap, on=["region_code", "industry_id"], how="outer")
    merged["stated"] = merged["stated"].fillna(False).astype(bool)
    in_documents = merged["region_code"].isin(set(amb["region_code"]))
    merged = merged.loc[in_documents & (merged["stated"] | merged["capable"].fillna(False).astype(bool))]
    status = np.select(
        [
            merged["stated"] & merged["capable"].isna(),
            merged["stated"] & merged["capable"].fillna(False).astype(bool),
            merged["stated"],
        ],
        ["stated_no_evidence", "stated_with_base", "stated_without_base"],
        default="base_not_stated",
    )
    merged["status"] = status
    merged["region"] = region_labels(merged["region_code"].tolist(), lang)[0]
    if labels:
        k = 1 if lang == "en" else 0
        merged["industry"] = [labels[i][k] if i in labels else i for i in merged["industry_id"]]
        merged["tier"] = [labels[i][2] if i in labels else "" for i in merged["industry_id"]]
    lead = ["region_code", "region", "industry_id", "industry", "tier", "status", "stated", "capable"]
    order = [c for c in lead if c in merged.columns] + [c for c in merged.columns if c not in lead]
    out = merged[order].sort_values(["region_code", "status", "industry_id"], kind="stable")
    return out.reset_index(drop=True)
