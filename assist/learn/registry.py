"""The registry of learned models: their format, its validation, writing and loading.

    models/issues/
        active          ← one line: the version in use
        history.jsonl   ← one line per promote / rollback (``assist.learn.activation``)
        3/meta.json     ← ``LearnedMeta``: backend, task, classes, thresholds, metrics, data hash,
                          parameters, libraries, created_at, and the sha256 of every other file
        3/*.safetensors, *.json, *.txt, *.model   ← whatever the backend's ``save`` wrote

The same guarantees as ``assist.route.registry`` (same folder layout, same name and version
patterns): a version is written into ``.<version>.part`` and renamed, so it is never half there;
loading validates before reading (meta parses, folder and meta agree, no undeclared or missing
file, each sha256 matches) and only plain formats are ever read: pickle-capable files
(``.pkl``, ``.pt``, ``.bin``, ``.joblib``, ``.npy`` …) are refused at save and at load.
The router's own meta.json has no ``kind``: it is treated as kind ``router`` and validated by
``assist.route.registry.load_model``; promotion and history (``assist.learn.activation``) and
listing (``assist.learn.catalog``) work on both kinds.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assist.errors import AssistError
from assist.learn.estimator import Task, TextClassifier
from assist.route import registry as _router
from assist.route.registry import ACTIVE_FILE, META_FILE, DataInfo, ModelError, ModelMeta

_NAME, _SHA, _VERSION = _router._NAME, _router._SHA, _router._VERSION  # the router's patterns

__all__ = ["BACKENDS", "DataInfo", "LearnedMeta", "LoadedLearned", "ModelError"]

ROUTER_NAME = "router"  # models/router holds the router's own format (assist.route.registry)
#: Weight files a backend may write: plain formats read without unpickling anything.
ALLOWED_SUFFIXES = (".json", ".txt", ".safetensors", ".model")
#: Named in the refusal: formats that can run code when loaded (pickle inside) or are opaque.
PICKLE_SUFFIXES = frozenset(
    {".pkl", ".pickle", ".bin", ".pt", ".pth", ".ckpt", ".joblib", ".npy", ".npz", ".skops"}
)
#: Backend name → ``"module:Class"`` (imported on first use) or the class itself.
BACKENDS: dict[str, str | type[Any]] = {
    "tfidf": "assist.learn.tfidf:TfidfClassifier",
    "transformer": "assist.learn.transformer:TransformerClassifier",
}


# -- backends ----------------------------------------------------------------------------
def register_backend(name: str, target: str | type[Any]) -> None:
    """Make ``name`` a known backend: ``"package.module:Class"`` (imported lazily) or a class."""
    if not re.match(_NAME, name):
        raise ValueError(f"backend name {name!r} must match {_NAME}")
    if isinstance(target, str) and ":" not in target:
        raise ValueError(f"backend {name!r}: {target!r} is not 'module:Class'")
    BACKENDS[name] = target


def backend_class(name: str) -> type[TextClassifier]:
    """The estimator class of backend ``name`` (its module imported now, not before)."""
    target = BACKENDS.get(name)
    if target is None:
        raise ModelError(f"unknown backend {name!r}; known backends: {', '.join(sorted(BACKENDS))}")
    if isinstance(target, str):
        module_name, _, attr = target.partition(":")
        try:
            target = getattr(importlib.import_module(module_name), attr)
        except ImportError as exc:
            raise ModelError(
                f"backend {name!r} needs {module_name}, which cannot be imported ({exc}); "
                "install case-assist[train] (tfidf) or case-assist[transformer]"
            ) from exc
        except AttributeError as exc:
            raise ModelError(f"backend {name!r}: {module_name} has no {attr}") from exc
    return cast(type[TextClassifier], target)


def library_versions() -> dict[str, str]:
    """Python, NumPy, scikit-learn, plus the optional libraries this process has imported
    (torch, transformers, safetensors, …): read from package metadata, importing nothing."""
    out = {"python": platform.python_version()}
    optional = ("safetensors", "torch", "transformers", "tokenizers", "jieba")
    wanted = [("numpy", "numpy"), ("scikit-learn", "sklearn")] + [(m, m) for m in optional]
    for dist, module in wanted:
        if dist in ("numpy", "scikit-learn") or module in sys.modules:
            try:
                out[dist] = importlib.metadata.version(dist)
            except importlib.metadata.PackageNotFoundError:
                continue
    return out


# -- the metadata ------------------------------------------------------------------------
def check_file_name(name: str) -> str:
    """``name`` if it is a plain file name of an allowed type, else ValueError saying why."""
    if name in ("", ".", "..", META_FILE) or "/" in name or "\\" in name:
        raise ValueError(f"{name!r} is not a plain weight file name")
    suffix = Path(name).suffix.lower()
    if suffix in PICKLE_SUFFIXES:
        raise ValueError(
            f"{name!r}: {suffix} files can hold pickled code and are never loaded; "
            f"save weights as {', '.join(ALLOWED_SUFFIXES)}"
        )
    if suffix not in ALLOWED_SUFFIXES:
        raise ValueError(f"{name!r} is not an allowed weight file ({', '.join(ALLOWED_SUFFIXES)})")
    return name


class LearnedMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format_version: Literal[1] = 1
    kind: Literal["learned"] = "learned"
    name: Annotated[str, Field(pattern=_NAME)]
    version: Annotated[str, Field(pattern=_VERSION.pattern)]
    backend: str
    task: Task
    classes: Annotated[list[str], Field(min_length=1)]
    thresholds: dict[str, float] = {}  # issue type → probability cut for a target precision
    metrics: dict[str, Any]
    data: DataInfo
    parameters: dict[str, Any]
    libraries: dict[str, str]
    created_at: datetime
    files: Annotated[dict[str, Annotated[str, Field(pattern=_SHA)]], Field(min_length=1)]
    notes: str = ""

    @field_validator("backend")
    @classmethod
    def _known_backend(cls, backend: str) -> str:
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; known: {', '.join(sorted(BACKENDS))}")
        return backend

    @field_validator("files")
    @classmethod
    def _allowed_files(cls, files: dict[str, str]) -> dict[str, str]:
        for name in files:
            check_file_name(name)
        return files

    @model_validator(mode="after")
    def _consistent(self) -> LearnedMeta:
        if len(set(self.classes)) != len(self.classes):
            raise ValueError("classes repeat a name")
        if unknown := sorted(set(self.thresholds) - set(self.classes)):
            raise ValueError(f"thresholds name labels that are not classes: {unknown}")
        if bad := sorted(k for k, v in self.thresholds.items() if not 0.0 <= v <= 1.0):
            raise ValueError(f"thresholds must be probabilities in [0, 1]: {bad}")
        return self


@dataclass(frozen=True, slots=True)
class LoadedLearned:
    estimator: TextClassifier
    meta: LearnedMeta
    path: Path


def _read_raw(meta_path: Path) -> dict[str, Any]:
    if not meta_path.is_file():
        raise ModelError(f"{meta_path} is missing; this folder is not a registered model")
    try:
        raw = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise ModelError(f"{meta_path} cannot be read as JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise ModelError(f"{meta_path} holds {type(raw).__name__}, not a JSON object")
    return raw


def meta_kind(raw: dict[str, Any]) -> str:
    """``learned`` for this module's format, ``router`` for the router's (which has no kind)."""
    kind = raw.get("kind", ROUTER_NAME)
    return kind if isinstance(kind, str) else repr(kind)


def _refuse_unsafe(version_dir: Path) -> None:
    for path in sorted(version_dir.iterdir()):
        if path.name == META_FILE:
            continue
        if not path.is_file():
            raise ModelError(f"{path} is not a plain file; a model folder holds files only")
        try:
            check_file_name(path.name)
        except ValueError as exc:
            raise ModelError(f"{version_dir}: refusing {exc}; remove it or retrain") from exc


def _check_files(version_dir: Path, files: dict[str, str]) -> None:
    present = {p.name for p in version_dir.iterdir()} - {META_FILE}
    if unknown := sorted(present - set(files)):
        raise ModelError(f"{version_dir} holds undeclared files {unknown}; remove them")
    if missing := sorted(set(files) - present):
        raise ModelError(f"{version_dir} lacks declared files {missing}; restore or retrain")
    for name, expected in files.items():
        if _router.sha256_file(version_dir / name) != expected:
            raise ModelError(
                f"{version_dir / name} does not match its sha256 in meta.json (changed after "
                "training); restore it or retrain"
            )


def read_learned_meta(version_dir: Path) -> LearnedMeta:
    """The validated meta.json of a learned version folder, checked against the folder's files."""
    meta_path = version_dir / META_FILE
    raw = _read_raw(meta_path)
    if (kind := meta_kind(raw)) != "learned":
        raise ModelError(f"{meta_path} describes a {kind} model, not a learned one")
    _refuse_unsafe(version_dir)
    try:
        meta = LearnedMeta.model_validate(raw)
    except ValidationError as exc:
        raise ModelError(f"{meta_path} is not valid learned-model metadata: {exc}") from exc
    if meta.version != version_dir.name or meta.name != version_dir.parent.name:
        raise ModelError(
            f"{meta_path} describes {meta.name}/{meta.version}, but sits in "
            f"{version_dir.parent.name}/{version_dir.name}; move it back or retrain"
        )
    _check_files(version_dir, meta.files)
    return meta


