"""Reader for the CEADs sector electricity table (``sector_electricity.csv`` of the provincial data pack).

CEADs 分部门终端电力消费表读取：识别合计行与居民生活行，按对照表校验部门名称。
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from yindi.errors import DataValidationError, check_option
from yindi.structure._options import HOUSEHOLDS, Households
from yindi.structure.concordance import ceads_concordance
from yindi.structure.table import ActivityTable, read_activity_table

__all__ = [
    "ELECTRICITY_PROXY_NOTE",
    "ELECTRICITY_PROXY_NOTE_EN",
    "ELECTRICITY_PROXY_NOTE_ZH",
    "read_sector_electricity",
]

#: The electricity-proxy caveat in Chinese and in English (the report picks one).
ELECTRICITY_PROXY_NOTE_ZH = "按行业终端用电量衡量结构：用电量是产业结构的代理指标，不是增加值；高耗能行业（冶金、化工、建材）的份额被放大。"
ELECTRICITY_PROXY_NOTE_EN = (
    "Structure measured by final electricity use by sector: electricity use is a proxy for structure, not value "
    "added; energy-intensive sectors (metals, chemicals, building materials) weigh more than in value added."
)
#: Shown with every output computed from electricity use (both languages).
ELECTRICITY_PROXY_NOTE = f"{ELECTRICITY_PROXY_NOTE_ZH} / {ELECTRICITY_PROXY_NOTE_EN}"


def read_sector_electricity(
    path: str | Path, *, households: Households = "exclude", include_services: bool = True
) -> ActivityTable:
    """Read CEADs final electricity consumption by sector × province × year as an :class:`ActivityTable`.

    Parameters
    ----------
    path : path
        ``sector_electricity.csv`` (columns ``region_code, region, year, sector, value, unit, source``) or the
        pack folder holding it.
    households : {"exclude", "keep"}
        Residential use (CEADs rows ``Urban`` and ``Rural``) is not an economic activity and is left out by
        default (reported).
    include_services : bool
        Keep agriculture, construction and the service rows (default). ``False`` keeps divisions 06–46 only
        (mining, manufacturing, utilities: the universe of source 003's tiers), households included.

    Returns
    -------
    ActivityTable
        Activities are CEADs sector names; ``ceads_concordance()`` maps them to GB/T 4754-2017 divisions.
        The aggregate row ``Total Final Consumption`` is detected as the sum of the others and excluded
        (reported); if it were not such a sum, reading fails.
    """
    check_option("households", households, HOUSEHOLDS, where="read_sector_electricity()")
    src = Path(path)
    if src.is_dir():
        src = src / "sector_electricity.csv"
    conc = ceads_concordance()
    head = pd.read_csv(src, usecols=["sector"], dtype=str, keep_default_na=False) if src.exists() else None
    present = set(head["sector"].unique().tolist()) if head is not None else set()
    if head is not None:
        unknown = sorted(present - set(conc["sector"]))
        if unknown:
            raise DataValidationError(
                f"{src.name}: sector(s) {unknown} are not in the CEADs → GB/T 4754 concordance "
                "(yindi/structure/data/ceads_gbt4754.csv). Add them there or read the file with "
                "read_activity_table().",
                zh=f"{src.name}："
                f"部门 {unknown} 不在 CEADs → GB/T 4754 对照表（yindi/structure/data/ceads_gbt4754.csv）"
                "中。请在该表中补充，或用 read_activity_table() 读取该文件。",
            )
    drop: list[str] = []  # the aggregate itself is detected (and checked) by read_activity_table
    if households == "exclude":
        drop += list(conc.loc[conc["kind"] == "household", "sector"])
    if not include_services:
        drop += list(conc.loc[(conc["kind"] != "aggregate") & (conc["tier"] == ""), "sector"])
    table = read_activity_table(
        src,
        region="region",
        region_code="region_code",
        activity="sector",
        period="year",
        value="value",
        measure="final electricity consumption (10^8 kWh)",
        proxy_note=ELECTRICITY_PROXY_NOTE,
        aggregates="exclude",
        exclude_activities=sorted({d for d in drop if d in present}),
    )
    expected = set(conc.loc[conc["kind"] == "aggregate", "sector"]) & present
    found = set(table.excluded.loc[table.excluded["kind"] == "activity", "label"])
    missing = expected - found
    if missing:
        raise DataValidationError(
            f"{src.name}: {sorted(missing)} should be the total of the other sectors but is not (within "
            "1e-6); the file may be truncated or edited. Check it against the CEADs inventory.",
            zh=f"{src.name}：{sorted(missing)} 应为其他部门之和，但不相等（容差 1e-6）；"
            "文件可能被截断或改动。请与 CEADs 清单核对。",
        )
    return table
