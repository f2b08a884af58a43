"""Draft the 检察建议书 for a document's top lead: rules → quoted provisions → Jinja2 template.

Templates (``assist/law/templates/*.j2``) are data: plain text, no autoescaping, and
``StrictUndefined`` so a field a template needs but the context lacks fails loudly. They never
hold article text: every quotation is taken from the statute store here, at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from assist.analysis import Analysis, Issue, Level, Recommendation, Signal
from assist.document import Document
from assist.drafting import facts
from assist.drafting.basis import Quoted, Skipped, cite_name, quote_all
from assist.drafting.layout import parse_draft, points_of
from assist.drafting.rules import BasisRef, IssueRule, RecommendationRules, default_rules
from assist.law.store import StatuteStore, default_store

_RANK: dict[str, int] = {"low": 0, "medium": 1, "high": 2}
_LEVEL_ZH = {"high": "高", "medium": "中", "low": "低"}
NUMBER_PLACEHOLDER = "×检×建〔20××〕×号"
DATE_PLACEHOLDER = "20××年××月××日"
_CN_ORDINALS = "一二三四五六七八九十"
MAX_POINT_QUOTES = 4  # evidence quotes repeated in a recommendation point

Source = Analysis | tuple[Document, Sequence[Issue], Sequence[Signal] | None]


def _cn_ordinal(n: int) -> str:
    return _CN_ORDINALS[n - 1] if 1 <= n <= 10 else str(n)


def _load(name: str) -> str:
    return resources.files("assist.law").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def environment() -> jinja2.Environment:
    """The template environment, built on first use from the packaged templates."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=False,  # plain text, not HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["cn"] = _cn_ordinal
    env.filters["quoted"] = lambda items: "".join(f"“{x}”" for x in items)
    return env


def top_issue(issues: Sequence[Issue], min_level: Level = "medium") -> Issue | None:
    """The highest lead at ``min_level`` or above (level first, then score)."""
    eligible = [i for i in issues if _RANK[i.level] >= _RANK[min_level]]
    return max(eligible, key=lambda i: (_RANK[i.level], i.score), default=None)


def _applies(ref: BasisRef, doc: Document, codes: set[str]) -> bool:
    if ref.when_signals and not codes & set(ref.when_signals):
        return False
    if ref.when_cause is not None and ref.when_cause not in (doc.cause or ""):
        return False
    case_type = doc.case_number.case_type if doc.case_number else None
    if ref.when_case_types and case_type not in ref.when_case_types:
        return False
    return not (ref.when_doc_kinds and doc.doc_kind not in ref.when_doc_kinds)


def _you(addressee: str) -> str:
    """你院 / 你局 / 你委 …: how a 检察建议书 addresses its recipient."""
    for suffix, you in (("法院", "你院"), ("局", "你局"), ("委员会", "你委"), ("办公室", "你办")):
        if addressee.endswith(suffix) or addressee.split("（")[0].endswith(suffix):
            return you
    return "你单位"


def _quotes(evidence: Sequence[facts.Evidence], skip: Sequence[str] = ()) -> list[str]:
    """Evidence words to repeat in a recommendation point, signals in ``skip`` left out."""
    return [q for e in evidence if e.code not in skip for q in e.quotes][:MAX_POINT_QUOTES]


def _by_law(quoted: Sequence[Quoted]) -> list[Quoted]:
    """Provisions grouped by law in order of first appearance (how a 检察建议书 cites them)."""
    order = list(dict.fromkeys(q.basis.law for q in quoted))
    return sorted(quoted, key=lambda q: order.index(q.basis.law))


def _cites(quoted: Sequence[Quoted]) -> str:
    """《民事诉讼法》第十四条、第一百一十五条，《检察建议工作规定》第八条."""
    groups: dict[str, list[str]] = {}
    for q in quoted:
        groups.setdefault(q.basis.law, []).append(q.cite.removeprefix(cite_name(q.basis.law)))
    return "，".join(cite_name(law) + "、".join(arts) for law, arts in groups.items())


def _fallback_note(quoted: Sequence[Quoted]) -> str:
    """Which laws are quoted in a version later than the document (the predates-the-store rule)."""
    late = [q for q in quoted if q.fallback]
    if not late:
        return ""
    parts = []
    for law in dict.fromkeys(q.basis.law for q in late):
        qs = [q for q in late if q.basis.law == law]
        v = qs[0].version
        articles = "、".join(dict.fromkeys(q.basis.article for q in qs))
        parts.append(
            f"{cite_name(law)}（{v.version}年版，自{facts.cn_date(v.effective_from)}起施行）{articles}"
        )
    return "本检察建议书所引下列规定的文本，其施行晚于原文书作出之日：" + "；".join(parts) + "。"


def _basis_items(quoted: Sequence[Quoted]) -> list[dict[str, str]]:
    return [
        {"cite": q.cite, "text": q.basis.text.replace("\n", ""), "purpose": q.purpose}
        for q in quoted
    ]


