"""Listing and showing registered models of every kind, for ``assist models list`` / ``show``.

Every version is validated as a loader would; one that fails is listed with its error, not
hidden.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assist.learn.activation import read_history
from assist.learn.registry import (
    _NAME,
    ROUTER_NAME,
    _read_raw,
    _version_dir,
    active_version,
    meta_kind,
    read_active,
    validate_version,
    versions,
)
from assist.route.registry import META_FILE, ModelError

_HEADLINE = re.compile(r"(f1|accuracy|precision|recall|auc)")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """One version of one model, for ``assist models list`` (``error`` when it does not validate)."""

    name: str
    version: str
    kind: str
    backend: str | None
    task: str | None
    created_at: str | None
    data_size: int | None
    metrics: dict[str, float]
    active: bool
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def headline_metrics(metrics: Any, limit: int = 4) -> dict[str, float]:
    """The first few F1 / accuracy / precision / recall / AUC figures, as dotted keys."""
    out: dict[str, float] = {}

    def walk(node: Any, prefix: str) -> None:
        for key, value in node.items() if isinstance(node, dict) else ():
            if len(out) >= limit:
                return
            dotted = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(value, dotted + ".")
            elif _HEADLINE.search(str(key)) and _is_number(value):
                out[dotted] = float(value)

    walk(metrics, "")
    return out


def _info(models_dir: Path, version: str, active: str | None) -> ModelInfo:
    raw: dict[str, Any] = {}
    error = None
    try:
        raw = _read_raw(models_dir / version / META_FILE)
        validate_version(models_dir / version)
    except (ModelError, OSError) as exc:
        error = str(exc)
    data = raw.get("data")
    size = data.get("size") if isinstance(data, dict) else None
    kind = meta_kind(raw) if raw else "unknown"
    return ModelInfo(
        name=models_dir.name, version=version, kind=kind,
        backend=raw.get("backend") if isinstance(raw.get("backend"), str) else None,
        task={"learned": raw.get("task"), ROUTER_NAME: "domain+subdomain"}.get(kind),
        created_at=str(raw["created_at"]) if "created_at" in raw else None,
        data_size=size if isinstance(size, int) else None,
        metrics=headline_metrics(raw.get("metrics")), active=version == active, error=error,
    )  # fmt: skip


def list_models(models_root: Path) -> list[ModelInfo]:
    """Every version of every model under ``models_root``, validated (errors listed, not hidden)."""
    if not models_root.is_dir():
        raise ModelError(f"{models_root} is not a folder; set ASSIST_MODELS or --root")
    out = []
    for models_dir in sorted(p for p in models_root.iterdir() if p.is_dir()):
        if not models_dir.name.startswith("."):
            active = read_active(models_dir)
            out += [_info(models_dir, v, active) for v in versions(models_dir)]
    return out


def model_folder(models_root: Path, name: str) -> Path:
    """``models_root/name`` when it is a model's folder, else an error naming those there."""
    folder = models_root / name
    if not re.match(_NAME, name) or not folder.is_dir():
        found = sorted(p.name for p in models_root.glob("[!.]*/")) if models_root.is_dir() else []
        raise ModelError(f"no model {name!r} in {models_root}; models: {found or 'none'}")
    return folder


def show_model(models_root: Path, name: str, version: str | None = None) -> dict[str, Any]:
    """One version's meta.json (default: the active one), its status, and the model's history."""
    models_dir = model_folder(models_root, name)
    active = read_active(models_dir)
    path = _version_dir(models_dir, version or active_version(models_dir))
    info = _info(models_dir, path.name, active)
    try:
        meta: Any = _read_raw(path / META_FILE)
    except ModelError:
        meta = None
    return {
        "name": name, "version": path.name, "kind": info.kind, "path": str(path),
        "active": info.active, "active_version": active, "versions": versions(models_dir),
        "error": info.error, "meta": meta,
        "history": [e.model_dump(mode="json") for e in read_history(models_dir)],
    }  # fmt: skip
