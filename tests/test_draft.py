"""Tests for assist/drafting (draft_recommendation), its rules file and its templates.

The binding invariants, checked for every template, every issue type, several document dates,
the real dev documents (corpora/real/judgments.jsonl) and generated documents that raise leads:
every ``legal_basis`` text is found verbatim in the statute store for the version quoted, and
the draft holds the seven parts of 检察建议工作规定 第十六条, in order, none empty.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.analysis import Analysis, Issue, LegalBasis, Level, Recommendation, Signal
from assist.analyze import Analyzer
from assist.document import Dates, Document
from assist.draft import PART_TITLES, draft_recommendation, parse_draft
from assist.drafting import facts
from assist.drafting.basis import Quoted, Skipped, cite_name, pick_version, quote
from assist.drafting.layout import DraftLayoutError, points_of
from assist.drafting.render import environment, top_issue
from assist.drafting.rules import (
    BasisRef,
    RecommendationRulesError,
    default_rules,
    load_rules,
    parse_rules,
)
from assist.law.store import StatuteStore, default_store
from assist.pipeline import parse_text
from assist.schemas import from_dict, to_dict
from assist.synth.generator import KINDS, Sources, generate
from assist.text.normalize import make_text

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real" / "judgments.jsonl"
ISSUE_TYPES = tuple(default_rules().issue_types)
TEMPLATES = sorted(
    p.name
    for p in resources.files("assist.law").joinpath("templates").iterdir()
    if p.name.endswith(".j2")
)


@pytest.fixture(scope="module")
def store() -> StatuteStore:
    return default_store()


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(require_legal=False)


@pytest.fixture(scope="module")
def generated(analyzer: Analyzer) -> list[tuple[str, Analysis]]:
    """Generated documents (every kind, fixed seed) whose analysis raised a lead ≥ medium."""
    out = []
    for g in generate(len(KINDS) * 12, seed=11, sources=Sources()):
        a = analyzer.analyze(g.text, g.id)
        if top_issue(a.issues or ()) is not None:
            out.append((g.text, a))
    return out


@pytest.fixture(scope="module")
def lead_per_type(generated: list[tuple[str, Analysis]]) -> dict[str, tuple[str, Analysis]]:
    out: dict[str, tuple[str, Analysis]] = {}
    for text, a in generated:
        issue = top_issue(a.issues or ())
        assert issue is not None
        out.setdefault(issue.type, (text, a))
    return out


def _real() -> list[dict[str, str]]:
    with REAL.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


_TEMPLATE_LEFTOVER = re.compile(r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\{%")


def assert_valid(rec: Recommendation, store: StatuteStore) -> None:
    """The contract's invariants for one drafted recommendation."""
    for lb in rec.legal_basis:
        version = next(v for v in store.versions(lb.law) if v.version == lb.version)
        assert store.contains_verbatim(lb.law, lb.article, lb.text, on=version.effective_from), lb
        assert lb.text.replace("\n", "") in rec.draft  # quoted in the draft as well
    parts = parse_draft(rec.draft)  # raises when a part is missing or out of order
    assert [title for title, _ in parts.parts] == list(PART_TITLES)
    assert all(paragraphs for _, paragraphs in parts.parts)
    positions = [rec.draft.index(title) for title in PART_TITLES]
    assert positions == sorted(positions)
    assert rec.points and points_of(parts) == rec.points
    assert rec.addressee and parts.addressee == rec.addressee
    assert rec.legal_basis and rec.reply_days > 0
    assert _TEMPLATE_LEFTOVER.search(rec.draft) is None  # braces quoted from the text are fine


# -- the rules file against the store --------------------------------------------------------


def _all_refs() -> Iterator[tuple[str, BasisRef]]:
    rules = default_rules()
    for name, rule in [*rules.issue_types.items(), ("fallback", rules.fallback)]:
        for ref in (*rule.legal_basis, *rule.reply_basis):
            yield name, ref


