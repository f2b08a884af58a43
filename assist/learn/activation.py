"""Promotion, rollback and their history, for every model kind (learned and router).

    models/issues/
        active          ← one line: the version in use (read by ``assist.learn.registry``)
        history.jsonl   ← one line per promote / rollback: {at, action, version, previous, ...}

A version is validated (``registry.validate_version``) before ``active`` points at it; the
pointer is replaced atomically and the history line is flushed to disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assist.learn.registry import _VERSION, _version_dir, read_active, validate_version
from assist.route.registry import ACTIVE_FILE, ModelError

HISTORY_FILE = "history.jsonl"


class HistoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: datetime
    action: Literal["promote", "rollback"]
    version: Annotated[str, Field(pattern=_VERSION.pattern)]
    previous: str | None
    actor: str
    reason: str = ""


def read_history(models_dir: Path) -> list[HistoryEntry]:
    path = models_dir / HISTORY_FILE
    if not path.is_file():
        return []
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                entries.append(HistoryEntry.model_validate_json(line))
            except ValidationError as exc:
                raise ModelError(f"{path}:{n} is not a history entry: {exc}") from exc
    return entries


def _activate(models_dir: Path, entry: HistoryEntry) -> HistoryEntry:
    """Point ``active`` at the entry's version (atomically), then append the entry."""
    tmp = models_dir / f"{ACTIVE_FILE}.{os.getpid()}.part"
    tmp.write_text(entry.version + "\n", encoding="utf-8")
    os.replace(tmp, models_dir / ACTIVE_FILE)
    with (models_dir / HISTORY_FILE).open("a", encoding="utf-8") as fh:
        fh.write(entry.model_dump_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return entry


def promote(
    models_dir: Path, version: str, *, actor: str = "cli", reason: str = ""
) -> HistoryEntry:
    """Make ``version`` the active one after validating it; record it in history.jsonl."""
    validate_version(_version_dir(models_dir, version))
    previous = read_active(models_dir)
    if previous == version:
        raise ModelError(f"{models_dir.name} {version} is already the active version")
    return _activate(models_dir, HistoryEntry(
        at=datetime.now(UTC), action="promote", version=version, previous=previous,
        actor=actor, reason=reason,
    ))  # fmt: skip


def _promotions_in_effect(history: list[HistoryEntry]) -> Iterator[HistoryEntry]:
    stack: list[HistoryEntry] = []
    for entry in history:
        if entry.action == "promote":
            stack.append(entry)
        elif stack:
            stack.pop()  # a rollback undoes the latest promotion still in effect
    return reversed(stack)


def rollback(models_dir: Path, *, actor: str = "cli", reason: str = "") -> HistoryEntry:
    """Re-activate the version that was active before the latest promotion still in effect."""
    name = models_dir.name
    top = next(_promotions_in_effect(read_history(models_dir)), None)
    if top is None:
        raise ModelError(f"{name}: no promotion in {HISTORY_FILE} to roll back")
    current = read_active(models_dir)
    if current != top.version:
        raise ModelError(
            f"{name}: active is {current}, but the latest promotion in effect is {top.version} "
            "(the pointer was changed outside `assist models`); promote a version explicitly"
        )
    if top.previous is None:
        raise ModelError(
            f"{name}: {top.version} was promoted with none before it; nothing to roll back to"
        )
    try:
        validate_version(_version_dir(models_dir, top.previous))
    except ModelError as exc:
        raise ModelError(f"{name}: cannot roll back to {top.previous}: {exc}") from exc
    return _activate(models_dir, HistoryEntry(
        at=datetime.now(UTC), action="rollback", version=top.previous, previous=current,
        actor=actor, reason=reason,
    ))  # fmt: skip
