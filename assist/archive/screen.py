"""Batch screening of an archive: inputs → batches → an engine → Parquet parts → cross-case → leads.

Output folder::

    records/<table>/b000042.parquet   the per-document stage, one part per table per batch
    parts/b000042.json                that batch's document-level leads and input errors
    checkpoint.json                   completed batches: number → fingerprint, counts
    leads.jsonl, leads.csv, errors.jsonl, summary.json, ledger.*, resolution.*, report.html

Crash safety: every file is written under ``….part`` and renamed into place; a batch's records
are committed before its ``parts/`` file, and both before the checkpoint names the batch. A batch
is identified by its number and a fingerprint of what it holds (each record's id and a hash of
its text, or the source and reason of an unreadable input, plus the options that change the
per-document output). ``resume`` skips the batches whose fingerprint the checkpoint holds and
redoes the rest, overwriting any half-written parts under the same names: after a SIGKILL at
any point, a resumed run has every document analysed exactly once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from assist.analysis import Level
from assist.archive.config import CrossCaseConfig
from assist.archive.crosscase import run_crosscase
from assist.archive.engines import Batch, BatchResult, Engine, Item
from assist.archive.leads import Evidence, Lead, LeadDocument, rank, write_leads
from assist.archive.records import TABLES, to_table
from assist.ingest.archive import ARCHIVE_SUFFIXES, Record, RecordError

CHECKPOINT_VERSION = 1


@dataclass(frozen=True, slots=True)
class ScreenOptions:
    batch_size: int = 256
    min_level: Level = "medium"
    model: str | None = None  # router version in the model registry; None: the active one
    max_chars: int = 2_000_000  # longer documents are refused and recorded as errors
    since: date | None = None  # period filter on the decided date (inclusive)
    until: date | None = None
    resume: bool = False
    report: bool = True


@dataclass
class ScreenSummary:
    documents: int = 0
    errors: int = 0
    batches: int = 0
    skipped_batches: int = 0  # completed by an earlier run (resume)
    leads: Counter[tuple[str, str]] = field(default_factory=Counter)
    document_seconds: float = 0.0  # the per-document stage of this run
    crosscase_seconds: float = 0.0
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid → MB
    analysed_now: int = 0  # documents analysed by this run (not skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents, "errors": self.errors, "batches": self.batches,
            "skipped_batches": self.skipped_batches, "analysed_now": self.analysed_now,
            "document_seconds": round(self.document_seconds, 3),
            "crosscase_seconds": round(self.crosscase_seconds, 3),
            "seconds": round(self.seconds, 3),
            "peak_rss_mb": {str(k): round(v, 1) for k, v in sorted(self.peak_rss_mb.items())},
            "leads": [{"type": t, "level": lv, "count": n}
                      for (t, lv), n in sorted(self.leads.items())],
        }  # fmt: skip


class ResumeError(ValueError):
    """--resume on a folder whose checkpoint is missing or was made with other options."""


# ---- batches and fingerprints --------------------------------------------------------------


def _item(entry: Record | RecordError) -> Item:
    if isinstance(entry, RecordError):
        return Item(id="", source=entry.source, code=entry.code, message=entry.message)
    return Item(id=entry.id, source=entry.source, text=entry.text)


def fingerprint(batch: Batch) -> str:
    """What the batch holds: ids and text hashes (errors: source and reason), and min_level."""
    h = hashlib.sha256(f"v{CHECKPOINT_VERSION}\x1e{batch.min_level}".encode())
    for it in batch.items:
        body = it.text if it.code is None else f"{it.code}\x1f{it.message}"
        digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        h.update(f"\x1e{it.id}\x1f{it.source}\x1f{digest}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def iter_batches(
    entries: Iterable[Record | RecordError],
    size: int,
    min_level: Level,
    model: str | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[Batch]:
    items: list[Item] = []
    number = 0
    for entry in entries:
        items.append(_item(entry))
        if len(items) >= size:
            yield Batch(number, tuple(items), min_level, model, max_chars)
            items, number = [], number + 1
    if items:
        yield Batch(number, tuple(items), min_level, model, max_chars)


def estimate_total(paths: Sequence[str]) -> int | None:
    """About how many records the inputs hold (lines, rows, files), for the ETA; cheap."""
    total = 0
    for arg in paths:
        path = Path(arg)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total or None


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            return int(pq.ParquetFile(path).metadata.num_rows)
        if suffix in ARCHIVE_SUFFIXES and suffix != ".json":
            lines = 0
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 22):
                    lines += chunk.count(b"\n")
            return max(lines - (suffix == ".csv"), 1)
    except (OSError, ValueError):
        return 1
    return 1


# ---- durable writes -------------------------------------------------------------------------


def _replace_bytes(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".part")
    with temp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, path)


def _part_name(number: int) -> str:
    return f"b{number:06d}"


def write_batch(out: Path, result: BatchResult) -> None:
    """Commit one batch: child tables, then documents, then its leads and errors."""
    name = _part_name(result.number)
    for table in (*TABLES[1:], TABLES[0]):
        folder = out / "records" / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{name}.parquet"
        temp = final.with_name(final.name + ".part")
        with temp.open("wb") as fh:
            pq.write_table(to_table(table, result.rows[table]), fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, final)
    side = {"leads": [lead.to_dict() for lead in result.leads], "errors": result.errors}
    (out / "parts").mkdir(parents=True, exist_ok=True)
    _replace_bytes(out / "parts" / f"{name}.json", json.dumps(side, ensure_ascii=False).encode())


class Checkpoint:
    """checkpoint.json: the completed batches, rewritten (write-then-rename) after each one."""

    def __init__(self, path: Path, options: dict[str, Any], resume: bool) -> None:
        self.path = path
        self.options = options
        self.batches: dict[int, dict[str, Any]] = {}
        if resume and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("options") != options:
                raise ResumeError(
                    f"{path} was written with {data.get('options')}; this run has {options}: "
                    "resume with the same options or start a new output folder"
                )
            self.batches = {int(k): v for k, v in data["batches"].items()}
        elif resume:
            raise ResumeError(f"nothing to resume: {path} does not exist")

    def done(self, batch: Batch, fp: str) -> bool:
        entry = self.batches.get(batch.number)
        return entry is not None and entry["fingerprint"] == fp

    def add(self, result: BatchResult, fp: str) -> None:
        self.batches[result.number] = {
            "fingerprint": fp, "documents": result.documents, "errors": len(result.errors),
        }  # fmt: skip
        data = {"version": CHECKPOINT_VERSION, "options": self.options,
                "batches": {str(k): v for k, v in sorted(self.batches.items())}}  # fmt: skip
        _replace_bytes(self.path, json.dumps(data).encode())


# ---- progress ---------------------------------------------------------------------------------


class Progress:
    """A Rich bar (docs/s, ETA) on a terminal; a plain line every ``every`` seconds otherwise."""

    def __init__(self, total: int | None, *, enabled: bool = True, every: float = 10.0) -> None:
        self.total, self.every, self.done = total, every, 0
        self.began = self._last = time.perf_counter()
        self._bar: Any = None
        self._enabled = enabled
        if enabled and sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = _Rich(
                TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                TimeRemainingColumn(),
            )  # fmt: skip

    def advance(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        rate = self.done / max(now - self.began, 1e-9)
        if self._bar is not None:
            self._bar.update(self.done, self.total, f"{rate:,.0f}")
        elif self._enabled and now - self._last >= self.every:
            self._last = now
            eta = ""
            if self.total and rate > 0:
                eta = f", ETA {max(self.total - self.done, 0) / rate:,.0f} s"
            of = f"/{self.total}" if self.total else ""
            print(f"screen: {self.done}{of} inputs, {rate:,.1f} docs/s{eta}", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


class _Rich:
    def __init__(self, *columns: Any) -> None:
        from rich.console import Console
        from rich.progress import Progress as RichProgress

        self._p = RichProgress(*columns, console=Console(stderr=True), transient=False)
        self._task = self._p.add_task("screen", total=None, rate="0")
        self._p.start()

    def update(self, done: int, total: int | None, rate: str) -> None:
        self._p.update(self._task, completed=done, total=total, rate=rate)

    def stop(self) -> None:
        self._p.stop()


# ---- the run ----------------------------------------------------------------------------------


def screen(
    entries: Iterable[Record | RecordError],
    out: Path,
    *,
    engine: Engine,
    config: CrossCaseConfig,
    options: ScreenOptions = ScreenOptions(),
    total: int | None = None,
    progress: bool = True,
    texts_for: Any = None,
) -> ScreenSummary:
    """Screen ``entries`` into ``out``: see the module docstring. ``texts_for(ids)`` returns the
    texts of some documents (for the report's evidence in context); None: no context."""
    began = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = ScreenSummary()
    opts = {
        "batch_size": options.batch_size,
        "min_level": options.min_level,
        "model": options.model,
    }
    checkpoint = Checkpoint(out / "checkpoint.json", opts, options.resume)
    bar = Progress(total, enabled=progress)
    seen: list[int] = []

    def todo() -> Iterator[Batch]:
        for batch in iter_batches(
            entries, options.batch_size, options.min_level, options.model, options.max_chars
        ):
            seen.append(batch.number)
            fp = fingerprint(batch)
            fps[batch.number] = fp
            if checkpoint.done(batch, fp):
                summary.skipped_batches += 1
                bar.advance(len(batch.items))
                continue
            yield batch

    fps: dict[int, str] = {}
    try:
        for result in engine.map(todo()):
            write_batch(out, result)
            checkpoint.add(result, fps.pop(result.number))
            summary.peak_rss_mb[result.pid] = max(
                summary.peak_rss_mb.get(result.pid, 0.0), result.peak_rss_mb
            )
            summary.analysed_now += result.documents
            bar.advance(result.documents + len(result.errors))
    finally:
        bar.close()
    summary.document_seconds = time.perf_counter() - began
    _prune(out, set(seen))
    summary.batches = len(seen)
    period = config.model_copy(  # the command line's period wins over the TOML's
        update={
            "period_start": options.since or config.period_start,
            "period_end": options.until or config.period_end,
        }
    )
    cc_began = time.perf_counter()
    doc_leads, errors = _merge_parts(out, sorted(seen), period)
    _write_errors(out / "errors.jsonl", errors)
    summary.errors = len(errors)
    summary.documents = sum(checkpoint.batches[n]["documents"] for n in seen)
    leads = rank([*doc_leads, *run_crosscase(out / "records", period, out_dir=out)])
    summary.crosscase_seconds = time.perf_counter() - cc_began
    write_leads(leads, out)
    summary.leads = Counter((lead.type, lead.level) for lead in leads)
    summary.seconds = time.perf_counter() - began
    if options.report:
        from assist.archive.report import write_report

        write_report(out, leads, summary.to_dict(), texts_for)
    summary.seconds = time.perf_counter() - began
    _replace_bytes(
        out / "summary.json", json.dumps(summary.to_dict(), ensure_ascii=False, indent=2).encode()
    )
    return summary


def _prune(out: Path, keep: set[int]) -> None:
    """Drop parts of batches this run does not have (the inputs shrank) and stray temp files."""
    keep_names = {_part_name(n) for n in keep}
    folders = [out / "records" / t for t in TABLES] + [out / "parts"]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            stem = path.name.split(".", 1)[0]
            if path.name.endswith(".part") or stem not in keep_names:
                path.unlink()


def _merge_parts(
    out: Path, numbers: list[int], period: CrossCaseConfig
) -> tuple[list[Lead], list[dict[str, str]]]:
    leads: list[Lead] = []
    errors: list[dict[str, str]] = []
    for n in numbers:
        data = json.loads((out / "parts" / f"{_part_name(n)}.json").read_text(encoding="utf-8"))
        errors.extend(data["errors"])
        for row in data["leads"]:
            lead = lead_from_dict(row)
            if _in_period(lead, period.period_start, period.period_end):
                leads.append(lead)
    return leads, errors


def _in_period(lead: Lead, since: date | None, until: date | None) -> bool:
    """A document lead's decided date within the period (undated ones: only without one)."""
    if since is None and until is None:
        return True
    decided = lead.documents[0].decided if lead.documents else None
    if decided is None:
        return False
    day = date.fromisoformat(decided)
    return (since is None or day >= since) and (until is None or day <= until)


def lead_from_dict(row: dict[str, Any]) -> Lead:
    """The inverse of ``Lead.to_dict`` (a leads.jsonl line without ``rank``)."""
    fields = {k: v for k, v in row.items() if k != "rank"}
    fields["documents"] = tuple(LeadDocument(**d) for d in row["documents"])
    fields["evidence"] = tuple(Evidence(**e) for e in row["evidence"])
    return Lead(**fields)


def _write_errors(path: Path, errors: list[dict[str, str]]) -> None:
    lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    _replace_bytes(path, lines.encode("utf-8"))
