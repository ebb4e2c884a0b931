"""``yindi text ...``: read policy documents, extract stated priority industries, measure homogeneity, set
stated priorities against capability, follow the national reports over time. Thin adapters over
:mod:`yindi.text`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

import typer

from yindi.cli.common import done, lang_option

text_app = typer.Typer(
    help="政策文本 / Policy texts: priorities named in plans, homogeneity, stated vs capable, national timeline.",
    no_args_is_help=True,
)

FILES_HELP = "文档（.txt/.docx/.pdf，或 .jsonl 语料） / Documents (.txt, .docx, .pdf, or a .jsonl corpus)."
REGION_HELP = "文档所属地区（默认从标题识别） / Region of the documents (default: read from the title)."
OUT_HELP = "输出表格（.csv 或 .xlsx） / Output table (.csv or .xlsx)."
CENTRAL_HELP = (
    "中央文件语料（.jsonl，如国务院政府工作报告），用于识别照抄语句 / Central documents (.jsonl) to detect copied "
    "sentences."
)
STRENGTH_HELP = "计入重点的最低承诺强度（1–4） / Lowest cue strength counted as a priority (1–4)."
LANG_HELP = "输出语言 / Output language: zh or en."


def register(app: typer.Typer) -> None:
    app.add_typer(text_app, name="text")


def _central(path: Optional[Path]) -> tuple:  # type: ignore[type-arg]
    from yindi.text.documents import read_corpus

    return read_corpus(path) if path is not None else ()


@text_app.command("priorities")
def priorities_cmd(
    files: list[Path] = typer.Argument(..., help=FILES_HELP),
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP),
    region: Optional[str] = typer.Option(None, "--region", "-r", help=REGION_HELP),
    central: Optional[Path] = typer.Option(None, "--central", help=CENTRAL_HELP),
    min_strength: int = typer.Option(1, "--min-strength", help=STRENGTH_HELP),
    mentions: Optional[Path] = typer.Option(
        None, "--mentions", help="另存逐条提及表 / Also write every mention (one row per sentence) here."
    ),
    level: str = typer.Option(
        "province",
        "--level",
        help="province：城市的表述计入其所在省（供 herding 使用，默认）；as_named：保留城市 / province: a city's "
        "statements count for its province (for herding; default); as_named: keep cities.",
    ),
    include_national: bool = typer.Option(
        False, "--include-national", help="保留全国层面的条目 / Keep national (全国) rows."
    ),
    lang: str = lang_option(LANG_HELP),
) -> None:
    """重点产业：每个地区宣示的产业（可直接用作 plan herding --ambitions） / Stated priority industries per
    region (feeds `yindi plan herding --ambitions`)."""
    from yindi.cli.common import write_output
    from yindi.text.pipeline import extract_priorities, read_inputs

    docs = read_inputs(files, region=region)
    result = extract_priorities(docs, central=_central(central), options={"min_strength": min_strength})
    table = result.ambitions(
        min_strength=min_strength,
        level=level,
        include_national=include_national,
        lang="en" if lang == "en" else "zh",
    )
    write_output({"priorities": table}, out)
    if mentions is not None:
        write_output({"mentions": result.table("en" if lang == "en" else "zh")}, mentions)
    done(f"{len(table)} region × industry priorities from {len(docs)} documents → {out}")


@text_app.command("similarity")
def similarity_cmd(
    files: list[Path] = typer.Argument(..., help=FILES_HELP),
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP),
    region: Optional[str] = typer.Option(None, "--region", "-r", help=REGION_HELP),
    central: Optional[Path] = typer.Option(None, "--central", help=CENTRAL_HELP),
    exclude_inherited: bool = typer.Option(
        False,
        "--exclude-inherited/--include-inherited",
        help="排除照抄中央的语句 / Leave copied sentences out.",
    ),
    min_strength: int = typer.Option(1, "--min-strength", help=STRENGTH_HELP),
    lang: str = lang_option(LANG_HELP),
) -> None:
    """同质化：地区重点产业向量的两两相似度、总体水平与最常被点名的产业 / Homogeneity of regions' stated
    priorities: pairwise and overall similarity, industries named by most regions."""
    from yindi.cli.common import write_output
    from yindi.text.homogeneity import homogeneity
    from yindi.text.pipeline import extract_priorities, read_inputs

    lg: Literal["zh", "en"] = "en" if lang == "en" else "zh"
    docs = read_inputs(files, region=region)
    result = extract_priorities(docs, central=_central(central))
    h = homogeneity(result, min_strength=min_strength, exclude_inherited=exclude_inherited, lang=lg)
    overall = h.overall
    notes = [f"{k} = {v:.4f}" for k, v in overall.items()]
    write_output({"pairs": h.pairs(lg), "common": h.common, "by_region": h.to_frame(lg)}, out, notes=notes)
    done(f"{int(overall['regions'])} regions, mean cosine {overall['mean_cosine']:.3f} → {out}")


@text_app.command("gaps")
def gaps_cmd(
    priorities: Path = typer.Option(
        ..., "--priorities", "-p", help="yindi text priorities 的输出 / Output of `yindi text priorities`."
    ),
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP),
    capability: Optional[Path] = typer.Option(
        None,
        "--capability",
        help="能力表（region_code, industry_id, capable 或 capability） / Capability table.",
    ),
    data: Optional[str] = typer.Option(
        None,
        "--data",
        "-d",
        help="数据包文件夹：由规划层能力证据计算 / Pack folder: capability from the plan layer's evidence.",
    ),
    threshold: Optional[float] = typer.Option(
        None,
        "--threshold",
        help="综合能力 ≥ 该值视为有基础（默认取 plan 的 base_threshold） / Capability score counted as a base.",
    ),
    lang: str = lang_option(LANG_HELP),
) -> None:
    """宣示与能力的差距：宣示而无基础、有基础而未宣示 / Stated priorities against capability: stated without a
    base, base not stated."""
    from yindi.cli.common import write_output
    from yindi.text.gaps import gaps_from_files

    table = gaps_from_files(
        priorities, capability=capability, data=data, threshold=threshold, lang="en" if lang == "en" else "zh"
    )
    write_output({"gaps": table}, out)
    n = int((table["status"] == "stated_without_base").sum())
    done(f"{n} stated priorities without a base among {int(table['stated'].sum())} → {out}")


@text_app.command("timeline")
def timeline_cmd(
    corpus: Path = typer.Option(
        ..., "--corpus", "-c", help="年度报告语料（.jsonl） / Yearly reports (.jsonl)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help=OUT_HELP),
) -> None:
    """国家报告的产业表述演变：关注词首次出现、相邻年份相似度 / How the national reports' named industries shift:
    first appearance of watched terms, similarity of consecutive reports."""
    from yindi.cli.common import write_output
    from yindi.text.documents import read_corpus
    from yindi.text.pipeline import extract_priorities
    from yindi.text.timeline import timeline

    reports = read_corpus(corpus)
    t = timeline(reports, extract_priorities(reports))
    first = t.first_appearance()
    write_output(
        {
            "first_appearance": first,
            "terms": t.terms,
            "consecutive": t.consecutive,
            "industries": t.industries.reset_index(),
        },
        out,
    )
    watched = first.loc[first["term"].isin(["新质生产力", "低空经济", "具身智能"])]
    shown = ", ".join(f"{t} {y}" for t, y in zip(watched["term"], watched["first_year"], strict=True))
    done(f"{len(reports)} reports; first appearance: {shown} → {out}")
