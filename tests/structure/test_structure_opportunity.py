"""The opportunity view: absent activities only, feasibility × attractiveness, ranks, options."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from yindi.errors import ParameterError
from yindi.structure import complexity, national_growth, opportunities


def _data() -> pd.DataFrame:
    rng = np.random.default_rng(11)
    cap, q = rng.uniform(0, 1, 25), rng.uniform(0, 1, 12)
    rows = []
    for y in (2020, 2022):
        x = np.exp(3 * np.minimum(0, cap[:, None] - q[None, :]) + rng.normal(0, 0.5, (25, 12)))
        rows += [(y, f"r{i:02d}", f"a{j:02d}", x[i, j]) for i in range(25) for j in range(12)]
    return pd.DataFrame(rows, columns=["year", "region", "activity", "value"])


def test_only_absent_activities_ranked_by_score() -> None:
    res = complexity(_data())
    opp = opportunities(res)
    cells = res.cells[res.cells["period"] == 2022].set_index(["region", "activity"])
    assert (cells.loc[list(zip(opp["region"], opp["activity"], strict=True)), "m"] == 0).all()
    assert len(opp) == int((cells["m"] == 0).sum())
    # score = density × PCI rescaled to [0, 1] over the period's activities
    pci = res.activities[res.activities["period"] == 2022].set_index("activity")["pci"]
    scaled = (pci - pci.min()) / (pci.max() - pci.min())
    np.testing.assert_allclose(opp["score"], opp["density"] * opp["activity"].map(scaled))
    for _, g in opp.groupby("region_code"):
        assert list(g["rank"]) == list(range(1, len(g) + 1))
        assert g["score"].is_monotonic_decreasing


def test_top_cog_and_growth() -> None:
    df = _data()
    res = complexity(df)
    top = opportunities(res, top=2, attractiveness="cog")
    assert top.groupby("region_code").size().max() <= 2
    growth = national_growth(df.rename(columns={"year": "period"}))
    tot = df.groupby(["activity", "year"])["value"].sum().unstack()
    expected = (tot[2022] / tot[2020]) ** 0.5 - 1
    np.testing.assert_allclose(growth.set_index("activity")["growth"], expected.to_numpy())
    g = opportunities(res, attractiveness="growth", growth=growth, period=2020)
    assert "growth" in g.columns and set(g["period"]) == {2020}


def test_bad_options() -> None:
    res = complexity(_data())
    with pytest.raises(ParameterError, match="'attractiveness' parameter"):
        opportunities(res, attractiveness="size")
    with pytest.raises(ParameterError, match="needs growth"):
        opportunities(res, attractiveness="growth")
    with pytest.raises(ParameterError, match="period 1999"):
        opportunities(res, period=1999)
    with pytest.raises(ParameterError, match="'top'"):
        opportunities(res, top=0)
