"""Cross-case leads (线索): what the archive-wide rules found, and how they are written out.

A lead names every document it rests on and the evidence spans in them. ``lead_id`` is a stable
hash of type, code and key, so a rerun over a grown archive keeps the ids of the leads it keeps
(review decisions stay attached).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from assist.analysis import Level

CSV_COLUMNS = (
    "rank", "lead_id", "type", "code", "level", "score", "key", "n_documents", "case_numbers",
    "rationale",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LeadDocument:
    doc_id: str
    case_number: str | None
    court: str | None
    decided: str | None  # ISO date


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    text: str  # the signal's raw evidence; for names, the extracted (normalised) name


@dataclass(frozen=True, slots=True)
class Lead:
    lead_id: str
    type: str  # issue type: false_litigation / unenforced_property_penalty / systemic_admin_problem
    code: str  # the cross-case signal (TAXONOMY §2)
    key: str  # what it is about: party, agent, plaintiff|defendant, judgment|person, agency|defect
    score: float
    level: Level
    rationale: str  # one Chinese sentence naming the pattern and its counts
    documents: tuple[LeadDocument, ...]  # every document the lead rests on
    evidence: tuple[Evidence, ...]
    ambiguous: bool = False  # the key may join different people (same name, other provinces)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def lead_id(type_: str, code: str, key: str) -> str:
    return hashlib.sha256(f"{type_}\x1f{code}\x1f{key}".encode()).hexdigest()[:16]


def rank(leads: Iterable[Lead]) -> list[Lead]:
    """By score, highest first; ties by type, then key."""
    return sorted(leads, key=lambda lead: (-lead.score, lead.type, lead.key))


def write_leads(leads: Iterable[Lead], out_dir: Path) -> tuple[Path, Path]:
    """Write ``leads.jsonl`` and ``leads.csv`` (UTF-8 with BOM for spreadsheets), ranked;
    each is written under a temporary name and renamed into place."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ranked = rank(leads)
    jsonl, table = out_dir / "leads.jsonl", out_dir / "leads.csv"
    with _replacing(jsonl) as fh:
        for i, lead in enumerate(ranked, 1):
            fh.write(json.dumps({"rank": i, **lead.to_dict()}, ensure_ascii=False) + "\n")
    with _replacing(table, encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for i, lead in enumerate(ranked, 1):
            numbers = dict.fromkeys(d.case_number for d in lead.documents if d.case_number)
            writer.writerow([
                i, lead.lead_id, lead.type, lead.code, lead.level, f"{lead.score:.4f}",
                lead.key, len(lead.documents), ";".join(numbers), lead.rationale,
            ])  # fmt: skip
    return jsonl, table


@contextmanager
def _replacing(path: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Write ``path + '.part'``; on success fsync it and rename it onto ``path``."""
    temp = path.with_name(path.name + ".part")
    try:
        with temp.open("w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    os.replace(temp, path)
