"""The text of a .docx body as a reader sees it, walked straight over the WordprocessingML.

python-docx's ``paragraph.text`` skips content controls, tracked insertions, text boxes and
simple fields, and its table API repeats merged cells; so this walks the XML itself:

- blocks in document order: paragraphs, tables, content controls (``w:sdt``), text boxes;
- a paragraph is one line; soft breaks (Shift+Enter) are "\\n", tabs are "\\t";
- a table row is one line, its non-empty cells joined by "\\t" (multi-line cells line up);
- page-number fields (PAGE, NUMPAGES …) and deleted text are dropped, an empty content
  control's placeholder prompt too;
- headers, footers, footnotes and comments are not read: a court's name repeated in every
  page header is no part of the judgment, nor is 第 X 页 共 Y 页.

Elements are lxml elements (python-docx's oxml classes); they are typed ``Any``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# wrappers whose children are read as if they stood in the parent's place; anything else
# unknown (w:del, w:moveFrom, properties, bookmarks …) is skipped
_TRANSPARENT = {
    f"{_W}{name}"
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent")
}
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n"}
_RUN_TEXT |= {f"{_W}noBreakHyphen": "-", f"{_W}softHyphen": ""}
_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF"}
_BOX = f"{_W}txbxContent"


def body_lines(body: Any) -> list[str]:
    """The lines of a ``w:body`` (or any block container: a cell, a text box)."""
    return list(_Walker().blocks(body))


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


class _Walker:
    """One pass over a document; complex fields may span runs and paragraphs, so their state
    lives here."""

    def __init__(self) -> None:
        self.fields: list[list[Any]] = []  # [instruction, in its result part] per open field

    # --- blocks ----------------------------------------------------------------------------

    def blocks(self, container: Any) -> Iterator[str]:
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                yield from self.paragraph(child)
            elif tag == f"{_W}tbl":
                yield from self.table(child)
            elif tag == f"{_W}sdt":
                if not _showing_placeholder(child):
                    yield from self.blocks(_sdt_content(child))
            elif tag in _TRANSPARENT:
                yield from self.blocks(child)
            elif tag == f"{_MC}AlternateContent":
                yield from self.blocks(_alternate(child))

    def table(self, tbl: Any) -> Iterator[str]:
        for row in _rows(tbl):
            cells = [list(self.blocks(cell)) for cell in _cells(row)]
            filled = [[line for line in cell if line.strip()] for cell in cells]
            filled = [cell for cell in filled if cell]
            if len(filled) == 1:
                yield from filled[0]
            elif filled:  # side by side: line i of every cell is one visual line
                for i in range(max(len(cell) for cell in filled)):
                    yield "\t".join(cell[i] for cell in filled if i < len(cell))

    # --- inside a paragraph ----------------------------------------------------------------

    def paragraph(self, p: Any) -> Iterator[str]:
        parts: list[str] = []
        boxed = False
        for piece in self.inline(p):
            if isinstance(piece, str):
                parts.append(piece)
                continue
            boxed = True  # a text box: its own lines, where it is anchored
            if "".join(parts).strip():
                yield "".join(parts)
            parts = []
            yield from piece
        text = "".join(parts)
        if text.strip() or not boxed:
            yield text

    def inline(self, parent: Any) -> Iterator[str | list[str]]:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}r":
                yield from self.run(child)
            elif tag == f"{_W}fldSimple":
                if _field_name(child.get(f"{_W}instr", "")) not in _PAGE_FIELDS:
                    yield from self.inline(child)
            elif tag == f"{_W}sdt":
                if not _showing_placeholder(child):
                    yield from self.inline(_sdt_content(child))
            elif tag in _TRANSPARENT:
                yield from self.inline(child)
            elif tag == f"{_MC}AlternateContent":
                yield from self.inline(_alternate(child))

    def run(self, r: Any) -> Iterator[str | list[str]]:
        for child in r:
            tag = child.tag
            if tag in _RUN_TEXT:
                text = _RUN_TEXT[tag]
                if not self.in_page_field():
                    yield (child.text or "") if text is None else text
            elif tag == f"{_W}br":
                yield "\n"  # line, page and column breaks all end the visual line
            elif tag == f"{_W}fldChar":
                self.field_char(child.get(f"{_W}fldCharType", ""))
            elif tag == f"{_W}instrText" and self.fields and not self.fields[-1][1]:
                self.fields[-1][0] += child.text or ""
            elif tag in (f"{_W}drawing", f"{_W}pict", f"{_MC}AlternateContent"):
                for box in _boxes(_alternate(child) if tag.startswith(_MC) else child):
                    yield list(self.blocks(box))

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def in_page_field(self) -> bool:
        return any(_field_name(instr) in _PAGE_FIELDS for instr, _ in self.fields)


# --- helpers over the XML --------------------------------------------------------------------


def _alternate(choice_holder: Any) -> Any:
    """``mc:AlternateContent``: the first ``mc:Choice`` (Word's fallback repeats it in VML)."""
    for child in choice_holder:
        if child.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
            return child
    return ()


def _boxes(element: Any) -> Iterator[Any]:
    """The outermost text-box contents under a drawing (nested boxes are read with theirs)."""
    for child in element:
        if child.tag == _BOX:
            yield child
        else:
            yield from _boxes(child)


def _sdt_content(sdt: Any) -> Any:
    content = sdt.find(f"{_W}sdtContent")
    return () if content is None else content


def _showing_placeholder(sdt: Any) -> bool:
    """An empty content control shows its prompt (单击此处输入文字): not the document's text."""
    props = sdt.find(f"{_W}sdtPr")
    return props is not None and props.find(f"{_W}showingPlcHdr") is not None


def _rows(tbl: Any) -> Iterator[Any]:
    for child in tbl:
        if child.tag == f"{_W}tr":
            yield child
        elif child.tag in _TRANSPARENT or child.tag == f"{_W}sdt":
            yield from _rows(_sdt_content(child) if child.tag == f"{_W}sdt" else child)


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag in _TRANSPARENT or child.tag == f"{_W}sdt":
            yield from _cells(_sdt_content(child) if child.tag == f"{_W}sdt" else child)
