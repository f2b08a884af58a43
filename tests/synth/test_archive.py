"""Archives with planted cross-case patterns: an oracle reading only the documents' labels
recomputes every lead over the whole archive and must find exactly the truth; decoys are there;
ids and numbers are unique; dates are consistent; same seed, same archive; memory stays flat."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assist.extract.execution import find_execution_outcome
from assist.pipeline import parse_document
from assist.synth.archive import archive_truth, generate_archive, write_archive
from assist.synth.generator import GeneratedDoc, Sources
from assist.synth.plan import ArchiveTruth, PatternSpec
from assist.text.normalize import make_text, normalize

SOURCES = Sources()
N, SEED = 3000, 5
Lead = tuple[str, str, str, frozenset[str]]


@pytest.fixture(scope="module")
def archive() -> list[GeneratedDoc]:
    return list(generate_archive(N, SEED, sources=SOURCES))


@pytest.fixture(scope="module")
def truth() -> ArchiveTruth:
    return archive_truth(N, SEED)


# ---- an oracle over the labels: what a correct cross-case stage raises ----
def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _dense(days: list[date], count: int, window: int) -> bool:
    """Whether ``count`` of the dates fall within ``window`` days."""
    days = sorted(days)
    return any(
        days[i + count - 1] - days[i] <= timedelta(window) for i in range(len(days) - count + 1)
    )


def _type(doc: GeneratedDoc) -> str | None:
    cn = doc.labels["case_number"]
    return cn["type_code"] if cn else None


def _named(doc: GeneratedDoc, role: str) -> list[dict[str, Any]]:
    return [p for p in doc.labels["parties"] if p["role"] == role]


def _loan_leads(docs: list[GeneratedDoc]) -> set[Lead]:
    suits = [d for d in docs if d.labels["cause"] == "民间借贷纠纷" and _type(d) == "民初"]
    by: dict[str, dict[str, list[GeneratedDoc]]] = defaultdict(lambda: defaultdict(list))
    for doc in suits:
        plaintiffs = [p for p in _named(doc, "plaintiff") if "某" not in p["name"]]
        defendants = [p["name"] for p in _named(doc, "defendant") if "某" not in p["name"]]
        for p in plaintiffs:
            by["frequent_plaintiff"][p["name"]].append(doc)
            for a in p["agents"]:
                by["frequent_agent"][f"{a['name']}|{a['firm']}"].append(doc)
            for name in defendants:
                by["repeated_pair"][f"{p['name']}|{name}"].append(doc)
        for name in defendants:
            by["debtor_many_creditors"][name].append(doc)
    leads: set[Lead] = set()
    for code, groups in by.items():
        for key, group in groups.items():
            filed = [_day(d.labels["dates"]["filed"]) for d in group]
            decided = [_day(d.labels["dates"]["decided"]) for d in group]
            if code == "debtor_many_creditors":
                hit = _creditors(group, "filed")
                assert hit == _creditors(group, "decided"), key  # no date-choice ambiguity
            elif code == "repeated_pair":
                hit = len(group) >= 2
            else:
                hit = len(group) >= 10
                assert hit == _dense(filed, 10, 365) == _dense(decided, 10, 365), key
            if hit:
                leads.add(("false_litigation", code, key, frozenset(d.id for d in group)))
    return leads


def _creditors(group: list[GeneratedDoc], which: str) -> bool:
    events = sorted(
        (_day(d.labels["dates"][which]), _named(d, "plaintiff")[0]["name"]) for d in group
    )
    return any(
        len({p for t, p in events if start <= t <= start + timedelta(180)}) >= 3
        for start, _ in events
    )


def _penalty_leads(docs: list[GeneratedDoc], last: date) -> set[Lead]:
    judgments = {d.labels["case_number"]["normalized"]: d for d in docs if _type(d) == "刑初"}
    cites: dict[str, list[GeneratedDoc]] = defaultdict(list)
    for doc in docs:
        for c in doc.labels["cited_cases"]:
            if c["relation"] in ("executed_judgment", "original_judgment"):
                cites[c["normalized"]].append(doc)
    leads: set[Lead] = set()
    for number, j in judgments.items():
        fines = {p["person"]: Decimal(p["amount"]) for p in j.labels["penalties"]}
        if not fines:
            continue
        execs = [d for d in cites[number] if _type(d) == "执"]
        if not execs and last - _day(j.labels["dates"]["decided"]) >= timedelta(90):
            leads.add(
                ("unenforced_property_penalty", "no_execution_record", number, frozenset([j.id]))
            )
        for person, fine in fines.items():
            mine = [d for d in execs if _named(d, "enforcement_respondent")[0]["name"] == person]
            assert mine or not execs, (number, person)  # every fined person or none has one
            outcome = [d.labels["execution"] for d in mine]
            ids = frozenset([j.id, *(d.id for d in mine)])
            if any(o["terminated"] and Decimal(o["unpaid"]) > 0 for o in outcome):
                leads.add(("unenforced_property_penalty", "execution_terminated", number, ids))
            elif mine and sum(Decimal(o["executed"] or 0) for o in outcome) < fine:
                leads.add(("unenforced_property_penalty", "partial_execution", number, ids))
        for c in (d for d in cites[number] if _type(d) == "刑更"):
            if Decimal(c.labels["execution"]["unpaid"]) > 0:
                leads.add(("unenforced_property_penalty", "commutation_unpaid", number,
                           frozenset([j.id, c.id])))  # fmt: skip
    return leads


def _admin_leads(docs: list[GeneratedDoc]) -> set[Lead]:
    groups: dict[tuple[str, str], list[GeneratedDoc]] = defaultdict(list)
    for doc in docs:
        if _type(doc) not in ("行初", "行审") or "agency_lost" not in doc.labels["signals"]:
            continue
        agency = next(p["name"] for p in doc.labels["parties"] if p["kind"] == "agency")
        for code in set(doc.labels["signals"]) - {"agency_lost"}:
            groups[(agency, code)].append(doc)
    leads: set[Lead] = set()
    for (agency, code), group in groups.items():
        decided = [_day(d.labels["dates"]["decided"]) for d in group]
        filed = [_day(d.labels["dates"]["filed"]) for d in group]
        assert _dense(decided, 3, 365) == _dense(filed, 3, 365), (agency, code)
        if _dense(decided, 3, 365):
            leads.add(("systemic_admin_problem", code, agency, frozenset(d.id for d in group)))
    return leads


def _as_leads(rows: list[dict[str, Any]]) -> set[Lead]:
    return {(r["type"], r["code"], r["key"], frozenset(r["doc_ids"])) for r in rows}


def test_archive_oracle_finds_exactly_the_truth(
    archive: list[GeneratedDoc], truth: ArchiveTruth
) -> None:
    last = max(_day(d.labels["dates"]["decided"]) for d in archive)
    assert last == truth.last_date
    found = _loan_leads(archive) | _penalty_leads(archive, last) | _admin_leads(archive)
    expected = _as_leads(truth.to_json()["leads"])
    assert found == expected, (sorted(found - expected)[:3], sorted(expected - found)[:3])


def test_archive_plants_every_pattern_and_decoy(truth: ArchiveTruth) -> None:
    codes = {(lead.type, lead.code) for lead in truth.leads}
    assert {c for _, c in codes} >= {
        "frequent_plaintiff", "frequent_agent", "debtor_many_creditors", "repeated_pair",
        "no_execution_record", "execution_terminated", "partial_execution", "commutation_unpaid",
    }  # fmt: skip
    assert "systemic_admin_problem" in {t for t, _ in codes}
    whys = " ".join(d.why for d in truth.decoys)
    for cue in ("one short of 10", "masked name", "two firms", "within 180 days",
                "executed in full", "days before the archive's last date", "civil judgment",
                "paid in full", "one short of 3", "within 365 days", "different defects"):  # fmt: skip
        assert cue in whys, cue


def test_archive_truth_documents_exist_and_carry_their_keys(
    archive: list[GeneratedDoc], truth: ArchiveTruth
) -> None:
    by_id = {d.id: d for d in archive}
    for row in (*truth.to_json()["leads"], *truth.to_json()["decoys"]):
        assert len(row["doc_ids"]) == len(row["case_numbers"]) >= 1
        for doc_id, number in zip(row["doc_ids"], row["case_numbers"], strict=True):
            doc = by_id[doc_id]
            assert doc.labels["case_number"]["normalized"] == number
            cited = {c["normalized"] for c in doc.labels["cited_cases"]}
            norm = normalize(doc.text)
            if row["type"] == "unenforced_property_penalty":
                assert row["key"] == number or row["key"] in cited
                assert row["key"] in norm or row["key"] == number
            else:
                for part in row["key"].split("|"):
                    assert part in norm or "|" in row["code"], (row["key"], doc_id)


def test_archive_ids_numbers_and_dates_are_consistent(
    archive: list[GeneratedDoc], truth: ArchiveTruth
) -> None:
    assert len({d.id for d in archive}) == N
    numbers = [d.labels["case_number"]["normalized"] for d in archive]
    assert len(set(numbers)) == N
    decided_of = {
        n: _day(d.labels["dates"]["decided"]) for n, d in zip(numbers, archive, strict=True)
    }
    for doc in archive:
        cn, dates = doc.labels["case_number"], doc.labels["dates"]
        assert cn["raw"] in doc.text
        decided = _day(dates["decided"])
        assert decided <= truth.last_date
        if dates["filed"]:
            assert (
                _day(dates["filed"]) <= decided
                and int(cn["normalized"][1:5]) == _day(dates["filed"]).year
            )
        for c in doc.labels["cited_cases"]:
            if c["normalized"] in decided_of:  # a judgment of the archive: decided before
                assert decided_of[c["normalized"]] < decided, (doc.id, c)


def test_archive_labels_signals_the_text_carries(archive: list[GeneratedDoc]) -> None:
    cues = {"default_judgment": "缺席审理", "service_by_publication": "公告送达",
            "mediation": "主持调解", "withdrawal": "撤回起诉", "fine_imposed": "并处罚金",
            "commutation_unpaid": "尚未履行", "agency_lost": "撤销被告", "premature_enforcement": "催告"}  # fmt: skip
    for doc in archive:
        norm = normalize(doc.text)
        for code in doc.labels["signals"]:
            if code in cues and code != "agency_lost":
                assert cues[code] in norm, (doc.id, code)
        for code in ("default_judgment", "mediation"):
            if doc.labels["signals_exhaustive"] and cues[code] in norm:
                assert code in doc.labels["signals"], (doc.id, code)
        fined = any(p["kind"] == "fine" for p in doc.labels["penalties"])
        assert (
            fined == ("fine_imposed" in doc.labels["signals"]) == (fined and _type(doc) == "刑初")
        )


def test_archive_background_names_are_unique(
    archive: list[GeneratedDoc], truth: ArchiveTruth
) -> None:
    planted = {i for row in (*truth.leads, *truth.decoys) for i in row.to_json()["doc_ids"]}
    seen: dict[str, str] = {}
    for doc in archive:
        if doc.id in planted:
            continue
        for p in doc.labels["parties"]:
            if p["role"] not in ("plaintiff", "defendant") or p["kind"] == "agency":
                continue
            for name in (p["name"], *(a["name"] for a in p["agents"])):
                if "某" not in name:
                    assert seen.setdefault(name, doc.id) == doc.id, name


def test_archive_parser_reads_the_planted_documents(
    archive: list[GeneratedDoc], truth: ArchiveTruth
) -> None:
    by_id = {d.id: d for d in archive}
    planted = sorted(
        {i for lead in (*truth.leads, *truth.decoys) for i in lead.to_json()["doc_ids"]}
    )
    hits = total = 0
    for doc_id in planted:
        doc = by_id[doc_id]
        parsed = parse_document(doc.text)
        got = {(c.case_number.normalized, c.relation) for c in parsed.cited_cases}
        want = {(c["normalized"], c["relation"]) for c in doc.labels["cited_cases"]}
        checks = [
            parsed.case_number is not None
            and parsed.case_number.normalized == doc.labels["case_number"]["normalized"],
            want <= got,
            {p.name for p in parsed.parties} >= {p["name"] for p in doc.labels["parties"]},
        ]
        if "execution" in doc.labels:
            out, label = find_execution_outcome(make_text(doc.text)), doc.labels["execution"]
            checks.append(out is not None and out.terminated == label["terminated"]
                          and _money(out.executed) == label["executed"]
                          and _money(out.unpaid) == label["unpaid"])  # fmt: skip
        hits += sum(checks)
        total += len(checks)
    assert hits / total >= 0.97


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def test_archive_same_seed_same_archive() -> None:
    def digest(seed: int) -> str:
        h = hashlib.sha256()
        for doc in generate_archive(1200, seed, sources=SOURCES):
            h.update(json.dumps([doc.id, doc.text, doc.labels], ensure_ascii=False).encode())
        return h.hexdigest()

    assert digest(3) == digest(3) != digest(4)
    assert archive_truth(1200, 3).to_json() == archive_truth(1200, 3).to_json()


def test_archive_streams_in_flat_memory() -> None:
    docs = generate_archive(20_000, 1, sources=SOURCES)
    tracemalloc.start()
    try:
        for i, _ in enumerate(docs):
            if i == 2000:
                early, _ = tracemalloc.get_traced_memory()
        late, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert late - early < 4_000_000 and peak < 40_000_000, (early, late, peak)


def test_archive_patterns_scale_with_size() -> None:
    truth = archive_truth(100_000, 2)
    assert sum(lead.code == "frequent_plaintiff" for lead in truth.leads) == 50
    assert sum(lead.type == "systemic_admin_problem" for lead in truth.leads) == 50
    few = archive_truth(5000, 2, patterns=PatternSpec(counts={"repeated_pair": 0}))
    assert not [lead for lead in few.leads if lead.code == "repeated_pair"]
    with pytest.raises(ValueError, match="too few"):
        archive_truth(100, 2)
    with pytest.raises(ValueError, match="agency_min"):
        archive_truth(5000, 2, patterns=PatternSpec(agency_min=2))


def test_write_archive_files(tmp_path: Path) -> None:
    truth = write_archive(tmp_path, 1000, 9, sources=SOURCES)
    rows = [
        json.loads(line) for line in (tmp_path / "documents.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(rows) == 1000 and set(rows[0]) == {"id", "text", "labels"}
    assert json.loads((tmp_path / "truth.json").read_text("utf-8")) == truth.to_json()
    assert not list(tmp_path.glob("*.part"))
