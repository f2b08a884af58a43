"""Shared fixtures: the committed real corpora and the hand-checked golden labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
GOLDEN = Path(__file__).resolve().parent / "golden"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def real_texts() -> dict[str, str]:
    """The 36 real dev documents (masked; offsets as in the source)."""
    return {r["id"]: r["text"] for r in read_jsonl(CORPORA / "real/judgments.jsonl")}
