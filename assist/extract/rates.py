"""Interest rates, normalised to an annual percentage: 月利率2% → 24.00, 日万分之五 → 18.25.

Forms (matched on ``t.norm``):
- period + rate word + value: 月利率2%, 月息2分, 年息百分之二十四, 日利率0.05%, 月利率千分之五,
  月利率20‰, 月息1分5厘, 年化利率24%; a multiple of a stated number (年利率6%的四倍) is applied;
- period + value where the clause speaks of interest: 利息按每月3分, 按日万分之五计息, 12%/年;
- 分/厘 without a period are monthly by usage: 利息为2分, 2分利, 一分伍的利息.
A percentage without a period (利率为2%) is ambiguous and skipped, as are rates without a number
(银行同期贷款利率的四倍, 一年期贷款市场报价利率) and rates of 违约金/滞纳金 (a clause that speaks of
违约金 and not of 利息, or the terms of a 违约金 named earlier in the sentence: 违约金（以欠付租金
为基数，按年利率15.4%…）, …违约金标准明显过高，本院调整为按年利率15.4%计算).
Units: 分 is 1% a month (10% a year), 厘 a tenth of that, 毛 10% a month.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from assist.document import InterestRate
from assist.text.normalize import Text
from assist.text.numerals import parse_number

_CENT = Decimal("0.01")
_CN = "〇零一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾佰点"
_D1 = "一二三四五六七八九壹贰叁肆伍陆柒捌玖"  # one non-zero Chinese digit
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_PCT = rf"(?P<pct>{_NUM}) ?%|百分之(?P<pctcn>[{_CN}]+|{_NUM})"
_FRACTION = rf"(?P<pm>{_NUM}) ?‰|千分之(?P<pmcn>[{_CN}]+|{_NUM})|万分之(?P<pw>[{_CN}]+|{_NUM})"
_FEN = (
    rf"(?P<fen>{_NUM}|[{_D1}两俩])分"
    rf"(?:(?P<li>[0-9{_D1}])(?:厘|(?![0-9{_CN}万千元])))?"
    rf"|(?P<lionly>{_NUM}|[{_D1}])厘|(?P<mao>[0-9{_D1}])毛"
)
_MULT = r"(?:的)?(?P<mult>[一二三四两234])倍"
_VALUE = rf"(?:{_PCT}|{_FRACTION}|{_FEN})(?:{_MULT})?"
_NOT_AFTER_NUMBER = r"(?<![0-9〇零一二三四五六七八九十个])"
_CONNECT = r"(?:标准)?(?:均为|均按|为|是|按|约为|按照|计|:)? ?"

# (regex, needs an interest word in the clause, words one of which every match contains);
# each yields per/value groups. A pattern whose words the text lacks is not scanned, and a
# lookahead on the first characters speeds up the scans that remain.
_PATTERNS: tuple[tuple[re.Pattern[str], bool, tuple[str, ...]], ...] = (
    (  # 月利率2%, 月息2分, 年息百分之二十四, 日利率0.05%, 年化利率24%
        re.compile(
            rf"(?=[每月年日]){_NOT_AFTER_NUMBER}(?P<per>每月|每年|每日|每天|月|年化?|日)"
            rf"(?:利率|利息率|利息|息|利){_CONNECT}(?:{_VALUE})"
        ),
        False,
        ("%", "‰", "分", "厘", "毛"),
    ),
    (  # 利息按每月3分, 按日万分之五计息, 每元每月1分
        re.compile(
            rf"(?=[每按月年日]){_NOT_AFTER_NUMBER}(?P<per>每月|每年|每日|每天|按月|按年|按日|月|年|日)"
            rf"(?:按|为)? ?(?:{_VALUE})"
        ),
        True,
        ("%", "‰", "分", "厘", "毛"),
    ),
    (  # 利息为2分, 利率3分, 借款利息为1分二厘 (monthly by usage)
        re.compile(rf"(?:利率|利息|息|利)(?:为|是|按|约定为|约定|:)? ?(?<![0-9.])(?:{_FEN})"),
        False,
        ("分", "厘", "毛"),
    ),
    (  # 2分利, 一分伍的利息
        re.compile(rf"(?=[0-9{_D1}两俩])(?<![0-9.])(?:{_FEN})(?:的)?(?:利息|利|息)"),
        False,
        ("分", "厘", "毛"),
    ),
    (  # 2%的月息, 36%的年利率
        re.compile(
            rf"(?=[0-9百千万])(?<![0-9.])(?:{_PCT}|{_FRACTION})(?:的)?(?P<per>月|年|日)(?:利率|利息|息)"
        ),
        False,
        ("%", "‰", "分之"),
    ),
    (  # 年36%的利率
        re.compile(rf"(?=[年]){_NOT_AFTER_NUMBER}(?P<per>年)(?:{_PCT})(?:的)?利率"),
        False,
        ("利率",),
    ),
    (  # 12%/年
        re.compile(rf"(?=[0-9百千万])(?<![0-9.])(?:{_PCT}|{_FRACTION}) ?/ ?(?P<per>年|月|日)"),
        True,
        ("/",),
    ),
)
_CLAUSE_END = "，,。；;：:\n"
_INTEREST_WORD_RE = re.compile(r"利|息")
_OTHER_CHARGE_RE = re.compile(r"违约金|滞纳金|手续费|服务费|管理费|保证金")
_INTEREST_NOUN_RE = re.compile(r"利息|计息|付息|月息|年息|日息")
_INTEREST_SIDE_RE = re.compile(r"利息|计息|付息|月息|年息|日息|利率|借款|本金|罚息")
# After a 违约金 named earlier in the sentence: the court adjusting it, or its base (以…为基数).
_CHARGE_TERMS_RE = re.compile(r"调整|调减|调低|降低|酌定|酌减|过高|变更为|为(?:计算)?基数")
_CAP_BEFORE_RE = re.compile(r"超过|超出|高于|不超过|不得超过|上限|最高|保护|限额")
_CAP_AFTER_RE = re.compile(r"^(?:[^，,。；;]{0,4}(?:为限|部分|以内|上限|限度))")
_BENCHMARK_RE = re.compile(r"基准|同期|报价利率|LPR|人民银行|同类|贷款利率|银行")
_AGREED_RE = re.compile(
    r"约定|口头|借条|借据|欠条|收据|载明|写明|注明|双方|承诺|说好|商定|议定|协议|合同|出具"
)
_COURT_RE = re.compile(r"本院|调整|酌定|支持|应按|依法|资金占用|逾期")
_PER_FACTOR = {"月": Decimal(12), "年": Decimal(1), "日": Decimal(365), "天": Decimal(365)}
_MULTIPLES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4}


def find_interest_rates(t: Text) -> Iterator[InterestRate]:
    """Every interest rate stated in ``t`` with a concrete number, in text order."""
    found: list[tuple[int, int, Decimal]] = []
    if "利" not in t.norm and "息" not in t.norm:
        return  # every rate is kept only near an interest word (利率, 利息, 月息 …)
    for pattern, needs_context, words in _PATTERNS:
        if not any(word in t.norm for word in words):
            continue
        for m in pattern.finditer(t.norm):
            annual = _annual(m)
            if annual is None or not _is_interest(t.norm, m.start(), m.end(), needs_context):
                continue
            found.append((m.start(), m.end(), annual))
    found.sort(key=lambda item: (item[0], -item[1]))
    last_end = -1
    for start, end, annual in found:
        if start < last_end:
            continue  # the same phrase seen by a weaker pattern
        last_end = end
        yield InterestRate(annual_percent=annual, raw=t.raw[start:end], start=start, end=end)


def pick_interest_rate(t: Text) -> InterestRate | None:
    """The agreed (contract) rate: the first one stated in an agreement context, else the
    first rate that is neither a legal cap (超过年利率24%的部分) nor a bank benchmark, preferring
    a rate the parties state over one the court sets (资金占用期间利息, 本院调整)."""
    usable = [r for r in find_interest_rates(t) if not _is_cap_or_benchmark(t.norm, r)]
    for rate in usable:
        if _AGREED_RE.search(_sentence_before(t.norm, rate.start)):
            return rate
    for rate in usable:
        if not _COURT_RE.search(_sentence_before(t.norm, rate.start)):
            return rate
    return usable[0] if usable else None


def _annual(m: re.Match[str]) -> Decimal | None:
    """The annual percentage a rate match stands for, or None when it cannot be computed."""
    groups = m.groupdict()
    per = (groups.get("per") or "月")[-1]
    if per == "化":
        per = "年"
    monthly_units = None  # value in 分 (1% a month)
    if groups.get("pct") or groups.get("pctcn"):
        value = _number(groups.get("pct") or groups.get("pctcn"))
    elif groups.get("pm") or groups.get("pmcn"):
        value = _scaled(groups.get("pm") or groups.get("pmcn"), Decimal("0.1"))
    elif groups.get("pw"):
        value = _scaled(groups["pw"], Decimal("0.01"))
    elif groups.get("fen"):
        monthly_units = _number(groups["fen"])
        if monthly_units is not None and groups.get("li"):
            li = _number(groups["li"])
            monthly_units = None if li is None else monthly_units + li / 10
    elif groups.get("lionly"):
        monthly_units = _scaled(groups["lionly"], Decimal("0.1"))
    elif groups.get("mao"):
        monthly_units = _scaled(groups["mao"], Decimal(10))
        if per != "月":
            return None
    else:
        return None
    if groups.get("fen") or groups.get("lionly") or groups.get("mao"):
        if monthly_units is None or per not in "月年":
            return None
        value = monthly_units * (10 if per == "年" else 1)  # 年息1分 is 10% a year
    if value is None or value <= 0:
        return None
    if groups.get("mult"):
        value *= _MULTIPLES[groups["mult"]]
    return (value * _PER_FACTOR[per]).quantize(_CENT, rounding=ROUND_HALF_UP)


def _number(s: str | None) -> Decimal | None:
    if not s:
        return None
    value = parse_number(s)
    return None if value is None or value > 1000 else value


def _scaled(s: str | None, factor: Decimal) -> Decimal | None:
    value = _number(s)
    return None if value is None else value * factor


def _clause(norm: str, start: int, end: int) -> tuple[str, str]:
    """The text of the clause before and after ``norm[start:end]``."""
    lo = max(norm.rfind(ch, max(0, start - 40), start) for ch in _CLAUSE_END) + 1
    lo = max(lo, start - 40)
    hi_candidates = [i for ch in _CLAUSE_END if (i := norm.find(ch, end, end + 40)) >= 0]
    hi = min(hi_candidates, default=min(len(norm), end + 40))
    return norm[lo:start], norm[end:hi]


def _is_interest(norm: str, start: int, end: int, needs_context: bool) -> bool:
    before, after = _clause(norm, start, end)
    around = before + after
    if needs_context and not _INTEREST_WORD_RE.search(around):
        return False
    if _OTHER_CHARGE_RE.search(after):
        return False  # 按日3%支付滞纳金: the rate of another charge
    phrase = norm[start:end]
    speaks_of_interest = _INTEREST_NOUN_RE.search(before) or "息" in phrase
    if _OTHER_CHARGE_RE.search(before) and not speaks_of_interest:
        return False
    return not _charge_terms(norm, start) or bool(_INTEREST_NOUN_RE.search(after))


def _charge_terms(norm: str, start: int) -> bool:
    """The sentence named a 违约金 / 滞纳金 last (no interest word since) and goes on with its
    terms before the rate (本院调整为…, 以欠付租金为基数，按…): the rate is the charge's."""
    before = _sentence_before(norm, start)
    charges = list(_OTHER_CHARGE_RE.finditer(before))
    if not charges:
        return False
    since = before[charges[-1].end() :]
    return not _INTEREST_SIDE_RE.search(since) and bool(_CHARGE_TERMS_RE.search(since))


def _is_cap_or_benchmark(norm: str, rate: InterestRate) -> bool:
    before, after = _clause(norm, rate.start, rate.end)
    return bool(
        _CAP_BEFORE_RE.search(before[-12:])
        or _CAP_AFTER_RE.search(after)
        or _BENCHMARK_RE.search(before[-14:])
    )


def _sentence_before(norm: str, start: int) -> str:
    lo = max(norm.rfind(ch, max(0, start - 80), start) for ch in "。；;\n") + 1
    return norm[max(lo, start - 80) : start]
