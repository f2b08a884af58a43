"""Regression guard: triplet accuracy on a fixed small subset of the real SCM dev triplets.

The floors are modest on purpose (the headline figures live in reports/similar.md): the
uniform weights use no labels; the shipped weights were fitted on all 250 triplets, so on this
subset they are in-sample and only guard against a broken extractor or index.
"""

from __future__ import annotations

import numpy as np
import pytest

from assist.similar.index import default_weights, uniform_weights
from training.eval_similar import Data, accuracy, evaluate, load


@pytest.fixture(scope="module")
def subset() -> Data:
    return load(limit=30)  # corpora/real/scm_triplets.jsonl, the first 30 triplets


def test_eval_uniform_weights_beat_floor(subset: Data) -> None:
    assert subset.n == 30
    assert evaluate(subset, uniform_weights()) >= 0.6


def test_eval_shipped_weights_beat_floor(subset: Data) -> None:
    assert evaluate(subset, default_weights()) >= 0.7


def test_eval_accuracy_counts_ties_as_wrong() -> None:
    assert accuracy(np.array([0.1, 0.0, -0.2, 0.3])) == 0.5
