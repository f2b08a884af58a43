"""The planted cross-case patterns (TAXONOMY §2.1 cross-case signals, §2.2, §2.3) and their
decoys, as plans of documents with fixed parties and dates.

Margins keep every lead and decoy unambiguous whichever date a stage counts by (filed or
decided): suits of a 'within a year' pattern are filed within 300 days and decided 20–60 days
later; a debtor's planted suits are filed within 110 days, a decoy's last suit well over 180
days after the others; an agency's planted cases are decided within 240 days (filed ≤ 100 days
before), a spread decoy's over more than 480.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from assist.synth.criminal import Accused
from assist.synth.draft import Agent, Party
from assist.synth.plan import (
    AGENCIES_PER_GROUP,
    AgencyPool,
    PatternSpec,
    Planted,
    PlantedLead,
    period_day,
    shared_names,
)  # fmt: skip
from assist.synth.pools import Place, name_pools, places

FALSE = "false_litigation"
PENALTY = "unenforced_property_penalty"
SYSTEMIC = "systemic_admin_problem"
JUDGMENT_DEFECTS = ("procedure_violation", "insufficient_evidence", "wrong_law", "ultra_vires",
                    "clearly_improper")  # fmt: skip
REFUSAL_DEFECTS = ("premature_enforcement", "procedure_violation", "insufficient_evidence",
                   "ultra_vires")  # fmt: skip


def _days(n: int) -> timedelta:
    return timedelta(days=n)


class Planner:
    def __init__(self, n: int, seed: int, spec: PatternSpec) -> None:
        self.n, self.seed, self.spec = n, seed, spec
        self.rng = random.Random(f"plan:{seed}:{n}")
        self.start, self.end = spec.first_date, spec.last_date
        self.names = shared_names(n, seed)
        self.planted: list[Planted] = []
        self.leads: list[PlantedLead] = []
        groups = spec.count("systemic_admin_problem", n)
        self.agencies = AgencyPool(seed, AGENCIES_PER_GROUP * groups)
        self.next_agency = 0

    # ---- helpers ----
    def place(self) -> Place:
        return self.rng.choice(places())

    def day(self, lo: date, hi: date) -> date:
        return period_day(self.rng, lo, hi)

    def doc(self, kind: str, place: Place, when: tuple[date, date], **args: Any) -> Planted:
        level = "intermediate" if kind == "commutation_ruling" else "basic"
        planted = Planted(kind, place, when, args, level=level)
        self.planted.append(planted)
        return planted

    def lead(self, type_: str, code: str, key: str | Planted, members: list[Planted], *,
             why: str = "", **details: Any) -> None:  # fmt: skip
        """A lead (a decoy when ``why`` says why not); ``key`` a planted judgment: its number."""
        key_doc = key if isinstance(key, Planted) else None
        name = key if isinstance(key, str) else ""
        self.leads.append(PlantedLead(type_, code, name, members, bool(why), why, details, key_doc))

    def firms(self, place: Place, count: int = 1) -> list[str]:
        """``count`` distinct law firms of the place's province."""
        cores = self.rng.sample(name_pools()["firm_core"], count)
        return [f"{place.province.removesuffix('省')}{c}律师事务所" for c in cores]

    def suits(self, place: Place, count: int, span: int, *, t0: date | None = None,
              **args: Any) -> list[Planted]:  # fmt: skip
        """``count`` loan suits filed within ``span`` days from ``t0``, decided 20–60 days later."""
        t0 = t0 or self.day(self.start + _days(30), self.end - _days(span + 70))
        filed = sorted(t0 + _days(self.rng.randint(0, span)) for _ in range(count))
        return [self.suit(place, f, **args) for f in filed]

    def suit(self, place: Place, filed: date, *, decided_in: tuple[int, int] = (20, 60),
             **args: Any) -> Planted:  # fmt: skip
        kind = "civil_loan_judgment" if self.rng.random() < 0.7 else "civil_loan_mediation"
        absent = kind == "civil_loan_judgment" and self.rng.random() < 0.3
        args.setdefault("plaintiff", None)
        args.setdefault("defendant", None)
        args.setdefault("agents", None)
        decided = filed + _days(self.rng.randint(*decided_in))
        return self.doc(kind, place, (filed, decided), absent=absent,
                        publication=absent and self.rng.random() < 0.4, **args)  # fmt: skip

    # ---- §2.1 false litigation ----
    def frequent_plaintiff(self, k: int) -> None:
        least = self.spec.plaintiff_min
        place = self.place()
        if k % 2:
            plaintiff = Party(self.names.company("小额贷款"), "organization")
        else:
            plaintiff = Party(self.names.person())
        count = self.rng.randint(least + 2, least + 20)
        suits = self.suits(place, count, 300, plaintiff=plaintiff)
        self.lead(FALSE, "frequent_plaintiff", plaintiff.name, suits, suits=count)
        short = Party(self.names.person())
        self.lead(FALSE, "frequent_plaintiff", short.name,
                  self.suits(self.place(), least - 1, 300, plaintiff=short),
                  why=f"{least - 1} suits, one short of {least}")  # fmt: skip
        masked = Party(self.rng.choice(name_pools()["surname"]) + ("某某" if k % 2 else "某"))
        many = self.rng.randint(least + 2, least + 5)
        self.lead(FALSE, "frequent_plaintiff", masked.name,
                  self.suits(self.place(), many, 300, plaintiff=masked),
                  why="a masked name: different people, never one identity")  # fmt: skip

    def frequent_agent(self, k: int) -> None:
        least = self.spec.agent_min
        place = self.place()
        lawyer = Agent(self.names.person(), "lawyer", self.firms(place)[0])
        count = self.rng.randint(least, least + 6)
        suits = self.suits(place, count, 300, agents=(lawyer,))
        self.lead(FALSE, "frequent_agent", f"{lawyer.name}|{lawyer.firm}", suits, suits=count)
        short = Agent(self.names.person(), "lawyer", self.firms(place)[0])
        self.lead(FALSE, "frequent_agent", f"{short.name}|{short.firm}",
                  self.suits(place, least - 1, 300, agents=(short,)),
                  why=f"{least - 1} suits, one short of {least}")  # fmt: skip
        name, half = self.names.person(), least // 2 + 1
        for firm in self.firms(place, 2):
            agent = Agent(name, "lawyer", firm)
            self.lead(FALSE, "frequent_agent", f"{agent.name}|{agent.firm}",
                      self.suits(place, half, 300, agents=(agent,)),
                      why=f"one name at two firms: two lawyers with {half} suits each")  # fmt: skip

    def debtor_many_creditors(self, k: int) -> None:
        least, window = self.spec.creditors_min, self.spec.creditors_days
        place = self.place()
        debtor = Party(self.names.person())
        count = self.rng.randint(least, least + 2)
        suits = self.suits(place, count, 110, defendant=debtor, decided_in=(30, 60))
        self.lead(FALSE, "debtor_many_creditors", debtor.name, suits, creditors=count)
        spread = Party(self.names.person())
        t0 = self.day(self.start + _days(30), self.end - _days(window + 300))
        early = self.suits(place, least - 1, 60, t0=t0, defendant=spread, decided_in=(30, 60))
        late_filed = t0 + _days(60 + window + 40 + self.rng.randint(0, 40))
        late = self.suit(place, late_filed, defendant=spread, decided_in=(30, 60))
        self.lead(FALSE, "debtor_many_creditors", spread.name, [*early, late],
                  why=f"{least} creditors, but never {least} within {window} days")  # fmt: skip

    def repeated_pair(self, k: int) -> None:
        place = self.place()
        plaintiff, defendant = Party(self.names.person()), Party(self.names.person())
        count = self.rng.randint(self.spec.pair_min, self.spec.pair_min + 1)
        suits = [
            self.suit(
                place,
                self.day(self.start + _days(30), self.end - _days(100)),
                plaintiff=plaintiff,
                defendant=defendant,
            )
            for _ in range(count)
        ]
        suits.sort(key=lambda p: p.when)
        self.lead(FALSE, "repeated_pair", f"{plaintiff.name}|{defendant.name}", suits, suits=count)


def accused(
    names: list[str], fines: list[int | None], rng: random.Random, months: int | None = None
) -> tuple[Accused, ...]:
    """Defendants with their fines (None: none) and a prison term (``months``, else 1–6½ years)."""
    return tuple(
        Accused(
            name,
            None if f is None else Decimal(f).quantize(Decimal("0.01")),
            months or 12 * rng.randint(1, 6) + rng.choice((0, 6)),
        )
        for name, f in zip(names, fines, strict=True)
    )
