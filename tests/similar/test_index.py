"""The similar-case index on real 民间借贷 excerpts (copied from corpora/real/scm_triplets.jsonl)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.similar import SimilarIndex, run_similar
from assist.similar.index import default_weights, element_codes, uniform_weights

# scm-dev: 民间借贷, three persons, 月息1.5%, guaranteed, defendants absent, interest paid.
GUARANTEED = (
    "原告王某1，无职业。被告吕某1，无职业。被告姜某1，无职业。被告焦某1。\n\n原告王某1诉称：2015年2月15日，"
    "被告吕某1、姜某1以资金周转为由向原告借款100000元，约定月息1.5％，借款期限为2个月，由被告焦某1进行担保。"
    "此款到期后一直未付，原告无奈提起诉讼，请求被告吕某1、姜某1、焦某1偿还借款本金100000元、利息18000元，"
    "按银行同期贷款利率支付自起诉之日到实际给付时的利息，并承担诉讼费用。被告吕某1、姜某1、焦某1未答辩。"
    "原告为证明诉求主张，向本院提交了借据1份，证明吕某1、姜某1欠原告100000元借款及利息的事实，由焦某1进行担保。"
    "被告吕某1、姜某1、焦某1未提供证据。且被告吕某1、姜某1、焦某1经本院合法传唤，无正当理由未到庭参加诉讼，"
    "视为对自己质证权利的放弃，本院对原告方证据予以采信。根据以上采信的证据和庭审中当事人的陈述，本院认定事实如下："
    "2015年2月15日，被告吕某1、姜某1以资金周转为由向原告借款100000元，约定月息1.5％，借款期限为2个月，"
    "该款以现金形式给付，被告焦某1在欠条底部书写“担保人焦某1”。庭审中查明，该借款上书写“结息到6月8日”，"
    "原告自认该笔借款的利息已经支付到2015年6月8日。此后一直未付款。\n"
)
# scm-dev: two defendants, 月利2分, absent, interest paid, the rest unpaid.
FARMING = (
    "原告：于某1，男，汉族。被告：刘某1，男，汉族。被告：姚某1，女，汉族。\n\n原告于某1向本院提出诉讼请求："
    "要求二被告偿还欠款本金及利息共计18，400.00元。事实和理由：2013年3月6日，被告姚某1因种地用款资金不足"
    "向原告借款10，000.00元，当时约定月利2分，并由被告刘某1、姚某1二人出具借款合同一份。二被告于2014年1月16日"
    "给付原告2，000.00元利息，剩余本金10，000.00元未付。上述欠款原告多次索要，二被告未付，故诉至甘南县人民法院，"
    "请求判令二被告给付原告欠款。被告刘某1、姚某1未到庭应诉，也未向本院提交书面答辩状。原告于某1围绕诉讼请求"
    "依法提交了借据一张及证人姬某当庭证词，本院组织开庭进行了质证。根据当事人陈述和经审查确认的证据，本院认定"
    "事实如下：2013年3月6日二被告因种地需要资金周转向原告借款本金10，000.00元，约定月利率二分，二被告向原告"
    "出具欠据一张。2014年1月16日二被告偿还原告20，000.00元利息，剩余借款本金10，000.00元及利息8，400.00元未还。\n"
)
# scm-dev: a company borrower, a written contract, cash, absent defendant.
COMPANY = (
    "原告：陈某1。被告：浙江鼎缘旅游开发有限公司。法定代表人：胡华峰。\n\n原告陈某1诉称：原告于2015年3月经被告"
    "业务员段某介绍出借给被告10000元整，约定借期4个月，每月利息200元，共计800元。但是才过了一个多月，被告就"
    "失踪了，连本带息一分钱都没有拿回来。故提起诉讼，请求判令：1、被告归还原告本金10000元、利息800元；2、被告"
    "承担本案诉讼费用。原告陈某1向本院提交《借款合同》、收款收据各1份，以证明原告借给被告10000元的事实。被告"
    "鼎缘公司未到庭，亦未向本院提交证据。本院认定如下案件事实：2015年3月21日，原告陈某1与被告鼎缘公司签订"
    "《借款合同》，约定：乙方（陈某1）以现金方式借款给甲方（鼎缘公司）人民币10000元，期限自2015年3月21至"
    "2015年7月20日；借款期限内乙方获得每月利息200元。同日，鼎缘公司出具收款收据一份，上载金额为10000元。\n"
)
# scm-dev: relatives, no interest agreed, a settlement, the defendant says he repaid.
RELATIVES = (
    "原告：王某1，现住榆树市。被告：张某1，现住榆树市。\n\n王某1诉称：2014年，被告张某1因养老牛向原告借款10多万元，"
    "年利1分。2015年5月31日被告还原告10万元，还欠原告14480.00元。并给原告出具欠据一枚，没有约定还款时间。原告"
    "多次找被告索要此款，被告均以各种理由拒不给付。张某1辩称：我确实欠原告14480.00元，但已还原告了。经审理查明："
    "原告与被告系亲属关系，被告多从原告处借款，经双方结算，于2015年5月31日被告尚欠原告14480.00元。并给原告出具"
    "欠据一枚，双方未约定还款时间，也没有约定利息。\n"
)
CORPUS = [
    ("guaranteed", GUARANTEED),
    ("farming", FARMING),
    ("company", COMPANY),
    ("rel", RELATIVES),
]


@pytest.fixture(scope="module")
def index() -> SimilarIndex:
    return SimilarIndex.build(CORPUS)


@pytest.mark.parametrize(("doc_id", "text"), CORPUS)
def test_index_identical_query_ranks_itself_first(
    index: SimilarIndex, doc_id: str, text: str
) -> None:
    hits = index.search(text, 4)
    assert hits[0].id == doc_id
    assert hits[0].score == pytest.approx(1.0)
    assert all(h.score < hits[0].score for h in hits[1:])


def test_index_top_k_is_sorted_and_bounded(index: SimilarIndex) -> None:
    hits = index.search(FARMING, 2)
    assert len(hits) == 2
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len(index.search(FARMING, 50)) == len(CORPUS)
    assert index.search(FARMING, 0) == []
    assert all(0.0 <= h.score <= 1.0 for h in index.search(COMPANY, 10))


def test_index_round_trip_keeps_scores(index: SimilarIndex, tmp_path: Path) -> None:
    path = tmp_path / "similar.npz"
    index.save(path)
    loaded = SimilarIndex.load(path)
    assert loaded.ids == index.ids and loaded.codes == index.codes
    assert loaded.weights == index.weights
    for _, text in CORPUS:
        feats = index.featurize(text)
        assert np.array_equal(loaded.scores(feats), index.scores(feats))
        assert loaded.search(text, 3) == index.search(text, 3)


def test_index_load_rejects_other_npz(tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, meta=np.frombuffer(b'{"format": "x"}', np.uint8))
    with pytest.raises(ValueError, match="not a similar-case index"):
        SimilarIndex.load(path)


def test_index_shared_facts_on_real_excerpts(index: SimilarIndex) -> None:
    hits = {h.id: h for h in index.search(GUARANTEED, 4)}
    farming = hits["farming"].shared
    assert "被告均未到庭" in farming
    assert "均约定月利率1%至2%" in farming
    assert "均有多名被告" in farming
    assert "均已支付部分利息" in farming
    assert "均有第三人保证担保" not in farming  # only GUARANTEED has a guarantor
    company = index.search(COMPANY, 4)
    assert "借款人均为公司或单位" in company[0].shared
    assert "借款人均为公司或单位" not in [s for h in company[1:] for s in h.shared]
    assert "均未约定利息" in index.search(RELATIVES, 1)[0].shared


def test_index_similar_cases_rank_above_dissimilar(index: SimilarIndex) -> None:
    """Two absent co-defendants with 月息1.5-2% and interest paid are closer to each other
    than to a company's contract loan."""
    order = [h.id for h in index.search(GUARANTEED, 4)]
    assert order.index("farming") < order.index("company")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "。。。，，", "😀" * 50, "借" * 5000, "原告诉称被告借款", "abc 123", "\x00\n\r\t"],
)
def test_index_odd_queries_do_not_raise(index: SimilarIndex, text: str) -> None:
    hits = index.search(text, 3)
    assert len(hits) == 3
    assert all(0.0 <= h.score <= 1.0 for h in hits)


