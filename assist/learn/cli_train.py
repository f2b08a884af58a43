"""``assist train`` and ``assist evaluate`` (thin shells over ``train`` and ``evaluation``)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from assist.learn.cli_models import _errors, default_models_root

LabelFiles = Annotated[
    list[Path],
    typer.Argument(help="Label files (JSON Lines, TAXONOMY §4), e.g. corpora/labels/*.jsonl."),
]
Root = Annotated[
    Path | None, typer.Option(help="Model registry root (default: $ASSIST_MODELS or models/).")
]


def parse_params(items: list[str]) -> dict[str, Any]:
    """``["C=2", "char_weight=0.5", "class_weight=null"]`` → values parsed as JSON, else text."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.isidentifier():
            raise typer.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        try:
            out[key] = json.loads(value)
        except ValueError:
            out[key] = value
    return out


def _command() -> str:
    return "assist " + " ".join(shlex.quote(a) for a in sys.argv[1:])


def train_command(
    labels: LabelFiles,
    name: Annotated[
        str, typer.Option(help="Registry name: models/<name>/ (router: the Analyzer's).")
    ],
    task: Annotated[str, typer.Option(help="domain, subdomain or issues.")],
    backend: Annotated[str, typer.Option(help="tfidf or transformer.")] = "tfidf",
    param: Annotated[
        list[str] | None, typer.Option(help="Backend parameter NAME=VALUE (repeatable).")
    ] = None,
    checkpoint: Annotated[
        Path | None, typer.Option(help="transformer: a LOCAL Hugging Face checkpoint folder.")
    ] = None,
    test_percent: Annotated[
        int, typer.Option(min=1, max=90, help="Held-out share (by document hash).")
    ] = 20,
    salt: Annotated[str, typer.Option(help="Changes which documents are held out.")] = "",
    min_level: Annotated[
        str, typer.Option(help="issues: lowest level counted positive.")
    ] = "medium",
    target_precision: Annotated[
        float, typer.Option(help="issues: precision the thresholds aim at.")
    ] = 0.8,
    threshold_folds: Annotated[
        int, typer.Option(min=0, help="issues: CV folds for thresholds (0: choose on held-out).")
    ] = 3,
    version: Annotated[
        str | None, typer.Option(help="Version name (default: next number).")
    ] = None,
    activate: Annotated[bool, typer.Option(help="Promote the new version at once.")] = False,
    skip_bad: Annotated[
        bool, typer.Option(help="Leave bad label records out instead of stopping.")
    ] = False,
    report: Annotated[Path | None, typer.Option(help="Markdown report (charts beside it).")] = None,
    root: Root = None,
) -> None:
    """Train a model on labelled documents, evaluate it on held-out ones against the active
    version, and register it (not active unless --activate)."""
    from assist.learn.reporting import write_training_report
    from assist.learn.train import TrainSpec, train_model

    params = parse_params(param or [])
    if checkpoint is not None:
        params["checkpoint"] = str(checkpoint)
    with _errors():
        spec = TrainSpec(
            name=name, task=task, backend=backend, params=params,  # type: ignore[arg-type]
            test_percent=test_percent, salt=salt, min_level=min_level,
            target_precision=target_precision, threshold_folds=threshold_folds, skip_bad=skip_bad,
        )  # fmt: skip
        models_root = root or default_models_root()
        result = train_model(spec, labels, models_root, version=version, activate=activate)
        out = report or Path("reports") / f"train-{name}-{result.version}.md"
        write_training_report(result, spec, out, command=_command())
    for problem in result.problems:
        typer.echo(str(problem), err=True)
    for part in result.parts:
        ev = part.evaluation
        typer.echo(
            f"{part.name}: n={ev.n} accuracy={_f(ev.accuracy)} macro_f1={_f(ev.macro_f1)} "
            f"ece={_f(ev.ece)}"
            + (f" (active: macro_f1={_f(part.old.macro_f1)})" if part.old else ""),
            err=True,
        )
    typer.echo(f"registered {result.path}; report {out}", err=True)
    typer.echo(json.dumps({"name": name, "version": result.version, "path": str(result.path),
                           "report": str(out)}))  # fmt: skip


def evaluate_command(
    labels: LabelFiles,
    name: Annotated[str, typer.Option(help="Registry name: models/<name>/.")],
    version: Annotated[str | None, typer.Option(help="Version to score (default: active).")] = None,
    against: Annotated[
        str | None, typer.Option(help="Version to compare with (default: the active one).")
    ] = None,
    split: Annotated[str, typer.Option(help="test (the version's held-out rule) or all.")] = "test",
    skip_bad: Annotated[
        bool, typer.Option(help="Leave bad label records out instead of stopping.")
    ] = False,
    report: Annotated[Path | None, typer.Option(help="Markdown report (charts beside it).")] = None,
    root: Root = None,
) -> None:
    """Score a registered version on labelled documents (its held-out split), beside another."""
    from assist.learn.evaluation import evaluate_model
    from assist.learn.reporting import write_evaluation_report

    if split not in ("test", "all"):
        raise typer.BadParameter("choose test or all", param_hint="--split")
    with _errors():
        result = evaluate_model(
            root or default_models_root(), name, labels, version=version, against=against,
            split=split, skip_bad=skip_bad,  # type: ignore[arg-type]
        )  # fmt: skip
        out = report or Path("reports") / f"eval-{name}-{result.version}.md"
        write_evaluation_report(result, out, command=_command())
    rows = {p.name: {"new": _headline(p.evaluation), "old": _headline(p.old)} for p in result.parts}
    typer.echo(json.dumps({"name": name, "version": result.version, "against": result.against,
                           "parts": rows, "report": str(out)}, ensure_ascii=False))  # fmt: skip


def _headline(ev: Any) -> dict[str, Any] | None:
    from assist.learn.train import headline

    return None if ev is None else headline(ev)


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
