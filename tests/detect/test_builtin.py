"""The shipped detectors on real texts: parse → signals → detectors, as at run time."""

from __future__ import annotations

import pytest

from assist.analysis import Issue
from assist.detect import build_detectors, detect_issues
from assist.pipeline import parse_document
from assist.signals import find_signals
from assist.text.normalize import make_text
from tests.detect import texts
from tests.detect.texts import named_in

CASES = [
    # (id, text, issue type, accepted levels, codes that must be named). The score is the
    # calibrated chance that a procurator rates the lead at least medium, so a text the labeller
    # rated medium may pass the 0.7 line and come out high; low and high stay exact.
    ("lblj-080 relatives, 月息5分, 属虚假诉讼", texts.LOAN_ALLEGED_FALSE, "false_litigation",
     {"high"}, {"defense_alleges_false"}),
    ("lblj-021 friends, cash 5,628,000, IOU", texts.LOAN_CASH_FRIENDS, "false_litigation",
     {"medium", "high"}, {"cash_delivery", "related_parties"}),
    ("scm-7C silent defendants, 60,000", texts.LOAN_SILENT_DEFENDANTS, "false_litigation",
     {"low"}, {"no_defense"}),
    ("cail2018-1844 pesticide crayfish", texts.FOOD_PESTICIDE, "public_interest_lead",
     {"medium", "high"}, {"food_drug_harm"}),
    ("fd-028 罚金一千元", texts.DRUNK_DRIVING_FINE, "unenforced_property_penalty", {"low"},
     {"fine_imposed"}),
    ("减刑 while 附带民事赔偿 unpaid", texts.COMMUTATION_UNPAID, "unenforced_property_penalty",
     {"high"}, {"commutation_unpaid"}),
    ("非诉执行 不准予, 违反法定程序", texts.ENFORCEMENT_REFUSED, "systemic_admin_problem",
     {"medium"}, {"agency_lost", "procedure_violation"}),
    ("penalty decision, sales 86,000", texts.PENALTY_OVER_THRESHOLD, "criminal_transfer_gap",
     {"high"}, {"sales_over_threshold"}),
]  # fmt: skip


def _issues(text: str) -> dict[str, Issue]:
    t = make_text(text)
    doc = parse_document(text)
    return {i.type: i for i in detect_issues(doc, find_signals(t, doc), build_detectors())}


@pytest.mark.parametrize(
    ("text", "issue_type", "levels", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_builtin_real_texts(text: str, issue_type: str, levels: set[str], codes: set[str]) -> None:
    issues = _issues(text)
    assert issue_type in issues, issues
    issue = issues[issue_type]
    assert issue.level in levels, (issue.score, issue.rationale)
    assert codes <= {s.code for s in issue.signals}
    assert all(named_in(code, issue.rationale) for code in codes), issue.rationale
    for s in issue.signals:
        assert text[s.start : s.end] == s.text


def test_builtin_only_matching_issue_types() -> None:
    """A criminal fine raises no civil lead; a loan raises no property-penalty lead."""
    assert set(_issues(texts.DRUNK_DRIVING_FINE)) == {"unenforced_property_penalty"}
    assert set(_issues(texts.LOAN_CASH_FRIENDS)) == {"false_litigation"}


def test_builtin_rationale_example() -> None:
    issue = _issues(texts.LOAN_ALLEGED_FALSE)["false_litigation"]
    assert issue.rationale.startswith("有人提出虚假诉讼或恶意串通")
    assert issue.rationale.endswith("，存在虚假诉讼风险，建议调阅卷宗核实案件事实与资金往来。")


def test_builtin_issues_sorted_by_score() -> None:
    issues = list(_issues(texts.LOAN_ALLEGED_FALSE + texts.DRUNK_DRIVING_FINE).values())
    assert [i.score for i in issues] == sorted((i.score for i in issues), reverse=True)
