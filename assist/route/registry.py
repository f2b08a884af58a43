"""A small model registry: ``models/<name>/<version>/`` with weights and ``meta.json``.

    models/router/
        active              ← one line: the version in use ("3")
        3/router.npz        ← NumPy arrays (``RouterRuntime.arrays``), read without pickle
        3/router.json       ← classes, heads, feature parameters (``RouterRuntime.header``)
        3/meta.json         ← name, version, labels, metrics, data hash, parameters, libraries,
                              created_at, and the sha256 of every other file in the folder

Loading validates before reading: ``meta.json`` must parse against ``ModelMeta``, the folder
must hold exactly the files it declares, each with the declared sha256 (hashed again on the bytes
that are parsed), and the arrays must match the header in names, dtypes and shapes. Any failure
raises ``ModelError`` naming the problem and the fix; nothing falls back silently. Loading needs
NumPy only. Format 1 versions (``router.skops``, read with skops/scikit-learn) are no longer
loaded: they cost seconds and ~200 MB per process; retrain or re-export them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assist.errors import AssistError
from assist.route.runtime import ARRAYS_FILE, HEADER_FILE, RouterRuntime, RuntimeFormatError

if TYPE_CHECKING:
    from assist.route.model import DomainRouter

META_FILE = "meta.json"
ACTIVE_FILE = "active"
WEIGHTS_FILE = ARRAYS_FILE
LEGACY_WEIGHTS_FILE = "router.skops"  # format 1: no longer loaded
FORMAT_VERSION = 2
_NAME = r"^[a-z][a-z0-9_.-]{0,63}$"
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SHA = r"^[0-9a-f]{64}$"


class ModelError(AssistError):
    """A model folder is missing, incomplete, tampered with or not a model this code can run."""

    code = "model_invalid"
    status = 500


class LibraryVersions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    python: str
    sklearn: str | None = None  # what trained it (not needed to run it)
    skops: str | None = None  # format 1 only
    numpy: str


class DataInfo(BaseModel):
    """What the model was trained on: a hash over (id, label) pairs, their count, the parts."""

    model_config = ConfigDict(extra="forbid")
    sha256: Annotated[str, Field(pattern=_SHA)]
    size: Annotated[int, Field(ge=1)]
    parts: dict[str, int] = {}


class ModelMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format_version: Annotated[int, Field(ge=1, le=FORMAT_VERSION)] = FORMAT_VERSION
    name: Annotated[str, Field(pattern=_NAME)]
    version: Annotated[str, Field(pattern=_VERSION.pattern)]
    created_at: datetime
    labels: dict[str, list[str]]  # domain → its sub-domains the model can output
    metrics: dict[str, Any]
    data: DataInfo
    parameters: dict[str, Any]
    libraries: LibraryVersions
    files: dict[str, Annotated[str, Field(pattern=_SHA)]]  # file name → sha256

    @field_validator("files")
    @classmethod
    def _plain_names(cls, files: dict[str, str]) -> dict[str, str]:
        for name in files:
            if name in ("", ".", "..", META_FILE) or "/" in name or "\\" in name:
                raise ValueError(f"files may list plain file names other than meta.json: {name!r}")
        return files


@dataclass(frozen=True, slots=True)
class LoadedModel:
    router: RouterRuntime
    meta: ModelMeta
    path: Path


def sha256_file(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def library_versions() -> LibraryVersions:
    import numpy
    import sklearn  # type: ignore[import-untyped]

    return LibraryVersions(
        python=platform.python_version(), sklearn=sklearn.__version__, numpy=numpy.__version__
    )


# -- weights -----------------------------------------------------------------------------
def runtime_from_bytes(arrays: bytes, header: bytes, where: str) -> RouterRuntime:
    """Parse ``router.npz`` and ``router.json`` (already hash-checked): no pickle."""
    import numpy as np

    try:
        head = json.loads(header.decode("utf-8"))
        with np.load(io.BytesIO(arrays), allow_pickle=False) as npz:
            parts = {name: npz[name] for name in npz.files}
        return RouterRuntime.from_parts(head, parts)
    except (ValueError, OSError, EOFError, RuntimeFormatError) as exc:
        raise ModelError(f"cannot read the router in {where}: {exc}; retrain") from exc


# -- folders -----------------------------------------------------------------------------
def read_meta(version_dir: Path) -> ModelMeta:
    """The validated meta.json of a version folder, checked against the folder's files."""
    meta_path = version_dir / META_FILE
    if not meta_path.is_file():
        raise ModelError(f"{meta_path} is missing; this folder is not a registered model")
    try:
        meta = ModelMeta.model_validate(json.loads(meta_path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError) as exc:
        raise ModelError(f"{meta_path} is not valid model metadata: {exc}") from exc
    if meta.version != version_dir.name or meta.name != version_dir.parent.name:
        raise ModelError(
            f"{meta_path} describes {meta.name}/{meta.version}, but sits in "
            f"{version_dir.parent.name}/{version_dir.name}; move it back or retrain"
        )
    present = {p.name for p in version_dir.iterdir()} - {META_FILE}
    if unknown := sorted(present - set(meta.files)):
        raise ModelError(f"{version_dir} holds undeclared files {unknown}; remove them")
    if missing := sorted(set(meta.files) - present):
        raise ModelError(f"{version_dir} lacks declared files {missing}; restore or retrain")
    for name, expected in meta.files.items():
        if (version_dir / name).is_dir() or sha256_file(version_dir / name) != expected:
            raise ModelError(
                f"{version_dir / name} does not match its sha256 in meta.json (changed after "
                "training); restore it or retrain"
            )
    return meta


def versions(models_dir: Path) -> list[str]:
    """Registered version folders (those with a meta.json), oldest number first."""
    if not models_dir.is_dir():
        return []
    found = [p.name for p in models_dir.iterdir() if (p / META_FILE).is_file()]
    return sorted(found, key=lambda v: (not v.isdigit(), int(v) if v.isdigit() else 0, v))


def next_version(models_dir: Path) -> str:
    numbers = [int(v) for v in versions(models_dir) if v.isdigit()]
    return str(max(numbers, default=0) + 1)


def active_version(models_dir: Path) -> str:
    pointer = models_dir / ACTIVE_FILE
    if not pointer.is_file():
        raise ModelError(f"{pointer} is missing; run `python -m training.train_router` or "
                         "set_active(...)")  # fmt: skip
    version = pointer.read_text(encoding="utf-8").strip()
    if not _VERSION.match(version):
        raise ModelError(f"{pointer} holds {version!r}, not a version name")
    return version


def set_active(models_dir: Path, version: str) -> None:
    """Point ``active`` at ``version`` after checking that the version folder is sound."""
    if not _VERSION.match(version):
        raise ModelError(f"{version!r} is not a version name")
    read_meta(models_dir / version)
    tmp = models_dir / (ACTIVE_FILE + ".part")
    tmp.write_text(version + "\n", encoding="utf-8")
    os.replace(tmp, models_dir / ACTIVE_FILE)


def register(
    router: DomainRouter,
    models_dir: Path,
    *,
    version: str | None = None,
    metrics: dict[str, Any],
    data: DataInfo,
    activate: bool = True,
    created_at: datetime | None = None,
) -> Path:
    """Write ``router`` as a new version of ``models_dir`` (``models/<name>``); return its folder.

    Written into a temporary folder and renamed, so a version is never half there."""
    version = version or next_version(models_dir)
    final = models_dir / version
    if final.exists():
        raise ModelError(f"{final} exists; choose another --version or remove it")
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".{version}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    runtime = router.to_runtime()
    runtime.save(tmp)
    meta = ModelMeta(
        name=models_dir.name,
        version=version,
        created_at=created_at or datetime.now(UTC),
        labels=runtime.labels(),
        metrics=metrics,
        data=data,
        parameters=router.get_params(),
        libraries=library_versions(),
        files={name: sha256_file(tmp / name) for name in (ARRAYS_FILE, HEADER_FILE)},
    )
    text = json.dumps(meta.model_dump(mode="json"), ensure_ascii=False, indent=2)
    (tmp / META_FILE).write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, final)
    if activate:
        set_active(models_dir, version)
    return final


