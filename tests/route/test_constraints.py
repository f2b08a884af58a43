"""``assist.route.constraints``: a document's own kind rules domains out of the router's answer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from assist.pipeline import parse_text
from assist.route import guess_domain, load_model
from assist.route.constraints import allowed_domains, restrict
from assist.signals import find_signals
from assist.text.normalize import make_text

ROOT = Path(__file__).resolve().parents[2]
CLASSES = ["administrative", "civil", "criminal", "public_interest"]

# A short civil ruling (准许撤回上诉) whose words lean criminal to the n-gram router.
WITHDRAWN_APPEAL = (
    "上海市第一中级人民法院\n民 事 裁 定 书\n（2014）沪一中民二（民）终字第2031号\n"
    "上诉人（原审被告）：张某，男，1970年1月1日生。\n被上诉人（原审原告）：李某，女。\n"
    "上诉人张某因与被上诉人李某民间借贷纠纷一案，不服上海市浦东新区人民法院民事判决，向本院提起上诉。"
    "本院在审理过程中，上诉人张某以双方已和解为由，向本院申请撤回上诉。\n"
    "本院认为，上诉人撤回上诉的申请，不违反法律规定，依法应予准许。依照《中华人民共和国民事诉讼法》"
    "第一百七十三条之规定，裁定如下：\n准许上诉人张某撤回上诉。\n本裁定为终审裁定。\n"
    "审判长 王某\n二〇一四年六月三日\n书记员 赵某\n"
)


def _doc(text: str):  # type: ignore[no-untyped-def]
    return parse_text(make_text(text))


@pytest.mark.parametrize(
    ("head", "allowed"),
    [
        ("民事判决书\n（2015）金民初字第01022号\n原告：张某。\n被告：李某。\n",
         {"civil", "public_interest"}),
        ("刑事判决书\n（2011）宝刑初字第507号\n公诉机关天津市宝坻区人民检察院。\n被告人马某。\n",
         {"criminal", "public_interest"}),
        ("行政判决书\n（2014）淮行初字第0033号\n原告陈某。\n被告淮安市淮阴区运输管理所。\n",
         {"administrative", "public_interest"}),
        # a retrial on a procuratorate's protest is still a civil matter (民事检察)
        ("民事判决书\n（2016）最高法民再5号\n抗诉机关最高人民检察院。\n申诉人（一审原告）：张某。\n",
         {"civil", "public_interest"}),
        ("刑事附带民事判决书\n（2019）苏0102刑初5号\n公诉机关某区人民检察院。\n被告人马某。\n",
         {"criminal", "public_interest"}),
    ],
)  # fmt: skip
def test_constraints_kind_leaves_its_domain_and_public_interest(head: str, allowed: set[str]) -> None:  # fmt: skip
    text = "某某人民法院\n" + head
    assert allowed_domains(_doc(text), make_text(text).norm) == allowed


@pytest.mark.parametrize(
    "text",
    [
        "原告某某区人民检察院。\n被告某某公司。\n",  # nothing tells the kind
        # the number (civil) and the title (administrative) disagree
        "某某人民法院\n行政判决书\n（2015）金民初字第01022号\n原告：张某。\n被告：某某局。\n",
    ],
)
def test_constraints_rule_nothing_out_when_unsure(text: str) -> None:
    assert allowed_domains(_doc(text), make_text(text).norm) is None


@pytest.mark.parametrize(
    "text",
    [
        "某某人民法院\n民事判决书\n（2020）赣0222民初796号\n公益诉讼起诉人江西省浮梁县人民检察院。\n"
        "被告浙江某某化工有限公司。\n",
        # an NGO's civil public-interest suit, named in the history
        "某某人民法院\n民事判决书\n（2021）云01民初12号\n原告：某某环境保护基金会。\n被告：某某公司。\n"
        "原告某某环境保护基金会与被告某某公司环境污染责任纠纷民事公益诉讼一案，本院于2021年1月5日立案。\n",
        # the procuratorate was the 公益诉讼起诉人 at first instance
        "某某中级人民法院\n行政判决书\n（2019）吉24行终10号\n上诉人（原审被告）：某某县林业局。\n"
        "被上诉人（原审公益诉讼起诉人）：吉林省汪清县人民检察院。\n",
        # a 诉前检察建议 (检行公建)
        "湖北省宜昌市夷陵区人民检察院\n检察建议书\n宜夷检行公建〔2022〕8号\n宜昌市夷陵区某某局：\n",
    ],
)
def test_constraints_public_interest_matters_are_public_interest(text: str) -> None:
    assert allowed_domains(_doc(text), make_text(text).norm) == {"public_interest"}


def test_constraints_restrict_renormalises_the_allowed_classes() -> None:
    p = np.array([0.1, 0.2, 0.6, 0.1])
    out = restrict(CLASSES, p, frozenset({"civil", "public_interest"}))
    assert out.tolist() == pytest.approx([0.0, 2 / 3, 0.0, 1 / 3])
    assert restrict(CLASSES, p, None) is p
    # no mass on the allowed classes: the model's answer stands
    assert restrict(CLASSES, np.array([0.5, 0.0, 0.5, 0.0]), frozenset({"civil"})).tolist() == [
        0.5, 0.0, 0.5, 0.0
    ]  # fmt: skip


@given(st.lists(st.floats(0.0, 1.0), min_size=4, max_size=4), st.sets(st.sampled_from(CLASSES)))
def test_constraints_restrict_is_a_distribution_over_allowed(raw: list[float], keep: set[str]) -> None:  # fmt: skip
    p = np.array(raw) + 1e-9
    p = p / p.sum()
    out = restrict(CLASSES, p, frozenset(keep))
    assert out.sum() == pytest.approx(1.0)
    if keep:
        assert all(v == 0.0 for c, v in zip(CLASSES, out, strict=True) if c not in keep)


def test_constraints_route_a_short_civil_ruling_to_civil() -> None:
    loaded = load_model(ROOT / "models/router")
    t = make_text(WITHDRAWN_APPEAL)
    doc = parse_text(t)
    guess = guess_domain(loaded.router, t, doc, find_signals(t, doc))
    assert guess.label == "civil"
    assert {a.label for a in guess.alternatives if a.score > 0} <= {"public_interest"}