def validate_version(version_dir: Path) -> LearnedMeta | ModelMeta:
    """Everything a loader checks, for either kind (a router version is loaded: NumPy only)."""
    kind = meta_kind(_read_raw(version_dir / META_FILE))
    if kind == "learned":
        return read_learned_meta(version_dir)
    if kind == ROUTER_NAME:
        return _router.load_model(version_dir.parent, version_dir.name).meta
    raise ModelError(f"{version_dir / META_FILE} has unknown kind {kind}")


# -- writing and loading -----------------------------------------------------------------
def versions(models_dir: Path) -> list[str]:
    """Registered versions (folders with a meta.json), oldest number first; never ``.x.part``."""
    return [v for v in _router.versions(models_dir) if not v.startswith(".")]


def _version_dir(models_dir: Path, version: str) -> Path:
    if not _VERSION.match(version):
        raise ModelError(f"{version!r} is not a version name")
    path = models_dir / version
    if not path.is_dir():
        raise ModelError(f"{path} does not exist; registered: {versions(models_dir) or 'none'}")
    return path


def _saved_files(estimator: TextClassifier, folder: Path) -> dict[str, str]:
    names = sorted(estimator.save(folder))
    present = sorted(p.name for p in folder.iterdir())
    if present != names or not names or META_FILE in names:
        raise ModelError(f"backend {estimator.backend!r} wrote {present} but declared {names}")
    _refuse_unsafe(folder)
    return {name: _router.sha256_file(folder / name) for name in names}


