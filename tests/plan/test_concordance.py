"""Concordances are complete against the real source files and point at taxonomy ids."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import shared_data_root
from yindi.plan.concordance import ceads_concordance, census_concordance, firm_concordance, links
from yindi.plan.taxonomy import load_taxonomy
from yindi.structure.concordance import ceads_concordance as structure_ceads


def test_ceads_covers_every_sector_and_every_traditional_industry() -> None:
    ours = ceads_concordance()
    assert list(ours["sector"]) == list(structure_ceads()["sector"])
    covered = set(links("ceads")["industry_id"])
    assert covered == set(load_taxonomy().tier_ids("traditional"))
    # Rubber and Plastic products both feed division 29 (summed)
    assert (links("ceads")["industry_id"] == "gbt29").sum() == 2


def test_firm_labels_complete_against_the_real_file() -> None:
    path = shared_data_root() / "cn-firms" / "listed_firms.csv"
    if not path.exists():
        pytest.skip("cn-firms pack not found")
    firms = pd.read_csv(path, dtype=str, keep_default_na=False)
    labels = set(firms.loc[firms["industry"] != "", "industry"])
    conc = firm_concordance()
    assert labels == set(conc["label"]), labels ^ set(conc["label"])
    unmapped = conc[conc["status"] == "unmapped"]
    assert (unmapped["note"] != "").all() and (unmapped["industry_ids"] == "").all()
    # a hand check: semiconductors go to the chip industry first
    assert conc.set_index("label").loc["半导体", "industry_ids"].split(";")[0] == "sei_ic"


def test_census_sections_complete() -> None:
    conc = census_concordance()
    assert len(conc) == 20 and list(conc["section"]) == [chr(c) for c in range(ord("A"), ord("U"))]
    path = shared_data_root() / "cn-counties" / "indicators.csv"
    if path.exists():
        ind = pd.read_csv(path, dtype=str)
        sections = {i for i in ind["indicator"] if i.startswith("emp_sample_") and i != "emp_sample_total"}
        assert sections == set(conc["indicator"])
