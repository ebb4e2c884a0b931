"""The one-page summary of the per-region report: every number carries the id of the table it comes from.

地区报告的一页摘要：每个数字后都标注其来源表（T1、T2 …）。
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from yindi._typing import Lang
from yindi.report.html import esc, fmt_number
from yindi.report.labels import label

if TYPE_CHECKING:
    from yindi.report.region import _Table


def _tr(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _ref(tables: Sequence[_Table], key: str) -> str:
    """Link to the evidence table of part ``key`` (empty when it has none)."""
    for t in tables:
        if t.key == key:
            return f'<a class="ref" href="#{t.id}">[{t.id}]</a>'
    return ""


def _status(part: Mapping[str, Any], lang: Lang) -> str:
    st = part.get("status")
    if st == "failed":
        return (
            f'<p class="status">{esc(_tr(lang, "计算失败：", "Failed: "))}{esc(part.get("reason", ""))}</p>'
        )
    if st == "no_row":
        return f'<p class="status">{esc(_tr(lang, "该地区没有这项结果。", "No result for this region."))}</p>'
    return f'<p class="status">{esc(_tr(lang, "未计算：该分析尚未运行或尚未接入流水线。", "Not computed: this analysis has not run or is not wired into the pipeline yet."))}</p>'


def _items(rows: Sequence[Mapping[str, Any]], fn: Callable[[Mapping[str, Any]], str], n: int = 6) -> str:
    return '<ul class="tight">' + "".join(f"<li>{fn(r)}</li>" for r in rows[:n]) + "</ul>" if rows else ""


def summary_html(
    profile: Mapping[str, Any], tables: Sequence[_Table], lang: Lang, indicator_names: Mapping[str, str]
) -> str:
    """The one-page summary: every number carries the id of its table."""
    tr = partial(_tr, lang)
    open_, close = tr("（", " ("), tr("）", ")")
    ix, ty, eff, obs = profile["index"], profile["type"], profile["efficiency"], profile["obstacles"]
    facts: list[tuple[str, str]] = []
    if ix.get("status") == "ok":
        r = _ref(tables, "index")
        facts.append((tr("新质生产力指数", "NQPF index"), f"{fmt_number(ix.get('score'), 3)}{r}"))
        facts.append((tr("排名", "Rank"), f"{fmt_number(ix.get('rank'))} / {fmt_number(ix.get('of'))}{r}"))
        iv = ix.get("interval")
        if iv:
            span = f"{fmt_number(iv.get('rank_low'))}–{fmt_number(iv.get('rank_high'))}{r}"
            facts.append((tr("排名区间（蒙特卡洛）", "Rank interval (Monte Carlo)"), span))
    if ty.get("status") == "ok":
        kind = tr(f"{ty.get('type')} 类", f"Type {ty.get('type')}")
        facts.append((tr("地区类型", "Regional type"), esc(kind) + _ref(tables, "type")))
    for m in eff.get("measures", []) if eff.get("status") == "ok" else []:
        if m.get("measure") in ("te_crs", "tfp_change_pct"):
            value = fmt_number(m.get("value"), 3) + _ref(tables, "efficiency")
            facts.append((label("measure", m["measure"], lang), value))
    facts_html = "".join(
        f'<div class="fact"><div class="k">{esc(k)}</div><div class="v">{v}</div></div>' for k, v in facts
    )

    def obstacle(o: Mapping[str, Any]) -> str:
        name = o.get("name") or indicator_names.get(str(o.get("indicator")), str(o.get("indicator")))
        degree = f"{tr('障碍度 ', 'obstacle ')}{fmt_number(o.get('obstacle'))}"
        return f"{esc(name)}{open_}{degree}{close}{_ref(tables, 'obstacles')}"

    def why(r: Mapping[str, Any]) -> str:
        return esc(r.get("sentence") or r.get("reason") or r.get("reasons") or "")

    def build(r: Mapping[str, Any]) -> str:
        decision = esc(label("decision", str(r.get("decision")), lang))
        return f"<b>{decision}</b> · {esc(r.get('industry'))}{_ref(tables, 'portfolio')}"

    def dont(r: Mapping[str, Any]) -> str:
        return f"{esc(r.get('industry'))}{tr('：', ': ')}{why(r)}{_ref(tables, 'dont')}"

    def herd(r: Mapping[str, Any]) -> str:
        alert = f"{tr('预警：', 'alert: ')}{esc(label('alert', str(r.get('level')), lang))}"
        return f"{esc(r.get('industry'))}{open_}{alert}{close}{_ref(tables, 'herding')}"

    def partner(r: Mapping[str, Any]) -> str:
        theirs = {"source": "carrier", "carrier": "source"}.get(str(r.get("as")), "")
        role = esc(label("role", theirs, lang))
        reason = esc(r.get("reason") or "")
        return (
            f"{esc(r.get('partner'))}{open_}{role}{close}{tr('：', ': ')}{reason}{_ref(tables, 'partners')}"
        )

    blocks: list[tuple[str, str]] = []
    if obs.get("status") == "ok":
        blocks.append((tr("主要优势", "Main strengths"), _items(obs.get("strengths", []), obstacle, 3)))
        blocks.append((tr("主要障碍", "Main obstacles"), _items(obs.get("obstacles", []), obstacle, 3)))
    else:
        blocks.append((tr("优势与障碍", "Strengths and obstacles"), _status(obs, lang)))
    parts: tuple[tuple[str, str, str, Callable[[Mapping[str, Any]], str]], ...] = (
        ("portfolio", "产业布局组合", "Portfolio", build),
        ("dont", "有所不为清单", "Don't list", dont),
        ("herding", "一哄而上风险", "Herding risks", herd),
        ("partners", "协同伙伴", "Partners", partner),
    )
    for key, zh, en, fn in parts:
        part = profile[key]
        if part.get("status") != "ok":
            body = _status(part, lang)
        else:
            body = _items(part.get("rows", []), fn) or f"<p>{esc(tr('无', 'none'))}</p>"
        blocks.append((tr(zh, en), body))
    modes, role = profile["modes"], profile["role"]
    mode = esc(label("measure", str(modes.get("driver")), lang)) if modes.get("status") == "ok" else ""
    role_txt = esc(label("role", str(role.get("role")), lang)) if role.get("status") == "ok" else ""
    shown = " · ".join(x for x in (mode, role_txt) if x)
    blocks.append(
        (
            tr("发展与转化模式", "Development and transfer mode"),
            f"<p>{shown}</p>" if shown else _status(modes, lang),
        )
    )
    cols = "".join(f"<div><h3>{esc(h)}</h3>{b}</div>" for h, b in blocks)
    head = esc(tr("一页摘要", "Summary"))
    return (
        f'<section class="sec summary" id="summary"><h2>{head}</h2><div class="facts">{facts_html}</div>'
        f'<div class="cols">{cols}</div></section>'
    )
