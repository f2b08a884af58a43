"""Reviewers' decisions as training labels, and their merge into a labelled corpus.

``assist reviews export`` writes one JSON line per review (``assist.service.admin.review_label``):
the lead (``type``, ``level``), the ``decision`` (accept / reject / unsure), ``note``, ``reviewer``,
``reviewed_at`` and the document (``doc_id``, ``text``; null for a cross-case lead). An accepted
lead becomes an issue at ``high`` (when the lead was high) or ``medium``; a rejected one an issue
at ``low`` (looked at, nothing for a procurator). The model's domain guess is not a label.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from assist.analysis import Level
from assist.learn.labels import (
    LEVEL_ORDER,
    LEVELS,
    IssueLabel,
    LabelRecord,
    LabelSet,
    Problem,
    file_lines,
    issue_types,
    json_rows,
)

ACCEPTED = frozenset({"accept", "accepted"})
REJECTED = frozenset({"reject", "rejected"})
UNDECIDED = frozenset({"unsure"})


@dataclass(frozen=True)
class _Review:
    line: int
    review_id: int
    reviewed_at: str
    doc_id: str
    text: str
    issue: IssueLabel

    @property
    def order(self) -> tuple[str, int]:
        return self.reviewed_at, self.review_id


@dataclass(frozen=True)
class Conflict:
    """The corpus and a review disagree on whether a document warrants a look for ``type``."""

    doc_id: str
    type: str
    corpus_level: str | None
    review_level: str
    review_source: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _field(row: dict[str, Any], key: str, kind: type, problems: list[str]) -> Any:
    value = row.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        problems.append(f"field {key!r} must be {kind.__name__}, not {type(value).__name__}")
        return None
    return value


def _level(decision: str, lead_level: str) -> Level | None:
    if decision in ACCEPTED:
        return "high" if lead_level == "high" else "medium"
    return "low" if decision in REJECTED else None


def _review(row: Any, file: str, line: int) -> tuple[_Review | None, Problem | None]:
    """One export row as a review of one document, or the reason it is skipped."""
    if not isinstance(row, dict):
        return None, Problem(file, line, None, "schema", "a review is a JSON object")
    doc_id = row.get("doc_id") if isinstance(row.get("doc_id"), str) else None

    def problem(kind: str, message: str) -> tuple[None, Problem]:
        return None, Problem(file, line, doc_id, kind, message)

    bad: list[str] = []
    rid = _field(row, "review_id", int, bad)
    type_, lead_level = _field(row, "type", str, bad), _field(row, "level", str, bad)
    decision, reviewer = _field(row, "decision", str, bad), _field(row, "reviewer", str, bad)
    reviewed_at = _field(row, "reviewed_at", str, bad)
    note = row.get("note") if isinstance(row.get("note"), str) else ""
    if bad:
        return problem("schema", "; ".join(bad))
    if type_ not in issue_types() or lead_level not in LEVELS:
        return problem("unknown_label", f"unknown issue type {type_!r} or level {lead_level!r}")
    level = _level(decision, lead_level)
    if decision in UNDECIDED:
        return problem("undecided", f"review {rid}: decision {decision!r} is not a label; skipped")
    if level is None:
        return problem("unknown_label", f"review {rid}: unknown decision {decision!r}")
    text = row.get("text")
    if not doc_id or not isinstance(text, str) or not text.strip():
        msg = f"review {rid} of lead {row.get('lead_id')} has no single document text; skipped"
        return problem("not_document_level", msg)
    reason = f"review {rid} by {reviewer}" + (f": {note}" if note else "")
    issue = IssueLabel(type_, level, reason)
    return _Review(line, rid, reviewed_at, doc_id, text, issue), None


def _numbered(
    source: Path | Iterable[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[Problem]]:
    return file_lines(source) if isinstance(source, Path) else (list(source), [])


def reviews_to_labels(
    source: Path | Iterable[tuple[int, str]], source_name: str | None = None
) -> LabelSet:
    """One label record per reviewed document; skipped and overridden reviews as problems.

    Several reviews of one document and type: the latest (``reviewed_at``, then id) wins and each
    overridden one is reported as ``review_conflict``. Records keep the order of first mention.
    """
    file = source_name or (str(source) if isinstance(source, Path) else "reviews")
    lines, problems = _numbered(source)
    latest: dict[tuple[str, str], _Review] = {}
    for number, row in json_rows(lines, file, problems):
        review, problem = _review(row, file, number)
        if problem is not None:
            problems.append(problem)
        if review is None:
            continue
        key = (review.doc_id, review.issue.type)
        old = latest.get(key)
        if old is not None:
            loser, winner = sorted((old, review), key=lambda r: r.order)
            latest[key] = winner
            msg = (
                f"review {loser.review_id} ({loser.issue.level}) overridden by later review "
                f"{winner.review_id} ({winner.issue.level})"
            )
            problems.append(Problem(file, loser.line, review.doc_id, "review_conflict", msg))
        else:
            latest[key] = review
    problems.sort(key=lambda p: p.line or 0)
    return LabelSet(_records(latest.values()), problems)


def _records(reviews: Iterable[_Review]) -> list[LabelRecord]:
    """Group the winning reviews by document (one record per doc_id, issues sorted by type)."""
    by_doc: dict[str, list[_Review]] = {}
    for review in sorted(reviews, key=lambda r: r.line):
        by_doc.setdefault(review.doc_id, []).append(review)
    out = []
    for doc_id, group in by_doc.items():
        newest = max(group, key=lambda r: r.order)
        ids = ",".join(str(r.review_id) for r in sorted(group, key=lambda r: r.review_id))
        issues = tuple(sorted((r.issue for r in group), key=lambda i: i.type))
        out.append(LabelRecord(doc_id, newest.text, f"review:{ids}", None, None, issues))
    return out


def _positive(level: str | None) -> bool:
    return level is not None and LEVEL_ORDER[level] >= LEVEL_ORDER["medium"]


def _apply(base: LabelRecord, review: LabelRecord) -> tuple[LabelRecord, list[Conflict]]:
    """``base`` with the review's issue types replaced (other fields and types kept)."""
    issues = list(base.issues)
    conflicts: list[Conflict] = []
    for new in review.issues:
        at = next((k for k, old in enumerate(issues) if old.type == new.type), None)
        old_level = issues[at].level if at is not None else None
        if _positive(old_level) != _positive(new.level):
            conflicts.append(Conflict(base.doc_id, new.type, old_level, new.level, review.source))
        if at is None:
            issues.append(new)
        else:
            issues[at] = new
    return replace(base, issues=tuple(issues)), conflicts


def merge_labels(
    corpus: Sequence[LabelRecord], reviews: Sequence[LabelRecord]
) -> tuple[list[LabelRecord], list[Conflict]]:
    """The corpus with reviews applied (matched by doc_id, else by text hash), then new records.

    A review wins for the issue types it covers; a ``Conflict`` is reported whenever it and the
    corpus disagree on positivity (medium or above vs low or absent).
    """
    out = list(corpus)
    by_id = {r.doc_id: k for k, r in enumerate(out)}
    by_hash: dict[str, int] = {}
    for k, r in enumerate(out):
        by_hash.setdefault(r.doc_hash, k)
    conflicts: list[Conflict] = []
    for review in reviews:
        at = by_id.get(review.doc_id, by_hash.get(review.doc_hash))
        if at is None:
            by_id[review.doc_id] = len(out)
            by_hash.setdefault(review.doc_hash, len(out))
            out.append(review)
            continue
        out[at], found = _apply(out[at], review)
        conflicts.extend(found)
    return out, conflicts
