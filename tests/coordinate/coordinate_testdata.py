"""Hand-built panels for the coordination tests (synthetic values on real province codes)."""

from __future__ import annotations

import pandas as pd

from yindi.coordinate.axes import ABSORPTION, CREATION, needed_indicators

#: Four provinces: a research region (北京), a manufacturing region (河北), a western energy region (内蒙古) and a
#: small remote one (青海). Sizes are chosen so the roles are obvious by construction.
HAND_CODES = ("110000", "130000", "150000", "630000")


def hand_values() -> dict[str, dict[str, float]]:
    """indicator → region → value (2023); each creation size is 10× larger in 北京 than elsewhere."""
    research = {"110000": 1000.0, "130000": 100.0, "150000": 30.0, "630000": 10.0}
    production = {"110000": 100.0, "130000": 1000.0, "150000": 600.0, "630000": 50.0}
    out: dict[str, dict[str, float]] = {}
    for ind in needed_indicators(CREATION):
        out[ind] = dict(research)
    for ind in needed_indicators(ABSORPTION):
        out[ind] = dict(production)
    out["disposable_income_per_capita"] = {
        "110000": 80000.0,
        "130000": 33000.0,
        "150000": 38000.0,
        "630000": 28000.0,
    }
    out["population"] = {"110000": 2000.0, "130000": 7000.0, "150000": 2400.0, "630000": 600.0}
    out["tech_contract_turnover"] = {"110000": 8e7, "130000": 1e7, "150000": 1e6, "630000": 2e5}
    out["tech_contract_inflow"] = {"110000": 5e7, "130000": 2e7, "150000": 6e6, "630000": 2e6}
    return out


def make_hand_panel(
    values: dict[str, dict[str, float]] | None = None, years: tuple[int, ...] = (2021, 2022, 2023)
):
    from yindi.data.panel import make_panel

    vals = hand_values() if values is None else values
    rows = []
    for k, year in enumerate(years):
        growth = 1.0 + 0.1 * k  # every series grows 10 % a year (so net-flow trends are known)
        for ind, by_region in vals.items():
            for code, v in by_region.items():
                rows.append((code, code, year, ind, v * growth, "u"))
    frame = pd.DataFrame(rows, columns=["region_code", "region", "year", "indicator", "value", "unit"])
    return make_panel(frame)


def random_pair_inputs(rng, n: int, m: int = 0, *, missing: float = 0.1, industry: bool = False):  # type: ignore[no-untyped-def]
    """Seeded random inputs of the pair kernel (China-like centroids; m industries when m > 0)."""
    import numpy as np

    from yindi.coordinate._pair_kernel import PairInputs

    cap = None
    base = None
    if m:
        cap = rng.uniform(size=(n, m))
        cap[rng.uniform(size=cap.shape) < missing] = np.nan
    if industry:
        base = rng.uniform(size=n)
        base[rng.uniform(size=n) < missing] = np.nan
    return PairInputs(
        creation=rng.uniform(size=n),
        absorption=rng.uniform(size=n),
        endowment=rng.uniform(size=n),
        lonlat=np.column_stack([rng.uniform(75, 130, n), rng.uniform(20, 50, n)]),
        strategic=rng.integers(0, 64, n).astype(np.uint64),
        source_ok=rng.uniform(size=n) < 0.7,
        carrier_ok=rng.uniform(size=n) < 0.8,
        base=base,
        capability=cap,
    )
