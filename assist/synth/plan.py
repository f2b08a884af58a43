"""What an archive plants, and the exact leads a correct cross-case stage must raise from it.

A plan is made before any document is written: each planted document (``Planted``) is fixed
(kind, court, dates, the parties that matter, the judgment it cites) and given a position in
the archive, a document id and a unique case number; each pattern records the documents it
rests on (``PlantedLead``), as a lead or as a decoy that must raise nothing. The plan is the
truth's size (a few per cent of the archive), never the archive's.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from math import gcd
from typing import Any

from assist.synth.draft import normalized_number
from assist.synth.identities import SharedNames
from assist.synth.pools import Place, name_pools, places, random_date

PATTERN_KINDS = (
    "frequent_plaintiff", "frequent_agent", "debtor_many_creditors", "repeated_pair",
    "property_penalty", "systemic_admin_problem",
)  # fmt: skip
TYPE_CODES = {
    "civil_loan_judgment": "民初", "civil_loan_mediation": "民初", "execution_termination": "执",
    "criminal_judgment": "刑初", "criminal_execution": "执", "commutation_ruling": "刑更",
    "admin_judgment": "行初", "non_litigation_review": "行审",
}  # fmt: skip
AGENCIES_PER_GROUP = 3  # reserved per systemic pattern: the pattern's, and two decoys'


@dataclass(frozen=True)
class PatternSpec:
    """How many patterns an archive plants, over which period, under which thresholds.

    Each pattern kind is planted ``max(1, n // docs_per_pattern)`` times unless ``counts`` says
    otherwise. The thresholds are those a correct cross-case stage applies (TAXONOMY §2
    defaults); the planted patterns clear them and the decoys fall short of them."""

    docs_per_pattern: int = 2000
    counts: Mapping[str, int] | None = None
    last_date: date = date(2024, 6, 30)
    years: int = 10
    masked_background: float = 0.08
    plaintiff_min: int = 10
    agent_min: int = 10
    creditors_min: int = 3
    creditors_days: int = 180
    pair_min: int = 2
    execution_days: int = 90
    agency_min: int = 3
    agency_days: int = 365

    def check(self) -> None:
        """Refuse thresholds the background cannot stay clear of (it allows any agency one lost
        case per defect and year, and no name twice) or that leave no room for a decoy."""
        if self.years < 4:
            raise ValueError(
                "an archive spans at least 4 years (减刑 comes years after a judgment)"
            )
        if self.agency_min < 3 or self.agency_days > 400:
            raise ValueError("agency_min must be ≥ 3 and agency_days ≤ 400")
        least = (self.plaintiff_min, self.agent_min, self.creditors_min, self.pair_min)
        if min(least) < 2 or self.creditors_days > 400 or self.execution_days > 300:
            raise ValueError("thresholds must be ≥ 2 suits and windows ≤ 400 days")

    def count(self, kind: str, n: int) -> int:
        if self.counts is not None and kind in self.counts:
            return self.counts[kind]
        return max(1, n // self.docs_per_pattern)

    @property
    def first_date(self) -> date:
        return self.last_date - timedelta(days=round(365.25 * self.years))

    def thresholds(self) -> dict[str, int]:
        skip = {"docs_per_pattern", "counts", "last_date", "years", "masked_background"}
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}


@dataclass(eq=False)
class Planted:
    """One planted document: fixed before it is written. ``when`` = (filed, decided)."""

    kind: str
    place: Place
    when: tuple[date, date]
    args: dict[str, Any]
    level: str = "basic"
    pad: int = 1
    logical: int = -1
    seq: int = 0
    doc_id: str = ""
    normalized: str = ""

    @property
    def type_code(self) -> str:
        return TYPE_CODES[self.kind]

    def number(self) -> str:
        filed = self.when[0]
        return normalized_number(
            self.place, self.level, filed.year, self.type_code, self.seq, self.pad
        )


@dataclass(eq=False)
class PlantedLead:
    """A pattern: a lead (``decoy`` False) or a decoy that must raise nothing, with the
    documents it rests on."""

    type: str
    code: str
    key: str
    members: list[Planted]
    decoy: bool = False
    why: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    key_doc: Planted | None = None  # the key is this document's case number (assigned later)

    @property
    def resolved_key(self) -> str:
        return self.key_doc.normalized if self.key_doc is not None else self.key

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type, "code": self.code, "key": self.resolved_key,
            "doc_ids": [p.doc_id for p in self.members],
            "case_numbers": [p.normalized for p in self.members],
        }  # fmt: skip
        if self.details:
            out["details"] = self.details
        if self.decoy:
            out["why"] = self.why
        return out


def affine(x: int, modulus: int, salt: int) -> int:
    """A permutation of range(modulus): scrambles serials without remembering them."""
    mult = 48_271
    while gcd(mult, modulus) != 1:
        mult += 1
    return (x * mult + salt) % modulus


class AgencyPool:
    """Every agency name an archive may use, by place; the first ``reserved`` (after a seeded
    shuffle) are kept for planted patterns and decoys, the rest serve the background."""

    def __init__(self, seed: int, reserved: int) -> None:
        pools = name_pools()
        everyone = [
            (i, f"{p.local}{kind}")
            for i, p in enumerate(places())
            for kind in (*pools["agency"], *pools["township"])
        ]
        random.Random(f"agencies:{seed}").shuffle(everyone)
        if reserved > len(everyone):
            raise ValueError(f"an archive this large needs {reserved} reserved agencies")
        self.reserved = everyone[:reserved]
        self.free = everyone[reserved:]
        self.by_place: dict[int, list[str]] = {}
        for i, name in everyone:
            self.by_place.setdefault(i, []).append(name)


@dataclass
class Plan:
    n: int
    seed: int
    spec: PatternSpec
    planted: list[Planted]
    leads: list[PlantedLead]
    anchor: Planted  # the document decided on the archive's last date
    agencies: AgencyPool
    by_position: dict[int, Planted] = field(default_factory=dict)

    @property
    def background(self) -> int:
        return self.n - len(self.planted)

    def assign(self) -> None:
        """Positions, ids and unique case numbers: background logical ids come first, then
        the planted documents'; seqs scramble logical ids, cited numbers outside the archive
        take seqs above ``n``."""
        rng = random.Random(f"positions:{self.seed}:{self.n}")
        positions = rng.sample(range(self.n), len(self.planted))
        for j, (p, pos) in enumerate(zip(self.planted, positions, strict=True)):
            p.logical = self.background + j
            p.seq = own_seq(p.logical, self.n, self.seed)
            p.pad = rng.choice((1, 4, 5))
            p.doc_id = doc_id(self.seed, pos)
            p.normalized = p.number()
        self.by_position = dict(zip(positions, self.planted, strict=True))

    def truth(self) -> ArchiveTruth:
        return ArchiveTruth(
            n=self.n,
            seed=self.seed,
            first_date=self.spec.first_date,
            last_date=self.spec.last_date,
            thresholds=self.spec.thresholds(),
            leads=tuple(lead for lead in self.leads if not lead.decoy),
            decoys=tuple(lead for lead in self.leads if lead.decoy),
        )


@dataclass(frozen=True)
class ArchiveTruth:
    """The leads a correct cross-case stage must raise from the archive — exactly these — and
    the decoys it must not turn into leads."""

    n: int
    seed: int
    first_date: date
    last_date: date
    thresholds: dict[str, int]
    leads: tuple[PlantedLead, ...]
    decoys: tuple[PlantedLead, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n, "seed": self.seed, "first_date": self.first_date.isoformat(),
            "last_date": self.last_date.isoformat(), "thresholds": self.thresholds,
            "leads": [lead.to_json() for lead in self.leads],
            "decoys": [lead.to_json() for lead in self.decoys],
        }  # fmt: skip


def doc_id(seed: int, position: int) -> str:
    return f"arc{seed}-{position:07d}"


def _mix(value: int, round_no: int, key: int) -> int:
    v = (value * 2_654_435_761 + round_no * 40_503 + key * 97) & 0xFFFFFFFF
    v ^= v >> 15
    v = (v * 2_246_822_519) & 0xFFFFFFFF
    return v ^ (v >> 13)


def permute(x: int, n: int, key: int) -> int:
    """A pseudo-random permutation of range(n): a 4-round Feistel network over the next even
    power of two, walking the cycle back into range (no arithmetic stride shows through)."""
    bits = max(2, (n - 1).bit_length())
    half = (bits + 1) // 2
    mask = (1 << half) - 1
    while True:
        left, right = x >> half, x & mask
        for round_no in range(4):
            left, right = right, left ^ (_mix(right, round_no, key) & mask)
        x = (left << half) | right
        if x < n:
            return x


def own_seq(logical: int, n: int, seed: int) -> int:
    return 1 + permute(logical, n, seed)


def outside_seq(logical: int, n: int, seed: int) -> int:
    """The seq of a judgment a document cites that is not in the archive: above every own seq."""
    return n + 1 + permute(logical, n, seed + 1)


def shared_names(n: int, seed: int) -> SharedNames:
    return SharedNames(n, salt=seed)


def period_day(rng: random.Random, start: date, end: date) -> date:
    if end < start:
        raise ValueError("the archive period is too short for its patterns")
    return random_date(rng, start, end)
