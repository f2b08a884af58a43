"""Random building blocks for generated documents: places, courts, names, dates, layouts.

Pools are data files (``assist/data/synth_*.tsv``) loaded on first use. Everything takes an
explicit ``random.Random`` so that a seed reproduces a document exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, Protocol

CN_DIGIT = "〇一二三四五六七八九"


@dataclass(frozen=True, slots=True)
class Place:
    province: str
    abbr: str
    code: str
    city: str
    city_code: str
    county: str
    county_code: str

    @property
    def local(self) -> str:
        """The county-level name as courts write it: districts carry their city (深圳市福田区)."""
        return f"{self.city}{self.county}" if self.county.endswith("区") else self.county

    @property
    def basic_court(self) -> str:
        return f"{self.province}{self.local}人民法院"

    @property
    def intermediate_court(self) -> str:
        return f"{self.province}{self.city}中级人民法院"

    @property
    def procuratorate(self) -> str:
        return f"{self.local}人民检察院"

    def court_code(self, level: str) -> str:
        if level == "intermediate":
            return f"{self.abbr}{self.city_code}"
        return f"{self.abbr}{self.city_code}{self.county_code}"


def _rows(name: str) -> list[list[str]]:
    text = resources.files("assist.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def places() -> tuple[Place, ...]:
    return tuple(Place(*row) for row in _rows("synth_places.tsv"))


@cache
def name_pools() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[1].split()) for row in _rows("synth_names.tsv")}


def cn_date(d: date) -> str:
    """2015-10-28 → 二〇一五年十月二十八日 (the form of a judgment's tail)."""
    year = "".join(CN_DIGIT[int(c)] for c in str(d.year))
    return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"


def cn_small(n: int) -> str:
    """1..99 in Chinese numerals as dates and articles write them (十七, 二十八)."""
    if n < 10:
        return CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_DIGIT[tens]
    return f"{head}十{CN_DIGIT[ones] if ones else ''}"


def cn_article(n: int) -> str:
    """Article numbers up to 999: 264 → 二百六十四, 206 → 二百零六."""
    if n < 100:
        return cn_small(n)
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return f"{CN_DIGIT[hundreds]}百"
    if rest < 10:
        return f"{CN_DIGIT[hundreds]}百零{CN_DIGIT[rest]}"
    tail = cn_small(rest)
    return f"{CN_DIGIT[hundreds]}百{'一' + tail if rest < 20 else tail}"


def ar_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


@dataclass
class Layout:
    """How one generated document is typeset: the variety real courts' layouts show."""

    newline: str  # paragraph separator: "\n", " " or "" (web pages with no newlines)
    spaced_heading: bool
    full_width: bool
    colon: str  # after a party label: "：", ":" or ""
    indent: str

    def heading(self, word: str) -> str:
        return " ".join(word) if self.spaced_heading else word

    def brackets(self, inner: str) -> str:
        return f"（{inner}）" if self.full_width else f"({inner})"

    def join(self, paragraphs: list[str]) -> str:
        sep = self.newline + (self.indent if self.newline == "\n" else "")
        return sep.join(p for p in paragraphs if p)


def random_layout(rng: random.Random) -> Layout:
    newline = rng.choices(["\n", " ", ""], weights=[6, 2, 1])[0]
    return Layout(
        newline=newline,
        spaced_heading=rng.random() < 0.4,
        full_width=rng.random() < 0.7,
        colon=rng.choice(["：", "", ":"]),
        indent=rng.choice(["", "\u3000\u3000", "    "]),
    )


class PartyNames(Protocol):
    """Where an archive document takes its parties' names from (``identities.Cast``)."""

    def person(self) -> str: ...

    def company(self) -> str: ...


@dataclass
class Names:
    """Unique names within one document; with a ``cast``, parties' names unique across an archive."""

    rng: random.Random
    used: set[str] = field(default_factory=set)
    cast: PartyNames | None = None

    def party(self, masked: float = 0.0) -> str:
        """A party's or agent's name: archive-unique with a cast (masked with chance ``masked``)."""
        if self.cast is None:
            return self.person()
        if masked and self.rng.random() < masked:
            return self.masked()
        name = self.cast.person()
        self.used.add(name)
        return name

    def party_company(self, place: Place) -> str:
        if self.cast is None:
            return self.company(place)
        name = self.cast.company()
        self.used.add(name)
        return name

    def masked(self) -> str:
        """A masked name as published judgments write it (王某, 王某某): never an identity."""
        surnames = name_pools()["surname"]
        for _ in range(200):
            name = self.rng.choice(surnames) + self.rng.choice(("某", "某某"))
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("masked name pool exhausted")

    def person(self) -> str:
        pools = name_pools()
        for _ in range(200):
            name = self.rng.choice(pools["surname"]) + self.rng.choice(pools["given"])
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def company(self, place: Place) -> str:
        pools = name_pools()
        city = place.city.removesuffix("市")
        core, trade = (
            self.rng.choice(pools["company_core"]),
            self.rng.choice(pools["company_trade"]),
        )
        name = f"{city}{core}{trade}{self.rng.choice(pools['company_form'])}"
        self.used.add(name)
        return name

    def firm(self, place: Place) -> str:
        return f"{place.province.removesuffix('省')}{self.rng.choice(name_pools()['firm_core'])}律师事务所"

    def agency(self, place: Place) -> str:
        return f"{place.local}{self.rng.choice(name_pools()['agency'])}"


def label_case_number(
    raw: str,
    norm: str,
    year: int,
    abbr: str | None,
    code: str | None,
    type_code: str | None,
    seq: int,
    case_type: str,
    stage: str,
) -> dict[str, Any]:
    return {
        "raw": raw, "normalized": norm, "year": year, "court_abbr": abbr, "court_code": code,
        "type_code": type_code, "seq": seq, "case_type": case_type, "stage": stage,
    }  # fmt: skip
