"""Report section 'coordination' (协同): innovation sources and carriers, corridors and the best pairs, from the
'coordinate' node.

Renders the node's tables only: the corridor map over the roles, the roles table with its reason sentences, the
top pairs with each part's contribution to the score, and what the data say about the documented cases.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from yindi.report.base import ReportContext, Section
from yindi.report.html import figure, paragraph, table
from yindi.study.sections import SECTION_NODES

#: Analysis nodes this section renders.
NODES = SECTION_NODES["coordination"]  # the nodes this section renders (listed in yindi.study.sections)

#: Pairs listed in the top-pairs table.
TOP_PAIRS = 15


def _what_the_data_say(ctx: ReportContext, roles: pd.DataFrame, pairs: pd.DataFrame) -> list[str]:
    """Plain statements from the tables: the sources, and where the 京津冀 chain (issue 11's worked example)
    ranks among the overall pairs."""
    tr = ctx.tr
    out = []
    src = roles[roles["role"].isin(["source", "both"])].sort_values("creation", ascending=False)
    if len(src):
        names = [ctx.region_name(str(c)) for c in src["region_code"]]
        out.append(
            tr(
                f"知识创造轴达到阈值的地区（策源地或兼有）共 {len(src)} 个：{'、'.join(names)}。",
                f"{len(src)} regions reach the knowledge-creation threshold (source or both): {', '.join(names)}.",
            )
        )
    bj = pairs[pairs["source_code"] == "110000"]
    if len(bj):
        partners = [f"{ctx.region_name(str(c))}（{r}）" if ctx.lang == "zh" else f"{ctx.region_name(str(c))} ({r})"
                    for c, r in zip(bj["carrier_code"], bj["rank"], strict=True)]  # fmt: skip
        chain = {"120000", "130000"} & set(bj["carrier_code"])
        out.append(
            tr(
                f"京津冀链条（北京研发 → 天津制造 → 河北规模化）：北京的最佳承载伙伴依次为 {'、'.join(partners)}；"
                + ("天津、河北均在其中。" if len(chain) == 2 else "天津、河北未全部进入前列，如实报告。"),
                f"The Beijing–Tianjin–Hebei chain: Beijing's best carriers are {', '.join(partners)}; "
                + (
                    "both Tianjin and Hebei are among them."
                    if len(chain) == 2
                    else "Tianjin and Hebei are not both among them (reported as is)."
                ),
            )
        )
    return out


def build(ctx: ReportContext) -> Section | None:
    res = ctx.result("coordinate")
    if res is None:
        return None
    from yindi.coordinate._pair_kernel import PARTS
    from yindi.coordinate._reasons import part_name
    from yindi.report.flows import corridor_map

    tr = ctx.tr
    roles = res.table("roles")
    role_table = res.table("role_table")
    pairs = res.table("pairs")
    cor = res.table("corridors")
    year = res.meta["year"]
    counts = res.meta["counts"]
    units = ctx.unit_word()
    order = ("source", "carrier", "both", "neither", "unknown")
    from yindi.coordinate._reasons import role_label

    count_zh = "、".join(f"{role_label(r, 'zh')} {counts[r]} 个" for r in order if counts.get(r))
    count_en = ", ".join(f"{role_label(r, 'en')} {counts[r]}" for r in order if counts.get(r))
    intro = tr(
        f"按知识创造（研发经费、研究人员、基础研究、发明专利、技术合同输出）与吸收转化（技术合同输入、工业增加值、"
        f"能源、土地、劳动力成本、人口）两条轴划分角色（{year} 年）：{count_zh}。配对得分由知识势差、产业基础匹配、"
        "吸收能力、距离衰减、同属国家战略区域与要素禀赋互补六部分加权而成，每一部分的贡献都列在表中。",
        f"Roles from two axes ({year}): knowledge creation (R&D spending, researchers, basic research, invention "
        "patents, technology-contract outflow) and absorption (technology-contract inflow, industrial value added, "
        f"energy, land, labour cost, population): {count_en}. A pair's score is the weighted sum of six parts — "
        "knowledge gap, base fit, absorptive capacity, distance decay, shared strategic region and endowment "
        "complementarity — each part's contribution is listed.",
    )
    cmap = corridor_map(
        SimpleNamespace(table=cor),
        SimpleNamespace(table=role_table),
        title=tr(f"地区角色与最强的 {len(cor)} 条协同走廊", f"Roles and the {len(cor)} strongest corridors"),
        lang=ctx.lang,
    )
    roles_show = pd.DataFrame(
        {
            tr("地区", "Region"): [ctx.region_name(str(c)) for c in roles["region_code"]],
            tr("角色", "Role"): [role_label(r, ctx.lang) for r in roles["role"]],
            tr("知识创造", "Creation"): roles["creation"].to_numpy(),
            tr("吸收转化", "Absorption"): roles["absorption"].to_numpy(),
            tr("技术合同净输出（亿元）", "Net technology outflow (100m yuan)"): roles["net_flow"].to_numpy(),
            tr("理由", "Reasons"): roles["reason"].to_numpy(),
        }
    ).sort_values(tr("知识创造", "Creation"), ascending=False)
    top = pairs.sort_values("score", ascending=False).drop_duplicates(["source_code", "carrier_code"])
    top = top.head(TOP_PAIRS)
    pairs_show = pd.DataFrame(
        {
            tr("策源地", "Source"): [ctx.region_name(str(c)) for c in top["source_code"]],
            tr("承载地", "Carrier"): [ctx.region_name(str(c)) for c in top["carrier_code"]],
            tr("得分", "Score"): top["score"].to_numpy(),
            **{part_name(p, ctx.lang): top[f"c_{p}"].to_numpy() for p in PARTS},
            tr("距离（公里）", "Distance (km)"): top["distance_km"].round().astype(int).to_numpy(),
            tr("说明", "Reason"): top["reason"].to_numpy(),
        }
    )
    html = (
        paragraph(intro)
        + figure(
            cmap,
            tr(
                "底色为地区角色；线从策源地指向承载地，粗细表示配对得分。",
                "Fill: role; lines run from source to carrier, width = pair score.",
            ),
        )
        + table(roles_show, caption=tr("地区角色及理由", "Roles and reasons"), digits=2)
        + table(
            pairs_show,
            caption=tr(
                f"得分最高的 {len(pairs_show)} 对（各分项为其对得分的贡献 = 分项值 × 权重）",
                f"The {len(pairs_show)} best pairs (each part's contribution = part value × weight)",
            ),
            digits=3,
        )
    )
    notes = [
        *_what_the_data_say(ctx, roles, pairs),
        tr(
            "角色与配对是数据给出的线索，不是行政安排；阈值与权重均为可调整的选项，默认值及其依据见方法文档。",
            "Roles and pairs are leads from the data, not administrative assignments; thresholds and weights are "
            "options ([options.coordinate]) documented in the methods.",
        ),
    ]
    if not res.meta.get("capability"):
        notes.append(
            tr(
                "未取得布局层的产业能力证据，配对得分不含“产业基础匹配”一项。",
                "No capability evidence from the layout layer: the base-fit part is left out of the scores.",
            )
        )
    tables = {"coordination_roles": roles, "coordination_pairs": pairs, "coordination_corridors": cor}
    return Section(
        id="coordination",
        title=tr(f"协同：{units}间的策源—承载配对", "Coordination: sources, carriers and pairs"),
        html=html,
        tables=tables,
        notes=tuple(notes),
    )
