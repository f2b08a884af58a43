"""A document being generated: its paragraphs and its exact labels, built side by side."""

from __future__ import annotations

import random
import re
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
from assist.text.normalize import normalize

CASE_TYPES = {
    "民初": ("civil", "first_instance"), "民终": ("civil", "second_instance"),
    "刑初": ("criminal", "first_instance"), "刑更": ("criminal", "other"),
    "行初": ("administrative", "first_instance"), "行审": ("administrative", "non_litigation_review"),
    "行非执": ("administrative", "non_litigation_review"),
    "执": ("execution", "execution"), "执恢": ("execution", "execution"),
}  # fmt: skip


_NUMBER_IN_TEXT = re.compile(r"[(（〔\[][12][0-9]{3}[)）〕\]][^。，,;；]{1,25}?号")


@dataclass(frozen=True, slots=True)
class Agent:
    name: str
    kind: str  # lawyer | legal_worker | citizen
    firm: str | None

    def label(self) -> dict[str, Any]:
        # Labels carry the normalised form, as the contract's name fields do (禕 → 祎).
        firm = normalize(self.firm) if self.firm else None
        return {"name": normalize(self.name), "kind": self.kind, "firm": firm}


@dataclass(frozen=True, slots=True)
class Party:
    """A party fixed in advance (an archive's planted plaintiff, debtor, agency …).

    ``agents`` None: as many fresh agents as the real excerpt's party had; () for none."""

    name: str
    kind: str = "person"  # person | organization | agency
    agents: tuple[Agent, ...] | None = None


def render_number(
    place: Place, level: str, year: int, type_code: str, seq: int, pad: int
) -> tuple[str, str, str | None]:
    """(body after the year, court_abbr, court_code) of a case number: old style before 2016."""
    if year < 2016:
        abbr = place.county[0]
        return f"{abbr}{type_code}字第{seq:0{pad}d}号", abbr, None
    code = place.court_code(level)
    return f"{code}{type_code}{seq}号", place.abbr, code


def normalized_number(
    place: Place, level: str, year: int, type_code: str, seq: int, pad: int = 1
) -> str:
    return f"({year}){render_number(place, level, year, type_code, seq, pad)[0]}"


