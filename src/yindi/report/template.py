"""The HTML page around the sections: header, contents, provenance footer and the inline stylesheet.

Everything is inline (CSS, SVG): the file opens offline and can be mailed as one attachment.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from yindi import __version__
from yindi.report.base import ReportContext, Section
from yindi.report.html import esc
from yindi.report.sections import NAMES

CSS = """
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--accent:#1c5d99;--bg:#fff;--soft:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"Hiragino Sans GB","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);background:var(--bg);line-height:1.6}
header.top{background:var(--accent);color:#fff;padding:28px 40px}
header.top h1{margin:0 0 6px;font-size:26px}
header.top p{margin:2px 0;opacity:.9;font-size:14px}
nav.toc{padding:12px 40px;border-bottom:1px solid var(--line);background:var(--soft);font-size:14px}
nav.toc a{margin-right:18px;color:var(--accent);text-decoration:none}
main{max-width:1180px;margin:0 auto;padding:10px 40px 40px}
section.sec{margin:34px 0;padding-top:6px;border-top:2px solid var(--line)}
section.sec h2{font-size:21px;margin:10px 0 12px;color:var(--accent)}
h3{font-size:17px;margin:20px 0 8px}
figure.fig{margin:12px 0;text-align:center}
figure.fig svg{max-width:100%;height:auto}
figcaption{font-size:13px;color:var(--muted)}
.grid{display:grid;gap:16px}
.grid.g2{grid-template-columns:repeat(auto-fit,minmax(420px,1fr))}
.grid.g3{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
.tblwrap{overflow-x:auto;margin:10px 0}
table.tbl{border-collapse:collapse;font-size:13px;min-width:50%}
table.tbl caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
table.tbl th,table.tbl td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;white-space:nowrap}
table.tbl th{background:var(--soft);position:sticky;top:0}
table.tbl td.long{white-space:normal;min-width:18em;max-width:36em}
table.tbl td.num{text-align:right;font-variant-numeric:tabular-nums}
p.note,ul.notes{font-size:13px;color:var(--muted)}
p.more{font-size:12px;color:var(--muted);margin-top:0}
.warn{border-left:4px solid #d9822b;background:#fff8f0;padding:8px 12px;margin:10px 0;font-size:14px}
footer{border-top:1px solid var(--line);margin-top:40px;padding-top:12px;font-size:13px;color:var(--muted)}
footer code{font-size:12px;word-break:break-all}
@media print{nav.toc{display:none}section.sec{break-inside:avoid-page}header.top{color:#000;background:#fff}}
"""


def _resolve(name: str) -> str:
    from yindi.regions import registry

    return registry().resolve(name).adcode


def render_page(
    ctx: ReportContext,
    sections: Sequence[Section],
    *,
    failures: Sequence[tuple[str, str]] = (),
    notices: Sequence[str] = (),
    digest: str = "",
    generated: _dt.datetime | None = None,
) -> str:
    """The complete HTML document."""
    tr = ctx.tr
    lang = "zh-CN" if ctx.lang == "zh" else "en"
    study = ctx.study
    where_zh = "全国" if study.within is None else ctx.region_name(_resolve(study.within))
    where_en = "National" if study.within is None else ctx.region_name(_resolve(study.within))
    per_zh = {"province": "分省", "city": "分市", "county": "分县"}[study.level]
    title = tr(
        f"新质生产力因地制宜发展评估报告（{where_zh}·{per_zh}）",
        f"New Quality Productive Forces by Region — {where_en} Report",
    )
    n_regions = len(ctx.results.codes)
    n_covered = len(ctx.results.covered)
    unit_zh = {"province": "省级行政区", "city": "地级行政区", "county": "县级行政区"}[study.level]
    unit_en = {
        "province": "provincial-level regions",
        "city": "prefecture-level cities",
        "county": "counties",
    }[study.level]
    left_out = [ctx.region_name(_resolve(x)) for x in study.excluded]
    meta = [
        tr(f"报告年份：{ctx.year}", f"Report year: {ctx.year}"),
        tr(f"分析范围：{n_regions} 个{unit_zh}", f"Scope: {n_regions} {unit_en}")
        + (
            tr(f"，数据覆盖 {n_covered} 个", f", {n_covered} of them in the data")
            if n_covered < n_regions
            else ""
        )
        + (tr(f"（不含{'、'.join(left_out)}）", f" ({', '.join(left_out)} excluded)") if left_out else ""),
        tr(f"数据：{ctx.study.data}", f"Data: {ctx.study.data}"),
    ]
    when = generated.isoformat(sep=" ") if generated else ""
    generated_line = f'{esc(tr("生成：", "Generated: "))}<span id="generated">{esc(when)}</span> · Yindi {esc(__version__)}'
    numbered = _headings(sections, ctx)
    toc = "".join(f'<a href="#{esc(s.id)}">{esc(t)}</a>' for s, t in zip(sections, numbered, strict=True))
    body = "\n".join(_section_html(s, t, ctx) for s, t in zip(sections, numbered, strict=True))
    failed = "".join(f'<div class="warn">{esc(n)}</div>' for n in notices) + "".join(
        f'<div class="warn">{esc(tr("未生成的章节：", "Section not shown: "))}<b>{esc(tr(*NAMES.get(name, (name, name))))}</b> — {esc(msg)}</div>'
        for name, msg in failures
    )
    footer = _footer(ctx, digest)
    meta_html = "".join(f"<p>{esc(m)}</p>" for m in meta) + f"<p>{generated_line}</p>"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        f'<header class="top"><h1>{esc(title)}</h1>{meta_html}</header>'
        f'<nav class="toc">{toc}</nav><main>{failed}{body}{footer}</main></body></html>\n'
    )


_ZH_NUMERALS = "一二三四五六七八九十"


def _headings(sections: Sequence[Section], ctx: ReportContext) -> list[str]:
    """Numbered headings for the body sections; appendices (their titles say so) keep their own title."""
    from yindi.report.sections import APPENDIX

    out: list[str] = []
    i = 0
    for s in sections:
        if s.id in APPENDIX:
            out.append(s.title)
        else:
            i += 1
            out.append(_numbered(i, s.title, ctx))
    return out


def _numbered(i: int, title: str, ctx: ReportContext) -> str:
    """Section headings are numbered by position: 一、… in Chinese, 1. … in English."""
    if ctx.lang == "zh":
        prefix = _ZH_NUMERALS[i - 1] if i <= 10 else ("十" + _ZH_NUMERALS[i - 11] if i < 20 else str(i))
        return f"{prefix}、{title}"
    return f"{i}. {title}"


def _section_html(section: Section, title: str, ctx: ReportContext) -> str:
    notes = ""
    if section.notes:
        head = ctx.tr("方法与说明", "Methods and notes")
        notes = (
            f'<h3>{esc(head)}</h3><ul class="notes">'
            + "".join(f"<li>{esc(n)}</li>" for n in section.notes)
            + "</ul>"
        )
    return f'<section class="sec" id="{esc(section.id)}"><h2>{esc(title)}</h2>{section.html}{notes}</section>'


def _footer(ctx: ReportContext, digest: str) -> str:
    tr = ctx.tr
    sources = "".join(f"<li><code>{esc(s)}</code></li>" for s in ctx.panel.sources)
    repairs = (
        "".join(f"<li>{esc(r.describe(ctx.lang))}</li>" for r in ctx.panel.repairs)
        or f"<li>{esc(tr('无', 'none'))}</li>"
    )
    return (
        f"<footer><h3>{esc(tr('来源与复现', 'Provenance and reproduction'))}</h3>"
        f"<p>{esc(tr('数据文件：', 'Data files:'))}</p><ul>{sources}</ul>"
        f"<p>{esc(tr('数据校验和 (SHA-256)：', 'Data digest (SHA-256): '))}<code>{esc(digest)}</code></p>"
        f"<p>{esc(tr('导入时的修正（全部列出）：', 'Repairs made on import (all listed):'))}</p><ul>{repairs}</ul>"
        f"<p>{esc(tr('复现：', 'Reproduce: '))}<code>yindi report --study study.toml</code> "
        f"{esc(tr('（随机种子 ', '(seed '))}{ctx.seed}{esc(tr('）', ')'))}</p></footer>"
    )
