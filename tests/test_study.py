"""Study files: a round trip through TOML, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from yindi.errors import DataFormatError, ParameterError
from yindi.study import Study


def test_round_trip(tmp_path: Path) -> None:
    study = Study(
        data="/data/pack",
        year=2022,
        lang="en",
        exclude_tibet=True,
        seed=7,
        sections=("coverage", "maps"),
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


def test_none_options_are_dropped_and_tuples_kept(tmp_path: Path) -> None:
    study = Study(data="x", options={"index": {"weights": None, "dims": ("a", "b"), "k": 5}})
    back = Study.read(study.write(tmp_path / "s.toml"))
    assert back.options == {"index": {"dims": ["a", "b"], "k": 5}}


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
