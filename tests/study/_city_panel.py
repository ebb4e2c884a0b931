"""A seeded synthetic city-level panel: eight real city adcodes of 广东, every raw indicator the report's
analyses read, 2015–2023 (values are random, the structure is real)."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: 广州, 深圳, 珠海, 汕头, 佛山, 江门, 惠州, 东莞, 中山 (prefecture-level cities of 广东).
GUANGDONG_CITIES: tuple[str, ...] = (
    "440100",
    "440300",
    "440400",
    "440500",
    "440600",
    "440700",
    "441300",
    "441900",
    "442000",
)
YEARS = tuple(range(2015, 2024))

#: The synthetic panel holds the provinces' indicators, so a study on it names the provincial choices (a city
#: study's defaults are the city preset and key indicators, see yindi.study.levels).
PROVINCE_CHOICES: dict[str, dict[str, object]] = {
    "index": {"preset": "nqpf_three_elements"},
    "disparity": {"indicator": "rd_intensity"},
    "report": {"key_indicators": ["gdp_per_capita", "rd_intensity", "tech_contract_turnover"]},
}


def raw_indicators() -> list[str]:
    """Every panel indicator the default index preset, the typology, productivity and disparity nodes read."""
    from yindi.index import load_preset
    from yindi.productivity.options import TABLE as PROD

    preset = load_preset("nqpf_three_elements")
    ids: list[str] = []
    for ind in preset.indicators:
        ids.extend(ind.inputs if ind.numerator is not None else (ind.id,))
    ids += ["rd_intensity", "gdp_per_capita", *PROD["inputs"].default, *PROD["outputs"].default]
    return sorted(set(ids))


def city_panel(seed: int = 7):  # type: ignore[no-untyped-def]
    """The synthetic panel (a :class:`~yindi.data.Panel`)."""
    from yindi.data.panel import make_panel

    rng = np.random.default_rng(seed)
    rows = []
    for ind in raw_indicators():
        base = rng.uniform(1.0, 100.0, size=len(GUANGDONG_CITIES))
        for k, year in enumerate(YEARS):
            growth = 1.0 + 0.05 * k + rng.normal(0.0, 0.03, size=len(GUANGDONG_CITIES))
            for code, v in zip(GUANGDONG_CITIES, base * growth, strict=True):
                if ind == "rd_intensity":
                    v = 0.5 + v / 20.0  # 0.5–5.5 %: every S&T type occurs
                elif ind == "gdp_per_capita":
                    v = 40_000.0 + 1_500.0 * v
                rows.append((code, code, year, ind, float(v), "unit"))
    frame = pd.DataFrame(rows, columns=["region_code", "region", "year", "indicator", "value", "unit"])
    return make_panel(frame, origin="<synthetic cities>")
