"""Reviews → labels, the merge into a corpus with conflicts, and the ``assist labels`` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from assist.learn.cli_labels import labels_app
from assist.learn.labels import IssueLabel, LabelRecord, SignalLabel, read_labels, write_labels
from assist.learn.reviews import Conflict, merge_labels, reviews_to_labels

runner = CliRunner()
TEXT_A = "原告与被告系朋友关系，借款以现金方式交付。"
TEXT_B = "被告人判处罚金人民币一千元。"


def review(rid: int, doc_id: str | None, text: str | None, **over: Any) -> str:
    """One line as ``assist reviews export`` writes it (assist.service.admin.review_label)."""
    row: dict[str, Any] = {
        "review_id": rid, "lead_id": f"L{rid}", "type": "false_litigation", "code": "document",
        "level": "medium", "score": 0.5, "decision": "accept", "note": "", "reviewer": "li",
        "reviewed_at": f"2025-01-0{rid % 9 + 1}T10:00:00Z", "documents": [doc_id] if doc_id else [],
        "evidence": [], "analysis_id": rid if doc_id else None, "signals": [],
        "doc_id": doc_id, "text": text,
    }  # fmt: skip
    row.update(over)
    return json.dumps(row, ensure_ascii=False)


def numbered(lines: list[str]) -> list[tuple[int, str]]:
    return list(enumerate(lines, start=1))


def test_decisions_become_levels_with_reasons() -> None:
    lines = [
        review(1, "a", TEXT_A, level="high", note="借贷关系可疑"),
        review(2, "b", TEXT_B, type="unenforced_property_penalty", decision="reject"),
        review(3, "c", "文书三。", decision="accepted"),
    ]
    found = reviews_to_labels(numbered(lines), "r.jsonl")
    assert found.problems == []
    a, b, c = found.records
    assert a.issues == (IssueLabel("false_litigation", "high", "review 1 by li: 借贷关系可疑"),)
    assert b.issues == (IssueLabel("unenforced_property_penalty", "low", "review 2 by li"),)
    assert c.issues[0].level == "medium"
    assert (a.doc_id, a.text, a.source, a.part) == ("a", TEXT_A, "review:1", "review")
    assert a.domain is None and a.subdomain is None and a.signals == ()


def test_skipped_reviews_are_reported() -> None:
    lines = [
        review(1, None, None, type="systemic_admin_problem"),  # cross-case: no single document
        review(2, "b", TEXT_B, decision="unsure"),
        "{oops",
        review(4, "d", TEXT_B, type="tax_evasion"),
        review(5, "e", TEXT_B, decision="maybe"),
        review(6, "f", TEXT_B, review_id="6"),
        review(7, "g", TEXT_A),
    ]
    found = reviews_to_labels(numbered(lines), "r.jsonl")
    kinds = [(p.line, p.kind) for p in found.problems]
    assert kinds == [(1, "not_document_level"), (2, "undecided"), (3, "json"),
                     (4, "unknown_label"), (5, "unknown_label"), (6, "schema")]  # fmt: skip
    assert [p.is_error for p in found.problems] == [False, False, True, True, True, True]
    assert [r.doc_id for r in found.records] == ["g"]


def test_latest_review_wins_and_the_overridden_one_is_reported(tmp_path: Path) -> None:
    lines = [
        review(5, "a", TEXT_A, decision="reject", reviewed_at="2025-03-01T00:00:00Z"),
        review(3, "a", TEXT_A, decision="accept", reviewed_at="2025-02-01T00:00:00Z"),
        review(4, "a", TEXT_A, type="public_interest_lead", decision="reject"),
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = reviews_to_labels(path)
    (record,) = found.records  # one record per document, its types together
    assert record.source == "review:4,5"  # the reviews whose labels stand
    assert [(i.type, i.level) for i in record.issues] == [
        ("false_litigation", "low"), ("public_interest_lead", "low"),
    ]  # fmt: skip
    (conflict,) = found.problems
    assert (conflict.kind, conflict.line, conflict.file) == ("review_conflict", 2, str(path))
    assert "review 3 (medium) overridden by later review 5 (low)" in conflict.message


def corpus() -> list[LabelRecord]:
    return [
        LabelRecord("a", TEXT_A, "c:a", "civil", "judgment",
                    (IssueLabel("false_litigation", "high", "现金"),
                     IssueLabel("public_interest_lead", "low")),
                    (SignalLabel("cash_delivery", 13, 20),), "note a"),
        LabelRecord("b", TEXT_B, "c:b", "criminal", "trial"),
    ]  # fmt: skip


def test_merge_review_wins_for_its_types_and_reports_conflicts() -> None:
    reviews = [
        LabelRecord("a", TEXT_A, "review:1", None, None, (IssueLabel("false_litigation", "low"),)),
        LabelRecord("other-id", TEXT_B.replace("。", "。\n"), "review:2", None, None,
                    (IssueLabel("unenforced_property_penalty", "medium"),)),
        LabelRecord("n", "新文书。", "review:3", None, None, (IssueLabel("false_litigation", "high"),)),
        LabelRecord("a", TEXT_A, "review:4", None, None, (IssueLabel("public_interest_lead", "low"),)),
    ]  # fmt: skip
    merged, conflicts = merge_labels(corpus(), reviews)
    assert [r.doc_id for r in merged] == ["a", "b", "n"]
    a, b, _ = merged
    assert [(i.type, i.level) for i in a.issues] == [
        ("false_litigation", "low"), ("public_interest_lead", "low"),
    ]  # fmt: skip
    assert (a.domain, a.subdomain, a.signals, a.notes, a.source) == (
        "civil", "judgment", corpus()[0].signals, "note a", "c:a",
    )  # fmt: skip
    assert b.issues == (IssueLabel("unenforced_property_penalty", "medium"),)  # matched by hash
    assert conflicts == [
        Conflict("a", "false_litigation", "high", "low", "review:1"),
        Conflict("b", "unenforced_property_penalty", None, "medium", "review:2"),
    ]  # low vs low (review:4) and a new document (review:3) are not conflicts


def write_reviews(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_validate(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    write_labels(corpus(), good)
    r = runner.invoke(labels_app, ["validate", str(good)])
    assert r.exit_code == 0, r.output
    assert "2 records: 0 errors" in r.output
    dup = tmp_path / "dup.jsonl"
    write_labels([LabelRecord("z", TEXT_A + "\n", "c:z", None, None)], dup)
    r = runner.invoke(labels_app, ["validate", str(good), str(dup)])
    assert r.exit_code == 0 and "duplicate_text" in r.stdout  # a notice, not an error
    r = runner.invoke(labels_app, ["validate", str(good), "--test", str(dup), "--json"])
    report = json.loads(r.stdout)
    assert r.exit_code == 1 and report["counts"] == {"leakage": 1} and report["test_records"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "q"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(labels_app, ["validate", str(bad)])
    assert (
        r.exit_code == 1 and f"{bad}:2: -: json:" in r.stdout and "(json 1, schema 2)" in r.output
    )


def test_cli_from_reviews_and_merge(tmp_path: Path) -> None:
    raw = write_reviews(tmp_path / "export.jsonl", [
        review(1, "a", TEXT_A, decision="reject"), review(2, None, None),
        review(3, "n", "新文书。", level="high"),
    ])  # fmt: skip
    labels, corpus_file = tmp_path / "rl.jsonl", tmp_path / "corpus.jsonl"
    r = runner.invoke(labels_app, ["from-reviews", str(raw), "--out", str(labels)])
    assert r.exit_code == 0, r.output
    assert "not_document_level" in r.stdout and "wrote 2 labels" in r.output
    write_labels(corpus(), corpus_file)
    out, conflicts = tmp_path / "merged.jsonl", tmp_path / "conflicts.jsonl"
    args = ["merge", str(corpus_file), "--reviews", str(labels), "--out", str(out)]
    r = runner.invoke(labels_app, [*args, "--conflicts", str(conflicts)])
    assert r.exit_code == 0, r.output
    merged = read_labels([out])
    assert merged.problems == [] and [x.doc_id for x in merged.records] == ["a", "b", "n"]
    rows = [json.loads(x) for x in conflicts.read_text("utf-8").splitlines()]
    assert rows == [{"doc_id": "a", "type": "false_litigation", "corpus_level": "high",
                     "review_level": "low", "review_source": "review:1"}]  # fmt: skip
    corpus_file.write_text("{broken\n", encoding="utf-8")
    r = runner.invoke(labels_app, args)
    assert r.exit_code == 1 and "not merged" in r.output
