from __future__ import annotations

import re
from typing import Any

import pytest

from assist.detect import registry
from assist.detect.base import Detector, LogisticDetector
from assist.detect.config import DetectorConfigError, DetectorSettings, default_config, parse_config
from assist.detect.registry import build_detectors, register, registered

GOLDEN = (
    "detector.criminal_transfer_gap.v1",
    "detector.false_litigation.v1",
    "detector.public_interest_lead.v1",
    "detector.systemic_admin_problem.v1",
    "detector.unenforced_property_penalty.v1",
)


def _config(**detectors: Any) -> dict[str, Any]:
    data = default_config().model_dump()
    data["detectors"].update(detectors)
    return data


def test_registry_golden_names() -> None:
    assert registered() == GOLDEN


def test_registry_builds_every_shipped_detector() -> None:
    built = build_detectors()
    assert sorted(d.name for d in built) == list(GOLDEN)
    assert all(isinstance(d, Detector) for d in built)
    assert {d.issue_type for d in built} == {n.split(".")[1] for n in GOLDEN}


def test_registry_unknown_detector_refused_with_known_names() -> None:
    data = _config()
    data["detectors"]["detector.made_up.v1"] = data["detectors"]["detector.false_litigation.v1"]
    with pytest.raises(DetectorConfigError) as err:
        build_detectors(parse_config(data))
    message = str(err.value)
    assert "detector.made_up.v1" in message
    assert all(name in message for name in GOLDEN)


def test_registry_disabled_detector_not_built() -> None:
    data = _config()
    data["detectors"]["detector.false_litigation.v1"]["enabled"] = False
    names = [d.name for d in build_detectors(parse_config(data))]
    assert "detector.false_litigation.v1" not in names
    assert len(names) == len(GOLDEN) - 1


def test_registry_weight_of_another_issue_type_refused_at_build() -> None:
    data = _config()
    data["detectors"]["detector.false_litigation.v1"]["weights"]["fine_imposed"] = 1.0
    with pytest.raises(DetectorConfigError, match="another issue type"):
        build_detectors(parse_config(data))


def test_registry_third_party_registers_like_a_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_FACTORIES", dict(registry._FACTORIES))

    @register("detector.food_safety.v1")
    def food_safety(name: str, settings: DetectorSettings) -> Detector:
        return LogisticDetector(name, "public_interest_lead", settings.intercept,
                                {"food_drug_harm": 2.0}, settings.title_zh, settings.advice_zh)  # fmt: skip

    data = _config()
    data["detectors"]["detector.food_safety.v1"] = data["detectors"][
        "detector.public_interest_lead.v1"
    ]
    built = {d.name for d in build_detectors(parse_config(data))}
    assert "detector.food_safety.v1" in built
    assert "detector.food_safety.v1" in registered()


@pytest.mark.parametrize("name", ["false_litigation", "detector.FalseLit.v1", "detector.x.latest"])
def test_registry_bad_name_refused(name: str) -> None:
    with pytest.raises(ValueError, match=re.escape("detector.<issue>.v1")):
        register(name)


def test_registry_duplicate_name_refused() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register("detector.false_litigation.v1")(lambda name, settings: build_detectors()[0])
