"""What the domain router sees of one document: a clipped text and structural tokens.

The text part is the normalised text (``Text.norm``: simplified, half-width), clipped to its
head and tail, where the heading, the parties and the operative part sit. The structural part
is a bag of tokens built from the parse: case type and stage from the case number, document
kind, cause, party roles and kinds, the signal codes that fired and the issue types raised.
The case-type code is one token among many: the same 刑更 ruling routes to penalty execution
or not by what its text says about the unpaid 罚金.

``char_ngrams`` and ``struct_tokens`` are the analyzers the vectorizers call; they are named
module-level functions so that a saved model refers to them by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assist.analysis import Issue, Signal
from assist.document import Document
from assist.text.normalize import Text

HEAD_CHARS = 4000  # heading, parties, history, most of the facts
TAIL_CHARS = 1500  # operative part and signatures
NGRAM_SIZES = (1, 2, 3)

_BLANKS = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]")
_COURT = re.compile(r"法院$")


@dataclass(frozen=True, slots=True)
class RouteInput:
    """One document as the router takes it: ``text`` clipped, ``tokens`` structural."""

    text: str
    tokens: tuple[str, ...] = ()


def clip_text(norm: str, head: int = HEAD_CHARS, tail: int = TAIL_CHARS) -> str:
    """The first ``head`` and last ``tail`` characters (the whole text when shorter)."""
    if len(norm) <= head + tail:
        return norm
    return norm[:head] + "\n" + norm[-tail:]


def char_ngrams(text: str) -> list[str]:
    """Character 1–3-grams of ``text`` with blanks removed and every digit written ``0``
    (layouts differ in spacing; amounts, dates and numbers say little about the domain)."""
    s = ngram_source(text)
    return [s[i : i + n] for n in NGRAM_SIZES for i in range(len(s) - n + 1)]


def ngram_source(text: str) -> str:
    """``text`` as ``char_ngrams`` cuts it: blanks removed, every digit ``0``."""
    return _DIGITS.sub("0", _BLANKS.sub("", text))


def struct_tokens(tokens: Sequence[str]) -> list[str]:
    """The structural tokens as they are (the analyzer of the structural vectorizer)."""
    return list(tokens)


def _cause_tokens(cause: str | None) -> Iterable[str]:
    if cause is None:
        return ("cause:none",)
    kind = "crime" if cause.endswith("罪") else "dispute" if cause.endswith("纠纷") else "other"
    return (f"cause:{cause}", f"cause_kind:{kind}")


def _issuer_token(court: str | None) -> str:
    if court is None:
        return "issuer:none"
    if court.endswith("检察院"):
        return "issuer:procuratorate"
    return "issuer:court" if _COURT.search(court) else "issuer:agency"


def structural_tokens(
    doc: Document, signals: Sequence[Signal] = (), issues: Sequence[Issue] = ()
) -> tuple[str, ...]:
    """Sorted, distinct tokens describing the parse of one document."""
    number = doc.case_number
    tokens = {
        f"kind:{doc.doc_kind}",
        f"type:{number.type_code if number and number.type_code else 'none'}",
        f"case_type:{number.case_type if number and number.case_type else 'none'}",
        f"stage:{number.stage if number and number.stage else 'none'}",
        f"procedure:{doc.procedure or 'none'}",
        _issuer_token(doc.court),
        *_cause_tokens(doc.cause),
    }
    for party in doc.parties:
        tokens.update((f"role:{party.role}", f"party:{party.kind}", f"{party.role}:{party.kind}"))
    for cited in doc.cited_cases:
        code = cited.case_number.type_code or "none"
        tokens.update((f"cited:{cited.relation}", f"cited_type:{code}"))
    tokens.update(f"penalty:{p.kind}" for p in doc.penalties)
    if (ex := doc.execution) is not None:
        tokens.add("execution:terminated" if ex.terminated else "execution:outcome")
        if ex.unpaid is not None:  # 0 for 执行完毕 / 已全部履行
            tokens.add("execution:unpaid" if ex.unpaid > 0 else "execution:paid")
    tokens.update(f"signal:{s.code}" for s in signals)
    tokens.update(f"issue:{i.type}" for i in issues)
    tokens.update(f"issue:{i.type}:{i.level}" for i in issues)
    return tuple(sorted(tokens))


def route_input(
    t: Text, doc: Document, signals: Sequence[Signal] = (), issues: Sequence[Issue] = ()
) -> RouteInput:
    """The router's view of a parsed document (``doc`` parsed from ``t``)."""
    return RouteInput(clip_text(t.norm), structural_tokens(doc, signals, issues))
