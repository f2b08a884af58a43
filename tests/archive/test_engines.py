"""The per-document engines: one batch function, the same output in-process, on a local process
pool and on a real Dask cluster (a scheduler and two worker processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assist.archive.config import default_config
from assist.archive.engines import Batch, Engine, Item, LocalEngine, analyze_batch, make_engine
from assist.archive.screen import ScreenOptions, screen
from assist.ingest.inputs import iter_inputs
from tests.archive.screen_factory import all_rows, texts, write_jsonl


def _screen(engine: Engine, inputs: Path, out: Path) -> None:
    try:
        screen(iter_inputs([str(inputs)]), out, engine=engine, config=default_config(),
               options=ScreenOptions(batch_size=40, report=False), progress=False)  # fmt: skip
    finally:
        engine.close()


def _outputs(out: Path) -> tuple[object, ...]:
    leads = (out / "leads.jsonl").read_text(encoding="utf-8")
    errors = (out / "errors.jsonl").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text())
    return all_rows(out), leads, errors, summary["documents"], summary["leads"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = write_jsonl(tmp_path_factory.mktemp("in") / "documents.jsonl", 300, seed=8)
    with path.open("a", encoding="utf-8") as fh:  # one refused record: errors must match too
        fh.write(json.dumps({"id": "x", "text": "not a court document"}) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ...]:
    out = tmp_path_factory.mktemp("ref")
    _screen(LocalEngine(0), inputs, out)
    return _outputs(out)


def test_engines_analyze_batch_rows_leads_and_errors() -> None:
    ((doc_id, text),) = texts(1, seed=2)
    bad = Item(id="", source="f.pdf", code="corrupt_file", message="not a PDF")
    result = analyze_batch(Batch(7, (Item(doc_id, "s", text), bad, Item("y", "t", "hello"))))
    assert result.number == 7 and result.documents == 1
    assert [r["doc_id"] for r in result.rows["documents"]] == [doc_id]
    assert [e["code"] for e in result.errors] == ["corrupt_file", "not_legal_document"]
    assert result.peak_rss_mb > 0 and result.pid > 0


def test_engines_batch_max_chars_refuses_longer_documents() -> None:
    ((doc_id, text),) = texts(1, seed=2)
    result = analyze_batch(Batch(0, (Item(doc_id, "s", text),), max_chars=len(text) - 1))
    assert result.documents == 0
    assert [(e["code"], e["source"]) for e in result.errors] == [("input_too_large", "s")]
    assert "--max-chars" in result.errors[0]["message"]


def test_engines_process_pool_equals_in_process(
    inputs: Path, reference: tuple[object, ...], tmp_path: Path
) -> None:
    _screen(LocalEngine(2), inputs, tmp_path)
    assert _outputs(tmp_path) == reference


def test_engines_dask_cluster_equals_local(
    inputs: Path, reference: tuple[object, ...], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=40,
    ) as cluster:  # fmt: skip
        engine = make_engine("dask", workers=2, scheduler=cluster.scheduler_address)
        assert engine.workers == 2
        _screen(engine, inputs, tmp_path)
    assert _outputs(tmp_path) == reference


def test_engines_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="local or dask"):
        make_engine("spark", workers=1)
