"""The labels of a party block as one regex: party labels (``assist/data/party_roles.tsv``),
agent labels (委托诉讼代理人, 辩护人 …) and the other people listed there (法定代表人 …).

A party label is written as courts and agencies write it:

- alone (``被告：``), letter-spaced to line up with longer ones (``原  告：``, ``当 事 人：``);
- numbered (``被告一：``, ``被告2：``, ``第一被告：``);
- joined with a concurrent role by 暨/兼 (``被告人暨附带民事公益诉讼被告``,
  ``被告暨复议机关：``) — the first label gives the role;
- followed by an earlier role in brackets (``上诉人（原审被告）``) and by a field name
  (``当事人名称：``, ``当事人名称（姓名）：`` in penalty decisions).
"""

from __future__ import annotations

import re
from functools import cache

from assist.extract.party_roles import role_table

AGENT_WORDS = (
    "委托诉讼代理人|委托代理人|诉讼代理人|特别授权代理人|指定辩护人|指派辩护人|辩护人|代理人"
)
# Listed in the block but neither parties nor agents (representatives, guardians, administrators).
OTHER_WORDS = (
    "法定代表人|法定代理人|主要负责人|负责人|经营者|投资人|诉讼代表人|执行事务合伙人|"
    "破产管理人|管理人|监护人|法人代表|翻译人员|首席代表|出庭负责人|行政机关负责人"
)
_NUMERALS = "一二三四五六七八九十"
_SPACED_MAX = 4  # longer labels are never letter-spaced
# What may sit inside a joint label (no punctuation, no blank).
_JOINT_CHAR = r"[^\s,，。:;；、()]"


def _spaced(label: str) -> str:
    """A label's regex, also letter-spaced (原  告, 当 事 人): blanks between every two
    characters, so that 被告 人民银行… stays 被告 and a name."""
    if len(label) > _SPACED_MAX:
        return re.escape(label)
    return f"(?:{re.escape(label)}|{' {1,3}'.join(re.escape(ch) for ch in label)})"


def _party_alternation() -> str:
    labels = sorted(role_table(), key=len, reverse=True)
    # 第三人 must not fire inside 第三人民医院.
    return "|".join(_spaced(x) + ("(?!民)" if x == "第三人" else "") for x in labels)


def base_label(party: str) -> str:
    """The role-table key of a matched party label (letter-spacing removed)."""
    return party.replace(" ", "")


@cache
def label_re() -> re.Pattern[str]:
    """One label of a party block; groups: agent (count, group, shared), other, party (joint,
    paren). Every match starts with a character of the leading class."""
    party = _party_alternation()
    words = [*role_table(), *AGENT_WORDS.split("|"), *OTHER_WORDS.split("|")]
    # Checking the first character first spares the engine the alternations at every other
    # position (3× faster scans).
    firsts = {w[0] for w in words} | set("以上前共二两三四五六七八九十名均的第")
    lead = "".join(re.escape(ch) for ch in sorted(firsts))
    # 暨/兼 and a second label (glued to the name), or a role word before a colon.
    joint = (
        rf"[暨兼](?:{_JOINT_CHAR}{{0,14}}?(?:{party})"
        rf"|{_JOINT_CHAR}{{1,14}}?(?:人|机关|单位)(?= ?:))"
    )
    # 被告一：/ 被告2： — only before a colon or bracket: 被告四川…, 被告一汽…, 被告58同城… are
    # names.
    number = rf"(?:[{_NUMERALS}]{{1,2}}|\d{{1,2}})(?= ?[:(])"
    return re.compile(
        rf"(?=[\d{lead}])"
        rf"(?:(?P<agent>(?:以上|上列|上述|前述)?(?P<count>[二两三四五六七八九十]|\d{{1,2}})?名?"
        rf"(?P<group>{party})?均?的?(?P<shared>共同)?的?(?:{AGENT_WORDS})"
        # 辩护人兼附带民事诉讼委托代理人: one agent holding two capacities
        rf"(?:[暨兼]{_JOINT_CHAR}{{0,14}}?(?:{AGENT_WORDS}))?)"
        rf"|(?P<other>{OTHER_WORDS})"
        rf"|(?:第[{_NUMERALS}]{{1,2}})?(?P<party>{party})(?P<joint>{joint})?(?:{number})?)"
        r"(?: ?\((?P<paren>[^()\n]{1,30})\))?"
        r"(?:(?:姓名|名称|全称)(?: ?\((?:姓名|名称)\))?(?= ?:))?"
    )


# A label counts when it opens an entry: after these characters (or the block start); 号 ends
# a document number glued to the first entry (…起诉书X检刑诉(2018)184号被告人李某).
_OPENERS = frozenset("\n。;；) ×*X号")
_COMMA_ENTRY = re.compile(
    r"[^,，。:;、()\n]{1,30}?,(?:男|女|\d{4}年|[^,，。]{0,4}族|住|身份|公民|出生|生于|现住|户籍|曾用名|又名)"
)


def _opens_entry(norm: str, match: re.Match[str], lo: int) -> bool:
    at = match.start()
    if at <= lo or norm[at - 1] in _OPENERS:
        return True
    # After a comma: an agent label (…住XX，委托代理人：Y), an explicit "label:", or a label whose
    # name is followed by a personal record (…住东莞市，被告黎某1，男，…).
    record = match.group("party") is not None and _COMMA_ENTRY.match(norm, match.end()) is not None
    if norm[at - 1].isdigit():  # glued after an address: …3-3-402第三人赵士文,女,…
        return record
    if norm[at - 1] in ",，":
        return (
            match.group("agent") is not None or norm[match.end() : match.end() + 1] == ":" or record
        )
    return False


def next_label(norm: str, pos: int, hi: int, lo: int, forced: int = -1) -> re.Match[str] | None:
    """The next label in norm[pos:hi] that opens an entry (or starts at ``forced``, where a
    label cut the previous name); ``lo`` is the block start."""
    pattern = label_re()
    while pos < hi:
        match = pattern.search(norm, pos, hi)
        if match is None:
            return None
        if match.start() == forced or _opens_entry(norm, match, lo):
            return match
        pos = match.end()
    return None
