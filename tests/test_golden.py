"""The parser against hand-checked labels of the 36 real dev documents (issue #2 targets)."""

from __future__ import annotations

from typing import Any

import pytest

from assist.pipeline import parse_document
from tests.conftest import GOLDEN, read_jsonl
from training.parsing_metrics import Scores, golden_fields, predicted_fields

GOLD = read_jsonl(GOLDEN / "full_dev.jsonl") + read_jsonl(GOLDEN / "pages_dev.jsonl")
EXACT = (
    "case_number.raw", "case_number.normalized", "case_number.year", "case_number.type_code",
    "case_number.seq", "case_number.case_type", "case_number.stage", "court", "doc_kind",
    "dates.decided",
)  # fmt: skip


def test_golden_covers_the_36_dev_documents() -> None:
    assert len(GOLD) == 36
    assert len({g["id"] for g in GOLD}) == 36


@pytest.fixture(scope="module")
def predictions(real_texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {g["id"]: predicted_fields(parse_document(real_texts[g["id"]])) for g in GOLD}


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_golden_exact_fields(gold: dict[str, Any], predictions: dict[str, dict[str, Any]]) -> None:
    expected, got = golden_fields(gold), predictions[gold["id"]]
    wrong = {
        f: (expected[f], got[f]) for f in EXACT if expected[f] is not None and expected[f] != got[f]
    }
    assert not wrong, f"golden → predicted: {wrong}"


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_golden_fines_exact(gold: dict[str, Any], predictions: dict[str, dict[str, Any]]) -> None:
    assert predictions[gold["id"]]["fines"] == golden_fields(gold)["fines"]


def test_golden_parties_f1_at_least_097(predictions: dict[str, dict[str, Any]]) -> None:
    scores = Scores()
    for gold in GOLD:
        scores.add(gold["id"], golden_fields(gold), predictions[gold["id"]])
    precision, recall, f1 = scores.prf("parties")
    assert f1 >= 0.97, f"parties P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
