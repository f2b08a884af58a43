"""Screening jobs: an uploaded archive runs through ``run_archive`` in a worker thread.

Progress (documents done, errors) is written to the jobs table as the run goes; the leads it
finds are stored at the end. A restart marks jobs it finds unfinished as failed.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import update

from assist.analysis import Analysis
from assist.analyze import Analyzer
from assist.archive.config import load_config
from assist.archive.run import run_archive
from assist.ingest.archive import Record, RecordError
from assist.ingest.inputs import iter_inputs
from assist.service.core import save_leads, store_analysis
from assist.service.store import JobRow, Store, utcnow

log = logging.getLogger("assist.service.jobs")
PROGRESS_EVERY = 20  # documents between progress writes


@dataclass(frozen=True, slots=True)
class _RecordingAnalyzer(Analyzer):
    """An Analyzer that hands every analysis (and its text) to ``sink``."""

    sink: Callable[[Analysis, str], None] | None = None

    def analyze(self, text: str, doc_id: str | None = None) -> Analysis:
        analysis = Analyzer.analyze(self, text, doc_id)
        if self.sink is not None:
            self.sink(analysis, text)
        return analysis


def job_view(row: JobRow) -> dict[str, Any]:
    return {
        "id": row.id, "status": row.status, "filename": row.filename, "total": row.total,
        "done": row.done, "errors": row.errors, "leads": row.leads, "message": row.message,
        "created_by": row.created_by, "created_at": row.created_at.isoformat() + "Z",
        "finished_at": row.finished_at.isoformat() + "Z" if row.finished_at else None,
        "leads_url": f"/v1/leads?job_id={row.id}" if row.status == "done" else None,
    }  # fmt: skip


def count_records(path: Path) -> int | None:
    """Records in a JSON Lines file (cheap to count up front); None for other formats."""
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return None
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


class JobRunner:
    """Runs screening jobs on a small thread pool against the service's store."""

    def __init__(self, store: Store, analyzer: Callable[[], Analyzer], workers: int) -> None:
        self.store = store
        self._analyzer = analyzer
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="screen")
        self.on_finish: Callable[[str], None] | None = None

    def submit(self, job_id: str, path: Path, out: Path, user: str) -> None:
        self._pool.submit(self._run, job_id, path, out, user)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def fail_unfinished(self) -> int:
        with self.store.session() as s:
            result = s.execute(
                update(JobRow)
                .where(JobRow.status.in_(("queued", "running")))
                .values(status="failed", message="interrupted by a service restart; submit again")
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def _progress(self, job_id: str, **values: Any) -> None:
        with self.store.session() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id).values(**values))

    def _run(self, job_id: str, path: Path, out: Path, user: str) -> None:
        try:
            self._progress(job_id, status="running", total=count_records(path))
            leads = self._screen(job_id, path, out, user)
            self._progress(job_id, status="done", leads=leads, finished_at=utcnow())
            status = "done"
        except Exception as exc:  # a job must end with a status, whatever happened
            log.exception("screening job failed", extra={"job": job_id})
            msg = f"the screening run failed ({type(exc).__name__}); the error is logged"
            self._progress(job_id, status="failed", message=msg, finished_at=utcnow())
            status = "failed"
        if self.on_finish:
            self.on_finish(status)

    def _screen(self, job_id: str, path: Path, out: Path, user: str) -> int:
        state = {"done": 0, "errors": 0}

        def sink(analysis: Analysis, text: str) -> None:
            with self.store.session() as s:
                store_analysis(s, analysis, text, user=user, job_id=job_id)
            state["done"] += 1
            if state["done"] % PROGRESS_EVERY == 0:
                self._progress(job_id, done=state["done"], errors=state["errors"])

        def counted(items: Iterable[Record | RecordError]) -> Iterator[Record | RecordError]:
            for item in items:
                if isinstance(item, RecordError):
                    state["errors"] += 1
                yield item

        base = self._analyzer()
        parts = {f.name: getattr(base, f.name) for f in fields(base)}
        analyzer = _RecordingAnalyzer(**parts, sink=sink)
        summary = run_archive(counted(iter_inputs([str(path)])), out, analyzer=analyzer,
                              config=load_config(None))  # fmt: skip
        self._progress(job_id, done=summary.documents, errors=summary.errors)
        with self.store.session() as s:
            rows = [
                json.loads(x) for x in (out / "leads.jsonl").read_text("utf-8").splitlines() if x
            ]
            return save_leads(s, (r for r in rows if r["code"] != "document"), job_id=job_id)


def new_job(
    store: Store, data_dir: Path, filename: str, data: bytes, user: str
) -> tuple[JobRow, Path, Path]:
    """Save the upload under data_dir/jobs/<id>/ and record a queued job."""
    job_id = secrets.token_hex(8)
    folder = data_dir / "jobs" / job_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("input" + Path(filename).suffix.lower())
    path.write_bytes(data)
    out = folder / "out"
    row = JobRow(
        id=job_id, status="queued", filename=filename[:300], out_dir=str(out), created_by=user
    )
    with store.session() as s:
        s.add(row)
    return row, path, out