def test_index_empty_and_odd_corpus() -> None:
    empty = SimilarIndex.build([])
    assert empty.search(FARMING, 5) == []
    odd = SimilarIndex.build([("blank", ""), ("emoji", "😀😀"), ("case", FARMING)])
    hits = odd.search(FARMING, 3)
    assert hits[0].id == "case"
    assert SimilarIndex.build([("blank", "")]).search("", 1)[0].id == "blank"


def test_index_weights_cover_every_element() -> None:
    weights = default_weights()
    assert set(weights.present) == set(element_codes()) == set(weights.absent)
    assert weights.text > 0
    assert all(v >= 0 for v in [*weights.present.values(), *weights.absent.values()])


def test_index_bm25_scheme_round_trip(tmp_path: Path) -> None:
    index = SimilarIndex.build(CORPUS, uniform_weights("bm25", 3))
    assert index.search(COMPANY, 1)[0].id == "company"
    index.save(tmp_path / "bm25.npz")
    loaded = SimilarIndex.load(tmp_path / "bm25.npz")
    assert loaded.search(COMPANY, 4) == index.search(COMPANY, 4)


def test_run_similar_output_shape() -> None:
    out = list(run_similar([("q1", FARMING), ("q2", "")], CORPUS, top=2))
    assert [o["query_id"] for o in out] == ["q1", "q2"]
    results = out[0]["results"]
    assert isinstance(results, list) and len(results) == 2
    assert results[0]["id"] == "farming"
    assert set(results[0]) == {"id", "score", "shared"}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_index_search_never_raises(text: str) -> None:
    index = SimilarIndex.build([("a", FARMING), ("b", text)], uniform_weights())
    hits = index.search(text, 2)
    assert len(hits) == 2
    assert all(0.0 <= h.score <= 1.0 + 1e-9 for h in hits)
