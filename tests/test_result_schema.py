"""Every result type's ``to_frame()`` follows the one result schema (``yindi.schema.check_schema``).

Each result is built from small seeded data (the index and typology from the real provincial panel, which they
need for their presets). ``test_every_result_class_is_walked`` finds every class in ``src/yindi`` that defines
``to_frame`` and fails when one is not built here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from conftest import REPO
from yindi.schema import RESULT_COLUMNS, check_schema

PROVINCES = [
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000", "320000",
    "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000", "440000", "450000",
    "460000", "500000", "510000", "520000", "530000", "540000", "610000", "620000", "630000", "640000",
    "650000",
]  # fmt: skip
YEARS = [2018, 2019, 2020, 2021, 2022]


def _table(seed: int = 0) -> pd.DataFrame:
    """Region × year table of a positive indicator with a trend (31 provinces × 5 years)."""
    rng = np.random.default_rng(seed)
    base = rng.lognormal(1.0, 0.5, len(PROVINCES))
    data = {y: base * (1.05 + 0.02 * rng.standard_normal(len(PROVINCES))) ** k for k, y in enumerate(YEARS)}
    return pd.DataFrame(data, index=PROVINCES)


def _weights() -> Any:
    from yindi.spatial import contiguity

    return contiguity("province", islands="nearest")


def _activity_frame() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    rows = [
        (y, r, a, float(rng.lognormal(2, 1)))
        for y in (2020, 2021)
        for r in PROVINCES[:8]
        for a in ("c13", "c26", "c39", "c40", "c44")
    ]
    return pd.DataFrame(rows, columns=["year", "region", "activity", "value"])


def _dea_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(2)
    return rng.uniform(1, 10, (12, 2)), rng.uniform(1, 10, (12, 1))


def _malmquist_frame() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    return pd.DataFrame(
        {
            "region": np.repeat(PROVINCES[:10], 3),
            "period": np.tile([2020, 2021, 2022], 10),
            "x1": rng.uniform(1, 10, 30),
            "x2": rng.uniform(1, 10, 30),
            "y": rng.uniform(1, 10, 30),
        }
    )


def build_all(panel: Any) -> dict[str, Callable[[], Any]]:
    """Result class name → a function building one instance."""
    from yindi import disparity as d
    from yindi import spatial as s
    from yindi import structure as st
    from yindi.index import evaluate
    from yindi.productivity import dea, growth_accounting, malmquist
    from yindi.typology import cluster_regions

    t = _table()
    one = t[2022]
    return {
        "Panel": lambda: panel.select(indicators=["gdp"], years=[2022]),
        "DagumResult": lambda: d.dagum(one, "nbs4"),
        "DagumSeries": lambda: d.dagum_by_year(t, "nbs4"),
        "DensityResult": lambda: d.kernel_density(t),
        "TheilResult": lambda: d.theil(one, "nbs4"),
        "MarkovResult": lambda: d.markov(t, k=3),
        "SpatialMarkovResult": lambda: d.spatial_markov(t, _weights(), k=3),
        "SigmaResult": lambda: d.sigma_convergence(t),
        "BetaResult": lambda: d.beta_convergence(t),
        "InequalitySeries": lambda: d.inequality_by_year(t, "nbs4"),
        "GlobalResult": lambda: s.moran(one, _weights(), permutations=99, seed=1),
        "LocalMoranResult": lambda: s.local_moran(one, _weights(), permutations=99, seed=1),
        "GetisOrdResult": lambda: s.getis_ord(one, _weights(), permutations=99, seed=1),
        "Weights": _weights,
        "DEAResult": lambda: dea(*_dea_data(), rts="vrs"),
        "MalmquistResult": lambda: malmquist(_malmquist_frame(), inputs=["x1", "x2"], outputs=["y"]),
        "GrowthAccounting": lambda: growth_accounting(
            _malmquist_frame(), output="y", capital="x1", labour="x2", labour_share=0.6
        ),
        "SpecialisationResult": lambda: st.specialisation(_activity_frame()),
        "ComplexityResult": lambda: st.complexity(_activity_frame()),
        "IndexResult": lambda: evaluate(panel, years=[2022, 2023]),
        "ClusterResult": lambda: cluster_regions(panel, 2023, k=3, seed=1),
        **_layout_results(panel),
        **_subprovince_results(),
        **_text_results(),
    }


def _layout_results(panel: Any) -> dict[str, Callable[[], Any]]:
    """Plan and coordination results on the real provincial pack (evidence files beside it)."""
    from functools import cache

    from conftest import shared_data_root
    from yindi.coordinate import pairs, roles
    from yindi.coordinate.corridors import corridors
    from yindi.plan.run import compute_plan

    @cache
    def plan() -> Any:
        return compute_plan(panel, data_dir=shared_data_root() / "cn-provinces", options={"draws": 0})

    @cache
    def roles_() -> Any:
        return roles(panel)

    @cache
    def pairs_() -> Any:
        return pairs(panel, roles_result=roles_())

    return {
        "Evidence": lambda: plan().evidence,
        "Portfolio": lambda: plan().portfolio,
        "Herding": lambda: plan().herding,
        "Lists": lambda: plan().lists,
        "Modes": lambda: plan().modes,
        "RolesResult": roles_,
        "PairsResult": pairs_,
        "CorridorsResult": lambda: corridors(pairs_(), roles_()),
    }


def _subprovince_results() -> dict[str, Callable[[], Any]]:
    """Data checks on the city pack, the city layout of 苏州 on the county census, a small sensitivity grid."""
    from functools import cache

    from conftest import shared_data_root
    from yindi.data import load_pack
    from yindi.data.checks import check_panel
    from yindi.index.grid import sensitivity_grid
    from yindi.plan.city_layout import city_layout

    @cache
    def counties() -> Any:
        return load_pack(shared_data_root() / "cn-counties")

    rng = np.random.default_rng(7)
    return {
        "DataChecks": lambda: check_panel(load_pack(shared_data_root() / "cn-cities")),
        "CityLayout": lambda: city_layout(counties(), "苏州"),
        "GridResult": lambda: sensitivity_grid(
            rng.uniform(1, 10, (12, 4)), [1, 1, 1, -1], regions=PROVINCES[:12], draws=20, seed=3
        ),
    }


def _text_results() -> dict[str, Callable[[], Any]]:
    """Priorities and homogeneity of two short made-up plans (the text extra is a test dependency)."""
    from functools import cache

    from yindi.text.documents import Document
    from yindi.text.homogeneity import homogeneity
    from yindi.text.pipeline import extract_priorities

    docs = (
        Document(
            name="a",
            title="浙江规划",
            text="浙江省要培育壮大人工智能产业，前瞻布局量子科技。",
            region_code="330000",
            year=2024,
        ),
        Document(
            name="b",
            title="江苏规划",
            text="江苏省要打造集成电路产业集群，培育壮大人工智能产业。",
            region_code="320000",
            year=2024,
        ),
    )

    @cache
    def prio() -> Any:
        return extract_priorities(docs)

    return {"Priorities": prio, "Homogeneity": lambda: homogeneity(prio())}


def _classes_with_to_frame() -> set[str]:
    found = set()
    for path in (REPO / "src" / "yindi").rglob("*.py"):
        if "report" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(f, ast.FunctionDef) and f.name == "to_frame" for f in node.body
            ):
                found.add(node.name)
    return found


def test_every_result_class_is_walked(panel: Any) -> None:
    assert _classes_with_to_frame() <= set(build_all(panel)), "build the new result type in build_all()"


#: Result types whose to_frame() still has its old shape because a report section reads that shape; they move
#: to the schema when the pipeline (issue 9) rewrites the sections.
PENDING: dict[str, str] = {}


def test_local_moran_schema_frame(panel: Any) -> None:
    frame = build_all(panel)["LocalMoranResult"]().to_frame()
    check_schema(frame)
    assert set(frame["measure"]) == {"local_moran", "z", "lag", "p_sim", "p_adjusted"}


def _names() -> list[str]:
    """The keys of build_all's dict, read from this file (parametrisation happens before fixtures exist)."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in {
            "build_all",
            "_layout_results",
            "_text_results",
        }:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Dict):
                    names += [
                        k.value for k in sub.keys if isinstance(k, ast.Constant) and k.value[0].isupper()
                    ]
    return names


@pytest.mark.filterwarnings("ignore::yindi.errors.YindiWarning")
@pytest.mark.parametrize("name", _names())
def test_to_frame_follows_the_schema(name: str, panel: Any) -> None:
    if name in PENDING:
        pytest.xfail(PENDING[name])
    result = build_all(panel)[name]()
    frame = result.to_frame()
    check_schema(frame)
    assert len(frame) > 0
    assert frame["region_code"].map(lambda c: isinstance(c, str) and c != "").all()
    assert frame["measure"].map(lambda m: isinstance(m, str) and m != "").all()
    assert frame["level"].isin(["province", "city", "county", "nation", "unknown"]).all()
    # region names sit next to codes: known codes get their registry name, never the code itself
    known = frame[frame["level"] != "unknown"]
    assert (known["region"] != known["region_code"]).all()
    assert tuple(frame.columns[: len(RESULT_COLUMNS)]) == RESULT_COLUMNS
