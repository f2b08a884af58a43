"""Batch screening: exactly-once after SIGKILL + --resume, bad inputs recorded, period filters,
checkpoints refused under other options, plain progress lines when not on a terminal."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path

import pytest

from assist.archive.config import default_config
from assist.archive.engines import LocalEngine
from assist.archive.screen import (
    Progress,
    ResumeError,
    ScreenOptions,
    estimate_total,
    lead_from_dict,
    screen,
)
from assist.ingest.inputs import iter_inputs
from tests.archive.screen_factory import all_rows, doc_ids, texts, write_jsonl

ASSIST = [str(Path(sys.executable).parent / "assist")]
N_KILL = 1200


def _run(paths: list[str], out: Path, **kw: object) -> None:
    engine = LocalEngine(0)
    try:
        screen(
            iter_inputs(paths),
            out,
            engine=engine,
            config=default_config(),
            options=ScreenOptions(**kw),
            progress=False,
        )  # type: ignore[arg-type]
    finally:
        engine.close()


def _leads(out: Path) -> list[str]:
    return (out / "leads.jsonl").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("arc") / "documents.jsonl", N_KILL)


def test_screen_resume_after_sigkill_is_exactly_once(big: Path, tmp_path: Path) -> None:
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    cmd = [*ASSIST, "screen", str(big), "--workers", "1", "--batch-size", "25", "--no-report"]
    subprocess.run([*cmd, "--out", str(whole)], check=True, capture_output=True, timeout=120)
    proc = subprocess.Popen([*cmd, "--out", str(killed)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    checkpoint = killed / "checkpoint.json"
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and done < 6:
        time.sleep(0.02)
        try:
            done = len(json.loads(checkpoint.read_text())["batches"])
        except (OSError, ValueError):
            continue
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the CLI and its worker processes
    proc.wait()
    done = len(json.loads(checkpoint.read_text())["batches"])
    assert 6 <= done < N_KILL // 25, "the kill must land mid-way"
    assert not (killed / "leads.jsonl").exists()
    resumed = subprocess.run([*cmd, "--out", str(killed), "--resume"], capture_output=True,
                             text=True, timeout=120)  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    ids = doc_ids(killed)
    assert len(ids) == N_KILL and len(set(ids)) == N_KILL  # no loss, no duplicate
    summary = json.loads((killed / "summary.json").read_text())
    assert summary["skipped_batches"] == done and summary["analysed_now"] < N_KILL
    assert _leads(killed) == _leads(whole)
    assert all_rows(killed) == all_rows(whole)
    assert not list(killed.rglob("*.part"))


def test_screen_mixed_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    (_, a), (_, b), (_, c) = texts(3, seed=11)
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(a, encoding="utf-8")
    (root / "sub" / "b.html").write_text(f"<html><body><p>{b}</p></body></html>", "utf-8")
    document = docx.Document()
    for line in c.splitlines():
        document.add_paragraph(line)
    document.save(str(root / "sub" / "deeper" / "c.docx"))
    (root / "empty.txt").write_bytes(b"")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "hello.txt").write_text("hello world, this is not a court document", "utf-8")
    out = tmp_path / "out"
    _run([str(root), str(tmp_path / "missing")], out)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    by_source = {Path(e["source"]).name: e["code"] for e in errors}
    assert set(by_source) == {"empty.txt", "broken.pdf", "broken.docx", "picture.png",
                              "hello.txt", "missing"}  # fmt: skip
    assert all(e["message"] for e in errors)
    assert sorted(doc_ids(out)) == ["a", "sub/b", "sub/deeper/c"]
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["documents"], summary["errors"]) == (3, 6)


def test_screen_period_filter_keeps_only_documents_decided_in_it(big: Path, tmp_path: Path) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", 300, seed=4)
    everything, period = tmp_path / "all", tmp_path / "period"
    _run([str(small)], everything, report=False)
    since, until = date(2019, 1, 1), date(2020, 12, 31)
    _run([str(small)], period, since=since, until=until, report=False)
    kept = [lead_from_dict(json.loads(x)) for x in _leads(period)]
    assert 0 < len(kept) < len(_leads(everything))
    for lead in kept:
        if lead.code == "document":
            decided = lead.documents[0].decided
            assert decided is not None and since <= date.fromisoformat(decided) <= until


def test_screen_resume_refuses_other_options(tmp_path: Path) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", 30)
    _run([str(small)], tmp_path / "out", batch_size=10, report=False)
    with pytest.raises(ResumeError, match="batch_size"):
        _run([str(small)], tmp_path / "out", batch_size=20, resume=True, report=False)
    with pytest.raises(ResumeError, match="nothing to resume"):
        _run([str(small)], tmp_path / "fresh", resume=True, report=False)


def test_screen_resume_of_a_finished_run_analyses_nothing(tmp_path: Path) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", 60)
    out = tmp_path / "out"
    _run([str(small)], out, batch_size=16, report=False)
    before = _leads(out)
    _run([str(small)], out, batch_size=16, resume=True, report=False)
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["analysed_now"], summary["skipped_batches"], summary["batches"]) == (0, 4, 4)
    ids = doc_ids(out)
    assert _leads(out) == before and len(ids) == len(set(ids)) == 60


def test_screen_progress_prints_plain_lines_without_a_terminal() -> None:
    buf = io.StringIO()
    with redirect_stderr(buf):
        bar = Progress(100, every=0.0)
        bar.advance(40)
        bar.close()
    assert "40/100 inputs" in buf.getvalue() and "docs/s" in buf.getvalue()
    assert "ETA" in buf.getvalue()


def test_screen_estimate_total_counts_lines_and_files(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "x" / "a.jsonl", 25)
    (tmp_path / "x" / "b.txt").write_text("判决书", "utf-8")
    assert estimate_total([str(tmp_path / "x")]) == 26


def test_screen_cli_refuses_bad_options(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assist.cli import app

    small = write_jsonl(tmp_path / "small.jsonl", 5)
    base = ["screen", str(small), "--out", str(tmp_path / "o"), "--workers", "0"]
    runner = CliRunner()
    assert runner.invoke(app, [*base, "--since", "2019-13-01"]).exit_code == 2
    assert runner.invoke(app, [*base, "--engine", "spark"]).exit_code == 2
    assert runner.invoke(app, [*base, "--min-level", "urgent"]).exit_code == 2
    resumed = runner.invoke(app, [*base, "--resume"])
    assert resumed.exit_code == 2 and "nothing to resume" in resumed.output
    done = runner.invoke(app, [*base, "--no-progress", "--no-report"])
    assert done.exit_code == 0 and (tmp_path / "o" / "leads.csv").exists()


def test_screen_period_of_the_config_applies_without_command_line_dates(tmp_path: Path) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", 300, seed=4)
    since, until = date(2019, 1, 1), date(2020, 12, 31)
    config = default_config().model_copy(update={"period_start": since, "period_end": until})
    engine = LocalEngine(0)
    screen(iter_inputs([str(small)]), tmp_path / "out", engine=engine, config=config,
           options=ScreenOptions(report=False), progress=False)  # fmt: skip
    for line in _leads(tmp_path / "out"):
        lead = lead_from_dict(json.loads(line))
        if lead.code == "document":
            decided = lead.documents[0].decided
            assert decided is not None and since <= date.fromisoformat(decided) <= until
