"""Splits by document hash: deterministic, order- and layout-independent, about the asked share."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from assist.learn.labels import LabelRecord, check_leakage, read_labels
from assist.learn.split import fold_of, hash_bucket, split_by_hash

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "corpora/labels").glob("real_signals*.jsonl"))


@pytest.fixture(scope="module")
def real() -> list[LabelRecord]:
    return read_labels(REAL).records


def ids(records: list[LabelRecord]) -> set[str]:
    return {r.doc_id for r in records}


def test_real_split_is_about_twenty_percent_and_leak_free(real: list[LabelRecord]) -> None:
    train, test = split_by_hash(real)
    assert len(train) + len(test) == 605
    assert 0.15 <= len(test) / 605 <= 0.25, len(test)
    assert check_leakage(train, test) == []
    assert [r.doc_id for r in train] == [r.doc_id for r in real if r.doc_id in ids(train)]


def test_split_ignores_order_file_id_and_layout(real: list[LabelRecord]) -> None:
    train, test = split_by_hash(real)
    shuffled = real[:]
    random.Random(7).shuffle(shuffled)
    relaid = [
        replace(r, doc_id="copy-" + r.doc_id, source="other:1", text=r.text.replace("，", "， \n"))
        for r in shuffled
    ]
    train2, test2 = split_by_hash(relaid)
    assert {i.removeprefix("copy-") for i in ids(test2)} == ids(test)
    assert {i.removeprefix("copy-") for i in ids(train2)} == ids(train)


def test_salt_and_percent_change_the_split(real: list[LabelRecord]) -> None:
    _, test = split_by_hash(real)
    _, salted = split_by_hash(real, salt="v2")
    assert ids(salted) != ids(test) and 0.15 <= len(salted) / 605 <= 0.25
    _, bigger = split_by_hash(real, test_percent=40)
    assert ids(test) < ids(bigger)  # a larger test share only adds documents
    assert split_by_hash(real, test_percent=0)[1] == []
    assert split_by_hash(real, test_percent=100)[0] == []
    with pytest.raises(ValueError, match="test_percent"):
        split_by_hash(real, test_percent=101)


def test_bucket_formula_is_the_documented_one(real: list[LabelRecord]) -> None:
    import hashlib

    r = real[0]
    expected = int(hashlib.sha256(("s" + r.doc_hash).encode()).hexdigest()[:8], 16) % 100
    assert hash_bucket(r, salt="s") == expected


def test_folds_are_deterministic_balanced_and_checked(real: list[LabelRecord]) -> None:
    folds = [fold_of(r, 5) for r in real]
    assert folds == [fold_of(replace(r, doc_id="x", text=r.text + "\n"), 5) for r in real]
    counts = Counter(folds)
    assert sorted(counts) == [0, 1, 2, 3, 4]
    assert all(90 <= n <= 152 for n in counts.values()), counts
    with pytest.raises(ValueError, match="folds"):
        fold_of(real[0], 1)
