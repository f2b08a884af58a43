"""``assist labels``: validate labelled data, turn reviews into labels, merge them into a corpus.

Problems go to stdout, one per line (``file:line: doc_id: kind: message``); summaries to stderr.
Exit 1 when an error-kind problem is found (``duplicate_text`` and skipped reviews are notices).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from assist.learn.labels import Problem, check_leakage, read_labels, write_jsonl, write_labels
from assist.learn.reviews import merge_labels, reviews_to_labels

labels_app = typer.Typer(
    no_args_is_help=True,
    help="Labelled training data (TAXONOMY §4): validate, convert reviews, merge.",
)

FilesArg = Annotated[list[Path], typer.Argument(help="JSON Lines label files.", show_default=False)]


def _summary(problems: Sequence[Problem]) -> str:
    counts = Counter(p.kind for p in problems)
    errors = sum(1 for p in problems if p.is_error)
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
    return f"{errors} errors, {len(problems) - errors} notices" + (f" ({kinds})" if kinds else "")


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        typer.echo(str(problem))


@labels_app.command()
def validate(
    files: FilesArg,
    test: Annotated[
        list[Path] | None,
        typer.Option("--test", help="Test-set files: validated, and checked for texts in FILES."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON report on stdout.")] = False,
) -> None:
    """Check every record (schema, labels, spans, duplicates) and train/test leakage."""
    train = read_labels(files)
    problems = list(train.problems)
    test_count = 0
    if test:
        held_out = read_labels(test)
        test_count = len(held_out.records)
        problems += held_out.problems
        names = ",".join(str(p) for p in test)
        problems += check_leakage(train.records, held_out.records, test_file=names)
    errors = sum(1 for p in problems if p.is_error)
    if as_json:
        report = {
            "records": len(train.records),
            "test_records": test_count,
            "errors": errors,
            "counts": dict(sorted(Counter(p.kind for p in problems).items())),
            "problems": [p.to_dict() for p in problems],
        }
        typer.echo(json.dumps(report, ensure_ascii=False))
    else:
        _report(problems)
        kept = f"{len(train.records)} records" + (f" + {test_count} test" if test else "")
        typer.echo(f"{kept}: {_summary(problems)}", err=True)
    if errors:
        raise typer.Exit(code=1)


@labels_app.command("from-reviews")
def from_reviews(
    reviews: Annotated[Path, typer.Argument(help="The file of `assist reviews export`.")],
    out: Annotated[Path, typer.Option(help="Label file to write (JSON Lines).")],
) -> None:
    """Turn exported reviews into document labels (one record per reviewed document)."""
    found = reviews_to_labels(reviews)
    _report(found.problems)
    count = write_labels(found.records, out)
    typer.echo(f"wrote {count} labels to {out}: {_summary(found.problems)}", err=True)
    if found.errors:
        raise typer.Exit(code=1)


@labels_app.command()
def merge(
    corpus: FilesArg,
    reviews: Annotated[Path, typer.Option(help="Labels made by `assist labels from-reviews`.")],
    out: Annotated[Path, typer.Option(help="Merged label file to write.")],
    conflicts: Annotated[
        Path | None, typer.Option(help="Write the corpus/review disagreements here (JSON Lines).")
    ] = None,
) -> None:
    """Apply review labels to a corpus (reviews win for their issue types); report conflicts."""
    base, extra = read_labels(corpus), read_labels([reviews])
    problems = base.problems + extra.problems
    _report(problems)
    if base.errors or extra.errors:
        typer.echo(f"not merged: {_summary(problems)}; fix the files first", err=True)
        raise typer.Exit(code=1)
    merged, found = merge_labels(base.records, extra.records)
    count = write_labels(merged, out)
    if conflicts is not None:
        write_jsonl((c.to_dict() for c in found), conflicts)
    for c in found:
        change = f"corpus {c.corpus_level} → review {c.review_level} ({c.review_source})"
        typer.echo(f"conflict: {c.doc_id}: {c.type}: {change}", err=True)
    added = len(merged) - len(base.records)
    typer.echo(f"wrote {count} records to {out} ({added} new, {len(found)} conflicts)", err=True)
