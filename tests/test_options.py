"""The options table: validation with suggestions (the one format for study files, CLI and API)."""

from __future__ import annotations

import pytest

from yindi.errors import ParameterError, ParameterTypeError, bilingual
from yindi.options import Option, OptionTable

T = OptionTable(
    "demo",
    "示例",
    "Demo",
    (
        Option("weighting", "entropy", "赋权方法", "Weighting", choices=("entropy", "critic")),
        Option("draws", 1000, "抽样次数", "Draws", low=0, high=10_000),
        Option("share", 0.5, "比例", "Share", low=0.0, high=1.0),
        Option("exclude", (), "排除的地区", "Regions to exclude"),
        Option("robust", False, "稳健", "Robust"),
    ),
)


def test_defaults_filled_and_values_converted() -> None:
    got = T.resolve({"draws": "5", "share": 1, "exclude": "西藏, 海南", "robust": "true"})
    assert got == {
        "weighting": "entropy",
        "draws": 5,
        "share": 1.0,
        "exclude": ("西藏", "海南"),
        "robust": True,
    }


def test_misspelled_key_names_the_closest() -> None:
    with pytest.raises(ParameterError, match="Did you mean 'weighting'") as info:
        T.resolve({"weigthing": "critic"})
    assert "是否想写 'weighting'" in bilingual(info.value)


@pytest.mark.parametrize(
    ("given", "err", "text"),
    [
        ({"weighting": "critc"}, ParameterError, "Did you mean 'critic'"),
        ({"draws": -1}, ParameterError, r"must lie in \[0, 10000\]"),
        ({"draws": 1.5}, ParameterTypeError, "must be an integer"),
        ({"share": "half"}, ParameterTypeError, "must be a number"),
        ({"robust": "maybe"}, ParameterTypeError, "true or false"),
        ({"draws": True}, ParameterTypeError, "must be an integer"),
    ],
)
def test_bad_values_are_clear_errors(given: dict[str, object], err: type[Exception], text: str) -> None:
    with pytest.raises(err, match=text):
        T.resolve(given)


def test_bilingual_falls_back_to_a_chinese_lead_in() -> None:
    msg = bilingual(ParameterError("plain English"))
    zh, en = msg.splitlines()
    assert en == "plain English"
    assert zh.startswith("参数取值无效")
