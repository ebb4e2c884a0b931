"""Reading policy documents: plain text, Word (.docx), PDF with a text layer, and JSON-lines corpora.

读取政策文本：纯文本（UTF-8 或 GB18030）、Word（.docx）、带文字层的 PDF，以及 JSON Lines 语料。
每个文件一份文档；地区由用户给出（``region=``），否则从标题或开头识别。

Every document is cleaned the same way (:mod:`yindi.text.boilerplate`): licence footers, page numbers and
running headers are removed, markup line breaks joined. A file that cannot be read is a
:class:`~yindi.errors.DataFormatError` naming the file and what to do.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from yindi.errors import DataFormatError
from yindi.schema import NATIONAL_CODE
from yindi.text import boilerplate
from yindi.text._deps import require

SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".pdf")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NATIONAL_TITLE = re.compile(r"中华人民共和国国务院|国务院政府工作报告|全国人民代表大会")
_ISSUER = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:人民政府|政府工作报告|人民代表大会)")
_YEAR = re.compile(r"(19[5-9]\d|20\d\d)\s*年")


@dataclass(frozen=True)
class Document:
    """One policy document.

    Attributes
    ----------
    name : str
        Short identifier shown in outputs (the file name, or the title of a corpus record).
    title : str
        The first non-empty line, or the corpus title.
    text : str
        Cleaned text (boilerplate removed).
    region_code : str or None
        Adcode of the region the document speaks for (``"100000"`` for national documents); ``None`` when
        neither the user nor the title says.
    year : int or None
        Year of the document, from the user, the corpus or the title.
    source : str
        Path or URL.
    """

    name: str
    title: str
    text: str
    region_code: str | None
    year: int | None = None
    source: str = ""


def _decode(path: Path, raw: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DataFormatError(
        f"{path}: the text is neither UTF-8 nor GB18030. Save it as UTF-8 and try again.",
        zh=f"{path}：文本既不是 UTF-8 也不是 GB18030 编码，请另存为 UTF-8 后重试。",
    )


def _read_docx(path: Path) -> str:
    """Paragraph texts of a .docx (WordprocessingML ``w:p`` → ``w:t`` runs), without python-docx."""
    try:
        with zipfile.ZipFile(path) as zf:
            xml = zf.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        raise DataFormatError(
            f"{path}: not a Word .docx file (no word/document.xml inside). Old .doc files must be saved as "
            ".docx or .txt first.",
            zh=f"{path}：不是 Word .docx 文件（缺少 word/document.xml）。旧版 .doc 请先另存为 .docx 或 .txt。",
        ) from None
    root = ElementTree.fromstring(xml)
    paragraphs = []
    for p in root.iter(f"{_W}p"):
        parts = []
        for node in p.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif node.tag == f"{_W}tab":
                parts.append(" ")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _read_pdf(path: Path) -> str:
    pypdf = require("pypdf", "pypdf", "Reading PDF files", "读取 PDF 文件")
    try:
        reader = pypdf.PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise DataFormatError(
            f"{path}: the PDF could not be read ({type(exc).__name__}: {exc}). Check that the file is a complete "
            "PDF, or export the text to .txt.",
            zh=f"{path}：无法读取该 PDF（{type(exc).__name__}）。请确认文件完整，或导出为 .txt。",
        ) from None
    if sum(len(p.strip()) for p in pages) < 20:
        raise DataFormatError(
            f"{path}: the PDF has no text layer (a scan?). Run OCR first or provide the text as .txt.",
            zh=f"{path}：该 PDF 没有文字层（可能是扫描件）。请先做文字识别（OCR），或提供 .txt 文本。",
        )
    pages = boilerplate.strip_page_furniture(pages)
    text = "\n".join(pages)
    # Hard line wraps inside a paragraph: join a break between two Chinese characters.
    return re.sub(r"(?<=[\u4e00-\u9fff，、“（])\n(?=[\u4e00-\u9fff“（])", "", text)


def read_text(path: str | Path) -> str:
    """The cleaned text of one file (.txt/.md, .docx or .pdf)."""
    p = Path(path)
    if not p.exists():
        raise DataFormatError(f"{p}: no such file.", zh=f"{p}：文件不存在。")
    if p.is_dir():
        raise DataFormatError(
            f"{p} is a folder; pass the document files inside it (e.g. {p}/*.txt).",
            zh=f"{p} 是文件夹，请给出其中的文档文件（如 {p}/*.txt）。",
        )
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise DataFormatError(
            f"{p}: unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}.",
            zh=f"{p}：不支持的文件类型 {suffix or '（无扩展名）'}，可用类型：{'、'.join(SUFFIXES)}。",
        )
    if suffix == ".docx":
        raw = _read_docx(p)
    elif suffix == ".pdf":
        raw = _read_pdf(p)
    else:
        raw = _decode(p, p.read_bytes())
        if "\f" in raw:
            raw = "\n".join(boilerplate.strip_page_furniture(raw.split("\f")))
    text = boilerplate.normalise(boilerplate.strip_wikisource(raw))
    if not text.strip():
        raise DataFormatError(f"{p}: the document is empty.", zh=f"{p}：文档没有正文。")
    return text


def _title(text: str) -> str:
    for line in text.splitlines():
        clean = line.strip().lstrip("#").strip().strip("*").strip()
        if len(clean) >= 4:
            return clean[:120]
    return ""


def detect_region(title: str, text: str = "") -> str | None:
    """Adcode of the region a document speaks for: ``"100000"`` for State Council / NPC documents, else the
    one province or city the title names, else the one named as an issuer in the first 200 characters
    (``…人民政府``, ``…政府工作报告``, ``…人民代表大会``); ``None`` when none or several are named."""
    from yindi.text.gazetteer import gazetteer

    if _NATIONAL_TITLE.search(title):
        return NATIONAL_CODE
    names = {k: v for k, v in gazetteer().items() if v.kind != "group"}
    issuers = " ".join(m.group(1) for m in _ISSUER.finditer(text[:200]))
    for probe in (title, issuers):
        found: set[str] = set()
        for name in sorted(names, key=len, reverse=True):
            if name in probe:
                found.update(names[name].codes)
                probe = probe.replace(name, "")
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _resolve_region(region: str) -> str:
    from yindi.regions import resolve

    if region.strip() in {"全国", "national", "China", NATIONAL_CODE}:
        return NATIONAL_CODE
    return resolve(region).adcode


def read_document(path: str | Path, *, region: str | None = None, year: int | None = None) -> Document:
    """Read one document. ``region`` (any name :func:`yindi.regions.resolve` accepts, or 全国) overrides the
    region found in the title."""
    p = Path(path)
    text = read_text(p)
    title = _title(text)
    code = _resolve_region(region) if region else detect_region(title, text)
    if year is None and (m := _YEAR.search(title)):
        year = int(m.group(1))
    return Document(name=p.name, title=title, text=text, region_code=code, year=year, source=str(p))


def read_documents(paths: Iterable[str | Path], *, region: str | None = None) -> tuple[Document, ...]:
    """Read several documents (the same ``region`` for all when given)."""
    return tuple(read_document(p, region=region) for p in paths)


def read_corpus(path: str | Path, *, reports_only: bool = True) -> tuple[Document, ...]:
    """Read a JSON-lines corpus with fields ``title``, ``content`` and optional ``year``/``url`` (the
    Wikisource national reports). Rows with no year (the NPC resolutions) are skipped when ``reports_only``;
    every document is national (``100000``)."""
    p = Path(path)
    docs: list[Document] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFormatError(
            f"{p}: cannot read the corpus ({exc}).", zh=f"{p}：无法读取语料（{exc}）。"
        ) from None
    for i, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            title, content = str(row["title"]), str(row["content"])
        except (json.JSONDecodeError, KeyError, TypeError):
            raise DataFormatError(
                f"{p}, line {i}: expected a JSON object with 'title' and 'content'.",
                zh=f"{p} 第 {i} 行：应为含 'title' 和 'content' 字段的 JSON 对象。",
            ) from None
        year = row.get("year")
        if year is None and reports_only:
            continue
        text = boilerplate.normalise(boilerplate.join_markup_lines(boilerplate.strip_wikisource(content)))
        docs.append(
            Document(
                name=title,
                title=title,
                text=text,
                region_code=NATIONAL_CODE,
                year=int(year) if year is not None else None,
                source=str(row.get("url", p)),
            )
        )
    return tuple(docs)


def documents_from_texts(
    texts: Sequence[tuple[str, str]], *, region: str | None = None
) -> tuple[Document, ...]:
    """Documents from ``(name, text)`` pairs already in memory (cleaned like files)."""
    out = []
    for name, raw in texts:
        text = boilerplate.normalise(boilerplate.strip_wikisource(raw))
        title = _title(text)
        code = _resolve_region(region) if region else detect_region(title, text)
        out.append(Document(name=name, title=title, text=text, region_code=code))
    return tuple(out)
