"""Manufacturing share of employment from the 2020 census table (an optional absorption component).

制造业就业占比（2020 年人口普查长表抽样）：吸收转化轴的可选分项。

The census industry counts are long-form sample counts (about 10 %), so only shares are meaningful — never
levels (see the cn-counties pack README).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from yindi.errors import MissingDataError

_NUM, _DEN = "emp_sample_manufacturing", "emp_sample_total"


def manufacturing_share(census: str | Path | pd.DataFrame, level: str = "province") -> pd.Series:
    """``emp_sample_manufacturing / emp_sample_total`` per region of ``level`` (index adcodes, name
    ``manufacturing_employment_share``).

    ``census`` is the long table (columns ``region_code, level, indicator, value``) or its file
    (``census2020.csv.gz``).
    """
    frame = (
        pd.read_csv(census, dtype={"region_code": str}) if not isinstance(census, pd.DataFrame) else census
    )
    missing = [c for c in ("region_code", "level", "indicator", "value") if c not in frame.columns]
    if missing:
        raise MissingDataError(
            f"The census table lacks the column(s) {', '.join(missing)}; expected the long layout of "
            "cn-counties/census2020.csv.gz (region_code, level, indicator, value).",
            zh=f"普查表缺少列 {', '.join(missing)}；应为 cn-counties/census2020.csv.gz 的长表格式。",
        )
    sub = frame[(frame["level"] == level) & frame["indicator"].isin([_NUM, _DEN])]
    wide = sub.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    if _NUM not in wide.columns or _DEN not in wide.columns:
        raise MissingDataError(
            f"The census table has no {_NUM} / {_DEN} rows at level {level!r}.",
            zh=f"普查表在 {level!r} 层级没有 {_NUM} / {_DEN} 数据。",
        )
    share = (wide[_NUM] / wide[_DEN]).rename("manufacturing_employment_share")
    share.index = share.index.astype(str)
    return share
