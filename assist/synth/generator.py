"""Generate realistic documents of every kind with exact labels (golden-file schema).

Real excerpts (民间借贷 from CAIL2019-SCM, criminal facts from CAIL2018) are wrapped in
generated headers, party blocks, procedural history, operative parts and tails, under
layouts that vary as real courts' do. Same seed, same documents.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from assist.synth import admin, civil, criminal
from assist.synth.draft import Draft, normalized_number
from assist.synth.excerpts import LoanExcerpt, criminal_facts, loan_excerpts
from assist.synth.pools import Names, places, random_date, random_layout

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "corpora"


@dataclass(frozen=True, slots=True)
class GeneratedDoc:
    id: str
    kind: str
    text: str
    labels: dict[str, Any]


@dataclass
class Sources:
    """The real excerpts, read once from a corpora folder."""

    corpora: Path = DEFAULT_CORPORA
    _cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def loans(self) -> list[LoanExcerpt]:
        return loan_excerpts(self.corpora)

    @cached_property
    def facts(self) -> list[dict[str, Any]]:
        return criminal_facts(self.corpora)

    @cached_property
    def fined_facts(self) -> list[dict[str, Any]]:
        return [f for f in self.facts if f.get("punish_of_money")]


Builder = Callable[[Draft, Sources, int], None]


def _criminal_execution(d: Draft, s: Sources, year: int) -> None:
    """The execution of a 罚金 imposed the year before, with a random outcome."""
    row = d.rng.choice(s.fined_facts)
    fine = Decimal(row["punish_of_money"]).quantize(Decimal("0.01"))
    judged = random_date(d.rng, date(year - 1, 1, 10), date(year - 1, 12, 20))
    number = normalized_number(d.place, "basic", judged.year, "刑初", d.rng.randint(1, 9000))
    months = max(1, int(row.get("imprisonment") or 6))
    j = criminal.Judgment(
        number, judged, criminal.crime_name(row), row["criminals"][0], fine, months
    )
    outcome = d.rng.choice(["full", "partial", "terminated"])
    paid = fine if outcome == "full" else (fine * Decimal(d.rng.randint(0, 9)) / 10).quantize(1)
    filed = judged + timedelta(days=d.rng.randint(30, 60))
    decided = filed + timedelta(days=d.rng.randint(20, 60))
    criminal.property_execution(d, j, outcome=outcome, executed=paid, when=(filed, decided))


BUILDERS: dict[str, Builder] = {
    "civil_loan_judgment": lambda d, s, y: civil.loan_judgment(d, d.rng.choice(s.loans), y),
    "civil_loan_mediation": lambda d, s, y: civil.loan_mediation(d, d.rng.choice(s.loans), y),
    "civil_loan_withdrawal": lambda d, s, y: civil.loan_withdrawal(d, d.rng.choice(s.loans), y),
    "execution_termination": lambda d, s, y: civil.execution_termination(
        d, y, basis_year=y - 1, basis_type="民初", cause="民间借贷纠纷"
    ),
    "criminal_judgment": lambda d, s, y: criminal.criminal_judgment(
        d, d.rng.choice(s.fined_facts), y, extra_property=d.rng.random() < 0.5
    ),
    "criminal_judgment_no_fine": lambda d, s, y: criminal.criminal_judgment(
        d, d.rng.choice(s.facts), y
    ),
    "criminal_execution": _criminal_execution,
    "commutation_ruling": lambda d, s, y: criminal.commutation_ruling(
        d, d.rng.choice(s.fined_facts), y, paid=d.rng.random() < 0.5
    ),
    "indictment": lambda d, s, y: criminal.indictment(d, d.rng.choice(s.facts), y),
    "admin_judgment": lambda d, s, y: admin.admin_judgment(
        d, y, d.rng.choice([None, *sorted(admin.DEFECTS)])
    ),
    "non_litigation_review": lambda d, s, y: admin.non_litigation_review(
        d, y, granted=d.rng.random() < 0.6, defect=d.rng.choice(sorted(admin.REFUSALS))
    ),
    "penalty_decision": lambda d, s, y: admin.penalty_decision(d, y),
    "recommendation": lambda d, s, y: admin.recommendation(d, y),
    "notice": lambda d, s, y: admin.notice(d, y),
}

#: Every kind the generator writes, for tests and reports.
KINDS = tuple(BUILDERS)


def new_draft(rng: random.Random) -> Draft:
    return Draft(rng=rng, layout=random_layout(rng), place=rng.choice(places()), names=Names(rng))


def finish_labels(doc_id: str, kind: str, draft: Draft) -> dict[str, Any]:
    """The document's labels in the golden-file schema, plus what the generator knows."""
    labels = {"id": doc_id, "generator_kind": kind, **draft.labels}
    labels.setdefault("case_number", None)
    labels.setdefault("signals_exhaustive", True)
    return labels


def generate_one(
    kind: str, seed: int, sources: Sources, *, doc_id: str | None = None
) -> GeneratedDoc:
    """One document of ``kind``, reproducible from ``seed``."""
    if kind not in BUILDERS:
        raise ValueError(f"unknown document kind {kind!r}; choose from {', '.join(KINDS)}")
    rng = random.Random(f"{kind}:{seed}")
    draft = new_draft(rng)
    year = rng.randint(2013, 2024)
    BUILDERS[kind](draft, sources, year)
    doc_id = doc_id or f"gen-{kind}-{seed}"
    return GeneratedDoc(doc_id, kind, draft.text(), finish_labels(doc_id, kind, draft))


def generate(n: int, seed: int = 0, *, kinds: tuple[str, ...] = KINDS,
             sources: Sources | None = None) -> Iterator[GeneratedDoc]:  # fmt: skip
    """``n`` documents cycling through ``kinds``; document i has seed ``seed * 1_000_003 + i``."""
    sources = sources or Sources()
    for i in range(n):
        kind = kinds[i % len(kinds)]
        yield generate_one(kind, seed * 1_000_003 + i, sources, doc_id=f"gen-{seed}-{i:07d}")


def generate_to(path: Path, n: int, seed: int = 0, *, kinds: tuple[str, ...] = KINDS,
                sources: Sources | None = None) -> int:  # fmt: skip
    """Write ``generate(...)`` to a JSON Lines file (write-then-rename: never a partial file)."""
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for doc in generate(n, seed, kinds=kinds, sources=sources):
            row = {"id": doc.id, "kind": doc.kind, "text": doc.text, "labels": doc.labels}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    os.replace(tmp, path)
    return count
