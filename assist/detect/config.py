"""Detector settings as validated data: ``assist/data/detectors.toml`` read through pydantic.

Every setting is typed and documented here (the descriptions become the TOML's header comment);
the validators *refuse* what would make a lead misleading — an unknown or cross-case signal code,
a non-finite or absurdly large weight, thresholds out of order, a "fitted" detector without the
data it was fitted on or with too few positive labels to mean anything — instead of warning.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assist.detect.base import HIGH, MEDIUM, feature_problem
from assist.errors import AssistError

SCHEMA_VERSION = 1
MAX_ABS_WEIGHT = 12.0  # beyond this a weight is a separation artefact, not evidence
MIN_POSITIVES = 8  # fewer positive labels than this: no fit, method = "prior"
NAME_PATTERN = re.compile(r"^detector\.[a-z][a-z0-9_]*\.v[0-9]+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")

Finite = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_ABS_WEIGHT, le=MAX_ABS_WEIGHT)]
Weight = Annotated[float, Field(allow_inf_nan=False, ge=0.0, le=MAX_ABS_WEIGHT)]
Probability = Annotated[float, Field(allow_inf_nan=False, ge=0.0, le=1.0)]


class DetectorConfigError(AssistError):
    """detectors.toml is missing, malformed or unsafe; the analysis refuses to start."""

    code = "bad_detector_config"
    status = 500


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Thresholds(_Strict):
    high: Probability = Field(HIGH, description="score at or above which the lead is high")
    medium: Probability = Field(MEDIUM, description="score at or above which it is medium")

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not 0.0 < self.medium < self.high < 1.0:
            raise ValueError(
                f"thresholds must satisfy 0 < medium < high < 1; got medium={self.medium}, "
                f"high={self.high} (TAXONOMY §2 uses medium 0.4, high 0.7)"
            )
        return self


class Calibration(_Strict):
    method: Literal["logistic_l2", "prior"] = Field(
        description='"logistic_l2": fitted on labelled real texts; "prior": NOT calibrated, '
        "weights set by legal reasoning because there were too few positive labels"
    )
    data_file: str | None = Field(None, description="the label files the fit used (' + '-joined)")
    data_sha256: str | None = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="SHA-256 of their bytes, concatenated in order"
    )
    n: int = Field(0, ge=0, description="labelled texts in the fit (those where a code fired)")
    positives: int = Field(0, ge=0, description="of those, labelled level >= medium")
    brier: Probability | None = Field(
        None, description="Brier score: out of fold when fitted, the prior's own when not"
    )
    ece: Probability | None = Field(
        None, description="expected calibration error (10 bins), likewise"
    )
    fitted_at: str = Field(description="when the weights were written (ISO 8601)")
    c: float | None = Field(None, gt=0.0, allow_inf_nan=False, description="inverse L2 strength")
    cv_folds: int | None = Field(None, ge=2, description="stratified folds of the evaluation")
    prior_features: list[str] = Field(
        default_factory=list,
        description="features too rare in the data to fit: their weight is the prior",
    )
    note: str = Field("", description="anything a reader of the weights should know")

    @field_validator("fitted_at")
    @classmethod
    def _iso(cls, value: str) -> str:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"fitted_at must be an ISO 8601 date-time; got {value!r}") from None
        return value

    @model_validator(mode="after")
    def _honest(self) -> Calibration:
        if self.positives > self.n:
            raise ValueError(f"positives ({self.positives}) cannot exceed n ({self.n})")
        if self.method == "logistic_l2":
            missing = [
                k for k in ("data_file", "data_sha256", "brier", "ece", "c")
                if getattr(self, k) is None
            ]  # fmt: skip
            if missing:
                raise ValueError(f"a fitted detector must record {', '.join(missing)}")
            if min(self.positives, self.n - self.positives) < MIN_POSITIVES:
                raise ValueError(
                    f"method 'logistic_l2' needs at least {MIN_POSITIVES} positive and negative "
                    f"labels; got {self.positives} of {self.n}: use method = 'prior'"
                )
        return self


class DetectorSettings(_Strict):
    enabled: bool = Field(True, description="build this detector (false: skip it)")
    title_zh: str = Field(min_length=2, max_length=30, description="the risk named in rationales")
    advice_zh: str = Field(min_length=2, max_length=60, description="what the procurator should do")
    intercept: Finite = Field(description="log-odds before any weighted feature adds to it")
    weights: dict[str, Weight] = Field(
        min_length=1,
        description="feature (signal code, code:count, derived) -> log-odds weight, >= 0: "
        "every signal adds risk (0 ignores it), which keeps scores monotone",
    )
    thresholds: Thresholds = Field(
        default_factory=lambda: Thresholds(high=HIGH, medium=MEDIUM), description="level cut-offs"
    )
    calibration: Calibration = Field(description="where the weights come from")

    @field_validator("title_zh", "advice_zh")
    @classmethod
    def _chinese(cls, value: str) -> str:
        if not _CJK.search(value) or "\n" in value:
            raise ValueError(f"must be one line of Chinese display text; got {value!r}")
        return value

    @field_validator("weights")
    @classmethod
    def _known_features(cls, weights: dict[str, float]) -> dict[str, float]:
        problems = [p for f in weights if (p := feature_problem(f)) is not None]
        if problems:
            raise ValueError("; ".join(problems))
        return weights

    @model_validator(mode="after")
    def _priors_are_features(self) -> DetectorSettings:
        stray = sorted(set(self.calibration.prior_features) - set(self.weights))
        if stray:
            raise ValueError(f"calibration.prior_features names unweighted features: {stray}")
        return self


class DetectorsConfig(_Strict):
    schema_version: Literal[1] = Field(description="version of this file's layout")
    detectors: dict[str, DetectorSettings] = Field(description="registry name -> settings")

    @field_validator("detectors")
    @classmethod
    def _names(cls, detectors: dict[str, DetectorSettings]) -> dict[str, DetectorSettings]:
        bad = [n for n in detectors if not NAME_PATTERN.match(n)]
        if bad:
            raise ValueError(f"detector names must look like 'detector.<issue>.v1'; got {bad}")
        return detectors


def parse_config(data: Mapping[str, Any], source: str = "detectors.toml") -> DetectorsConfig:
    """Validate parsed TOML; every problem is reported at once, with where it is."""
    try:
        return DetectorsConfig.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"  {'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise DetectorConfigError(
            "invalid detector configuration; fix these settings (documented at the top of "
            "assist/data/detectors.toml) or rerun training/calibrate_detectors.py:\n"
            + "\n".join(lines),
            source=source,
        ) from None


def load_config(path: Path) -> DetectorsConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DetectorConfigError(
            f"cannot read detector configuration: {exc}", source=str(path)
        ) from None
    return parse_config(data, str(path))


@cache
def default_config() -> DetectorsConfig:
    """The checked-in ``assist/data/detectors.toml`` (read on first use, then kept)."""
    text = resources.files("assist.data").joinpath("detectors.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DetectorConfigError(
            f"not valid TOML: {exc}", source="assist/data/detectors.toml"
        ) from None
    return parse_config(data, "assist/data/detectors.toml")


# -- writing ----------------------------------------------------------------------------------


def settings_doc() -> list[str]:
    """One line per setting, from the models' descriptions (the TOML's header comment)."""
    lines = []
    for prefix, model in (
        ("", DetectorsConfig),
        ("detectors.<name>.", DetectorSettings),
        ("detectors.<name>.thresholds.", Thresholds),
        ("detectors.<name>.calibration.", Calibration),
    ):
        lines += [f"{prefix}{key}: {info.description}" for key, info in model.model_fields.items()]
    return lines


def dump_config(config: DetectorsConfig, header: str = "") -> str:
    """TOML text that ``load_config`` reads back to an equal configuration."""
    out = [f"# {line}" if line else "#" for line in header.splitlines()]
    out += ["# Settings:", *(f"#   {line}" for line in settings_doc()), ""]
    out.append(f"schema_version = {config.schema_version}")
    for name, det in config.detectors.items():
        table = f"detectors.{_key(name)}"
        out += ["", f"[{table}]"]
        for key in ("enabled", "title_zh", "advice_zh", "intercept"):
            out.append(f"{key} = {_value(getattr(det, key))}")
        out += ["", f"[{table}.weights]"]
        out += [f"{_key(k)} = {_value(v)}" for k, v in det.weights.items()]
        out += ["", f"[{table}.thresholds]"]
        out += [f"{k} = {_value(v)}" for k, v in det.thresholds.model_dump().items()]
        out += ["", f"[{table}.calibration]"]
        out += [
            f"{k} = {_value(v)}" for k, v in det.calibration.model_dump().items() if v is not None
        ]
    return "\n".join(out) + "\n"


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"TOML cannot hold {value}")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
