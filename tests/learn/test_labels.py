"""The label format: every bad-record kind is reported, good records survive, real files validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assist.learn.labels import (
    IssueLabel,
    LabelRecord,
    Problem,
    SignalLabel,
    check_leakage,
    doc_hash,
    domains,
    issue_types,
    parse_lines,
    read_labels,
    signal_codes,
    subdomains,
    targets,
    write_labels,
)

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "corpora/labels").glob("real_signals*.jsonl"))
TEXT = "原告诉称借款属实。被告经本院合法传唤无正当理由拒不到庭，本院缺席判决。"
SPAN = "被告经本院合法传唤无正当理由拒不到庭"


def good(doc_id: str, text: str = TEXT, **over: Any) -> dict[str, Any]:
    start = text.find(SPAN)
    spans = [{"code": "default_judgment", "start": start, "end": start + len(SPAN)}]
    row: dict[str, Any] = {
        "doc_id": doc_id,
        "source": f"test:{doc_id}",
        "text": text,
        "domain": "civil",
        "subdomain": "judgment",
        "issues": [{"type": "false_litigation", "level": "medium", "reason": "缺席"}],
        "signals": spans if start >= 0 else [],
    }
    row.update(over)
    return row


def write(path: Path, rows: list[Any]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# One bad record per kind (line number → expected kind), between good ones that must survive.
BAD: list[tuple[Any, str]] = [
    ('{"doc_id": "x1", "text": ', "json"),
    ('["not", "an", "object"]', "schema"),
    ({k: v for k, v in good("x3").items() if k != "text"}, "schema"),
    (good("x4", text="  \n "), "schema"),
    (good("x5", issues={"type": "false_litigation"}), "schema"),
    (good("x6", source=7), "schema"),
    (good("x7", signals=[{"code": "default_judgment", "start": True, "end": 3}]), "schema"),
    (good("x8", domain="family"), "unknown_label"),
    (good("x9", subdomain="ecology"), "unknown_label"),
    (good("x10", domain=None, subdomain="judgment"), "unknown_label"),
    (good("x11", issues=[{"type": "tax_evasion", "level": "high"}]), "unknown_label"),
    (good("x12", issues=[{"type": "false_litigation", "level": "urgent"}]), "unknown_label"),
    (good("x13", signals=[{"code": "moon_phase", "start": 0, "end": 2}]), "unknown_label"),
    (good("x14", signals=[{"code": "mediation", "start": 5, "end": 500}]), "span"),
    (good("x15", signals=[{"code": "mediation", "start": 4, "end": 4}]), "span"),
    (good("x16", signals=[{"code": "mediation", "start": 0, "end": 2, "text": "被告"}]), "span"),
    (good("g1"), "duplicate_id"),
]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    relaid = TEXT.replace("。", "。\n  ")  # the same document in another layout
    rows: list[Any] = [good("g1")] + [row for row, _ in BAD]
    rows += [
        good("g2", text=relaid),
        good("g3", domain=None, subdomain=None, issues=[], signals=[]),
    ]
    rows.insert(3, "")  # blank lines are skipped, not problems
    return write(tmp_path / "mixed.jsonl", rows)


def test_every_bad_kind_is_reported_and_good_records_survive(mixed: Path) -> None:
    found = read_labels([mixed])
    assert [r.doc_id for r in found.records] == ["g1", "g2", "g3"]
    by_line: dict[int | None, list[str]] = {}
    for p in found.problems:
        by_line.setdefault(p.line, []).append(p.kind)
    lines = [n for n in range(2, 2 + len(BAD) + 1) if n != 4]  # line 4 is the blank one
    assert [by_line.get(n) for n in lines] == [[kind] for _, kind in BAD]
    assert by_line[len(BAD) + 3] == ["duplicate_text"]  # g2: a relaid copy of g1, kept
    assert {p.kind for p in found.errors} == {k for _, k in BAD}
    assert all(p.file == str(mixed) for p in found.problems)


def test_a_record_reports_all_its_problems_at_once(tmp_path: Path) -> None:
    row = good("many", domain="family", issues=[{"type": "tax", "level": "urgent"}])
    row["signals"] = [{"code": "moon", "start": 0, "end": 999}]
    found = read_labels([write(tmp_path / "a.jsonl", [row])])
    assert found.records == []
    assert [p.kind for p in found.problems] == ["unknown_label"] * 4 + ["span"]


def test_good_record_fields(tmp_path: Path) -> None:
    (rec,) = read_labels([write(tmp_path / "a.jsonl", [good("g1", notes="n")])]).records
    start = TEXT.find(SPAN)
    assert rec.issues == (IssueLabel("false_litigation", "medium", "缺席"),)
    assert rec.signals == (SignalLabel("default_judgment", start, start + len(SPAN)),)
    assert (rec.domain, rec.subdomain, rec.notes, rec.part) == ("civil", "judgment", "n", "real")


def test_reason_is_optional_and_missing_domain_is_null(tmp_path: Path) -> None:
    row = {
        "doc_id": "m",
        "source": "s",
        "text": TEXT,
        "issues": [{"type": "false_litigation", "level": "low"}],
    }
    (rec,) = read_labels([write(tmp_path / "a.jsonl", [row])]).records
    assert rec.domain is None and rec.signals == () and rec.issues[0].reason == ""


def test_duplicate_id_across_files_and_undecodable_lines(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", [good("g1")])
    b = tmp_path / "b.jsonl"
    b.write_bytes(b"\xff\xfe bad\n" + json.dumps(good("g1", text="另一份文书。")).encode() + b"\n")
    found = read_labels([a, b, tmp_path / "missing.jsonl"])
    assert [(p.file, p.line, p.kind) for p in found.problems] == [
        (str(b), 1, "json"),
        (str(b), 2, "duplicate_id"),
        (str(tmp_path / "missing.jsonl"), None, "file"),
    ]
    assert len(found.records) == 1


def test_problem_renders_file_line_id_kind_message() -> None:
    assert str(Problem("a.jsonl", 3, "d1", "span", "bad")) == "a.jsonl:3: d1: span: bad"
    assert str(Problem("t", None, None, "leakage", "m")) == "t:-: -: leakage: m"
    assert Problem("t", 1, "d", "duplicate_text", "m").is_error is False


def test_part_follows_the_source_prefix() -> None:
    def part(source: str) -> str:
        return LabelRecord("d", "文", source, None, None).part

    assert [part(s) for s in ("generated:x", "synth:3", "review:4,5", "cail2018:#1", "x")] == [
        "generated", "generated", "review", "real", "real",
    ]  # fmt: skip


def test_doc_hash_ignores_layout_and_width() -> None:
    assert doc_hash("甲 乙\n\t丙\u3000丁") == doc_hash("甲乙丙丁")
    assert doc_hash("ＡＢＣ１２３") == doc_hash("ABC123")
    assert doc_hash("甲乙") != doc_hash("乙甲")
    assert LabelRecord("d", "甲 乙", "s", None, None).doc_hash == doc_hash("甲乙")


def test_vocabularies_come_from_the_data_files() -> None:
    assert domains() == ("criminal", "civil", "administrative", "public_interest")
    assert sum(len(v) for v in subdomains().values()) == 21
    assert "judgment" in subdomains()["civil"] and "ecology" in subdomains()["public_interest"]
    assert {"false_litigation", "unenforced_property_penalty", "systemic_admin_problem",
            "public_interest_lead", "criminal_transfer_gap"} == set(issue_types())  # fmt: skip
    assert signal_codes()["fine_imposed"] == "unenforced_property_penalty"


def test_real_label_files_validate_clean() -> None:
    found = read_labels(REAL)
    assert len(found.records) == 605
    assert [str(p) for p in found.errors] == []


def test_write_labels_round_trips_the_real_files(tmp_path: Path) -> None:
    records = read_labels(REAL).records
    out = tmp_path / "sub" / "all.jsonl"
    assert write_labels(records, out) == 605
    assert read_labels([out]).records == records
    assert not list(out.parent.glob("*.part"))
    first = REAL[0].read_text("utf-8").splitlines()
    assert out.read_text("utf-8").splitlines()[: len(first)] == first  # byte-identical format


def test_check_leakage_flags_texts_in_both_sets() -> None:
    train = [LabelRecord("a", "甲乙丙", "s", None, None), LabelRecord("b", "丁", "s", None, None)]
    test = [LabelRecord("c", "甲 乙\n丙", "s", None, None), LabelRecord("e", "戊", "s", None, None)]
    (problem,) = check_leakage(train, test, test_file="t.jsonl")
    assert (problem.file, problem.doc_id, problem.kind) == ("t.jsonl", "c", "leakage")
    assert "train record a" in problem.message


def test_targets_per_task() -> None:
    issues = (IssueLabel("systemic_admin_problem", "high"), IssueLabel("false_litigation", "medium"),
              IssueLabel("public_interest_lead", "low"))  # fmt: skip
    records = [
        LabelRecord("a", "t", "s", "civil", "judgment", issues),
        LabelRecord("b", "t", "s", "criminal", None),
        LabelRecord("c", "t", "s", None, None),
    ]
    kept, y = targets(records, "domain")
    assert [r.doc_id for r in kept] == ["a", "b"] and y == ["civil", "criminal"]
    assert targets(records, "subdomain")[1] == ["civil/judgment", "criminal"]
    kept, y = targets(records, "issues")
    assert len(kept) == 3 and y == [("false_litigation", "systemic_admin_problem"), (), ()]
    assert targets(records, "issues", min_level="high")[1][0] == ("systemic_admin_problem",)
    assert targets(records, "issues", min_level="low")[1][0] == tuple(
        sorted(i.type for i in issues)
    )
    with pytest.raises(ValueError, match="unknown task"):
        targets(records, "sentiment")  # type: ignore[arg-type]


FIELDS = ["doc_id", "source", "text", "domain", "subdomain", "issues", "signals", "notes",
          "type", "level", "code", "start", "end", "reason"]  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40) | JSON.map(json.dumps), max_size=6))
def test_parse_lines_never_raises(lines: list[str]) -> None:
    found, problems = parse_lines(list(enumerate(lines, start=1)), "h.jsonl")
    assert all(isinstance(p, Problem) for p in problems)
    for _, record in found:
        assert record.text.strip() and all(
            0 <= s.start < s.end <= len(record.text) for s in record.signals
        )


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_read_labels_never_raises_on_bytes(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_bytes(data)
        found = read_labels([path])
    assert all(p.file == str(path) for p in found.problems)
