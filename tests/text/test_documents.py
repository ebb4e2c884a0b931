"""Reading documents: encodings, .docx, PDF text layers, boilerplate, region and year from the title, errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from _fixtures import reports_path, sources_dir  # noqa: F401  (pytest fixtures)

from yindi.errors import DataFormatError, RegionNotFoundError
from yindi.text import boilerplate
from yindi.text.documents import detect_region, read_corpus, read_document, read_text

FOOTER = (
    "\n\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，国家机关的决议……属于\n公有领域\n。\n\n\n注：中文维基文库社群认为……"
    "\n\n\n\nPublic domain\nPublic domain\nfalse\nfalse"
)


def test_utf8_and_gb18030_read_the_same(tmp_path: Path) -> None:
    text = "江苏省2024年政府工作报告\n\n培育壮大低空经济。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    assert read_text(tmp_path / "a.txt") == read_text(tmp_path / "b.txt") == text


def test_wikisource_footer_is_cut_only_at_the_end() -> None:
    body = "各位代表：\n\n本作品是中华人民共和国的说法在正文中出现时保留。" + "发展新质生产力。" * 300
    out = boilerplate.strip_wikisource(body + FOOTER)
    assert out == body
    assert "Public domain" not in out


def test_markup_line_breaks_are_joined() -> None:
    raw = "会议听取了总理所作的\n政府工作报告\n。会议充分肯定。\n\n\u3000\u3000第二段打\n\u200b\n造集群。"
    assert (
        boilerplate.join_markup_lines(raw)
        == "会议听取了总理所作的政府工作报告。会议充分肯定。\n\n第二段打造集群。"
    )


def test_page_furniture_removed() -> None:
    bodies = ["发展集成电路。", "培育低空经济。", "布局量子科技。", "壮大生物制造。"]
    pages = [f"某某市人民政府文件\n{b}\n- {i} -" for i, b in enumerate(bodies, start=1)]
    assert boilerplate.strip_page_furniture(pages) == bodies


def test_form_feeds_split_pages(tmp_path: Path) -> None:
    bodies = ["发展集成电路。", "培育低空经济。", "布局量子科技。"]
    pages = "\f".join(f"某某省发展规划\n{b}\n{i}" for i, b in enumerate(bodies, start=1))
    (tmp_path / "p.txt").write_text(pages, encoding="utf-8")
    assert read_text(tmp_path / "p.txt") == "\n".join(bodies)


def _docx(path: Path, paragraphs: list[str]) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f"<w:p><w:r><w:t>{p[:3]}</w:t></w:r><w:r><w:t>{p[3:]}</w:t></w:r></w:p>" for p in paragraphs
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", xml)


def test_docx_paragraphs_and_runs(tmp_path: Path) -> None:
    _docx(tmp_path / "plan.docx", ["安徽省十五五规划建议", "打造量子科技产业高地。"])
    doc = read_document(tmp_path / "plan.docx")
    assert doc.text == "安徽省十五五规划建议\n打造量子科技产业高地。"
    assert doc.region_code == "340000"
    assert doc.title == "安徽省十五五规划建议"


def _pdf(path: Path, pages: list[list[str]]) -> None:
    """A minimal PDF with a Helvetica text layer (written out by hand; offsets computed)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3 + 2 * len(pages)
    for i, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>"
        )
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>"
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)


def test_pdf_text_layer_without_furniture(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    bodies = ["Grow integrated circuits.", "Build low-altitude economy.", "Position quantum technology."]
    _pdf(tmp_path / "r.pdf", [["Running header 2025", b, f"{i}"] for i, b in enumerate(bodies, start=1)])
    text = read_text(tmp_path / "r.pdf")
    assert "Running header" not in text
    assert [ln.strip() for ln in text.splitlines()] == bodies


def test_pdf_without_text_layer_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    _pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DataFormatError, match="no text layer") as info:
        read_text(tmp_path / "scan.pdf")
    assert "文字层" in (info.value.zh or "")


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("x.doc", b"old", "unsupported file type .doc"),
        ("bad.docx", b"not a zip", "not a Word .docx"),
        ("empty.txt", b"  \n", "empty"),
        ("latin.txt", b"\xff\xfe\xfa\xfb\x81", "neither UTF-8 nor GB18030"),
    ],
)
def test_bad_files_are_bilingual_errors(tmp_path: Path, name: str, content: bytes, match: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DataFormatError, match=match) as info:
        read_text(tmp_path / name)
    assert info.value.zh and str(tmp_path / name) in info.value.zh


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(DataFormatError, match="is a folder"):
        read_text(tmp_path)


def test_region_given_by_the_user_or_found_in_the_title(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("2024年政府工作报告\n\n发展集成电路。", encoding="utf-8")
    assert read_document(tmp_path / "r.txt").region_code is None
    assert read_document(tmp_path / "r.txt", region="Guangdong").region_code == "440000"
    assert read_document(tmp_path / "r.txt", region="全国").region_code == "100000"
    assert read_document(tmp_path / "r.txt").year == 2024
    with pytest.raises(RegionNotFoundError):
        read_document(tmp_path / "r.txt", region="Atlantis")


@pytest.mark.parametrize(
    ("title", "text", "code"),
    [
        ("2025年中华人民共和国国务院政府工作报告", "", "100000"),
        ("广东省2024年政府工作报告", "", "440000"),
        ("苏州市“十五五”规划建议", "", "320500"),
        ("关于印发行动方案的通知", "浙江省人民政府关于印发……", "330000"),
        ("论坛综述", "中央经济工作会议在北京举行。", None),  # a place named in passing is not the issuer
        ("京沪两地合作", "北京市、上海市共同……", None),
    ],
)
def test_detect_region(title: str, text: str, code: str | None) -> None:
    assert detect_region(title, text) == code


@pytest.mark.realdata
def test_national_corpus(reports_path: Path) -> None:
    reports = read_corpus(reports_path)
    everything = read_corpus(reports_path, reports_only=False)
    assert len(reports) == 52 and len(everything) == 72  # the README: 52 reports + 20 resolutions
    assert all(d.region_code == "100000" for d in everything)
    assert sorted({d.year for d in reports})[:3] == [1954, 1955, 1956]
    for d in everything:
        assert "公有领域" not in d.text[-400:] and "Public domain" not in d.text, d.name
        assert "\u200b" not in d.text
    y2025 = next(d for d in reports if d.year == 2025)
    assert y2025.text.endswith("民族复兴伟业不懈奋斗！")


@pytest.mark.realdata
def test_source_documents_read(sources_dir: Path) -> None:
    docs = [read_document(p) for p in sorted(sources_dir.glob("*.txt"))]
    assert len(docs) == 4 and all(len(d.text) > 4000 for d in docs)
    assert all(d.region_code is None for d in docs)  # analyses of the whole country: no issuing region


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from yindi.text._deps import MissingExtraError

    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(MissingExtraError, match=r"pip install 'yindi\[text\]'") as info:
        read_text(tmp_path / "a.pdf")
    assert "yindi[text]" in (info.value.zh or "")