def load_model(models_dir: Path, version: str | None = None) -> LoadedModel:
    """The router of ``version`` (default: the active one), validated before it is read."""
    version = version or active_version(models_dir)
    path = models_dir / version
    if not path.is_dir():
        raise ModelError(f"{path} does not exist; registered: {versions(models_dir) or 'none'}")
    meta = read_meta(path)
    if meta.format_version < FORMAT_VERSION or LEGACY_WEIGHTS_FILE in meta.files:
        raise ModelError(
            f"{path} is a format {meta.format_version} (skops) model, no longer loaded; "
            "retrain (`python -m training.train_router`) or set_active a newer version"
        )
    if set(meta.files) != {ARRAYS_FILE, HEADER_FILE}:
        raise ModelError(f"{path} must hold exactly {ARRAYS_FILE} and {HEADER_FILE}; retrain")
    data = {name: (path / name).read_bytes() for name in (ARRAYS_FILE, HEADER_FILE)}
    for name, content in data.items():  # hashed again: the bytes parsed are the bytes checked
        if hashlib.sha256(content).hexdigest() != meta.files[name]:
            raise ModelError(f"{path / name} changed while loading; load again or retrain")
    router = runtime_from_bytes(data[ARRAYS_FILE], data[HEADER_FILE], str(path))
    return LoadedModel(router, meta, path)
