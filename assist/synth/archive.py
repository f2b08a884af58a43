"""Whole archives with planted cross-case patterns and their exact ground truth.

``generate_archive(n, seed)`` streams ``n`` documents: the planted ones (see ``patterns`` and
``ledger``) at random positions, and around them a background of every kind in blocks of
``BLOCK`` documents shuffled within the block. Every document is a pure function of the seed
and its logical id, so the archive needs memory only for the plan (the truth's size):

- background parties are unique across the archive (``identities``), or masked (王某), so that
  no pattern arises by chance; background agencies that lose a case do so at most once per
  defect and calendar year (decided March–October), far from any agency's threshold;
- a background fined judgment comes with the execution documents (执行完毕) of every fine;
  background 减刑 rulings and civil executions cite judgments outside the archive (their seqs
  lie above every own seq), and report the 罚金 paid;
- one planted document is decided on the archive's last date, so a stage reading the last
  date from the documents finds the one the truth was made with.

``archive_truth(n, seed)`` gives the leads (and decoys) without writing a document.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from assist.synth import admin, civil, criminal
from assist.synth.draft import Draft, Party, normalized_number
from assist.synth.generator import GeneratedDoc, Sources, finish_labels
from assist.synth.identities import PERSONS_PER_DOC, Cast, check_capacity, person_name
from assist.synth.ledger import admin_patterns, penalty_patterns
from assist.synth.patterns import JUDGMENT_DEFECTS, Planner, accused
from assist.synth.plan import (
    PATTERN_KINDS,
    ArchiveTruth,
    PatternSpec,
    Plan,
    Planted,
    affine,
    doc_id,
    outside_seq,
    own_seq,
)
from assist.synth.pools import Names, Place, places, random_date, random_layout

UNITS: tuple[tuple[str, int, int], ...] = (  # (unit kind, units per block, documents per unit)
    ("civil_loan_judgment", 7, 1), ("civil_loan_mediation", 3, 1), ("civil_loan_withdrawal", 3, 1),
    ("execution_termination", 3, 1), ("notice", 1, 1), ("criminal_judgment_no_fine", 4, 1),
    ("fined_one", 3, 2), ("fined_two", 1, 3), ("commutation_ruling", 1, 1), ("indictment", 2, 1),
    ("admin_won", 2, 1), ("admin_lost", 1, 1), ("review_granted", 2, 1), ("review_refused", 1, 1),
    ("penalty_decision", 1, 1), ("recommendation", 1, 1),
)  # fmt: skip
# One block: (unit kind, ordinal of the unit among its kind, member) per document, in order.
_SLOTS = [(kind, u, m) for kind, units, docs in UNITS for u in range(units) for m in range(docs)]
_SINGLES = [(kind, u, 0) for kind, units, docs in UNITS if docs == 1 for u in range(units)]
BLOCK = len(_SLOTS)
_PER_BLOCK = {kind: units for kind, units, _ in UNITS}


def _partial_block(size: int) -> list[tuple[str, int, int]]:
    """The archive's last, short block: single documents only, each unit numbered afresh
    (an agency's lost-case budget is counted by unit number)."""
    seen: dict[str, int] = {}
    out = []
    for kind, _, _ in (_SINGLES * BLOCK)[:size]:
        out.append((kind, seen.get(kind, 0), 0))
        seen[kind] = seen.get(kind, 0) + 1
    return out


def make_plan(n: int, seed: int, spec: PatternSpec) -> Plan:
    """Plan every pattern of an ``n``-document archive; positions, ids and numbers assigned."""
    spec.check()
    planner = Planner(n, seed, spec)
    steps: dict[str, Callable[[int], None]] = {
        "frequent_plaintiff": planner.frequent_plaintiff,
        "frequent_agent": planner.frequent_agent,
        "debtor_many_creditors": planner.debtor_many_creditors,
        "repeated_pair": planner.repeated_pair,
        "property_penalty": lambda k: penalty_patterns(planner, k),
        "systemic_admin_problem": lambda k: admin_patterns(planner, k),
    }
    for kind in PATTERN_KINDS:
        for k in range(spec.count(kind, n)):
            steps[kind](k)
    end = planner.end
    anchor = planner.suit(planner.place(), end - timedelta(days=45), decided_in=(45, 45))
    if len(planner.planted) > n // 2:
        raise ValueError(
            f"{n} documents are too few for {len(planner.planted)} planted ones: "
            "use a larger archive or fewer patterns (PatternSpec.counts)"
        )
    plan = Plan(n, seed, spec, planner.planted, planner.leads, anchor, planner.agencies)
    plan.assign()
    return plan


def archive_truth(n: int, seed: int = 0, *, patterns: PatternSpec | None = None) -> ArchiveTruth:
    """The leads the archive ``generate_archive(n, seed, patterns=...)`` plants, without it."""
    return make_plan(n, seed, patterns or PatternSpec()).truth()


def generate_archive(
    n: int, seed: int = 0, *, sources: Sources | None = None, patterns: PatternSpec | None = None
) -> Iterator[GeneratedDoc]:
    """``n`` documents with planted patterns; document at position i has id ``arc{seed}-{i:07d}``."""
    check_capacity(n)
    plan = make_plan(n, seed, patterns or PatternSpec())
    writer = _Writer(plan, sources or Sources())
    b = 0
    for i in range(n):
        planted = plan.by_position.get(i)
        if planted is not None:
            yield writer.planted(planted)
        else:
            yield writer.background(b, doc_id(seed, i))
            b += 1


def write_archive(
    out: Path, n: int, seed: int = 0, *, sources: Sources | None = None,
    patterns: PatternSpec | None = None,
) -> ArchiveTruth:  # fmt: skip
    """Write ``out/documents.jsonl`` ({id, text, labels} per line) and ``out/truth.json``, each
    written under a temporary name and renamed when complete."""
    out.mkdir(parents=True, exist_ok=True)
    spec = patterns or PatternSpec()
    docs, truth = out / "documents.jsonl", out / "truth.json"
    tmp = docs.with_name(docs.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for doc in generate_archive(n, seed, sources=sources, patterns=spec):
            row = {"id": doc.id, "text": doc.text, "labels": doc.labels}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    result = archive_truth(n, seed, patterns=spec)
    tmp_truth = truth.with_name(truth.name + ".part")
    tmp_truth.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1), "utf-8")
    os.replace(tmp, docs)
    os.replace(tmp_truth, truth)
    return result


