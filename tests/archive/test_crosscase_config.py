"""The cross-case configuration: documented TOML defaults, strict validation, the score."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from assist.archive.config import (
    CODES,
    ConfigError,
    default_config,
    level_of,
    load_config,
    parse_config,
)


def _data(**changes: Any) -> dict[str, Any]:
    data = default_config().model_dump()
    for key, value in changes.items():
        if isinstance(value, dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data


def test_crosscase_config_defaults() -> None:
    config = default_config()
    assert config.false_litigation.frequent_plaintiff_min == 10
    assert config.false_litigation.debtor_min_plaintiffs == 3
    assert config.false_litigation.debtor_window_days == 180
    assert config.property_penalty.no_record_days == 90
    assert config.admin.systemic_min_documents == 3
    assert config.as_of is None
    assert "agency_lost" not in config.admin.defect_codes


def test_crosscase_config_documents_every_setting() -> None:
    text = resources.files("assist.data").joinpath("crosscase.toml").read_text(encoding="utf-8")
    fields = {"as_of", "period_start", "period_end", "resolution_max_documents"}
    config = default_config()
    for section in ("false_litigation", "property_penalty", "admin"):
        fields |= set(getattr(config, section).model_dump())
    for name in fields:
        # each setting's line is preceded by a comment line
        m = re.search(rf"#[^\n]*\n(?:#[^\n]*\n)*#? ?{name} =", text)
        assert m is not None, f"{name} is not documented in crosscase.toml"
    assert "not calibrated probabilities" in text.replace("\n# ", " ").lower()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_data(colour="red"), "colour"),
        (_data(false_litigation={"frequent_plaintif_min": 10}), "frequent_plaintif_min"),
        (_data(false_litigation={"frequent_plaintiff_min": 1}), "frequent_plaintiff_min"),
        (_data(admin={"defect_codes": ["agency_lost"]}), "agency_lost alone is not a defect"),
        (_data(period_start="2022-01-01", period_end="2021-01-01"), "is after period_end"),
        (_data(score={"weights": {c: 1.0 for c in CODES[1:]}, "half": {c: 1 for c in CODES}}),
         "missing \\['frequent_plaintiff'\\]"),
        (_data(score={"weights": {c: 1.5 for c in CODES}, "half": {c: 1 for c in CODES}}),
         "weights must be in"),
        (_data(property_penalty={"no_record_days": -1}), "no_record_days"),
    ],
)  # fmt: skip
def test_crosscase_config_refuses(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_crosscase_config_load_file(tmp_path: Path) -> None:
    text = resources.files("assist.data").joinpath("crosscase.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(
        text.replace("# as_of = 2024-06-30", "as_of = 2024-06-30").replace(
            "frequent_plaintiff_min = 10", "frequent_plaintiff_min = 5"
        ),
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.as_of is not None and config.as_of.isoformat() == "2024-06-30"
    assert config.false_litigation.frequent_plaintiff_min == 5
    assert load_config(None) == default_config()


def test_crosscase_config_load_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("as_of = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read") as info:
        load_config(bad)
    assert info.value.code == "bad_config"


def test_crosscase_score_is_monotone_and_bounded() -> None:
    score = default_config().score
    values = [score.score("frequent_plaintiff", n) for n in range(0, 200, 5)]
    assert values == sorted(values)
    assert all(0 <= v <= 1 for v in values)
    assert score.score("frequent_plaintiff", 0) == 0.5
    assert score.score("frequent_plaintiff", 10) == 0.75
    assert score.score("frequent_plaintiff", -3) == 0.5  # never below the threshold strength


@pytest.mark.parametrize(
    ("value", "level"), [(0.7, "high"), (0.69, "medium"), (0.4, "medium"), (0.39, "low")]
)
def test_crosscase_level_thresholds(value: float, level: str) -> None:
    assert level_of(value) == level
