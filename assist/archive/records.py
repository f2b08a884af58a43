"""Compact archive records: one ``Analysis`` → rows of six tables, written as Parquet parts.

The per-document stage (a process pool, Dask workers …) only calls ``flatten`` / ``RecordWriter``;
the cross-case stage reads only these files. Layout::

    out_dir/<table>/<prefix>-00000.parquet   one file per table per batch, fixed schema

Crash safety: each part is written under ``….parquet.part`` and renamed into place; the
``documents`` part of a batch is renamed last, so it commits the batch. Readers take
``*.parquet`` only and keep child rows whose ``doc_id`` is in ``documents``: a crash leaves at
worst unreferenced child parts and ``.part`` files, both ignored, and a writer reopened on the
folder continues after the last committed batch (overwriting the orphans).

Names are resolved here once, per document, so that SQL only compares strings: ``norm_name`` is
the normalised name (spaces and brackets dropped, traditional → simplified; for organisations and
agencies also the company form 有限公司/有限责任公司/股份有限公司 …), ``masked`` marks names that
cannot identify anyone (张某, ***, 某某公司, one character) — the cross-case stage never merges them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from assist.analysis import Analysis
from assist.data import tsv_rows
from assist.document import CaseNumber, Document, Party, Role
from assist.text.normalize import normalize

RECORDS_VERSION = "1"
TABLES = ("documents", "parties", "agents", "penalties", "cited_cases", "signals")
MONEY = pa.decimal128(18, 2)
_S, _I, _B, _D = pa.string(), pa.int32(), pa.bool_(), pa.date32()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _S), ("doc_kind", _S), ("title", _S), ("case_number", _S), ("case_key", _S),
        ("year", _I), ("court_abbr", _S), ("court_code", _S), ("type_code", _S),
        ("case_type", _S), ("stage", _S), ("court", _S), ("province", _S), ("cause", _S),
        ("procedure", _S), ("filed", _D), ("hearing", _D), ("decided", _D),
        ("execution_terminated", _B), ("executed_amount", MONEY), ("unpaid_amount", MONEY),
        ("execution_start", _I), ("execution_end", _I), ("execution_text", _S),
    ]),
    "parties": pa.schema([
        ("doc_id", _S), ("idx", _I), ("name", _S), ("norm_name", _S), ("masked", _B),
        ("role", _S), ("prior_role", _S), ("side", _S), ("kind", _S), ("start", _I), ("end", _I),
    ]),
    "agents": pa.schema([
        ("doc_id", _S), ("party_idx", _I), ("party_name", _S), ("name", _S), ("norm_name", _S),
        ("masked", _B), ("firm", _S), ("norm_firm", _S), ("kind", _S), ("start", _I), ("end", _I),
    ]),
    "penalties": pa.schema([
        ("doc_id", _S), ("idx", _I), ("person", _S), ("norm_person", _S), ("kind", _S),
        ("amount", MONEY), ("start", _I), ("end", _I), ("text", _S),
    ]),
    "cited_cases": pa.schema([
        ("doc_id", _S), ("normalized", _S), ("case_key", _S), ("type_code", _S),
        ("case_type", _S), ("stage", _S), ("relation", _S), ("start", _I), ("end", _I),
    ]),
    "signals": pa.schema([
        ("doc_id", _S), ("code", _S), ("start", _I), ("end", _I), ("text", _S), ("section", _S),
    ]),
}  # fmt: skip

# The side of the original dispute: an appellant who was the defendant is still the defendant.
_SIDE: dict[Role, str] = {
    "plaintiff": "claimant", "applicant": "claimant", "enforcement_applicant": "claimant",
    "public_interest_plaintiff": "claimant", "prosecutor": "claimant",
    "defendant": "respondent", "respondent": "respondent", "enforcement_respondent": "respondent",
    "accused": "respondent", "convict": "respondent", "third_party": "third_party",
    "objector": "third_party",
}  # fmt: skip
_MASK = re.compile(r"[*×✕Xx]|某")
_DROP = re.compile(r"[\s()\[\]【】<>《》\"'“”‘’]")
_COMPANY_FORM = re.compile(r"股份有限公司|有限责任公司|有限公司|股份公司")
_CASE_KEY = re.compile(r"^(\(\d{4}\))(.*?)字?第?0*([0-9]+(?:-[0-9]+)?号.*)$")


def flatten(analysis: Analysis, text: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysis contributes to each table (dates ISO strings, money Decimal).

    With the document's ``text`` (as received) the penalty and execution-outcome evidence is
    kept verbatim (``text[start:end]``); without it those columns are null.
    """
    doc_id, doc = analysis.id, analysis.document
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    out["documents"].append(_document_row(doc_id, doc, text))
    for idx, party in enumerate(doc.parties):
        out["parties"].append(_party_row(doc_id, idx, party))
        for agent in party.agents:
            out["agents"].append({
                "doc_id": doc_id, "party_idx": idx, "party_name": party.name, "name": agent.name,
                "norm_name": norm_name(agent.name, "person"), "masked": is_masked(agent.name),
                "firm": agent.firm, "norm_firm": None if agent.firm is None
                else norm_name(agent.firm, "organization"),
                "kind": agent.kind, "start": agent.start, "end": agent.end,
            })  # fmt: skip
    for idx, pen in enumerate(doc.penalties):
        out["penalties"].append({
            "doc_id": doc_id, "idx": idx, "person": pen.person,
            "norm_person": None if pen.person is None else norm_name(pen.person, "person"),
            "kind": pen.kind, "amount": pen.amount, "start": pen.start, "end": pen.end,
            "text": None if text is None else text[pen.start : pen.end],
        })  # fmt: skip
    for cited in doc.cited_cases:
        cn = cited.case_number
        out["cited_cases"].append({
            "doc_id": doc_id, "normalized": cn.normalized, "case_key": case_key(cn),
            "type_code": cn.type_code, "case_type": cn.case_type, "stage": cn.stage,
            "relation": cited.relation, "start": cited.start, "end": cited.end,
        })  # fmt: skip
    for sig in analysis.signals or ():
        out["signals"].append({
            "doc_id": doc_id, "code": sig.code, "start": sig.start, "end": sig.end,
            "text": sig.text, "section": sig.section,
        })  # fmt: skip
    return out


