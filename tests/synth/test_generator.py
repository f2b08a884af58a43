"""The document generator: every kind, reproducible, labels exact, and the parser reads it back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assist.pipeline import parse_document
from assist.synth.generator import KINDS, GeneratedDoc, Sources, generate, generate_one
from assist.text.normalize import normalize
from training.parsing_metrics import Scores, golden_fields, predicted_fields

SOURCES = Sources()


@pytest.fixture(scope="module")
def docs() -> list[GeneratedDoc]:
    return list(generate(len(KINDS) * 8, seed=7, sources=SOURCES))


def test_generator_every_kind_is_produced(docs: list[GeneratedDoc]) -> None:
    assert {d.kind for d in docs} == set(KINDS)
    assert {d.labels["doc_kind"] for d in docs} >= {
        "judgment", "ruling", "mediation", "indictment", "penalty_decision", "recommendation", "notice",
    }  # fmt: skip


def test_generator_same_seed_same_document() -> None:
    a = generate_one("criminal_judgment", 3, SOURCES)
    b = generate_one("criminal_judgment", 3, SOURCES)
    assert a == b
    assert generate_one("criminal_judgment", 4, SOURCES).text != a.text


def test_generator_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        generate_one("poem", 1, SOURCES)


def test_generator_labels_point_at_the_text(docs: list[GeneratedDoc]) -> None:
    for doc in docs:
        norm = normalize(doc.text)
        cn = doc.labels.get("case_number")
        if cn:
            assert cn["raw"] in doc.text
        for party in doc.labels["parties"]:
            assert normalize(party["name"]) in norm, (doc.id, party["name"])
        for pen in doc.labels["penalties"]:
            assert pen["person"] in doc.text


def _score(docs: list[GeneratedDoc]) -> Scores:
    scores = Scores()
    for doc in docs:
        scores.add(doc.id, golden_fields(doc.labels), predicted_fields(parse_document(doc.text)))
    return scores


@pytest.mark.parametrize(
    "field", ["case_number.normalized", "case_number.stage", "court", "doc_kind", "dates.decided"]
)
def test_generator_round_trip_scalar_fields(docs: list[GeneratedDoc], field: str) -> None:
    scores = _score(docs)
    accuracy = scores.accuracy(field)
    bad = [e for e in scores.errors if e[1] == field][:5]
    assert accuracy is not None and accuracy >= 0.95, bad


@pytest.mark.parametrize("field", ["parties", "fines", "penalties"])
def test_generator_round_trip_lists(docs: list[GeneratedDoc], field: str) -> None:
    scores = _score(docs)
    _, _, f1 = scores.prf(field)
    bad: list[Any] = [e for e in scores.errors if e[1] == field][:5]
    assert f1 >= 0.95, bad


def test_generator_cli_writes_jsonl(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from assist.cli import app

    out = tmp_path / "gen.jsonl"
    result = CliRunner().invoke(
        app, ["generate", "--out", str(out), "--n", "5", "--kind", "notice"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5 and {r["kind"] for r in rows} == {"notice"}
    assert all(r["labels"]["doc_kind"] == "notice" for r in rows)
    bad = CliRunner().invoke(app, ["generate", "--out", str(out), "--kind", "poem"])
    assert bad.exit_code != 0 and "unknown kind" in bad.output
