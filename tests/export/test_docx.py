"""Tests for assist/export/docx.py: the drafted 检察建议书 as Word, in the customary layout."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from assist.analysis import Recommendation
from assist.analyze import Analyzer
from assist.draft import PART_TITLES, draft_recommendation
from assist.export.docx import BODY_FONT, HEADING_FONT, TITLE_FONT, DocMeta, recommendation_docx

REAL = Path(__file__).resolve().parents[2] / "corpora" / "real" / "judgments.jsonl"


@pytest.fixture(scope="module")
def rec() -> Recommendation:
    """The draft for a real judgment with a 虚假诉讼 lead (fd-031, 张家口市中级人民法院)."""
    with REAL.open(encoding="utf-8") as fh:
        row = next(r for r in map(json.loads, fh) if r["id"] == "fd-031")
    a = Analyzer(require_legal=False).analyze(row["text"], row["id"])
    got = draft_recommendation(a, row["text"])
    assert got is not None
    return got


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _east_asia(run: Any) -> str | None:
    rpr = run._element.rPr
    fonts = rpr.rFonts if rpr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_docx_round_trip_has_every_part_in_order(rec: Recommendation) -> None:
    paras = [p.text for p in _open(recommendation_docx(rec)).paragraphs]
    assert paras[:3] == ["河北省张家口市人民检察院", "检察建议书", "×检×建〔20××〕×号"]
    assert f"{rec.addressee}：" in paras
    positions = [paras.index(title) for title in PART_TITLES]
    assert positions == sorted(positions)
    for point in rec.points:
        assert any(point in p for p in paras)
    assert paras.index("（院印）") > positions[-1]


def test_docx_layout_title_centred_body_indented_fonts_set(rec: Recommendation) -> None:
    d = _open(recommendation_docx(rec))
    paras = d.paragraphs
    for title in paras[:2]:
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert _east_asia(title.runs[0]) == TITLE_FONT
    assert paras[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT  # 文号
    heading = next(p for p in paras if p.text == PART_TITLES[0])
    assert _east_asia(heading.runs[0]) == HEADING_FONT
    body = paras[paras.index(heading) + 1]
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters of 三号
    assert _east_asia(body.runs[0]) == BODY_FONT
    seal = next(p for p in paras if p.text == "（院印）")
    assert seal.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert all(_east_asia(r) for p in paras for r in p.runs)
    assert d.sections[0].page_width.mm == pytest.approx(210, abs=0.5)


def test_docx_procuratorate_meta_and_notes(rec: Recommendation) -> None:
    meta = DocMeta(
        number="张检民（行）建〔2024〕3号",
        issued=date(2024, 5, 6),
        case_number="（2013）张商初字第145号",
    )
    d = _open(recommendation_docx(rec, procuratorate="河北省人民检察院", doc_meta=meta))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "河北省人民检察院" and texts[2] == "张检民（行）建〔2024〕3号"
    assert "2024年5月6日" in texts and texts.count("河北省人民检察院") == 2
    notes = next(p for p in d.paragraphs if p.text.startswith("起草说明"))
    assert notes.paragraph_format.page_break_before
    assert d.core_properties.subject == "（2013）张商初字第145号"
    bare = [p.text for p in _open(recommendation_docx(rec, include_notes=False)).paragraphs]
    assert not any(t.startswith("起草说明") for t in bare)
    assert bare[-1] == "20××年××月××日"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_docx_converts_to_pdf_with_pages(rec: Recommendation, tmp_path: Path) -> None:
    src = tmp_path / "jianyi.docx"
    src.write_bytes(recommendation_docx(rec))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "jianyi.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    assert (
        reader.metadata is not None
        and reader.metadata.title == "河北省张家口市人民检察院检察建议书"
    )
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
            check=True,
            capture_output=True,
            timeout=60,
        )
        assert list(tmp_path.glob("p*.png"))
