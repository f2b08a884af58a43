"""Planted patterns of the property-penalty ledger (TAXONOMY §2.2) and of an agency's repeated
defects (§2.3), with their decoys.

Ledger leads are keyed by the judgment's case number; one judgment has at most one lead per
code, and a lead about one defendant of a two-defendant judgment names that person in
``details`` and rests on the judgment and that person's execution document only. Execution
documents are filed 25–60 days after the judgment and decided 20–40 days later, so 'an
execution case within 90 days of the judgment taking effect' holds whichever date is read.
A terminated execution with a balance is ``execution_terminated`` (not also partial).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from assist.synth.draft import Party
from assist.synth.patterns import (
    JUDGMENT_DEFECTS,
    PENALTY,
    REFUSAL_DEFECTS,
    SYSTEMIC,
    Planner,
    accused,
)  # fmt: skip
from assist.synth.plan import Planted
from assist.synth.pools import Place, places

_COMMUTATION_FROM = date(2016, 3, 1)  # 刑更 numbers; earlier 减刑 rulings were numbered 刑执


def _days(n: int) -> timedelta:
    return timedelta(days=n)


class _Ledger:
    def __init__(self, p: Planner) -> None:
        self.p, self.rng = p, p.rng
        self.place: Place = p.place()
        self.gap = p.spec.execution_days

    def fine(self) -> int:
        return self.rng.randrange(2000, 50_000, 1000)

    def part(self, whole: int) -> int:
        """A sum strictly between 0 and ``whole``, in hundreds."""
        return max(100, whole * self.rng.randint(1, 7) // 1000 * 100)

    def judgment(
        self, decided: date, fines: list[int | None], months: int | None = None
    ) -> Planted:
        names = [self.p.names.person() for _ in fines]
        filed = decided - _days(self.rng.randint(15, 60))
        return self.p.doc("criminal_judgment", self.place, (filed, decided),
                          accused=accused(names, fines, self.rng, months),
                          row_pick=self.rng.randrange(1 << 30))  # fmt: skip

    def old_judgment(self, fines: list[int | None], before: int | None = None) -> Planted:
        """A judgment decided early enough for its executions to be in the archive."""
        latest = self.p.end - _days(before or self.gap + 30)
        return self.judgment(self.p.day(self.p.start + _days(60), latest), fines)

    def long_judgment(self, fine: int) -> Planted:
        """A judgment of 10–15 years, early enough for a 减刑 two years on within the archive."""
        latest = self.p.end - _days(2 * 365 + 30)
        decided = self.p.day(self.p.start + _days(60), latest)
        return self.judgment(decided, [fine], 12 * self.rng.randint(10, 15))

    def execution(self, j: Planted, person: int, outcome: str, executed: int) -> Planted:
        filed = j.when[1] + _days(self.rng.randint(25, 60))
        decided = filed + _days(self.rng.randint(20, 40))
        return self.p.doc("criminal_execution", self.place, (filed, decided), judgment=j,
                          person=person, outcome=outcome, executed=Decimal(executed))  # fmt: skip

    def commutation(self, j: Planted, *, paid: bool) -> Planted:
        """减刑 two years or more after the judgment, before 60% of the term is served."""
        lo = max(j.when[1] + _days(2 * 365), _COMMUTATION_FROM)
        hi = min(self.p.end, j.when[1] + _days(18 * j.args["accused"][0].months))
        decided = self.p.day(lo, hi)
        return self.p.doc("commutation_ruling", self.place, (decided - _days(40), decided),
                          judgment=j, person=0, paid=paid)  # fmt: skip

    def lead(self, code: str, j: Planted, members: list[Planted], person: int = 0,
             executed: int | None = None, why: str = "") -> None:  # fmt: skip
        a = j.args["accused"][person]
        details = {"person": a.name, "imposed": f"{a.fine:.2f}"}
        if executed is not None:
            details["executed"] = f"{executed:.2f}"
        self.p.lead(PENALTY, code, j, members, why=why, **details)


def penalty_patterns(p: Planner, k: int) -> None:
    """(a) no execution record; (b) 终结本次执行程序 with a balance; (c) partial execution (of
    the second of two defendants in even groups); (d) 减刑 while the 罚金 is unpaid — and decoys:
    executed in full, decided too recently, a civil execution, a 减刑 after full payment."""
    led = _Ledger(p)
    ja = led.old_judgment([led.fine()], before=led.gap + 60)
    led.lead("no_execution_record", ja, [ja])

    fine = led.fine()
    paid = led.rng.choice((0, led.part(fine)))
    jb = led.old_judgment([fine])
    led.lead("execution_terminated", jb, [jb, led.execution(jb, 0, "terminated", paid)], 0, paid)

    first, second = led.fine(), led.fine() + 500
    two = k % 2 == 0
    jc = led.old_judgment([first, second] if two else [second])
    if two:
        led.execution(jc, 0, "full", first)
    paid = led.part(second)
    led.lead("partial_execution", jc, [jc, led.execution(jc, int(two), "partial", paid)],
             int(two), paid)  # fmt: skip

    fine = led.fine()
    jd = led.long_judgment(fine)
    paid = led.part(fine)
    outcome, code = (
        ("partial", "partial_execution") if k % 2 else ("terminated", "execution_terminated")
    )
    led.lead(code, jd, [jd, led.execution(jd, 0, outcome, paid)], 0, paid)
    led.lead("commutation_unpaid", jd, [jd, led.commutation(jd, paid=False)])
    _penalty_decoys(led)


def _penalty_decoys(led: _Ledger) -> None:
    p = led.p
    fines = [led.fine(), led.fine() + 1000]
    jf = led.old_judgment(list(fines))
    full = [led.execution(jf, i, "full", f) for i, f in enumerate(fines)]
    led.lead("partial_execution", jf, [jf, *full], why="both defendants' 罚金 executed in full")

    recent = p.day(p.end - _days(60), p.end - _days(20))
    jr = led.judgment(recent, [led.fine()])
    led.lead("no_execution_record", jr, [jr],
             why=f"decided {(p.end - recent).days} days before the archive's last date")  # fmt: skip

    fine = led.fine()
    jp = led.long_judgment(fine)
    members = [jp, led.execution(jp, 0, "full", fine), led.commutation(jp, paid=True)]
    led.lead("commutation_unpaid", jp, members, why="减刑 after the 罚金 was paid in full")

    plaintiff, defendant = Party(p.names.person()), Party(p.names.person())
    filed = p.day(p.start + _days(60), p.end - _days(260))
    loan = p.suit(led.place, filed, plaintiff=plaintiff, defendant=defendant)
    loan.kind = "civil_loan_judgment"  # a judgment, not a mediation, is what is executed
    owed = led.rng.randrange(20_000, 300_000, 1000)
    started = loan.when[1] + _days(led.rng.randint(30, 90))
    x = p.doc("execution_termination", led.place, (started, started + _days(led.rng.randint(30, 60))),
              basis=loan, applicant=plaintiff, respondent=defendant, owed=Decimal(owed),
              executed=Decimal(led.part(owed)))  # fmt: skip
    p.lead(PENALTY, "execution_terminated", loan, [loan, x],
           why="a civil judgment's execution (民初), not a property penalty")  # fmt: skip


# ---- §2.3 an agency's repeated defects ----
def _admin_doc(p: Planner, place: Place, agency: str, decided: date, defect: str | None) -> Planted:
    filed = decided - _days(p.rng.randint(25, 100))
    refusal = defect in REFUSAL_DEFECTS and (
        defect == "premature_enforcement" or p.rng.random() < 0.4
    )
    kind = "non_litigation_review" if refusal else "admin_judgment"
    return p.doc(kind, place, (filed, decided), agency=agency, defect=defect)


def _cases(p: Planner, place: Place, agency: str, defects: list[str | None],
           offsets: list[int], t0: date) -> list[Planted]:  # fmt: skip
    return [
        _admin_doc(p, place, agency, t0 + _days(o), d)
        for o, d in sorted(zip(offsets, defects, strict=True), key=lambda x: x[0])
    ]


def admin_patterns(p: Planner, k: int) -> None:
    """One agency with ≥ N cases sharing a defect within the window (plus a lost case of another
    defect and a won case); decoys: N-1 cases; N cases over more than the window; N cases with N
    different defects."""
    least, window = p.spec.agency_min, p.spec.agency_days
    (xi, x), (yi, y), (zi, z) = p.agencies.reserved[3 * k : 3 * k + 3]
    every = [*JUDGMENT_DEFECTS, "premature_enforcement"]
    defect, other, short_code, spread_code = p.rng.sample(every, 4)
    xp = places()[xi]
    count = p.rng.randint(least, least + 2)
    t0 = p.day(p.start + _days(60), p.end - _days(260))
    offsets = [p.rng.randint(0, 240) for _ in range(count)]
    cases = _cases(p, xp, x, [defect] * count, offsets, t0)
    p.lead(SYSTEMIC, defect, x, cases, cases=count)
    _cases(p, xp, x, [other, None], [p.rng.randint(0, 240), p.rng.randint(0, 240)], t0)

    yp = places()[yi]
    t1 = p.day(p.start + _days(60), p.end - _days(window + 300))
    short = _cases(p, yp, y, [short_code] * (least - 1),
                   [p.rng.randint(0, 200) for _ in range(least - 1)], t1)  # fmt: skip
    p.lead(SYSTEMIC, short_code, y, short, why=f"{least - 1} cases, one short of {least}")
    step = -(-(window + 200) // (least - 1))  # filed dates, up to 75 days closer, still spread
    spaced = [i * step + p.rng.randint(0, 40) for i in range(least)]
    spread = _cases(p, yp, y, [spread_code] * least, spaced, t1)
    p.lead(SYSTEMIC, spread_code, y, spread,
           why=f"{least} cases, never {least} within {window} days")  # fmt: skip

    codes: list[str | None] = list(p.rng.sample(every, min(least, len(every))))
    t2 = p.day(p.start + _days(60), p.end - _days(260))
    mixed = _cases(p, places()[zi], z, codes, [p.rng.randint(0, 240) for _ in codes], t2)
    p.lead(SYSTEMIC, "|".join(sorted(c for c in codes if c)), z, mixed,
           why=f"{len(codes)} cases with {len(codes)} different defects")  # fmt: skip
