"""The learned-model registry: save/load round trip, every refusal, promote/rollback, listing."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.learn import registry
from assist.learn.activation import HISTORY_FILE, promote, read_history, rollback
from assist.learn.catalog import headline_metrics, list_models, show_model
from assist.learn.estimator import FloatArray, Target, Task
from assist.learn.registry import (
    DataInfo,
    ModelError,
    backend_class,
    check_file_name,
    library_versions,
    load_learned,
    read_learned_meta,
    register_backend,
    register_model,
)
from assist.route import registry as router_registry

ROOT = Path(__file__).resolve().parents[2]
DATA = DataInfo(sha256="0" * 64, size=4, parts={"gold": 4})
TEXTS = ["刑事判决书", "民事判决书", "行政裁定书", "刑事裁定书"]
LABELS = ["criminal", "civil", "administrative", "criminal"]


class FakeClassifier:
    """A tiny backend: class priors, saved as JSON + safetensors (the estimator protocol)."""

    backend = "fake"

    def __init__(self, task: Task = "domain", *, smoothing: float = 1.0) -> None:
        self.task: Task = task
        self.smoothing = smoothing
        self.classes_: list[str] = []
        self.prior_ = np.zeros(0)

    def fit(self, texts: Sequence[str], y: Sequence[Target]) -> Self:
        self.classes_ = sorted({str(label) for label in y})
        counts = np.array([sum(label == c for label in y) for c in self.classes_], dtype=float)
        self.prior_ = (counts + self.smoothing) / (counts + self.smoothing).sum()
        return self

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        return np.tile(self.prior_, (len(texts), 1))

    def get_params(self) -> dict[str, Any]:
        return {"smoothing": self.smoothing}

    def save(self, folder: Path) -> list[str]:
        from safetensors.numpy import save_file

        head = {"task": self.task, "classes": self.classes_, "smoothing": self.smoothing}
        (folder / "fake.json").write_text(json.dumps(head), encoding="utf-8")
        save_file({"prior": self.prior_}, str(folder / "prior.safetensors"))
        return ["fake.json", "prior.safetensors"]

    @classmethod
    def load(cls, folder: Path) -> Self:
        from safetensors.numpy import load_file

        head = json.loads((folder / "fake.json").read_text(encoding="utf-8"))
        model = cls(head["task"], smoothing=head["smoothing"])
        model.classes_ = head["classes"]
        model.prior_ = load_file(str(folder / "prior.safetensors"))["prior"]
        return model


class PickleWriter(FakeClassifier):
    def save(self, folder: Path) -> list[str]:
        (folder / "model.pkl").write_bytes(b"\x80\x04N.")
        return [*super().save(folder), "model.pkl"]


class Undeclared(FakeClassifier):
    def save(self, folder: Path) -> list[str]:
        return super().save(folder)[:1]


@pytest.fixture(autouse=True)
def fake_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.BACKENDS, "fake", FakeClassifier)


def fitted() -> FakeClassifier:
    return FakeClassifier().fit(TEXTS, LABELS)


def register(models: Path, **kw: Any) -> Path:
    return register_model(fitted(), models, metrics={"test": {"macro_f1": 0.5}}, data=DATA, **kw)


@pytest.fixture
def models(tmp_path: Path) -> Path:
    return tmp_path / "models" / "domain"


def rewrite_meta(version_dir: Path, **changes: Any) -> None:
    path = version_dir / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**meta, **changes}), encoding="utf-8")


# -- save and load -----------------------------------------------------------------------
def test_register_then_load_round_trips(models: Path) -> None:
    when = datetime(2026, 1, 2, tzinfo=UTC)
    path = register(models, thresholds={"civil": 0.7}, created_at=when, notes="first")
    assert path == models / "1" and not list(models.glob(".*"))
    assert sorted(p.name for p in path.iterdir()) == ["fake.json", "meta.json", "prior.safetensors"]
    meta = read_learned_meta(path)
    assert (meta.kind, meta.backend, meta.task, meta.name, meta.version) == (
        "learned", "fake", "domain", "domain", "1",
    )  # fmt: skip
    assert meta.classes == ["administrative", "civil", "criminal"]
    assert meta.thresholds == {"civil": 0.7} and meta.created_at == when and meta.notes == "first"
    assert meta.files["fake.json"] == router_registry.sha256_file(path / "fake.json")
    assert meta.parameters == {"smoothing": 1.0} and meta.data == DATA
    assert {"python", "numpy", "scikit-learn", "safetensors"} <= set(meta.libraries)
    assert not (models / "active").exists()  # activate defaults to False
    loaded = load_learned(models, "1")
    assert loaded.path == path and loaded.meta == meta
    np.testing.assert_array_equal(
        loaded.estimator.predict_proba(TEXTS), fitted().predict_proba(TEXTS)
    )


def test_versions_count_up_and_are_never_overwritten(models: Path) -> None:
    assert register(models).name == "1" and register(models).name == "2"
    assert register(models, version="exp-a").name == "exp-a"
    assert register(models).name == "3"
    with pytest.raises(ModelError, match="exists"):
        register(models, version="2")
    with pytest.raises(ModelError, match="not a version name"):
        register(models, version="../x")


def test_activate_promotes_and_records_history(models: Path) -> None:
    register(models, activate=True)
    assert load_learned(models).meta.version == "1"
    [entry] = read_history(models)
    assert (entry.action, entry.version, entry.previous, entry.actor) == (
        "promote",
        "1",
        None,
        "register",
    )


def test_load_without_active_says_how_to_promote(models: Path) -> None:
    register(models)
    with pytest.raises(ModelError, match="assist models promote domain VERSION"):
        load_learned(models)


def tamper_sha(v: Path) -> None:
    (v / "prior.safetensors").write_bytes((v / "prior.safetensors").read_bytes()[:-1] + b"\x00")


def tamper_undeclared(v: Path) -> None:
    (v / "extra.txt").write_text("x", encoding="utf-8")


def tamper_pickle(v: Path) -> None:
    (v / "model.pkl").write_bytes(b"\x80\x04N.")


def tamper_subfolder(v: Path) -> None:
    (v / "sub").mkdir()


def tamper_unknown_backend(v: Path) -> None:
    rewrite_meta(v, backend="nope")


def tamper_pickle_declared(v: Path) -> None:
    rewrite_meta(v, files={"model.pth": "0" * 64})


def tamper_threshold(v: Path) -> None:
    rewrite_meta(v, thresholds={"fraud": 0.5})


def tamper_extra_field(v: Path) -> None:
    rewrite_meta(v, extra=1)


def tamper_not_json(v: Path) -> None:
    (v / "meta.json").write_text("{", encoding="utf-8")


def tamper_router_kind(v: Path) -> None:
    meta = json.loads((v / "meta.json").read_text(encoding="utf-8"))
    del meta["kind"]
    (v / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (tamper_sha, r"prior\.safetensors does not match its sha256"),
        (tamper_undeclared, r"undeclared files \['extra\.txt'\]"),
        (lambda v: (v / "fake.json").unlink(), r"lacks declared files \['fake\.json'\]"),
        (tamper_pickle, r"'model\.pkl': \.pkl files can hold pickled code"),
        (tamper_subfolder, "not a plain file"),
        (tamper_unknown_backend, "unknown backend 'nope'"),
        (tamper_pickle_declared, r"\.pth files can hold pickled code"),
        (tamper_threshold, r"not classes: \['fraud'\]"),
        (tamper_extra_field, "Extra inputs are not permitted"),
        (tamper_not_json, "cannot be read as JSON"),
        (tamper_router_kind, "describes a router model, not a learned one"),
    ],
)
def test_load_refuses_a_tampered_version(models: Path, tamper: Any, message: str) -> None:
    tamper(register(models, activate=True))
    with pytest.raises(ModelError, match=message):
        load_learned(models)


def test_load_refuses_meta_naming_another_folder(models: Path) -> None:
    shutil.copytree(register(models), models / "7")
    with pytest.raises(ModelError, match="describes domain/1, but sits in domain/7"):
        load_learned(models, "7")
    shutil.copytree(models / "1", models.parent / "other" / "1")
    with pytest.raises(ModelError, match="describes domain/1, but sits in other/1"):
        load_learned(models.parent / "other", "1")


def test_load_refuses_a_backend_no_longer_known(
    models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(models, activate=True)
    monkeypatch.delitem(registry.BACKENDS, "fake")
    with pytest.raises(ModelError, match="unknown backend 'fake'"):
        load_learned(models)


def test_load_refuses_a_missing_version(models: Path) -> None:
    register(models)
    with pytest.raises(ModelError, match=r"domain/9 does not exist; registered: \['1'\]"):
        load_learned(models, "9")


@pytest.mark.parametrize(
    ("estimator", "message"),
    [
        (PickleWriter().fit(TEXTS, LABELS), r"\.pkl files can hold pickled code"),
        (Undeclared().fit(TEXTS, LABELS), "wrote .* but declared"),
    ],
)
def test_save_refuses_unsafe_or_undeclared_files(
    models: Path, estimator: Any, message: str
) -> None:
    with pytest.raises(ModelError, match=message):
        register_model(estimator, models, metrics={}, data=DATA)
    assert not models.exists() or not list(models.iterdir())  # nothing half there


def test_save_refuses_bad_metadata_and_the_router_folder(models: Path) -> None:
    with pytest.raises(ModelError, match="not classes"):
        register(models, thresholds={"fraud": 0.5})
    with pytest.raises(ModelError, match="probabilities"):
        register(models, thresholds={"civil": 1.5})
    assert not list(models.iterdir())
    issues = FakeClassifier("issues").fit(["a", "b"], [("false_litigation",), ()])
    with pytest.raises(ModelError, match="router's registry"):
        register_model(issues, models.parent / "router", metrics={}, data=DATA)
    assert register(models.parent / "router").name == "1"  # a learned domain model may route


def test_backend_resolution_is_lazy_and_errors_name_the_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ModelError, match=r"unknown backend 'svm'; known backends: fake, tfidf"):
        backend_class("svm")
    monkeypatch.setitem(registry.BACKENDS, "ghost", "assist.learn.no_such_module:Ghost")
    with pytest.raises(ModelError, match=r"backend 'ghost' needs assist.learn\.no_such_module"):
        backend_class("ghost")
    monkeypatch.setitem(registry.BACKENDS, "frac", "fractions:Nope")
    with pytest.raises(ModelError, match="fractions has no Nope"):
        backend_class("frac")
    register_backend("frac", "fractions:Fraction")
    from fractions import Fraction

    assert backend_class("frac") is Fraction  # type: ignore[comparison-overlap]
    with pytest.raises(ValueError, match="module:Class"):
        register_backend("frac", "fractions.Fraction")
    with pytest.raises(ValueError, match="must match"):
        register_backend("Bad Name", FakeClassifier)


def test_library_versions_imports_nothing() -> None:
    before = set(sys.modules)
    found = library_versions()
    assert {"python", "numpy", "scikit-learn"} <= set(found)
    assert ("torch" in found) == ("torch" in before)
    assert not {"torch", "transformers"} & (set(sys.modules) - before)


@given(st.text(max_size=30))
def test_check_file_name_accepts_only_plain_allowed_names(name: str) -> None:
    try:
        check_file_name(name)
    except ValueError:
        return
    assert "/" not in name and "\\" not in name and name != "meta.json"
    assert name.lower().endswith((".json", ".txt", ".safetensors", ".model"))


# -- promote and rollback ----------------------------------------------------------------
def test_promote_and_rollback_walk_the_history(models: Path) -> None:
    for _ in range(3):
        register(models)
    for version in "123":
        promote(models, version, actor="me", reason=f"try {version}")
    assert load_learned(models).meta.version == "3"
    assert rollback(models, actor="me", reason="worse").version == "2"
    assert load_learned(models).meta.version == "2"
    assert rollback(models, actor="me").version == "1"
    with pytest.raises(
        ModelError, match="1 was promoted with none before it; nothing to roll back"
    ):
        rollback(models)
    lines = [json.loads(x) for x in (models / HISTORY_FILE).read_text("utf-8").splitlines()]
    assert [(e["action"], e["version"], e["previous"]) for e in lines] == [
        ("promote", "1", None), ("promote", "2", "1"), ("promote", "3", "2"),
        ("rollback", "2", "3"), ("rollback", "1", "2"),
    ]  # fmt: skip
    assert lines[0]["actor"] == "me" and lines[3]["reason"] == "worse" and lines[0]["at"]
    promote(models, "3")  # a new promotion on top of a rollback is undone by the next rollback
    assert rollback(models).version == "1"


def test_rollback_refuses_when_nothing_was_promoted(models: Path) -> None:
    register(models)
    with pytest.raises(ModelError, match=r"no promotion in history\.jsonl to roll back"):
        rollback(models)


def test_rollback_refuses_a_pointer_changed_outside(models: Path) -> None:
    register(models, activate=True)
    register(models, activate=True)
    (models / "active").write_text("1\n", encoding="utf-8")
    with pytest.raises(ModelError, match="active is 1, but the latest promotion in effect is 2"):
        rollback(models)


def test_rollback_refuses_a_target_that_no_longer_validates(models: Path) -> None:
    tamper_sha(register(models, activate=True))
    register(models, activate=True)
    with pytest.raises(ModelError, match=r"cannot roll back to 1: .*does not match its sha256"):
        rollback(models)
    assert (models / "active").read_text(encoding="utf-8").strip() == "2"


def test_promote_refuses_invalid_missing_and_active_versions(models: Path) -> None:
    register(models, activate=True)
    tamper_pickle(register(models))
    with pytest.raises(ModelError, match="pickled code"):
        promote(models, "2")
    with pytest.raises(ModelError, match="does not exist"):
        promote(models, "5")
    with pytest.raises(ModelError, match="already the active version"):
        promote(models, "1")
    assert (models / "active").read_text(encoding="utf-8") == "1\n"
    assert len(read_history(models)) == 1


def test_a_corrupt_history_line_is_named(models: Path) -> None:
    register(models, activate=True)
    with (models / HISTORY_FILE).open("a", encoding="utf-8") as fh:
        fh.write('{"action": "delete"}\n')
    with pytest.raises(ModelError, match=r"history\.jsonl:2 is not a history entry"):
        rollback(models)


def router_copy(root: Path) -> Path:
    """The shipped router registry plus 90 (a copy of its active version) and 91 (the same,
    marked format 1: no longer loaded)."""
    router = root / "router"
    shutil.copytree(ROOT / "models" / "router", router)
    active = router_registry.active_version(router)
    for version, changes in (("90", {}), ("91", {"format_version": 1})):
        shutil.copytree(router / active, router / version)
        rewrite_meta(router / version, version=version, **changes)
    return router


def test_promote_and_rollback_work_on_the_router_format(tmp_path: Path) -> None:
    router = router_copy(tmp_path)
    shipped = router_registry.active_version(router)
    with pytest.raises(ModelError, match="no promotion"):
        rollback(router)
    with pytest.raises(ModelError, match=r"format 1 .* no longer loaded"):
        promote(router, "91")
    promote(router, "90", reason="retrained")
    assert router_registry.versions(router)[-2:] == ["90", "91"]  # history.jsonl is ignored
    assert router_registry.load_model(router).meta.version == "90"
    assert rollback(router).version == shipped
    assert router_registry.load_model(router).meta.version == shipped
    with pytest.raises(ModelError, match="no promotion"):  # the shipped pointer predates history
        rollback(router)


# -- listing -----------------------------------------------------------------------------
def test_list_models_shows_both_kinds_and_broken_versions(tmp_path: Path) -> None:
    router_copy(tmp_path)
    issues = tmp_path / "issues"
    register(issues, activate=True)
    tamper_undeclared(register(issues))
    found = {(i.name, i.version): i for i in list_models(tmp_path)}
    shipped = router_registry.versions(ROOT / "models" / "router")
    assert sorted(found) == sorted(
        [("issues", "1"), ("issues", "2"), ("router", "90"), ("router", "91")]
        + [("router", v) for v in shipped]
    )
    learned, router = found["issues", "1"], found["router", "90"]
    assert (learned.kind, learned.backend, learned.task, learned.active) == (
        "learned",
        "fake",
        "domain",
        True,
    )
    assert (
        learned.metrics == {"test.macro_f1": 0.5} and learned.data_size == 4 and not learned.error
    )
    meta = router_registry.load_model(tmp_path / "router", "90").meta
    assert (router.kind, router.task, router.error) == ("router", "domain+subdomain", None)
    assert router.data_size == meta.data.size and not router.active
    assert router.metrics == headline_metrics(meta.metrics) and len(router.metrics) == 4
    assert found["router", router_registry.active_version(tmp_path / "router")].active
    assert "format 1" in (found["router", "91"].error or "")
    assert (
        "undeclared files" in (found["issues", "2"].error or "") and not found["issues", "2"].active
    )


def test_show_model_gives_meta_active_flag_and_history(tmp_path: Path) -> None:
    issues = tmp_path / "issues"
    register(issues, activate=True)
    register(issues)
    shown = show_model(tmp_path, "issues")
    assert (shown["version"], shown["active"], shown["kind"], shown["error"]) == (
        "1",
        True,
        "learned",
        None,
    )
    assert shown["meta"]["backend"] == "fake" and shown["versions"] == ["1", "2"]
    assert [h["version"] for h in shown["history"]] == ["1"]
    assert show_model(tmp_path, "issues", "2")["active"] is False
    json.dumps(shown)  # JSON-ready
    with pytest.raises(ModelError, match=r"no model 'nope' in .*; models: \['issues'\]"):
        show_model(tmp_path, "nope")
    with pytest.raises(ModelError, match=r"no model '\.\./issues'"):
        show_model(tmp_path / "issues", "../issues")


def test_headline_metrics_picks_the_first_scores() -> None:
    router_like = {
        "evaluation": "5-fold",
        "gold": {"n": 9, "domain_accuracy": 0.9, "domain_ece": 0.1},
    }
    assert headline_metrics(router_like) == {"gold.domain_accuracy": 0.9}
    metrics = {"split": {"test_percent": 20}, "held_out": {"test": {"macro_f1": 0.8, "n": 9}}}
    assert headline_metrics(metrics) == {"held_out.test.macro_f1": 0.8}
    assert headline_metrics({"a_f1": 1, "b_f1": True, "c_f1": float("nan")}) == {"a_f1": 1.0}


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_headline_metrics_never_raises(metrics: Any) -> None:
    out = headline_metrics(metrics, limit=3)
    assert len(out) <= 3 and all(isinstance(v, float) for v in out.values())
