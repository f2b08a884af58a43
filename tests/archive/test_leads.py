"""Leads files: ranked by score (ties by type, key), written under a temporary name."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from assist.archive.leads import CSV_COLUMNS, Evidence, Lead, LeadDocument, lead_id, write_leads


def _lead(type_: str, code: str, key: str, score: float, numbers: list[str]) -> Lead:
    docs = tuple(
        LeadDocument(f"d{i}", n, "某县人民法院", "2021-01-01") for i, n in enumerate(numbers)
    )
    return Lead(
        lead_id=lead_id(type_, code, key), type=type_, code=code, key=key, score=score,
        level="high" if score >= 0.7 else "medium" if score >= 0.4 else "low",
        rationale=f"{key}的说明。", documents=docs,
        evidence=(Evidence("d0", 0, 3, "王建国"),),
    )  # fmt: skip


LEADS = [
    _lead("false_litigation", "repeated_pair", "乙 | 丙", 0.4, ["(2021)浙0106民初1号"]),
    _lead("systemic_admin_problem", "systemic_admin_problem", "某局 | wrong_law", 0.9, ["(2021)浙0106行初1号"]),
    _lead("false_litigation", "frequent_plaintiff", "甲", 0.9, ["(2021)浙0106民初2号", "(2021)浙0106民初3号"]),
    _lead("false_litigation", "frequent_agent", "丁（某律师事务所）", 0.9, ["(2021)浙0106民初2号"]),
]  # fmt: skip


def test_leads_files_are_ranked(tmp_path: Path) -> None:
    jsonl, table = write_leads(LEADS, tmp_path)
    with table.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4"]
    # score first; ties by type, then key
    assert [r["key"] for r in rows] == ["丁（某律师事务所）", "甲", "某局 | wrong_law", "乙 | 丙"]
    first_plaintiff = rows[1]
    assert first_plaintiff["n_documents"] == "2"
    assert first_plaintiff["case_numbers"] == "(2021)浙0106民初2号;(2021)浙0106民初3号"
    assert first_plaintiff["score"] == "0.9000"
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [r["key"] for r in lines] == [r["key"] for r in rows]
    assert lines[1]["documents"][0] == {
        "doc_id": "d0", "case_number": "(2021)浙0106民初2号", "court": "某县人民法院",
        "decided": "2021-01-01",
    }  # fmt: skip
    assert lines[0]["evidence"] == [{"doc_id": "d0", "start": 0, "end": 3, "text": "王建国"}]
    assert not list(tmp_path.glob("*.part"))


def test_leads_id_is_stable() -> None:
    assert lead_id("false_litigation", "frequent_plaintiff", "甲") == lead_id(
        "false_litigation", "frequent_plaintiff", "甲"
    )
    assert lead_id("false_litigation", "frequent_plaintiff", "甲") != lead_id(
        "false_litigation", "frequent_agent", "甲"
    )
    assert len(lead_id("a", "b", "c")) == 16


def test_leads_rewrite_replaces_files(tmp_path: Path) -> None:
    write_leads(LEADS, tmp_path)
    jsonl, table = write_leads(LEADS[:1], tmp_path)
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 1
    assert len(table.read_text(encoding="utf-8-sig").splitlines()) == 2
