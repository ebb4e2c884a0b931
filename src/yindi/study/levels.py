"""What the level of a study changes: the default key indicators, index preset and disparity indicator.

分析层级决定的默认设置：省级与市级数据所含指标不同，关键指标、指数指标体系与差异分析指标的默认值随层级而定。

A study's options hold ``"auto"`` (``()`` for the key indicators) where the choice depends on the level; the
pipeline replaces them by :data:`LEVEL_DEFAULTS` before any node runs (:func:`effective_options`), so the stored
results, the report and the study file agree: ``study.toml`` keeps ``"auto"`` and the level, which together
give the same choice again. A value the user sets is always used as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from yindi._typing import Level

#: Marker of an option whose default depends on the level.
AUTO = "auto"

#: Level → analysis → option → value used when the option is ``"auto"`` (or ``()``).
LEVEL_DEFAULTS: dict[str, dict[str, dict[str, Any]]] = {
    "province": {
        "report": {"key_indicators": ("gdp_per_capita", "rd_intensity", "tech_contract_turnover")},
        "index": {"preset": "nqpf_three_elements"},
        "disparity": {"indicator": "rd_intensity"},
    },
    # the cn-cities pack: GDP, three sectors, population, land area, FDI, real-GDP index (no S&T series)
    "city": {
        "report": {"key_indicators": ("gdp_per_capita", "tertiary_share", "gdp_index")},
        "index": {"preset": "nqpf_city"},
        "disparity": {"indicator": "gdp_per_capita"},
    },
    # no county panel of these indicators yet: the provincial choices, which a county study overrides
    "county": {
        "report": {"key_indicators": ("gdp_per_capita", "rd_intensity", "tech_contract_turnover")},
        "index": {"preset": "nqpf_three_elements"},
        "disparity": {"indicator": "rd_intensity"},
    },
}


def is_auto(value: Any) -> bool:
    """Whether an option value stands for "the level's default"."""
    return value == AUTO or (isinstance(value, tuple) and len(value) == 0)


def effective_options(options: Mapping[str, Mapping[str, Any]], level: Level) -> dict[str, dict[str, Any]]:
    """The options with every level-dependent ``"auto"`` replaced by the level's default, plus the entry
    ``index_preset`` (``{"preset": …}``): nodes that only read the preset's definitions (key indicators,
    coverage, disparity) are keyed by it, not by every index option."""
    out = {name: dict(values) for name, values in options.items()}
    for analysis, values in LEVEL_DEFAULTS[level].items():
        if analysis not in out:
            continue
        for key, value in values.items():
            if is_auto(out[analysis].get(key)):
                out[analysis][key] = value
    if "index" in out:
        out[PRESET_KEY] = {"preset": out["index"]["preset"]}
    return out


#: The entry of :func:`effective_options` that holds only the index preset.
PRESET_KEY = "index_preset"


def level_default(analysis: str, key: str, level: Level) -> Any:
    """The default of one level-dependent option."""
    return LEVEL_DEFAULTS[level][analysis][key]


def docs_line(analysis: str, key: str) -> str:
    """ "province: …; city: …" for the options documentation."""
    parts = []
    for level in ("province", "city"):
        value = LEVEL_DEFAULTS[level][analysis][key]
        shown = ", ".join(value) if isinstance(value, tuple) else str(value)
        parts.append(f"{level}: {shown}")
    return "; ".join(parts)
