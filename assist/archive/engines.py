"""The per-document stage behind one interface: a batch of records in, record rows and
document-level leads out, on local worker processes or on a Dask distributed cluster.

Both engines call the same function, ``analyze_batch``, in their worker processes; a worker
builds one ``Analyzer`` the first time it is needed and keeps it (``_analyzer``), so detectors
and reference tables load once per process, not once per batch. Results come back in the order
batches finish; the caller writes each under its batch number, so the output does not depend on
which worker ran what.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Protocol

from assist.analysis import Level
from assist.analyze import Analyzer
from assist.archive.leads import Lead
from assist.archive.records import TABLES, flatten
from assist.archive.run import document_leads
from assist.errors import AssistError


@dataclass(frozen=True, slots=True)
class Item:
    """One input of a batch: a readable document, or (``code`` set) an input that was not."""

    id: str
    source: str
    text: str = ""
    code: str | None = None
    message: str = ""


@dataclass(frozen=True, slots=True)
class Batch:
    number: int
    items: tuple[Item, ...]
    min_level: Level = "medium"
    model: str | None = None  # a router version of the model registry; None: the active one
    max_chars: int = 2_000_000  # longer documents are refused (recorded as errors)


@dataclass(slots=True)
class BatchResult:
    number: int
    rows: dict[str, list[dict[str, Any]]]
    leads: list[Lead]
    errors: list[dict[str, str]]  # {source, code, message}
    documents: int = 0
    pid: int = 0
    peak_rss_mb: float = 0.0  # the worker process's peak resident memory so far
    seconds: float = 0.0


_ANALYZERS: dict[tuple[str | None, int], Analyzer] = {}


def _analyzer(model: str | None = None, max_chars: int = 2_000_000) -> Analyzer:
    """This process's Analyzer for ``model`` and ``max_chars``, built on first use and kept."""
    found = _ANALYZERS.get((model, max_chars))
    if found is None:
        if model is None:
            found = Analyzer(max_chars=max_chars)
        else:
            from assist.analyze import DEFAULT_MODELS, load_router

            router = load_router(DEFAULT_MODELS / "router", model)
            found = Analyzer(router=router, max_chars=max_chars)
        _ANALYZERS[(model, max_chars)] = found
    return found


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def analyze_batch(batch: Batch) -> BatchResult:
    """Analyse every document of ``batch``; an input error or a refused text becomes an error row."""
    import time

    began = time.perf_counter()
    analyzer = _analyzer(batch.model, batch.max_chars)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    leads: list[Lead] = []
    errors: list[dict[str, str]] = []
    done = 0
    for item in batch.items:
        if item.code is not None:
            errors.append({"source": item.source, "code": item.code, "message": item.message})
            continue
        try:
            analysis = analyzer.analyze(item.text, item.id)
        except AssistError as err:
            errors.append({"source": item.source, "code": err.code, "message": err.message})
            continue
        for name, table_rows in flatten(analysis, item.text).items():
            rows[name].extend(table_rows)
        leads.extend(document_leads(analysis, batch.min_level))
        done += 1
    return BatchResult(
        batch.number, rows, leads, errors, done, os.getpid(), _peak_rss_mb(),
        time.perf_counter() - began,
    )  # fmt: skip


class Engine(Protocol):
    """Maps ``analyze_batch`` over batches; yields results as they finish."""

    workers: int

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]: ...

    def close(self) -> None: ...


def _bounded(
    submit: Callable[[Batch], Any],
    done_one: Callable[[set[Any]], tuple[set[Any], set[Any]]],
    result: Callable[[Any], BatchResult],
    batches: Iterable[Batch],
    window: int,
) -> Iterator[BatchResult]:
    """Keep at most ``window`` batches in flight: inputs stream, memory stays flat."""
    pending: set[Any] = set()
    for batch in batches:
        pending.add(submit(batch))
        while len(pending) >= window:
            finished, pending = done_one(pending)
            for fut in finished:
                yield result(fut)
    while pending:
        finished, pending = done_one(pending)
        for fut in finished:
            yield result(fut)


class LocalEngine:
    """``workers`` processes on this machine (0: in this process, for debugging and tests)."""

    def __init__(self, workers: int = 1, model: str | None = None) -> None:
        self.workers = max(workers, 0)
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 0:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_analyzer, initargs=(model,))

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        if self._pool is None:
            yield from map(analyze_batch, batches)
            return
        pool = self._pool

        def done_one(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            finished, rest = wait(pending, return_when=FIRST_COMPLETED)
            return set(finished), set(rest)

        def result(fut: Future[BatchResult]) -> BatchResult:
            return fut.result()

        yield from _bounded(
            lambda b: pool.submit(analyze_batch, b), done_one, result, batches, 2 * self.workers
        )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskEngine:
    """The same ``analyze_batch`` on a Dask distributed cluster: ``scheduler`` is the address
    of a running one (``tcp://host:8786``); without it a local cluster of ``workers`` processes
    (one thread each: the analysis is pure Python, threads would share one GIL) is started."""

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster: Any = None
        if scheduler:
            self._client: Any = Client(scheduler)  # type: ignore[no-untyped-call]
        else:
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=40,
            )  # fmt: skip
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        info = self._client.scheduler_info()
        threads = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
        self.workers = max(threads, 1)

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        from dask.distributed import wait as dask_wait

        client = self._client

        def done_one(pending: set[Any]) -> tuple[set[Any], set[Any]]:
            state = dask_wait(list(pending), return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
            return set(state.done), set(state.not_done)

        def result(fut: Any) -> BatchResult:
            out: BatchResult = fut.result()
            fut.release()
            return out

        def submit(batch: Batch) -> Any:  # pure=False: a rerun batch must run again
            return client.submit(analyze_batch, batch, pure=False)

        yield from _bounded(submit, done_one, result, batches, 2 * self.workers)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(
    name: str, *, workers: int, scheduler: str | None = None, model: str | None = None
) -> Engine:
    if name == "local":
        return LocalEngine(workers, model)
    if name == "dask":
        return DaskEngine(scheduler, workers)
    raise ValueError(f"unknown engine {name!r}: choose local or dask")
