"""Synthetic pipeline results for the API, dashboard and per-region report tests (seeded; table layouts as the
pipeline's nodes write them, including the lay-out and coordination nodes' tables)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from yindi.data.panel import Indicator, make_panel
from yindi.regions import registry
from yindi.study.result import NodeResult, StudyResults

YEAR = 2023
INDICATORS = {
    "rd_intensity": ("研发投入强度", "R&D intensity", "%"),
    "gdp": ("地区生产总值", "GDP", "亿元"),
    "patents": ("发明专利授权量", "Invention patents granted", "件"),
    "broadband": ("宽带接入用户", "Broadband subscribers", "万户"),
}
DIMS = ("劳动者", "劳动资料", "劳动对象")
INDUSTRIES = (
    ("C26", "化学原料和化学制品制造业", "traditional"),
    ("E01", "新一代信息技术", "emerging"),
    ("E05", "新能源", "emerging"),
    ("F02", "量子信息", "future"),
    ("F05", "人形机器人", "future"),
)
DECISIONS = ("upgrade", "grow", "preposition", "apply", "avoid")
ZH = {
    "upgrade": "改造提升",
    "grow": "培育壮大",
    "preposition": "前瞻布局",
    "apply": "场景应用",
    "avoid": "暂不布局",
}


def codes() -> tuple[str, ...]:
    return tuple(r.adcode for r in registry().provinces())


def _names(cs: tuple[str, ...]) -> list[str]:
    return [registry().get(c).short_zh for c in cs]


def evaluation_nodes(seed: int = 7) -> dict[str, NodeResult]:
    rng = np.random.default_rng(seed)
    cs = codes()
    n = len(cs)
    names = _names(cs)
    score = rng.uniform(0.1, 0.9, n)
    rank = (-score).argsort().argsort() + 1
    ranking = pd.DataFrame({"region_code": cs, "region": names, "rank": rank, "score": score})
    for d in DIMS:
        ranking[d] = rng.uniform(0, 0.3, n)
    ranking = ranking.sort_values("rank").reset_index(drop=True)
    low = np.maximum(1, rank - rng.integers(0, 3, n))
    high = np.minimum(n, rank + rng.integers(0, 3, n))
    intervals = pd.DataFrame(
        {
            "region_code": cs,
            "region": names,
            "year": YEAR,
            "rank": rank,
            "rank_low": low,
            "rank_median": rank.astype(float),
            "rank_high": high,
            "top5_share": rng.uniform(0, 1, n),
        }
    )
    inds = tuple(INDICATORS)
    obstacles = pd.DataFrame(
        [
            (c, nm, YEAR, DIMS[k % 3], ind, float(rng.uniform(0, 30)))
            for c, nm in zip(cs, names, strict=True)
            for k, ind in enumerate(inds)
        ],
        columns=["region_code", "region", "year", "dimension", "indicator", "obstacle"],
    )
    index = NodeResult(
        "index",
        {"ranking": ranking, "intervals": intervals, "obstacles": obstacles},
        {"year": YEAR, "n_regions": n, "dimensions": list(DIMS)},
    )
    types = pd.DataFrame(
        {
            "region_code": cs,
            "region": names,
            "year": YEAR,
            "rd_intensity": rng.uniform(0.5, 6, n),
            "gdp_per_capita": rng.uniform(4e4, 2e5, n),
            "type": rng.choice(["I", "II", "III", "IV"], n),
            "rule": "",
            "note": "",
        }
    )
    typology = NodeResult("typology", {"types": types}, {"year": YEAR})
    eff = pd.DataFrame(
        [
            (c, nm, "province", YEAR, m, float(rng.uniform(0.4, 1)))
            for c, nm in zip(cs, names, strict=True)
            for m in ("te_crs", "pte_vrs", "scale")
        ],
        columns=["region_code", "region", "level", "year", "measure", "value"],
    )
    eff["year"] = eff["year"].astype("Int64")
    productivity = NodeResult("productivity", {"efficiency": eff}, {"year": YEAR})
    return {"index": index, "typology": typology, "productivity": productivity}


def plan_node(seed: int = 7) -> NodeResult:
    rng = np.random.default_rng(seed + 1)
    cs = codes()
    rows = []
    for c, nm in zip(cs, _names(cs), strict=True):
        for k, (iid, iname, tier) in enumerate(INDUSTRIES):
            d = DECISIONS[(int(c[:2]) + k) % len(DECISIONS)]
            rows.append(
                (
                    c,
                    nm,
                    tier,
                    iid,
                    iname,
                    d,
                    float(rng.uniform(0, 1)),
                    f"reason_{iid}",
                    f"{nm}{iname}：{ZH[d]}",
                )
            )
    portfolio = pd.DataFrame(
        rows,
        columns=[
            "region_code",
            "region",
            "tier",
            "industry_id",
            "industry",
            "decision",
            "score",
            "reasons",
            "sentence",
        ],
    )
    dont = portfolio[portfolio["decision"] == "avoid"].assign(list="dont", rank=1)
    do = portfolio[portfolio["decision"] != "avoid"].assign(list="do", rank=1)
    lists = pd.concat([do, dont], ignore_index=True)
    herding = pd.DataFrame(
        {
            "industry_id": [i for i, _, _ in INDUSTRIES],
            "industry": [n for _, n, _ in INDUSTRIES],
            "tier": [t for _, _, t in INDUSTRIES],
            "targets": [25, 20, 8, 22, 3],
            "capable": [10, 12, 8, 4, 3],
            "ratio": [2.5, 1.67, 1.0, 5.5, 1.0],
            "level": ["high", "watch", "none", "high", "none"],
        }
    )
    modes = pd.DataFrame({"region_code": cs, "region": _names(cs), "driver": "technology", "tfp_share": 0.5})
    return NodeResult("plan", {"portfolio": portfolio, "lists": lists, "herding": herding, "modes": modes})


def coordinate_node(seed: int = 7) -> NodeResult:
    cs = codes()
    names = dict(zip(cs, _names(cs), strict=True))
    roles = pd.DataFrame(
        {
            "region_code": cs,
            "region": [names[c] for c in cs],
            "role": ["source" if i % 3 == 0 else "carrier" for i in range(len(cs))],
            "reason_zh": "知识创造强",
            "reason_en": "strong knowledge creation",
        }
    )
    src = [c for i, c in enumerate(cs) if i % 3 == 0]
    car = [c for i, c in enumerate(cs) if i % 3 != 0]
    rows = [
        (
            s,
            names[s],
            k,
            names[k],
            "E01",
            "新一代信息技术",
            0.9 - 0.01 * j,
            "fit",
            "产业互补、距离近",
            "complementary, close",
        )
        for j, (s, k) in enumerate(zip(src * 2, car, strict=False))
    ]
    pairs = pd.DataFrame(
        rows,
        columns=[
            "source_code",
            "source",
            "carrier_code",
            "carrier",
            "industry_id",
            "industry",
            "score",
            "reasons",
            "reason_zh",
            "reason_en",
        ],
    )
    return NodeResult("coordinate", {"roles": roles, "pairs": pairs})


def results(*, with_plan: bool = True, seed: int = 7) -> StudyResults:
    nodes: dict[str, NodeResult | None] = dict(evaluation_nodes(seed))
    failures: dict[str, str] = {}
    if with_plan:
        nodes["plan"] = plan_node(seed)
        nodes["coordinate"] = coordinate_node(seed)
    nodes["structure"] = None
    failures["structure"] = "没有行业用电数据"
    return StudyResults(
        results=nodes,
        failures=failures,
        reused=(),
        computed=tuple(nodes),
        year=YEAR,
        codes=codes(),
        covered=codes(),
        digest="0" * 64,
    )


def panel(seed: int = 7):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed + 2)
    cs = codes()
    rows = [
        (c, nm, y, ind, float(rng.uniform(1, 100)), unit)
        for c, nm in zip(cs, _names(cs), strict=True)
        for y in (2022, YEAR)
        for ind, (_, _, unit) in INDICATORS.items()
    ]
    frame = pd.DataFrame(rows, columns=["region_code", "region", "year", "indicator", "value", "unit"])
    meta = {i: Indicator(i, zh, en, unit) for i, (zh, en, unit) in INDICATORS.items()}
    return make_panel(frame, meta)
