"""The parsed document: plain dataclasses, the output of parsing and extraction.

Field names follow the public contract (``../shared/spec/CONTRACT.md``, schema version 1).
Every extracted value carries ``start``/``end`` offsets into the text as received.
Money is ``Decimal``; dates are ISO strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

DocKind = Literal[
    "judgment", "ruling", "mediation", "decision", "indictment",
    "penalty_decision", "recommendation", "notice", "other",
]  # fmt: skip
CaseType = Literal["civil", "criminal", "administrative", "execution", "compensation", "other"]
Stage = Literal[
    "first_instance", "second_instance", "retrial_review", "retrial", "execution",
    "non_litigation_review", "preservation", "other",
]  # fmt: skip
Role = Literal[
    "plaintiff", "defendant", "third_party", "appellant", "appellee",
    "retrial_applicant", "retrial_respondent", "applicant", "respondent",
    "enforcement_applicant", "enforcement_respondent", "objector", "prosecutor",
    "accused", "public_interest_plaintiff", "convict", "other",
]  # fmt: skip
PartyKind = Literal["person", "organization", "agency", "procuratorate"]
AgentKind = Literal["lawyer", "citizen", "legal_worker"]
Procedure = Literal["ordinary", "simple", "small_claims", "fast_track"]
AmountKind = Literal[
    "principal", "interest", "fine", "confiscation", "recovery", "fee", "compensation", "other",
]  # fmt: skip
PenaltyKind = Literal["fine", "confiscation_all", "confiscation_part", "recovery", "restitution"]
Relation = Literal[
    "prior_instance", "executed_judgment", "original_judgment", "commutation", "related",
]  # fmt: skip
DateKind = Literal["filed", "hearing", "decided", "other"]
SpanPair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class CaseNumber:
    raw: str
    normalized: str
    year: int | None
    court_abbr: str | None
    type_code: str | None
    seq: int | None
    case_type: CaseType | None
    stage: Stage | None
    start: int
    end: int
    court_code: str | None = (
        None  # 豫0927 in （2021）豫0927民初89号; None for pre-2016 abbreviations
    )
    seq_end: int | None = None  # 18776 in …民初18775-18776号
    suffix: str | None = None  # 之一, -1


@dataclass(frozen=True, slots=True)
class CitedCase:
    """Another proceeding's case number cited in the text, with its relation where stated."""

    case_number: CaseNumber
    relation: Relation
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Agent:
    name: str
    kind: AgentKind
    firm: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    role: Role
    kind: PartyKind
    start: int
    end: int
    prior_role: Role | None = None
    role_label: str = ""  # the label as written: 上诉人（原审被告）
    agents: tuple[Agent, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    kind: DateKind
    value: str  # ISO YYYY-MM-DD
    raw: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dates:
    filed: str | None = None
    hearing: str | None = None
    decided: str | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    raw: str
    kind: AmountKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Penalty:
    kind: PenaltyKind
    person: str | None
    amount: Decimal | None  # None for 没收个人全部财产 or an unquantified 追缴
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Statute:
    law: str  # normalised full name without 《》
    article: str  # 第一百四十四条
    article_no: int
    start: int
    end: int
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    raw_law: str = ""  # as cited: 《民诉法解释》


@dataclass(frozen=True, slots=True)
class InterestRate:
    annual_percent: Decimal
    raw: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExecutionOutcome:
    """What an execution document says happened to the money (for the property-penalty ledger)."""

    terminated: bool  # 终结本次执行程序 / 终结执行
    executed: Decimal | None  # 执行到位 / 已履行 / 已缴纳 amount, when stated
    unpaid: Decimal | None  # 尚欠 / 未履行 / 剩余 amount, when stated
    start: int  # evidence of the outcome
    end: int


@dataclass(frozen=True, slots=True)
class Sections:
    header: SpanPair | None = None
    parties: SpanPair | None = None
    history: SpanPair | None = None
    claims: SpanPair | None = None
    defense: SpanPair | None = None
    findings: SpanPair | None = None
    reasoning: SpanPair | None = None
    decision: SpanPair | None = None
    tail: SpanPair | None = None
    appendix: SpanPair | None = None  # 附相关法条 / 附：本判决适用法律条文


@dataclass(frozen=True, slots=True)
class Document:
    doc_kind: DocKind
    title: str | None
    case_number: CaseNumber | None
    court: str | None
    cause: str | None
    procedure: Procedure | None
    dates: Dates
    parties: tuple[Party, ...]
    sections: Sections
    amounts: tuple[Amount, ...]
    penalties: tuple[Penalty, ...]
    statutes: tuple[Statute, ...]
    interest_rate: InterestRate | None
    cited_cases: tuple[CitedCase, ...] = ()
    date_mentions: tuple[DateMention, ...] = ()
    # Offsets of scalar fields (title, court, cause, procedure): evidence for every value.
    field_spans: dict[str, SpanPair] = field(default_factory=dict)
    execution: ExecutionOutcome | None = None  # execution documents only
