"""``assist models``: list, show, promote and roll back registered models (a thin shell).

Every command reads the registry under ``--root`` (default: ``$ASSIST_MODELS``, else ``models/``
beside the package, the rule of ``assist.analyze.DEFAULT_MODELS``). Errors go to stderr as one
line and exit with code 2.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from assist.errors import AssistError

models_app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="The model registry: list versions, show one, promote a version, roll back.",
)

RootOption = Annotated[
    Path | None,
    typer.Option("--root", help="The registry folder (default: $ASSIST_MODELS, else models/)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why; kept in history.jsonl.")]


def default_models_root() -> Path:
    """``$ASSIST_MODELS``, else ``models/`` beside the package (read now, not at import)."""
    env = os.environ.get("ASSIST_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


@contextmanager
def _errors() -> Iterator[None]:
    """Domain and file-system errors → one line on stderr, exit code 2."""
    try:
        yield
    except (AssistError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(code=2) from err


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no login name in some containers
        return "cli"


def _models_dir(root: Path | None, name: str) -> Path:
    from assist.learn.catalog import model_folder

    return model_folder(root or default_models_root(), name)


def _metrics_cell(metrics: dict[str, float]) -> str:
    return "\n".join(f"{key} {value:.3f}" for key, value in metrics.items())


@models_app.command("list")
def list_cmd(root: RootOption = None, as_json: JsonOption = False) -> None:
    """Every version of every model, validated; a broken version is listed with its error."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from assist.learn.catalog import list_models

    with _errors():
        infos = list_models(root or default_models_root())
    if as_json:
        typer.echo(json.dumps([i.to_dict() for i in infos], ensure_ascii=False, indent=2))
        return
    table = Table("model", "version", "active", "kind", "task", "created", "data", "metrics")
    for i in infos:
        cells = [i.name, i.version, "✓" if i.active else "", i.backend or i.kind, i.task or ""]
        cells += [(i.created_at or "")[:19], str(i.data_size or "")]
        last = (
            Text(f"invalid: {i.error}", style="red") if i.error else Text(_metrics_cell(i.metrics))
        )
        table.add_row(*map(Text, cells), last)  # Text: meta values are never read as markup
    Console(width=160).print(table)


def _show_text(shown: dict[str, Any]) -> None:
    from rich.console import Console

    say = Console(width=160, highlight=False, markup=False).print  # values are never markup
    meta = shown["meta"] or {}
    state = "active" if shown["active"] else f"not active (active: {shown['active_version']})"
    say(f"{shown['name']} {shown['version']} — {shown['kind']}, {state}", style="bold")
    for key in ("backend", "task", "created_at", "notes"):
        if meta.get(key):
            say(f"{key}: {meta[key]}")
    if isinstance(meta.get("data"), dict):
        say(f"data: {meta['data'].get('size')} records {meta['data'].get('parts')}")
    if shown["error"]:
        say(f"invalid: {shown['error']}", style="red")
    for key in ("thresholds", "metrics", "files"):
        if meta.get(key):
            say(f"{key}: " + json.dumps(meta[key], ensure_ascii=False, indent=2))
    for entry in shown["history"]:
        say(
            f"history: {entry['at']} {entry['action']} {entry['version']} "
            f"(was {entry['previous']}) by {entry['actor']} {entry['reason']}"
        )


@models_app.command("show")
def show_cmd(
    name: Annotated[str, typer.Argument(help="The model (a folder of the registry).")],
    version: Annotated[str | None, typer.Argument(help="Default: the active version.")] = None,
    root: RootOption = None,
    as_json: JsonOption = False,
) -> None:
    """One version's meta.json, whether it validates and is active, and the model's history."""
    from assist.learn.catalog import show_model

    with _errors():
        shown = show_model(root or default_models_root(), name, version)
    if as_json:
        typer.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    else:
        _show_text(shown)


@models_app.command("promote")
def promote_cmd(
    name: Annotated[str, typer.Argument(help="The model (a folder of the registry).")],
    version: Annotated[str, typer.Argument(help="The version to make active.")],
    reason: ReasonOption = "",
    root: RootOption = None,
) -> None:
    """Validate VERSION, make it the active one, and record it in history.jsonl."""
    from assist.learn.activation import promote

    with _errors():
        entry = promote(_models_dir(root, name), version, actor=_actor(), reason=reason)
    typer.echo(f"{name}: {entry.version} is active (was {entry.previous or 'none'})")


@models_app.command("rollback")
def rollback_cmd(
    name: Annotated[str, typer.Argument(help="The model (a folder of the registry).")],
    reason: ReasonOption = "",
    root: RootOption = None,
) -> None:
    """Re-activate the version that was active before the latest promotion."""
    from assist.learn.activation import rollback

    with _errors():
        entry = rollback(_models_dir(root, name), actor=_actor(), reason=reason)
    typer.echo(f"{name}: rolled back to {entry.version} (was {entry.previous})")
