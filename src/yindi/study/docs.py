"""``docs/options.md`` generated from the option tables (a test fails when the page is out of date).

Regenerate with ``python -m yindi.study.docs > docs/options.md``.
"""

from __future__ import annotations

from typing import Any

from yindi.options import Option
from yindi.study.options import STUDY_ANALYSES, documented_tables


def _value(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, tuple):
        return "[" + ", ".join(f'"{x}"' for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'"{v}"'
    return f"{v:g}" if isinstance(v, float) else str(v)


def _allowed(o: Option) -> str:
    if o.choices is not None:
        return " · ".join(f"`{_value(c)}`" for c in o.choices)
    kind = o.kind.__name__ if o.kind is not tuple else "list of names"
    if o.low is not None or o.high is not None:
        lo = "−∞" if o.low is None else f"{o.low:g}"
        hi = "∞" if o.high is None else f"{o.high:g}"
        kind += f" in [{lo}, {hi}]"
    if o.nullable:
        kind += " or leave out"
    return kind


def options_markdown() -> str:
    """The page: one table per analysis, every option with default, allowed values and help."""
    lines = [
        "# Study options / 研究选项",
        "",
        "Generated from the option tables (`yindi.<area>.options`) by `python -m yindi.study.docs`; "
        "`tests/test_study.py` fails when this page is out of date. Set options in `study.toml` under "
        "`[options.<analysis>]`, or as `Study(options={...})`. A misspelled key, an unknown analysis or an "
        "out-of-range value is an error that names the closest valid choice; the `study.toml` written beside "
        "a report lists every option with the value used.",
        "",
        "本页由各分析的选项表自动生成。在 `study.toml` 的 `[options.<分析>]` 下设置；拼错的键、未知的分析或超出范围的值"
        "都会报错并给出最接近的有效名称。",
        "",
    ]
    for name, t in sorted(documented_tables().items()):
        lines += [f"## `[options.{name}]` — {t.title_zh} / {t.title_en}", ""]
        if name not in STUDY_ANALYSES:
            lines += [
                "Not a study option: set these on the command line or in the Python call "
                "(limits also through `YINDI_<NAME>`). 非研究设定选项：在命令行或 Python 调用中设置。",
                "",
            ]
        lines += [
            "| option | default | allowed | 说明 | description |",
            "|---|---|---|---|---|",
        ]
        for o in t.options:
            lines.append(
                f"| `{o.name}` | `{_value(o.default)}` | {_allowed(o)} | {o.help_zh} | {o.help_en} |"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(options_markdown(), end="")
