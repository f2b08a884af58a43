"""Undo a PDF's hard line wraps: join soft-wrapped lines, keep paragraph breaks.

A PDF text layer breaks every visual line, so a sentence, a party line or a case number is cut
wherever the page ran out of room. A line is soft-wrapped when it is *full* (about as wide as the
page's usual longest line, in display columns: CJK/full-width 2, others 1) and does not end a
paragraph (end punctuation, a title ending in …判决书, a signature, a page number); it is joined
with the next line unless that one starts a paragraph (indentation, a signature, a party label
with its colon, a page number). A line opening with a comma or a closer always continues the one
above. Lines that are already paragraphs are never full enough *and* open-ended, so flowed text
comes out unchanged apart from trailing blanks. The only edits: trailing spaces dropped, newlines
removed (or, between two Latin letters, turned into a space). Party labels and heading, signature
cues come from ``assist/data`` (party_roles.tsv, section_cues.tsv).

Across pages (``reflow_pages``) the page's layout goes first: page numbers at a page's top or
bottom (第 1 页 共 2 页, - 1 -, 1/2; bare numbers only where several pages carry one) and running
headers/footers — a line repeated identically at the top (bottom) of most pages — are dropped,
so the last line of page N joins the first of page N+1. The first page keeps its top lines (the
court's name heading the document); a line seen only once is never dropped. For a PDF the text
we extract is the document text, so nothing downstream indexes the dropped lines.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from itertools import accumulate

# A full line is at least this wide (15 CJK characters): narrower "pages" are lists of titles,
# case numbers and signatures, not running text.
MIN_FULL = 30
# ... and at most this wide: no PDF line holds 100 CJK characters; wider lines are paragraphs.
MAX_FULL = 200
# Lines of about the same width, at least this many, make a page's full width.
MIN_SUPPORT = 3
# Characters that end a paragraph (or a label line): a full line ending in one is kept.
PARAGRAPH_ENDS = frozenset("。；：！？」』”;:!?")
# Characters no line of a paragraph starts with (they close what the line above opened).
CONTINUATION_STARTS = frozenset("，。、；：！？）》」』”,;:!?)")

_PAGE_NUMBER = re.compile(
    r"[ \u3000]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+|\d{1,4}|(?i:page)\s*\d+(?:\s*(?i:of)\s*\d+)?)[ \u3000]*"
)
# A running header or footer is one of the first (last) this many text lines of a page (the
# court's name and the case number, say); deeper lines are body text.
EDGE_LINES = 2
# The document's heading (court, title, case number) lies in its first this many characters
# (blanks aside); a header repeating part of it is repeated even on a two-page document ...
HEAD_CHARS = 200
# ... if it has at least this many characters (一, 原告 are no header).
MIN_HEADER = 6
_BARE_NUMBER = re.compile(r"[ \u3000]*\d{1,4}[ \u3000]*")
_SPACES = re.compile(r"\s+")
_INDENT = re.compile(r"(?:\u3000| {2,}|\t)")
_TRAILING = re.compile(r" +$", re.MULTILINE)
_LATIN = re.compile(r"[A-Za-z]")


def display_width(line: str) -> int:
    """Columns a line takes: wide and full-width characters 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@cache
def _cues() -> dict[str, list[str]]:
    """Section → its cue regexes from ``section_cues.tsv`` (heading, party, judge, clerk)."""
    data = resources.files("assist.data").joinpath("section_cues.tsv").read_text(encoding="utf-8")
    groups: dict[str, list[str]] = {}
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            section, _, cue = line.partition("\t")
            groups.setdefault(section.strip(), []).append(cue.strip())
    return groups


@cache
def _party_labels() -> str:
    """Every party label of ``party_roles.tsv`` and the party cue, longest first."""
    data = resources.files("assist.data").joinpath("party_roles.tsv").read_text(encoding="utf-8")
    labels = {row.split("\t")[0] for row in data.splitlines() if row and not row.startswith("#")}
    labels.update(label for cue in _cues()["party"] for label in cue.split("|"))
    return "|".join(sorted(labels, key=len, reverse=True))