@pytest.mark.parametrize(("issue_type", "ref"), list(_all_refs()))
def test_draft_rules_every_reference_is_on_topic_in_every_version(
    store: StatuteStore, issue_type: str, ref: BasisRef
) -> None:
    versions = store.versions(ref.law)
    assert versions, f"{ref.law} is not in the statute store"
    assert set(ref.by_version) <= {v.version for v in versions}, "by_version names no version"
    for v in versions:
        number = ref.by_version.get(v.version, ref.article)
        art = store.get(ref.law, number, on=v.effective_from)
        assert art is not None and art.version == v.version, (issue_type, v.version, number)
        text = art.text.split("\n")[ref.line - 1] if ref.line else art.text
        assert ref.must_contain in text, (issue_type, v.version, art.article, text[:60])


def test_draft_rules_types_and_periods() -> None:
    rules = default_rules()
    assert set(rules.issue_types) == {
        "false_litigation", "unenforced_property_penalty", "systemic_admin_problem",
        "public_interest_lead", "criminal_transfer_gap",
    }  # fmt: skip
    kinds = {t: r.recommendation_type for t, r in rules.issue_types.items()}
    assert kinds == {
        "false_litigation": "retrial", "unenforced_property_penalty": "correction",
        "systemic_admin_problem": "governance", "public_interest_lead": "public_interest",
        "criminal_transfer_gap": "other",
    }  # fmt: skip
    # 第十九条: two months unless another rule says otherwise (民诉法解释: 三个月内审查).
    assert {t: r.reply_days for t, r in rules.issue_types.items()}["false_litigation"] == 90
    assert all(r.reply_days == 60 for t, r in rules.issue_types.items() if t != "false_litigation")
    # No provision in the store fixes an objection period.
    assert all(r.objection_days is None for r in rules.issue_types.values())
    assert all(r.template in TEMPLATES for r in [*rules.issue_types.values(), rules.fallback])


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"addressee_by_signal": {"no_such_signal": "agency"}}, "unknown signal codes"),
        ({"template": "../evil.j2"}, "pattern"),
        ({"recommendation_type": "punishment"}, "recommendation_type"),
        ({"legal_basis": [{"law": "刑法", "article": 1, "cite": "第二款", "must_contain": "刑法"}]}, "needs 'line'"),
        ({"reply_days": 0}, "reply_days"),
    ],
)  # fmt: skip
def test_draft_rules_refuse_bad_settings(patch: dict[str, object], message: str) -> None:
    rules = default_rules().model_dump(mode="json")
    rules["issue_types"]["false_litigation"].update(patch)
    with pytest.raises(RecommendationRulesError, match=message):
        parse_rules(rules)


def test_draft_rules_unknown_issue_type_and_bad_file(tmp_path: Path) -> None:
    rules = default_rules().model_dump(mode="json")
    rules["issue_types"]["poetry"] = rules["fallback"]
    with pytest.raises(RecommendationRulesError, match="unknown issue types"):
        parse_rules(rules)
    bad = tmp_path / "rules.toml"
    bad.write_text("schema_version = [", encoding="utf-8")
    with pytest.raises(RecommendationRulesError):
        load_rules(bad)


# -- quoting provisions by date ---------------------------------------------------------------


MSF_219_2 = BasisRef(
    law="中华人民共和国民事诉讼法", article=219, by_version={"2021": 215}, line=2, cite="第二款",
    must_contain="可以向同级人民法院提出检察建议",
)  # fmt: skip


@pytest.mark.parametrize(
    ("on", "version", "article", "fallback"),
    [
        (date(2022, 6, 1), "2021", "第二百一十五条", False),
        (date(2023, 12, 31), "2021", "第二百一十五条", False),
        (date(2024, 1, 1), "2023", "第二百一十九条", False),
        (date(2015, 10, 28), "2023", "第二百一十九条", True),  # predates the store: latest
        (None, "2023", "第二百一十九条", False),
    ],
)
def test_draft_quote_picks_the_version_in_force(
    store: StatuteStore, on: date | None, version: str, article: str, fallback: bool
) -> None:
    got = quote(MSF_219_2, store, on)
    assert isinstance(got, Quoted)
    assert (got.basis.version, got.basis.article, got.fallback) == (version, article, fallback)
    assert got.cite == f"《中华人民共和国民事诉讼法》{article}第二款"
    assert got.basis.text.startswith("地方各级人民检察院对同级人民法院已经发生法律效力的判决、裁定")