@dataclass(frozen=True, slots=True)
class _FinedUnit:
    """A background fined judgment and the full executions of its fines (shared by its docs)."""

    logical: int
    place: Place
    pad: int
    when: tuple[date, date]
    accused: tuple[criminal.Accused, ...]
    row_pick: int
    executions: tuple[tuple[date, date], ...]


class _Writer:
    def __init__(self, plan: Plan, sources: Sources) -> None:
        self.plan, self.sources, self.seed, self.n = plan, sources, plan.seed, plan.n
        self.spec = plan.spec
        self.start, self.end = self.spec.first_date, self.spec.last_date
        self.block_no, self.slots = -1, _SLOTS
        windows = [(max(self.start, date(y, 3, 1)), min(self.end, date(y, 10, 31)))
                   for y in range(self.start.year, self.end.year + 1)]  # fmt: skip
        self.lost_windows = [(a, b) for a, b in windows if a <= b]

    # ---- drafts ----
    def draft(self, logical: int, place: Place | None = None, level: str = "basic") -> Draft:
        rng = random.Random(f"doc:{self.seed}:{logical}")
        names = Names(rng, cast=Cast.for_document(logical, self.seed))
        return Draft(rng=rng, layout=random_layout(rng), place=place or rng.choice(places()),
                     names=names, level=level, seq=own_seq(logical, self.n, self.seed),
                     pad=rng.choice((1, 4, 5)))  # fmt: skip

    def done(self, d: Draft, kind: str, identifier: str) -> GeneratedDoc:
        return GeneratedDoc(identifier, kind, d.text(), finish_labels(identifier, kind, d))

    def day(self, rng: random.Random, lo: date | None = None, hi: date | None = None) -> date:
        return random_date(rng, lo or self.start, hi or self.end)

    # ---- planted ----
    def planted(self, p: Planted) -> GeneratedDoc:
        d = self.draft(p.logical, p.place, p.level)
        d.pad = p.pad
        a, year = p.args, p.when[0].year
        if p.kind in ("civil_loan_judgment", "civil_loan_mediation"):
            plaintiff = a["plaintiff"] or Party(d.names.party())
            plaintiff = Party(plaintiff.name, plaintiff.kind, a["agents"] or plaintiff.agents)
            cast = civil.LoanCast(plaintiff, (a["defendant"],) if a["defendant"] else (),
                                  a["absent"], a["publication"])  # fmt: skip
            build = civil.loan_judgment if p.kind == "civil_loan_judgment" else civil.loan_mediation
            build(d, d.rng.choice(self.sources.loans), year, cast=cast, when=p.when)
        elif p.kind == "execution_termination":
            basis: Planted = a["basis"]
            fixed = civil.CivilExecution(a["applicant"], a["respondent"], basis.normalized,
                                         None, a["owed"], a["executed"])  # fmt: skip
            civil.execution_termination(d, year, basis_year=basis.when[0].year, basis_type="民初",
                                        cause="民间借贷纠纷", fixed=fixed, when=p.when)  # fmt: skip
        elif p.kind == "criminal_judgment":
            row = self._row(a["row_pick"])
            criminal.criminal_judgment(d, row, year, accused=a["accused"], when=p.when)
        elif p.kind == "criminal_execution":
            j = self._judgment(a["judgment"], a["person"])
            criminal.property_execution(d, j, outcome=a["outcome"], executed=a["executed"],
                                        when=p.when)  # fmt: skip
        elif p.kind == "commutation_ruling":
            j = self._judgment(a["judgment"], a["person"])
            row = self._row(a["judgment"].args["row_pick"])
            criminal.commutation_ruling(d, row, year, paid=a["paid"], original=j, when=p.when)
        elif p.kind == "admin_judgment":
            admin.admin_judgment(d, year, a["defect"], agency=a["agency"], when=p.when)
        else:
            admin.non_litigation_review(d, year, granted=False, agency=a["agency"],
                                        defect=a["defect"], when=p.when)  # fmt: skip
        return self.done(d, p.kind, p.doc_id)

    def _row(self, pick: int) -> dict[str, Any]:
        rows = self.sources.fined_facts
        return rows[pick % len(rows)]

    def _judgment(self, j: Planted, person: int) -> criminal.Judgment:
        who: criminal.Accused = j.args["accused"][person]
        assert who.fine is not None
        crime = criminal.crime_name(self._row(j.args["row_pick"]))
        return criminal.Judgment(j.normalized, j.when[1], crime, who.name, who.fine, who.months)

    # ---- background ----
    def background(self, b: int, identifier: str) -> GeneratedDoc:
        block, r = divmod(b, BLOCK)
        if block != self.block_no:
            self.block_no = block
            last = self.plan.background - block * BLOCK
            self.slots = _SLOTS if last >= BLOCK else _partial_block(last)
            self.order = list(range(len(self.slots)))
            random.Random(f"block:{self.seed}:{block}").shuffle(self.order)
        c = self.order[r]
        kind, unit, member = self.slots[c]
        logical = block * BLOCK + c
        if kind.startswith("fined_"):
            fined = self._fined(logical - member, 2 if kind == "fined_two" else 1)
            return self._fined_doc(fined, member, logical, identifier)
        d = self.draft(logical)
        serial = block * _PER_BLOCK[kind] + unit  # of its kind: an agency's lost-case budget
        kind = self._single(d, kind, logical, serial)
        return self.done(d, kind, identifier)

    def _single(self, d: Draft, kind: str, logical: int, serial: int) -> str:
        """Write one background document of ``kind``; the generator kind it became."""
        rng, decided = d.rng, self.day(d.rng)
        when = (decided - timedelta(days=rng.randint(20, 120)), decided)
        year = when[0].year
        if kind.startswith("civil_loan"):
            cast = civil.random_cast(d, masked=self.spec.masked_background)
            build = {"civil_loan_judgment": civil.loan_judgment,
                     "civil_loan_mediation": civil.loan_mediation}.get(kind, civil.loan_withdrawal)  # fmt: skip
            build(d, rng.choice(self.sources.loans), year, cast=cast, when=when)
        elif kind == "execution_termination":
            basis_year = year - rng.randint(0, 1)
            fixed = civil.CivilExecution(
                Party(d.names.party(self.spec.masked_background)),
                Party(d.names.party(self.spec.masked_background)),
                basis_seq=outside_seq(logical, self.n, self.seed),
            )
            civil.execution_termination(d, year, basis_year=basis_year, basis_type="民初",
                                        cause="民间借贷纠纷", fixed=fixed, when=when)  # fmt: skip
        elif kind == "notice":
            admin.notice(d, year, on=decided)
        elif kind == "criminal_judgment_no_fine":
            row = rng.choice(self.sources.facts)
            who = accused([d.names.party()], [None], rng)
            criminal.criminal_judgment(d, row, year, accused=who, when=when)
        elif kind == "commutation_ruling":
            self._commutation(d, logical)
        elif kind == "indictment":
            criminal.indictment(d, rng.choice(self.sources.facts), year,
                                accused=d.names.party(), on=decided)  # fmt: skip
        elif kind in ("admin_won", "review_granted"):
            agency = rng.choice(self.plan.agencies.by_place[places().index(d.place)])
            if kind == "admin_won":
                admin.admin_judgment(d, year, None, agency=agency, when=when)
                return "admin_judgment"
            admin.non_litigation_review(d, year, granted=True, agency=agency, when=when)
            return "non_litigation_review"
        elif kind in ("admin_lost", "review_refused"):
            return self._lost(d, kind, serial)
        elif kind == "penalty_decision":
            admin.penalty_decision(d, year, on=decided)
        else:
            admin.recommendation(d, year, on=decided)
        return kind

    def _commutation(self, d: Draft, logical: int) -> None:
        """A 减刑 ruling (paid) citing a judgment outside the archive, years before."""
        rng = d.rng
        decided = self.day(rng, max(self.start, date(2016, 3, 1)))
        judged = decided - timedelta(days=rng.randint(2 * 365, 5 * 365))
        row = rng.choice(self.sources.fined_facts)
        fine = Decimal(rng.randrange(2000, 50_000, 1000)).quantize(Decimal("0.01"))
        number = normalized_number(d.place, "basic", judged.year, "刑初",
                                   outside_seq(logical, self.n, self.seed))  # fmt: skip
        served = (decided - judged).days // 365
        j = criminal.Judgment(number, judged, criminal.crime_name(row), d.names.party(), fine,
                              12 * rng.randint(served + 2, served + 8))  # fmt: skip
        d.level = "intermediate"
        when = (decided - timedelta(days=40), decided)
        criminal.commutation_ruling(d, row, decided.year, paid=True, original=j, when=when)

    def _lost(self, d: Draft, kind: str, serial: int) -> str:
        """A case the agency lost: at most one per (agency, defect, year) — else it wins."""
        free, years = self.plan.agencies.free, self.lost_windows
        defects = JUDGMENT_DEFECTS if kind == "admin_lost" else ("premature_enforcement",)
        capacity = len(free) * len(defects) * len(years)
        if serial >= capacity:  # the budget is spent: the agency wins
            agency = d.rng.choice(self.plan.agencies.by_place[places().index(d.place)])
            decided = self.day(d.rng)
            when = (decided - timedelta(days=d.rng.randint(25, 100)), decided)
            admin.admin_judgment(d, when[0].year, None, agency=agency, when=when)
            return "admin_judgment"
        x = affine(serial, capacity, self.seed)
        x, a = divmod(x, len(free))
        y, defect_no = divmod(x, len(defects))
        place_no, agency = free[a]
        d.place = places()[place_no]
        decided = self.day(d.rng, *years[y])
        when = (decided - timedelta(days=d.rng.randint(25, 100)), decided)
        if kind == "admin_lost":
            admin.admin_judgment(d, when[0].year, defects[defect_no], agency=agency, when=when)
            return "admin_judgment"
        admin.non_litigation_review(d, when[0].year, granted=False, agency=agency,
                                    defect=defects[defect_no], when=when)  # fmt: skip
        return "non_litigation_review"

    def _fined(self, logical: int, people: int) -> _FinedUnit:
        rng = random.Random(f"unit:{self.seed}:{logical}")
        place = rng.choice(places())
        decided = self.day(rng, self.start + timedelta(days=30), self.end - timedelta(days=110))
        when = (decided - timedelta(days=rng.randint(15, 60)), decided)
        base = logical * PERSONS_PER_DOC
        names = [person_name(base + i, self.seed) for i in range(people)]
        fines: list[int | None] = [rng.randrange(1000, 50_000, 1000) for _ in range(people)]
        executions = []
        for _ in range(people):
            filed = decided + timedelta(days=rng.randint(25, 60))
            executions.append((filed, filed + timedelta(days=rng.randint(20, 40))))
        return _FinedUnit(logical, place, rng.choice((1, 4, 5)), when,
                          accused(names, fines, rng), rng.randrange(1 << 30), tuple(executions))  # fmt: skip

    def _fined_doc(self, u: _FinedUnit, member: int, logical: int, identifier: str) -> GeneratedDoc:
        row = self._row(u.row_pick)
        if member == 0:
            d = self.draft(logical, u.place)
            d.pad = u.pad
            assert isinstance(d.names.cast, Cast)
            d.names.cast.persons = len(u.accused)  # their names came from this block
            criminal.criminal_judgment(d, row, u.when[0].year, accused=u.accused, when=u.when)
            return self.done(d, "criminal_judgment", identifier)
        number = normalized_number(u.place, "basic", u.when[0].year, "刑初",
                                   own_seq(u.logical, self.n, self.seed), u.pad)  # fmt: skip
        who = u.accused[member - 1]
        assert who.fine is not None
        j = criminal.Judgment(number, u.when[1], criminal.crime_name(row), who.name, who.fine,
                              who.months)  # fmt: skip
        d = self.draft(logical, u.place)
        criminal.property_execution(d, j, outcome="full", executed=who.fine,
                                    when=u.executions[member - 1])  # fmt: skip
        return self.done(d, "criminal_execution", identifier)
