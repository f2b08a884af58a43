"""The `assist` command: a thin shell over the library (parse options, call, print)."""

from __future__ import annotations

import json
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
    from assist.ingest.archive import RecordError
    from assist.ingest.inputs import iter_inputs
    from assist.schemas import to_json

    analyzer = Analyzer(require_legal=check_legal)
    single = not compact and len(paths) == 1 and _is_single_document(paths[0])
    failed = total = 0
    for item in iter_inputs(paths, max_bytes=max_bytes):
        total += 1
        if isinstance(item, RecordError):
            failed += 1
            typer.echo(
                _error_line(AssistError(item.message, source=item.source, code=item.code)), err=True
            )
            continue
        doc_id, text = item.id, item.text
        try:
            typer.echo(to_json(analyzer.analyze(text, doc_id), indent=2 if single else None))
        except AssistError as err:
            failed += 1
            err.source = err.source or doc_id
            typer.echo(_error_line(err), err=True)
    if failed:
        raise typer.Exit(code=2 if failed == total else 1)


@app.command()
def leads(
    paths: Annotated[
        list[str], typer.Argument(help="Folders, files, JSON Lines/CSV/Parquet of {id, text}.")
    ],
    out: Annotated[
        Path, typer.Option(help="Output folder: leads.csv, leads.jsonl, errors.jsonl, records/.")
    ],
    config: Annotated[
        Path | None,
        typer.Option(help="Cross-case thresholds (TOML); default: the bundled crosscase.toml."),
    ] = None,
    min_level: Annotated[
        str, typer.Option(help="Lowest level of document-level leads to list: low, medium, high.")
    ] = "medium",
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.")
    ] = 20_000_000,
) -> None:
    """Screen an archive: per-document leads plus cross-case leads, ranked by score."""
    from assist.analyze import Analyzer
    from assist.archive.config import load_config
    from assist.archive.run import LEVEL_ORDER, run_archive
    from assist.ingest.inputs import iter_inputs

    if min_level not in LEVEL_ORDER:
        raise typer.BadParameter("choose low, medium or high", param_hint="--min-level")
    try:
        settings = load_config(config)
    except AssistError as err:
        typer.echo(_error_line(err), err=True)
        raise typer.Exit(code=2) from err
    summary = run_archive(
        iter_inputs(paths, max_bytes=max_bytes), out, analyzer=Analyzer(), config=settings,
        min_level=min_level,
    )  # fmt: skip
    typer.echo(
        f"{summary.documents} documents, {summary.errors} errors, "
        f"{sum(summary.leads.values())} leads in {summary.seconds:.1f} s → {out}",
        err=True,
    )


@app.command()
def similar(
    query: Annotated[
        str, typer.Argument(help="A document file, or JSON Lines of {id, text} (several queries).")
    ],
    against: Annotated[
        list[str],
        typer.Option(help="Corpus: a folder or JSON Lines/CSV/Parquet of {id, text} (repeatable)."),
    ],
    top: Annotated[int, typer.Option(min=1, help="How many similar documents per query.")] = 10,
) -> None:
    """Print one JSON line per query: the most similar documents of the corpus, best first."""
    from assist.ingest.archive import RecordError
    from assist.ingest.inputs import iter_inputs
    from assist.similar import run_similar

    def texts(paths: list[str]) -> list[tuple[str, str]]:
        out = []
        for item in iter_inputs(paths):
            if isinstance(item, RecordError):
                err = AssistError(item.message, source=item.source, code=item.code)
                typer.echo(_error_line(err), err=True)
            else:
                out.append((item.id, item.text))
        return out

    corpus = texts(against)
    if not corpus:
        typer.echo(
            _error_line(AssistError("the corpus has no readable document", code="empty_input")),
            err=True,
        )
        raise typer.Exit(code=2)
    for row in run_similar(texts([query]), corpus, top):
        typer.echo(json.dumps(row, ensure_ascii=False))


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