def test_draft_quote_refuses_off_topic_and_repealed_text(store: StatuteStore) -> None:
    # 2023 第二百一十五条 is about the court's review of a retrial application: refused.
    wrong = MSF_219_2.model_copy(update={"by_version": {}, "article": 215})
    assert isinstance(quote(wrong, store, date(2024, 6, 1)), Skipped)
    # 民事诉讼监督规则 (2013) ended 2021-08-01 and has no successor in the store: no quote.
    ref = BasisRef(law="人民检察院民事诉讼监督规则", article=3, must_contain="法律监督")
    assert isinstance(quote(ref, store, date(2023, 5, 1)), Skipped)
    assert isinstance(quote(ref, store, date(2015, 5, 1)), Quoted)
    assert pick_version(store, "没有这部法律", date(2020, 1, 1)) == (None, False)


def test_draft_cite_name_nests_titles() -> None:
    assert cite_name("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释") == (
        "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"
    )
    assert cite_name("人民检察院刑事诉讼规则(试行)") == "《人民检察院刑事诉讼规则（试行）》"


# -- facts: addressee, procuratorate, periods -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "procuratorate"),
    [
        ("浙江省新昌县人民法院", "浙江省新昌县人民检察院"),
        ("辽宁省大连市中级人民法院", "辽宁省大连市人民检察院"),
        ("广东省高级人民法院", "广东省人民检察院"),
        ("中华人民共和国最高人民法院", "最高人民检察院"),
        ("天津市蓟县人民法院", "天津市蓟县人民检察院"),
        ("乐至县财政局", "乐至县人民检察院"),
        ("珠海市香洲区公安局", "珠海市香洲区人民检察院"),
        ("珠海市香洲区市场监督管理局", "珠海市香洲区人民检察院"),
        ("上海海事法院", None),
        (None, None),
    ],
)
def test_draft_facts_procuratorate_is_the_same_level(
    name: str | None, procuratorate: str | None
) -> None:
    assert facts.procuratorate_for(name) == procuratorate


@pytest.mark.parametrize(
    ("days", "zh"),
    [(60, "两个月"), (90, "三个月"), (30, "一个月"), (15, "十五日"), (10, "十日"), (7, "七日")],
)
def test_draft_facts_period_zh(days: int, zh: str) -> None:
    assert facts.period_zh(days) == zh


def test_draft_facts_executing_court_is_the_first_instance_court(analyzer: Analyzer) -> None:
    # The shape of a real 减刑 ruling (corpora: fd-007 and generated 刑更 rulings).
    text = (
        "福建省泉州市中级人民法院\n刑事裁定书\n（2022）闽05刑更7023号\n"
        "罪犯：苏某某，男，1959年6月14日出生，汉族，现在福建省泉州监狱服刑。\n"
        "福建省安溪县人民法院于2019年4月16日作出(2019)闽0524刑初2565号刑事判决，以被告人苏某某犯"
        "故意伤害罪，判处有期徒刑十年，并处罚金人民币3000元。判决发生法律效力后交付执行。\n"
        "执行机关福建省泉州监狱于2022年3月3日提出减刑建议，报送本院审理。\n"
        "经审理查明，原判财产性判项罚金人民币3000元尚未履行。\n裁定如下：\n"
        "对罪犯苏某某减去有期徒刑六个月。\n二〇二二年四月十二日\n"
    )
    doc = analyzer.analyze(text).document
    assert facts.original_court(doc, text) == "福建省安溪县人民法院"
    assert facts.execution_organ(text) == "福建省泉州监狱"
    to = facts.addressee("executing_court", doc, text, ["fine_imposed"], {})
    assert to == facts.Addressee("福建省安溪县人民法院", False)
    assert facts.addressee("deciding_court", doc, text, [], {}).name == "福建省泉州市中级人民法院"
    assert facts.addressee("execution_organ", doc, text, [], {}).name == "福建省泉州监狱"


# -- drafting ---------------------------------------------------------------------------------


def test_draft_generated_leads_cover_every_issue_type(
    lead_per_type: dict[str, tuple[str, Analysis]],
) -> None:
    assert set(lead_per_type) == set(ISSUE_TYPES)


