"""Node 'disparity': Dagum Gini decomposition, kernel densities, (spatial) Markov chains, σ- and β-convergence of
one indicator across the analysed units.

区域差异：Dagum 基尼系数分解、核密度、（空间）马尔可夫链、σ 与 β 收敛。市、县按所属省份归入地区分组。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from yindi.errors import MethodWarning
from yindi.study.result import NodeResult
from yindi.study.scope import Scope

if TYPE_CHECKING:
    from yindi.index.presets import Preset

#: Years a unit-year table needs (at least three units with values in each, at least three years).
MIN_YEARS = 3


def selected_years(years: list[int]) -> list[int]:
    """First, middle and last year (all when three or fewer): the years drawn as kernel densities."""
    if len(years) <= 3:
        return years
    return sorted({years[0], years[len(years) // 2], years[-1]})


def groups_for(scope: Scope, codes: list[str], grouping_id: str) -> str | dict[str, str]:
    """The Dagum groups: the grouping id for provinces; for cities and counties, the group of their province."""
    if scope.level == "province":
        return grouping_id
    from yindi.regions import grouping, registry

    g, reg = grouping(grouping_id), registry()
    return {c: g.group_of(reg.get(c).province) for c in codes}


def indicator_table(scope: Scope, indicator: str, preset: Preset | None = None) -> pd.DataFrame | None:
    """Unit × year table of ``indicator`` (a data series or a ratio of ``preset``) up to the report year, years
    with at least three values."""
    from yindi.study.derived import series

    table = series(scope.panel, indicator, preset)
    table = table.loc[:, [c for c in table.columns if int(c) <= scope.year]]
    table = table.loc[:, table.notna().sum() >= MIN_YEARS]
    return table if table.shape[1] >= MIN_YEARS else None


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``values`` (result schema: the indicator per unit-year), ``dagum`` and ``dagum_pairs`` (when the
    units fall in at least two groups), ``kde``
    (``year, x, density``), ``markov`` (tidy) and ``markov_p`` (k × k), ``markov_n`` (transitions per state),
    ``spatial_markov``, ``sigma`` (``year, value``), ``beta`` (absolute and conditional), ``convergence``
    (tidy, for export); meta ``indicator``, ``year`` (latest year every unit has a value), ``first``, ``last``,
    ``ergodic``, ``lr``, ``dof``, ``lr_p``, ``sigma_converging``, ``sigma_slope_p``, ``n_groups``."""
    from yindi.disparity import (
        beta_convergence,
        dagum_by_year,
        kernel_density,
        markov,
        sigma_convergence,
        spatial_markov,
    )
    from yindi.regions import grouping
    from yindi.schema import tidy
    from yindi.study.derived import available, label
    from yindi.study.nodes.weights import weights_of
    from yindi.study.pipeline import study_preset

    opt = options["disparity"]
    indicator = opt["indicator"]
    preset = study_preset(options)
    if not available(scope.panel, indicator, preset):
        return None
    table = indicator_table(scope, indicator, preset)
    if table is None:
        return None
    table.columns = [int(c) for c in table.columns]
    year = (
        int(max(c for c in table.columns if table[c].notna().all()))
        if table.notna().all().any()
        else int(table.columns[-1])
    )
    codes = [str(c) for c in table.index]
    long = table.rename_axis(index="region_code", columns="year").reset_index()
    long = long.melt(id_vars="region_code", var_name="year", value_name="value").dropna(subset=["value"])
    values = tidy(long.assign(measure=indicator), lang=scope.lang)

    groups = groups_for(scope, codes, opt["grouping"])
    n_groups = (
        len({g for c, g in groups.items()})
        if isinstance(groups, dict)
        else len({grouping(groups).mapping().get(c) for c in codes} - {None})
    )
    tables: dict[str, pd.DataFrame] = {}
    if n_groups >= 2:  # within one province every city is in one macro-region: no decomposition
        with warnings.catch_warnings():  # the units without a value each year: counted in the note below
            warnings.simplefilter("ignore", MethodWarning)
            series = dagum_by_year(table, groups, bootstrap=opt["bootstrap"], seed=scope.seed)
        parts = series.to_frame()
        tables["dagum"] = series.table()
        tables["dagum_pairs"] = parts[parts["component"].isin(["gini_within", "gini_between"])].reset_index(
            drop=True
        )

    years = [int(c) for c in table.columns]
    dens = kernel_density(table, years=selected_years(years), points=opt["kde_points"])
    balanced = table.dropna()
    k = opt["markov_classes"]
    mk = markov(balanced, k=k, relative=True)
    w = weights_of(inputs["weights"]).subset([str(c) for c in balanced.index])
    smk = spatial_markov(balanced, w, k=k, relative=True)
    sigma = sigma_convergence(table)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MethodWarning)
        absolute = beta_convergence(balanced)
        conditional = beta_convergence(balanced, kind="conditional")
    beta = pd.DataFrame(
        [
            {
                "model": r.kind,
                "beta": r.beta,
                "se": r.se,
                "p": r.p,
                "speed": r.speed,
                "half_life": r.half_life,
                "N": r.n_obs,
            }
            for r in (absolute, conditional)
        ]
    )
    mtable = mk.table()
    markov_p = pd.DataFrame(mk.p, columns=[str(c) for c in mtable.columns[1:]])
    markov_p.insert(0, "from", [str(i) for i in mtable.index])
    tables |= {
        "values": values,
        "kde": pd.DataFrame(
            {
                "year": [int(y) for y in dens.years for _ in dens.grid],
                "x": [float(v) for _ in dens.years for v in dens.grid],
                "density": [float(v) for row in dens.density for v in row],
            }
        ),
        "markov": mk.to_frame(),
        "markov_p": markov_p,
        "spatial_markov": smk.to_frame(),
        "sigma": pd.DataFrame({"year": list(sigma.years), "value": list(sigma.values)}),
        "beta": beta,
        "convergence": pd.concat(
            [sigma.to_frame(), absolute.to_frame(), conditional.to_frame()], ignore_index=True
        ),
    }
    theil_table, theil_meta = nested_theil(scope, table)
    if theil_table is not None:
        tables["theil"] = theil_table
    ht = smk.test
    name, unit = label(scope.panel, indicator, preset, scope.lang)
    meta = {
        **theil_meta,
        "indicator": indicator,
        "indicator_label": f"{name} ({unit})" if unit else name,
        "year": year,
        "first": years[0],
        "last": years[-1],
        "n_units": len(codes),
        "markov_n": [int(v) for v in mtable["n"]],
        "ergodic": [float(v) for v in mk.ergodic],
        "lr": float(ht.lr),
        "dof": int(ht.dof),
        "lr_p": float(ht.lr_p),
        "sigma_converging": bool(sigma.converging),
        "sigma_slope_p": float(sigma.slope_p),
        "attached": inputs["weights"].meta["attached"],
        "n_groups": n_groups,
    }
    gaps = table.isna().sum()
    notes: tuple[str, ...] = ()
    if int(gaps.max()) > 0:  # unbalanced (city panels): each year's statistics use the units with a value
        worst = int(str(gaps.idxmax()))
        notes = (
            scope.tr(
                f"各年的基尼、Dagum、泰尔与莫兰统计只用当年有数值的{scope.unit_word}（{len(codes)} 个中最多缺 "
                f"{int(gaps.max())} 个，{worst} 年）；马尔可夫链与 β 收敛只用各年都有数值的 {len(balanced)} 个。",
                f"Each year's Gini, Dagum, Theil and Moran statistics use the {scope.unit_word} with a value that "
                f"year (of {len(codes)}, at most {int(gaps.max())} missing, in {worst}); Markov chains and "
                f"β-convergence use the {len(balanced)} with a value in every year.",
            ),
        )
    return NodeResult("disparity", tables, meta, notes)


