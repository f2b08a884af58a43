"""``RouterRuntime`` (NumPy only) against the scikit-learn ``DomainRouter`` it is exported from."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import HashingVectorizer  # type: ignore[import-untyped]
from sklearn.utils import murmurhash3_32  # type: ignore[import-untyped]

from assist.detect import build_detectors, detect_issues
from assist.pipeline import parse_text
from assist.route import RouteInput, load_model, route_input
from assist.route.features import char_ngrams
from assist.route.model import DomainRouter
from assist.route.runtime import (
    ARRAYS_FILE,
    HEADER_FILE,
    RouterRuntime,
    RuntimeFormatError,
    ngram_columns,
    token_columns,
)
from assist.signals import find_signals
from assist.text.normalize import make_text
from tests.route.tiny import SMALL, tiny_data

ROOT = Path(__file__).resolve().parents[2]
LEGACY = ROOT / "models" / "router" / "1" / "router.skops"  # the same model, format 1


@cache
def sample_inputs() -> tuple[RouteInput, ...]:
    """The real sample documents, parsed as the Analyzer does."""
    detectors, out = build_detectors(), []
    for entry in sorted(resources.files("assist.samples").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".txt"):
            t = make_text(entry.read_text(encoding="utf-8"))
            doc = parse_text(t)
            signals = find_signals(t, doc)
            out.append(route_input(t, doc, signals, detect_issues(doc, signals, detectors)))
    return tuple(out)


@pytest.fixture(scope="module")
def tiny() -> DomainRouter:
    X, y = tiny_data()
    return DomainRouter(**SMALL).fit(X, y)


@pytest.fixture(scope="module")
def on_samples() -> DomainRouter:
    """A router fitted on the real samples (default sizes: 2**20 columns, float32 heads)."""
    X = list(sample_inputs())
    y = ["public_interest/ecology", "criminal/trial", "criminal/penalty_execution",
         "civil/execution", "civil/judgment", "administrative/non_litigation_execution"]  # fmt: skip
    return DomainRouter(min_df=1).fit(X, y)


TOKENS = ["a", "ab", "abc", "abcd", "abcde", "民", "民事", "民事判", "0", "𠀋", "𠀋𠀋𠀋", "😀x",
          "kind:judgment", "issue:unpaid_fine:high", "é", "ß0"]  # fmt: skip


@pytest.mark.parametrize("token", TOKENS)
def test_runtime_murmurhash_matches_sklearn(token: str) -> None:
    h = murmurhash3_32(token.encode("utf-8"), seed=0, positive=False)
    expected = abs(h) % 4096 if h != -(2**31) else 0
    assert token_columns([token], 4096).tolist() == [expected]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_runtime_ngram_columns_match_hashing_vectorizer(text: str) -> None:
    hv = HashingVectorizer(analyzer=char_ngrams, n_features=2**10, alternate_sign=False, norm=None)
    expected = hv.transform([text]).toarray()[0]
    np.testing.assert_array_equal(np.bincount(ngram_columns(text, 2**10), minlength=2**10), expected)  # fmt: skip


@pytest.mark.parametrize("fixture", ["tiny", "on_samples"])
def test_runtime_probabilities_equal_sklearn(fixture: str, request: pytest.FixtureRequest) -> None:
    router: DomainRouter = request.getfixturevalue(fixture)
    runtime = router.to_runtime()
    X = list(tiny_data()[0]) + list(sample_inputs())
    np.testing.assert_allclose(runtime.predict_proba(X), router.predict_proba(X), rtol=0, atol=1e-9)  # fmt: skip
    assert runtime.route(X) == router.route(X)
    domains = [str(d) for d in router.predict(X)]
    expected = router.subdomain_proba_hashed(router.hash_inputs(X), domains)
    got = [runtime.subdomain_proba(runtime.design_row(x), d) for x, d in zip(X, domains, strict=True)]  # fmt: skip
    for e, g in zip(expected, got, strict=True):
        assert e.keys() == g.keys()
        np.testing.assert_allclose(list(g.values()), list(e.values()), rtol=0, atol=1e-9)


@pytest.mark.skipif(not LEGACY.is_file(), reason="no format-1 copy of the shipped router")
def test_runtime_shipped_router_equals_its_sklearn_original() -> None:
    import skops.io as sio  # type: ignore[import-untyped]

    trusted = ["assist.route.model.DomainRouter", "sklearn.linear_model._logistic.LogisticRegression"]  # fmt: skip
    original = sio.load(LEGACY, trusted=trusted)
    runtime = load_model(ROOT / "models" / "router", "2").router
    X = list(sample_inputs())
    np.testing.assert_allclose(runtime.predict_proba(X), original.predict_proba(X), rtol=0, atol=1e-9)  # fmt: skip
    assert runtime.route(X) == original.route(X)


def test_runtime_batch_equals_single(on_samples: DomainRouter) -> None:
    runtime = on_samples.to_runtime()
    X = list(sample_inputs())
    batch = runtime.predict_proba(X)
    np.testing.assert_array_equal(np.vstack([runtime.predict_proba([x]) for x in X]), batch)
    assert [runtime.route([x])[0] for x in X] == runtime.route(X)
    np.testing.assert_allclose(batch.sum(axis=1), 1.0, atol=1e-6)


def test_runtime_save_load_round_trip(tiny: DomainRouter, tmp_path: Path) -> None:
    runtime = tiny.to_runtime()
    runtime.save(tmp_path)
    loaded = RouterRuntime.load(tmp_path)
    X, _ = tiny_data()
    np.testing.assert_array_equal(loaded.predict_proba(X), runtime.predict_proba(X))
    assert loaded.route(X) == tiny.route(X)
    assert loaded.labels() == {"administrative": ["judgment"], "civil": ["false_litigation", "judgment"],
                               "criminal": ["penalty_execution", "trial"]}  # fmt: skip


def test_runtime_load_refuses_garbled_arrays(tiny: DomainRouter, tmp_path: Path) -> None:
    tiny.to_runtime().save(tmp_path)
    (tmp_path / ARRAYS_FILE).write_bytes(b"\x80\x04K\x01.")  # a pickle, not an npz
    with pytest.raises(RuntimeFormatError, match="cannot read"):
        RouterRuntime.load(tmp_path)
    (tmp_path / HEADER_FILE).write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(RuntimeFormatError, match="format"):
        RouterRuntime.from_parts({"format": 99}, {})


def test_runtime_empty_inputs(tiny: DomainRouter) -> None:
    runtime = tiny.to_runtime()
    X = [RouteInput(""), RouteInput("  \n", ("kind:judgment",))]
    np.testing.assert_allclose(runtime.predict_proba(X), tiny.predict_proba(X), rtol=0, atol=1e-9)
    assert runtime.predict_proba([]).shape == (0, len(tiny.classes_))


def test_runtime_analysis_path_imports_no_sklearn() -> None:
    code = (
        "import sys; from assist.analyze import default_router; default_router(); "
        "heavy = {'sklearn', 'skops', 'torch', 'scipy'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    assert out.stdout.strip() == "[]"