def _document_row(doc_id: str, doc: Document, text: str | None) -> dict[str, Any]:
    cn = doc.case_number
    ex = doc.execution
    return {
        "doc_id": doc_id, "doc_kind": doc.doc_kind, "title": doc.title,
        "case_number": None if cn is None else cn.normalized,
        "case_key": None if cn is None else case_key(cn),
        "year": None if cn is None else cn.year,
        "court_abbr": None if cn is None else cn.court_abbr,
        "court_code": None if cn is None else cn.court_code,
        "type_code": None if cn is None else cn.type_code,
        "case_type": None if cn is None else cn.case_type,
        "stage": None if cn is None else cn.stage,
        "court": doc.court, "province": province_of(doc.court, cn), "cause": doc.cause,
        "procedure": doc.procedure, "filed": _iso(doc.dates.filed),
        "hearing": _iso(doc.dates.hearing), "decided": _iso(doc.dates.decided),
        "execution_terminated": None if ex is None else ex.terminated,
        "executed_amount": None if ex is None else ex.executed,
        "unpaid_amount": None if ex is None else ex.unpaid,
        "execution_start": None if ex is None else ex.start,
        "execution_end": None if ex is None else ex.end,
        "execution_text": None if ex is None or text is None else text[ex.start : ex.end],
    }  # fmt: skip


def _party_row(doc_id: str, idx: int, party: Party) -> dict[str, Any]:
    side = _SIDE.get(party.prior_role or party.role, "other")
    return {
        "doc_id": doc_id, "idx": idx, "name": party.name,
        "norm_name": norm_name(party.name, party.kind), "masked": is_masked(party.name),
        "role": party.role, "prior_role": party.prior_role, "side": side, "kind": party.kind,
        "start": party.start, "end": party.end,
    }  # fmt: skip


def norm_name(name: str, kind: str) -> str:
    """The identity form of a name: persons by exact normalised name; organisations without
    brackets and company form (北京甲乙（集团）股份有限公司 → 北京甲乙集团)."""
    key = _DROP.sub("", normalize(name))
    if kind != "person":
        key = _COMPANY_FORM.sub("", key) or key
    return key


