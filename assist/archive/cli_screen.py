"""`assist screen`: option checking, the engine's life cycle and the final summary table."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import cast

import typer

from assist.analysis import Level
from assist.errors import AssistError
from assist.ingest.archive import Record
from assist.ingest.inputs import iter_inputs

LEVELS = ("low", "medium", "high")


def _day(value: str | None, hint: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint=hint) from exc


def run_screen_command(
    paths: list[str], out: Path, *, workers: int, engine: str, scheduler: str | None,
    config: Path | None, model: str | None, min_level: str, since: str | None, until: str | None, resume: bool,
    batch_size: int, report: bool, progress: bool, max_bytes: int, max_chars: int = 2_000_000,
) -> None:  # fmt: skip
    from assist.archive.config import load_config
    from assist.archive.engines import make_engine
    from assist.archive.screen import ResumeError, ScreenOptions, estimate_total, screen

    if min_level not in LEVELS:
        raise typer.BadParameter("choose low, medium or high", param_hint="--min-level")
    if engine not in ("local", "dask"):
        raise typer.BadParameter("choose local or dask", param_hint="--engine")
    options = ScreenOptions(
        batch_size=batch_size, min_level=cast(Level, min_level), model=model,
        since=_day(since, "--since"), until=_day(until, "--until"), resume=resume, report=report,
        max_chars=max_chars,
    )  # fmt: skip
    try:
        settings = load_config(config)
    except AssistError as err:
        typer.echo(f"error: {err.message}", err=True)
        raise typer.Exit(code=2) from err
    n = workers if workers >= 0 else (os.cpu_count() or 1)
    runner = make_engine(
        engine, workers=n if engine == "local" else max(n, 1), scheduler=scheduler, model=model
    )

    def texts_for(ids: set[str]) -> Mapping[str, str]:
        found: dict[str, str] = {}
        for item in iter_inputs(paths, max_bytes=max_bytes):
            if isinstance(item, Record) and item.id in ids:
                found[item.id] = item.text
                if len(found) == len(ids):
                    break
        return found

    try:
        summary = screen(
            iter_inputs(paths, max_bytes=max_bytes), out, engine=runner, config=settings,
            options=options, total=estimate_total(paths) if progress else None,
            progress=progress, texts_for=texts_for,
        )  # fmt: skip
    except ResumeError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from err
    finally:
        runner.close()
    _print_summary(summary.to_dict(), out)


def _print_summary(data: Mapping[str, object], out: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from assist.archive.report import LEVEL_ZH, TYPE_ZH

    table = Table(title=f"screen → {out}", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    rss = cast(Mapping[str, float], data["peak_rss_mb"])
    rows = [
        ("documents", data["documents"]), ("errors", data["errors"]),
        ("batches (skipped: resumed)", f"{data['batches']} ({data['skipped_batches']})"),
        ("per-document stage, s", data["document_seconds"]),
        ("cross-case stage, s", data["crosscase_seconds"]), ("total, s", data["seconds"]),
        ("peak RSS per worker, MB", max(rss.values(), default=0)),
    ]  # fmt: skip
    for label, value in rows:
        table.add_row(label, str(value))
    for lead in cast(list[dict[str, object]], data["leads"]):
        kind = TYPE_ZH.get(str(lead["type"]), str(lead["type"]))
        table.add_row(f"leads {kind} {LEVEL_ZH.get(str(lead['level']), '')}", str(lead["count"]))
    Console(stderr=True, file=sys.stderr).print(table)
