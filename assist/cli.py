"""The `assist` command: a thin shell over the library (parse options, call, print)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from assist.errors import AssistError
from assist.ingest.archive import ARCHIVE_SUFFIXES
from assist.learn.cli_labels import labels_app
from assist.learn.cli_models import models_app
from assist.learn.cli_train import evaluate_command, train_command

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
    max_chars: Annotated[
        int, typer.Option(min=1, help="Refuse documents longer than this many characters.")
    ] = 2_000_000,
    check_legal: Annotated[
        bool, typer.Option(help="Refuse text that is obviously not a legal document.")
    ] = True,
) -> None:
    """Print the contract's JSON analysis of each document (JSON Lines for several)."""
    from assist.analyze import Analyzer
    from assist.ingest.archive import RecordError
    from assist.ingest.inputs import iter_inputs
    from assist.schemas import to_json

    analyzer = Analyzer(max_chars=max_chars, require_legal=check_legal)
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
        try:
            typer.echo(to_json(analyzer.analyze(item.text, item.id), indent=2 if single else None))
        except AssistError as err:
            failed += 1
            err.source = item.source  # the file (or file:line) to fix, as `screen` names it
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
def screen(
    paths: Annotated[
        list[str],
        typer.Argument(help="Folders (recursive: txt/docx/pdf/html), JSON Lines/CSV/Parquet."),
    ],
    out: Annotated[Path, typer.Option(help="Output folder (see assist/archive/screen.py).")],
    workers: Annotated[
        int, typer.Option(min=0, help="Worker processes (0: in this process); default: CPUs.")
    ] = -1,
    engine: Annotated[str, typer.Option(help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address tcp://HOST:PORT (engine dask).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="Cross-case thresholds (TOML); default: the bundled one.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="Router version of the model registry (default: the active one)."),
    ] = None,
    min_level: Annotated[
        str, typer.Option(help="Lowest level of document-level leads: low, medium, high.")
    ] = "medium",
    since: Annotated[
        str | None, typer.Option(help="Only leads on documents decided on/after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only leads on documents decided on/before (YYYY-MM-DD).")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Continue an interrupted run in --out, skipping done batches.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 256,
    report: Annotated[bool, typer.Option(help="Write report.html.")] = True,
    progress: Annotated[bool, typer.Option(help="Show progress on stderr.")] = True,
    max_bytes: Annotated[
        int, typer.Option(help="Refuse inputs larger than this many bytes.")
    ] = 20_000_000,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Refuse documents longer than this many characters.")
    ] = 2_000_000,
) -> None:
    """Screen an archive at scale: parallel analysis, resumable, leads + report.html."""
    from assist.archive.cli_screen import run_screen_command

    run_screen_command(
        paths, out, workers=workers, engine=engine, scheduler=scheduler, config=config,
        model=model, min_level=min_level, since=since, until=until, resume=resume, batch_size=batch_size,
        report=report, progress=progress, max_bytes=max_bytes, max_chars=max_chars,
    )  # fmt: skip


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
def draft(
    path: Annotated[Path, typer.Argument(help="One document (txt, docx, pdf, html).")],
    docx: Annotated[
        Path | None, typer.Option(help="Also write the 检察建议书 as Word (.docx) here.")
    ] = None,
) -> None:
    """Print the drafted 检察建议书 for a document's top lead (medium or above)."""
    from assist.analyze import Analyzer
    from assist.ingest.formats import read_document

    try:
        doc = read_document(path)
        analysis = Analyzer().analyze(doc.text, doc.id)
    except AssistError as err:
        typer.echo(_error_line(err), err=True)
        raise typer.Exit(code=2) from err
    rec = analysis.recommendation
    if rec is None:
        typer.echo("no lead reaches medium: nothing to draft", err=True)
        raise typer.Exit(code=1)
    typer.echo(rec.draft)
    if docx is not None:
        from assist.export.docx import recommendation_docx

        docx.write_bytes(recommendation_docx(rec, doc_meta=analysis.document))
        typer.echo(f"wrote {docx}", err=True)


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


# --- service commands (issue 5): serve, tokens, reviews -------------------------------------

tokens_app = typer.Typer(no_args_is_help=True, help="Service tokens (hashed at rest).")
reviews_app = typer.Typer(no_args_is_help=True, help="Lead reviews recorded by the service.")
app.add_typer(tokens_app, name="tokens")
app.add_typer(reviews_app, name="reviews")
app.add_typer(labels_app, name="labels")
app.add_typer(models_app, name="models")
app.command("train")(train_command)
app.command("evaluate")(evaluate_command)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    demo: Annotated[
        bool, typer.Option(help="Development only: load the samples and print a local token.")
    ] = False,
) -> None:
    """Run the HTTP service (settings from ASSIST_* environment variables)."""
    import os

    from assist.service.admin import local_token
    from assist.service.logging import setup_logging
    from assist.service.settings import Settings

    try:
        settings = Settings()
    except ValueError as err:
        typer.echo(f"refusing to start: {err}", err=True)
        raise typer.Exit(code=2) from err
    if demo:
        if settings.environment != "development":
            raise typer.BadParameter("--demo is for ASSIST_ENVIRONMENT=development only")
        os.environ["ASSIST_LOAD_SAMPLES"] = "true"  # the workers read the environment
        token = local_token(settings)
        url = f"http://{host}:{port}"
        typer.echo(f"case-assist service: {url}  (page: {url}/ui/, API docs: {url}/docs)")
        typer.echo("local admin token (new on every start; paste it on the page's sign-in):")
        typer.echo(token)
        typer.echo(
            f"try: curl -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' "
            f'-d \'{{"text": "..."}}\' {url}/v1/analyze'
        )
    from assist.service.server import run as run_server

    setup_logging()
    run_server(host, port, workers)  # uvicorn, TCP_NODELAY on every connection


