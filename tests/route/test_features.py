from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.pipeline import parse_text
from assist.route.features import (
    HEAD_CHARS,
    TAIL_CHARS,
    RouteInput,
    char_ngrams,
    clip_text,
    route_input,
    struct_tokens,
    structural_tokens,
)
from assist.signals import find_signals
from assist.text.normalize import make_text


def _sample(name: str) -> str:
    return resources.files("assist.samples").joinpath(name).read_text(encoding="utf-8")


def test_features_char_ngrams_is_a_named_module_function() -> None:
    assert char_ngrams.__module__ == "assist.route.features"
    assert char_ngrams.__name__ == "char_ngrams"


def test_features_char_ngrams_drop_blanks_and_fold_digits() -> None:
    grams = char_ngrams("民 事\n判决书（2017）")
    assert "民事判" in grams and "事判决" in grams
    assert "000" in grams and not any(c.isspace() for g in grams for c in g)
    assert not any(c in "1279" for g in grams for c in g)


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("罪", 1), ("罚金", 3), ("判决如下", 4 + 3 + 2)],
)
def test_features_char_ngrams_count(text: str, count: int) -> None:
    assert len(char_ngrams(text)) == count


def test_features_clip_keeps_head_and_tail() -> None:
    text = "甲" * HEAD_CHARS + "乙" * 5000 + "丙" * TAIL_CHARS
    clipped = clip_text(text)
    assert clipped == "甲" * HEAD_CHARS + "\n" + "丙" * TAIL_CHARS
    assert clip_text("短文") == "短文"


def test_features_struct_tokens_is_identity() -> None:
    assert struct_tokens(("type:刑更", "kind:ruling")) == ["type:刑更", "kind:ruling"]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("刑事裁定_减刑.txt", {"type:刑更", "case_type:criminal", "kind:ruling", "role:convict"}),
        ("执行裁定_终结本次执行.txt", {"type:执", "case_type:execution", "kind:ruling"}),
        ("公益诉讼_环境污染.txt", {"type:民初", "role:public_interest_plaintiff", "kind:judgment"}),
        ("行政裁定_非诉执行审查.txt", {"case_type:administrative", "stage:non_litigation_review"}),
    ],
)
def test_features_structural_tokens_of_real_samples(sample: str, expected: set[str]) -> None:
    t = make_text(_sample(sample))
    doc = parse_text(t)
    tokens = structural_tokens(doc, find_signals(t, doc))
    assert expected <= set(tokens)
    assert list(tokens) == sorted(set(tokens))


def test_features_route_input_clips_normalised_text() -> None:
    t = make_text("（2017）辽02刑更392号　罪犯蔡恒涛")
    x = route_input(t, parse_text(t))
    assert isinstance(x, RouteInput)
    assert x.text == t.norm and "type:刑更" in x.tokens


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_features_never_raise_on_arbitrary_text(raw: str) -> None:
    t = make_text(raw)
    doc = parse_text(t)
    x = route_input(t, doc, find_signals(t, doc))
    assert all(isinstance(tok, str) for tok in x.tokens)
    assert len(char_ngrams(x.text)) >= 0
