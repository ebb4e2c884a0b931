"""Boilerplate that is not the document's own text: licence footers, page furniture, markup artefacts.

去除非正文内容：维基文库许可证模板、页眉页脚与页码、标记残留（零宽字符、链接造成的断行）。
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

#: Start of Wikisource's public-domain templates (the law/decision variants all begin with 本作品…).
_WIKISOURCE_FOOTER = re.compile(r"\n\s*本作品(?:是中华人民共和国的|来自)")
_WIKISOURCE_TAIL = re.compile(r"(?:\s*(?:Public domain|false|true))+\s*$")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")
#: A line that is only a page number: "3", "- 3 -", "— 3 —", "第 3 页", "第3页 共20页", "3/20".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)


def strip_wikisource(text: str) -> str:
    """Cut Wikisource's licence footer (and the ``Public domain / false`` lines after it) from the end.

    Only a footer in the last 1,500 characters is cut, so a report that quotes 本作品… in its body keeps it.
    """
    tail_start = max(0, len(text) - 1500)
    last = None
    for m in _WIKISOURCE_FOOTER.finditer(text, tail_start):
        last = m
        break
    if last is not None:
        text = text[: last.start()]
    return _WIKISOURCE_TAIL.sub("", text).rstrip()


def join_markup_lines(text: str) -> str:
    """Wikisource text keeps paragraphs apart with blank lines; a single line break inside a paragraph is a
    markup artefact (a link or bold run on its own line): join it. Full-width indentation is dropped."""
    text = re.sub(r"\n[\u200b\u200c\u200d\ufeff]+\n", "", text.replace("\r\n", "\n"))
    text = _ZERO_WIDTH.sub("", text).replace("\u3000", "")
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(re.sub(r"[ \t]*\n[ \t]*", "", p).strip() for p in paragraphs if p.strip())


def strip_page_furniture(pages: Sequence[str]) -> list[str]:
    """Remove page numbers and running headers/footers from the pages of a paged document (PDF, text split
    at form feeds).

    A line is furniture when it is only a page number, or when the same line (digits ignored) is the first or
    last non-empty line of at least half of the pages (and of at least three pages; page numbers are set aside
    before first and last lines are taken).
    """

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip())

    edges: Counter[str] = Counter()
    split = [p.splitlines() for p in pages]
    for lines in split:
        body = [ln for ln in lines if ln.strip() and not _PAGE_NUMBER.match(ln)]
        seen = {key(ln) for ln in body[:1] + body[-1:]}
        edges.update(seen)
    limit = max(3, (len(pages) + 1) // 2)
    running = {k for k, n in edges.items() if n >= limit} if len(pages) >= 3 else set()
    out = []
    for lines in split:
        kept = [ln for ln in lines if not _PAGE_NUMBER.match(ln) and key(ln) not in running]
        out.append("\n".join(kept))
    return out


def normalise(text: str) -> str:
    """Common clean-up for any document: zero-width characters removed, line ends unified, full-width
    indentation dropped, a line break before closing punctuation (or after opening punctuation) joined."""
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"^[\u3000 \t]+", "", text, flags=re.M)
    text = re.sub(r"\n+(?=[，。、；：！？）》”’,;:!?)])", "", text)
    text = re.sub(r"(?<=[《“‘（(])\n+", "", text)
    return text.strip()