@tokens_app.command("create")
def tokens_create(
    name: Annotated[str, typer.Option(help="Who the token is for (unique).")],
    role: Annotated[str, typer.Option(help="reviewer or admin.")] = "reviewer",
) -> None:
    """Create a token and print it on its own line (it is shown only this once)."""
    from assist.service.admin import open_store
    from assist.service.auth import create_token
    from assist.service.errors import ServiceError
    from assist.service.settings import Settings

    settings = Settings()
    store = open_store(settings)
    try:
        with store.session() as s:
            token = create_token(s, name, role, settings.pepper)
    except ServiceError as err:
        typer.echo(_error_line(AssistError(err.message, code=err.code)), err=True)
        raise typer.Exit(code=2) from err
    finally:
        store.dispose()
    typer.echo(token)


@tokens_app.command("list")
def tokens_list() -> None:
    """List tokens: name, role, created, last used (never the token itself)."""
    from assist.service.admin import open_store
    from assist.service.auth import list_tokens
    from assist.service.settings import Settings

    store = open_store(Settings())
    with store.session() as s:
        for t in list_tokens(s):
            used = t.last_used_at.isoformat(timespec="seconds") if t.last_used_at else "never"
            typer.echo(f"{t.name}\t{t.role}\t{t.created_at.isoformat(timespec='seconds')}\t{used}")
    store.dispose()


@tokens_app.command("revoke")
def tokens_revoke(name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """Revoke a token by name; calls with it get 401 from now on."""
    from assist.service.admin import open_store
    from assist.service.auth import revoke_token
    from assist.service.errors import ServiceError
    from assist.service.settings import Settings

    store = open_store(Settings())
    try:
        with store.session() as s:
            revoke_token(s, name)
    except ServiceError as err:
        typer.echo(_error_line(AssistError(err.message, code=err.code)), err=True)
        raise typer.Exit(code=2) from err
    finally:
        store.dispose()
    typer.echo(f"revoked {name}", err=True)


@reviews_app.command("export")
def reviews_export(
    out: Annotated[Path, typer.Option(help="JSON Lines file: one review (a label) per line.")],
) -> None:
    """Export every review as labels for retraining (lead, evidence, decision, note)."""
    from assist.service.admin import export_reviews
    from assist.service.settings import Settings

    count = export_reviews(Settings(), out)
    typer.echo(f"wrote {count} reviews to {out}", err=True)


def main() -> None:  # pragma: no cover - console entry point
    app()
