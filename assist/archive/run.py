"""One archive run: analyse every input, write records, run the cross-case stage, write leads.

    inputs ──▶ Analysis per document ──▶ records/*.parquet ──▶ DuckDB cross-case ──▶ leads
                         └──▶ document-level leads (detectors) ──────────────────────┘

Unreadable inputs go to errors.jsonl with their reason and the run goes on.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from assist.analysis import Analysis, Level
from assist.analyze import Analyzer
from assist.archive.config import CrossCaseConfig
from assist.archive.crosscase import run_crosscase
from assist.archive.leads import Evidence, Lead, LeadDocument, lead_id, rank, write_leads
from assist.archive.records import RecordWriter
from assist.errors import AssistError
from assist.ingest.archive import Record, RecordError

LEVEL_ORDER: dict[Level, int] = {"low": 0, "medium": 1, "high": 2}


@dataclass
class RunSummary:
    documents: int = 0
    errors: int = 0
    leads: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, level) → count
    seconds: float = 0.0


def document_leads(analysis: Analysis, min_level: Level = "medium") -> Iterator[Lead]:
    """A detector's issue on one document, as a lead resting on that document."""
    doc = analysis.document
    number = doc.case_number.normalized if doc.case_number else None
    for issue in analysis.issues or ():
        if LEVEL_ORDER[issue.level] < LEVEL_ORDER[min_level]:
            continue
        yield Lead(
            lead_id=lead_id(issue.type, "document", analysis.id),
            type=issue.type,
            code="document",
            key=number or analysis.id,
            score=issue.score,
            level=issue.level,
            rationale=issue.rationale,
            documents=(LeadDocument(analysis.id, number, doc.court, doc.dates.decided),),
            evidence=tuple(Evidence(analysis.id, s.start, s.end, s.text) for s in issue.signals),
        )


class ErrorLog:
    """errors.jsonl: one line per input that could not be analysed, flushed as it happens."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._fh: TextIO = path.open("w", encoding="utf-8")

    def write(self, source: str, code: str, message: str) -> None:
        row = {"source": source, "code": code, "message": message}
        self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._fh.flush()
        self.count += 1

    def close(self) -> None:
        self._fh.close()


def run_archive(
    items: Iterable[Record | RecordError],
    out: Path,
    *,
    analyzer: Analyzer,
    config: CrossCaseConfig,
    min_level: Level = "medium",
) -> RunSummary:
    """Analyse ``items`` one by one into ``out`` and write the ranked leads there."""
    began = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    doc_leads: list[Lead] = []
    errors = ErrorLog(out / "errors.jsonl")
    try:
        with RecordWriter(out / "records") as writer:
            for item in items:
                if isinstance(item, RecordError):
                    errors.write(item.source, item.code, item.message)
                    continue
                try:
                    analysis = analyzer.analyze(item.text, item.id)
                except AssistError as err:
                    errors.write(item.source, err.code, err.message)
                    continue
                writer.add(analysis, item.text)
                doc_leads.extend(document_leads(analysis, min_level))
                summary.documents += 1
    finally:
        errors.close()
    leads = rank([*doc_leads, *run_crosscase(out / "records", config, out_dir=out)])
    write_leads(leads, out)
    summary.errors = errors.count
    summary.leads = Counter((lead.type, lead.level) for lead in leads)
    summary.seconds = time.perf_counter() - began
    _write_summary(out / "summary.json", summary)
    return summary


def _write_summary(path: Path, summary: RunSummary) -> None:
    data = {
        "documents": summary.documents,
        "errors": summary.errors,
        "seconds": round(summary.seconds, 3),
        "leads": [
            {"type": t, "level": lv, "count": n} for (t, lv), n in sorted(summary.leads.items())
        ],
    }
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
