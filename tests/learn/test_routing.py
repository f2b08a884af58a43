"""A learned router in the Analyzer's slot, and the NumPy router seen as an estimator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assist.analyze import Analyzer, load_router
from assist.learn.activation import promote
from assist.learn.registry import DataInfo, register_model
from assist.learn.routing import LearnedRouter, RouterAsClassifier, guess_from
from assist.learn.tfidf import TfidfClassifier
from assist.route import ModelError, load_model

ROOT = Path(__file__).resolve().parents[2]
ROWS = [json.loads(x) for x in (ROOT / "corpora/labels/real_signals.jsonl").read_text("utf-8").splitlines()]  # fmt: skip
FAST = {"char_max_features": 3000, "word_max_features": 1000, "calibration_folds": 2}


def label(r: dict[str, str]) -> str:
    return f"{r['domain']}/{r['subdomain']}" if r.get("subdomain") else r["domain"]


@pytest.fixture(scope="module")
def learned_router(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models") / "router"
    shutil.copytree(ROOT / "models" / "router", folder, ignore=shutil.ignore_patterns("3", "4"))
    rows = ROWS[:120]
    model = TfidfClassifier(task="subdomain", **FAST).fit([r["text"] for r in rows], [label(r) for r in rows])  # fmt: skip
    data = DataInfo(sha256="0" * 64, size=len(rows), parts={"real": len(rows)})
    version = register_model(model, folder, metrics={}, data=data).name
    promote(folder, version, reason="test")
    return folder


def test_guess_from_sums_subdomains_into_their_domain() -> None:
    classes = ["civil/execution", "civil/judgment", "criminal/trial", "public_interest"]
    guess = guess_from(classes, np.array([0.3, 0.3, 0.35, 0.05]))
    assert (guess.label, guess.subdomain, guess.score) == ("civil", "execution", 0.6)
    assert [a.label for a in guess.alternatives][:2] == ["criminal", "public_interest"]
    assert guess_from(classes, np.array([0.0, 0.0, 0.0, 1.0])).subdomain is None


def test_the_analyzer_answers_with_a_promoted_learned_router(learned_router: Path) -> None:
    router = load_router(learned_router)
    assert isinstance(router, LearnedRouter)
    text = ROWS[0]["text"]
    analysis = Analyzer(router=router).analyze(text, "d")
    assert analysis.model is not None and analysis.model.name == "router"
    assert analysis.model.version == router.version
    assert analysis.domain is not None and analysis.domain.label == router.guess(text).label
    numpy_router = load_router(learned_router, "2")  # the NumPy version still loads by name
    assert not isinstance(numpy_router, LearnedRouter)


def test_a_router_registry_refuses_an_issues_model(learned_router: Path, tmp_path: Path) -> None:
    folder = tmp_path / "router"
    model = TfidfClassifier(task="issues", **FAST).fit(
        [r["text"] for r in ROWS[:60]],
        [tuple(i["type"] for i in r["issues"] if i["level"] != "low") for r in ROWS[:60]],
    )
    with pytest.raises(ModelError, match="router's registry"):
        register_model(model, folder, metrics={}, data=DataInfo(sha256="0" * 64, size=1))


def test_the_numpy_router_as_an_estimator_agrees_with_its_own_route() -> None:
    runtime = load_model(ROOT / "models" / "router", "2").router
    texts = [r["text"] for r in ROWS[:8]]
    for task in ("domain", "subdomain"):
        est = RouterAsClassifier(runtime, task)  # type: ignore[arg-type]
        proba = est.predict_proba(texts)
        assert proba.shape == (8, len(est.classes_)) and np.allclose(proba.sum(axis=1), 1.0)
    analyses = [Analyzer().analyze(t) for t in texts]
    best = [est.classes_[i] for i in proba.argmax(axis=1)]
    assert [b.split("/")[0] for b in best] == [a.domain.label for a in analyses if a.domain]