def test_draft_generated_documents_are_valid(
    generated: list[tuple[str, Analysis]], store: StatuteStore
) -> None:
    rules = default_rules()
    for text, a in generated:
        rec = draft_recommendation(a, text, store)
        issue = top_issue(a.issues or ())
        assert rec is not None and issue is not None
        assert rec.type == rules.for_issue(issue.type).recommendation_type
        assert_valid(rec, store)
        # The draft cites the document's own evidence: its number and the signals' words.
        number = facts.case_number(a.document)
        assert not number or number in rec.draft
        assert any(s.text.replace(" ", "") in rec.draft for s in issue.signals)


@pytest.mark.parametrize("issue_type", [*ISSUE_TYPES, "some_future_type"])
@pytest.mark.parametrize(
    "decided", [None, "2011-11-21", "2015-03-02", "2020-06-01", "2022-06-01", "2024-06-01"]
)
def test_draft_every_type_and_date_is_valid(
    lead_per_type: dict[str, tuple[str, Analysis]], store: StatuteStore, issue_type: str,
    decided: str | None,
) -> None:  # fmt: skip
    text, a = lead_per_type.get(issue_type, lead_per_type["false_litigation"])
    doc = dataclasses.replace(a.document, dates=Dates(decided=decided), date_mentions=())
    issue = top_issue(a.issues or ())
    assert issue is not None
    issue = dataclasses.replace(issue, type=issue_type)
    rec = draft_recommendation((doc, [issue], a.signals), text, store)
    assert rec is not None
    assert_valid(rec, store)
    if issue_type == "some_future_type":
        assert rec.type == "other"
    if decided is None:
        assert "所引规定的版本依据" in rec.draft
    if decided == "2011-11-21":  # predates most of the store: the draft says so
        assert "其施行晚于原文书作出之日" in rec.draft


@pytest.mark.parametrize(
    ("decided", "cited", "not_cited"),
    [
        ("2022-06-01", "第二百一十五条第二款", "第二百一十九条"),
        ("2024-06-01", "第二百一十九条第二款", "第二百一十五条"),
    ],
)
def test_draft_false_litigation_cites_the_article_of_its_date(
    lead_per_type: dict[str, tuple[str, Analysis]], store: StatuteStore, decided: str,
    cited: str, not_cited: str,
) -> None:  # fmt: skip
    text, a = lead_per_type["false_litigation"]
    doc = dataclasses.replace(a.document, dates=Dates(decided=decided))
    rec = draft_recommendation((doc, a.issues or (), a.signals), text, store)
    assert rec is not None and rec.type == "retrial" and rec.reply_days == 90
    assert cited in rec.draft and not_cited not in rec.draft
    assert "三个月内" in rec.draft


def test_draft_real_documents_are_valid(analyzer: Analyzer, store: StatuteStore) -> None:
    drafted: dict[str, dict[str, Recommendation]] = {}
    for row in _real():
        a = analyzer.analyze(row["text"], row["id"])
        levels: tuple[Level, ...] = ("medium", "low")
        for level in levels:
            rec = draft_recommendation(a, row["text"], store, min_level=level)
            if rec is not None:
                assert_valid(rec, store)
                drafted.setdefault(row["id"], {})[level] = rec
    medium = {k for k, v in drafted.items() if "medium" in v}
    assert {"fd-018", "fd-031"} <= medium
    assert len(drafted) >= 10  # low-level leads drafted too when asked
    fd031 = drafted["fd-031"]["medium"]
    assert (fd031.type, fd031.addressee) == ("retrial", "河北省张家口市中级人民法院")
    assert fd031.draft.startswith("河北省张家口市人民检察院\n检察建议书\n")
    assert "（2013）张商初字第145号民事判决书" in fd031.draft
    assert "“恶意串通”" in fd031.draft and "“经合法传唤未到庭参加诉讼”" in fd031.draft
    # 2014 judgment: every quoted law is later than the document, and the draft says so.
    assert "其施行晚于原文书作出之日" in fd031.draft