@cache
def _starts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(heading at a line's end, signature line, party-label line start) patterns; a heading
    line is one the heading pattern ``match``-es (from its start)."""
    cues = {name: "|".join(f"(?:{c})" for c in group) for name, group in _cues().items()}
    # The whole line is the heading, perhaps after the court's name: 某某人民法院民事判决书 (the
    # tail of a wrapped title, …一审行政判决书, is not one).
    heading = re.compile(
        rf"(?:^[ \u3000]*(?:[^\s。，,；;：:]{{0,30}}?法院[ \u3000]*)?)?(?:{cues['heading']})[ \u3000]*$"
    )
    # 审判长 张三 / 书 记 员：李四 — a title, then a short name.
    signature = re.compile(
        rf"[ \u3000]*(?:{cues['judge']}|{cues['clerk']})[ \u3000:：\t]*[^\s。，,；;]{{0,10}}[ \u3000]*"
    )
    # 原告：张三 / 上诉人（原审被告）: the label with its colon or parenthesis; a bare label is
    # as likely the middle of a sentence (…原告何锴为与\n被告陈晓春…一案).
    party = re.compile(rf"[ \u3000]*(?:{_party_labels()})[ \u3000]*[:：(（]")
    return heading, signature, party


def is_page_number(line: str) -> bool:
    """第 1 页 共 2 页, - 3 -, 3/10, a bare number: a page's header or footer."""
    return bool(line.strip()) and _PAGE_NUMBER.fullmatch(line) is not None


def _standalone(line: str, full: int | None) -> bool:
    """A line that is a paragraph by itself: nothing joins into it or out of it."""
    heading, signature, _ = _starts()
    if is_page_number(line) or not line.strip():
        return True
    if signature.fullmatch(line):  # too short to be a full line of running text
        return True
    short = full is None or display_width(line) < full * 3 // 4  # a full line is running text
    return short and heading.match(line) is not None


def _opens_paragraph(line: str) -> bool:
    """Nothing joins into this line: it is indented, a page number or signature, or a party
    entry. A heading is not enough: the tail of a wrapped title (…一审行政判决书) looks like one."""
    _, signature, party = _starts()
    return (
        _INDENT.match(line) is not None
        or is_page_number(line)
        or signature.fullmatch(line) is not None
        or party.match(line) is not None
    )


def _tolerance(width: int) -> int:
    return max(4, width // 8)


def full_width(lines: Sequence[str]) -> int | None:
    """The width of a full line: the widest cluster of at least ``MIN_SUPPORT`` lines of about
    the same width (one odd long line does not count). ``None`` — nothing is wrapped — when the
    cluster lies outside [``MIN_FULL``, ``MAX_FULL``] or the lines wider than it hold more text
    than it does (flowed paragraphs above a cluster of title and signature lines)."""
    widths = sorted(display_width(x) for x in lines if x.strip() and not is_page_number(x))
    mass = list(accumulate(widths, initial=0))
    for w in reversed(widths):
        if w < MIN_FULL:
            return None
        tol = _tolerance(w)
        low, high = bisect_left(widths, w - tol), bisect_right(widths, w + tol)
        if high - low >= MIN_SUPPORT:
            wrapped = mass[-1] - mass[high] <= mass[high] - mass[low] and w <= MAX_FULL
            return w if wrapped else None
    return None


def _soft(line: str, following: str, full: int | None) -> bool:
    """Whether the break after ``line`` (followed by ``following``) is a soft wrap; without a
    full width (no layout to go by) only a line opening with a comma or closer continues."""
    if _standalone(line, full) or _opens_paragraph(following):
        return False
    if following[0] in CONTINUATION_STARTS:  # no paragraph opens with a comma or closing bracket
        return True
    return (
        full is not None
        and display_width(line) >= full - _tolerance(full)
        and (line[-1] not in PARAGRAPH_ENDS or _label_end().search(line) is not None)
        and _starts()[0].search(line) is None  # a title line ending in …判决书
    )


@cache
def _label_end() -> re.Pattern[str]:
    """A full line ending in a party label and its colon (…。 原告：) goes on with the name."""
    return re.compile(rf"(?:{_party_labels()})[:：]$")


def _join(head: str, tail: str) -> str:
    # Latin words wrapped at a blank get it back; CJK, digits and codes join directly.
    sep = " " if _LATIN.fullmatch(head[-1]) and _LATIN.match(tail) else ""
    return head + sep + tail


def reflow_lines(lines: Sequence[str], full: int | None) -> list[str]:
    """Join soft-wrapped lines (trailing spaces already dropped) given the full width; each
    break is judged by the visual line above it, not by the paragraph joined so far."""
    out: list[str] = []
    for i, line in enumerate(lines):
        above = lines[i - 1] if i else ""
        if above and line and _soft(above, line, full):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out


def reflow(page_text: str, full: int | None = None) -> str:
    """One page's text with its soft wraps joined; ``full`` defaults to the page's own."""
    lines = _TRAILING.sub("", page_text).split("\n")
    return "\n".join(reflow_lines(lines, full if full is not None else full_width(lines)))


def _key(line: str) -> str:
    """A header compared across pages: blanks aside (extraction spaces them differently)."""
    return _SPACES.sub("", line)


def _edge(lines: Sequence[str], top: bool, bare: bool, narrow: int) -> list[str]:
    """The keys of a page's first (``top``) or last ``EDGE_LINES`` text lines, page numbers
    aside, up to the first line as wide as running text: body text is no header."""
    keys: list[str] = []
    for line in lines if top else reversed(lines):
        if len(keys) == EDGE_LINES or display_width(line) >= narrow:
            break
        if line.strip() and not _is_page_number(line, bare):
            keys.append(_key(line))
    return keys


def _is_page_number(line: str, bare: bool) -> bool:
    """A page number; a bare number (12) only when the document numbers its pages so."""
    return is_page_number(line) and (bare or _BARE_NUMBER.fullmatch(line) is None)


def _numbers_bare(pages: Sequence[Sequence[str]]) -> bool:
    """Whether at least two pages open or close with a bare number: a page numbering, not a
    figure of the text that happens to stand on a line of its own."""
    texts = ([x for x in page if x.strip()] for page in pages)
    ends = ((text[0], text[-1]) for text in texts if text)
    return sum(any(_BARE_NUMBER.fullmatch(x) for x in end) for end in ends) >= 2


def _heading_block(page: Sequence[str], narrow: int) -> Callable[[str], bool]:
    """Whether a line may be a running header repeating the first page's heading — the court's
    name, the case number: a line of some length, narrower than running text, found in the
    first ``HEAD_CHARS`` characters of the document (its heading, however it is broken)."""
    head = _key("".join(x for x in page if x.strip()))[:HEAD_CHARS]
    return lambda key: len(key) >= MIN_HEADER and display_width(key) < narrow and key in head


def _running(pages: Sequence[Sequence[str]], top: bool, bare: bool, narrow: int) -> set[str]:
    """Lines narrower than running text repeated at the top (bottom) of most pages — the first
    page's top is its heading, so there a repeat of the heading counts once instead."""
    edged = pages[1:] if top else pages
    counts = Counter(key for page in edged for key in set(_edge(page, top, bare, narrow)))
    in_head = _heading_block(pages[0], narrow) if top else (lambda key: False)
    return {
        key
        for key, count in counts.items()
        if key and count + in_head(key) >= 2 and 2 * count >= len(pages) - 1
    }


def _trim(lines: list[str], top: set[str], bottom: set[str], bare: bool) -> list[str]:
    """A page without the page numbers and running headers/footers at its ends (at most
    ``EDGE_LINES`` of these, plus page numbers); a header is kept above a heading, where a
    new document starts on the page."""
    heading = _starts()[0]
    start, end, headers, footers = 0, len(lines), 0, 0
    while start < end:
        line = lines[start]
        following = next((x for x in lines[start + 1 : end] if x.strip()), "")
        if not line.strip() or _is_page_number(line, bare):
            start += 1
        elif headers < EDGE_LINES and _key(line) in top and not heading.match(following):
            start, headers = start + 1, headers + 1
        else:
            break
    while end > start:
        line = lines[end - 1]
        if not line.strip() or _is_page_number(line, bare):
            end -= 1
        elif footers < EDGE_LINES and _key(line) in bottom:
            end, footers = end - 1, footers + 1
        else:
            break
    if all(not x.strip() for x in lines[:start] + lines[end:]):
        return lines  # nothing but blanks at its ends: the page as it was
    return lines[start:end]


def strip_page_furniture(pages: Sequence[str]) -> list[str]:
    """Each page's text (trailing blanks dropped) without its page numbers and running
    headers/footers; the first page keeps its top lines. Pages left empty by this go."""
    split = [_TRAILING.sub("", page.strip("\n")).split("\n") for page in pages]
    if not split:
        return []
    bare = _numbers_bare(split)
    full = full_width([line for lines in split for line in lines])
    narrow = MAX_FULL if full is None else full * 3 // 4  # a running header is no full line
    top, bottom = _running(split, True, bare, narrow), _running(split, False, bare, narrow)
    texts: list[str] = []
    for i, lines in enumerate(split):
        kept = _trim(lines, set() if i == 0 else top, bottom, bare)
        if kept or not any(x.strip() for x in lines):  # a page of furniture alone goes
            texts.append("\n".join(kept))
    return texts


def reflow_pages(pages: Sequence[str]) -> str:
    """A document's pages, without page numbers and running headers/footers, reflowed with the
    document's full width (short pages borrow it) and joined by newlines; a wrap across a page
    break is joined like one inside a page."""
    texts = strip_page_furniture(pages)
    full = full_width([line for text in texts for line in text.split("\n")])
    return reflow("\n".join(texts), full)