def _drafting_notes(
    issue: Issue, when: tuple[date | None, str], to: facts.Addressee, skipped: list[Skipped],
    fallback: bool,
) -> list[str]:  # fmt: skip
    notes = [
        "本稿系根据原文书自动生成的检察建议书草稿，所述事实均摘自原文书，制发前应当调查核实、"
        "依照规定报检察长决定，并补全文号、联系人等信息。",
        f"线索等级：{_LEVEL_ZH[issue.level]}（评分{issue.score:.2f}）。{issue.rationale}",
    ]
    on, source = when
    if source != "decided":
        basis = {"filed": f"立案日期（{facts.cn_date(on)}）",
                 "hearing": f"开庭日期（{facts.cn_date(on)}）",
                 "mentioned": f"文书中最晚的日期（{facts.cn_date(on)}）",
                 "case_year": f"案号年份（按{facts.cn_date(on)}计）",
                 "none": "现行版本"}[source]  # fmt: skip
        notes.append(f"原文书未载明裁判日期，所引规定的版本依据{basis}确定。")
    if fallback:
        notes.append("部分规定引用的是晚于原文书施行的文本，制发前请核对原文书作出时施行的文本。")
    if to.inferred:
        notes.append(f"被建议单位“{to.name}”系推定，制发前应当核实其法定职责及名称。")
    notes += [f"{cite_name(s.law)}{s.article}未予引用：{s.reason}。" for s in skipped]
    return notes


def _context(
    doc: Document, text: str, issue: Issue, rule: IssueRule, store: StatuteStore,
    procuratorate: str | None,
) -> dict[str, Any]:  # fmt: skip
    codes = [s.code for s in issue.signals]
    code_set = set(codes)
    when = facts.document_date(doc)
    refs = [r for r in rule.legal_basis if _applies(r, doc, code_set)]
    quoted, skipped = quote_all(refs, store, when[0])
    reply, reply_skipped = quote_all(rule.reply_basis, store, when[0])
    quoted, reply = _by_law(quoted), _by_law(reply)
    skipped += reply_skipped
    rule_name = next((rule.addressee_by_signal[c] for c in codes if c in rule.addressee_by_signal),
                     rule.addressee)  # fmt: skip
    to = facts.addressee(rule_name, doc, text, codes, rule.agency_by_signal)
    issuer = procuratorate or facts.procuratorate_for(
        to.name if facts.is_court(to.name) and not to.inferred else doc.court
    )
    fallback = any(q.fallback for q in (*quoted, *reply))
    evidence = facts.evidence(issue)
    return {
        "procuratorate": issuer or facts.PLACEHOLDER_PROCURATORATE,
        "number": NUMBER_PLACEHOLDER,
        "issue_date": DATE_PLACEHOLDER,
        "addressee": to.name,
        "you": _you(to.name),
        "addressee_is_court": facts.is_court(to.name),
        "rule_name": rule_name,
        "name_zh": rule.name_zh,
        "doc": {
            "court": doc.court or "",
            "number": facts.case_number(doc),
            "kind": facts.kind_name(doc),
            "cause": doc.cause or "",
            "date": facts.cn_date(doc.dates.decided),
            "filed": facts.cn_date(doc.dates.filed),
            "parties": facts.party_names(doc),
            "case_desc": facts.case_desc(doc),
            "amounts": facts.amount_quotes(doc),
            "penalties": facts.penalty_lines(doc),
            "doc_kind": doc.doc_kind,
        },
        "evidence": evidence,
        "quotes": _quotes(evidence),
        "quotes_except": lambda *skip: _quotes(evidence, skip),
        "codes": code_set,
        "bases": _basis_items(quoted),
        "reply_bases": _basis_items(reply),
        "basis_cites": _cites(quoted),
        "reply_cites": _cites(reply),
        "reply_period": facts.period_zh(rule.reply_days),
        "urgent_period": facts.period_zh(rule.urgent_reply_days) if rule.urgent_reply_days else "",
        "objection_period": facts.period_zh(rule.objection_days) if rule.objection_days else "",
        "version_note": _fallback_note([*quoted, *reply]),
        "drafting_notes": _drafting_notes(issue, when, to, skipped, fallback),
        "_quoted": [*quoted, *reply],
    }


def draft_recommendation(
    source: Source,
    text: str,
    store: StatuteStore | None = None,
    rules: RecommendationRules | None = None,
    *,
    procuratorate: str | None = None,
    min_level: Level = "medium",
) -> Recommendation | None:
    """The drafted 检察建议 for the highest lead at ``min_level`` or above; None when none is.

    ``source`` is an :class:`Analysis` or ``(document, issues, signals)`` (the Analyzer's parts
    before the Analysis exists); ``text`` is the document text as received.
    """
    doc, issues = (
        (source.document, source.issues or ()) if isinstance(source, Analysis) else source[:2]
    )
    issue = top_issue(issues, min_level)
    if issue is None:
        return None
    store = store or default_store()
    rule = (rules or default_rules()).for_issue(issue.type)
    template = environment().get_template(rule.template)
    ctx = _context(doc, text, issue, rule, store, procuratorate)
    draft = template.render(ctx).strip() + "\n"
    points = points_of(parse_draft(draft))  # as numbered in part 四
    quoted: list[Quoted] = ctx["_quoted"]
    return Recommendation(
        type=rule.recommendation_type,
        addressee=ctx["addressee"],
        points=points,
        legal_basis=tuple(q.basis for q in quoted),
        objection_days=rule.objection_days,
        reply_days=rule.reply_days,
        draft=draft,
    )
