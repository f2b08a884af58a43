"""The `assist` command: a thin shell over the library (parse options, call, print)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from assist.errors import AssistError
from assist.ingest.archive import ARCHIVE_SUFFIXES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="case-assist: read Chinese court documents and find what deserves supervision.",
)


def _inputs(paths: list[str], max_bytes: int) -> Iterator[tuple[str, str] | AssistError]:
    """Yield (id, text) per document, or the error that stopped one input."""
    from assist.ingest.archive import RecordError, iter_records
    from assist.ingest.decode import decode_bytes
    from assist.ingest.formats import read_document

    for arg in paths:
        try:
            if arg == "-":
                yield "stdin", decode_bytes(sys.stdin.buffer.read(), "stdin", max_bytes=max_bytes)
                continue
            path = Path(arg)
            if path.is_dir() or path.suffix.lower() in ARCHIVE_SUFFIXES:
                for rec in iter_records(path, max_bytes=max_bytes):
                    if isinstance(rec, RecordError):
                        yield AssistError(rec.message, source=rec.source, code=rec.code)
                    else:
                        yield rec.id, rec.text
            else:
                doc = read_document(path, max_bytes=max_bytes)
                yield doc.id, doc.text
        except AssistError as err:
            yield err
        except OSError as err:
            yield AssistError(err.strerror or str(err), source=arg)


def _is_single_document(arg: str) -> bool:
    path = Path(arg)
    return arg == "-" or not (path.is_dir() or path.suffix.lower() in ARCHIVE_SUFFIXES)


def _error_line(err: AssistError) -> str:
    return json.dumps({"error": err.to_dict()}, ensure_ascii=False)


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, JSON Lines/CSV/Parquet of {id, text}, or - for stdin."
        ),
    ],
    compact: Annotated[
        bool, typer.Option(help="One JSON line per document even for one input.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.")
    ] = 20_000_000,
    check_legal: Annotated[
        bool, typer.Option(help="Refuse text that is obviously not a legal document.")
    ] = True,
) -> None:
    """Print the contract's JSON analysis of each document (JSON Lines for several)."""
    from assist.analyze import Analyzer
    from assist.schemas import to_json

    analyzer = Analyzer(require_legal=check_legal)
    single = not compact and len(paths) == 1 and _is_single_document(paths[0])
    failed = total = 0
    for item in _inputs(paths, max_bytes):
        total += 1
        if isinstance(item, AssistError):
            failed += 1
            typer.echo(_error_line(item), err=True)
            continue
        doc_id, text = item
        try:
            typer.echo(to_json(analyzer.analyze(text, doc_id), indent=2 if single else None))
        except AssistError as err:
            failed += 1
            err.source = err.source or doc_id
            typer.echo(_error_line(err), err=True)
    if failed:
        raise typer.Exit(code=2 if failed == total else 1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis (contract schema version 1)."""
    from assist.schemas import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def generate(
    out: Annotated[
        Path, typer.Option(help="JSON Lines file to write: {id, kind, text, labels} per line.")
    ],
    n: Annotated[int, typer.Option(help="How many documents.")] = 100,
    seed: Annotated[int, typer.Option(help="Same seed, same documents.")] = 0,
    kind: Annotated[list[str] | None, typer.Option(help="Only these kinds (repeatable).")] = None,
    corpora: Annotated[Path | None, typer.Option(help="Folder holding real/ excerpts.")] = None,
) -> None:
    """Write generated documents (real excerpts in realistic documents) with exact labels."""
    from assist.synth.generator import KINDS, Sources, generate_to

    kinds = tuple(kind) if kind else KINDS
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise typer.BadParameter(
            f"unknown kind {unknown}; choose from {', '.join(KINDS)}", param_hint="--kind"
        )
    sources = Sources(corpora) if corpora else Sources()
    written = generate_to(out, n, seed, kinds=kinds, sources=sources)
    typer.echo(f"wrote {written} documents to {out}", err=True)


@app.command()
def demo() -> None:
    """Analyse the bundled sample documents and print a readable summary."""
    from assist.demo import run_demo

    run_demo()


def main() -> None:  # pragma: no cover - console entry point
    app()