def test_draft_none_without_a_medium_lead(analyzer: Analyzer) -> None:
    row = next(r for r in _real() if r["id"] == "fd-028")  # a fine: low lead only
    a = analyzer.analyze(row["text"], row["id"])
    assert a.issues and all(i.level == "low" for i in a.issues)
    assert draft_recommendation(a, row["text"]) is None
    assert draft_recommendation((a.document, (), a.signals), row["text"]) is None


def test_draft_top_issue_ranks_level_before_score() -> None:
    sig = (Signal("fine_imposed", 0, 1, "罚"),)
    med = Issue("false_litigation", 0.69, "medium", sig, "")
    high = Issue("unenforced_property_penalty", 0.71, "high", sig, "")
    low = Issue("public_interest_lead", 0.39, "low", sig, "")
    assert top_issue([med, high, low]) is high
    assert top_issue([low]) is None
    assert top_issue([low], "low") is low


def test_draft_analysis_round_trips_through_the_schema(
    lead_per_type: dict[str, tuple[str, Analysis]], store: StatuteStore
) -> None:
    text, a = lead_per_type["public_interest_lead"]
    rec = draft_recommendation(a, text, store)
    assert rec is not None and rec.type == "public_interest" and rec.objection_days is None
    with_rec = dataclasses.replace(a, recommendation=rec)
    data = to_dict(with_rec)
    assert data["recommendation"]["legal_basis"][0].keys() >= {"law", "article", "text"}
    assert from_dict(data).recommendation == rec
    assert isinstance(rec.legal_basis[0], LegalBasis)


# -- templates --------------------------------------------------------------------------------


def test_draft_templates_are_strict() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().get_template("base.j2").render({})


# A run this long shared with an article is a copied sentence, not a term of art such as
# 国家利益、社会公共利益或者他人合法权益 (19 characters); a shorter article must not appear whole.
COPY_SPAN = 24


@pytest.mark.parametrize("name", TEMPLATES)
def test_draft_templates_hold_no_article_text(store: StatuteStore, name: str) -> None:
    source = resources.files("assist.law").joinpath("templates", name).read_text(encoding="utf-8")
    for _, ref in _all_refs():
        for v in store.versions(ref.law):
            art = store.get(
                ref.law, ref.by_version.get(v.version, ref.article), on=v.effective_from
            )
            assert art is not None
            flat = art.text.replace("\n", "")
            n = min(COPY_SPAN, len(flat))
            hits = {flat[i : i + n] for i in range(len(flat) - n + 1)} & {
                source[i : i + n] for i in range(len(source) - n + 1)
            }
            assert not hits, f"{name} copies {art.law}{art.article}: {hits}"


# -- layout ------------------------------------------------------------------------------------


def test_draft_layout_refuses_a_missing_or_misplaced_part(
    lead_per_type: dict[str, tuple[str, Analysis]], store: StatuteStore
) -> None:
    text, a = lead_per_type["systemic_admin_problem"]
    rec = draft_recommendation(a, text, store)
    assert rec is not None
    with pytest.raises(DraftLayoutError, match="missing"):
        parse_draft(rec.draft.replace(PART_TITLES[4], "五、异议"))
    swapped = rec.draft.replace(PART_TITLES[1], "@@").replace(PART_TITLES[2], PART_TITLES[1])
    with pytest.raises(DraftLayoutError, match="order"):
        parse_draft(swapped.replace("@@", PART_TITLES[2]))
    with pytest.raises(DraftLayoutError):
        parse_draft("检察建议书")


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=1, max_size=300),
    issue_type=st.sampled_from([*ISSUE_TYPES, "other_type"]),
    decided=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))),
)
def test_draft_never_raises_on_arbitrary_text(
    text: str, issue_type: str, decided: date | None
) -> None:
    doc: Document = parse_text(make_text(text))
    doc = dataclasses.replace(doc, dates=Dates(decided=decided.isoformat() if decided else None))
    end = min(len(text), 6)
    issue = Issue(issue_type, 0.5, "medium", (Signal("fine_imposed", 0, end, text[:end]),), "理由")
    rec = draft_recommendation((doc, [issue], None), text)
    assert rec is not None
    assert_valid(rec, default_store())
