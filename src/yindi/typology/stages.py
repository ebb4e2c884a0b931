"""Rule-based regional S&T types of source 003 §2.2 (区域科技类型).

I: R&D intensity > 4 %; II: > 3 %; III: > 2 %; IV: the rest, described in the source as R&D intensity < 2 %
and per-capita GDP < 100,000 元. Thresholds, the GDP condition and the R&D series are parameters.
"""

from __future__ import annotations

from typing import Literal, get_args

import numpy as np
import pandas as pd

from yindi._defaults import NATION_CODE
from yindi.data.panel import Panel
from yindi.errors import MissingDataError, ParameterError, check_option

GdpRule = Literal["flag", "strict", "ignore"]
Intensity = Literal["published", "recomputed"]
TYPES: tuple[str, ...] = ("I", "II", "III", "IV")
UNCLASSIFIED = "unclassified"


def stage_types(
    panel: Panel,
    year: int = 2023,
    *,
    thresholds: tuple[float, float, float] = (4.0, 3.0, 2.0),
    gdp_threshold: float = 100_000.0,
    gdp_rule: GdpRule = "flag",
    intensity: Intensity = "published",
    lang: str = "zh",
) -> pd.DataFrame:
    """Classify regions into the four S&T types of source 003 §2.2.

    Parameters
    ----------
    panel : Panel
        Needs ``rd_intensity`` (or ``rd_expenditure`` and ``gdp`` for ``intensity="recomputed"``) and
        ``gdp_per_capita``; the national total is left out.
    year : int, default 2023
        The source's year.
    thresholds : (float, float, float), default (4, 3, 2)
        R&D intensity (%) strictly above which a region is type I, II, III.
    gdp_threshold : float, default 100,000
        Per-capita GDP (元) of the source's type-IV description.
    gdp_rule : {'flag', 'strict', 'ignore'}, default 'flag'
        What to do with a region below the type-III threshold whose per-capita GDP is not below
        ``gdp_threshold`` (the source's text has no place for it): 'flag' types it IV and says so in ``note``;
        'strict' leaves it ``"unclassified"``; 'ignore' types it IV silently (R&D only).
    intensity : {'published', 'recomputed'}, default 'published'
        'published': NBS ``rd_intensity`` (R&D over GDP as first published); 'recomputed':
        ``rd_expenditure / gdp × 100`` on the GDP series in the panel (in the pack: revised after the 5th
        economic census).
    lang : {'zh', 'en'}, default 'zh'
        Language of ``note``.

    Returns
    -------
    DataFrame
        One row per region: ``region_code, region, year, rd_intensity, gdp_per_capita, type, rule, note``;
        ``rule`` states the comparison that decided the type. Sorted by type then R&D intensity.

    References
    ----------
    Source 003 §2.2 (图1: 2023年全国省(区、市)区域科技类型区划分): I 北京, 上海; II 广东, 江苏, 浙江, 天津; III 9
    regions; IV 16 regions.
    """
    check_option("gdp_rule", gdp_rule, get_args(GdpRule), where="stage_types()")
    check_option("intensity", intensity, get_args(Intensity), where="stage_types()")
    t1, t2, t3 = (float(t) for t in thresholds)
    if not t1 > t2 > t3:
        raise ParameterError(
            f"stage_types(): thresholds must decrease (I > II > III). Got {thresholds!r}.",
            zh=f"stage_types()：阈值须递减（I > II > III），收到的是 {thresholds!r}。",
        )
    needed = ["rd_intensity"] if intensity == "published" else ["rd_expenditure", "gdp"]
    needed.append("gdp_per_capita")
    for ind in needed:
        panel.indicator(ind)
    codes = [c for c in panel.region_codes if c != NATION_CODE]
    cs = panel.select(regions=codes).cross_section(int(year), needed)
    rd = cs["rd_intensity"] if intensity == "published" else 100.0 * cs["rd_expenditure"] / cs["gdp"]
    gdp = cs["gdp_per_capita"]
    lack = [c for c in cs.index if not (np.isfinite(rd[c]) and np.isfinite(gdp[c]))]
    if lack:
        raise MissingDataError(
            f"stage_types(): R&D intensity or per-capita GDP missing in {year} for {', '.join(lack)}. "
            "Choose a year with complete data or drop those regions (panel.select(regions=...)).",
            zh=f"stage_types()：{year} 年 {'、'.join(lack)} 缺少研发投入强度或人均 GDP。"
            "请选择数据完整的年份，或去掉这些地区（panel.select(regions=...)）。",
        )
    names = panel.frame.drop_duplicates("region_code").set_index("region_code")["region"]
    rows = []
    for code in cs.index:
        r, g = float(rd[code]), float(gdp[code])
        note = ""
        if r > t1:
            typ, rule = "I", f"R&D {r:.2f}% > {t1:g}%"
        elif r > t2:
            typ, rule = "II", f"{t2:g}% < R&D {r:.2f}% ≤ {t1:g}%"
        elif r > t3:
            typ, rule = "III", f"{t3:g}% < R&D {r:.2f}% ≤ {t2:g}%"
        else:
            typ, rule = "IV", f"R&D {r:.2f}% ≤ {t3:g}%"
            if g < gdp_threshold:
                rule += f", GDP/cap {g:,.0f} < {gdp_threshold:,.0f}"
            elif gdp_rule == "flag":
                note = (
                    f"per-capita GDP {g:,.0f} ≥ {gdp_threshold:,.0f}: outside the source's type-IV description; "
                    "typed IV by R&D intensity"
                    if lang == "en"
                    else f"人均GDP {g:,.0f} 元 ≥ {gdp_threshold:,.0f} 元，超出文献对 IV 类的描述；按研发强度归入 IV 类"
                )
            elif gdp_rule == "strict":
                typ = UNCLASSIFIED
                note = (
                    f"R&D ≤ {t3:g}% but per-capita GDP {g:,.0f} ≥ {gdp_threshold:,.0f}: no type in the source"
                    if lang == "en"
                    else f"研发强度 ≤ {t3:g}% 但人均GDP {g:,.0f} 元 ≥ {gdp_threshold:,.0f} 元：文献中无对应类型"
                )
        rows.append((code, str(names.get(code, code)), int(year), r, g, typ, rule, note))
    out = pd.DataFrame(
        rows,
        columns=["region_code", "region", "year", "rd_intensity", "gdp_per_capita", "type", "rule", "note"],
    )
    order = {t: k for k, t in enumerate((*TYPES, UNCLASSIFIED))}
    out["_o"] = out["type"].map(order)
    out = out.sort_values(["_o", "rd_intensity"], ascending=[True, False], kind="stable").drop(columns="_o")
    return out.reset_index(drop=True)


#: Source 003 §2.2 as published: type counts and the regions named (types III and IV are not listed by name).
SOURCE_003_COUNTS: dict[str, int] = {"I": 2, "II": 4, "III": 9, "IV": 16}
SOURCE_003_NAMED: dict[str, tuple[str, ...]] = {"I": ("北京", "上海"), "II": ("广东", "江苏", "浙江", "天津")}


def compare_with_source(types: pd.DataFrame) -> pd.DataFrame:
    """Counts per type next to source 003's figure (I 2, II 4, III 9, IV 16) and whether named regions agree."""
    counts = types["type"].value_counts()
    rows = []
    for t in TYPES:
        named = SOURCE_003_NAMED.get(t)
        ours = set(types.loc[types["type"] == t, "region"])
        agree = "" if named is None else ("yes" if set(named) == ours else "no")
        rows.append((t, int(counts.get(t, 0)), SOURCE_003_COUNTS[t], agree))
    return pd.DataFrame(rows, columns=["type", "regions", "source_003", "named_regions_agree"])
