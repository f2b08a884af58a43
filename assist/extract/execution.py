"""What an execution document says happened to the money: the property-penalty ledger's input.

Execution documents are 执 rulings and notices (终结本次执行程序 rulings, 执行完毕/结案通知书) and
减刑/假释 rulings that report the 财产性判项 履行情况. Three things are read:

- ``terminated``: 终结本次执行程序 / 终结执行, also with the case named in between (终结本院（…）…号
  案件的执行, …刑事判决中罚金部分的执行) — in the operative part when its span is given; a
  sentence that restores execution (恢复执行) or refuses termination (不予终结执行) does not count.
- ``executed``: a sum after 执行到位 / 已执行 / 已履行 / 支付了 / 扣划 / 缴纳 … (或 ``2000元已缴纳``).
- ``unpaid``: a sum after 尚欠 / 未履行 / 剩余 / 未执行 … (或 ``8000元尚未缴纳``, ``余款6万元至今未付``).
  A statement that everything was paid (执行完毕, 已全部履行) without an unpaid sum gives 0.00.

Each sum is classified by the nearest cue in its clause (a word right after the sum wins, as in
``罚金5000元已缴纳``; a sum right after a colon reads its label: ``未执行到位金额：987,600元``);
sums with no cue (执行标的, 判处罚金 …), ordered (责令缴纳) or a shareholder's capital (未缴出资)
are not outcomes. The parties' own words (claims, defence, ``徐某称，…`` in an objection ruling)
never count: only the court's account does. The first executed and the first unpaid sum are
taken. Call it only for execution documents (``pick_execution`` checks that): in a civil
judgment 尚欠借款 is the debt in dispute.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from assist.document import Document, ExecutionOutcome, Sections
from assist.extract.amounts import find_amounts
from assist.text.normalize import Text

# 终结本院（2021）闽0203执7001号案件的本次执行程序 / …刑事判决中罚金部分的执行: a case named
# between 终结 and 执行.
_CASE_REF = (
    r"(?:本院)?\(\s*(?:19|20)\d{2}\s*\)[^()。;\n]{1,30}?号"
    r"(?:案件?|[^。;,\n]{0,24}?(?:判决书?|裁定书?|调解书|决定书?))?(?:[^。;,\n]{0,16}?部分)?的?"
)
_TERMINATED = re.compile(
    rf"终结本次执行程序|终结本次执行|终结(?:本案的?|{_CASE_REF})?(?:本次)?执行(?!异议|监督|复议)"
)
_TERMINATION_VETO = re.compile(r"恢复执行|不予终结|不应终结|申请终结|请求终结|要求终结|驳回")
_UNPAID = (
    r"尚欠|下欠|仍欠|还欠|尚余|余欠|剩余|尚有|仍有|欠缴|未能?执行(?:到位)?|未到位|未履行|未缴纳|"
    r"未交纳|未缴|未支付|未清偿|尚未(?:履行|缴纳|交纳|执行|支付|清偿)"
)
_EXECUTED = (
    r"(?<![未没能])(?:执行到位|实际到位|实际执行|执行回款|"
    r"已(?:经)?(?:被)?(?:强制)?(?:执行到位|执行|履行|缴纳|交纳|缴|交|退缴|退赔|退赃|扣划|划扣|"
    r"划拨|支付|给付|清偿|到位)|(?:缴纳|交纳|履行|支付|给付|清偿|偿还|归还)了|扣划|划扣|划拨"
    # 被执行人缴纳罚金5000元 — a bare 缴纳 is past, unless ordered or negated (应缴纳, 责令缴纳).
    r"|(?<![应需须未没尚欠拒不令限能可当要])(?P<bare>缴纳|交纳))"
)
_CUE = re.compile(rf"(?P<unpaid>{_UNPAID})|(?P<executed>{_EXECUTED})")
# A word right after the sum: 罚金5000元已缴纳 / 8000元尚未缴纳 / 3000元未执行到位.
_AFTER = re.compile(
    r"[^。;,\n未没]{0,3}?(?:(?P<unpaid>(?:尚|仍)?(?:未|没有)能?(?:全部)?(?:执行到位|履行|缴纳|交纳|缴|"
    r"执行|到位|支付|清偿|付|还))|(?P<executed>(?:已(?:于[^。;,\n]{0,12}?)?(?:全部)?(?:执行到位|履行|"
    r"缴纳|交纳|缴清|缴|到位|执行|支付|清偿))|执行到位))"
)
# Between a cue and its sum: a judgment's own order (判决确定的, 应缴纳) makes the sum the amount owed;
# 未缴出资 is a shareholder's unpaid capital (追加被执行人), not an execution outcome.
_OWED_GAP = re.compile(r"判|裁定|确定|应|义务|出资|注册资本")
# Before a bare 缴纳 in its clause: an order (责令被执行人缴纳罚金…), not a payment.
_ORDERED = re.compile(r"责令|判令|判处|并处|应|需|须|限|要求|决定|通知")
_PAID_IN_FULL = re.compile(
    r"(?<![未没尚不])(?:已)?(?:全部)?(?:执行完毕|履行完毕|缴纳完毕|交纳完毕|缴清|交清|执行完结|"
    r"履行完结|全部履行|全部缴纳|全部交纳)"
)
_FULL_VETO = re.compile(r"未|没|不|无法|无力|刑期|徒刑|拘役|管制|剥夺政治权利")
_CLAUSE_MARKS = "。;,\n:"
# 实际执行到位金额：48,000元 — a sum right after a colon takes its cue from the label before it.
_LABEL_GAP = re.compile(r"\s?(?:人民币)?\s?")
# A party's statement (徐某称，… / 异议人主张…): its sums are claims, not the court's account.
_STATEMENT = re.compile(
    r"(?P<who>[^。\n,:;]{1,30}?)(?<![所的])(?:辩称|答辩称|述称|诉称|申请称|异议称|复议称|称|主张)[:,]"
)
_COURT_WORDS = re.compile(r"本院|法院|经查|查明|认为")
_LOOK_BACK = 20  # chars before a sum searched for its cue
_MAX_GAP = 12  # chars allowed between a cue and its sum
_MAX_EVIDENCE = 200
_EXECUTION_TYPES = frozenset({"刑更", "刑执"})
_COMMUTATION_WORDS = re.compile(r"减\s*刑|假\s*释")
_PROPERTY_WORDS = re.compile(r"财产性判项|罚金|没收|追缴|退赔|退赃|赔偿")
_NOTICE_HEAD = re.compile(r"结\s*案\s*通\s*知|执\s*行\s*(?:裁\s*定|决\s*定|通\s*知)")

Piece = tuple[int, int]


def find_execution_outcome(
    t: Text,
    doc_sections_decision: tuple[int, int] | None = None,
    statements: Sequence[Piece] = (),
) -> ExecutionOutcome | None:
    """The outcome an execution document states, or None when it states none; sums and
    paid-in-full words inside ``statements`` (the parties' claims) do not count."""
    terminated = _termination(t, doc_sections_decision)
    sums = _first_sums(t, statements)
    executed, executed_span = sums.get("executed", (None, None))
    unpaid, unpaid_span = sums.get("unpaid", (None, None))
    full = _paid_in_full(t.norm, statements) if unpaid is None else None
    if full is not None:
        unpaid, unpaid_span = Decimal("0.00"), full
    spans = [s for s in (executed_span, unpaid_span) if s is not None]
    if terminated is None and not spans:
        return None
    start, end = _evidence(spans, terminated)
    return ExecutionOutcome(
        terminated=terminated is not None, executed=executed, unpaid=unpaid, start=start, end=end
    )


def pick_execution(t: Text, doc: Document) -> ExecutionOutcome | None:
    """The outcome for documents it applies to: execution cases, 减刑/假释 rulings, 执行 notices."""
    if not is_execution_document(t, doc):
        return None
    return find_execution_outcome(t, doc.sections.decision, party_statements(t.norm, doc.sections))


def party_statements(norm: str, sections: Sections) -> list[Piece]:
    """The parties' own words: the claims and defence sections, and paragraphs opening with a
    speaker (徐某称，… / 某某小贷公司称，…) up to the next line or the next court section."""
    found = [span for span in (sections.claims, sections.defense) if span is not None]
    court = sorted(
        span[0] for span in (sections.findings, sections.reasoning, sections.decision) if span
    )
    lo = sections.history[1] if sections.history else 0
    hi = court[-1] if court else len(norm)  # up to the operative part
    for m in _STATEMENT.finditer(norm, lo, hi):
        if not _at_sentence_start(norm, m.start()) or _COURT_WORDS.search(m.group("who")):
            continue
        end = norm.find("\n", m.end())
        stops = [c for c in court if c > m.start()] + [end if end >= 0 else len(norm)]
        found.append((m.start(), min(stops)))
    return found


def _at_sentence_start(norm: str, pos: int) -> bool:
    before = norm[max(0, pos - 4) : pos].rstrip(" \u3000")
    return not before or before[-1] in "。\n"


def is_execution_document(t: Text, doc: Document) -> bool:
    """执 cases; 刑更/刑执 or 减刑/假释 rulings that mention a 财产性判项; 执行 notices."""
    number = doc.case_number
    if number is not None and number.case_type == "execution":
        return True
    head = t.norm[: doc.sections.header[1]] if doc.sections.header else t.norm[:200]
    commutation = (number is not None and number.type_code in _EXECUTION_TYPES) or (
        doc.doc_kind == "ruling" and _COMMUTATION_WORDS.search(head) is not None
    )
    if commutation:
        return _PROPERTY_WORDS.search(t.norm) is not None
    return number is None and _NOTICE_HEAD.search(head) is not None


def _termination(t: Text, decision: tuple[int, int] | None) -> Piece | None:
    lo, hi = decision if decision is not None else (0, len(t.norm))
    for m in _TERMINATED.finditer(t.norm, lo, hi):
        sentence = _sentence(t.norm, m.start(), m.end())
        if not _TERMINATION_VETO.search(t.norm, *sentence):
            return m.span()
    return None


def _paid_in_full(norm: str, statements: Sequence[Piece]) -> Piece | None:
    """执行完毕 / 已全部履行 not negated (未能全部履行) and not about a prison term (刑期执行完毕)."""
    for m in _PAID_IN_FULL.finditer(norm):
        if _within(m.start(), statements):
            continue
        lo = max(norm.rfind(ch, 0, m.start()) for ch in _CLAUSE_MARKS) + 1
        if not _FULL_VETO.search(norm, max(lo, m.start() - 12), m.start()):
            return m.span()
    return None


def _first_sums(t: Text, statements: Sequence[Piece]) -> dict[str, tuple[Decimal, Piece]]:
    """The first executed and the first unpaid sum, each with its cue-to-sum span."""
    found: dict[str, tuple[Decimal, Piece]] = {}
    for amount in find_amounts(t):
        if _within(amount.start, statements):
            continue
        got = _classify(t.norm, amount.start, amount.end)
        if got is not None and got[0] not in found:
            found[got[0]] = (amount.value, got[1])
            if len(found) == 2:
                break
    return found


def _classify(norm: str, start: int, end: int) -> tuple[str, Piece] | None:
    after = _AFTER.match(norm, end, min(len(norm), end + 24))
    if after is not None:
        kind = "unpaid" if after.group("unpaid") else "executed"
        return kind, (start, after.end())
    lo = _clause_start(norm, start)
    if lo > 0 and norm[lo - 1] == ":" and _LABEL_GAP.fullmatch(norm, lo, start):
        lo = _clause_start(norm, lo - 1)  # 未执行到位金额：987,600元
    cues = list(_CUE.finditer(norm, lo, start))
    if not cues:
        return None
    cue = cues[-1]
    if cue.group("bare") and _ORDERED.search(norm, lo, cue.start()):
        return None
    gap = norm[cue.end() : start]
    if len(gap) > _MAX_GAP or _OWED_GAP.search(gap):
        return None
    return ("unpaid" if cue.group("unpaid") else "executed"), (cue.start(), end)


def _clause_start(norm: str, pos: int) -> int:
    lo = max(0, pos - _LOOK_BACK)
    return max([lo] + [norm.rfind(ch, lo, pos) + 1 for ch in _CLAUSE_MARKS])


def _within(pos: int, spans: Sequence[Piece]) -> bool:
    return any(lo <= pos < hi for lo, hi in spans)


def _sentence(norm: str, start: int, end: int) -> Piece:
    lo = max(norm.rfind(ch, 0, start) for ch in "。\n;") + 1
    stops = [i for i in (norm.find(ch, end) for ch in "。\n;") if i >= 0]
    return lo, min(stops) if stops else len(norm)


def _evidence(sums: list[Piece], terminated: Piece | None) -> Piece:
    """One span: the sums and the termination together when close, else the sums alone."""
    pieces = [*sums, *([terminated] if terminated is not None else [])]
    start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
    if end - start > _MAX_EVIDENCE and sums:
        start, end = min(p[0] for p in sums), max(p[1] for p in sums)
        if end - start > _MAX_EVIDENCE:
            start, end = sums[0]
    return start, end