def nested_theil(scope: Scope, table: pd.DataFrame) -> tuple[pd.DataFrame | None, dict[str, Any]]:
    """Theil T of every year below the province: across the analysed units, decomposed between provinces and
    within them (cities in their province) — two-stage (NBS four regions → provinces → units, Akita 2003) when
    the units span several regions. Population-weighted when the data hold ``population`` (the per-capita
    reading of Akita 2003), else unit weights. ``None`` at province level (the Dagum decomposition covers it).

    Table columns ``year, n, gini, theil, between_regions, between_provinces, within_provinces``
    (``between_regions`` is NaN in one region); meta ``theil_weights`` ("population"/"units"),
    ``theil_provinces`` (provinces spanned)."""
    if scope.level == "province":
        return None, {}
    from yindi.disparity import gini, theil
    from yindi.regions import grouping, registry

    reg = registry()
    province = {c: reg.get(c).province for c in table.index}
    nbs4 = grouping("nbs4")
    region = {c: nbs4.group_of(p) for c, p in province.items()}
    pop = scope.panel.series("population") if "population" in scope.panel.indicators else None
    rows = []
    for year in table.columns:
        col = table[year].dropna()
        col = col[col > 0]
        weights = None
        if pop is not None and year in pop.columns:
            w = pop[year].reindex(col.index)
            col, w = col[w.notna() & (w > 0)], w[w.notna() & (w > 0)]
            weights = w.to_dict()
        if len(col) < 3:
            continue
        groups = {c: region[c] for c in col.index}
        two_stage = len(set(groups.values())) > 1
        if two_stage:
            t = theil(col, groups, subgroups={c: province[c] for c in col.index}, weights=weights)
            between_regions, between_prov = t.between, t.between_sub
        else:
            t = theil(col, {c: province[c] for c in col.index}, weights=weights)
            between_regions, between_prov = float("nan"), t.between
        rows.append(
            {
                "year": int(year),
                "n": len(col),
                "gini": float(gini(col, weights=weights)),
                "theil": float(t.total),
                "between_regions": float(between_regions),
                "between_provinces": float(between_prov),
                "within_provinces": float(t.within),
            }
        )
    if not rows:
        return None, {}
    meta = {
        "theil_weights": "population" if pop is not None else "units",
        "theil_provinces": len(set(province.values())),
    }
    return pd.DataFrame(rows), meta
