from __future__ import annotations

import numpy as np
import pytest

from assist.analysis import DomainGuess
from assist.route.model import DOMAINS, DomainRouter, split_label
from tests.route.tiny import SMALL, tiny_data


@pytest.fixture(scope="module")
def fitted() -> DomainRouter:
    X, y = tiny_data()
    return DomainRouter(**SMALL).fit(X, y)


def test_model_fit_returns_self_and_learns_state() -> None:
    X, y = tiny_data()
    router = DomainRouter(**SMALL)
    assert router.fit(X, y) is router
    assert list(router.classes_) == sorted({split_label(label)[0] for label in y})
    assert router.get_params()["C"] == 100.0


def test_model_overfits_tiny_data(fitted: DomainRouter) -> None:
    X, y = tiny_data()
    assert list(fitted.predict(X)) == [split_label(label)[0] for label in y]
    guesses = fitted.route(X)
    for guess, label in zip(guesses, y, strict=True):
        domain, sub = split_label(label)
        assert guess.label == domain
        if sub is not None:
            assert guess.subdomain == sub


def test_model_probabilities_are_distributions(fitted: DomainRouter) -> None:
    X, _ = tiny_data()
    proba = fitted.predict_proba(X)
    assert proba.shape == (len(X), len(fitted.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-6)


def test_model_batch_equals_single(fitted: DomainRouter) -> None:
    X, _ = tiny_data()
    batch = fitted.predict_proba(X)
    singles = np.vstack([fitted.predict_proba([x]) for x in X])
    np.testing.assert_allclose(singles, batch, rtol=0, atol=1e-7)
    assert [fitted.route([x])[0] for x in X] == fitted.route(X)


def test_model_guess_shape(fitted: DomainRouter) -> None:
    X, _ = tiny_data()
    guess = fitted.route(X[:1])[0]
    assert isinstance(guess, DomainGuess)
    proba = fitted.predict_proba(X[:1])[0]
    assert guess.score == round(float(proba.max()), 4)
    others = [a.label for a in guess.alternatives]
    assert guess.label not in others and set(others) | {guess.label} == set(fitted.classes_)
    scores = [a.score for a in guess.alternatives]
    assert scores == sorted(scores, reverse=True)


def test_model_single_subdomain_and_domain_only_labels(fitted: DomainRouter) -> None:
    assert fitted.subdomain_models_["administrative"] == "judgment"
    # civil trained with two sub-domains; the execution text (label "civil") trained the domain only
    assert set(fitted.subdomain_models_["civil"].classes_) == {"judgment", "false_litigation"}


def test_model_refuses_bad_input() -> None:
    X, y = tiny_data()
    with pytest.raises(ValueError, match="unknown domain"):
        split_label("family/divorce")
    with pytest.raises(ValueError, match="two domains"):
        DomainRouter(**SMALL).fit(X[:2], y[:2])
    with pytest.raises(ValueError, match="rows"):
        DomainRouter(**SMALL).fit(X, y[:3])
    with pytest.raises(ValueError, match="no parameter"):
        DomainRouter().set_params(alpha=1.0)


def test_model_domains_follow_the_contract() -> None:
    assert set(DOMAINS) == {"criminal", "civil", "administrative", "public_interest"}
