"""The detector contract and the one scoring rule the built-ins share.

A detector looks at one parsed document and the per-document signals found in it
(``assist.signals.find_signals``) and returns at most one :class:`Issue` of its issue type
(TAXONOMY §2) — a lead, never a finding. :class:`LogisticDetector` scores

    score = sigmoid(intercept + Σ weight[f] · feature[f])

over features computed from the signals; the weights are fitted offline
(``training/calibrate_detectors.py``) and read from ``assist/data/detectors.toml``, so the score is
a calibrated probability that a procurator would rate the lead at least ``medium``.

Features are named after signal codes (``assist/data/signal_codes.tsv``):

- ``<code>``: 1 when the code fired, else 0;
- ``<code>:count``: how many separate pieces of evidence it has, capped at :data:`COUNT_CAP`;
- the derived features of :data:`DERIVED`: ``cash_delivery:large``, cash of ≥ 50,000 元 (TAXONOMY
  §2.1 calls a large cash loan the stronger signal); ``no_defense:large``, a defendant who does
  not resist a claim of ≥ 100,000 元 (the labelling guide's medium rule: 不抗辩 and ≥ 10万元).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Protocol, runtime_checkable

from assist.analysis import Issue, Level, Signal
from assist.data import tsv_rows
from assist.document import Document

HIGH = 0.7  # TAXONOMY §2: high ≥ 0.7, medium ≥ 0.4, else low
MEDIUM = 0.4
COUNT_CAP = 5
LARGE_CASH = Decimal(50_000)
LARGE_CLAIM = Decimal(100_000)
_CASH_REACH = 40  # characters between a cash-delivery cue and the amount it hands over


@dataclass(frozen=True, slots=True)
class SignalCode:
    code: str
    issue_type: str
    name_zh: str
    levels: frozenset[str]  # {"doc"}, {"cross"} or both

    @property
    def per_document(self) -> bool:
        return "doc" in self.levels


@cache
def signal_codes() -> Mapping[str, SignalCode]:
    """TAXONOMY §2's signal codes with their issue type and Chinese display name."""
    table: dict[str, SignalCode] = {}
    for code, issue_type, name_zh, levels, *_ in tsv_rows("signal_codes.tsv"):
        table[code] = SignalCode(code, issue_type, name_zh, frozenset(levels.split(",")))
    return table


def issue_types() -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.issue_type for c in signal_codes().values()))


# -- features -------------------------------------------------------------------------------

FeatureFn = Callable[[Document, Sequence[Signal]], float]  # gets the signals of its base code


def _large_cash(doc: Document, signals: Sequence[Signal]) -> float:
    for s in signals:
        lo, hi = s.start - _CASH_REACH, s.end + _CASH_REACH
        if any(lo <= a.start <= hi and a.value >= LARGE_CASH for a in doc.amounts):
            return 1.0
    return 0.0


def _large_claim(doc: Document, signals: Sequence[Signal]) -> float:
    return 1.0 if any(a.value >= LARGE_CLAIM for a in doc.amounts) else 0.0


@dataclass(frozen=True, slots=True)
class Derived:
    name_zh: str  # replaces the base code's name in a rationale when it fires
    compute: FeatureFn


DERIVED: Mapping[str, Derived] = {
    "cash_delivery:large": Derived("大额现金交付", _large_cash),
    "no_defense:large": Derived("被告对十万元以上债务不抗辩", _large_claim),
}


def feature_problem(feature: str) -> str | None:
    """Why ``feature`` cannot be a per-document feature, or None when it can."""
    code, _, qualifier = feature.partition(":")
    known = signal_codes()
    if code not in known:
        return f"{code!r} is not a signal code of TAXONOMY §2 (assist/data/signal_codes.tsv)"
    if not known[code].per_document:
        return (
            f"{code!r} is a cross-case signal, computed over an archive by the batch stage; "
            "a per-document detector cannot see it"
        )
    if qualifier and qualifier != "count" and feature not in DERIVED:
        choices = ", ".join([f"{code}:count", *(d for d in DERIVED if d.startswith(code + ":"))])
        return f"{feature!r} is not a known feature; for {code} use one of {choices}"
    return None


def base_code(feature: str) -> str:
    return feature.partition(":")[0]


