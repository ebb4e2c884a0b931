"""Reason codes and sentences (Chinese and English) for roles and pairs."""

from __future__ import annotations

import math

from yindi._typing import Lang

ROLE_LABELS: dict[str, tuple[str, str]] = {
    "source": ("创新策源地", "innovation source"),
    "carrier": ("承载转化地", "carrier"),
    "both": ("策源兼承载", "source and carrier"),
    "neither": ("两轴均未达阈值", "neither"),
    "unknown": ("数据不足", "insufficient data"),
}

#: Names of the parts of a pair's score (Chinese, English).
PART_NAMES: dict[str, tuple[str, str]] = {
    "knowledge_gap": ("知识势差", "knowledge gap"),
    "base_fit": ("产业基础匹配", "industrial base fit"),
    "absorptive_capacity": ("吸收能力", "absorptive capacity"),
    "distance_decay": ("距离衰减", "distance decay"),
    "strategic_link": ("共同战略区域", "shared strategic regions"),
    "complementarity": ("禀赋互补", "endowment complementarity"),
}


def part_name(part: str, lang: Lang = "zh") -> str:
    zh, en = PART_NAMES[part]
    return en if lang == "en" else zh


def role_label(role: str, lang: str = "zh") -> str:
    zh, en = ROLE_LABELS[role]
    return en if lang == "en" else zh


def fmt(v: float, digits: int = 2, sign: bool = False) -> str:
    """A number for reasons: fixed decimals, a real minus sign, ``NA`` when missing."""
    if v is None or not math.isfinite(v):
        return "NA"
    s = f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"
    return s.replace("-", "\u2212")


def axis_code(axis: str, score: float, threshold: float) -> str:
    if not math.isfinite(score):
        return f"{axis}_missing"
    cmp, word = ("≥", "high") if score >= threshold else ("<", "low")
    return f"{axis}_{word}(score={fmt(score)}{cmp}{fmt(threshold)})"


def role_sentences(
    *,
    role: str,
    creation: float,
    absorption: float,
    t_c: float,
    t_a: float,
    strongest: tuple[str, str, float] | None,
    net_flow: float,
    trend: float,
    trend_span: str,
    missing: list[tuple[str, str]],
) -> tuple[str, str]:
    """The Chinese and English sentence explaining one region's role."""

    def cmp(v: float, t: float) -> str:
        return "≥" if math.isfinite(v) and v >= t else "<"

    zh = (
        f"知识创造得分 {fmt(creation)}（{cmp(creation, t_c)} 阈值 {fmt(t_c)}），"
        f"吸收转化得分 {fmt(absorption)}（{cmp(absorption, t_a)} 阈值 {fmt(t_a)}），定为{role_label(role, 'zh')}。"
    )
    en = (
        f"Knowledge-creation score {fmt(creation)} ({cmp(creation, t_c)} threshold {fmt(t_c)}), absorption "
        f"score {fmt(absorption)} ({cmp(absorption, t_a)} threshold {fmt(t_a)}): {role_label(role, 'en')}."
    )
    if strongest is not None:
        name_zh, name_en, z = strongest
        zh += f"最强分项：{name_zh}（z = {fmt(z)}）。"
        en += f" Strongest component: {name_en} (z = {fmt(z)})."
    if math.isfinite(net_flow):
        word_zh = "净输出" if net_flow >= 0 else "净输入"
        word_en = "net outflow" if net_flow >= 0 else "net inflow"
        zh += f"技术合同{word_zh} {fmt(abs(net_flow), 1)} 亿元"
        en += f" Technology contracts: {word_en} of {fmt(abs(net_flow), 1)} 100 million yuan"
        if math.isfinite(trend):
            zh += f"，{trend_span} 年净流出每年变化 {fmt(trend, 1, sign=True)} 亿元"
            en += f"; net outflow changed by {fmt(trend, 1, sign=True)} per year over {trend_span}"
        zh += "。"
        en += "."
    if missing:
        zh += f"缺少分项：{'、'.join(m[0] for m in missing)}（按其余分项计算）。"
        en += f" Missing components: {', '.join(m[1] for m in missing)} (scored on the others)."
    return zh, en
