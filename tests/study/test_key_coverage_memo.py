"""key_coverage answers a repeated question from memory: the same table as computed afresh, never another
panel's, indicators' or preset's."""

from __future__ import annotations

import pandas as pd

from yindi.index.presets import load_preset
from yindi.study import derived

KEYS = ["gdp_per_capita", "rd_intensity", "urbanization_rate"]


def test_repeated_answer_is_the_fresh_one(panel) -> None:  # type: ignore[no-untyped-def]
    preset = load_preset()
    derived._LAST.clear()
    fresh = derived.key_coverage(panel, KEYS, preset)
    again = derived.key_coverage(panel, KEYS, load_preset())  # an equal preset, parsed again
    pd.testing.assert_frame_equal(again, fresh, check_exact=True)
    again.loc[0, "complete"] = -1  # a caller's change does not reach the memory
    pd.testing.assert_frame_equal(derived.key_coverage(panel, KEYS, preset), fresh, check_exact=True)
    pd.testing.assert_frame_equal(fresh, derived._key_coverage(panel, KEYS, preset), check_exact=True)


def test_other_questions_are_computed(panel) -> None:  # type: ignore[no-untyped-def]
    preset = load_preset()
    derived.key_coverage(panel, KEYS, preset)
    sub = panel.select(regions=panel.region_codes[:5])
    pd.testing.assert_frame_equal(
        derived.key_coverage(sub, KEYS, preset), derived._key_coverage(sub, KEYS, preset), check_exact=True
    )
    pd.testing.assert_frame_equal(
        derived.key_coverage(panel, KEYS[:1], preset),
        derived._key_coverage(panel, KEYS[:1], preset),
        check_exact=True,
    )
    pd.testing.assert_frame_equal(
        derived.key_coverage(panel, KEYS, None), derived._key_coverage(panel, KEYS, None), check_exact=True
    )
