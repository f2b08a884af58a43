"""The tfidf backend's token streams and its hand-written TF-IDF block."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.learn.features import (
    clip,
    select_vocabulary,
    smooth_idf,
    structure_tokens,
    tfidf_block,
    tokens,
    words,
)
from assist.route.features import HEAD_CHARS, TAIL_CHARS

LABELS = Path(__file__).resolve().parents[2] / "corpora/labels/real_signals.jsonl"


def _record(doc_id: str) -> dict[str, object]:
    with LABELS.open(encoding="utf-8") as fh:
        return next(r for line in fh if (r := json.loads(line))["doc_id"] == doc_id)


def test_structure_tokens_of_a_real_ruling_carry_its_signals_but_no_issue() -> None:
    record = _record("real-jd-fd-008")  # a 信用卡纠纷 ruling granting withdrawal (撤诉)
    toks = structure_tokens(str(record["text"]))
    assert {"kind:ruling", "type:民初", "signal:withdrawal", "cause_kind:dispute"} <= set(toks)
    assert list(toks) == sorted(set(toks))
    assert not any(t.startswith("issue:") for t in toks)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_structure_tokens_never_raise(text: str) -> None:
    toks = structure_tokens(text)
    assert all(isinstance(t, str) and ":" in t for t in toks)
    assert not any(t.startswith("issue:") for t in toks)


def test_words_are_jieba_words_with_digits_zeroed() -> None:
    out = words("本院认为，被告人张三于2017年3月以非法占有为目的 ，犯盗窃罪。")
    assert out == ["本院认为", "被告人", "0000", "非法占有", "目的", "盗窃罪"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("被告人原告借款合同罚金１２3 　\n，。ab"), max_size=80))
def test_words_never_raise_and_are_clean(text: str) -> None:
    for word in words(text):
        assert len(word) >= 2
        assert word == word.strip() and not any(ch.isspace() for ch in word)
        assert not any(ch.isdigit() and ch != "0" for ch in word)


def test_clip_normalises_and_keeps_head_and_operative_part() -> None:
    assert clip("ＡＢＣ１２３　測試") == "ABC123 测试"
    text = "首" * HEAD_CHARS + "中" * 3000 + "判决如下" + "尾" * (TAIL_CHARS - 4)
    clipped = clip(text)
    assert len(clipped) == HEAD_CHARS + TAIL_CHARS + 1
    assert clipped.startswith("首" * HEAD_CHARS + "\n判决如下")
    assert "中" not in clipped


def test_tokens_cut_the_clipped_normalised_text() -> None:
    toks = tokens("被告人李四犯盗窃罪，判处罚金人民币５０００元。")
    assert "00" in toks.char and "盗窃罪" in toks.word and "0000" in toks.word
    assert toks.struct == structure_tokens("被告人李四犯盗窃罪，判处罚金人民币５０００元。")


def test_vocabulary_keeps_the_most_frequent_terms_with_enough_documents() -> None:
    docs = [["a", "b", "c"], ["a", "b"], ["a", "d"], ["d", "e", "e", "e"]]
    assert select_vocabulary(docs, max_features=10, min_df=2) == ["a", "b", "d"]
    assert select_vocabulary(docs, max_features=2, min_df=1) == ["a", "b"]  # b beats d by name
    assert select_vocabulary(docs, max_features=10, min_df=5) == []


def test_tfidf_block_matches_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    docs = [["甲", "乙", "乙", "丙"], ["乙", "丁"], ["甲", "甲", "甲"], ["戊"], []]
    vocab = ["丁", "丙", "乙", "甲"]  # 戊 is unknown: ignored
    idf = smooth_idf(docs, vocab)
    ours = tfidf_block(docs, vocab, idf, 0.5).toarray()
    ref = TfidfVectorizer(analyzer=lambda d: d, vocabulary=vocab, sublinear_tf=True).fit(docs)
    np.testing.assert_allclose(idf, ref.idf_, rtol=1e-12)
    np.testing.assert_allclose(ours, 0.5 * ref.transform(docs).toarray(), rtol=1e-12)
    assert np.allclose(np.linalg.norm(ours[:3], axis=1), 0.5)
    assert not ours[3:].any()  # no known term: a zero row, not NaN


def test_tfidf_block_rows_do_not_depend_on_the_batch() -> None:
    docs = [["甲", "乙", "乙"], ["丙"], ["乙", "丙", "丁", "丁"]]
    vocab = ["丁", "丙", "乙", "甲"]
    idf = smooth_idf(docs, vocab)
    batch = tfidf_block(docs, vocab, idf, 1.0).toarray()
    for i, doc in enumerate(docs):
        assert np.array_equal(tfidf_block([doc], vocab, idf, 1.0).toarray()[0], batch[i])


@pytest.mark.parametrize("weight", [0.0, 2.0])
def test_tfidf_block_weight_scales_the_row(weight: float) -> None:
    docs = [["甲", "乙"]]
    row = tfidf_block(docs, ["乙", "甲"], np.ones(2), weight).toarray()[0]
    np.testing.assert_allclose(row, weight * np.full(2, 2**-0.5))