def register_model(
    estimator: TextClassifier,
    models_dir: Path,
    *,
    metrics: dict[str, Any],
    data: DataInfo,
    thresholds: dict[str, float] | None = None,
    version: str | None = None,
    activate: bool = False,
    created_at: datetime | None = None,
    notes: str = "",
) -> Path:
    """Write a fitted ``estimator`` as a new version of ``models_dir``; return its folder."""
    if models_dir.name == ROUTER_NAME and estimator.task not in ("domain", "subdomain"):
        raise ModelError(
            f"{models_dir} is the domain router's registry: only --task domain or subdomain"
        )
    if not isinstance(estimator, backend_class(estimator.backend)):
        raise ModelError(f"{type(estimator).__name__} is not the {estimator.backend!r} backend")
    version = version or _router.next_version(models_dir)
    if not _VERSION.match(version):
        raise ModelError(f"{version!r} is not a version name")
    final = models_dir / version
    if final.exists():
        raise ModelError(f"{final} exists; choose another version or remove it")
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".{version}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        files = _saved_files(estimator, tmp)
        meta = LearnedMeta(
            name=models_dir.name, version=version, backend=estimator.backend,
            task=estimator.task, classes=list(estimator.classes_), thresholds=thresholds or {},
            metrics=metrics, data=data, parameters=estimator.get_params(),
            libraries=library_versions(), created_at=created_at or datetime.now(UTC),
            files=files, notes=notes,
        )  # fmt: skip
        text = json.dumps(meta.model_dump(mode="json"), ensure_ascii=False, indent=2)
        (tmp / META_FILE).write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, final)
    except ValidationError as exc:
        raise ModelError(f"cannot register {models_dir.name}/{version}: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if activate:
        from assist.learn.activation import promote  # it validates with this module

        promote(models_dir, version, actor="register", reason=notes or "registered")
    return final


def is_learned(models_dir: Path, version: str | None = None) -> bool:
    """Whether ``version`` (default: the active one) is in this module's format (``kind``)."""
    version = version or active_version(models_dir)
    meta_path = _version_dir(models_dir, version) / META_FILE
    return meta_kind(_read_raw(meta_path)) == "learned"


def load_learned(models_dir: Path, version: str | None = None) -> LoadedLearned:
    """The estimator of ``version`` (default: the active one), validated before it is read."""
    version = version or active_version(models_dir)
    path = _version_dir(models_dir, version)
    meta = read_learned_meta(path)
    cls = backend_class(meta.backend)
    try:
        estimator = cls.load(path)
    except AssistError:
        raise
    except (ValueError, OSError, KeyError, TypeError, RuntimeError) as exc:
        raise ModelError(f"backend {meta.backend!r} cannot load {path}: {exc}; retrain") from exc
    _check_files(path, meta.files)  # hashed again: a file swapped while loading is caught
    if estimator.task != meta.task or list(estimator.classes_) != meta.classes:
        raise ModelError(f"{path}: the weights do not match meta.json (task, classes); retrain")
    return LoadedLearned(estimator, meta, path)


# -- the active pointer ------------------------------------------------------------------
def read_active(models_dir: Path) -> str | None:
    """The version ``active`` points at; None when there is no pointer or it holds no version."""
    pointer = models_dir / ACTIVE_FILE
    if not pointer.is_file():
        return None
    version = pointer.read_text(encoding="utf-8").strip()
    return version if _VERSION.match(version) else None


def active_version(models_dir: Path) -> str:
    if (version := read_active(models_dir)) is None:
        raise ModelError(
            f"{models_dir / ACTIVE_FILE} is missing or empty; "
            f"run `assist models promote {models_dir.name} VERSION`"
        )
    return version
