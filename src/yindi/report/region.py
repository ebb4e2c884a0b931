"""The per-region report (一地一策): one offline HTML page per region and its Excel twin.

每个地区一份离线 HTML 报告：首页是一页摘要（所处位置、优势与障碍、产业布局组合、有所不为清单、一哄而上风险、
协同伙伴、发展与转化模式），随后是证据（地图、图表、表格）。每个数字都标注其所在的表（T1、T2 …），
这些表即同名 Excel 文件中的工作表。只渲染已存储的结果（:func:`yindi.report.profile.region_profile`）。
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from yindi import __version__
from yindi._typing import Lang
from yindi.report._region_summary import summary_html
from yindi.report.html import esc
from yindi.report.labels import column_label, label
from yindi.report.profile import ResultsLike, region_profile
from yindi.report.template import CSS

REGION_CSS = """
.summary{page-break-after:always}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:8px 0}
.fact{background:var(--soft);border-radius:4px;padding:6px 10px}
.fact .k{font-size:12px;color:var(--muted)}.fact .v{font-size:19px;font-weight:600}
.ref{font-size:11px;color:var(--accent);vertical-align:super;margin-left:2px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:4px 24px}
.cols h3{margin-top:10px}
ul.tight{margin:4px 0;padding-left:20px}ul.tight li{margin:1px 0}
p.status{color:var(--muted);font-style:italic}
table.tbl td{white-space:normal}
@media print{.summary{font-size:12px}.cols{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}
"""

#: Columns shown for each part (those present in the stored table, in this order).
_SHOW: dict[str, tuple[str, ...]] = {
    "efficiency": ("measure", "year", "value"),
    "obstacles": ("dimension", "name", "obstacle", "year"),
    "portfolio": ("tier", "industry_id", "industry", "decision", "score", "stability", "sentence"),
    "dont": ("tier", "industry_id", "industry", "decision", "score", "sentence"),
    "herding": ("industry_id", "industry", "tier", "level", "targets", "capable", "ratio"),
    "partners": (
        "partner_code",
        "partner",
        "as",
        "industry_id",
        "industry",
        "score",
        "distance_km",
        "reason",
    ),
    "transfer": ("industry_id", "industry", "tier", "decision", "transfer_mode"),
}


@dataclass(frozen=True)
class RegionReport:
    """Files written for one region."""

    code: str
    name: str
    html: Path
    excel: Path


@dataclass(frozen=True)
class _Table:
    key: str
    id: str
    title: str
    source: str
    frame: pd.DataFrame


def _tr(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _frame(rows: Sequence[Mapping[str, Any]], show: Sequence[str], lang: Lang) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    if frame.empty:
        return frame
    cols = [c for c in show if c in frame.columns]
    frame = frame[cols].copy()
    for col, kind in (("measure", "measure"), ("decision", "decision"), ("tier", "tier"), ("level", "alert")):
        if col in frame.columns:
            frame[col] = [label(kind, str(v), lang) for v in frame[col]]
    if "as" in frame.columns:
        frame["as"] = [label("role", str(v), lang) for v in frame["as"]]
    return frame.rename(columns={c: column_label(c, lang) for c in frame.columns})


def _src(part: Mapping[str, Any]) -> str:
    s = part.get("source") or {}
    return f"{s.get('node', '')}/{s.get('table', '')}"


def evidence_tables(
    profile: Mapping[str, Any], lang: Lang = "zh", indicator_names: Mapping[str, str] | None = None
) -> list[_Table]:
    """The tables behind the summary, numbered T1, T2 … (the Excel twin has one sheet per table)."""
    tr = partial(_tr, lang)
    out: list[_Table] = []

    def add(key: str, title: str, part: Mapping[str, Any], frame: pd.DataFrame) -> None:
        if part.get("status") == "ok" and not frame.empty:
            out.append(_Table(key, f"T{len(out) + 1}", title, _src(part), frame))

    ix = profile["index"]
    if ix.get("status") == "ok":
        row: dict[str, Any] = {"score": ix.get("score"), "rank": ix.get("rank"), "of": ix.get("of")}
        row.update({d["name"]: d["score"] for d in ix.get("dimensions", [])})
        row.update(ix.get("interval") or {})
        row.update({k: v for k, v in (ix.get("coupling") or {}).items() if k != "grade"})
        frame = pd.DataFrame([row]).rename(columns={"of": tr("地区数", "regions")})
        frame = frame.rename(columns={c: column_label(c, lang) for c in frame.columns})
        add("index", tr("新质生产力指数与排名区间", "NQPF index and rank interval"), ix, frame)
    ty = profile["type"]
    if ty.get("status") == "ok":
        keep = {k: ty.get(k) for k in ("type", "rule", "note", "rd_intensity", "gdp_per_capita", "year")}
        add("type", tr("地区类型", "Regional type"), ty, _frame([keep], tuple(keep), lang))
    eff = profile["efficiency"]
    add(
        "efficiency",
        tr("效率与生产率", "Efficiency and productivity"),
        eff,
        _frame(eff.get("measures", []), _SHOW["efficiency"], lang),
    )
    obs = profile["obstacles"]
    add(
        "obstacles",
        tr("障碍度（最高与最低）", "Obstacle degree (highest and lowest)"),
        obs,
        _frame(
            [
                {
                    **o,
                    "name": o.get("name")
                    or (indicator_names or {}).get(str(o.get("indicator")), o.get("indicator")),
                }
                for o in [*obs.get("obstacles", []), *obs.get("strengths", [])]
            ],
            _SHOW["obstacles"],
            lang,
        ),
    )
    for key, zh, en in (
        ("portfolio", "产业布局组合", "Industry portfolio"),
        ("dont", "有所不为清单", "Don't list"),
        ("herding", "一哄而上风险", "Herding risks"),
        ("partners", "协同伙伴", "Partners"),
        ("transfer", "技术转化模式", "Technology-transfer modes"),
    ):
        part = profile[key]
        add(key, tr(zh, en), part, _frame(part.get("rows", []), _SHOW[key], lang))
    return out


def _map(results: ResultsLike, code: str, level: str, lang: Lang) -> str:
    """The index score of every region on a map of China, this region outlined."""
    from yindi.report.maps import choropleth

    res = results.results.get("index")
    if res is None or "ranking" not in res.tables:
        return ""
    rk = res.tables["ranking"]
    values = dict(zip(rk["region_code"].astype(str), rk["score"].astype(float), strict=True))
    title = _tr(lang, "新质生产力指数（本地区以红框标出）", "NQPF index (this region outlined in red)")
    svg = choropleth(values, title=title, lang=lang, level=level, show_names=level == "province")  # type: ignore[arg-type]
    style = f'<style>.yindi-map path[data-code="{esc(code)}"]{{stroke:#c0392b;stroke-width:2.4px}}</style>'
    return f'<figure class="fig">{style}{svg}</figure>'


def _ranking_chart(results: ResultsLike, code: str, lang: Lang) -> str:
    from yindi.report.charts import bar_chart

    res = results.results.get("index")
    if res is None or "ranking" not in res.tables:
        return ""
    rk = res.tables["ranking"].sort_values("score", ascending=False)
    from yindi.regions import registry

    reg = registry()
    names = [reg.get(str(c)).name(lang) for c in rk["region_code"]]
    svg = bar_chart(
        names,
        list(rk["score"].astype(float)),
        title=_tr(lang, "各地区指数得分", "Index score by region"),
        highlight=reg.get(code).name(lang),
    )
    return f'<figure class="fig">{svg}</figure>'


def _table_html(t: _Table, lang: Lang) -> str:
    from yindi.report.html import table

    node = label("node", t.source.split("/", 1)[0], lang)
    src = _tr(
        lang, f"来源：{node}分析的结果；Excel 工作表 {t.id}。", f"Source: {node} results; Excel sheet {t.id}."
    )
    return (
        f'<h3 id="{t.id}">{esc(t.id)} {esc(t.title)}</h3>'
        + table(t.frame, digits=3)
        + f'<p class="note">{esc(src)}</p>'
    )


def _notes(results: ResultsLike, tables: Sequence[_Table], lang: Lang) -> str:
    """The method notes and caveats of the analyses behind the tables (as the nodes wrote them)."""
    items: list[str] = []
    for node in dict.fromkeys(t.source.split("/", 1)[0] for t in tables):
        res = results.results.get(node)
        for note in getattr(res, "notes", ()) if res is not None else ():
            items.append(
                f"<li><b>{esc(label('node', node, lang))}</b>{esc(_tr(lang, '：', ': '))}{esc(note)}</li>"
            )
    if not items:
        return ""
    return f'<h3>{esc(_tr(lang, "方法与说明", "Methods and caveats"))}</h3><ul class="notes">{"".join(items)}</ul>'


def sources_sheet(tables: Sequence[_Table], lang: Lang) -> pd.DataFrame:
    """Where each table comes from: its id, title, and the node and table of the stored results (API path)."""
    tr = partial(_tr, lang)
    return pd.DataFrame(
        {
            tr("表", "table"): [t.id for t in tables],
            tr("标题", "title"): [t.title for t in tables],
            tr("分析", "analysis"): [label("node", t.source.split("/", 1)[0], lang) for t in tables],
            tr("结果表（接口路径 /api/results/…）", "result table (API path /api/results/…)"): [
                t.source for t in tables
            ],
        }
    )


def render_region(
    results: ResultsLike,
    code: str,
    *,
    lang: Lang = "zh",
    indicator_names: Mapping[str, str] | None = None,
    data_label: str = "",
    year: int | None = None,
    digest: str = "",
) -> tuple[str, list[_Table]]:
    """The HTML page of one region and the tables of its Excel twin."""
    from yindi.regions import registry

    profile = region_profile(results, code, lang)
    tables = evidence_tables(profile, lang, indicator_names)
    reg = registry().get(code)
    name = reg.name(lang)
    tr = partial(_tr, lang)
    title = tr(
        f"{name}：新质生产力因地制宜发展报告（一地一策）",
        f"{name}: New Quality Productive Forces — Regional Profile",
    )
    meta = [
        tr(f"报告年份：{year}", f"Report year: {year}") if year else "",
        tr(f"数据：{data_label}", f"Data: {data_label}") if data_label else "",
        tr("生成：", "Generated: ") + _dt.date.today().isoformat() + f" · Yindi {__version__}",
    ]
    names = dict(indicator_names or {})
    evidence = "".join(
        [
            _map(results, code, reg.level, lang),
            _ranking_chart(results, code, lang),
            *(_table_html(t, lang) for t in tables),
            _notes(results, tables, lang),
        ]
    )
    twin = tr(
        "本页每个数字后的 [T…] 指向下方同名表格，也是同名 Excel 文件中的工作表。",
        "Each [T…] after a number points to the table below of that name, which is also a sheet of the Excel file beside this page.",
    )
    foot = f"<footer><p>{esc(twin)}</p><p>{esc(tr('数据校验和 (SHA-256)：', 'Data digest (SHA-256): '))}<code>{esc(digest)}</code></p></footer>"
    html = (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{esc(title)}</title>'
        f"<style>{CSS}{REGION_CSS}</style></head><body>"
        f'<header class="top"><h1>{esc(title)}</h1>'
        + "".join(f"<p>{esc(m)}</p>" for m in meta if m)
        + "</header><main>"
        + summary_html(profile, tables, lang, names)
        + f'<section class="sec" id="evidence"><h2>{esc(tr("证据", "Evidence"))}</h2>{evidence}</section>'
        + foot
        + "</main></body></html>\n"
    )
    return html, tables


def write_region_report(
    results: Any,
    code: str,
    out: str | Path,
    *,
    lang: Lang = "zh",
    indicator_names: Mapping[str, str] | None = None,
    data_label: str = "",
) -> RegionReport:
    """Write ``region-<code>.html`` and its Excel twin ``region-<code>.xlsx`` into ``out``."""
    from yindi.regions import registry
    from yindi.report.export import write_excel

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    html, tables = render_region(
        results,
        code,
        lang=lang,
        indicator_names=indicator_names,
        data_label=data_label,
        year=getattr(results, "year", None),
        digest=getattr(results, "digest", ""),
    )
    page = folder / f"region-{code}.html"
    page.write_text(html, encoding="utf-8")
    book = {t.id: t.frame for t in tables}
    book[_tr(lang, "来源", "sources")] = sources_sheet(tables, lang)
    excel = write_excel(book, folder / f"region-{code}.xlsx")
    return RegionReport(code, registry().get(code).name(lang), page, excel)


def write_index_page(reports: Sequence[RegionReport], out: str | Path, *, lang: Lang = "zh") -> Path:
    """``index.html`` linking every region's page and workbook."""
    tr = partial(_tr, lang)
    title = tr("一地一策：各地区报告", "One region, one strategy: regional reports")
    rows = "".join(
        f'<tr><td>{esc(r.code)}</td><td><a href="{esc(r.html.name)}">{esc(r.name)}</a></td>'
        f'<td><a href="{esc(r.excel.name)}">{esc(r.excel.name)}</a></td></tr>'
        for r in reports
    )
    head = "".join(
        f"<th>{esc(h)}</th>" for h in (tr("代码", "code"), tr("地区", "region"), tr("表格", "workbook"))
    )
    html = (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f'<style>{CSS}</style></head><body><header class="top"><h1>{esc(title)}</h1></header><main>'
        f'<table class="tbl"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></main></body></html>\n'
    )
    path = Path(out) / "index.html"
    path.write_text(html, encoding="utf-8")
    return path
