"""Helpers for the signal tests: run the whole parse → signals chain on a text.

Frames wrap a real sentence in a realistic document (header, party block, history) so that
the section rules and the document-kind rules see what they would see in a full document; the
frame lines are taken from the real dev documents (page-01, fd-028, page-04) with the parties
kept generic.
"""

from __future__ import annotations

from assist.analysis import Signal
from assist.pipeline import parse_text
from assist.signals import find_signals
from assist.text.normalize import make_text

CIVIL_HEAD = (
    "浙江省新昌县人民法院\n民 事 判 决 书\n(2015)绍新商初字第195号\n原告：何锴，农民。\n被告：陈晓春。\n"
    "原告何锴与被告陈晓春民间借贷纠纷一案，本院于2015年1月26日立案受理后，依法由审判员秦妙独任审判，"
    "于2015年2月11日依法公开开庭进行了审理。本案现已审理终结。\n"
)
CRIMINAL_HEAD = (
    "天津市宝坻区人民法院\n刑  事  判  决  书\n（2011）宝刑初字第507号\n公诉机关天津市宝坻区人民检察院。\n"
    "被告人马柱，男，1975年5月12日出生。\n"
    "天津市宝坻区人民检察院以津宝检刑诉［2011］418号起诉书指控被告人马柱犯危险驾驶罪，"
    "于2011年11月7日向本院提起公诉。现已审理终结。\n"
)
ADMIN_HEAD = (
    "淮安市淮阴区人民法院\n行 政 判 决 书\n(2014)淮行初字第0033号\n原告陈虎。\n"
    "被告淮安市淮阴区运输管理所，住所地淮阴区北京西路**号。\n"
    "原告陈虎诉被告淮安市淮阴区运输管理所不服运输行政处罚一案，于2014年8月28日向本院提起行政诉讼。"
    "本院依法组成合议庭，于2014年9月15日公开开庭审理了本案。本案现已审理终结。\n"
)
TAIL = "\n审  判  员  张朝晖\n二〇一一年十一月二十一日\n书  记  员  陈  颖\n"


def signals(text: str, **kwargs: int) -> tuple[Signal, ...]:
    t = make_text(text)
    found = find_signals(t, parse_text(t), **kwargs)
    for s in found:
        assert t.raw[s.start : s.end] == s.text
    return found


def texts(text: str, code: str) -> list[str]:
    """The evidence texts of one code."""
    return [s.text for s in signals(text) if s.code == code]


def codes(text: str) -> set[str]:
    return {s.code for s in signals(text)}
