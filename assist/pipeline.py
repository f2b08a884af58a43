"""Text → Document: the parse and extract stages, one pure function."""

from __future__ import annotations

from dataclasses import replace

from assist.document import Document, SpanPair
from assist.extract.amounts import find_amounts
from assist.extract.case_number import find_cited_cases, pick_own_case_number
from assist.extract.cause import find_cause
from assist.extract.court import pick_court
from assist.extract.dates import find_dates, pick_dates
from assist.extract.execution import pick_execution
from assist.extract.parties import find_parties
from assist.extract.penalties import find_penalties
from assist.extract.procedure import find_procedure
from assist.extract.rates import pick_interest_rate
from assist.extract.statutes import find_statutes
from assist.extract.title import doc_kind_of, find_title
from assist.parse import find_sections
from assist.text.normalize import Text, make_text


def parse_document(raw: str) -> Document:
    """Parse one document's text (as received) into the contract's ``document`` part."""
    return parse_text(make_text(raw))


def parse_text(t: Text) -> Document:
    spans: dict[str, SpanPair] = {}
    title = find_title(t)
    if title is not None:
        spans["title"] = (title.title_start, title.title_end)
    court = pick_court(t)
    if court is not None:
        spans["court"] = (court[1], court[2])
    sections = find_sections(t)
    parties = tuple(find_parties(t, sections.parties))
    accused = [p.name for p in parties if p.role in ("accused", "appellant", "convict")]
    own = pick_own_case_number(t)
    dates, date_spans = pick_dates(t, sections)
    spans.update({f"dates.{k}": v for k, v in date_spans.items()})
    cause = find_cause(t)
    if cause is not None:
        spans["cause"] = (cause[1], cause[2])
    procedure = find_procedure(t, sections)
    if procedure is not None:
        spans["procedure"] = (procedure[1], procedure[2])
    doc = Document(
        doc_kind=title.doc_kind if title is not None else doc_kind_of(t),
        title=title.title if title is not None else None,
        case_number=own,
        court=court[0] if court is not None else None,
        cause=cause[0] if cause is not None else None,
        procedure=procedure[0] if procedure is not None else None,
        dates=dates,
        parties=parties,
        sections=sections,
        amounts=tuple(find_amounts(t)),
        penalties=tuple(find_penalties(t, sections.decision, accused)),
        statutes=tuple(find_statutes(t)),
        interest_rate=pick_interest_rate(t),
        cited_cases=tuple(find_cited_cases(t, own)),
        date_mentions=tuple(find_dates(t, sections)),
        field_spans=spans,
    )
    execution = pick_execution(t, doc)  # None for anything but an execution document
    return doc if execution is None else replace(doc, execution=execution)
