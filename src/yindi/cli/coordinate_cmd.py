"""``yindi coordinate``: innovation sources and carriers (roles) and the best pairs of regions (pairs).

A thin adapter over :mod:`yindi.coordinate`: it loads the data, calls the model, prints a short table and writes
the full table with ``--out``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from yindi.cli.common import DATA_OPTION, LANG_HELP, console, done, lang_option, load_data, write_output

if TYPE_CHECKING:
    import pandas as pd

coordinate_app = typer.Typer(
    help="区域协同：创新策源地与承载地、最佳配对 / Coordination: innovation sources and carriers, best pairs.",
    no_args_is_help=True,
)

OUT_OPT = typer.Option(None, "--out", "-o", help="输出表格 (.csv/.xlsx) / Write the full table to this file.")
YEAR_OPT = typer.Option(
    None,
    "--year",
    help="年份（默认：所需指标覆盖半数以上地区的最近年份）/ Year (default: latest year with data for most regions).",
)
LANG_OPT = lang_option(LANG_HELP, short=False)
ELIGIBLE_OPT = typer.Option(
    "roles",
    "--eligible",
    help="参与配对的地区：roles、strict 或 all / Which pairs are scored: roles, strict or all.",
)

CENSUS_OPT = typer.Option(
    False,
    "--census/--no-census",
    help="加入制造业就业占比（数据包旁的 cn-counties/census2020.csv.gz）/ Add the manufacturing share of employment "
    "(cn-counties/census2020.csv.gz beside the pack) to the absorption axis.",
)

ROLE_COLUMNS = [
    "region_code",
    "region",
    "role",
    "creation",
    "absorption",
    "net_flow",
    "net_flow_trend",
    "reasons",
]
PAIR_COLUMNS = ["source_code", "source", "carrier_code", "carrier", "industry_id", "score"]


def register(app: typer.Typer) -> None:
    app.add_typer(coordinate_app, name="coordinate")


def _options(year: Optional[int], eligible: str | None = None, top: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if year is not None:
        out["year"] = year
    if eligible is not None:
        out["eligible"] = eligible
    if top is not None:
        out["top"] = top
    return out


def _census(data: str, census: bool) -> Any:
    if not census:
        return None
    from yindi.coordinate.census import manufacturing_share

    return manufacturing_share(Path(data).parent / "cn-counties" / "census2020.csv.gz")


def _show(frame: pd.DataFrame, columns: list[str], title: str, rows: int = 15) -> None:
    from rich.table import Table

    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for rec in frame[columns].head(rows).itertuples(index=False):
        table.add_row(*[f"{v:.3f}" if isinstance(v, float) else str(v) for v in rec])
    console.print(table)
    if len(frame) > rows:
        console.print(f"… {len(frame) - rows} more row(s); use --out to write them all.", highlight=False)


@coordinate_app.command("roles")
def coordinate_roles(
    data: str = DATA_OPTION,
    year: Optional[int] = YEAR_OPT,
    census: bool = CENSUS_OPT,
    lang: str = LANG_OPT,
    out: Optional[Path] = OUT_OPT,
) -> None:
    """每个地区的角色（策源/承载/兼有/皆否）与理由 / Each region's role (source, carrier, both, neither) and why."""
    from yindi.coordinate import roles

    result = roles(
        load_data(data),
        manufacturing_share=_census(data, census),
        options=_options(year),
        lang=lang,  # type: ignore[arg-type]
    )
    frame = result.output_table(lang)  # type: ignore[arg-type]
    console.print(result.summary(lang), highlight=False)  # type: ignore[arg-type]
    _show(frame.sort_values("creation", ascending=False), ROLE_COLUMNS[:-1], f"roles {result.year}")
    if out is not None:
        done(f"written {write_output({'roles': frame}, out)}")


def _capability(data: str, panel: Any, evidence: bool, year: Optional[int]) -> tuple[Any, list[str]]:
    """The plan layer's capability matrix for a pack folder (sibling packs found beside it), or None."""
    if not evidence or not Path(data).is_dir():
        return None, []
    from yindi.coordinate.evidence import pack_capability

    cap, notes = pack_capability(panel, data, year)
    return cap, list(notes)


@coordinate_app.command("pairs")
def coordinate_pairs(
    data: str = DATA_OPTION,
    region: Optional[str] = typer.Option(
        None, "--region", "-r", help="只看此地区 / Only this region's pairs."
    ),
    industry: Optional[str] = typer.Option(
        None, "--industry", "-i", help="产业名称或编号（如 算力）/ Industry name or id (e.g. 算力)."
    ),
    top: Optional[int] = typer.Option(
        None, "--top", "-k", help="每个地区的伙伴数（默认 5）/ Partners per region."
    ),
    year: Optional[int] = YEAR_OPT,
    eligible: str = ELIGIBLE_OPT,
    census: bool = CENSUS_OPT,
    evidence: bool = typer.Option(
        True,
        "--evidence/--no-evidence",
        help="使用布局层的产业能力证据（数据包文件夹旁的电力、企业、普查数据）/ Use the plan layer's capability "
        "evidence (electricity, firms, census beside the pack folder).",
    ),
    lang: str = LANG_OPT,
    out: Optional[Path] = OUT_OPT,
) -> None:
    """最佳策源地—承载地配对及分项得分 / Best source–carrier pairs with every part of the score."""
    from yindi.coordinate import pairs, roles

    panel = load_data(data)
    capability, ev_notes = _capability(data, panel, evidence, year)
    options = _options(year, eligible)
    role_result = roles(panel, manufacturing_share=_census(data, census), options=options, lang=lang)  # type: ignore[arg-type]
    result = pairs(
        panel,
        roles_result=role_result,
        capability=capability,
        industry=industry,
        region=region,
        top=top,
        options=options,
        lang=lang,  # type: ignore[arg-type]
    )
    frame = result.output_table(lang)  # type: ignore[arg-type]
    _show(frame, [*PAIR_COLUMNS[1:2], *PAIR_COLUMNS[3:4], "by", "rank", "score", "distance_km"], "pairs")
    notes = [*result.notes, *ev_notes]
    for n in result.notes:
        console.print(f"[dim]注 Note: {n}[/dim]", highlight=False)
    if out is not None:
        done(f"written {write_output({'pairs': frame}, out, notes)}")
