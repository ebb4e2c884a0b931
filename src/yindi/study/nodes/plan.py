"""Node 'plan': the lay-out layer (布局) — evidence, portfolio, do/don't lists, herding, similarity of target
lists and development modes, from the scope's panel and the evidence side files of the data pack.

布局：证据、产业布局组合、“有所为有所不为”清单、一哄而上预警、目标清单相似度与发展模式。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def side_files(data: str) -> dict[str, Path | None]:
    """The evidence files of :func:`yindi.plan.evidence.evidence_paths` that exist (``None`` where missing)."""
    from yindi.plan.evidence import evidence_paths

    root = Path(str(data))
    if not root.is_dir():
        return {"electricity": None, "firms": None, "census": None}
    return {k: (p if p.exists() else None) for k, p in evidence_paths(root).items()}


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``evidence`` (result schema), ``capability`` (``region_code, industry_id, value``), ``portfolio``,
    ``lists``, ``herding``, ``similarity`` (region pairs), ``modes`` (per recommended industry),
    ``mode_regions``, ``missing`` (evidence reported missing); meta ``year``, ``counts`` (decision → cells), ``regions_by_decision`` (decision → regions with at least one such cell),
    ``sources`` (which side files were found), ``n_regions``, ``n_industries``. Province level only."""
    if scope.level != "province":
        return None
    from yindi.errors import DataRepairWarning
    from yindi.plan.run import compute_plan

    files = side_files(scope.data)
    lang = scope.lang
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)  # exclusions are in the evidence's notes
        res = compute_plan(
            scope.panel,
            electricity=files["electricity"],  # None = reported as missing evidence
            firms=files["firms"],
            census=files["census"],
            year=scope.year,
            options={**options["plan"], "seed": scope.seed},  # the study's seed drives the stability draws
            lang=lang,
        )
    ev, pf = res.evidence, res.portfolio
    cap = pd.DataFrame(
        {
            "region_code": np.repeat(np.asarray(ev.regions, dtype=object), len(ev.industries)),
            "industry_id": np.tile(np.asarray(ev.industries, dtype=object), len(ev.regions)),
            "value": ev.capability.to_numpy(dtype=np.float64).ravel(),
        }
    )
    portfolio = pf.table(lang)
    counts = portfolio["decision"].value_counts()
    herd = res.herding.table(lang)
    tables = {
        "evidence": ev.to_frame(lang),
        "capability": cap,
        "portfolio": portfolio,
        "lists": res.lists.frame,
        "herding": herd,
        "similarity": res.herding.pairs(lang),
        "modes": res.modes.industries,
        "mode_regions": res.modes.regions,
        "missing": ev.missing.astype(str),
    }
    meta = {
        "year": None if ev.year is None else int(ev.year),
        "counts": {str(k): int(v) for k, v in counts.items()},
        "regions_by_decision": {
            str(k): int(v) for k, v in portfolio.groupby("decision")["region_code"].nunique().items()
        },
        "sources": {k: v is not None for k, v in files.items()},
        "n_regions": len(ev.regions),
        "n_industries": len(ev.industries),
        "herding_origin": res.herding.origin,
    }
    return NodeResult("plan", tables, meta, notes=res.notes(lang))
