"""The human-facing table of selected pairs: names, parts, contributions and reasons in Chinese and English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from yindi._typing import FloatArray, IntArray, Lang
from yindi.coordinate._pair_kernel import PARTS
from yindi.coordinate._reasons import fmt, part_name
from yindi.coordinate.profiles import Profile
from yindi.coordinate.roles import RolesResult
from yindi.regions.groupings import STRATEGIC
from yindi.schema import region_labels


def _shared(a: int, b: int, lang: Lang) -> list[str]:
    both = a & b
    return [
        (sr.name_en if lang == "en" else sr.name_zh)
        for bit, sr in enumerate(STRATEGIC.values())
        if both >> bit & 1
    ]


def pair_rows(
    r: RolesResult,
    si: IntArray,
    ci: IntArray,
    parts: dict[str, FloatArray],
    score: FloatArray,
    weights: FloatArray,
    by: Sequence[str],
    rank: Sequence[int],
    industry_id: str,
    industry: Any,
    profile: Profile,
    lang: Lang,
) -> pd.DataFrame:
    """One row per selected pair (see :class:`~yindi.coordinate.pairing.PairsResult` for the columns)."""
    from yindi.coordinate.pairing import strategic_bits

    codes = np.array(r.codes, dtype=object)
    names = np.array(region_labels(list(r.codes), lang)[0], dtype=object)
    bits = strategic_bits(r.codes)
    ind_name = "" if industry is None else industry.name(lang)
    table = pd.DataFrame(
        {
            "source_code": codes[si],
            "source": names[si],
            "carrier_code": codes[ci],
            "carrier": names[ci],
            "industry_id": industry_id,
            "industry": ind_name,
            "by": list(by),
            "rank": list(rank),
            "score": score,
        }
    )
    for p in PARTS:
        table[p] = parts[p]
    for w, p in zip(weights, PARTS, strict=True):
        table[f"c_{p}"] = w * np.where(np.isfinite(parts[p]), parts[p], 0.0)
    table["distance_km"] = parts["distance_km"]
    sep = "、" if lang == "zh" else ", "
    shared = [_shared(int(bits[s]), int(bits[c]), lang) for s, c in zip(si, ci, strict=True)]
    table["shared"] = [sep.join(x) for x in shared]
    table["profile"] = profile.profile
    reasons, zh_col, en_col = [], [], []
    for i in range(len(table)):
        contrib = {p: float(weights[k] * np.nan_to_num(parts[p][i])) for k, p in enumerate(PARTS)}
        codes_i = [
            f"{p}({fmt(float(parts[p][i]), 3)}×{fmt(float(w), 2)}={fmt(contrib[p], 3)})"
            if np.isfinite(parts[p][i])
            else f"{p}(missing)"
            for w, p in zip(weights, PARTS, strict=True)
        ]
        codes_i.append(f"distance_km({fmt(float(parts['distance_km'][i]), 0)})")
        if shared[i]:
            codes_i.append(f"shared({'|'.join(_shared(int(bits[si[i]]), int(bits[ci[i]]), 'en'))})")
        codes_i.append(f"profile({profile.profile})")
        reasons.append("; ".join(codes_i))
        top2 = sorted(PARTS, key=lambda p: -contrib[p])[:2]
        s_zh, c_zh = str(names[si[i]]), str(names[ci[i]])
        d = fmt(float(parts["distance_km"][i]), 0)
        sh_zh = "、".join(_shared(int(bits[si[i]]), int(bits[ci[i]]), "zh"))
        sh_en = ", ".join(_shared(int(bits[si[i]]), int(bits[ci[i]]), "en"))
        zh = (
            f"{s_zh} → {c_zh}：得分 {fmt(float(score[i]), 3)}，主要来自{part_name(top2[0], 'zh')}"
            f"（{fmt(contrib[top2[0]], 3)}）和{part_name(top2[1], 'zh')}（{fmt(contrib[top2[1]], 3)}）；"
            f"知识势差 {fmt(float(parts['knowledge_gap'][i]), 2)}，两地相距 {d} 公里"
            + (f"，同属{sh_zh}" if sh_zh else "")
            + "。"
        )
        en = (
            f"{s_zh} → {c_zh}: score {fmt(float(score[i]), 3)}, mainly from {part_name(top2[0], 'en')} "
            f"({fmt(contrib[top2[0]], 3)}) and {part_name(top2[1], 'en')} ({fmt(contrib[top2[1]], 3)}); "
            f"knowledge gap {fmt(float(parts['knowledge_gap'][i]), 2)}, {d} km apart"
            + (f", both in {sh_en}" if sh_en else "")
            + "."
        )
        zh_col.append(zh)
        en_col.append(en)
    table["reasons"], table["reason_zh"], table["reason_en"] = reasons, zh_col, en_col
    return table
