"""``yindi plan``: the lay-out layer — portfolio, do/don't lists, herding alerts, development modes.

``--data`` is the provincial pack folder (or any panel source); the electricity table, the listed-firm pack and
the census pack are found beside it (``--electricity``, ``--firms``, ``--census`` override). Missing evidence is
written in the notes of every output.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from yindi.cli.common import LANG_HELP, done, lang_option, load_data, write_output

if TYPE_CHECKING:
    from yindi.plan.run import PlanResults

plan_app = typer.Typer(
    help="布局：三类产业组合、有所为有所不为、一哄而上预警、发展模式 / Lay out: three-tier portfolio, do/don't lists, "
    "herding alerts, development modes.",
    no_args_is_help=True,
)

DATA = typer.Option(
    ..., "--data", "-d", envvar="YINDI_DATA", help="省级数据包文件夹或面板 / Provincial pack or panel."
)
OUT = typer.Option(..., "--out", "-o", help="输出表格 (.csv/.xlsx) / Output table (.csv/.xlsx).")
YEAR = typer.Option(None, "--year", help="证据年份（默认最新）/ Evidence year (default: latest).")
REGION = typer.Option(None, "--region", help="只输出一个地区 / Only this region (name or code).")
AMBITIONS = typer.Option(
    None,
    "--ambitions",
    help="各地目标产业表 region,industry[,source] / Declared ambitions table (CSV/Excel).",
)
ELEC = typer.Option(
    None, "--electricity", help="CEADs 分行业用电表 / sector_electricity.csv (default: in --data)."
)
FIRMS = typer.Option(
    None, "--firms", help="上市公司表 / listed_firms.csv (default: ../cn-firms beside --data)."
)
CENSUS = typer.Option(
    None, "--census", help="普查表 / census2020.csv.gz (default: ../cn-counties beside --data)."
)
LANG = lang_option(LANG_HELP, short=False)
DRAWS = typer.Option(
    None, "--draws", help="稳定性抽样次数（默认 200；0 关闭）/ Stability draws (default 200; 0 = off)."
)


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")


def _run(
    data: str,
    year: Optional[int],
    ambitions: Optional[Path],
    electricity: Optional[Path],
    firms: Optional[Path],
    census: Optional[Path],
    lang: str,
    draws: Optional[int],
) -> PlanResults:
    from yindi.plan.run import compute_plan

    panel = load_data(data)
    root = Path(data)
    return compute_plan(
        panel,
        data_dir=root if root.is_dir() else None,
        electricity=electricity,
        firms=firms,
        census=census,
        year=year,
        ambitions=ambitions,
        options=None if draws is None else {"draws": draws},
        lang=lang,
    )


def _region_code(region: Optional[str]) -> Optional[str]:
    if region is None:
        return None
    from yindi.regions import resolve

    return resolve(region).adcode


def _write(name: str, frame: object, out: Path, res: PlanResults, lang: str = "zh") -> None:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    target = write_output({name: frame}, out, res.notes(lang))
    done(f"{len(frame)} 行 rows → {target}")


@plan_app.command("portfolio")
def portfolio_cmd(
    data: str = DATA,
    out: Path = OUT,
    year: Optional[int] = YEAR,
    region: Optional[str] = REGION,
    ambitions: Optional[Path] = AMBITIONS,
    electricity: Optional[Path] = ELEC,
    firms: Optional[Path] = FIRMS,
    census: Optional[Path] = CENSUS,
    lang: str = LANG,
    draws: Optional[int] = DRAWS,
) -> None:
    """每个地区 × 产业的决策、得分、理由与稳定性 / Decision, score, reasons and stability per region × industry."""
    code = _region_code(region)
    res = _run(data, year, ambitions, electricity, firms, census, lang, draws)
    _write("portfolio", res.portfolio.table(lang, region=code), out, res, lang)


@plan_app.command("lists")
def lists_cmd(
    data: str = DATA,
    out: Path = OUT,
    year: Optional[int] = YEAR,
    region: Optional[str] = REGION,
    ambitions: Optional[Path] = AMBITIONS,
    electricity: Optional[Path] = ELEC,
    firms: Optional[Path] = FIRMS,
    census: Optional[Path] = CENSUS,
    lang: str = LANG,
    draws: Optional[int] = DRAWS,
) -> None:
    """有所为有所不为清单 / Do and don't lists per region."""
    code = _region_code(region)
    res = _run(data, year, ambitions, electricity, firms, census, lang, draws)
    frame = res.lists.frame if code is None else res.lists.region(code)
    _write("lists", frame, out, res, lang)


@plan_app.command("herding")
def herding_cmd(
    data: str = DATA,
    out: Path = OUT,
    year: Optional[int] = YEAR,
    region: Optional[str] = REGION,
    ambitions: Optional[Path] = AMBITIONS,
    electricity: Optional[Path] = ELEC,
    firms: Optional[Path] = FIRMS,
    census: Optional[Path] = CENSUS,
    lang: str = LANG,
    draws: Optional[int] = DRAWS,
) -> None:
    """一哄而上预警（每个产业）/ Herding alerts per industry (with --region: that region's most similar peers)."""
    code = _region_code(region)
    res = _run(data, year, ambitions, electricity, firms, census, lang, 0 if draws is None else draws)
    if code is None:
        _write("herding", res.herding.table(lang), out, res, lang)
    else:
        pairs = res.herding.pairs(lang)
        _write(
            "similarity",
            pairs[(pairs["region_code"] == code) | (pairs["partner_code"] == code)],
            out,
            res,
            lang,
        )


@plan_app.command("modes")
def modes_cmd(
    data: str = DATA,
    out: Path = OUT,
    year: Optional[int] = YEAR,
    region: Optional[str] = REGION,
    ambitions: Optional[Path] = AMBITIONS,
    electricity: Optional[Path] = ELEC,
    firms: Optional[Path] = FIRMS,
    census: Optional[Path] = CENSUS,
    lang: str = LANG,
    draws: Optional[int] = DRAWS,
) -> None:
    """发展模式与技术转化模式 / Development mode per region and transfer mode per recommended industry."""
    code = _region_code(region)
    res = _run(data, year, ambitions, electricity, firms, census, lang, 0 if draws is None else draws)
    frame = res.modes.industries.merge(
        res.modes.regions.drop(columns=["region"]), on="region_code", how="left"
    )
    if code is not None:
        frame = frame[frame["region_code"] == code]
    _write("modes", frame, out, res, lang)
