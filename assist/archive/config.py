"""Thresholds, windows and score weights of the cross-case rules, validated from TOML.

The checked-in defaults are ``assist/data/crosscase.toml`` (every setting documented there).
Unknown keys, missing keys and impossible values are refused with the key that is wrong.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assist.analysis import Level
from assist.errors import AssistError

CODES = (
    "frequent_plaintiff", "frequent_agent", "debtor_many_creditors", "repeated_pair",
    "no_execution_record", "execution_terminated", "partial_execution", "commutation_unpaid",
    "systemic_admin_problem",
)  # fmt: skip
DEFECT_CODES = frozenset({
    "procedure_violation", "insufficient_evidence", "wrong_law", "ultra_vires", "inaction",
    "premature_enforcement", "clearly_improper",
})  # fmt: skip
HIGH, MEDIUM = 0.7, 0.4  # TAXONOMY §2 levels


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FalseLitigationRules(_Strict):
    loan_causes: tuple[str, ...] = Field(min_length=1)
    frequent_plaintiff_min: int = Field(ge=2)
    frequent_agent_min: int = Field(ge=2)
    debtor_min_plaintiffs: int = Field(ge=2)
    debtor_window_days: int = Field(ge=1)
    repeated_pair_min: int = Field(ge=2)


class PropertyPenaltyRules(_Strict):
    no_record_days: int = Field(ge=0)


class AdminRules(_Strict):
    defect_codes: tuple[str, ...] = Field(min_length=1)
    systemic_min_documents: int = Field(ge=2)
    systemic_window_days: int = Field(ge=1)

    @model_validator(mode="after")
    def _known_defects(self) -> Self:
        unknown = sorted(set(self.defect_codes) - DEFECT_CODES)
        if unknown:
            raise ValueError(
                f"admin.defect_codes: {unknown} are not TAXONOMY §2.3 defect codes "
                f"(agency_lost alone is not a defect); use some of {sorted(DEFECT_CODES)}"
            )
        return self


class Scoring(_Strict):
    weights: dict[str, float]
    half: dict[str, float]

    @model_validator(mode="after")
    def _every_code(self) -> Self:
        for name, table in (("weights", self.weights), ("half", self.half)):
            if set(table) != set(CODES):
                missing, extra = sorted(set(CODES) - set(table)), sorted(set(table) - set(CODES))
                raise ValueError(f"score.{name} must list each code once: missing {missing}, unknown {extra}")  # fmt: skip
        bad = [k for k, v in self.weights.items() if not 0 < v <= 1]
        bad += [k for k, v in self.half.items() if v <= 0]
        if bad:
            raise ValueError(f"score: weights must be in (0, 1] and half > 0; wrong for {bad}")
        return self

    def score(self, code: str, excess: float) -> float:
        """weight × (1 − 0.5^(1 + excess/half)): 0.5·weight at the threshold, rising to weight."""
        strength = 1 - 0.5 ** (1 + max(excess, 0.0) / self.half[code])
        return round(float(self.weights[code] * strength), 4)


class CrossCaseConfig(_Strict):
    as_of: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    resolution_max_documents: int = Field(ge=1)
    false_litigation: FalseLitigationRules
    property_penalty: PropertyPenaltyRules
    admin: AdminRules
    score: Scoring

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError(
                f"period_start {self.period_start} is after period_end {self.period_end}"
            )
        return self


class ConfigError(AssistError):
    """The cross-case configuration is not valid: the message names each wrong key."""

    code = "bad_config"


def level_of(score: float) -> Level:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


def parse_config(data: dict[str, Any], source: str = "crosscase config") -> CrossCaseConfig:
    try:
        return CrossCaseConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(problems, source=source) from exc


def load_config(path: Path | None = None) -> CrossCaseConfig:
    """The configuration in ``path``, or the checked-in defaults when ``path`` is None."""
    if path is None:
        return default_config()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the cross-case config: {exc}", source=str(path)) from exc
    return parse_config(data, str(path))


@cache
def default_config() -> CrossCaseConfig:
    text = resources.files("assist.data").joinpath("crosscase.toml").read_text(encoding="utf-8")
    return parse_config(tomllib.loads(text), "assist/data/crosscase.toml")
