"""File formats: .txt, .docx, .html, .pdf built in the test, and every coded failure."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from assist.errors import (
    BinaryInput,
    CorruptFile,
    EmptyInput,
    EncryptedDocument,
    InputTooLarge,
    NoTextLayer,
    UnreadableFile,
    UnsupportedFormat,
)
from assist.ingest.formats import SUPPORTED_SUFFIXES, read_bytes, read_document

HEADER = "浙江省新昌县人民法院"
TITLE = "民 事 判 决 书"
NUMBER = "(2015)绍新商初字第195号"
PARTIES = ["原告:何锴,农民。", "被告:陈晓春。"]
BODY = (
    "原告何锴为与被告陈晓春民间借贷纠纷一案,于2015年1月26日向本院起诉,本院于同日立案受理后,"
    "依法由审判员秦妙独任审判,于2015年2月11日依法公开开庭进行了审理。"
)
CRIMINAL = (
    "公诉机关福建省安溪县人民检察院。被告人陈志强,男,1991年3月2日出生,汉族,安溪县人,初中文化,无业。"
)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.core_properties.title = "何锴与陈晓春民间借贷纠纷一审民事判决书"
    document.add_paragraph(HEADER)
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "案号"
    table.cell(0, 1).text = NUMBER
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = PARTIES[0]
    merged.add_paragraph(PARTIES[1])
    document.add_paragraph(BODY)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(lines: list[str]) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 10)
    for i, line in enumerate(lines):
        page.drawString(40, 800 - 16 * i, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _blank_pdf(password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix", [".txt", ".text", ".TXT"])
def test_formats_txt_gbk_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"(2015)绍新商初字第195号{suffix}"
    path.write_bytes(f"{HEADER}\n{TITLE}\n{BODY}".encode("gbk"))
    doc = read_document(path)
    assert doc.id == "(2015)绍新商初字第195号"
    assert doc.text == f"{HEADER}\n{TITLE}\n{BODY}"
    assert (doc.format, doc.source, doc.meta["encoding"]) == ("txt", str(path), "gb18030")


def test_formats_txt_truncated_tail_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "excerpt.txt"
    path.write_bytes(BODY.encode("utf-8")[:-1])
    doc = read_document(path)
    assert doc.text == BODY[:-1]
    assert doc.meta["dropped_tail_bytes"] == "2"


def test_formats_docx_paragraphs_and_table_rows_in_order(tmp_path: Path) -> None:
    path = tmp_path / "judgment.docx"
    path.write_bytes(_docx_bytes())
    doc = read_document(path)  # a table row is one line, its cells joined by a tab (as in HTML)
    assert doc.text.split("\n") == [HEADER, TITLE, f"案号\t{NUMBER}", *PARTIES, BODY]
    assert doc.format == "docx"
    assert doc.meta["title"] == "何锴与陈晓春民间借贷纠纷一审民事判决书"


def test_formats_docx_without_text_is_empty(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(EmptyInput):
        read_bytes(buffer.getvalue(), "blank.docx")


@pytest.mark.parametrize("data", [b"PK\x03\x04broken zip", "原告何锴".encode(), b"\x00" * 64])
def test_formats_corrupt_docx(data: bytes) -> None:
    with pytest.raises(CorruptFile) as info:
        read_bytes(data, "判决书.docx")
    assert info.value.code == "corrupt_file"
    assert info.value.source == "判决书.docx"


HTML = f"""<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>何锴与陈晓春民间借贷纠纷一审民事判决书 - 裁判文书</title>
<style>.c {{ color: red }}</style><script>var a = "<p>被告</p>";</script>
</head><body>
<nav><a href="/">首页</a> &gt; <a href="/ws">文书</a></nav>
<div class="content"><h3>{HEADER}</h3><p>民&nbsp;事&nbsp;判&nbsp;决&nbsp;书</p>
<p>{NUMBER}</p><table><tr><td>原告</td><td>何锴</td></tr></table>
<p>{BODY[:20]}
{BODY[20:]}<br>原告诉称&#xFF1A;借款&lt;10万元&gt;。</p></div>
<footer>版权所有 &copy; 某网站</footer></body></html>"""


def test_formats_html_drops_clutter_and_keeps_blocks() -> None:
    doc = read_bytes(HTML.encode("gbk"), "page.html")
    assert doc.text.split("\n") == [
        HEADER,
        "民\xa0事\xa0判\xa0决\xa0书",
        NUMBER,
        "原告\t何锴",
        f"{BODY[:20]} {BODY[20:]}",
        "原告诉称：借款<10万元>。",
    ]
    assert doc.meta["title"].startswith("何锴与陈晓春民间借贷纠纷")
    assert (doc.meta["declared_charset"], doc.meta["encoding"]) == ("gb2312", "gb18030")
    assert doc.format == "html"


def test_formats_html_declared_gbk_but_really_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f'<meta charset="gbk"><p>{CRIMINAL}</p>', encoding="utf-8")
    doc = read_document(path)
    assert doc.text == CRIMINAL
    assert doc.meta["encoding"] == "utf-8"


def test_formats_html_without_charset_detects_gb18030() -> None:
    doc = read_bytes(f"<html><body><p>{CRIMINAL}</p></body></html>".encode("gb18030"), "a.html")
    assert doc.text == CRIMINAL


def test_formats_html_only_clutter_is_empty() -> None:
    with pytest.raises(EmptyInput):
        read_bytes(b"<html><script>var x=1;</script><nav>home</nav></html>", "a.html")


def test_formats_pdf_with_chinese_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "判决书.pdf"
    path.write_bytes(_pdf_bytes([HEADER, "民事判决书", NUMBER, CRIMINAL[:40]]))
    doc = read_document(path)
    assert doc.text.split("\n") == [HEADER, "民事判决书", NUMBER, CRIMINAL[:40]]
    assert (doc.format, doc.meta["pages"], doc.id) == ("pdf", "1", "判决书")


def test_formats_pdf_without_text_layer() -> None:
    with pytest.raises(NoTextLayer) as info:
        read_bytes(_blank_pdf(), "scan.pdf")
    assert info.value.code == "no_text_layer"
    assert "OCR" in info.value.message


def test_formats_encrypted_pdf() -> None:
    with pytest.raises(EncryptedDocument) as info:
        read_bytes(_blank_pdf(password="secret"), "locked.pdf")
    assert info.value.code == "encrypted_document"
    assert info.value.source == "locked.pdf"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"not a pdf at all"])
def test_formats_corrupt_pdf(data: bytes) -> None:
    with pytest.raises(CorruptFile) as info:
        read_bytes(data, "broken.pdf")
    assert info.value.source == "broken.pdf"


@pytest.mark.parametrize("name", ["old.doc", "sheet.xlsx", "noext", "scan.jpg"])
def test_formats_unsupported_suffix_names_the_supported_ones(name: str) -> None:
    with pytest.raises(UnsupportedFormat) as info:
        read_bytes(b"whatever", name)
    assert info.value.code == "unsupported_format"
    assert all(suffix in info.value.message for suffix in SUPPORTED_SUFFIXES)


def test_formats_pdf_renamed_to_txt_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "judgment.txt"
    path.write_bytes(_blank_pdf())
    with pytest.raises(BinaryInput, match="PDF"):
        read_document(path)


def test_formats_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as info:
        read_document(tmp_path / "missing.txt")
    assert info.value.code == "unreadable_file"
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(UnreadableFile):
        read_document(tmp_path / "dir.txt")


def test_formats_too_large_and_empty(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(_docx_bytes())
    with pytest.raises(InputTooLarge, match="max_bytes"):
        read_document(path, max_bytes=1000)
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(EmptyInput):
        read_document(tmp_path / "empty.pdf")


def test_formats_read_bytes_dispatch_and_id() -> None:
    doc = read_bytes(_docx_bytes(), "uploads/判决.DOCX")
    assert (doc.id, doc.format, doc.source) == ("判决", "docx", "uploads/判决.DOCX")
    assert read_bytes(CRIMINAL.encode(), "a.txt", doc_id="case-1").id == "case-1"
