"""Labelled data (TAXONOMY §4): the JSON Lines format, its validator, and training targets.

One record per line::

    {"doc_id": "real-jd-fd-020", "source": "judgments:fd-020", "text": "…",
     "domain": "civil", "subdomain": "judgment",
     "issues": [{"type": "false_litigation", "level": "high", "reason": "…"}],
     "signals": [{"code": "default_judgment", "start": 120, "end": 141, "text": "…"}],
     "notes": "…"}

``read_labels`` reports every bad record as a ``Problem`` (it never stops at the first one and
never raises on bad content) and keeps the good ones. Vocabularies come from the data files
``assist/data/subdomains.tsv`` (domains, sub-domains) and ``signal_codes.tsv`` (issue types,
signal codes), read once on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from assist.analysis import Level

if TYPE_CHECKING:  # the estimator module imports NumPy; reading labels does not need it
    from assist.learn.estimator import Target, Task

LEVELS: tuple[Level, ...] = ("high", "medium", "low")
LEVEL_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}
#: Problem kinds that do not make a label set unusable (reported, never fatal).
NOTICE_KINDS = frozenset({"duplicate_text", "not_document_level", "review_conflict", "undecided"})
GENERATED_SOURCES = frozenset({"generated", "synth"})


def doc_hash(text: str) -> str:
    """sha256 of the NFKC-normalised text without any whitespace: a relaid document hashes same."""
    squeezed = "".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(squeezed.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssueLabel:
    type: str
    level: Level
    reason: str = ""


@dataclass(frozen=True)
class SignalLabel:
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelRecord:
    doc_id: str
    text: str
    source: str
    domain: str | None
    subdomain: str | None
    issues: tuple[IssueLabel, ...] = ()
    signals: tuple[SignalLabel, ...] = ()
    notes: str = ""

    @property
    def part(self) -> str:
        """``generated``, ``review`` or ``real``: where the record came from (its source prefix)."""
        prefix = self.source.split(":", 1)[0]
        if prefix in GENERATED_SOURCES:
            return "generated"
        return "review" if prefix == "review" else "real"

    @cached_property
    def doc_hash(self) -> str:
        return doc_hash(self.text)  # the module function (class scope does not shadow it)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    doc_id: str | None
    kind: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.kind not in NOTICE_KINDS

    def __str__(self) -> str:
        line = "-" if self.line is None else str(self.line)
        return f"{self.file}:{line}: {self.doc_id or '-'}: {self.kind}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LabelSet:
    records: list[LabelRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


# --- vocabularies ---------------------------------------------------------------------------


def _tsv_rows(name: str) -> list[list[str]]:
    text = resources.files("assist.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def subdomains() -> dict[str, tuple[str, ...]]:
    """Sub-domain codes per domain (TAXONOMY §1), domains in table order."""
    out: dict[str, list[str]] = {}
    for row in _tsv_rows("subdomains.tsv"):
        out.setdefault(row[0], []).append(row[1])
    return {d: tuple(codes) for d, codes in out.items()}


def domains() -> tuple[str, ...]:
    return tuple(subdomains())


@cache
def signal_codes() -> dict[str, str]:
    """Signal code → its issue type (TAXONOMY §2, ``signal_codes.tsv``)."""
    return {row[0]: row[1] for row in _tsv_rows("signal_codes.tsv")}


@cache
def issue_types() -> tuple[str, ...]:
    return tuple(dict.fromkeys(signal_codes().values()))


# --- parsing ----------------------------------------------------------------------------------


class _Checker:
    """Collects the problems of one record so that all of them are reported, not the first."""

    def __init__(self, file: str, line: int | None, doc_id: str | None) -> None:
        self.file, self.line, self.doc_id = file, line, doc_id
        self.problems: list[Problem] = []

    def add(self, kind: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, self.doc_id, kind, message))

    def string(self, obj: dict[str, Any], key: str, *, required: bool, nullable: bool) -> Any:
        """``obj[key]`` if it is a string (or null/missing when allowed), else a schema problem."""
        if key not in obj:
            if required:
                self.add("schema", f"missing field {key!r}")
            return None
        value = obj[key]
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            self.add("schema", f"field {key!r} must be a string, not {_kind(value)}")
            return None
        return value


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _items(check: _Checker, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.add("schema", f"field {key!r} must be a list of objects")
        return []
    return value


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is not an offset


def _issue(check: _Checker, item: dict[str, Any], n: int) -> IssueLabel | None:
    type_ = check.string(item, "type", required=True, nullable=False)
    level = check.string(item, "level", required=True, nullable=False)
    reason = check.string(item, "reason", required=False, nullable=True) or ""
    known = True
    if type_ is not None and type_ not in issue_types():
        check.add("unknown_label", f"issues[{n}]: unknown issue type {type_!r}")
        known = False
    if level is not None and level not in LEVELS:
        check.add("unknown_label", f"issues[{n}]: level {level!r} is not high, medium or low")
        known = False
    return IssueLabel(type_, level, reason) if known and type_ and level else None


def _signal(check: _Checker, item: dict[str, Any], n: int, text: str) -> SignalLabel | None:
    code = check.string(item, "code", required=True, nullable=False)
    start, end = item.get("start"), item.get("end")
    if not _is_int(start) or not _is_int(end):
        check.add("schema", f"signals[{n}]: start and end must be integers")
        return None
    if code is not None and code not in signal_codes():
        check.add("unknown_label", f"signals[{n}]: unknown signal code {code!r}")
    if not 0 <= start < end <= len(text):
        check.add("span", f"signals[{n}] {code}: [{start}, {end}) outside the text (0–{len(text)})")
        return None
    quoted = item.get("text")
    if quoted is not None and quoted != text[start:end]:
        check.add("span", f"signals[{n}] {code}: text[{start}:{end}] is not {quoted!r}")
        return None
    return SignalLabel(code, start, end) if code in signal_codes() else None


def _labels(check: _Checker, obj: dict[str, Any]) -> tuple[str | None, str | None]:
    domain = check.string(obj, "domain", required=False, nullable=True)
    sub = check.string(obj, "subdomain", required=False, nullable=True)
    if domain is not None and domain not in subdomains():
        check.add("unknown_label", f"unknown domain {domain!r}")
    elif sub is not None and domain is None:
        check.add("unknown_label", f"subdomain {sub!r} given without a domain")
    elif sub is not None and domain is not None and sub not in subdomains()[domain]:
        check.add("unknown_label", f"subdomain {sub!r} is not one of domain {domain!r}")
    return domain, sub


def parse_record(obj: Any, file: str, line: int | None) -> tuple[LabelRecord | None, list[Problem]]:
    """One decoded JSON value as a record, or None with every problem it has."""
    if not isinstance(obj, dict):
        return None, [
            Problem(file, line, None, "schema", f"a record is an object, not {_kind(obj)}")
        ]
    raw_id = obj.get("doc_id")
    check = _Checker(file, line, raw_id if isinstance(raw_id, str) else None)
    doc_id = check.string(obj, "doc_id", required=True, nullable=False)
    source = check.string(obj, "source", required=True, nullable=False)
    text = check.string(obj, "text", required=True, nullable=False)
    notes = check.string(obj, "notes", required=False, nullable=True) or ""
    if doc_id == "" or source == "" or (text is not None and not text.strip()):
        check.add("schema", "doc_id, source and text must not be empty")
    domain, sub = _labels(check, obj)
    issues = [_issue(check, it, n) for n, it in enumerate(_items(check, obj, "issues"))]
    types = [i.type for i in issues if i is not None]
    if len(set(types)) < len(types):
        check.add("schema", "an issue type is listed twice")
    items = _items(check, obj, "signals") if text is not None else []  # no text, no spans
    signals = [_signal(check, it, n, text or "") for n, it in enumerate(items)]
    if check.problems or doc_id is None or source is None or text is None:
        return None, check.problems
    kept_issues = tuple(i for i in issues if i is not None)
    kept_signals = tuple(s for s in signals if s is not None)
    return LabelRecord(doc_id, text, source, domain, sub, kept_issues, kept_signals, notes), []


def json_rows(
    lines: Iterable[tuple[int, str]], file: str, problems: list[Problem]
) -> Iterator[tuple[int, Any]]:
    """Numbered JSON Lines → (line, parsed value); blank lines skipped, bad ones → ``json``
    problems appended to ``problems``."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as exc:
            problems.append(Problem(file, number, None, "json", f"not JSON: {exc}"))