def compute_features(
    doc: Document, signals: Sequence[Signal], names: Iterable[str]
) -> dict[str, float]:
    """The value of every feature in ``names`` (0.0 when its code did not fire)."""
    by_code: dict[str, list[Signal]] = {}
    for s in signals:
        by_code.setdefault(s.code, []).append(s)
    values: dict[str, float] = {}
    for name in names:
        code, _, qualifier = name.partition(":")
        fired = by_code.get(code, [])
        if not qualifier:
            values[name] = 1.0 if fired else 0.0
        elif qualifier == "count":
            values[name] = float(min(len(fired), COUNT_CAP))
        else:
            values[name] = DERIVED[name].compute(doc, fired) if fired else 0.0
    return values


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def level_of(score: float, high: float = HIGH, medium: float = MEDIUM) -> Level:
    if score >= high:
        return "high"
    return "medium" if score >= medium else "low"


# -- detectors ------------------------------------------------------------------------------


@runtime_checkable
class Detector(Protocol):
    """One issue type's detector: at most one lead per document."""

    @property
    def name(self) -> str: ...  # the registry name, "detector.false_litigation.v1"

    @property
    def issue_type(self) -> str: ...  # TAXONOMY §2 code

    def detect(self, doc: Document, signals: Sequence[Signal]) -> Issue | None: ...


def join_zh(names: Sequence[str]) -> str:
    """缺席判决 / 缺席判决且公告送达 / 缺席判决、公告送达且仅有借条."""
    if len(names) <= 1:
        return "".join(names)
    return "、".join(names[:-1]) + "且" + names[-1]


@dataclass(frozen=True, slots=True)
class LogisticDetector:
    """A logistic score over signal features; an issue only when one of its codes fired."""

    name: str
    issue_type: str
    intercept: float
    weights: Mapping[str, float]
    title_zh: str  # 虚假诉讼风险
    advice_zh: str  # 建议调阅卷宗核实借贷事实
    high: float = HIGH
    medium: float = MEDIUM
    max_reasons: int = 4
    codes: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        problems = [p for f in self.weights if (p := feature_problem(f)) is not None]
        if problems:
            raise ValueError(f"{self.name}: " + "; ".join(problems))
        wrong = sorted(
            f for f in self.weights if signal_codes()[base_code(f)].issue_type != self.issue_type
        )
        if wrong:
            raise ValueError(
                f"{self.name}: weights {', '.join(wrong)} belong to another issue type than "
                f"{self.issue_type!r}; move them to that type's detector"
            )
        object.__setattr__(self, "codes", frozenset(base_code(f) for f in self.weights))

    def features(self, doc: Document, signals: Sequence[Signal]) -> dict[str, float]:
        return compute_features(doc, signals, self.weights)

    def score(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * features.get(f, 0.0) for f, w in self.weights.items())
        return sigmoid(z)

    def detect(self, doc: Document, signals: Sequence[Signal]) -> Issue | None:
        own = tuple(s for s in signals if s.code in self.codes)
        if not own:
            return None
        values = self.features(doc, own)
        score = self.score(values)
        level = level_of(score, self.high, self.medium)
        contributions = {f: w * v for f, w in self.weights.items() if (v := values[f])}
        return Issue(
            type=self.issue_type,
            score=round(score, 4),
            level=level,
            signals=own,
            rationale=self.rationale(contributions, level),
        )

    def rationale(self, contributions: Mapping[str, float], level: Level) -> str:
        """One Chinese sentence: the strongest fired signals by name, the risk, what to do."""
        names = _reason_names(contributions)[: self.max_reasons]
        lead = join_zh(names)
        if level == "high":
            return f"{lead}，存在{self.title_zh}，{self.advice_zh}。"
        if level == "medium":
            return f"{lead}，可能存在{self.title_zh}，{self.advice_zh}。"
        return f"{lead}，{self.title_zh}迹象较弱，可作为线索留存备查。"


def _reason_names(contributions: Mapping[str, float]) -> list[str]:
    """Display names of the fired codes, strongest first (codes that lower the score are left
    out unless nothing else fired); a derived feature (大额现金交付) names its code when it adds."""
    total: dict[str, float] = {}
    label: dict[str, str] = {}
    codes = signal_codes()
    for feature, value in contributions.items():
        code = base_code(feature)
        total[code] = total.get(code, 0.0) + value
        label.setdefault(code, codes[code].name_zh)
        if feature in DERIVED and value > 0:
            label[code] = DERIVED[feature].name_zh
    ranked = sorted(total, key=lambda c: (-total[c], c))
    named = [c for c in ranked if total[c] >= 0] or ranked
    return [label[c] for c in named]
