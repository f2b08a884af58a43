"""Section-aware matching shared by the signal modules.

The cue phrases are data (``assist/data/signal_cues.tsv``): rows of code, role, scope and regex,
joined per (code, role, scope) into one precompiled alternation on first use. A document is cut
into a partition of named pieces (its sections; text outside every found section is ``body``) so
that each cue is scanned only inside the sections it may come from, and each signal records the
section its evidence sits in. Vetoes look at the clause or sentence around a match: a handful of
``rfind`` calls per match, never a loop over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from assist.analysis import Signal
from assist.data import tsv_rows
from assist.document import Document, Role
from assist.extract.furniture import doc_end, doc_start
from assist.parse import content_end
from assist.text.normalize import Text

BODY = "body"
FOOTER = "footer"
_SECTION_FIELDS = (
    "header", "parties", "history", "claims", "defense", "findings", "reasoning", "decision",
    "tail", "appendix",
)  # fmt: skip
_ALL = frozenset(
    {"parties", "history", "claims", "defense", "findings", "reasoning", "decision", BODY}
)
_VETO_ROLES = frozenset(
    {
        "veto_before", "veto_lead", "veto_after", "veto_next", "veto_clause", "veto_sentence",
        "need_sentence",
    }
)  # fmt: skip
_SENTENCE_MARKS = "。\n!?"
_CLAUSE_MARKS = "。\n!?,;:"
_LOOK = 300  # how far a sentence or clause is looked for, either way
_NEXT = 100  # how far veto_next rows look past the match

# Which side of the dispute a party is on: P brought the case, D answers it, T is a third party.
_SIDE_OF_ROLE: dict[Role, str] = {
    "plaintiff": "P", "appellant": "P", "retrial_applicant": "P", "applicant": "P",
    "enforcement_applicant": "P", "public_interest_plaintiff": "P", "prosecutor": "P",
    "defendant": "D", "appellee": "D", "retrial_respondent": "D", "respondent": "D",
    "enforcement_respondent": "D", "accused": "D", "third_party": "T", "objector": "T",
}  # fmt: skip
_ROLE_WORD = re.compile(
    r"原、被告|原被告|反诉原告|反诉被告|原审被告人|原审被告|原审原告|原审第三人|被上诉人|上诉人"
    r"|被申请执行人|申请执行人|被执行人|被申请人|再审申请人|申请人|被告人|被告|原告|第三人"
    r"|证人|代理人|辩护人|法定代表人"
)
# 证人, 代理人 … map to no side
_SIDE_OF_WORD = {
    "原、被告": "PD", "原被告": "PD", "反诉原告": "D", "反诉被告": "P", "原审被告人": "D",
    "原审被告": "D", "原审原告": "P", "原审第三人": "T", "被上诉人": "D", "上诉人": "P",
    "被申请执行人": "D", "申请执行人": "P", "被执行人": "D", "被申请人": "D",
    "再审申请人": "P", "申请人": "P", "被告人": "D", "被告": "D", "原告": "P", "第三人": "T",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    code: str
    role: str
    scope: frozenset[str]
    pattern: re.Pattern[str]


@cache
def _rows() -> tuple[tuple[str, str, str, str], ...]:
    rows: list[tuple[str, str, str, str]] = []
    for code, role, scope, regex, *_ in tsv_rows("signal_cues.tsv"):
        rows.append((code, role, scope, regex))
    return tuple(rows)


@cache
def cues(code: str, role: str) -> tuple[Cue, ...]:
    """The compiled cues of one code and role, one alternation per scope."""
    groups: dict[str, list[str]] = {}
    for row_code, row_role, scope, regex in _rows():
        if row_code == code and row_role == role:
            groups.setdefault(scope, []).append(regex)
    out: list[Cue] = []
    for scope, regexes in groups.items():
        names = _ALL if scope == "*" else frozenset(s.strip() for s in scope.split(","))
        body = "|".join(f"(?:{r})" for r in regexes)
        out.append(Cue(code, role, names, re.compile(body)))
    return tuple(out)


@cache
def _vetoes(code: str, applies_to: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for row_code, role, scope, regex in _rows():
        if row_code == code and role in _VETO_ROLES and applies_to in scope.split(","):
            found.append((role, re.compile(regex)))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Layout:
    """A partition of the text into named pieces: each found section runs to the next one."""

    starts: tuple[int, ...]
    names: tuple[str, ...]
    length: int

    def section_at(self, pos: int) -> str:
        i = bisect_right(self.starts, pos) - 1
        return self.names[i] if i >= 0 else BODY

    def regions(self, scope: frozenset[str]) -> list[tuple[int, int]]:
        """Maximal runs of adjacent pieces whose names are in ``scope``."""
        runs: list[tuple[int, int]] = []
        bounds = (*self.starts, self.length)
        for i, name in enumerate(self.names):
            if name not in scope:
                continue
            start, end = bounds[i], bounds[i + 1]
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            elif start < end:
                runs.append((start, end))
        return runs

    def span_of(self, name: str) -> tuple[int, int] | None:
        bounds = (*self.starts, self.length)
        for i, piece in enumerate(self.names):
            if piece == name:
                return bounds[i], bounds[i + 1]
        return None


def make_layout(doc: Document, length: int, end: int | None = None) -> Layout:
    """The pieces of a text of ``length``; what follows the document's ``end`` (a site's
    footer, page numbers) is the ``footer`` piece, in no cue's scope."""
    found = sorted(
        (span[0], name)
        for name in _SECTION_FIELDS
        if (span := getattr(doc.sections, name)) is not None
    )
    if end is not None and end < length and (not found or found[-1][0] < end):
        found.append((end, FOOTER))
    starts, names = [0], [BODY]
    for start, name in found:
        if start <= starts[-1]:
            starts[-1], names[-1] = starts[-1], name
        else:
            starts.append(start)
            names.append(name)
    return Layout(tuple(starts), tuple(names), length)


