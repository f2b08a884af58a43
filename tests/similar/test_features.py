"""Legal elements of 民间借贷 excerpts (sentences from corpora/real/scm_triplets.jsonl)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.similar.features import case_features, char_ngrams, element_labels
from assist.similar.index import element_codes

# A party block and a plaintiff's claim around each sentence, as in the real excerpts.
_HEAD = "原告：王某1，女，汉族，住哈尔滨市道里区。被告：路某1，男，汉族，住哈尔滨市南岗区。\n\n"


def codes_of(sentence: str) -> set[str]:
    return {f.code for f in case_features(_HEAD + sentence).facts}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("双方约定借款月利率按2%计算。借款以现金方式交付。", {"cash", "rate:12-24"}),
        ("原告王某1通过银行转账给被告路某1，被告出具了借条。", {"transfer", "iou"}),
        (
            "判令被告吴某1对被告路某1如上第1项诉请内容向原告承担连带保证责任。",
            {"guarantor"},
        ),
        (
            "被告楼某1以其所有的位于西文东苑2幢2单元1303室房产作抵押担保。",
            {"mortgage"},
        ),
        ("被告余某1因资金周转困难向原告借款44300元，双方没有约定借款利息。", {"no_interest"}),
        (
            "两被告立写借到200000元的借条给原告收执，约定借款期限为6个月，月利率按1.5%计算。",
            {"term_agreed", "iou", "rate:12-24", "amount:10-50w"},
        ),
        ("被告崔某1、张某1系夫妻关系。", {"spouse"}),
        ("双方口头约定月息为3分。后被告支付利息至2014年5月。", {"interest_paid", "rate:over24"}),
        (
            "吴某1以做生意为需，分别于2011年12月28日向原告借款6万元、2012年2月6日向原告借款5万元。",
            {"multi_loans", "business_use"},
        ),
        ("被告未按约定期限还款，给原告出具欠条一张。", {"owe_note"}),
        ("2015年2月18日，双方对往来账进行了结算，被告尚欠原告借款。", {"settlement"}),
        ("曾某1、古某1与邓某1签订《借款协议》，约定借款112万元。", {"contract", "amount:ge100w"}),
        ("被告向原告借款30000元，约定月息5分，通过微信转账交付。", {"epay", "rate:gt36"}),
    ],
)
def test_features_finds_elements(sentence: str, expected: set[str]) -> None:
    assert expected <= codes_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # a claim to pay interest is not interest paid
        (
            "请求判令被告偿还本金100000元，并从借款之日按月利率1%支付利息至借款全部清偿之日止。",
            "interest_paid",
        ),
        # 多次催讨 is dunning, not several loans
        ("被告借款后，原告多次催讨未果，故诉至法院。", "multi_loans"),
        # a negated transfer
        ("原告未提供转账凭证，仅有借条一张。", "transfer"),
        # 抵押担保 is a security in property, not a guarantor
        ("被告以其房屋作抵押担保，双方办理了抵押登记。", "guarantor"),
        # interest paid is not repayment of the debt
        ("原告自认该笔借款的利息已经支付到2015年6月8日。", "partial_repaid"),
        # 登记结婚 is not a loan for living expenses
        ("另查明，被告陈某1、邱某1于2005年4月7日登记结婚。", "living_use"),
    ],
)
def test_features_avoids_false_elements(sentence: str, absent: str) -> None:
    assert absent not in codes_of(sentence)


def test_features_every_code_has_a_chinese_label() -> None:
    labels = element_labels()
    assert set(element_codes()) == set(labels)
    assert all(
        label.startswith(("均", "被告均", "借款", "出借人", "双方")) for label in labels.values()
    )


def test_features_masks_party_names() -> None:
    terms = case_features(_HEAD + "被告路某1向原告王某1借款5万元。").terms
    assert "路" not in terms and "某" not in terms


def test_features_char_ngrams_skip_gaps_and_fold_digits() -> None:
    counts, total = char_ngrams("借款5万元，利息2%。", 2)
    assert counts["0万"] == 1 and counts["借款"] == 1
    assert not any(" " in g or "，" in g for g in counts)
    assert total == sum(counts.values())


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_features_never_raise_and_spans_are_in_text(raw: str) -> None:
    feats = case_features(raw)
    for fact in feats.facts:
        assert 0 <= fact.start <= fact.end <= len(raw)
    assert feats.length == sum(feats.terms.values())
