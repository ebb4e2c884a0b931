"""Node 'structure': manufacturing tiers, location quotients, structural similarity, complexity and
opportunities, from the CEADs electricity-by-sector file of the data pack.

产业结构：制造业四档份额、区位商、结构相似度、经济复杂度与潜在机会（CEADs 分行业用电量）。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def data_file(scope: Scope, name: str) -> Path | None:
    """The side file ``name`` of the data pack folder, if the data are a folder holding it."""
    path = Path(str(scope.data)) / name
    return path if path.is_file() else None


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``tiers`` (tier shares, every period), ``lq`` (cells of the shown year), ``similarity`` (the
    shown year's region × region matrix, ordered by mean similarity), ``homogeneity`` (top-3 peers),
    ``eci`` and ``pci`` (every period), ``opportunities``, ``excluded`` (rows left out);
    meta ``year``, ``periods``, ``n_regions``, ``n_activities``, ``lq_rows``/``lq_cols`` (matrix order),
    ``excluded_totals``, ``households``, ``zero_sectors``, ``zero_regions``, ``static`` (regions whose shares
    never change)."""
    opt = options["structure"]
    path = data_file(scope, opt["file"])
    if path is None:
        return None
    from yindi.structure import (
        complexity,
        national_growth,
        opportunities,
        read_sector_electricity,
        specialisation,
        tier_shares,
    )

    mins = {"min_region_total": opt["min_region_total"], "min_activity_total": opt["min_activity_total"]}
    with warnings.catch_warnings():  # every exclusion is reported in the meta below
        warnings.simplefilter("ignore")
        t = read_sector_electricity(path, households=opt["households"])
        keep = [i for i, c in enumerate(t.regions) if c in set(scope.codes)]  # the analysis set only
        if not keep:
            return None
        if len(keep) < len(t.regions):
            t = replace(t, regions=tuple(t.regions[i] for i in keep), values=t.values[:, keep, :].copy())
        spec = specialisation(t, empty=opt["empty"], lq_threshold=opt["lq_threshold"], **mins)
        cx = complexity(t, empty=opt["empty"], rca_threshold=opt["rca_threshold"], **mins)
    year = max((p for p in t.periods if p <= scope.year), default=t.periods[-1])
    tiers = tier_shares(t)
    k = spec.periods.index(year)
    pm = spec.matrices[k]
    cells = spec.cells[spec.cells["period"] == year]
    sim = spec.similarity(year)
    order = sim.mean(axis=1).sort_values(ascending=False).index
    sim = sim.loc[order, order]
    sim.columns = [str(c) for c in sim.columns]
    hom = spec.homogeneity(year, top=3)
    growth = national_growth(t.frame) if len(t.periods) > 1 else None
    opp = opportunities(
        cx, period=year, growth=growth, top=opt["top_opportunities"], attractiveness=opt["attractiveness"]
    )
    read_out = set(t.excluded["label"])
    static = sorted(
        str(c)
        for c, g in tiers.groupby("region_code")
        if len(t.periods) > 1 and float(g["change"].abs().max()) < 1e-9
    )
    excluded = t.excluded.copy()
    excluded["period"] = np.nan
    excluded = pd.concat([excluded, cx.dropped], ignore_index=True)
    tables = {
        "tiers": tiers,
        "lq": cells,
        "similarity": sim.reset_index(),
        "homogeneity": hom,
        "eci": cx.regions,
        "pci": cx.activities,
        "opportunities": opp,
        "excluded": excluded,
    }
    meta = {
        "year": int(year),
        "periods": [int(p) for p in t.periods],
        "n_regions": len(t.regions),
        "n_activities": len(t.activities),
        "lq_rows": [str(spec.region_codes[i]) for i in pm.rows],
        "lq_cols": [str(spec.activity_labels[j]) for j in pm.cols],
        "excluded_totals": sorted(read_out - {"Urban", "Rural"}),
        "households": sorted(read_out & {"Urban", "Rural"}),
        "zero_sectors": sorted(set(cx.dropped.loc[cx.dropped["kind"] == "activity", "label"])),
        "zero_regions": sorted(set(cx.dropped.loc[cx.dropped["kind"] == "region", "label"])),
        "static": static,
    }
    return NodeResult("structure", tables, meta)
