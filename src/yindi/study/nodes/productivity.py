"""Node 'productivity': innovation efficiency (DEA CRS/VRS, scale efficiency), its Malmquist decomposition, and a
green variant with undesirable outputs (SBM and the global Malmquist–Luenberger index).

创新效率（DEA）、Malmquist 分解，以及含非期望产出的绿色变体（SBM 与全局 Malmquist–Luenberger 指数）。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.schema import tidy
from yindi.study.result import NodeResult
from yindi.study.scope import Scope

#: A unit is on the frontier when its efficiency is at least 1 − this tolerance.
FRONTIER_TOL = 1e-9


def _latest(frame: pd.DataFrame, year: int) -> int:
    years = [int(y) for y in frame["period"].unique() if int(y) <= year]
    return max(years) if years else int(frame["period"].max())


def efficiency_table(codes: list[str], crs: Any, vrs: Any, year: int, lang: str) -> pd.DataFrame:
    """Technical efficiency (CRS), pure technical efficiency (VRS) and scale efficiency SE = CRS / VRS, in the
    result schema (``measure`` = ``te_crs``, ``pte_vrs``, ``scale``)."""
    se = crs.efficiency / vrs.efficiency
    parts = [
        pd.DataFrame({"region_code": codes, "year": year, "measure": m, "value": v})
        for m, v in (("te_crs", crs.efficiency), ("pte_vrs", vrs.efficiency), ("scale", se))
    ]
    return tidy(pd.concat(parts, ignore_index=True), lang=lang)  # type: ignore[arg-type]


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``efficiency`` (result schema: te_crs, pte_vrs, scale per unit), ``malmquist`` and
    ``malmquist_by_year``, ``cumulative`` (result schema: ``tfp_change_pct`` = (cumulative index − 1) × 100),
    ``green_sbm`` (result schema), ``green_ml`` and ``green_by_year``; meta ``year``, ``first``, ``last``,
    ``n_units``, ``n_frontier``, ``frontier`` (codes of the CRS-efficient units), ``vrs_only`` (VRS- but not CRS-efficient units), ``green_year``,
    ``green_years``, ``green_units``, ``green_left_out``."""
    from yindi.productivity import dea, malmquist

    opt = options["productivity"]
    inputs_, outputs = list(opt["inputs"]), list(opt["outputs"])
    bad = [b for b in opt["undesirable"] if b in scope.panel.indicators]
    panel = scope.panel
    absent = [i for i in inputs_ + outputs if i not in panel.indicators]
    if absent:  # said, not hidden: no DEA on stand-in inputs
        from yindi.errors import MissingDataError

        raise MissingDataError(
            f"The data lack the innovation inputs and outputs of the efficiency analysis ({', '.join(absent)}; "
            "city yearbook panels have no R&D, patent or capital-stock series): innovation efficiency and "
            "productivity are left out rather than computed from stand-in inputs. Set [options.productivity] "
            "inputs/outputs to indicators the data hold to run it.",
            zh=f"数据中没有效率分析所需的创新投入与产出指标（{', '.join(absent)}；城市统计面板没有 R&D、专利和资本存量"
            "序列）：创新效率与全要素生产率从略，不以替代投入凑数。如数据中有相应指标，可在研究设定的效率分析选项中"
            "改用这些指标。",
        )
    last = int(opt["last_year"] or scope.year)
    first = int(opt["first_year"])
    years = list(range(first, last + 1))
    wide = panel.wide(inputs_ + outputs + bad, years=years).reset_index()
    wide = wide.rename(columns={"region_code": "region", "year": "period"})
    core = wide.dropna(subset=inputs_ + outputs)
    if core["period"].nunique() < 1:
        return None
    notes: list[str] = []
    tables: dict[str, pd.DataFrame] = {}
    meta: dict[str, Any] = {"first": first, "last": last}

    # 1. efficiency in the latest year: CRS (overall), VRS (pure technical), scale = CRS / VRS
    y_eff = _latest(core, last)
    cs = core[core["period"] == y_eff].sort_values("region")
    codes = [str(c) for c in cs["region"]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        x, y = cs[inputs_].to_numpy(float), cs[outputs].to_numpy(float)
        limit = opt["frame_prefilter_above"]
        crs = dea(x, y, rts="crs", units=codes, frame_prefilter_above=limit)
        vrs = dea(x, y, rts="vrs", units=codes, frame_prefilter_above=limit)
    notes.extend(str(w.message) for w in caught)
    tables["efficiency"] = efficiency_table(codes, crs, vrs, y_eff, scope.lang)
    meta.update(
        year=y_eff,
        n_units=len(codes),
        n_frontier=int((crs.efficiency >= 1 - FRONTIER_TOL).sum()),
        frontier=[c for c, a in zip(codes, crs.efficiency, strict=True) if a >= 1 - FRONTIER_TOL],
        vrs_only=[
            c
            for c, a, b in zip(codes, crs.efficiency, vrs.efficiency, strict=True)
            if b >= 1 - FRONTIER_TOL > a
        ],
    )

    # 2. Malmquist decomposition over the years
    if core["period"].nunique() >= 2:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            mq = malmquist(
                core,
                inputs=inputs_,
                outputs=outputs,
                rts=opt["malmquist_rts"],
                frame_prefilter_above=opt["frame_prefilter_above"],
                frontier=opt["malmquist_frontier"],
            )
        notes.extend(sorted({str(w.message) for w in caught}))
        tables["malmquist"] = mq.to_frame()
        tables["malmquist_by_year"] = mq.by_period()
        cum = mq.frame.groupby("region")["cum_index"].last()
        tables["cumulative"] = tidy(
            pd.DataFrame(
                {
                    "region_code": cum.index.astype(str),
                    "year": last,
                    "measure": "tfp_change_pct",
                    "value": 100.0 * (cum.to_numpy(dtype=float) - 1.0),
                }
            ),
            lang=scope.lang,
        )

    # 3. green variant: undesirable outputs (e.g. CO2), on the units and years that have them
    if bad and len(bad) == len(opt["undesirable"]):
        green = wide.dropna(subset=inputs_ + outputs + bad)
        green_years = sorted(int(p) for p in green["period"].unique())
        meta.update(
            green_years=green_years,
            green_units=int(green["region"].nunique()),
            green_left_out=sorted(set(map(str, core["region"])) - set(map(str, green["region"]))),
        )
        if green_years:
            gy = max(green_years)
            gs = green[green["period"] == gy].sort_values("region")
            gcodes = [str(c) for c in gs["region"]]
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                sbm = dea(
                    gs[inputs_].to_numpy(float),
                    gs[outputs].to_numpy(float),
                    model="sbm",
                    rts=opt["green_rts"],
                    undesirable=gs[bad].to_numpy(float),
                    units=gcodes,
                )
            meta["green_year"] = gy
            tables["green_sbm"] = tidy(
                pd.DataFrame(
                    {"region_code": gcodes, "year": gy, "measure": "green_sbm", "value": sbm.efficiency}
                ),
                lang=scope.lang,
            )
            if len(green_years) >= 2:
                with warnings.catch_warnings(record=True):
                    warnings.simplefilter("always")
                    ml = malmquist(
                        green,
                        inputs=inputs_,
                        outputs=outputs,
                        undesirable=bad,
                        rts=opt["green_rts"],
                        frontier=opt["green_frontier"],
                        frame_prefilter_above=opt["frame_prefilter_above"],
                    )
                tables["green_ml"] = ml.to_frame()
                tables["green_by_year"] = ml.by_period()
    return NodeResult("productivity", tables, meta, tuple(notes))
