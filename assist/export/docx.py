"""A drafted 检察建议书 as a Word document, in the customary layout of procuratorial documents.

Layout (after GB/T 9704 党政机关公文格式, as procuratorates use it): A4; the issuing
procuratorate and 检察建议书 centred in 方正小标宋简体 二号; the 文号 placeholder right-aligned;
the addressee flush left; body paragraphs in 仿宋_GB2312 三号 with a two-character first-line
indent and fixed 28 pt lines; part headings (第十六条's seven parts) in 黑体; the 院印 placeholder
and the date bottom right. East Asian font names are set on every run (``w:eastAsia``), which
Word uses for Chinese text. The drafting notes, when kept, follow on a new page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from assist.analysis import Recommendation
from assist.document import Document
from assist.drafting.facts import cn_date
from assist.drafting.layout import DraftParts, parse_draft

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
NOTES_FONT = "楷体_GB2312"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
NOTES_SIZE = Pt(12)  # 小四
LINE = Pt(28)
INDENT = Pt(32)  # two characters of 三号


@dataclass(frozen=True, slots=True)
class DocMeta:
    """What the export may add beyond the draft: the real 文号 and date once assigned, and the
    source document's identity for the file's properties."""

    number: str | None = None  # 金检民（行）建〔2020〕3号; None keeps the placeholder
    issued: date | None = None  # None keeps the date placeholder
    case_number: str | None = None
    source_id: str | None = None


def _meta(doc_meta: DocMeta | Document | None) -> DocMeta:
    if isinstance(doc_meta, Document):
        number = doc_meta.case_number.normalized if doc_meta.case_number else None
        return DocMeta(case_number=number)
    return doc_meta or DocMeta()


def _font(run: Any, name: str, size: Pt, *, bold: bool = False) -> None:
    """Latin and East Asian font of a run or style (python-docx's font.name sets only Latin)."""
    run.font.name, run.font.size, run.font.bold = name, size, bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(
    doc: Any, text: str, *, font: str = BODY_FONT, size: Pt = BODY_SIZE,
    align: int | None = None, indent: bool = False, bold: bool = False,
) -> Any:  # fmt: skip
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE if size == BODY_SIZE else Pt(size.pt * 1.6)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = INDENT
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold=bold)
    return p


def _page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _font(doc.styles["Normal"], BODY_FONT, BODY_SIZE)


def _body(doc: Any, parts: DraftParts) -> None:
    for text in parts.opening:
        _para(doc, text, indent=True)
    for title, paragraphs in parts.parts:
        _para(doc, title, font=HEADING_FONT, indent=True)
        for text in paragraphs:
            _para(doc, text, indent=True)


def _signature(doc: Any, procuratorate: str, meta: DocMeta) -> None:
    _para(doc, "")
    _para(doc, procuratorate, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "（院印）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    issued = cn_date(meta.issued) if meta.issued else "20××年××月××日"
    _para(doc, issued, align=WD_ALIGN_PARAGRAPH.RIGHT)


def _notes(doc: Any, notes: tuple[str, ...]) -> None:
    if not notes:
        return
    p = _para(doc, "起草说明（不属于检察建议书正文，制发前删除）", font=HEADING_FONT)
    p.paragraph_format.page_break_before = True
    for text in notes:
        _para(doc, text, font=NOTES_FONT, size=NOTES_SIZE)


def recommendation_docx(
    rec: Recommendation,
    *,
    procuratorate: str | None = None,
    doc_meta: DocMeta | Document | None = None,
    include_notes: bool = True,
) -> bytes:
    """The 检察建议书 as .docx bytes; ``procuratorate`` replaces the drafted issuing body."""
    parts = parse_draft(rec.draft)
    meta = _meta(doc_meta)
    issuer = procuratorate or parts.procuratorate
    doc = new_document()
    _page(doc)
    _para(doc, issuer, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, parts.title, font=TITLE_FONT, size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, meta.number or parts.number, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "")
    _para(doc, f"{rec.addressee}：")
    _body(doc, parts)
    _signature(doc, issuer, meta)
    if include_notes:
        _notes(doc, parts.notes)
    props = doc.core_properties
    props.title = f"{issuer}{parts.title}"
    props.author = issuer
    props.subject = meta.case_number or ""
    props.keywords = f"检察建议书; {rec.type}"
    props.comments = "草稿，由 case-assist 根据原文书生成；制发前应当调查核实。" + (
        f" 来源：{meta.source_id}" if meta.source_id else ""
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
