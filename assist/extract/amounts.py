"""Sums of money in yuan: 82600元, 8.26万元, 人民币伍万元整, 壹拾贰万叁仟肆佰伍拾陆元柒角捌分.

Every match is a number written in Arabic or Chinese (小写 or 大写) numerals followed by 元/圆
(with optional 角/分, 整, a leading 人民币/￥ and 余/多 for approximate sums: 3万余元 is
30000.00, the raw text keeps the 余); after ￥/¥/RMB the 元 may be left out (（￥123,456.70）), and
a Chinese numeral may run across a hard line wrap. Foreign currencies (美元, 港元 …) never match
because their currency word sits between the number and 元; 港币/美金 written before a number
are skipped. Vague quantities (数万元, 几十万元, 一两千元, 上千元) are not amounts.

``kind`` comes from the nearest keyword before the amount in the same sentence (then a
keyword right after it): 罚金 → fine, 受理费 → fee, 本金/借款 → principal, 利息 → interest,
赔偿/损失/违约金 → compensation (违约金 is damages for breach, not interest), …; 价值/价格
reset to other, and so does a 共计/合计 total of sums of several kinds (本金…及利息…，共计…; the
total's own clause when it names kinds: …本金3000000元，支付利息、罚息、复利合计86742.35元 is
interest). A charge's base (以386,540元为基数) keeps the kind of the debt (principal), and the
words of a base (以欠付物业费为基数) say nothing of the sums after it.
A payment or balance clause (已执行到位5000元) after a debt of several kinds (货款…及利息) is other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from assist.document import Amount, AmountKind
from assist.text.normalize import Text, normalize
from assist.text.numerals import CN_DIGITS, parse_number

CENT = Decimal("0.01")

_DIGIT = "一二三四五六七八九两壹贰叁肆伍陆柒捌玖"  # non-zero Chinese digits
_CN_ALL = _DIGIT + "〇零十拾百佰千仟万萬亿点"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
# (?=[…]): the characters a sum can start with, checked before the alternations (faster).
_MONEY_RE = re.compile(
    rf"(?=[人R￥¥ 0-9{_DIGIT}十拾])"
    r"(?P<cur>人民币|(?P<sym>RMB|[￥¥]))? ?"
    r"(?P<num>"
    r"(?<![0-9.])(?P<split>[0-9]{2,}\. *\n *[0-9]{1,2}(?= ?[元圆]))"  # 2542.⏎80元: a broken decimal
    rf"|(?<![0-9.])(?:{_ARABIC})(?:[十拾百佰千仟万萬亿][0-9{_CN_ALL}]*)?"
    # a Chinese numeral may run across a hard line wrap (十二⏎万元)
    rf"|(?<![{_CN_ALL}几数上好成余多])[{_DIGIT}十拾](?:[{_CN_ALL}]|[ \t]*\n[ \t]*(?=[{_CN_ALL}]))*"
    r")"
    r"(?P<approx>[余多](?P<big>[万亿]?))?"
    r"(?: ?(?P<yuan>[元圆])(?![旦素宵帅件器化朝代桥里区县乡镇村路街])"
    rf"(?:(?P<jiao>[0-9{_DIGIT}])角)?(?:零?(?P<fen>[0-9{_DIGIT}])分(?![息利]))?"
    rf"(?P<tail>整|正(?![\u4e00-\u9fff])|人民币(?![0-9{_DIGIT}]))?"
    r"|(?<=[万亿])(?=[,，。;；、)）( ]|$)"  # 人民币10万 (no 元) only after 人民币/￥
    r"|(?(sym)(?<=[0-9])(?![0-9])|(?!)))"  # (¥123,456.70): the sign stands for 元
)
_FOREIGN_BEFORE_RE = re.compile(r"(?:港币|美金|美元|欧元|日元|英镑|外币)$")
_TWO_DIGITS_RE = re.compile(f"[{_DIGIT}]{{2}}")  # 三四万, 一两千: ranges, not sums

# Keyword → kind; the alternation lists longer words first so 本息 beats 息 and 退赔 beats 赔.
_KINDS: tuple[tuple[AmountKind, str], ...] = (
    (
        "other",
        "本息|价值|价格|价款|售价|单价|总价|净值|现值|市值|评估值|估值|标准|工资|报酬|收入|保证金|押金|"
        "租金|保险金额|注册资本|"
        "骗取|窃取|盗窃|盗走|抢劫|抢走|侵占|挪用|贪污|受贿|索取|收受|毒资|透支|虚开",
    ),
    ("fine", "罚金|罚款"),
    ("recovery", "追缴|退赔|退赃|退缴|违法所得|非法所得|犯罪所得|赃款"),
    ("confiscation", "没收"),
    (
        "fee",
        "受理费|诉讼费|保全费|公告费|鉴定费|评估费|反诉费|申请费|执行费|审计费|律师费|"
        "代理费|保函费|邮寄费",
    ),
    ("interest", "逾期利息|利息|罚息|复利|付息|结息|贷款市场报价利率|贷款利率|利率"),
    (
        "compensation",
        "赔偿|损失|医疗费|护理费|误工费|营养费|交通费|丧葬费|抚慰金|抚养费|赡养费|扶养费|"
        "生活费|违约金|滞纳金|补偿|伙食补助费|施救费",
    ),
    ("principal", "本金|借款|借到|借给|欠款|尚欠|货款|工程款|贷款|借|欠"),
)
_KIND_OF = {word: kind for kind, words in _KINDS for word in words.split("|")}
_KEYWORD_RE = re.compile("|".join(sorted(_KIND_OF, key=len, reverse=True)))
_AFTER_RE = re.compile(r"的(?:" + _KEYWORD_RE.pattern + ")|罚款|罚金|借款|欠款|货款")
_RESTATED_RE = re.compile(r"[元整正][。.]?[(（][￥¥:： ]*$")
_TOTAL_RE = re.compile(r"(?:共计|合计|总计|总共|累计|共)[为:：]?(?:人民币)? ?$")
_SENTENCE_END = "。；;\n!?！？"
# A clause that reports what was paid or is still owed (已执行到位5000元, 尚有205000元未执行到位)
# without a keyword of its own takes the kind of the debt named before it — none when that debt
# joins several kinds (货款210000元及利息): the sum is paid toward, or left of, the whole.
_OUTCOME_RE = re.compile(
    r"执行到位|已(?:经)?(?:被)?(?:执行|履行|支付|给付|偿还|归还|清偿|缴纳|交纳|退赔|退缴)|扣划|划扣|划拨|"
    r"尚有|尚余|剩余|未执行|未履行|未支付|未缴纳"
)
_JOINED_RE = re.compile(r"及|和|以及|并")
# 以386,540元为基数 / 以欠付物业费为计算基数: the base a charge (利息, 违约金) is computed on.
_BASE_AFTER_RE = re.compile(r" ?(?:人民币)?为(?:计算)?基数")
_BASE_RE = re.compile(r"以(?:[^。;,()]|(?<=[0-9]),(?=[0-9])){0,40}?为(?:计算)?基数")
_CLAUSE_MARK_RE = re.compile(r"，|(?<![0-9]),|,(?![0-9])")  # not the comma of 386,540
_BASE_END_RE = re.compile(r"^[^以]*?为(?:计算)?基数")
_CLAUSE_RE = re.compile(r"[,，]")
_LOOKBACK = 80  # chars; the sentence start cuts it shorter


def find_amounts(t: Text, start: int = 0, end: int | None = None) -> Iterator[Amount]:
    """Every sum of money in ``t`` (optionally only within ``start:end``), in text order."""
    stop = len(t.norm) if end is None else end
    for m in _MONEY_RE.finditer(t.norm, start, stop):
        value = _value(m, t.norm)
        if value is None:
            continue
        yield Amount(
            value=value,
            raw=t.raw[m.start() : m.end()],
            kind=amount_kind(t.norm, m.start(), m.end()),
            start=m.start(),
            end=m.end(),
        )


def parse_money(s: str) -> Decimal | None:
    """The value of one written sum (``人民币伍万元整`` → 50000.00); None if ``s`` is not one."""
    norm = normalize(s.strip())
    m = _MONEY_RE.fullmatch(norm)
    return None if m is None else _value(m, norm)


def amount_kind(norm: str, start: int, end: int) -> AmountKind:
    """The kind of the amount at ``norm[start:end]`` from the words around it."""
    window = norm[max(0, start - _LOOKBACK) : start]
    window = window[max(map(window.rfind, _SENTENCE_END)) + 1 :]
    if _BASE_AFTER_RE.match(norm, end):
        return _base_kind(window)
    window = _without_bases(window)
    if _whole_debt_paid(window):
        return "other"
    words = _KEYWORD_RE.findall(window)
    if words:
        if _TOTAL_RE.search(window) and _several_kinds(window, words):
            return "other"  # 本金…及利息…，共计…: a total of several kinds
        return _KIND_OF[words[-1]]
    restated = _RESTATED_RE.search(norm, max(0, start - 6), start)
    if restated:  # 柒万元整。(￥70000元): the kind of the sum it restates
        return amount_kind(norm, restated.start(), restated.start())
    after = _AFTER_RE.match(norm, end, min(len(norm), end + 6))
    return _KIND_OF[after.group().lstrip("的")] if after else "other"


def _base_kind(window: str) -> AmountKind:
    """逾期付款损失（以386,540元为基数…: the sum is the base a charge is computed on, the debt
    itself — the kind a word between 以 and the sum names (以欠付租金12000元为基数), else
    principal when the charge is named before."""
    clause = _CLAUSE_MARK_RE.split(window)[-1]
    lead = clause[clause.rfind("以") + 1 :] if "以" in clause else ""
    words = _KEYWORD_RE.findall(lead)
    if words:
        return _KIND_OF[words[-1]]
    return "principal" if _KEYWORD_RE.search(window) else "other"  # no charge named: unknown


def _without_bases(window: str) -> str:
    """The window without the bases of charges (滞纳金（以欠付物业费为基数，…为9845.66元）: 欠付
    names the base, not the sum); a base whose 以 lies before the window cuts the window."""
    window = _BASE_RE.sub("", window)
    cut = _BASE_END_RE.search(window)
    return window[cut.end() :] if cut else window


def _several_kinds(window: str, words: list[str]) -> bool:
    """Whether a total joins several kinds. A list of its own after the last sum before it
    (本金3000000元，支付利息、罚息、复利合计…; 本金150000元及利息、罚息共计…) tells; a single
    word there (本金10万元及利息共计12万元) or none (本金…、利息…，共计…) does not: the kinds of
    the whole window do."""
    clause = _CLAUSE_MARK_RE.split(window)[-1]
    own = _KEYWORD_RE.findall(clause[clause.rfind("元") + 1 :])
    return len({_KIND_OF[w] for w in (own if len(own) > 1 else words)}) > 1


def _whole_debt_paid(window: str) -> bool:
    """The sum's clause reports a payment or balance with no keyword, and the nearest clause
    before it with keywords joins several kinds (货款…及利息，已执行到位5000元)."""
    clauses = _CLAUSE_RE.split(window)
    if _KEYWORD_RE.search(clauses[-1]) or not _OUTCOME_RE.search(clauses[-1]):
        return False
    for clause in reversed(clauses[:-1]):
        words = _KEYWORD_RE.findall(clause)
        if words:
            kinds = {_KIND_OF[w] for w in words}
            return len(kinds) > 1 and _JOINED_RE.search(clause) is not None
    return False


def _value(m: re.Match[str], norm: str) -> Decimal | None:
    """The exact value of a regex match, or None when it is not a sum of money."""
    num = m.group("num")
    if m.group("yuan") is None and not (
        (m.group("cur") and num[-1] in "万亿") or (m.group("sym") and num[-1].isdigit())
    ):
        return None  # a bare 10万 counts only after 人民币/￥, a bare 123.70 only after ¥
    if _FOREIGN_BEFORE_RE.search(norm, max(0, m.start() - 3), m.start()):
        return None
    num = re.sub(r"\s+", "", num)  # 2542.⏎80元, 十二⏎万元: a hard line wrap
    if not m.group("split") and not num[0].isascii() and _TWO_DIGITS_RE.search(num):
        return None
    if num.endswith("点"):
        return None
    value = _number(num)
    if value is None:
        return None
    if m.group("big"):
        value *= 10_000 if m.group("big") == "万" else 100_000_000
    if _looks_like_year(m, num):
        return None
    value += _digit(m.group("jiao")) * Decimal("0.1") + _digit(m.group("fen")) * CENT
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=4096)  # sums recur within and across documents; Decimal is immutable
def _number(num: str) -> Decimal | None:
    return parse_number(num)


def _looks_like_year(m: re.Match[str], num: str) -> bool:
    """2015元月 (a typo for 2015年元月) is a date, not 2015 yuan."""
    following = m.string[m.end() : m.end() + 1]
    return following == "月" and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099


def _digit(ch: str | None) -> Decimal:
    if ch is None:
        return Decimal(0)
    return Decimal(int(ch)) if ch.isascii() else Decimal(CN_DIGITS[ch])