@dataclass
class Draft:
    rng: random.Random
    layout: Layout
    place: Place
    names: Names
    level: str = "basic"
    seq: int | None = None  # the own case number's seq, fixed (unique in an archive) or random
    pad: int | None = None  # zero padding of an old-style seq (金民初字第01022号)
    paragraphs: list[str] = field(default_factory=list)
    labels: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels.update(
            {"parties": [], "penalties": [], "statutes": [], "cited_cases": [],
             "interest_rate": None, "procedure": None, "cause": None,
             "dates": {"filed": None, "hearing": None, "decided": None}, "notes": "generated",
             "signals": [], "unlabelled": ["interest_rate"]}
        )  # fmt: skip

    def excerpt(self, text: str) -> str:
        """A real excerpt going into the text: rates and amounts of its own are never labelled,
        nor the case numbers it may mention (not this document's own citations)."""
        if _NUMBER_IN_TEXT.search(text) and "cited_cases" not in self.labels["unlabelled"]:
            self.labels["unlabelled"].append("cited_cases")
        return text

    def execution(self, terminated: bool, executed: Any, unpaid: Any) -> None:
        """Label what the execution document says happened to the money (``Document.execution``):
        sums as the text states them (None when it states none, 0 for 执行完毕 / 已全部履行)."""
        self.labels["execution"] = {
            "terminated": terminated,
            "executed": None if executed is None else f"{executed:.2f}",
            "unpaid": None if unpaid is None else f"{unpaid:.2f}",
        }

    def signal(self, code: str) -> None:
        """Record a TAXONOMY signal code that the text written carries."""
        if code not in self.labels["signals"]:
            self.labels["signals"].append(code)

    @property
    def court(self) -> str:
        return (
            self.place.intermediate_court
            if self.level == "intermediate"
            else self.place.basic_court
        )

    def comma(self) -> str:
        return "，" if self.layout.full_width else ","

    def case_number(self, year: int, type_code: str) -> str:
        """Render this document's own case number and record its label."""
        seq = self.seq if self.seq is not None else self.rng.randint(1, 12000)
        pad = self.pad if self.pad is not None else self.rng.choice([1, 4, 5])
        body, abbr, code = render_number(self.place, self.level, year, type_code, seq, pad)
        raw = self.layout.brackets(str(year)) + body
        case_type, stage = CASE_TYPES[type_code]
        self.labels["case_number"] = label_case_number(
            raw, f"({year}){body}", year, abbr, code, type_code, seq, case_type, stage
        )
        return raw

    def instrument_number(self, prefix: str, year: int) -> str:
        """A procuratorate's or agency's own 文号 (象检刑诉〔2015〕520号): its own number, no court code."""
        seq = self.seq if self.seq is not None else self.rng.randint(1, 999)
        raw = f"{prefix}〔{year}〕{seq}号"
        self.labels["case_number"] = label_case_number(
            raw, f"{prefix}({year}){seq}号", year, prefix, None, None, seq, "other", "other"
        )
        return raw

    def cited_number(
        self,
        year: int,
        type_code: str,
        relation: str,
        *,
        seq: int | None = None,
        normalized: str | None = None,
    ) -> str:
        """A number of another proceeding (half-width, normalised form), recorded as cited:
        ``normalized`` when the cited document is known, else one of this place's basic court."""
        if normalized is None:
            seq = seq if seq is not None else self.rng.randint(1, 9000)
            normalized = normalized_number(self.place, "basic", year, type_code, seq)
        self.labels["cited_cases"].append({"normalized": normalized, "relation": relation})
        return normalized

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
                "name": normalize(name),
                "role": role,
                "kind": kind,
                "prior_role": prior_role,
                "agents": agents or [],
            }
        )

    def person_details(self, who: str | None = None, born_before: int = 1995) -> str:
        """Sex, birth date and residence; fixed by ``who`` (an unmasked name), so that a person
        met in several documents is described alike (a masked 王某 is a different person each time)."""
        rng = random.Random(f"person:{who}") if who and "某" not in who else self.rng
        born = random_date(rng, date(1950, 1, 1), date(born_before, 12, 28))
        sex = rng.choice(["男", "女"])
        c = self.comma()
        return f"{sex}{c}{ar_date(born)}出生{c}汉族{c}住{self.place.province}{self.place.county}。"

    def org_details(self) -> str:
        rep = self.names.person()
        return (f"住所地{self.place.province}{self.place.county}。{self.layout.newline}"
                f"法定代表人{self.layout.colon}{rep}{self.comma()}该公司总经理。")  # fmt: skip

    def random_agent(self) -> Agent:
        name = self.names.party()
        kind = self.rng.choices(["lawyer", "legal_worker", "citizen"], weights=[6, 2, 2])[0]
        if kind == "lawyer":
            return Agent(name, kind, self.names.firm(self.place))
        if kind == "legal_worker":
            return Agent(name, kind, f"{self.place.county}城关法律服务所")
        return Agent(name, kind, None)

    def agent(self, party_label: str, agent: Agent | None = None) -> dict[str, Any]:
        """Append an agent paragraph for the last party (``agent`` or a random one); its label."""
        agent = agent or self.random_agent()
        if agent.kind == "lawyer":
            tail = f"{agent.firm}律师。"
        elif agent.kind == "legal_worker":
            tail = f"{agent.firm}法律工作者。"
        else:
            tail = f"系{party_label}之{self.rng.choice(['朋友', '同事', '亲属'])}。"
        self.paragraphs.append(f"委托诉讼代理人{self.layout.colon}{agent.name}{self.comma()}{tail}")
        return agent.label()

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
