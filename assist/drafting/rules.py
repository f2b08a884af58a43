"""Drafting rules as validated data: ``assist/data/recommendation_rules.toml`` read through pydantic.

Per issue type (TAXONOMY §2) the rules say which kind of 检察建议 to draft (检察建议工作规定 第五条),
whom it is addressed to, which provisions it rests on — as (law, article) references, never
article text: the text is quoted from the statute store at run time for the version in force —
and the objection and reply periods (第十六条 (五)(六), 第十九条). A reference carries a
``must_contain`` phrase: the quoted text must contain it, so a renumbered article (民事诉讼法
2021 第二百一十五条 → 2023 第二百一十九条) can never be quoted for the wrong topic.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assist.analysis import RecommendationType
from assist.detect.base import signal_codes
from assist.errors import AssistError

RULES_FILE = "recommendation_rules.toml"
TWO_MONTHS = 60  # 第十九条: 两个月以内, unless another rule says otherwise

AddresseeRule = Literal[
    "deciding_court",  # the court that made the document (retrial, commutation)
    "executing_court",  # the court that executes the property items: the first-instance court
    "agency",  # the administrative agency that is a party to, or issued, the document
    "supervising_agency",  # the agency with supervisory duty over the harmed public interest
    "execution_organ",  # the 监狱 / 看守所 / 社区矫正机构 named in the document
]


class RecommendationRulesError(AssistError):
    """recommendation_rules.toml is missing or malformed; drafting refuses to start."""

    code = "bad_recommendation_rules"
    status = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BasisRef(_Strict):
    """One provision to cite: a law of the store and its article number, per store version."""

    law: str = Field(min_length=2, description="a law name the statute store resolves")
    article: int = Field(gt=0, description="the article number in every version not listed below")
    by_version: dict[str, int] = Field(
        default_factory=dict, description="store version -> article number where renumbered"
    )
    line: int | None = Field(
        default=None,
        ge=1,
        description="quote only this line (款 or 项) of the stored article, 1-based",
    )
    cite: str = Field(
        default="", description="the label of that line after the article: 第二款, 第三项"
    )
    must_contain: str = Field(
        min_length=2, description="the quoted text must contain this phrase (topic check)"
    )
    purpose: str = Field(default="", description="what the provision is cited for")
    when_signals: tuple[str, ...] = Field(
        default=(), description="cite only when one of these signal codes fired"
    )
    when_cause: str | None = Field(
        default=None, description="cite only when the cause contains this"
    )
    when_case_types: tuple[str, ...] = Field(
        default=(), description="cite only for these case types (civil, execution …)"
    )
    when_doc_kinds: tuple[str, ...] = Field(
        default=(), description="cite only for these document kinds (judgment, mediation …)"
    )

    @model_validator(mode="after")
    def _cite_with_line(self) -> BasisRef:
        if self.cite and self.line is None:
            raise ValueError(f"{self.law} {self.article}: 'cite' needs 'line'")
        return self


class IssueRule(_Strict):
    """How to draft the recommendation for one issue type."""

    name_zh: str = Field(min_length=2, description="the issue named in the draft")
    recommendation_type: RecommendationType
    template: str = Field(pattern=r"^[a-z_]+\.j2$", description="template in assist/law/templates")
    addressee: AddresseeRule
    addressee_by_signal: dict[str, AddresseeRule] = Field(
        default_factory=dict, description="signal code -> addressee rule overriding 'addressee'"
    )
    agency_by_signal: dict[str, str] = Field(
        default_factory=dict, description="signal code -> kind of agency (supervising_agency)"
    )
    objection_days: int | None = Field(
        default=None,
        ge=1,
        description="omitted: no rule sets an objection period (null in the answer)",
    )
    reply_days: int = Field(default=TWO_MONTHS, ge=1, le=366)
    urgent_reply_days: int | None = Field(
        default=None, ge=1, description="a shorter reply period the law sets for urgent cases"
    )
    legal_basis: tuple[BasisRef, ...] = Field(min_length=1)
    reply_basis: tuple[BasisRef, ...] = Field(
        min_length=1, description="the provisions that set the reply period"
    )

    @model_validator(mode="after")
    def _codes_known(self) -> IssueRule:
        known = signal_codes()
        used = [*self.addressee_by_signal, *self.agency_by_signal]
        used += [c for ref in self.legal_basis for c in ref.when_signals]
        unknown = sorted(set(used) - set(known))
        if unknown:
            raise ValueError(f"unknown signal codes {unknown} (see assist/data/signal_codes.tsv)")
        return self


class RecommendationRules(_Strict):
    schema_version: Literal[1]
    issue_types: dict[str, IssueRule]
    fallback: IssueRule = Field(description="for an issue type with no rule of its own")

    @model_validator(mode="after")
    def _types_known(self) -> RecommendationRules:
        known = {c.issue_type for c in signal_codes().values()}
        unknown = sorted(set(self.issue_types) - known)
        if unknown:
            raise ValueError(f"unknown issue types {unknown} (TAXONOMY §2)")
        return self

    def for_issue(self, issue_type: str) -> IssueRule:
        return self.issue_types.get(issue_type, self.fallback)


def parse_rules(data: Mapping[str, Any], source: str = RULES_FILE) -> RecommendationRules:
    try:
        return RecommendationRules.model_validate(data)
    except ValidationError as exc:
        raise RecommendationRulesError(str(exc), source=source) from exc


def load_rules(path: Path) -> RecommendationRules:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RecommendationRulesError(str(exc), source=str(path)) from exc
    return parse_rules(data, str(path))


@cache
def default_rules() -> RecommendationRules:
    """The packaged rules, read on first use (never at import)."""
    text = resources.files("assist.data").joinpath(RULES_FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RecommendationRulesError(str(exc), source=RULES_FILE) from exc
    return parse_rules(data)
