"""Node 'coordinate': innovation sources and carriers (roles), each region's best partners (pairs) and the
strongest corridors, reading the plan node's capability table (its only input besides the scope).

协同：创新策源地与承载地（角色）、各地区最佳伙伴（配对，含各分项贡献）与最强协同走廊。
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

from yindi.study.result import NodeResult
from yindi.study.scope import Scope

#: Corridors drawn on the map and listed in the report.
_CORRIDORS = 10


def compute(
    scope: Scope, options: Mapping[str, Mapping[str, Any]], inputs: Mapping[str, NodeResult]
) -> NodeResult | None:
    """Tables ``roles`` (the roles output table), ``pairs`` (each source's top partners, every part's
    contribution ``c_<part>`` and the reason sentence), ``corridors`` (the strongest distinct pairs with
    centroids); meta ``year``, ``counts`` (role → regions), ``capability`` (whether the plan node's capability
    was used). Province level only (the pairing's strategic regions and distances are provincial)."""
    if scope.level != "province":
        return None
    from yindi.coordinate import pairs, roles
    from yindi.coordinate.corridors import corridors
    from yindi.errors import DataRepairWarning

    opts = dict(options["coordinate"])  # year None: the library's own rule (the latest well-covered year)
    capability = None
    plan = inputs.get("plan")
    if plan is not None and "capability" in plan.tables:
        long = plan.table("capability")
        capability = long.pivot(index="region_code", columns="industry_id", values="value")
        capability.columns = [str(c) for c in capability.columns]
    lang = scope.lang
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataRepairWarning)
        r = roles(scope.panel, options=opts, lang=lang)
        p = pairs(scope.panel, roles_result=r, capability=capability, options=opts, lang=lang)
        c = corridors(p, r, n=_CORRIDORS, lang=lang)
    role_table = r.output_table(lang)
    meta = {
        "year": int(r.year),
        "counts": {str(k): int(v) for k, v in role_table["role"].value_counts().items()},
        "capability": capability is not None,
    }
    return NodeResult(
        "coordinate",
        {"roles": role_table, "role_table": r.table, "pairs": p.output_table(lang), "corridors": c.table},
        meta,
        notes=tuple(p.notes),
    )