def parse_lines(
    lines: Iterable[tuple[int, str]], file: str
) -> tuple[list[tuple[int, LabelRecord]], list[Problem]]:
    """Numbered JSON Lines → (line, record) pairs and problems; blank lines are skipped."""
    found: list[tuple[int, LabelRecord]] = []
    problems: list[Problem] = []
    for number, obj in json_rows(lines, file, problems):
        record, bad = parse_record(obj, file, number)
        problems.extend(bad)
        if record is not None:
            found.append((number, record))
    return found, problems


def file_lines(path: Path) -> tuple[list[tuple[int, str]], list[Problem]]:
    """A file's numbered lines; undecodable lines become ``json`` problems, not exceptions."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(str(path), None, None, "file", f"cannot read: {exc.strerror or exc}")]
    lines: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append((number, raw.removesuffix(b"\r").decode("utf-8")))
        except UnicodeDecodeError as exc:
            problems.append(Problem(str(path), number, None, "json", f"not UTF-8: {exc.reason}"))
    return lines, problems


def read_labels(paths: Sequence[Path]) -> LabelSet:
    """Every good record of ``paths`` (in order) and every problem found, duplicates included."""
    out = LabelSet()
    seen_ids: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for path in paths:
        lines, problems = file_lines(path)
        found, bad = parse_lines(lines, str(path))
        problems += bad
        for number, record in found:
            where = f"{path}:{number}"
            if record.doc_id in seen_ids:
                msg = f"doc_id already used at {seen_ids[record.doc_id]}; record skipped"
                problems.append(Problem(str(path), number, record.doc_id, "duplicate_id", msg))
                continue
            seen_ids[record.doc_id] = where
            if record.doc_hash in seen_text:
                msg = f"same text as {seen_text[record.doc_hash]} (kept; they split together)"
                problems.append(Problem(str(path), number, record.doc_id, "duplicate_text", msg))
            seen_text.setdefault(record.doc_hash, f"{record.doc_id} ({where})")
            out.records.append(record)
        out.problems += sorted(problems, key=lambda p: p.line or 0)
    return out


def check_leakage(
    train: Sequence[LabelRecord], test: Sequence[LabelRecord], *, test_file: str = "test"
) -> list[Problem]:
    """A ``leakage`` problem for each test record whose text (by ``doc_hash``) is also in train."""
    train_ids = {r.doc_hash: r.doc_id for r in train}
    return [
        Problem(
            test_file,
            None,
            r.doc_id,
            "leakage",
            f"same text as train record {train_ids[r.doc_hash]}",
        )
        for r in test
        if r.doc_hash in train_ids
    ]


# --- targets and writing ------------------------------------------------------------------------


def targets(
    records: Sequence[LabelRecord], task: Task, min_level: Level = "medium"
) -> tuple[list[LabelRecord], list[Target]]:
    """The records a task can learn from and their targets (see ``assist.learn.estimator``)."""
    from assist.learn.estimator import check_task

    check_task(task)
    if task == "issues":
        floor = LEVEL_ORDER[min_level]
        ys: list[Target] = [
            tuple(sorted({i.type for i in r.issues if LEVEL_ORDER[i.level] >= floor}))
            for r in records
        ]
        return list(records), ys
    kept = [r for r in records if r.domain is not None]
    if task == "domain":
        return kept, [r.domain for r in kept if r.domain is not None]
    return kept, [f"{r.domain}/{r.subdomain}" if r.subdomain else str(r.domain) for r in kept]


def record_dict(record: LabelRecord) -> dict[str, Any]:
    """A record in the file format (signal ``text`` is the quoted span, for readers)."""
    return {
        "doc_id": record.doc_id,
        "source": record.source,
        "text": record.text,
        "domain": record.domain,
        "subdomain": record.subdomain,
        "issues": [{"type": i.type, "level": i.level, "reason": i.reason} for i in record.issues],
        "signals": [
            {"code": s.code, "start": s.start, "end": s.end, "text": record.text[s.start : s.end]}
            for s in record.signals
        ],
        "notes": record.notes,
    }


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write JSON Lines atomically (``.part`` then rename); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    os.replace(tmp, path)
    return count


def write_labels(records: Iterable[LabelRecord], path: Path) -> int:
    return write_jsonl((record_dict(r) for r in records), path)
