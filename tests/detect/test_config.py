from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from assist.detect.base import issue_types, signal_codes
from assist.detect.config import (
    Calibration,
    DetectorConfigError,
    DetectorsConfig,
    DetectorSettings,
    Thresholds,
    default_config,
    dump_config,
    load_config,
    parse_config,
)

FL = "detector.false_litigation.v1"


def _data() -> dict[str, Any]:
    return copy.deepcopy(default_config().model_dump())


def _fl(data: dict[str, Any]) -> dict[str, Any]:
    detector: dict[str, Any] = data["detectors"][FL]
    return detector


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        *keys, last = path.split(".")
        node = _fl(data)
        for key in keys:
            node = node[key]
        node[last] = value

    return apply


REFUSED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("unknown key", _set("colour", "red"), "Extra inputs are not permitted"),
    ("unknown code", _set("weights.loan_shark", 1.0), "not a signal code"),
    ("cross-case code", _set("weights.frequent_plaintiff", 1.0), "cross-case signal"),
    ("unknown feature", _set("weights.default_judgment:huge", 1.0), "not a known feature"),
    ("NaN weight", _set("weights.default_judgment", float("nan")), "finite number"),
    ("infinite intercept", _set("intercept", float("-inf")), "finite number"),
    ("huge weight", _set("weights.default_judgment", 50.0), "less than or equal to 12"),
    ("negative weight", _set("weights.default_judgment", -0.5), "greater than or equal to 0"),
    ("string weight", _set("intercept", "-2.0"), "valid number"),
    ("string bool", _set("enabled", "yes"), "valid boolean"),
    ("thresholds swapped", _set("thresholds", {"high": 0.4, "medium": 0.7}), "0 < medium < high < 1"),
    ("threshold 1", _set("thresholds", {"high": 1.0, "medium": 0.4}), "0 < medium < high < 1"),
    ("no weights", _set("weights", {}), "at least 1 item"),
    ("English title", _set("title_zh", "false litigation"), "Chinese"),
    ("bad sha", _set("calibration.data_sha256", "abc"), "should match pattern"),
    ("bad date", _set("calibration.fitted_at", "yesterday"), "ISO 8601"),
    ("positives > n", _set("calibration.positives", 10_000), "cannot exceed n"),
    ("fit on too few", _set("calibration.positives", 3), "use method = 'prior'"),
    ("fit without data", _set("calibration.brier", None), "must record brier"),
    ("prior of nothing", _set("calibration.prior_features", ["withdrawal:count"]),
     "prior_features names unweighted"),
]  # fmt: skip


def test_config_shipped_file_is_valid() -> None:
    config = default_config()
    assert set(config.detectors) == {f"detector.{t}.v1" for t in issue_types()}
    for det in config.detectors.values():
        assert det.thresholds.high == 0.7 and det.thresholds.medium == 0.4
        if det.calibration.method == "prior":
            assert det.calibration.note.startswith("NOT calibrated")


@pytest.mark.parametrize(("case", "mutate", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_config_unsafe_values_refused(
    case: str, mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(DetectorConfigError) as err:
        parse_config(data)
    assert message in str(err.value)
    assert FL in str(err.value)  # says where
    assert err.value.to_dict()["code"] == "bad_detector_config"


def test_config_bad_names_and_version_refused() -> None:
    data = _data()
    data["schema_version"] = 2
    data["detectors"]["false_litigation"] = data["detectors"][FL]
    with pytest.raises(DetectorConfigError) as err:
        parse_config(data)
    assert "schema_version" in str(err.value)
    assert "detector.<issue>.v1" in str(err.value)


def test_config_toml_round_trip(tmp_path: Path) -> None:
    config = default_config()
    text = dump_config(config, "a header\nof two lines")
    assert parse_config(tomllib.loads(text)) == config
    path = tmp_path / "detectors.toml"
    path.write_text(text, encoding="utf-8")
    assert load_config(path) == config
    assert dump_config(load_config(path), "a header\nof two lines") == text


def test_config_unreadable_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "detectors.toml"
    path.write_text("schema_version = [", encoding="utf-8")
    with pytest.raises(DetectorConfigError, match="cannot read"):
        load_config(path)
    with pytest.raises(DetectorConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")


def test_config_every_setting_documented_in_shipped_file() -> None:
    text = resources.files("assist.data").joinpath("detectors.toml").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for prefix, model in (
        ("", DetectorsConfig),
        ("detectors.<name>.", DetectorSettings),
        ("detectors.<name>.thresholds.", Thresholds),
        ("detectors.<name>.calibration.", Calibration),
    ):
        for key, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{key} has no description"
            assert f"{prefix}{key}: {info.description}" in header


def test_config_signal_codes_cover_taxonomy() -> None:
    codes = signal_codes()
    assert issue_types() == (
        "false_litigation", "unenforced_property_penalty", "systemic_admin_problem",
        "public_interest_lead", "criminal_transfer_gap",
    )  # fmt: skip
    assert {c for c, s in codes.items() if s.issue_type == "false_litigation"} >= {
        "default_judgment", "service_by_publication", "no_defense", "mediation", "withdrawal",
        "cash_delivery", "iou_only", "high_interest", "related_parties", "fast_resolution",
        "defense_alleges_false", "third_party_objection", "frequent_plaintiff", "repeated_pair",
    }  # fmt: skip
    assert codes["commutation_unpaid"].levels == frozenset({"doc", "cross"})
    assert not codes["no_execution_record"].per_document
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s.name_zh) for s in codes.values())
