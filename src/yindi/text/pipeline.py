"""One front door for the CLI and the API: read files, extract priorities, flag inherited text.

统一入口：读取文件、抽取重点产业、标记照抄中央文件的语句。命令行与 HTTP 接口都只调用这里的函数。
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from yindi.text.documents import Document, read_corpus, read_document
from yindi.text.extract import Extractor
from yindi.text.lexicon import Lexicon
from yindi.text.priorities import TABLE, Priorities


@cache
def default_extractor() -> Extractor:
    """The extractor built from the shipped taxonomy (:func:`yindi.plan.taxonomy.load_taxonomy`) and the
    shipped text aliases and cue table; loaded once per process."""
    from yindi.plan.taxonomy import load_taxonomy

    return Extractor.build(Lexicon.from_taxonomy(load_taxonomy()))


def read_inputs(paths: Sequence[str | Path], *, region: str | None = None) -> tuple[Document, ...]:
    """Documents of every path: a ``.jsonl`` file is a corpus (every record a document), any other file one
    document (``region`` applies to those)."""
    out: list[Document] = []
    for p in paths:
        if str(p).lower().endswith(".jsonl"):
            out.extend(read_corpus(p, reports_only=False))
        else:
            out.append(read_document(p, region=region))
    names = [d.name for d in out]
    if len(set(names)) != len(names):
        seen: set[str] = set()
        renamed = []
        for d in out:
            name = d.name if d.name not in seen else f"{d.name} ({d.source})"
            seen.add(name)
            renamed.append(Document(name, d.title, d.text, d.region_code, d.year, d.source))
        out = renamed
    return tuple(out)


def extract_priorities(
    documents: Sequence[Document],
    *,
    central: Sequence[Document] = (),
    options: Mapping[str, Any] | None = None,
    extractor: Extractor | None = None,
) -> Priorities:
    """Priorities of ``documents``; with ``central`` documents, sentences copied from them are flagged
    (``inherited``). Options: the ``text`` table (``reuse_threshold``, ``shingle``)."""
    from yindi.text.reuse import inherited_sentences

    opts = TABLE.resolve(options)
    ex = extractor or default_extractor()
    result: Priorities = ex.extract(documents)
    if central:
        central_names = {c.name for c in central}
        local = [d for d in documents if d.name not in central_names]
        reuse = inherited_sentences(
            local, central, threshold=opts["reuse_threshold"], shingle=opts["shingle"]
        )
        result = result.with_inherited(reuse.sentences)
    return result
