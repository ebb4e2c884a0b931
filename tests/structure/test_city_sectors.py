"""City three-sector structure: LQs from the city pack agree with a hand computation from the pack's rows."""

from __future__ import annotations

import pytest

from yindi.structure import specialisation
from yindi.structure.sectors import sector_table


def test_city_sector_lq_matches_hand_computation(city_panel) -> None:  # type: ignore[no-untyped-def]
    table = sector_table(city_panel, years=[2019])
    assert "110000" in table.regions and "100000" not in table.regions
    res = specialisation(table)
    f = city_panel.frame
    y = f[(f["year"] == 2019) & f["indicator"].isin(["va_primary", "va_secondary", "va_tertiary"])]
    wide = y.pivot(index="region_code", columns="indicator", values="value").loc[list(table.regions)]
    share_sz = wide.loc["440300", "va_secondary"] / wide.loc["440300"].sum()
    share_all = wide["va_secondary"].sum() / wide.to_numpy().sum()
    cells = res.cells.set_index(["region_code", "activity"])
    assert cells.loc[("440300", "第二产业"), "lq"] == pytest.approx(share_sz / share_all, rel=1e-12)
    left = set(table.excluded["label"])
    assert len(table.regions) + len(left) == wide.shape[0] + len(left)
    assert "371200" not in table.regions  # 莱芜 has no 2019 values (merged into 济南)
