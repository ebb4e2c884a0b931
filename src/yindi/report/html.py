"""Small HTML building blocks for report sections (escaped, self-contained, no external assets)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

_CJK = re.compile(r"[\u4e00-\u9fff]")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def fmt_number(value: object, digits: int = 2) -> str:
    """Format a number for display: thousands separators for large values, ``—`` for missing."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    if isinstance(value, (int, np.integer)):
        # years and small counts read better without separators (2023, not 2,023)
        return f"{int(value):,}" if abs(int(value)) >= 10000 else str(int(value))
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:,.{digits}f}"
    return esc(value)


def table(
    frame: pd.DataFrame,
    *,
    digits: int = 2,
    caption: str | None = None,
    max_rows: int | None = None,
    index: bool = False,
    classes: str = "tbl",
) -> str:
    """Render a DataFrame as an HTML table with formatted numbers (``max_rows`` cuts long tables)."""
    shown = frame.reset_index() if index else frame
    cut = max_rows is not None and len(shown) > max_rows
    if max_rows is not None and cut:
        shown = shown.head(max_rows)
    # plain tuples (a namedtuple class per call costs more than the rows of a short table)
    rows = shown.itertuples(index=False, name=None)
    return rows_table(
        list(shown.columns),
        rows,
        digits=digits,
        caption=caption,
        classes=classes,
        more=len(frame) - len(shown),
    )


def rows_table(
    columns: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    digits: int = 2,
    caption: str | None = None,
    classes: str = "tbl",
    more: int = 0,
) -> str:
    """The markup of :func:`table` from column headers and rows of Python values (``more``: rows left out,
    said below the table); cheaper than building a DataFrame for a small table."""
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join(f"<tr>{''.join([_cell(v, digits) for v in row])}</tr>" for row in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    tail = ""
    if more > 0:
        zh = any(_CJK.search(str(c)) for c in columns)  # the headers carry the report language
        more_text = (
            f"…… 另有 {more} 行，见 Excel 工作簿" if zh else f"… {more} more rows in the Excel workbook"
        )
        tail = f'<p class="more">{esc(more_text)}</p>'
    return f'<div class="tblwrap"><table class="{classes}">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{tail}'


def _cell(v: object, digits: int) -> str:
    """One ``<td>``: numbers right-aligned and formatted, long text in a wrapping cell."""
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        return f'<td class="num">{fmt_number(v, digits)}</td>'
    return f'<td class="long">{esc(v)}</td>' if len(str(v)) > 40 else f"<td>{esc(v)}</td>"


def figure(svg: str, caption: str = "") -> str:
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure class="fig">{svg}{cap}</figure>'


def paragraph(text: str) -> str:
    return f"<p>{esc(text)}</p>"


def grid(blocks: Sequence[str], columns: int = 2) -> str:
    """Lay out figures side by side (wraps on narrow screens)."""
    inner = "".join(f'<div class="cell">{b}</div>' for b in blocks)
    return f'<div class="grid g{columns}">{inner}</div>'


def note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'


def warning(text: str) -> str:
    """A caveat shown beside the result it qualifies (orange bar)."""
    return f'<div class="warn">{esc(text)}</div>'
