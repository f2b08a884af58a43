"""The shortcuts that spare the parser regex work are sound: they never lose a match.

* Needles (``assist/data/section_cue_shortcuts.tsv``, the rate patterns' words): a regex is
  skipped when the text lacks them, so every match must contain one. Proof by structure: in
  every top-level alternative some part that every match goes through (a literal run, or a
  group every branch of which qualifies) contains a needle.
* Sentence starts: a cue bound to a sentence start (``assist.parse._BOUNDED``) is tried only
  at the starts of sentences that hold one of its first needles. Proof: in every alternative
  nothing before the needle can match 。 or a newline.
* Leads (the same data file, ``LEAD_PATTERNS`` below): a lookahead ``(?=[…])`` on the
  characters a match can start with. Proof: the first-character set of the regex, worked out
  from its parse tree, lies inside the lead class, and the regex never matches empty.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assist import parse
from assist.extract import amounts, case_number, court, dates, parties, rates, statutes, title
from assist.text.normalize import make_text

_parser: Any = pytest.importorskip("re._parser")
_const: Any = pytest.importorskip("re._constants")


def _covered(items: Any, needles: tuple[str, ...]) -> bool:
    """Whether every match of the sequence ``items`` contains one of ``needles``."""
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _const.LITERAL:
            run += chr(av)
            continue
        if any(n in run for n in needles):
            return True
        run = ""
        if op is _const.SUBPATTERN and _covered(av[-1], needles):
            return True
        if op is _const.BRANCH and all(_covered(b, needles) for b in av[1]):
            return True
        repeats = (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT)
        if op in repeats and av[0] >= 1 and _covered(av[2], needles):
            return True
    return False


_BREAKS = frozenset("。\n")


def _no_break(items: Any) -> bool:
    """Whether no match of ``items`` can contain 。 or a newline."""
    for op, av in items:
        if op is _const.LITERAL:
            if chr(av) in _BREAKS:
                return False
        elif op is _const.IN:
            if not _class_no_break(av):
                return False
        elif op is _const.SUBPATTERN:
            if not _no_break(av[-1]):
                return False
        elif op is _const.BRANCH:
            if not all(_no_break(b) for b in av[1]):
                return False
        elif op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
            if not _no_break(av[2]):
                return False
        elif op not in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
            return False  # ANY, NOT_LITERAL, group references …
    return True


def _class_no_break(av: Any) -> bool:
    if av and av[0][0] is _const.NEGATE:
        negated = {chr(a) for o, a in av[1:] if o is _const.LITERAL}
        return negated >= _BREAKS
    for o, a in av:
        if o is _const.LITERAL and chr(a) in _BREAKS:
            return False
        if o is _const.RANGE and any(a[0] <= ord(b) <= a[1] for b in _BREAKS):
            return False
        if o is _const.CATEGORY and a is not _const.CATEGORY_DIGIT:
            return False
    return True


def _needle_in_sentence(items: Any, needles: tuple[str, ...]) -> bool:
    """Whether every match of ``items`` holds a needle with no 。 or newline before it."""
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _const.LITERAL:
            run += chr(av)
            continue
        hits = [run.find(n) for n in needles if n in run]
        if hits:
            return not _BREAKS & set(run[: min(hits)])
        if _BREAKS & set(run):
            return False
        run = ""
        if op is None:
            return False
        if op is _const.SUBPATTERN and _covered(av[-1], needles):
            return _needle_in_sentence(av[-1], needles)
        if op is _const.BRANCH and all(_covered(b, needles) for b in av[1]):
            return all(_needle_in_sentence(b, needles) for b in av[1])
        repeats = (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT)
        if op in repeats and av[0] >= 1 and _covered(av[2], needles):
            return _needle_in_sentence(av[2], needles)
        if not _no_break([(op, av)]):
            return False
    return False


@pytest.mark.parametrize("name", sorted(set(parse.needles()) & parse._BOUNDED))
def test_needles_sentence_cue_needs_no_earlier_sentence(name: str) -> None:
    part = _cue_part(parse._cues()[name].pattern)
    assert _needle_in_sentence(part, parse.needles()[name][0]), name


def test_needles_sentence_check_rejects_a_crossing_cue() -> None:
    assert not _needle_in_sentence(_parser.parse("[^。]{0,9}本院"), ("本院",))
    assert not _needle_in_sentence(_parser.parse("甲.?本院"), ("本院",))
    assert not _needle_in_sentence(_parser.parse("甲\\s*本院"), ("本院",))
    assert _needle_in_sentence(_parser.parse("[^。\n]{0,9}(?:本院|该院本院)"), ("本院",))


_NOTHING: list[tuple[str, Any]] = []


def _firsts(items: Any) -> tuple[list[tuple[str, Any]] | None, bool]:
    """(atoms a match of ``items`` can start with, whether it can match empty); None: any."""
    atoms: list[tuple[str, Any]] = []
    for op, av in items:
        first, empty = _first_of(op, av)
        if first is None:
            return None, False
        atoms += first
        if not empty:
            return atoms, False
    return atoms, True


def _first_of(op: Any, av: Any) -> tuple[list[tuple[str, Any]] | None, bool]:
    if op is _const.LITERAL:
        return [("lit", chr(av))], False
    if op is _const.IN:
        atoms = []
        for o, a in av:
            if o is _const.LITERAL:
                atoms.append(("lit", chr(a)))
            elif o is _const.RANGE:
                atoms += [("lit", chr(c)) for c in range(a[0], a[1] + 1)]
            elif o is _const.CATEGORY:
                atoms.append(("cat", str(a)))
            else:  # NEGATE and the like: any character
                return None, False
        return atoms, False
    if op is _const.SUBPATTERN:
        return _firsts(av[-1])
    if op is _const.BRANCH:
        atoms, empty = [], False
        for branch in av[1]:
            first, branch_empty = _firsts(branch)
            if first is None:
                return None, False
            atoms += first
            empty = empty or branch_empty
        return atoms, empty
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
        first, empty = _firsts(av[2])
        return first, empty or av[0] == 0
    if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
        return _NOTHING, True
    return None, False


def _lead_covers(pattern: str) -> bool:
    """``pattern`` is ``(?=[lead])rest``: every match of rest starts with a lead character."""
    tree = list(_parser.parse(pattern))
    op, (direction, _sub) = tree[0]
    assert op is _const.ASSERT and direction == 1
    lead = re.compile(pattern[: pattern.index("]") + 1].removeprefix("(?="))
    atoms, empty = _firsts(tree[1:])
    if atoms is None or empty:
        return False
    names = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s"}
    return all(
        lead.fullmatch(value) is not None
        if kind == "lit"
        else names.get(value, "?") in lead.pattern
        for kind, value in atoms
    )


@pytest.mark.parametrize("name", sorted(parse.leads()))
def test_leads_every_cue_match_starts_with_one(name: str) -> None:
    assert name not in parse._BOUNDED
    assert _lead_covers(parse._cues()[name].pattern)


LEAD_PATTERNS = {
    "parse.header": parse._patterns()["header"],
    "parties._label_re": parties._label_re(),
    "case_number._PARTY_LABEL": case_number._PARTY_LABEL,
    "court._SUFFIX_RE": court._SUFFIX_RE,
    "dates._DATE": dates._DATE,
    "amounts._MONEY_RE": amounts._MONEY_RE,
    "statutes._BRACKETED": statutes._BRACKETED,
    "statutes._DECISION": statutes._DECISION,
    "title._HEADING": title._HEADING,
}


@pytest.mark.parametrize("index", range(len(rates._PATTERNS)))
def test_leads_and_words_of_every_rate_pattern(index: int) -> None:
    pattern, _needs_context, words = rates._PATTERNS[index]
    assert _covered(_parser.parse(pattern.pattern), words)
    if pattern.pattern.startswith("(?=["):
        assert _lead_covers(pattern.pattern)


@pytest.mark.parametrize("name", sorted(LEAD_PATTERNS))
def test_leads_extractor_match_starts_with_one(name: str) -> None:
    assert _lead_covers(LEAD_PATTERNS[name].pattern)


def test_leads_reject_an_unsound_lead() -> None:
    assert not _lead_covers("(?=[甲])(?:甲|乙)丙")
    assert not _lead_covers("(?=[甲])甲?")
    assert _lead_covers(r"(?=[\d甲])(?:\d|甲)+")


def _cue_part(pattern: str) -> Any:
    """The ``(?P<cue>…)`` group of a compiled cue pattern: lookbehinds are not in the match."""
    tree = _parser.parse(pattern)
    cue = tree.state.groupdict["cue"]
    for op, av in tree:
        if op is _const.SUBPATTERN and av[0] == cue:
            return av[-1]
    raise AssertionError(pattern)


@pytest.mark.parametrize("name", sorted(parse.needles()))
def test_needles_every_cue_match_contains_them(name: str) -> None:
    pattern = parse._cues()[name].pattern
    for group in parse.needles()[name]:
        assert _covered(_cue_part(pattern), group), (name, group)


def test_needles_reject_an_unsound_needle() -> None:
    # 本院认为 holds 本院 but not 审理: the check must notice.
    assert not _covered(_cue_part(parse._cues()["reasoning"].pattern), ("审理",))
    assert _covered(_parser.parse("(?:甲|乙)?丙+丁"), ("丙",))
    assert not _covered(_parser.parse("(?:甲|乙)?丙*丁"), ("丙",))


def test_needles_header_prefilter_matches_every_header() -> None:
    """``header_end`` finds a spot in every text where ``header`` finds a candidate."""
    pats = parse._patterns()
    texts = [
        "临夏市人民法院\n执行裁定书\n(2017)甘2901执162号\n申请执行人胡某,男",
        "民 事 判 决 书(稿)\n原告张某",
        "(2016)粤0304民初18775号之一 被告李某",
        "刑事判决书:公诉机关某某人民检察院",
    ]
    for raw in texts:
        s = make_text(raw).norm
        assert pats["header"].search(s) is not None
        assert pats["header_end"].search(s) is not None


def test_needles_match_the_cue_regexes_on_texts() -> None:
    texts = [
        "原告张某诉被告李某民间借贷纠纷一案,本院于2015年6月24日立案后,依法适用简易程序。",
        "本院经审理认为,被告应当归还借款。判决如下:一、被告归还原告借款。",
        "经审理查明:2013年间被告向原告借款。被告李某辩称,借款已归还。",
        "双方当事人自愿达成如下协议:被告于2016年1月1日前付清。",
    ]
    for raw in texts:
        s = make_text(raw).norm
        for name, cue in parse._cues().items():
            if cue.search(s) is not None and name in parse.needles():
                assert parse._has(s, 0, len(s), name), name