@dataclass(frozen=True, slots=True)
class Ctx:
    """One document as the signal modules see it."""

    t: Text
    doc: Document
    layout: Layout
    names: tuple[tuple[str, str], ...]  # (party name or its 以下简称 short name, side)
    criminal: bool
    administrative: bool

    @property
    def civil(self) -> bool:
        return not self.criminal and not self.administrative


_CRIMINAL_ROLES = frozenset({"accused", "prosecutor", "convict"})
_CRIMINAL_WORDS = re.compile(
    r"被告人|被害人|辩护人|公诉机关|检察院指控|犯罪嫌疑人|犯罪事实|刑\s*事\s*(?:判\s*决|裁\s*定)"
)
_CIVIL_WORDS = re.compile(r"原告(?!人)")  # 附带民事诉讼原告人 is criminal
_SNIFF = 2000  # an excerpt without a party block: its first characters tell the kind
_ADMIN_WORDS = re.compile(r"行\s*政\s*(?:判\s*决|裁\s*定|调\s*解|赔\s*偿)")


def make_ctx(t: Text, doc: Document) -> Ctx:
    number = doc.case_number
    case_type = number.case_type if number is not None else None
    # "other" (被害人, 利害关系人) tells no kind: an excerpt naming only a victim is sniffed.
    roles = {p.role for p in doc.parties} - {"other"}
    criminal = case_type == "criminal" or (
        case_type is None
        and (
            bool(roles & _CRIMINAL_ROLES)
            or doc.doc_kind == "indictment"
            or (
                not roles
                and _CRIMINAL_WORDS.search(t.norm, 0, _SNIFF) is not None
                and _CIVIL_WORDS.search(t.norm, 0, _SNIFF) is None
            )
        )
    )
    head = t.norm[: doc.sections.header[1]] if doc.sections.header else t.norm[:400]
    administrative = case_type == "administrative" or (
        case_type is None and _ADMIN_WORDS.search(head) is not None
    )
    full = tuple(
        (p.name, _SIDE_OF_ROLE[p.role])
        for p in doc.parties
        if len(p.name) >= 2 and p.role in _SIDE_OF_ROLE and p.name.strip("*×xX某") != ""
    )
    names = full + short_names(t.norm, full)
    layout = make_layout(doc, len(t.norm), content_end(t.norm))
    return Ctx(t, doc, layout, names, criminal, administrative)


# 上海七宝物业管理有限公司（以下简称七宝物业）: the short name the rest of the text uses.
_SHORT_NAME = re.compile(
    r"\((?:以下|下文|下)?(?:简称|称)[:：为]?[“\"‘']?(?P<short>[^()“”\"‘’'、,;:。\s]{2,12}?)[”\"’']?\)"
)


