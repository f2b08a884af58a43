from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio  # type: ignore[import-untyped]

from assist.route.model import DomainRouter
from assist.route.registry import (
    ACTIVE_FILE,
    META_FILE,
    WEIGHTS_FILE,
    DataInfo,
    ModelError,
    active_version,
    load_model,
    load_router_file,
    register,
    set_active,
    sha256_file,
    versions,
)
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


class Payload:
    """A type no model is made of."""

    def __init__(self) -> None:
        self.x = 1


def test_registry_register_writes_self_describing_version(
    models: Path, router: DomainRouter
) -> None:
    assert versions(models) == ["1"] and active_version(models) == "1"
    folder = models / "1"
    assert sorted(p.name for p in folder.iterdir()) == [META_FILE, WEIGHTS_FILE]
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    assert meta["name"] == "router" and meta["version"] == "1"
    assert meta["files"] == {WEIGHTS_FILE: sha256_file(folder / WEIGHTS_FILE)}
    assert set(meta["libraries"]) == {"python", "sklearn", "skops", "numpy"}
    assert meta["labels"]["administrative"] == ["judgment"]
    assert meta["parameters"] == router.get_params() and meta["data"]["size"] == 10
    loaded = load_model(models)
    X, _ = tiny_data()
    np.testing.assert_array_equal(loaded.router.predict_proba(X), router.predict_proba(X))
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


def test_registry_refuses_tampered_weights(models: Path) -> None:
    weights = models / "1" / WEIGHTS_FILE
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
        {"files": {"../router.skops": "0" * 64}},
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


def test_registry_refuses_untrusted_types_even_with_matching_sha(models: Path) -> None:
    weights = models / "1" / WEIGHTS_FILE
    sio.dump({"payload": Payload()}, weights)
    meta_path = models / "1" / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["files"][WEIGHTS_FILE] = sha256_file(weights)  # a consistent, hostile folder
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match="does not trust"):
        load_model(models)
    with pytest.raises(ModelError, match="Payload"):
        load_router_file(weights)


def test_registry_refuses_non_skops_file(tmp_path: Path) -> None:
    path = tmp_path / WEIGHTS_FILE
    path.write_bytes(b"\x80\x04K\x01.")  # a pickle
    with pytest.raises(ModelError, match="cannot read"):
        load_router_file(path)
