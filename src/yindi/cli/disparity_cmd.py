"""``yindi disparity ...`` (Dagum, Gini/Theil/CV, convergence, Markov chains) and ``yindi spatial ...``
(weights, Moran's I, LISA). Thin adapters: the numbers come from :mod:`yindi.disparity` and :mod:`yindi.spatial`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from yindi.cli.common import (
    DATA_OPTION,
    console,
    done,
    indicator_option,
    missing_option,
    out_option,
    seed_option,
    tibet_option,
)

if TYPE_CHECKING:
    from yindi.data.panel import Panel

disparity_app = typer.Typer(
    help="区域差异与动态演进 / Regional disparities and their dynamics (Dagum, Theil, convergence, Markov).",
    no_args_is_help=True,
)
spatial_app = typer.Typer(
    help="空间权重与空间自相关 / Spatial weights and spatial autocorrelation (Moran's I, LISA).",
    no_args_is_help=True,
)

GROUP_HELP = "区域分组 / Grouping: nbs4 (四大区域, default) or three_belts."
OUT_HELP = "输出表格（.csv 或 .xlsx） / Write the table to this file (.csv or .xlsx)."


def register(app: typer.Typer) -> None:
    app.add_typer(disparity_app, name="disparity")
    app.add_typer(spatial_app, name="spatial")


def _panel(data: str, exclude_tibet: bool) -> Panel:
    from yindi.cli.common import load_data

    return load_data(data).mainland(exclude_tibet=exclude_tibet)


def _table(panel: Panel, indicator: str, years: Optional[str]) -> Any:
    from yindi.errors import ParameterError

    table = panel.series(indicator)
    if years:
        try:
            first, _, last = years.partition("-")
            lo, hi = int(first), int(last or first)
        except ValueError:
            raise ParameterError(
                f"--years takes FIRST-LAST (e.g. 2011-2023) or one year. Got {years!r}.",
                zh=f"--years 的格式为 起始-结束（如 2011-2023）或单个年份，收到的是 {years!r}。",
            ) from None
        table = table.loc[:, [c for c in table.columns if lo <= int(c) <= hi]]
        if table.shape[1] == 0:
            raise ParameterError(
                f"No years of {indicator!r} in {years}; available: {panel.years(indicator)}.",
                zh=f"{years} 中没有 {indicator!r} 的年份；可用年份：{panel.years(indicator)}。",
            )
    return table


def _write(frame: Any, out: Optional[Path]) -> None:
    if out is not None:
        from yindi.report.export import write_table

        write_table(frame, out)
        done(f"{len(frame)} rows → {out}")


@disparity_app.command("dagum")
def dagum_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    grouping: str = typer.Option("nbs4", "--grouping", "-g", help=GROUP_HELP),
    years: Optional[str] = typer.Option(None, "--years", help="年份范围 / Years FIRST-LAST (default: all)."),
    bootstrap: int = typer.Option(0, "--bootstrap", "-b", help="自助法次数 / Bootstrap replicates for CIs."),
    seed: int = seed_option(),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """Dagum 基尼系数分解（逐年） / Dagum Gini decomposition by group, year by year."""
    from rich.table import Table

    from yindi.disparity import dagum_by_year

    table = _table(_panel(data, exclude_tibet), indicator, years)
    with console.status(f"Dagum ({table.shape[1]} years, {bootstrap} bootstrap replicates)"):
        res = dagum_by_year(table, grouping, bootstrap=bootstrap, seed=seed)
    t = Table("year", "G", "within", "between", "transvariation", "within %", "between %", "trans %")
    for r in res.table().itertuples():
        t.add_row(
            str(r.year),
            f"{r.G:.4f}",
            f"{r.within:.4f}",
            f"{r.between:.4f}",
            f"{r.transvariation:.4f}",
            f"{r.within_share:.1%}",
            f"{r.between_share:.1%}",
            f"{r.transvariation_share:.1%}",
        )
    console.print(t)
    _write(res.to_frame(), out)


@disparity_app.command("inequality")
def inequality_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    grouping: str = typer.Option("nbs4", "--grouping", "-g", help=GROUP_HELP),
    years: Optional[str] = typer.Option(None, "--years", help="年份范围 / Years FIRST-LAST."),
    missing: str = missing_option(("error", "drop"), "drop"),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """基尼系数、泰尔指数（组内/组间）与变异系数 / Gini, Theil T and L (within/between) and CV by year."""
    from rich.table import Table

    from yindi.disparity import inequality_by_year

    table = _table(_panel(data, exclude_tibet), indicator, years)
    res = inequality_by_year(table, grouping, missing=missing)  # type: ignore[arg-type]
    frame = res.table()
    t = Table("year", "n", "Gini", "CV", "Theil T", "T between %", "Theil L", "L between %")
    rows: list[dict[Any, Any]] = frame.to_dict("records")
    for r in rows:
        t.add_row(
            str(r["year"]),
            str(r["n"]),
            f"{r['gini']:.4f}",
            f"{r['cv']:.4f}",
            f"{r['theil_T']:.4f}",
            f"{r['theil_T_between'] / r['theil_T']:.1%}",
            f"{r['theil_L']:.4f}",
            f"{r['theil_L_between'] / r['theil_L']:.1%}",
        )
    console.print(t)
    for y, codes in res.dropped.items():
        if codes:
            console.print(f"[yellow]{y} 剔除缺失 / left out:[/yellow] {', '.join(codes)}", highlight=False)
    _write(frame, out)


@disparity_app.command("convergence")
def convergence_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    years: Optional[str] = typer.Option(None, "--years", help="年份范围 / Years FIRST-LAST."),
    interval: int = typer.Option(1, "--interval", help="增长间隔年数 / Years per growth spell (τ)."),
    control: Optional[list[str]] = typer.Option(
        None,
        "--control",
        "-c",
        help="条件收敛控制变量（可重复） / Control indicator for conditional β (repeatable).",
    ),
    missing: str = missing_option(("error", "drop"), "drop"),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """σ 收敛、绝对与条件 β 收敛（双向固定效应） / σ-, absolute and conditional β-convergence (two-way FE)."""
    import pandas as pd

    from yindi.disparity import beta_convergence, sigma_convergence

    panel = _panel(data, exclude_tibet)
    table = _table(panel, indicator, years)
    sigma = sigma_convergence(table)
    absolute = beta_convergence(table, interval=interval, missing=missing)  # type: ignore[arg-type]
    controls = {c: _table(panel, c, years) for c in control or []}
    conditional = beta_convergence(
        table,
        kind="conditional",
        controls=controls,
        interval=interval,
        missing=missing,  # type: ignore[arg-type]
    )
    for r in (sigma, absolute, conditional):
        console.print(r.summary(), highlight=False)
    _write(pd.concat([absolute.to_frame(), conditional.to_frame()], ignore_index=True), out)


@disparity_app.command("markov")
def markov_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    years: Optional[str] = typer.Option(None, "--years", help="年份范围 / Years FIRST-LAST."),
    k: int = typer.Option(4, "--k", "-k", help="状态数（分位数） / Number of quantile classes."),
    spatial: bool = typer.Option(
        False, "--spatial", help="空间马尔可夫链（Queen 邻接） / Spatial Markov chain."
    ),
    relative: bool = typer.Option(
        True, "--relative/--absolute", help="按当年均值相对化 / Divide each year by its mean (default)."
    ),
    missing: str = missing_option(("error", "drop"), "drop"),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """马尔可夫链转移概率与遍历分布 / Markov transition probabilities and ergodic distribution."""
    from yindi.disparity import markov, spatial_markov

    table = _table(_panel(data, exclude_tibet), indicator, years)
    res = markov(table, k=k, relative=relative, missing=missing)  # type: ignore[arg-type]
    console.print(res.summary(), highlight=False)
    console.print(res.table().round(3).to_string())
    frame = res.to_frame()
    if spatial:
        from yindi.spatial import contiguity

        w = contiguity("province", islands="nearest")
        sm = spatial_markov(table, w, k=k, relative=relative, missing=missing)  # type: ignore[arg-type]
        console.print(sm.summary(), highlight=False)
        frame = sm.to_frame()
    _write(frame, out)


# --- yindi spatial ------------------------------------------------------------------------------------------


@spatial_app.command("weights")
def weights_cmd(
    level: str = typer.Option("province", "--level", help="province | city | county"),
    kind: str = typer.Option("queen", "--kind", help="queen | rook | knn"),
    k: int = typer.Option(4, "--k", "-k", help="近邻数（kind=knn） / Neighbours for kind=knn."),
    islands: str = typer.Option(
        "keep", "--islands", help="keep | nearest（岛屿连到最近地区 / attach islands)"
    ),
    out: Optional[Path] = out_option("输出邻接表 / Write the links table."),
) -> None:
    """构建空间权重并报告孤岛 / Build spatial weights and report islands and components."""
    from yindi.errors import check_option
    from yindi.spatial import contiguity, knn

    check_option("kind", kind, ("queen", "rook", "knn"), where="yindi spatial weights")
    with console.status(
        "读取边界、构建权重 / loading boundaries and building weights (first use of a level: ~10 s)"
    ):
        w = knn(k, level) if kind == "knn" else contiguity(level, kind, islands=islands)  # type: ignore[arg-type]
    console.print(w.summary(), highlight=False)
    _write(w.to_frame(), out)


def _spatial_inputs(
    data: str, indicator: str, year: Optional[int], exclude_tibet: bool, islands: str, missing: str
) -> tuple[Any, Any, int]:
    from yindi.spatial import contiguity, cross_section

    cs = cross_section(_panel(data, exclude_tibet), indicator, year, missing=missing)
    if cs.dropped:
        console.print(f"[yellow]剔除缺失 / left out:[/yellow] {', '.join(cs.dropped)}", highlight=False)
    w = contiguity("province", islands=islands, regions=list(cs.values.index))  # type: ignore[arg-type]
    return cs.values, w, cs.year


@spatial_app.command("moran")
def moran_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    year: Optional[int] = typer.Option(
        None, "--year", "-y", help="年份（默认最近） / Year (default: latest)."
    ),
    permutations: int = typer.Option(999, "--permutations", "-p", help="置换次数 / Permutations."),
    seed: int = seed_option(),
    islands: str = typer.Option(
        "nearest", "--islands", help="keep | nearest（海南连广东 / attach 海南 to 广东)"
    ),
    missing: str = missing_option(("error", "drop"), "drop"),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """全局莫兰指数与吉尔里指数（Queen 邻接，行标准化） / Global Moran's I and Geary's C (queen, row-standardised)."""
    import pandas as pd

    from yindi.spatial import geary, moran

    values, w, y = _spatial_inputs(data, indicator, year, exclude_tibet, islands, missing)
    m = moran(values, w, permutations=permutations, seed=seed)
    g = geary(values, w, permutations=permutations, seed=seed)
    console.print(f"{indicator} {y}", highlight=False)
    console.print(m.summary(), highlight=False)
    console.print(g.summary(), highlight=False)
    _write(pd.concat([m.to_frame(), g.to_frame()], ignore_index=True).assign(year=y), out)


@spatial_app.command("lisa")
def lisa_cmd(
    indicator: str = indicator_option(),
    data: str = DATA_OPTION,
    year: Optional[int] = typer.Option(
        None, "--year", "-y", help="年份（默认最近） / Year (default: latest)."
    ),
    permutations: int = typer.Option(999, "--permutations", "-p", help="置换次数 / Permutations."),
    seed: int = seed_option(),
    alpha: float = typer.Option(0.05, "--alpha", help="显著性水平 / Significance level."),
    adjust: str = typer.Option("none", "--adjust", help="none | fdr | bonferroni（多重检验校正）"),
    islands: str = typer.Option("nearest", "--islands", help="keep | nearest"),
    missing: str = missing_option(("error", "drop"), "drop"),
    exclude_tibet: bool = tibet_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """局部莫兰指数（LISA）与 HH/LL/HL/LH 集聚 / Local Moran (LISA) with HH/LL/HL/LH clusters."""
    from yindi.regions import registry
    from yindi.spatial import local_moran

    values, w, y = _spatial_inputs(data, indicator, year, exclude_tibet, islands, missing)
    res = local_moran(values, w, permutations=permutations, seed=seed, alpha=alpha, adjust=adjust)  # type: ignore[arg-type]
    console.print(f"{indicator} {y}: {res.summary()}", highlight=False)
    frame = res.table()
    frame.insert(1, "region", [registry().get(c).short_zh for c in frame["region_code"]])
    sig = frame[frame["cluster"] != "ns"]
    for r in sig.itertuples(index=False):
        console.print(f"  {r.cluster}  {r.region} ({r.region_code})  p = {r.p_adjusted:.3f}", highlight=False)
    _write(frame.assign(year=y), out)
