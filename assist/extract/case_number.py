"""Case numbers (案号): every court case number in a text, the document's own one, cited ones.

Shapes handled (all on normalised text, so full-width brackets, 〔〕 and traditional forms are
already unified): ``(2015)金民初字第01022号``, ``(2021)豫0927民初89号``, ``(2016)最高法民申3081号``,
``(2012)刑监字第182-1号``, ``(2016)粤0304民初18775-18776号之一``, ``(2014)粤高法刑一终字第95号``,
stray spaces anywhere, Chinese years ``(二〇一五)``, ``(2013年)``, ``[2011]``/【】/﹝﹞ brackets.
A match counts as a court case number only when its letters end in a known type code
(``assist/data/case_types.tsv``) or follow the post-2016 ``省简称+digits`` court code; notary,
appraisal, arbitration and agency numbers are left to ``find_document_numbers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, lru_cache
from typing import cast

from assist.data import tsv_rows
from assist.document import CaseNumber, CaseType, CitedCase, Relation, Stage
from assist.extract.furniture import doc_start, in_document
from assist.text.normalize import Text, make_text

_CJK = "\u4e00-\u9fff"
_OPEN = r"[(\[【﹝]"
_CLOSE = r"[)\]】﹞]"
_YEAR = r"(?P<year>[12][0-9]{3}|[一二][〇零O0Оo][〇零O0Ооo一二三四五六七八九]{2})"
# A division's subject in brackets inside the letters (沪一中民二(民)终字, 二中民(商)终字,
# 浦民一(民)初字: Shanghai and Beijing before 2016); letters must follow it, so a parenthetical
# after the number or another number's year is never part of the letters.
_SUBJECT = rf"\( *[{_CJK}]{{1,2}} *\)(?= *[{_CJK}])"
_CASE = re.compile(
    rf"{_OPEN} *{_YEAR} *(?:年 *)?{_CLOSE} *"
    rf"(?P<body>[{_CJK}0-9](?: *(?:[{_CJK}0-9]|{_SUBJECT})){{0,15}}?) *(?P<zi>字 *)?(?P<di>第 *)?"
    r"(?P<seq>[0-9]+)(?: *- *(?P<seq2>[0-9]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+))? *号"
    r"(?P<zhi> *之 *[一二三四五六七八九十]+)?"
)
# Numbers of other bodies: 津宝检刑诉[2011]418号, 通县国土资处字[2014]第51号,
# 张仲(2011)民调字第34号, 金检民(行)建(2020)3号.
_DOCUMENT = re.compile(
    rf"(?P<prefix>[{_CJK}]{{0,16}}(?:\([{_CJK}]\)[{_CJK}]{{1,3}})?) *"
    rf"(?P<open>{_OPEN}) *{_YEAR} *{_CLOSE} *"
    rf"(?P<body>[{_CJK}]{{0,6}}?) *(?:第 *)?(?P<seq>[0-9]+) *号"
)
# The part of _DOCUMENT from the bracket on: brackets are rare, CJK runs are not, so matches
# are found from here and the issuer's prefix (at most 22 characters, then blanks) after.
_DOCUMENT_TAIL = re.compile(rf"{_OPEN} *{_YEAR} *{_CLOSE} *[{_CJK}]{{0,6}}? *(?:第 *)?[0-9]+ *号")
_SUBJECT_PART = re.compile(r"\([^()]*\)")
_PREFIX_MAX = 22
_DIVISION = "一二三四五六七八九十"
_YEAR_DIGITS = {"〇": "0", "零": "0", "O": "0", "0": "0", "О": "0", "о": "0", "o": "0"}
_YEAR_DIGITS.update({ch: str(i) for i, ch in enumerate("一二三四五六七八九", start=1)})
_POST_2016 = re.compile(r"(?P<abbr>[^0-9]*)(?P<digits>[0-9]{1,6})(?P<type>[^0-9]+)")
# Words that end the prefix of another body's number (…检察院以津宝检刑诉 → 津宝检刑诉).
_PREFIX_BREAK = re.compile(
    r".*(?:[以出的据照经了在于对向将按即与及和或等见系是为被由从凭具称书]|执行|申请"
    r"|[院局]|中心|委员会|公司|大队|所(?=.))"
)
# Instruments counted as cited cases on request: 起诉书/检察建议 numbers and arbitration awards.
_CITABLE_DOCUMENT = re.compile(r"检[^鉴验疫测]{0,6}?[诉建监抗捕侦]|仲(?!介)")

# Header zone: from the header block (below site furniture) to the first sentence end or the
# first party label of the party block.
# (The lookahead on the labels' first characters spares the regex most positions.)
_PARTY_LABEL = re.compile(
    r"(?=[原一二被第上再申复异案公抗罪自附赔起当])(?:^|(?<=[\n 号书:]))(?:原审|一审|二审)?"
    r"(?:原告|被告人?|第三人|被上诉人|上诉人|再审申请人|申请再审人|申诉人|被申请执行人|被申请人"
    r"|申请执行人|复议申请人|申请人|被执行人|异议人|案外人|原公诉机关|公诉机关|抗诉机关|罪犯"
    r"|公益诉讼起诉人|自诉人|附带民事诉讼原告人|赔偿请求人|赔偿义务机关|起诉人|被处罚人|当事人)",
    re.MULTILINE,
)
_TITLE_TAIL = re.compile(r"[^,:;。\n]{0,60}?书")
_HEADER_CAP = 2000

# Context that marks a number as cited, not as the document's own.
_CITING_BEFORE = re.compile(
    r"(?:作出|以|不服|依据|根据|依照|按照|参照|经|撤销|维持|载明|送达|执行依据|即|见|与|及|和|、|被)"
    r"[^书\n]{0,8}$"
)
_CITING_AFTER = re.compile(
    r" *(?:刑事附带民事|附带民事|民事|刑事|行政|执行|国家赔偿)*"
    r"(?:判决|裁定|调解|决定|通知|裁决|起诉|案|一案|等|文书|协助|支付令|复函|批复|、|和|及|与)"
)
_KIND_AFTER = re.compile(
    r" *(?:刑事附带民事|附带民事|民事|刑事|行政|执行)?(?P<kind>判决|裁定|调解|决定)"
)
_SENTENCE_END = re.compile(r"[。;\n]")
_EXECUTED = re.compile(r"执行依据|申请(?:强制)?执行")
_EXECUTING = re.compile(r"执行[^,。]{0,4}$")  # 在依法执行(2011)…号调解书过程中
_COMMUTED = re.compile(r"减为|减去|减刑|假释")
_APPEALED_BEFORE = re.compile(r"不服[^,。;]{0,40}$")  # 上诉人甲不服乙法院(2016)…号判决
_APPEAL_AFTER = re.compile(
    r"不服[^。;]{0,20}(?:上诉|申请再审)|(?:提起|提出)上诉|上诉(?:于|至)|(?<!驳回)申请再审"
)
_FIRST = frozenset({"first_instance"})
_REVIEWED = frozenset({"first_instance", "second_instance"})


@cache
def case_types() -> dict[str, tuple[CaseType, Stage]]:
    """type code → (case_type, stage), from ``assist/data/case_types.tsv``."""
    table: dict[str, tuple[CaseType, Stage]] = {}
    for code, case_type, stage, _name in tsv_rows("case_types.tsv"):
        table[code] = (cast(CaseType, case_type), cast(Stage, stage))
    return table


@cache
def _type_suffix() -> re.Pattern[str]:
    """The longest known type code at the end of the letters, a division numeral allowed."""
    parts = []
    for code in sorted(case_types(), key=len, reverse=True):
        div = f"[{_DIVISION}]?" if len(code) > 1 else ""
        parts.append(re.escape(code[0]) + div + re.escape(code[1:]))
    return re.compile(f"(?:{'|'.join(parts)})$")


@cache
def _type_chars() -> frozenset[str]:
    return frozenset("".join(case_types()))


def _canonical(code: str) -> str:
    """刑一终 → 刑终: drop the division numeral after the first letter."""
    if code in case_types() or len(code) < 3 or code[1] not in _DIVISION:
        return code
    return code[0] + code[2:]


def _year(s: str) -> int | None:
    digits = "".join(_YEAR_DIGITS.get(ch, ch) for ch in s)
    year = int(digits) if digits.isdigit() else None
    return year if year is not None and 1949 <= year <= 2100 else None


def _split(letters: str, year: int, zi: bool) -> tuple[str | None, str | None, str] | None:
    """Letters → (court_abbr, court_code, type_code), or None when this is no court number."""
    m = _POST_2016.fullmatch(letters)
    if m is not None:
        code = _canonical(m["type"])
        known = code in case_types()
        if not known and (zi or len(code) < 2 or not set(code) <= _type_chars()):
            return None
        abbr = m["abbr"] or None
        return abbr, None if zi else m["abbr"] + m["digits"], code
    if any(ch.isdigit() for ch in letters):
        return None
    s = _type_suffix().search(letters)
    if s is None:
        return None
    abbr = letters[: s.start()] or None
    court_code = abbr if abbr is not None and year >= 2016 and not zi else None
    return abbr, court_code, _canonical(s.group())


def _seq_parts(seq: str, seq2: str | None, zhi: str | None) -> tuple[int | None, str | None]:
    """(seq_end, suffix): 18775-18776 is a range, 182-1 / 404-Ⅲ a suffix; 之一 is a suffix."""
    seq_end: int | None = None
    suffix: list[str] = []
    if seq2 is not None:
        if seq2.isdigit() and int(seq2) > int(seq):
            seq_end = int(seq2)
        else:
            suffix.append("-" + seq2)
    if zhi:
        suffix.append(zhi.replace(" ", ""))
    return seq_end, "".join(suffix) or None


def _from_match(t: Text, m: re.Match[str]) -> CaseNumber | None:
    year = _year(m["year"])
    if year is None:
        return None
    letters = m["body"].replace(" ", "")
    split = _split(_SUBJECT_PART.sub("", letters), year, m["zi"] is not None)
    if split is None:
        return None
    abbr, court_code, code = split
    seq2 = m["seq2"]
    seq_end, suffix = _seq_parts(m["seq"], seq2, m["zhi"])
    normalized = (
        f"({year}){letters}{'字' if m['zi'] else ''}{'第' if m['di'] else ''}{m['seq']}"
        f"{'-' + seq2 if seq2 else ''}号{(m['zhi'] or '').replace(' ', '')}"
    )
    case_type, stage = case_types().get(code, ("other", "other"))
    start, end = m.start(), m.end()
    return CaseNumber(
        raw=t.raw[start:end], normalized=normalized, year=year,
        court_abbr=abbr, type_code=code, seq=int(m["seq"]), case_type=case_type, stage=stage,
        start=start, end=end, court_code=court_code, seq_end=seq_end, suffix=suffix,
    )  # fmt: skip


def parse_case_number(raw: str, start: int = 0) -> CaseNumber | None:
    """Parse one case number written at the start of ``raw`` (normalised text); offsets + start."""
    t = make_text(raw)
    m = _CASE.match(t.norm)
    if m is None:
        return None
    cn = _from_match(t, m)
    return None if cn is None else replace(cn, start=cn.start + start, end=cn.end + start)


def find_case_numbers(t: Text) -> Iterator[CaseNumber]:
    """Every court case number in the text, in order; ``raw`` is ``t.raw[start:end]``."""
    yield from _case_numbers(t)


@lru_cache(maxsize=8)
def _case_numbers(t: Text) -> tuple[CaseNumber, ...]:
    """Several extractors ask for the numbers of the same text: found once."""
    found = (_from_match(t, m) for m in _CASE.finditer(t.norm))
    return tuple(cn for cn in found if cn is not None)


def _document_matches(s: str) -> Iterator[re.Match[str]]:
    """``_DOCUMENT.finditer(s)``, scanning from the bracketed years only.

    A match's prefix holds no bracketed year, so the leftmost match around a bracket starts
    at most ``_PREFIX_MAX`` characters (plus blanks) before it.
    """
    pos = 0
    for tail in _DOCUMENT_TAIL.finditer(s):
        at = tail.start()
        if at < pos:
            continue
        while at > pos and s[at - 1] == " ":
            at -= 1
        m = _DOCUMENT.search(s, max(pos, at - _PREFIX_MAX), tail.end())
        if m is not None:
            yield m
            pos = m.end()


def find_document_numbers(t: Text) -> Iterator[CaseNumber]:
    """Numbers of procuratorate, arbitration and agency instruments (津宝检刑诉[2011]418号).

    ``court_abbr`` holds the issuer's prefix, ``type_code`` the letters after the year (or None);
    case_type and stage are ``other``. Court case numbers are not repeated here.
    """
    yield from _document_numbers(t)


@lru_cache(maxsize=8)
def _document_numbers(t: Text) -> tuple[CaseNumber, ...]:
    court_starts = {cn.start for cn in _case_numbers(t)}
    found: list[CaseNumber] = []
    for m in _document_matches(t.norm):
        year = _year(m["year"])
        if year is None or m.start("open") in court_starts:
            continue
        cut = _PREFIX_BREAK.match(m["prefix"])
        start = m.start() + (cut.end() if cut else 0)
        prefix = t.norm[start : m.end("prefix")].replace(" ", "")
        body = m["body"].replace(" ", "")
        if not prefix and not body:  # (2014)第6号: no issuer letters at all
            continue
        start = start if prefix else m.start("open")
        tail = t.norm[m.end("year") : m.end()].replace(" ", "").lstrip("年)]】﹞")
        found.append(CaseNumber(
            raw=t.raw[start : m.end()], normalized=f"{prefix}({year}){tail}", year=year,
            court_abbr=prefix or None, type_code=body or None, seq=int(m["seq"]),
            case_type="other", stage="other", start=start, end=m.end(),
        ))  # fmt: skip
    return tuple(found)


def header_start(t: Text) -> int:
    """Start of the header zone: the document's own header block, below any site furniture
    (breadcrumbs, editor's notes, sidebar lists of other cases); 0 when none is found."""
    return doc_start(t)


@lru_cache(maxsize=8)
def header_end(t: Text) -> int:
    """End of the header zone: the first sentence end or the first party label after its
    start, whichever first."""
    lo = header_start(t)
    end = min(len(t.norm), lo + _HEADER_CAP)
    period = t.norm.find("。", lo, end)
    if period >= 0:
        end = period
    for m in _PARTY_LABEL.finditer(t.norm, lo, end):
        if _TITLE_TAIL.match(t.norm, m.end()) is None:  # 原告甲诉被告乙…一案判决书 is a title
            return m.start()
    return end


def number_at(t: Text, pos: int) -> bool:
    """Whether a court case number or another body's document number starts at ``pos``."""
    if _CASE.match(t.norm, pos):
        return True
    m = _DOCUMENT.match(t.norm, pos)
    return m is not None and _PREFIX_BREAK.match(m["prefix"]) is None


def party_label_at(t: Text, pos: int) -> bool:
    """Whether a party-block label (原告, 被告人, 申请执行人 …) starts at ``pos``."""
    return _PARTY_LABEL.match(t.norm, pos) is not None


def _is_cited(t: Text, start: int, end: int) -> bool:
    line_start = t.norm.rfind("\n", 0, start) + 1
    before = t.norm[max(line_start, start - 14) : start]
    return bool(_CITING_BEFORE.search(before) or _CITING_AFTER.match(t.norm, end))


def pick_own_case_number(t: Text) -> CaseNumber | None:
    """The document's own number: the first one in the header zone that is not cited there.

    Documents of procuratorates and agencies (起诉书, 检察建议书, 行政处罚决定书) carry their
    own instrument number instead; it is used when the header has no court case number. A
    header block without a number of its own falls back to the numbers above it.
    """
    end = header_end(t)
    starts = (header_start(t), 0) if header_start(t) > 0 else (0,)
    for lo in starts:
        for numbers in (find_case_numbers(t), find_document_numbers(t)):
            for cn in numbers:
                if cn.start >= end:
                    break
                if cn.start >= lo and not _is_cited(t, cn.start, cn.end):
                    return cn
    return None


def _sentence(t: Text, start: int, end: int) -> tuple[str, str]:
    """The sentence around a mention, split into the part before and the part after it."""
    lo = max(start - 80, 0)
    cut = [m.end() for m in _SENTENCE_END.finditer(t.norm, lo, start)]
    stop = _SENTENCE_END.search(t.norm, end, end + 80)
    return t.norm[cut[-1] if cut else lo : start], t.norm[end : stop.start() if stop else end + 80]


def _relation(
    t: Text, cn: CaseNumber, own: CaseNumber | None, commutation_doc: bool, first_judgment: bool
) -> Relation:
    before, after = _sentence(t, cn.start, cn.end)
    kind = _KIND_AFTER.match(after)
    if cn.type_code in ("刑更", "刑执"):
        return "commutation"
    if commutation_doc and kind is not None:
        if kind["kind"] == "判决" and first_judgment:
            return "original_judgment"
        if kind["kind"] == "裁定" and _COMMUTED.search(after):
            return "commutation"
    if cn.case_type != "execution" and (
        _EXECUTED.search(before + after) or _EXECUTING.search(before)
    ):
        return "executed_judgment"
    if own is not None and own.case_type == "execution" and cn.case_type != "execution":
        return "executed_judgment" if kind is not None else "related"
    if _APPEALED_BEFORE.search(before) or _APPEAL_AFTER.search(after):
        return "prior_instance"
    if own is not None and _reviews(own, cn):
        return "prior_instance"
    return "related"


def _reviews(own: CaseNumber, cn: CaseNumber) -> bool:
    """Whether own's proceeding reviews cn's (appeal of a first instance, retrial, 执复 of 执异)."""
    if own.case_type != cn.case_type or cn.stage is None:
        return False
    if own.stage == "second_instance":
        return cn.stage in _FIRST
    if own.stage in ("retrial_review", "retrial"):
        return cn.stage in _REVIEWED
    return (own.type_code, cn.type_code) in {("执复", "执异"), ("行审复", "行审")}


def _key(cn: CaseNumber) -> str:
    """Identity of a number: another body's prefix varies between mentions (仲裁/张仲(2011)…)."""
    return (
        cn.normalized if cn.type_code in case_types() else cn.normalized[cn.normalized.find("(") :]
    )


def find_cited_cases(
    t: Text, own: CaseNumber | None, *, documents: bool = True
) -> Iterator[CitedCase]:
    """Every other case number, once (at its first mention), with its relation to this case.

    The relation is the first one that any mention of the number states (a number may be named
    plainly first and as the judgment appealed later). With ``documents`` (the default) the
    procuratorate's instrument numbers (起诉书 津宝检刑诉[2011]418号) count as related cases,
    and an arbitral award or mediation counts when it is the instrument being executed;
    agency decisions, notary and appraisal numbers never do.
    """
    if own is not None:
        commutation_doc = own.type_code in ("刑更", "刑执")
    else:
        commutation_doc = _COMMUTED.search(t.norm, 0, 300) is not None
    numbers = list(find_case_numbers(t))
    if documents:
        numbers += [d for d in find_document_numbers(t) if _citable(d) is not None]
        numbers.sort(key=lambda cn: cn.start)
    mentions: dict[str, list[CaseNumber]] = {}
    for cn in numbers:
        if not in_document(t, cn.start):
            continue  # a sidebar or 上一篇/下一篇 link of the page names another case
        if own is None or (_key(cn) != _key(own) and cn.start != own.start):
            mentions.setdefault(_key(cn), []).append(cn)
    first_judgment = True
    for group in mentions.values():
        relation: Relation = "related"
        for cn in group:
            relation = _relation(t, cn, own, commutation_doc, first_judgment)
            if relation != "related":
                break
        if _citable(group[0]) == "仲" and relation != "executed_judgment":
            continue
        first_judgment = first_judgment and relation != "original_judgment"
        yield CitedCase(
            case_number=group[0], relation=relation, start=group[0].start, end=group[0].end
        )


def _citable(cn: CaseNumber) -> str | None:
    """检 for a procuratorate instrument, 仲 for an arbitral one, None for anything else."""
    if cn.type_code in case_types():
        return None
    m = _CITABLE_DOCUMENT.search((cn.court_abbr or "") + (cn.type_code or ""))
    return None if m is None else m.group()[0]
