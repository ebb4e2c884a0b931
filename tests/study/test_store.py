"""Stored results: a second run with the same inputs reads every node back; changing one option recomputes
exactly that node and the nodes that read it; what is read back equals what was computed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from _city_panel import PROVINCE_CHOICES, city_panel

from yindi.study import Study, run

FAST = {
    **PROVINCE_CHOICES,
    "disparity": {"bootstrap": 0, "indicator": "rd_intensity"},
    "spatial": {"permutations": 99},
    "index": {"draws": 50, "preset": "nqpf_three_elements"},
}
ALL = (
    "coverage",
    "key_indicators",
    "index",
    "typology",
    "productivity",
    "structure",
    "sectors",
    "weights",
    "disparity",
    "spatial",
    "plan",
    "coordinate",
)


@pytest.fixture(scope="module")
def cities():  # type: ignore[no-untyped-def]
    return city_panel()


@pytest.fixture
def study(tmp_path: Path) -> Study:
    return Study(
        data="<synthetic>",
        level="city",
        within="广东",
        year=2023,
        options=FAST,
        workspace=str(tmp_path / "w.duckdb"),
    )


def test_second_run_reuses_every_node(cities, study: Study) -> None:  # type: ignore[no-untyped-def]
    first = run(study, cities)
    assert set(first.computed) == set(ALL)
    assert first.reused == ()
    again = run(study, cities)
    assert again.reused == ALL and again.computed == ()
    for name in ALL:
        a, b = first.get(name), again.get(name)
        if a is None:
            assert b is None  # a stored "absent" (no CEADs file) is reused too
            continue
        assert b is not None and dict(a.meta) == dict(b.meta) and a.notes == b.notes
        assert set(a.tables) == set(b.tables)
        for t in a.tables:
            assert a.tables[t].equals(b.tables[t]), (name, t)
            assert list(a.tables[t].dtypes) == list(b.tables[t].dtypes), (name, t)


@pytest.mark.parametrize(
    ("analysis", "option", "value", "recomputed"),
    [
        ("spatial", "permutations", 199, {"spatial"}),
        ("disparity", "markov_classes", 3, {"disparity", "spatial"}),
        ("weights", "contiguity", "rook", {"weights", "disparity", "spatial"}),
        ("index", "weighting", "critic", {"index"}),
        ("typology", "gdp_rule", "strict", {"typology"}),
    ],
)
def test_changing_one_option_recomputes_only_its_node_and_dependants(  # type: ignore[no-untyped-def]
    cities, study: Study, analysis: str, option: str, value: object, recomputed: set[str]
) -> None:
    run(study, cities)
    options = {k: dict(v) for k, v in study.options.items()}
    options[analysis][option] = value
    second = run(replace(study, options=options), cities)
    assert set(second.computed) == recomputed
    assert set(second.reused) == set(ALL) - recomputed


def test_seed_recomputes_only_the_stochastic_nodes(cities, study: Study) -> None:  # type: ignore[no-untyped-def]
    run(study, cities)
    second = run(replace(study, seed=1), cities)
    # 'plan' draws its stability perturbations from the seed; 'coordinate' reads 'plan'
    assert set(second.computed) == {"index", "typology", "disparity", "spatial", "plan", "coordinate"}


def test_changed_data_recompute(cities, study: Study) -> None:  # type: ignore[no-untyped-def]
    from yindi.data.panel import make_panel

    run(study, cities, nodes=("coverage",))
    frame = cities.frame.copy()
    frame.loc[0, "value"] = frame.loc[0, "value"] + 1.0
    changed = make_panel(frame, cities.indicators, origin="<changed>")
    assert run(study, changed, nodes=("coverage",)).computed == ("coverage",)


def test_without_a_store_nothing_is_written(cities, study: Study) -> None:  # type: ignore[no-untyped-def]
    run(study, cities, nodes=("coverage",), store=False)
    assert not Path(str(study.workspace)).exists()


def test_changed_code_recomputes(cities, study: Study, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A result stored by other code (an upgrade, a fix) is not reused: the key holds the code's fingerprint."""
    import yindi.study._fingerprint as fp

    run(study, cities, nodes=("coverage",))
    assert run(study, cities, nodes=("coverage",)).reused == ("coverage",)
    monkeypatch.setattr(fp, "code_fingerprint", lambda: "0" * 64)
    assert run(study, cities, nodes=("coverage",)).computed == ("coverage",)