def short_names(norm: str, full: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """(short name, side) for each ``（以下简称…）`` written right after a party's full name;
    a short name given to parties of two sides, or that is a role word, is left out."""
    sides: dict[str, set[str]] = {}
    for m in _SHORT_NAME.finditer(norm):
        short = m.group("short")
        if _ROLE_WORD.fullmatch(short):
            continue  # (以下简称原告): the role word already tells the side
        for name, side in full:
            if norm.endswith(name, 0, m.start()) and short != name:
                sides.setdefault(short, set()).add(side)
    known = {name for name, _ in full}
    return tuple(
        (short, next(iter(found)))
        for short, found in sides.items()
        if len(found) == 1 and short not in known
    )


def scan(ctx: Ctx, code: str, role: str = "cue") -> Iterator[tuple[re.Match[str], str]]:
    """Every match of the code's cues of ``role`` inside their sections, with the section."""
    for cue in cues(code, role):
        for start, end in ctx.layout.regions(cue.scope):
            for m in cue.pattern.finditer(ctx.t.norm, start, end):
                if m.end() > m.start():
                    yield m, ctx.layout.section_at(m.start())


def first(ctx: Ctx, code: str, role: str, start: int | None = None, end: int | None = None) -> bool:
    """Whether any cue of ``role`` (whatever its scope) matches in ``[start, end)``; both default
    to the document's own bounds (a site's sidebar or footer says nothing about the case)."""
    footer = ctx.layout.span_of(FOOTER)
    stop = min(footer[0] if footer else len(ctx.t.norm), doc_end(ctx.t)) if end is None else end
    lo = doc_start(ctx.t) if start is None else start
    return any(c.pattern.search(ctx.t.norm, lo, stop) for c in cues(code, role))


def sentence_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    lo = max(norm.rfind(ch, max(0, start - _LOOK), start) for ch in _SENTENCE_MARKS) + 1
    hi_all = [norm.find(ch, end, end + _LOOK) for ch in _SENTENCE_MARKS]
    hits = [h for h in hi_all if h >= 0]
    hi = min(hits) if hits else min(len(norm), end + _LOOK)
    return max(lo, max(0, start - _LOOK)), hi


def clause_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    lo = max(norm.rfind(ch, max(0, start - _LOOK), start) for ch in _CLAUSE_MARKS) + 1
    hits = [h for ch in _CLAUSE_MARKS if (h := norm.find(ch, end, end + _LOOK)) >= 0]
    hi = min(hits) if hits else min(len(norm), end + _LOOK)
    return max(lo, max(0, start - _LOOK)), hi


def vetoed(
    ctx: Ctx, code: str, applies_to: str, start: int, end: int, ignore: frozenset[str] = frozenset()
) -> bool:
    """True when a veto row of ``code`` hits around the match, or a required context is missing;
    rows whose role is in ``ignore`` are skipped."""
    norm = ctx.t.norm
    s_lo, s_hi = sentence_bounds(norm, start, end)
    c_lo, c_hi = clause_bounds(norm, start, end)
    for role, pattern in _vetoes(code, applies_to):
        if role in ignore:
            continue
        if role == "veto_before":
            hit = pattern.search(norm, c_lo, start) is not None
        elif role == "veto_lead":
            hit = pattern.search(norm, s_lo, start) is not None
        elif role == "veto_after":
            hit = pattern.match(norm, end, s_hi) is not None
        elif role == "veto_next":  # may run into the next sentence: …属实。但是…
            hit = pattern.match(norm, end, min(len(norm), end + _NEXT)) is not None
        elif role == "veto_clause":
            hit = pattern.search(norm, c_lo, c_hi) is not None
        elif role == "veto_sentence":
            hit = pattern.search(norm, s_lo, s_hi) is not None
        else:  # need_sentence
            hit = pattern.search(norm, s_lo, s_hi) is None
        if hit:
            return True
    return False


def in_quote(norm: str, pos: int) -> bool:
    """Inside “…” (a quoted statute or document) opened in the same stretch of text."""
    opened = norm.rfind("“", max(0, pos - _LOOK), pos)
    return opened >= 0 and norm.rfind("”", opened, pos) < 0


def subject_side(ctx: Ctx, start: int, *, speaker: bool = False) -> str | None:
    """The side (P, D, PD, T) of whoever the sentence up to ``start`` is about: the last role
    word or party name before ``start`` (被告未答辩), or with ``speaker`` the first one, who
    speaks (被告某辩称，…向原告借的，借款是事实); '' for a non-party (证人, 代理人); None when
    the sentence names nobody."""
    lo, _ = sentence_bounds(ctx.t.norm, start, start)
    found = mentions(ctx, lo, start)
    if not found:
        return None
    return found[0][2] if speaker else max(found, key=lambda m: (m[1], -m[0]))[2]


def mentions(ctx: Ctx, start: int, end: int) -> list[tuple[int, int, str]]:
    """Role words and party names in ``[start, end)`` as (start, end, side), in text order
    (side '' for a non-party such as 证人)."""
    norm = ctx.t.norm
    found = [
        (m.start(), m.end(), _SIDE_OF_WORD.get(m.group(), ""))
        for m in _ROLE_WORD.finditer(norm, start, end)
    ]
    for name, side in ctx.names:
        i = norm.find(name, start, end)
        while i >= 0:
            found.append((i, i + len(name), side))
            i = norm.find(name, i + len(name), end)
    return sorted(found)


def signal(ctx: Ctx, code: str, start: int, end: int, section: str | None = None) -> Signal:
    where = section if section is not None else ctx.layout.section_at(start)
    return Signal(code=code, start=start, end=end, text=ctx.t.raw[start:end], section=where)


def drop_overlaps(signals: Iterable[Signal]) -> list[Signal]:
    """One signal per stretch of evidence and code: the first, longest one wins."""
    kept: list[Signal] = []
    for s in sorted(signals, key=lambda s: (s.code, s.start, -s.end)):
        if kept and kept[-1].code == s.code and s.start < kept[-1].end:
            continue
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.code))
