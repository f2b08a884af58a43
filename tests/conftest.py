"""Shared fixtures: the committed real corpora and the hand-checked golden labels."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI runs the property tests derandomized (HYPOTHESIS_PROFILE=ci in .ci/run) so that a red run
# is reproducible; local runs keep random seeds to keep finding new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
GOLDEN = Path(__file__).resolve().parent / "golden"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@cache
def _dev_documents() -> dict[str, str]:
    return {r["id"]: r["text"] for r in read_jsonl(CORPORA / "real/judgments.jsonl")}


def dev_texts(*ids: str) -> dict[str, str]:
    """Some of the 36 real dev documents by id, for tables built at import (parametrize)."""
    docs = _dev_documents()
    return {doc_id: docs[doc_id] for doc_id in ids}


@pytest.fixture(scope="session")
def real_texts() -> dict[str, str]:
    """The 36 real dev documents (masked; offsets as in the source)."""
    return dict(_dev_documents())
