"""A document being generated: its paragraphs and its exact labels, built side by side."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assist.synth.pools import (
    Layout,
    Names,
    Place,
    ar_date,
    cn_article,
    cn_date,
    label_case_number,
    random_date,
)  # fmt: skip

CASE_TYPES = {
    "民初": ("civil", "first_instance"), "民终": ("civil", "second_instance"),
    "刑初": ("criminal", "first_instance"), "刑更": ("criminal", "other"),
    "行初": ("administrative", "first_instance"), "行审": ("administrative", "non_litigation_review"),
    "执": ("execution", "execution"), "执恢": ("execution", "execution"),
}  # fmt: skip


@dataclass
class Draft:
    rng: random.Random
    layout: Layout
    place: Place
    names: Names
    level: str = "basic"
    paragraphs: list[str] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels.update(
            {"parties": [], "penalties": [], "statutes": [], "cited_cases": [],
             "interest_rate": None, "procedure": None, "cause": None,
             "dates": {"filed": None, "hearing": None, "decided": None}, "notes": "generated"}
        )  # fmt: skip

    @property
    def court(self) -> str:
        return (
            self.place.intermediate_court
            if self.level == "intermediate"
            else self.place.basic_court
        )

    def comma(self) -> str:
        return "，" if self.layout.full_width else ","

    def case_number(self, year: int, type_code: str, *, old_style: bool | None = None) -> str:
        """Render this document's own case number and record its label."""
        seq = self.rng.randint(1, 12000)
        old = year < 2016 if old_style is None else old_style
        if old:
            abbr, code = self.place.county[0], None
            body = f"{abbr}{type_code}字第{seq:0{self.rng.choice([1, 4, 5])}d}号"
        else:
            abbr = self.place.abbr
            code = self.place.court_code(self.level)
            body = f"{code}{type_code}{seq}号"
        raw = self.layout.brackets(str(year)) + body
        case_type, stage = CASE_TYPES[type_code]
        self.labels["case_number"] = label_case_number(
            raw, f"({year}){body}", year, abbr, code, type_code, seq, case_type, stage
        )
        return raw

    def instrument_number(self, prefix: str, year: int) -> str:
        """A procuratorate's or agency's own 文号 (象检刑诉〔2015〕520号): its own number, no court code."""
        seq = self.rng.randint(1, 999)
        raw = f"{prefix}〔{year}〕{seq}号"
        self.labels["case_number"] = label_case_number(
            raw, f"{prefix}({year}){seq}号", year, prefix, None, None, seq, "other", "other"
        )
        return raw

    def cited_number(
        self, year: int, type_code: str, relation: str, place: Place | None = None
    ) -> str:
        """A number of another proceeding (always half-width here), recorded as cited."""
        p = place or self.place
        seq = self.rng.randint(1, 9000)
        body = f"{p.court_code('basic')}{type_code}{seq}号"
        norm = f"({year}){body}"
        self.labels["cited_cases"].append({"normalized": norm, "relation": relation})
        return norm

    def header(self, heading: str, number: str, title: str | None = None) -> None:
        self.labels.update({"court": self.court, "title": title or heading})
        head = [title] if title else []
        self.paragraphs += [*head, self.court, self.layout.heading(heading), number]

    def party(
        self,
        label: str,
        role: str,
        name: str,
        kind: str,
        details: str,
        prior_role: str | None = None,
        agents: list[dict[str, Any]] | None = None,
    ) -> None:
        self.paragraphs.append(f"{label}{self.layout.colon}{name}{self.comma()}{details}")
        self.labels["parties"].append(
            {
                "name": name,
                "role": role,
                "kind": kind,
                "prior_role": prior_role,
                "agents": agents or [],
            }
        )

    def person_details(self, born_before: int = 1995) -> str:
        born = random_date(self.rng, date(1950, 1, 1), date(born_before, 12, 28))
        sex = self.rng.choice(["男", "女"])
        c = self.comma()
        return f"{sex}{c}{ar_date(born)}出生{c}汉族{c}住{self.place.province}{self.place.county}。"

    def org_details(self) -> str:
        rep = self.names.person()
        return (f"住所地{self.place.province}{self.place.county}。{self.layout.newline}"
                f"法定代表人{self.layout.colon}{rep}{self.comma()}该公司总经理。")  # fmt: skip

    def agent(self, party_label: str) -> dict[str, Any]:
        """Append an agent paragraph for the last party; return its label."""
        name = self.names.person()
        kind = self.rng.choices(["lawyer", "legal_worker", "citizen"], weights=[6, 2, 2])[0]
        firm: str | None
        if kind == "lawyer":
            firm = self.names.firm(self.place)
            tail = f"{firm}律师。"
        elif kind == "legal_worker":
            firm = f"{self.place.county}城关法律服务所"
            tail = f"{firm}法律工作者。"
        else:
            firm = None
            tail = f"系{party_label}之{self.rng.choice(['朋友', '同事', '亲属'])}。"
        self.paragraphs.append(f"委托诉讼代理人{self.layout.colon}{name}{self.comma()}{tail}")
        return {"name": name, "kind": kind, "firm": firm}

    def cite(self, law: str, articles: list[int], short: str | None = None) -> str:
        """Render 《law》第…条、第…条 and record each article."""
        for n in articles:
            self.labels["statutes"].append({"law": law, "article_no": n})
        arts = "、".join(f"第{cn_article(n)}条" for n in articles)
        return f"《{short or law}》{arts}"

    def tail(self, decided: date, judges: int = 1) -> None:
        self.labels["dates"]["decided"] = decided.isoformat()
        who = ["审判员"] if judges == 1 else ["审判长", "审判员", "人民陪审员"]
        lines = [f"{w}{'  '}{self.names.person()}" for w in who]
        self.paragraphs += [*lines, cn_date(decided), f"书记员  {self.names.person()}"]

    def text(self) -> str:
        return self.layout.join(self.paragraphs)