def is_masked(name: str) -> bool:
    """张某, 张某某, ***, ××, 某某公司, X某: a name that cannot tell two people apart."""
    norm = _DROP.sub("", normalize(name))
    return len(norm) < 2 or _MASK.search(norm) is not None


def case_key(cn: CaseNumber) -> str:
    """The identity of a case number across mentions: without 字/第 and leading zeros
    ((2015)金民初字第01022号 → (2015)金民初1022号). Other bodies' numbers stay as normalised."""
    m = _CASE_KEY.match(cn.normalized)
    return cn.normalized if m is None else m.group(1) + m.group(2) + m.group(3)


@cache
def _provinces() -> tuple[tuple[str, str], ...]:
    """(name prefix, abbr), longest prefix first; abbrs as (abbr, abbr) for court codes."""
    rows: list[tuple[str, str]] = []
    for abbr, short, full, *_ in tsv_rows("provinces.tsv"):
        rows += [(full, abbr), (short, abbr)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def province_of(court: str | None, cn: CaseNumber | None) -> str | None:
    """The province letter of a court: from the post-2016 court code, else the court's name."""
    abbrs = {abbr for _, abbr in _provinces()}
    if cn is not None and cn.court_code and cn.court_code[0] in abbrs:
        return cn.court_code[0]
    if court:
        name = court.removeprefix("中华人民共和国")
        for prefix, abbr in _provinces():
            if name.startswith(prefix):
                return abbr
    return None


def _iso(value: str | None) -> str | None:
    """An ISO date, or None for a missing or impossible one (2017-02-30)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of one table → an Arrow table with its fixed schema (ISO strings → DATE)."""
    schema = SCHEMAS[name]
    arrays = []
    for fld in schema:
        values = [row.get(fld.name) for row in rows]
        if pa.types.is_date32(fld.type):
            arrays.append(pa.array(values, pa.string()).cast(fld.type))
        elif pa.types.is_decimal(fld.type):
            arrays.append(pa.array([_money(v) for v in values], fld.type))
        else:
            arrays.append(pa.array(values, fld.type))
    meta = {b"assist.records": RECORDS_VERSION.encode()}
    return pa.Table.from_arrays(arrays, schema=schema.with_metadata(meta))


def _money(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class RecordWriter:
    """Appends analyses and writes every ``batch_size`` of them as one Parquet part per table.

    Use one writer per process, each with its own ``prefix`` (``w03``) when several write into
    the same folder. ``close`` (or leaving the ``with`` block) writes what is buffered.
    """

    def __init__(self, out_dir: Path, *, batch_size: int = 10_000, prefix: str = "part") -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1; got {batch_size}")
        if not re.fullmatch(r"[A-Za-z0-9_]+", prefix):
            raise ValueError(f"prefix must be letters, digits or _; got {prefix!r}")
        self.out_dir = Path(out_dir)
        self.batch_size = batch_size
        self.prefix = prefix
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._pending = 0
        for name in TABLES:
            (self.out_dir / name).mkdir(parents=True, exist_ok=True)
        self._next = self._next_part()
        self.written = 0  # documents committed so far

    def _next_part(self) -> int:
        pattern = re.compile(rf"{self.prefix}-(\d+)\.parquet")
        numbers = [
            int(m.group(1))
            for p in (self.out_dir / "documents").iterdir()
            if (m := pattern.fullmatch(p.name))
        ]
        return max(numbers, default=-1) + 1

    def add(self, analysis: Analysis, text: str | None = None) -> None:
        """Buffer one analysis (``text``: the document as received, for verbatim evidence)."""
        for name, rows in flatten(analysis, text).items():
            self._rows[name].extend(rows)
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def add_many(self, analyses: Iterable[Analysis]) -> None:
        for analysis in analyses:
            self.add(analysis)

    def flush(self) -> None:
        """Write the buffered batch (children first, ``documents`` last: it commits)."""
        if self._pending == 0:
            return
        part = f"{self.prefix}-{self._next:05d}.parquet"
        for name in (*TABLES[1:], TABLES[0]):
            final = self.out_dir / name / part
            temp = final.with_name(final.name + ".part")
            with temp.open("wb") as fh:
                pq.write_table(to_table(name, self._rows[name]), fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, final)
        self.written += self._pending
        self._rows = {name: [] for name in TABLES}
        self._pending = 0
        self._next += 1

    def close(self) -> None:
        self.flush()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
