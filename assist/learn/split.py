"""Deterministic train/test splits and folds by document hash (TAXONOMY §4: never in both).

A record's side depends only on its text (``doc_hash``: whitespace-free, NFKC), never on its
file, position or id, so the same document lands on the same side in every run, and duplicates
under two ids split together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from assist.learn.labels import LabelRecord


def _bucket(key: str, modulo: int) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % modulo


def hash_bucket(record: LabelRecord, salt: str = "") -> int:
    """The record's bucket 0–99; buckets below ``test_percent`` are the test side."""
    return _bucket(salt + record.doc_hash, 100)


def split_by_hash(
    records: Sequence[LabelRecord], test_percent: int = 20, salt: str = ""
) -> tuple[list[LabelRecord], list[LabelRecord]]:
    """(train, test), each in input order; about ``test_percent`` % of distinct texts are test."""
    if not 0 <= test_percent <= 100:
        raise ValueError(f"test_percent must be 0–100, not {test_percent}")
    train: list[LabelRecord] = []
    test: list[LabelRecord] = []
    for record in records:
        (test if hash_bucket(record, salt) < test_percent else train).append(record)
    return train, test


def fold_of(record: LabelRecord, folds: int, salt: str = "") -> int:
    """The record's cross-validation fold 0…folds-1 (a hash independent of the test bucket)."""
    if folds < 2:
        raise ValueError(f"folds must be at least 2, not {folds}")
    return _bucket(f"{salt}fold:{record.doc_hash}", folds)
