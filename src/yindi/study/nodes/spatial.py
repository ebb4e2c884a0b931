"""Node 'spatial': global Moran's I per year and local Moran (LISA) clusters of the disparity indicator.

空间自相关：各年全局莫兰指数与报告年份的局部莫兰（LISA）集聚。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import pandas as pd

from yindi.errors import MethodWarning
from yindi.study.result import NodeResult
from yindi.study.scope import Scope


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult:
    """Tables ``moran`` (``year, n, moran_I, z_norm, p_norm, p_sim``; each year on the ``n`` units with a value,
    years with at least three) and
    ``lisa`` (LISA of the disparity year, with region names); meta ``year``, ``permutations``, ``attached``
    (island → nearest unit links among the units analysed) and ``islands`` (units left without neighbours)."""
    from yindi.spatial import local_moran, moran
    from yindi.spatial.local import QUADRANT_LABELS
    from yindi.study.nodes.weights import weights_of

    opt = options["spatial"]
    disparity = inputs["disparity"]
    values = disparity.tables["values"]
    table = values.pivot(index="region_code", columns="year", values="value")
    codes = [str(c) for c in table.index]
    full = weights_of(inputs["weights"])
    perms = opt["permutations"]
    year = int(disparity.meta["year"])
    rows = []
    lag_islands: dict[int, list[str]] = {}  # units whose neighbours all lack a value that year (lag 0)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always", MethodWarning)
        for y in table.columns:
            col = table[y].dropna()  # unbalanced city panels: the units with a value that year (n is shown)
            if len(col) < 3:
                continue
            wy = full.subset([str(c) for c in col.index])
            if wy.islands:
                lag_islands[int(y)] = [c for c in wy.islands if c not in set(full.islands)]
            m = moran(col, wy, permutations=perms, seed=scope.seed)
            rows.append(
                {
                    "year": int(y),
                    "n": len(col),
                    "moran_I": m.I,
                    "z_norm": m.z_norm,
                    "p_norm": m.p_norm,
                    "p_sim": m.p_sim,
                }
            )
        now = table[year].dropna()
        lisa = local_moran(
            now,
            full.subset([str(c) for c in now.index]),
            permutations=perms,
            seed=scope.seed,
            alpha=opt["alpha"],
            adjust=opt["adjust"],
        )
    # the islands warning is said below in the study's language; other method warnings are kept as given
    notes = tuple(sorted({str(x.message) for x in seen if "no neighbours (islands)" not in str(x.message)}))
    now_islands = lag_islands.get(year, [])
    if any(lag_islands.values()):
        affected = sorted(y for y, c in lag_islands.items() if c)
        names = scope.tr("、", ", ").join(scope.region_name(c) for c in now_islands) or scope.tr("无", "none")
        notes = (
            scope.tr(
                f"非平衡面板：某年邻居都没有数值的{scope.unit_word}在该年没有邻居，空间滞后取 0（共 "
                f"{len(affected)} 个年份）；{year} 年：{names}。",
                f"Unbalanced panel: {scope.unit_word} whose neighbours all lack a value in a year have no "
                f"neighbour that year and a spatial lag of 0 ({len(affected)} years); {year}: {names}.",
            ),
            *notes,
        )
    ids = [str(c) for c in lisa.ids]
    lf = pd.DataFrame(
        {
            "region_code": ids,
            "region": [scope.region_name(c) for c in ids],
            "I": lisa.Is,
            "z": lisa.z,
            "lag": lisa.lag,
            "quadrant": [QUADRANT_LABELS[int(q)] for q in lisa.q],
            "p_sim": lisa.p_sim,
            "p_adjusted": lisa.p_adjusted,
            "cluster": [str(lisa.clusters[c]) for c in ids],
        }
    )
    return NodeResult(
        "spatial",
        {"moran": pd.DataFrame(rows), "lisa": lf},
        {
            "year": year,
            "permutations": perms,
            "attached": [p for p in inputs["weights"].meta["attached"] if p[0] in set(codes)],
            "islands": [c for c in inputs["weights"].meta["islands"] if c in set(codes)],
            "lag_islands": {str(y): c for y, c in lag_islands.items() if c},
        },
        notes,
    )
