from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assist.route.model import DomainRouter
from assist.route.registry import (
    ACTIVE_FILE,
    LEGACY_WEIGHTS_FILE,
    META_FILE,
    WEIGHTS_FILE,
    DataInfo,
    ModelError,
    active_version,
    load_model,
    register,
    set_active,
    sha256_file,
    versions,
)
from assist.route.runtime import HEADER_FILE, RouterRuntime
from tests.route.tiny import SMALL, tiny_data

DATA = DataInfo(sha256="0" * 64, size=10, parts={"gold": 10})


@pytest.fixture(scope="module")
def router() -> DomainRouter:
    X, y = tiny_data()
    return DomainRouter(**SMALL).fit(X, y)


@pytest.fixture
def models(tmp_path: Path, router: DomainRouter) -> Path:
    root = tmp_path / "router"
    register(router, root, metrics={"gold": {"domain_accuracy": 1.0}}, data=DATA)
    return root


def test_registry_register_writes_self_describing_version(
    models: Path, router: DomainRouter
) -> None:
    assert versions(models) == ["1"] and active_version(models) == "1"
    folder = models / "1"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [META_FILE, WEIGHTS_FILE, HEADER_FILE]
    )
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    assert meta["name"] == "router" and meta["version"] == "1" and meta["format_version"] == 2
    assert meta["files"] == {n: sha256_file(folder / n) for n in (WEIGHTS_FILE, HEADER_FILE)}
    assert meta["libraries"]["skops"] is None and meta["libraries"]["sklearn"]
    assert meta["labels"]["administrative"] == ["judgment"]
    assert meta["parameters"] == router.get_params() and meta["data"]["size"] == 10
    loaded = load_model(models)
    assert isinstance(loaded.router, RouterRuntime)
    X, _ = tiny_data()
    np.testing.assert_array_equal(loaded.router.predict_proba(X), router.predict_proba(X))
    assert loaded.router.route(X) == router.route(X)
    assert loaded.meta.version == "1" and loaded.path == folder


def test_registry_active_pointer(models: Path, router: DomainRouter) -> None:
    register(router, models, metrics={}, data=DATA)
    assert versions(models) == ["1", "2"] and active_version(models) == "2"
    assert load_model(models).meta.version == "2"
    set_active(models, "1")
    assert (models / ACTIVE_FILE).read_text(encoding="utf-8").strip() == "1"
    assert load_model(models).meta.version == "1"
    assert load_model(models, "2").meta.version == "2"
    register(router, models, metrics={}, data=DATA, version="3", activate=False)
    assert active_version(models) == "1"
    with pytest.raises(ModelError, match="exists"):
        register(router, models, metrics={}, data=DATA, version="3")


def test_registry_refuses_missing_or_bad_pointer(models: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        load_model(models, "9")
    (models / ACTIVE_FILE).write_text("../../etc\n", encoding="utf-8")
    with pytest.raises(ModelError, match="not a version name"):
        load_model(models)
    (models / ACTIVE_FILE).unlink()
    with pytest.raises(ModelError, match="missing"):
        load_model(models)
    with pytest.raises(ModelError, match="missing"):
        set_active(models, "9")


@pytest.mark.parametrize("name", [WEIGHTS_FILE, HEADER_FILE])
def test_registry_refuses_tampered_weights(models: Path, name: str) -> None:
    weights = models / "1" / name
    weights.write_bytes(weights.read_bytes() + b"\0")
    with pytest.raises(ModelError, match="sha256"):
        load_model(models)


def test_registry_refuses_unknown_files(models: Path) -> None:
    (models / "1" / "extra.pkl").write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(ModelError, match="undeclared"):
        load_model(models)


def test_registry_refuses_missing_declared_file(models: Path) -> None:
    (models / "1" / WEIGHTS_FILE).unlink()
    with pytest.raises(ModelError, match="lacks"):
        load_model(models)


@pytest.mark.parametrize(
    "change",
    [
        {"libraries": None},
        {"files": {"../router.npz": "0" * 64}},
        {"files": {}},
        {"version": "2"},
        {"unexpected": True},
        {"data": {"sha256": "xyz", "size": 1}},
    ],
)
def test_registry_refuses_invalid_meta(models: Path, change: dict[str, object]) -> None:
    meta_path = models / "1" / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(change)
    meta = {k: v for k, v in meta.items() if v is not None}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(models)


def test_registry_refuses_missing_or_garbled_meta(models: Path) -> None:
    meta_path = models / "1" / META_FILE
    meta_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid"):
        load_model(models)
    meta_path.unlink()
    with pytest.raises(ModelError, match="missing"):
        load_model(models)


def _rehash(models: Path) -> None:
    """Make meta.json agree with the files as they now are (a consistent, hostile folder)."""
    meta_path = models / "1" / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["files"] = {name: sha256_file(models / "1" / name) for name in meta["files"]}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")


def test_registry_refuses_pickled_arrays_even_with_matching_sha(models: Path) -> None:
    weights = models / "1" / WEIGHTS_FILE
    with np.load(weights) as npz:
        arrays = {name: npz[name] for name in npz.files}
    arrays["idf"] = np.array([{"payload": 1}], dtype=object)
    with weights.open("wb") as fh:
        np.savez(fh, **arrays)  # allow_pickle defaults to True when saving
    _rehash(models)
    with pytest.raises(ModelError, match="cannot read"):
        load_model(models)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda a: a.pop("idf"), "missing"),
        (lambda a: a.update(extra=np.zeros(3)), "unexpected"),
        (lambda a: a.update(idf=a["idf"].astype(np.float64)), "idf"),
        (lambda a: a.update({"domain.coef": a["domain.coef"][:, :-1]}), "domain.coef"),
        (lambda a: a.update(text_columns=a["text_columns"][::-1].copy()), "sorted"),
    ],
)
def test_registry_refuses_inconsistent_arrays(models: Path, change: object, match: str) -> None:
    weights = models / "1" / WEIGHTS_FILE
    with np.load(weights) as npz:
        arrays = {name: npz[name] for name in npz.files}
    change(arrays)  # type: ignore[operator]
    with weights.open("wb") as fh:
        np.savez(fh, allow_pickle=False, **arrays)
    _rehash(models)
    with pytest.raises(ModelError, match=match):
        load_model(models)


def test_registry_refuses_bad_header(models: Path) -> None:
    header = models / "1" / HEADER_FILE
    content = json.loads(header.read_text(encoding="utf-8"))
    header.write_text(json.dumps({**content, "classes": ["family", "civil"]}), encoding="utf-8")
    _rehash(models)
    with pytest.raises(ModelError, match="unknown domains"):
        load_model(models)
    header.write_text("[1, 2]", encoding="utf-8")
    _rehash(models)
    with pytest.raises(ModelError, match="format"):
        load_model(models)


def test_registry_refuses_legacy_skops_version(models: Path) -> None:
    folder = models / "1"
    for name in (WEIGHTS_FILE, HEADER_FILE):
        (folder / name).unlink()
    (folder / LEGACY_WEIGHTS_FILE).write_bytes(b"PK\x05\x06" + b"\0" * 18)
    meta_path = folder / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["format_version"] = 1
    meta["files"] = {LEGACY_WEIGHTS_FILE: sha256_file(folder / LEGACY_WEIGHTS_FILE)}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="no longer loaded"):
        load_model(models)
