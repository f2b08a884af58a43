from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.analysis import Signal
from assist.detect.base import (
    COUNT_CAP,
    LogisticDetector,
    compute_features,
    feature_problem,
    join_zh,
    level_of,
    sigmoid,
    signal_codes,
)
from assist.detect.registry import build_detectors
from assist.document import Document
from assist.pipeline import parse_document
from assist.signals import find_signals
from assist.text.normalize import make_text
from tests.detect.texts import LOAN_ALLEGED_FALSE, LOAN_CASH_FRIENDS, named_in


@cache
def _loan_doc() -> Document:
    return parse_document(LOAN_CASH_FRIENDS)


def _signal(code: str, start: int = 0) -> Signal:
    return Signal(code=code, start=start, end=start + 1, text="x")


@pytest.mark.parametrize(
    ("score", "level"), [(0.7, "high"), (0.99, "high"), (0.6999, "medium"), (0.4, "medium"),
                         (0.3999, "low"), (0.0, "low")],
)  # fmt: skip
def test_base_level_follows_taxonomy_thresholds(score: float, level: str) -> None:
    assert level_of(score) == level


def test_base_sigmoid_is_stable_and_symmetric() -> None:
    assert sigmoid(0.0) == 0.5
    assert sigmoid(1000.0) == 1.0 and sigmoid(-1000.0) == 0.0
    assert abs(sigmoid(2.0) + sigmoid(-2.0) - 1.0) < 1e-12


@pytest.mark.parametrize(
    ("names", "joined"),
    [([], ""), (["缺席判决"], "缺席判决"), (["缺席判决", "公告送达"], "缺席判决且公告送达"),
     (["缺席判决", "公告送达", "仅有借条"], "缺席判决、公告送达且仅有借条")],
)  # fmt: skip
def test_base_join_zh(names: list[str], joined: str) -> None:
    assert join_zh(names) == joined


@pytest.mark.parametrize(
    ("feature", "problem"),
    [("default_judgment", None), ("default_judgment:count", None), ("cash_delivery:large", None),
     ("usury", "not a signal code"), ("frequent_plaintiff", "cross-case"),
     ("default_judgment:large", "not a known feature")],
)  # fmt: skip
def test_base_feature_problem(feature: str, problem: str | None) -> None:
    found = feature_problem(feature)
    assert found is None if problem is None else problem in (found or "")


def test_base_features_indicator_count_and_large_cash() -> None:
    t = make_text(LOAN_CASH_FRIENDS)
    doc = _loan_doc()
    signals = find_signals(t, doc)
    values = compute_features(
        doc, signals, ["cash_delivery", "cash_delivery:large", "withdrawal", "high_interest:count"]
    )
    assert values["cash_delivery"] == 1.0
    assert values["cash_delivery:large"] == 1.0  # 借现金5628000元
    assert values["withdrawal"] == 0.0
    many = [_signal("high_interest", i) for i in range(9)]
    assert compute_features(doc, many, ["high_interest:count"])["high_interest:count"] == COUNT_CAP


def test_base_detector_silent_without_its_signals() -> None:
    for detector in build_detectors():
        assert detector.detect(_loan_doc(), [_signal("mediation_unknown")]) is None
        assert detector.detect(_loan_doc(), []) is None


def test_base_detector_refuses_weights_of_another_issue() -> None:
    with pytest.raises(ValueError, match="another issue type"):
        LogisticDetector(
            "detector.x.v1", "false_litigation", -1.0, {"fine_imposed": 1.0}, "风险", "建议核查"
        )
    with pytest.raises(ValueError, match="not a signal code"):
        LogisticDetector(
            "detector.x.v1", "false_litigation", -1.0, {"usury": 1.0}, "风险", "建议核查"
        )


def test_base_score_rises_when_a_real_risk_sentence_is_added() -> None:
    """The same real claim, with and without the defence's allegation of fabrication."""
    detector = {d.issue_type: d for d in build_detectors()}["false_litigation"]
    claim = LOAN_ALLEGED_FALSE.split("\n")[0] + "\n"
    scores = []
    for text in (claim, LOAN_ALLEGED_FALSE):
        t = make_text(text)
        doc = parse_document(text)
        issue = detector.detect(doc, find_signals(t, doc))
        assert issue is not None
        scores.append(issue.score)
    assert scores[1] > scores[0]


_DOC_CODES = sorted(c for c, s in signal_codes().items() if s.per_document)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(_DOC_CODES)), st.sampled_from(_DOC_CODES))
def test_base_score_monotone_in_added_signals(present: set[str], added: str) -> None:
    doc = _loan_doc()
    before = [_signal(c, i * 5) for i, c in enumerate(sorted(present))]
    after = [*before, _signal(added, 999)]
    for detector in build_detectors():
        assert isinstance(detector, LogisticDetector)
        old, new = detector.detect(doc, before), detector.detect(doc, after)
        if new is None:
            assert old is None
            continue
        assert old is None or new.score >= old.score
        assert 0.0 <= new.score <= 1.0
        assert new.level == level_of(new.score, detector.high, detector.medium)
        assert {s.code for s in new.signals} <= detector.codes


_CHINESE_SENTENCE = re.compile(r"^[\u4e00-\u9fff、，]+。$")


@settings(max_examples=100, deadline=None)
@given(st.sets(st.sampled_from(_DOC_CODES), min_size=1))
def test_base_rationale_names_every_fired_signal_in_chinese(codes: set[str]) -> None:
    signals = [_signal(c, i * 5) for i, c in enumerate(sorted(codes))]
    for detector in build_detectors():
        assert isinstance(detector, LogisticDetector)
        issue = detector.detect(_loan_doc(), signals)
        if issue is None:
            continue
        assert _CHINESE_SENTENCE.match(issue.rationale), issue.rationale
        assert detector.title_zh in issue.rationale
        fired = {s.code for s in issue.signals}
        if len(fired) <= detector.max_reasons:
            assert all(named_in(c, issue.rationale) for c in fired), (fired, issue.rationale)
