"""Study files: a round trip through TOML, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from yindi.errors import DataFormatError, ParameterError, bilingual
from yindi.study import Study


def test_round_trip(tmp_path: Path) -> None:
    study = Study(
        data="/data/pack",
        year=2022,
        lang="en",
        exclude_tibet=True,
        seed=7,
        sections=("coverage", "maps"),
        level="province",
        exclude=("海南",),
        options={"index": {"weighting": "critic"}},
    )
    path = study.write(tmp_path / "s.toml")
    assert Study.read(path) == study


def test_unknown_key_and_missing_data(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('data = "x"\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(ParameterError, match="unknown key.*colour"):
        Study.read(path)
    path.write_text("year = 2020\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="'data'"):
        Study.read(path)
    path.write_text("data = \n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="not valid TOML"):
        Study.read(path)


def test_bad_language() -> None:
    with pytest.raises(ParameterError, match="'lang' parameter of Study must be one of 'zh', 'en'. Got 'fr'"):
        Study(data="x", lang="fr")  # type: ignore[arg-type]


def test_options_are_resolved_and_written_in_full(tmp_path: Path) -> None:
    study = Study(data="x", options={"productivity": {"inputs": ["a", "b"]}, "typology": {"year": 2020}})
    assert study.options["productivity"]["inputs"] == ("a", "b")
    assert study.options["index"]["weighting"] == "entropy"  # defaults filled in
    text = study.write(tmp_path / "s.toml").read_text(encoding="utf-8")
    assert 'weighting = "entropy"' in text and "draws = 2000" in text  # every option recorded
    assert "[options.typology]" in text and "year = 2020" in text
    back = Study.read(tmp_path / "s.toml")
    assert back == study and back.options["typology"]["clusters"] is None  # no value: left out of TOML


@pytest.mark.parametrize(
    ("options", "text", "zh"),
    [
        ({"index": {"weigthing": "critic"}}, "Did you mean 'weighting'", "是否想写 'weighting'"),
        ({"indx": {"weighting": "critic"}}, "Did you mean 'index'", "是否想写 'index'"),
        ({"index": {"draws": 5}}, r"must lie in \[10, 100000\]", "之间"),
        ({"index": {"weighting": "critc"}}, "Did you mean 'critic'", "是否想写 'critic'"),
        ({"spatial": {"permutations": -1}}, r"must lie in \[0, 99999\]", "之间"),
    ],
)
def test_bad_options_are_errors_with_a_suggestion(options: dict, text: str, zh: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ParameterError, match=text) as info:
        Study(data="x", options=options)
    assert zh in bilingual(info.value)


def test_misspelled_option_in_a_study_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('data = "x"\n[options.index]\nweigthing = "critic"\n', encoding="utf-8")
    with pytest.raises(ParameterError, match="Did you mean 'weighting'"):
        Study.read(path)
    path.write_text('data = "x"\nexlude = ["西藏"]\n', encoding="utf-8")
    with pytest.raises(ParameterError, match="Did you mean 'exclude'"):
        Study.read(path)


def test_unknown_section_names_the_closest() -> None:
    with pytest.raises(ParameterError, match="Did you mean 'typology'"):
        Study(data="x", sections=("typolgy",))


def test_one_seed_default() -> None:
    from yindi.study.options import DEFAULT_SEED

    assert Study(data="x").seed == DEFAULT_SEED


def test_every_option_is_documented() -> None:
    """docs/options.md is generated from the tables; it must be current (regenerate with
    `python -m yindi.study.docs > docs/options.md`)."""
    from conftest import REPO
    from yindi.study.docs import options_markdown

    assert (REPO / "docs" / "options.md").read_text(encoding="utf-8") == options_markdown()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('data = "x"\nexclude_tibet = "no"\n', "'exclude_tibet' must be bool"),
        ('data = "x"\nyear = "2023"\n', "'year' must be int or none"),
        ('data = "x"\nseed = 1.5\n', "'seed' must be int"),
        ('data = "x"\nsections = "coverage"\n', "'sections' must be a list"),
        ('data = "x"\n[options]\nindex = 3\n', "'options' must be tables"),
    ],
)
def test_wrong_types_are_errors(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(TypeError, match=message):
        Study.read(path)


def test_every_options_module_is_listed() -> None:
    """Every module that registers an option table is listed, so docs/options.md never depends on what
    happened to be imported first."""
    from conftest import REPO
    from yindi.study.options import OPTION_MODULES, OTHER_OPTION_MODULES

    listed = set(OPTION_MODULES) | set(OTHER_OPTION_MODULES)
    found = set()
    for path in (REPO / "src" / "yindi").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if ("register(" in text and "OptionTable(" in text and path.name != "options.py") or (
            path.name == "options.py" and "register(" in text and path.parent.name != "yindi"
        ):
            rel = path.relative_to(REPO / "src").with_suffix("")
            found.add(".".join(rel.parts))
    assert found <= listed, f"add to OPTION_MODULES or OTHER_OPTION_MODULES: {sorted(found - listed)}"
