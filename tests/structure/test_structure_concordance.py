"""Source 003 note ① tiers and the CEADs → GB/T 4754-2017 concordance, as shipped data."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from yindi.errors import DataValidationError
from yindi.structure import (
    ELECTRICITY_PROXY_NOTE,
    ceads_concordance,
    manufacturing_tiers,
    read_activity_table,
    read_sector_electricity,
    tier_shares,
)

# Transcribed from source 003 (李国平、冯雨雪), note ①, division names of GB/T 4754-2017:
NOTE_1 = {
    "primary": "煤炭开采和洗选业 石油和天然气开采业 黑色金属矿采选业 有色金属矿采选业 非金属矿采选业 开采专业及辅助性活动 "
    "其他采矿业 电力、热力生产和供应业 燃气生产和供应业 水的生产和供应业",
    "low": "农副食品加工业 食品制造业 酒、饮料和精制茶制造业 烟草制品业 纺织业 纺织服装、服饰业 皮革、毛皮、羽毛及其制品和制鞋业 "
    "木材加工和木、竹、藤、棕、草制品业 家具制造业 造纸和纸制品业 印刷和记录媒介复制业 文教、工美、体育和娱乐用品制造业 "
    "石油、煤炭及其他燃料加工业",
    "mid": "橡胶和塑料制品业 非金属矿物制品业 黑色金属冶炼和压延加工业 有色金属冶炼和压延加工业 金属制品业 "
    "铁路、船舶、航空航天和其他运输设备制造业 其他制造业 废弃资源综合利用业 金属制品、机械和设备修理业",
    "high": "化学原料和化学制品制造业 医药制造业 化学纤维制造业 通用设备制造业 专用设备制造业 汽车制造业 电气机械和器材制造业 "
    "计算机、通信和其他电子设备制造业 仪器仪表制造业",
}


def test_tiers_are_note_1_exactly() -> None:
    t = manufacturing_tiers()
    for tier, names in NOTE_1.items():
        assert sorted(t.loc[t["tier"] == tier, "name_zh"]) == sorted(names.split()), tier
    # every division 06–46 exactly once
    assert sorted(t["division"]) == [f"{d:02d}" for d in range(6, 47)]


def test_concordance_structure() -> None:
    c = ceads_concordance()
    assert len(c) == 48 and c["sector"].is_unique
    assert set(c["kind"]) == {"industry", "aggregate", "household"}
    covered = {d for ds in c["divisions"] for d in ds.split(";") if d}
    # every division of mining, manufacturing and utilities is covered
    assert {f"{d:02d}" for d in range(6, 47)} <= covered
    tiers = dict(zip(c["sector"], c["tier"], strict=True))
    assert tiers["Transportation Equipment"] == "mixed"  # 36 high + 37 mid in one CEADs sector
    assert tiers["Ordinary Machinery"] == "high" and tiers["Textile Industry"] == "low"
    assert tiers["Coal Mining and Dressing"] == "primary" and tiers["Metal Products"] == "mid"
    assert tiers["Construction"] == ""


def test_tier_shares_on_division_codes() -> None:
    rows = [
        (r, 2020 + k, d, v * (1 + k))
        for r in ("北京", "河北")
        for k in range(2)
        for d, v in (("06", 1.0), ("13", 2.0), ("31", 3.0), ("39", 4.0), ("70", 10.0))
    ]
    df = pd.DataFrame(rows, columns=["region", "year", "activity", "value"])
    df.loc[(df["region"] == "河北") & (df["year"] == 2021) & (df["activity"] == "39"), "value"] = 0.0
    t = read_activity_table(df)
    s = tier_shares(t)
    bj = s[(s["region"] == "北京") & (s["period"] == 2020)].set_index("tier")["share"]
    np.testing.assert_allclose(
        bj[["primary", "low", "mid", "high"]], [0.1, 0.2, 0.3, 0.4]
    )  # 70 (real estate) is out
    hb = s[(s["region"] == "河北") & (s["period"] == 2021)].set_index("tier")
    assert hb.loc["high", "share"] == 0.0
    assert hb.loc["high", "change"] == pytest.approx(-0.4)
    assert hb.loc["mid", "share"] == pytest.approx(6 / 12)
    sums = s.groupby(["period", "region_code"])["share"].sum()
    np.testing.assert_allclose(sums, 1.0)


def test_tier_shares_needs_tiered_activities() -> None:
    df = pd.DataFrame({"region": ["北京", "河北"], "year": 2020, "activity": "x", "value": [1.0, 2.0]})
    with pytest.raises(DataValidationError, match="06–46"):
        tier_shares(read_activity_table(df))


@pytest.mark.realdata
def test_real_sector_electricity(provinces_dir) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_sector_electricity(provinces_dir)
    assert any("Total Final Consumption" in str(w.message) for w in caught)
    assert len(t.regions) == 30 and len(t.activities) == 45 and t.periods == tuple(range(2016, 2023))
    assert set(t.excluded["label"]) == {"Total Final Consumption", "Urban", "Rural"}
    assert t.proxy_note == ELECTRICITY_PROXY_NOTE and "proxy" in t.all_notes()[0]
    s = tier_shares(t)
    np.testing.assert_allclose(s.groupby(["period", "region_code"])["share"].sum(), 1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t2 = read_sector_electricity(provinces_dir, include_services=False, households="keep")
    assert (
        "Construction" not in t2.activities and "Urban" not in t2.activities
    )  # households: not tiered either


@pytest.mark.realdata
def test_edited_total_row_is_caught(provinces_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """If 'Total Final Consumption' is no longer the sum of the sectors, reading fails instead of guessing."""
    df = pd.read_csv(provinces_dir / "sector_electricity.csv", dtype=str, keep_default_na=False)
    i = df.index[df["sector"] == "Total Final Consumption"][0]
    df.loc[i, "value"] = str(float(df.loc[i, "value"]) * 1.01)
    path = tmp_path / "sector_electricity.csv"  # a scratch copy in the test's temp folder, never in the repo
    df.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="should be the total"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_sector_electricity(path)
    df.loc[len(df)] = [*df.loc[i].to_list()[:3], "Mystery Sector", "1.0", *df.loc[i].to_list()[5:]]
    df.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="Mystery Sector"):
        read_sector_electricity(path)
