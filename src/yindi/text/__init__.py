"""Policy texts: read plans, extract each region's priority industries, detect text copied from central
documents, measure homogeneity and compare stated priorities with capability.

政策文本分析：读取规划文本，抽取各地重点产业，识别照抄中央文件的段落，度量同质化，并对照产业基础。

Needs the ``text`` extra (``pip install 'yindi[text]'``: jieba for word segmentation, pypdf for PDF files).
"""

from __future__ import annotations

__all__ = [
    "Document",
    "Extractor",
    "Lexicon",
    "Priorities",
    "read_corpus",
    "read_document",
    "read_documents",
]

from yindi.text.documents import Document, read_corpus, read_document, read_documents
from yindi.text.extract import Extractor
from yindi.text.lexicon import Lexicon
from yindi.text.priorities import Priorities
