"""Chinese wording of the repairs the importers report (the importers write them in English).

导入修正说明的中文表述：导入器以英文记录每一处修正，中文报告据此逐条翻译；未收录的说明保留原文并加注。
"""

from __future__ import annotations

import re

__all__ = ["action_zh", "value_zh"]

_LEVELS = {"province": "省级", "city": "地级", "county": "县级", "nation": "全国"}

#: (pattern of the English action, Chinese template with the pattern's groups)
_ACTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), zh)
    for p, zh in (
        (r"region name fixed as asked", "按设置更正地区名"),
        (r"thousands separators removed", "去掉千位分隔符"),
        (r"no code in the source; (.*)", r"来源中没有代码；\1"),
        (
            r"unit label of '(.+)' differs from (\S+); rows keep their unit, the label is used for display",
            r"指标 '\1' 的单位标签与 \2 不同；数据行保留原单位，显示时使用该标签",
        ),
        (
            r"indicator id taken from the file name \(pass indicator=, CLI --indicator-id\)",
            "指标代码取自文件名（可用 indicator= 或命令行 --indicator-id 指定）",
        ),
        (
            r"indicators not in the catalogue keep their Chinese name as id",
            "目录中没有的指标以中文名作为代码",
        ),
        (
            r"left out: not a (\w+) \(a (\w+); (\d+) row\(s\)\), as --level asked",
            r"未纳入：不是{\1}（是{\2}；\3 行），按 --level 设置",
        ),
        (
            r"included as asked \(--hk-mo-tw include\); outside the mainland statistics",
            "按设置保留（--hk-mo-tw include）；不在内地统计范围内",
        ),
        (r"left out as asked; outside the mainland statistics", "按设置排除；不在内地统计范围内"),
        (r"read within '(.+)'", r"在“\1”范围内识别"),
        (r"read at the table's level '(\w+)'", r"按表的层级“{\1}”识别"),
        (r"collapsed identical duplicate rows \(e\.g\. (.*)\)", r"合并完全相同的重复行（例如 \1）"),
        (r"reported at import", "导入时已报告"),
    )
)

_VALUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\(left out\)"), "（未纳入）"),
    (re.compile(r"one row each"), "各保留一行"),
    (re.compile(r"(\d+) duplicates"), r"\1 条重复"),
    (re.compile(r"\(same\)"), "（不变）"),
)


def _levels(text: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: _LEVELS.get(m.group(1), m.group(1)), text)


def action_zh(action: str) -> str:
    """The Chinese form of a repair's action; an action not in the list is kept as written, marked (原文)."""
    for pattern, zh in _ACTIONS:
        m = pattern.fullmatch(action)
        if m:
            return _levels(m.expand(zh))
    return f"{action}（原文）"


def value_zh(value: str) -> str:
    """Chinese forms of the placeholder values (``(left out)``, ``one row each`` …); data values unchanged."""
    for pattern, zh in _VALUES:
        if pattern.fullmatch(value):
            return pattern.sub(zh, value)
    return value
