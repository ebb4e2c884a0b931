"""``yindi city``: analyses inside one city (the centre–suburb–periphery layout of source 003 §3.3)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from yindi.cli.common import console, done, lang_option, write_output

city_app = typer.Typer(
    help="城市内部：中心—近郊—外围布局 / Inside a city: the centre–suburb–periphery layout.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(city_app, name="city")


@city_app.command("layout")
def layout(
    data: str = typer.Option(
        ...,
        "--data",
        "-d",
        envvar="YINDI_DATA",
        help="第七次人口普查分县数据包 / The county census pack folder.",
    ),
    city: str = typer.Option(
        ..., "--city", "-c", help="地级市名称或代码 / Prefecture name or code, e.g. 苏州."
    ),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="输出表格 / Output table (.xlsx or .csv)."),
    lang: str = lang_option("zh | en"),
    centre_density: float = typer.Option(
        2000.0, "--centre-density", help="中心城区最低人口密度 / Min centre density (persons/km²)."
    ),
    near_km: float = typer.Option(
        30.0, "--near-km", help="县划入近郊的距离 / Counties within this many km are near suburbs."
    ),
    periphery_km: float = typer.Option(
        50.0, "--periphery-km", help="市辖区划入外围的距离 / Districts beyond this many km are periphery."
    ),
    lq_threshold: float = typer.Option(
        1.0, "--lq-threshold", help="支持定位所需的区位商 / LQ that supports a role."
    ),
) -> None:
    """城市内部“中心研发—近郊中试—外围量产”布局 / The city's centre-research → suburb-pilot → periphery-manufacturing layout."""
    from yindi._typing import Lang
    from yindi.cli.common import load_data
    from yindi.plan.city_layout import city_layout

    language: Lang = "en" if lang == "en" else "zh"
    panel = load_data(data)
    options = {
        "centre_density": centre_density,
        "near_km": near_km,
        "periphery_km": periphery_km,
        "lq_threshold": lq_threshold,
    }
    result = city_layout(panel, city, options)
    console.print(result.summary(language), highlight=False, markup=False)
    if out is not None:
        notes = [f"{k} = {v}" for k, v in result.options.items()]
        written = write_output(
            {"units": result.units, "rings": result.rings, "tidy": result.to_frame(language)}, out, notes
        )
        done(f"{len(result.units)} units → {written}")


@city_app.command("grid")
def grid(
    data: str = typer.Option(
        ...,
        "--data",
        "-d",
        envvar="YINDI_DATA",
        help="第七次人口普查分县数据包 / The county census pack folder.",
    ),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="输出表格 / Output table (.xlsx or .csv)."),
    draws: int = typer.Option(
        1000, "--draws", help="每格蒙特卡洛抽样次数 / Monte Carlo draws per grid cell."
    ),
    seed: int = typer.Option(0, "--seed", help="随机种子（每格派生） / Seed (each cell derives its own)."),
    engine: str = typer.Option("process", "--engine", help="process | dask"),
    scheduler: Optional[str] = typer.Option(
        None,
        "--scheduler",
        help="Dask 调度器地址（默认本机集群） / Dask scheduler address (default: a LocalCluster).",
    ),
) -> None:
    """县域敏感性网格：赋权×标准化×集成的排名区间 / County sensitivity grid: rank intervals over weighting ×
    normalisation × aggregation (in process or on Dask, identical results)."""
    from yindi.cli.common import load_data
    from yindi.index.grid import sensitivity_grid
    from yindi.structure.census import county_indicators

    panel = load_data(data)
    matrix, directions = county_indicators(panel)
    result = sensitivity_grid(
        matrix.to_numpy(),
        directions,
        regions=list(matrix.index),
        draws=draws,
        seed=seed,
        engine=engine,  # type: ignore[arg-type]
        scheduler=scheduler,
    )
    console.print(
        f"{len(result.regions)} units × {matrix.shape[1]} indicators, {len(result.cells)} cells × {draws} draws "
        f"({engine})",
        highlight=False,
    )
    if out is not None:
        written = write_output({"grid": result.to_frame()}, out)
        done(f"{len(result.cells)} cells → {written}")
