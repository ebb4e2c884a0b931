"""The productivity models on the real provincial panel (innovation efficiency, 2018–2023).

Reference: the plain per-unit linprog LP (``yindi.productivity._reference``); tolerance 1e-8 as in
``test_productivity_dea_reference.py``.
"""

from __future__ import annotations

import numpy as np
import pytest

from yindi.productivity import dea, malmquist
from yindi.productivity._reference import radial_reference, sbm_reference

INPUTS = ["rd_personnel_fte", "rd_expenditure"]
OUTPUTS = ["invention_patents_granted", "tech_contract_turnover", "firms_new_product_sales"]
pytestmark = [pytest.mark.realdata, pytest.mark.filterwarnings("ignore::yindi.errors.MethodWarning")]


@pytest.fixture(scope="module")
def innovation(panel):  # type: ignore[no-untyped-def]
    wide = panel.mainland().wide([*INPUTS, *OUTPUTS, "co2_emissions"], years=range(2018, 2024)).reset_index()
    return wide.rename(columns={"region_code": "region", "year": "period"})


def test_innovation_efficiency_matches_plain_lp(innovation):  # type: ignore[no-untyped-def]
    cs = innovation[innovation.period == 2023]
    x, y = cs[INPUTS].to_numpy(float), cs[OUTPUTS].to_numpy(float)
    assert len(cs) == 31
    for rts in ("crs", "vrs"):
        np.testing.assert_allclose(dea(x, y, rts=rts).efficiency, radial_reference(x, y, rts=rts), atol=1e-8)


def test_dea_frame_on_panel(panel):  # type: ignore[no-untyped-def]
    from yindi.productivity import dea_frame

    res = dea_frame(panel, inputs=INPUTS, outputs=OUTPUTS, year=2023, rts="vrs")
    assert len(res.units) == 31 and "100000" not in res.units
    assert res.peers("110000")  # Beijing has at least one peer (itself if efficient)


def test_malmquist_on_real_panel(innovation):  # type: ignore[no-untyped-def]
    res = malmquist(innovation, inputs=INPUTS, outputs=OUTPUTS, rts="vrs")
    f = res.to_frame()
    assert len(f) == 31 * 5 and f["index"].notna().all()
    np.testing.assert_allclose(f["index"], f["ec"] * f["tc"], rtol=1e-12)


def test_green_variant_handles_missing_tibet_explicitly(innovation):  # type: ignore[no-untyped-def]
    cols = [*INPUTS, *OUTPUTS, "co2_emissions"]
    with pytest.raises(Exception, match="missing"):
        malmquist(innovation, inputs=INPUTS, outputs=OUTPUTS, undesirable=["co2_emissions"])
    res = malmquist(
        innovation,
        inputs=INPUTS,
        outputs=OUTPUTS,
        undesirable=["co2_emissions"],
        frontier="global",
        missing="drop",
    )
    assert "540000" in set(res.dropped["region"])  # Tibet: no CO2 in CEADs
    assert set(res.dropped["period"]) >= {2023}  # CO2 ends in 2022
    assert res.frame["index"].notna().all()
    g = innovation[(innovation.period == 2022)].dropna(subset=cols)
    eff = dea(
        g[INPUTS].to_numpy(float),
        g[OUTPUTS].to_numpy(float),
        model="sbm",
        rts="vrs",
        undesirable=g[["co2_emissions"]].to_numpy(float),
    ).efficiency
    ref = sbm_reference(
        g[INPUTS].to_numpy(float), g[OUTPUTS].to_numpy(float), g[["co2_emissions"]].to_numpy(float), rts="vrs"
    )
    np.testing.assert_allclose(eff, ref, atol=1e-8)


def test_report_section_builds(panel):  # type: ignore[no-untyped-def]
    from yindi.report.base import context
    from yindi.report.sections import productivity
    from yindi.study import Study

    ctx = context(Study(data="cn-provinces", year=2023), panel, nodes=productivity.NODES, store=False)
    sec = productivity.build(ctx)
    assert sec is not None and sec.id == "productivity"
    assert {"prod_innov_eff", "prod_malmquist", "prod_green_sbm", "prod_green_ml"} <= set(sec.tables)
    assert any("西藏" in n for n in sec.notes)
    assert any("增长核算" in n for n in sec.notes)


def test_malmquist_accepts_a_panel_without_the_national_total(panel):  # type: ignore[no-untyped-def]
    sub = panel.select(indicators=[*INPUTS, *OUTPUTS], years=[2021, 2022])
    assert "100000" in sub.region_codes
    res = malmquist(sub, inputs=INPUTS, outputs=OUTPUTS)
    assert "100000" not in set(res.frame["region"]) and len(res.frame) == 31
