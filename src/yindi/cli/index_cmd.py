"""``yindi index ...`` and ``yindi typology ...``: the NQPF index and regional types as CSV/Excel files.

Thin adapters over :mod:`yindi.index` and :mod:`yindi.typology`; NumPy/pandas are imported inside commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from yindi.cli.common import (
    DATA_OPTION,
    console,
    done,
    load_data,
    missing_option,
    out_option,
    out_path,
    seed_option,
    tibet_option,
    write_output,
)

if TYPE_CHECKING:
    import pandas as pd

index_app = typer.Typer(
    help="新质生产力综合指数 / The NQPF composite index (weights, scores, ranks, uncertainty, obstacles).",
    no_args_is_help=True,
)
typology_app = typer.Typer(
    help="区域类型 / Regional types: source-003 stage types, clusters, peer regions.", no_args_is_help=True
)

OUT_HELP = (
    "输出文件 (.xlsx 多表 / .csv 主表) 或文件夹；不给则只显示 / Output file (.xlsx: all tables; .csv: main table) "
    "or folder; without it results are only printed."
)


def _load(data: str, exclude_tibet: bool):  # type: ignore[no-untyped-def]
    """The data, without Tibet (adcodes 54xxxx, at any level) when asked."""
    panel = load_data(data)
    if exclude_tibet:
        panel = panel.select(regions=[c for c in panel.region_codes if not c.startswith("54")])
    return panel


def _years(text: str | None) -> list[int] | None:
    from yindi.errors import ParameterError

    if not text:
        return None
    try:
        if "-" in text:
            a, b = (int(x) for x in text.split("-", 1))
            return list(range(a, b + 1))
        return [int(x) for x in text.split(",")]
    except ValueError:
        raise ParameterError(
            f"--years must look like 2018-2023 or 2019,2021. Got {text!r}.",
            zh=f"--years 应形如 2018-2023 或 2019,2021，收到的是 {text!r}。",
        ) from None


def _write(tables: Mapping[str, pd.DataFrame], path: Optional[Path], default: str) -> str:
    """All tables to a workbook (.xlsx), or the first (main) table to CSV; nothing without ``--out``."""
    if path is None:
        return f"nothing written (add -o {default} to save every table)"
    return f"wrote {write_output(tables, out_path(path, default))}"


@index_app.command("run")
def index_run(
    data: str = DATA_OPTION,
    exclude_tibet: bool = tibet_option(),
    preset: str = typer.Option(
        "nqpf_three_elements", help="指标体系名称或 TOML 文件 / Preset name or TOML file."
    ),
    weighting: str = typer.Option("entropy", help="赋权 / Weighting: entropy, critic, cv, pca, equal."),
    aggregation: str = typer.Option("topsis", help="集成 / Aggregation: topsis, weighted_sum, grey."),
    scope: str = typer.Option("panel", help="panel (全局, 跨年可比 / comparable across years) or year."),
    normalization: str = typer.Option("minmax", help="标准化 / Normalisation: minmax, vector, zscore."),
    years: str = typer.Option(None, help="年份 / Years, e.g. 2018-2023 (default: the preset's span)."),
    missing: str = missing_option(("error", "interpolate", "drop_indicator")),
    draws: int = typer.Option(2000, help="蒙特卡洛权重抽样次数 / Monte Carlo weight draws (0: skip)."),
    seed: int = seed_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """计算新质生产力指数 / Compute the NQPF index: scores, ranks, weights, rank intervals, sensitivity, obstacles."""
    from yindi.index import evaluate, leave_one_out, load_preset, method_sensitivity, rank_intervals

    panel = _load(data, exclude_tibet)
    chosen = load_preset(preset)  # a bad preset fails here, before any computation
    notes: list[str] = []
    if len(chosen.dimensions) < 2:
        notes.append(
            f"耦合协调度需要至少 2 个维度，指标体系 {chosen.id} 只有 {len(chosen.dimensions)} 个：未计算。 / "
            f"Coupling coordination needs at least 2 dimensions; preset {chosen.id!r} has "
            f"{len(chosen.dimensions)}: not computed."
        )
    elif normalization == "zscore":
        notes.append(
            "耦合协调度需要 [0, 1] 内的维度得分，zscore 标准化不满足：未计算。 / Coupling coordination needs "
            "dimension scores in [0, 1]; normalization zscore does not give them: not computed."
        )
    with console.status("evaluating…"):
        res = evaluate(
            panel,
            preset,
            weighting=weighting,  # type: ignore[arg-type]
            aggregation=aggregation,  # type: ignore[arg-type]
            scope=scope,  # type: ignore[arg-type]
            normalization=normalization,  # type: ignore[arg-type]
            years=_years(years),
            missing=missing,  # type: ignore[arg-type]
        )
        scores = res.scores.reset_index()
        tables: dict[str, pd.DataFrame] = {"scores": scores, "weights": res.weight_table()}
        if draws > 0 and aggregation != "grey":
            tables["rank_intervals"] = rank_intervals(res, draws=draws, seed=seed)
        tables["leave_one_out"] = leave_one_out(res).reset_index()
        tables["method_sensitivity"] = method_sensitivity(res).reset_index()
        tables["obstacles"] = res.obstacles()
        if not notes:
            tables["coupling"] = res.coupling()
        tables["preset"] = res.preset.table()
    for a in [*res.actions, *notes]:
        console.print(f"[yellow]•[/yellow] {a}", highlight=False)
    console.print(
        res.ranking().head(10).to_string(index=False, float_format=lambda v: f"{v:.3f}"), highlight=False
    )
    done(_write(tables, out, "yindi-index.xlsx"))


@index_app.command("presets")
def index_presets() -> None:
    """列出内置指标体系 / List the shipped presets and their indicators."""
    from yindi.index import available_presets, load_preset

    for name in available_presets():
        p = load_preset(name)
        span = f"{p.years[0]}–{p.years[1]}" if p.years else ""
        console.print(f"[bold]{name}[/bold] {p.name_zh} / {p.name_en} {span}", highlight=False)
        for row in p.table().itertuples():
            console.print(
                f"  {row.dimension}  {row.indicator}  = {row.formula}  ({row.direction:+d})", highlight=False
            )


@typology_app.command("stages")
def typology_stages(
    data: str = DATA_OPTION,
    exclude_tibet: bool = tibet_option(),
    year: int = typer.Option(2023, help="年份 / Year."),
    gdp_rule: str = typer.Option("flag", help="人均GDP条件 / GDP condition: flag, strict, ignore."),
    intensity: str = typer.Option("published", help="研发强度 / R&D intensity: published or recomputed."),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """按003文献划分区域科技类型 I–IV / Source-003 S&T types I–IV with the deciding values."""
    from yindi.typology import compare_with_source, stage_types

    t = stage_types(_load(data, exclude_tibet), year, gdp_rule=gdp_rule, intensity=intensity)  # type: ignore[arg-type]
    console.print(compare_with_source(t).to_string(index=False), highlight=False)
    for kind, group in t.groupby("type", sort=True):
        year_text = int(group["year"].iloc[0])
        console.print(f"  {kind} ({year_text}): {'、'.join(group['region'].astype(str))}", highlight=False)
    done(_write({"types": t, "vs_source_003": compare_with_source(t)}, out, "yindi-types.csv"))


@typology_app.command("clusters")
def typology_clusters(
    data: str = DATA_OPTION,
    exclude_tibet: bool = tibet_option(),
    year: int = typer.Option(2023, help="年份 / Year."),
    method: str = typer.Option("kmeans", help="kmeans or ward."),
    k: int = typer.Option(0, help="类别数 (0: 按轮廓系数选择) / Clusters (0: chosen by silhouette)."),
    seed: int = seed_option(),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """标准化指标聚类 / Cluster regions on standardised indicators."""
    from yindi.typology import cluster_regions

    res = cluster_regions(_load(data, exclude_tibet), year, method=method, k=k or None, seed=seed)  # type: ignore[arg-type]
    console.print(res.summary(), highlight=False)
    tables = {"clusters": res.labels, "silhouette": res.selection, "profile": res.profile.reset_index()}
    done(_write(tables, out, "yindi-clusters.csv"))


@typology_app.command("peers")
def typology_peers(
    data: str = DATA_OPTION,
    exclude_tibet: bool = tibet_option(),
    region: str = typer.Option(..., help="地区 / Region (安徽, Anhui, 340000)."),
    year: int = typer.Option(2023, help="年份 / Year."),
    n: int = typer.Option(5, help="数量 / Number of peers."),
    out: Optional[Path] = out_option(OUT_HELP),
) -> None:
    """最相似的地区 / The regions most like REGION on the index indicators."""
    from yindi.typology import peer_regions

    peers = peer_regions(_load(data, exclude_tibet), region, year, n=n)
    console.print(peers[["rank", "region", "distance"]].to_string(index=False), highlight=False)
    done(_write({"peers": peers}, out, "yindi-peers.csv"))


def register(app: typer.Typer) -> None:
    """Add ``index`` and ``typology`` command groups to ``app``."""
    app.add_typer(index_app, name="index")
    app.add_typer(typology_app, name="typology")
