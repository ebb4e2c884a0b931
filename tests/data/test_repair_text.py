"""Every repair an importer reports reads in Chinese in a Chinese report: each action the importers can write
has a Chinese form (checked on the actions as the importers build them, and on the real provincial pack)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yindi.data._repair_text import action_zh, value_zh
from yindi.data.panel import Repair

#: The actions as the importers write them (src/yindi/data/{units,pack,nbs,validate,panel,workspace}.py), with
#: sample values for their f-string parts, and the Chinese a reader should see.
CASES = [
    ("region name fixed as asked", "按设置更正地区名"),
    ("thousands separators removed", "去掉千位分隔符"),
    ("no code in the source; abolished in 2011", "来源中没有代码；abolished in 2011"),
    (
        "unit label of 'co2_emissions' differs from panel.csv; rows keep their unit, the label is used for display",
        "指标 'co2_emissions' 的单位标签与 panel.csv 不同；数据行保留原单位，显示时使用该标签",
    ),
    (
        "indicator id taken from the file name (pass indicator=, CLI --indicator-id)",
        "指标代码取自文件名（可用 indicator= 或命令行 --indicator-id 指定）",
    ),
    ("indicators not in the catalogue keep their Chinese name as id", "目录中没有的指标以中文名作为代码"),
    (
        "left out: not a province (a city; 3 row(s)), as --level asked",
        "未纳入：不是省级（是地级；3 行），按 --level 设置",
    ),
    (
        "included as asked (--hk-mo-tw include); outside the mainland statistics",
        "按设置保留（--hk-mo-tw include）；不在内地统计范围内",
    ),
    ("left out as asked; outside the mainland statistics", "按设置排除；不在内地统计范围内"),
    ("read within '广东'", "在“广东”范围内识别"),
    ("read at the table's level 'city'", "按表的层级“地级”识别"),
    ("collapsed identical duplicate rows (e.g. 北京 2020 gdp)", "合并完全相同的重复行（例如 北京 2020 gdp）"),
    ("reported at import", "导入时已报告"),
]


@pytest.mark.parametrize(("en", "zh"), CASES)
def test_action_in_chinese(en: str, zh: str) -> None:
    assert action_zh(en) == zh


def test_unknown_action_is_kept_and_marked() -> None:
    assert action_zh("something new") == "something new（原文）"


def test_every_action_written_in_the_importers_is_listed() -> None:
    """A new repair action in the importers without a Chinese form fails here (the literal prefixes are found in
    the source)."""
    import re

    root = Path(__file__).resolve().parents[2] / "src" / "yindi" / "data"
    found: set[str] = set()
    for path in root.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"Repair\((.*?)\)\n", text, flags=re.S):
            found |= {s for s in re.findall(r'f?"([a-z][^"{]{8,})', m.group(1)) if " " in s}
    listed = " ".join(en for en, _ in CASES) + " one row each"  # a placeholder value (value_zh)
    missing = {s for s in found if s.split(";")[0].strip()[:20] not in listed}
    assert not missing, sorted(missing)


def test_describe_chinese() -> None:
    r = Repair("panel.csv", 12, "gdp", "thousands separators removed", "11,230", "11230")
    assert r.describe("zh") == "panel.csv，第 12 行，“gdp”列：去掉千位分隔符：'11,230' → '11230'"
    assert r.describe("en") == str(r)
    assert value_zh("(left out)") == "（未纳入）" and value_zh("7 duplicates") == "7 条重复"
