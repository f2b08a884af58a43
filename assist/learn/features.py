"""What the ``tfidf`` backend sees of a text: three token streams and their TF-IDF blocks.

- characters: 1–3-grams of the clipped normalised text (``route.features.char_ngrams``);
- words: jieba's precise-mode segmentation of the same clipped text;
- structure: the router's structural tokens of the parse, with the signals that fired but never
  the issues raised (the ``issues`` model is trained to predict those).

A block's vectorisation (counts → sublinear tf × idf → L2 → weight) is written here in NumPy and
SciPy rather than taken from scikit-learn, so that a model loaded from plain files (vocabulary,
idf) computes exactly what the fitted one did.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from assist.learn.estimator import FloatArray
from assist.route.features import char_ngrams, clip_text, structural_tokens
from assist.text.normalize import make_text

_DIGIT = re.compile(r"\d")


class Tokens(NamedTuple):
    """One text's three token streams (the feature blocks in column order)."""

    char: list[str]
    word: list[str]
    struct: tuple[str, ...]


BLOCKS: tuple[str, ...] = Tokens._fields


def structure_tokens(text: str) -> tuple[str, ...]:
    """The structural tokens of ``text``'s parse and signals (no issues: they are the target)."""
    from assist.pipeline import parse_text
    from assist.signals import find_signals

    t = make_text(text)
    doc = parse_text(t)
    return structural_tokens(doc, find_signals(t, doc))


def words(text: str) -> list[str]:
    """jieba precise-mode words of at least two characters, digits written ``0``; blanks and
    punctuation-only tokens dropped (they say nothing the character block does not)."""
    import jieba

    jieba.setLogLevel(60)  # silence "Building prefix dict" on the first call
    out = []
    for token in jieba.lcut(text, cut_all=False, HMM=False):
        word = _DIGIT.sub("0", token.strip())
        if len(word) >= 2 and any(ch.isalnum() for ch in word):
            out.append(word)
    return out


def clip(text: str) -> str:
    """The normalised text cut to its head and operative part (``route.features.clip_text``)."""
    return clip_text(make_text(text).norm)


def tokens(text: str) -> Tokens:
    """All three streams of one text."""
    clipped = clip(text)
    return Tokens(char_ngrams(clipped), words(clipped), structure_tokens(text))


def select_vocabulary(
    docs: Sequence[Sequence[str]], max_features: int | None, min_df: int
) -> list[str]:
    """The ``max_features`` (None: all) terms in the most documents (ties by term) with
    df ≥ ``min_df``, sorted."""
    df = document_frequency(docs)
    kept = sorted((t for t, n in df.items() if n >= min_df), key=lambda t: (-df[t], t))
    return sorted(kept[:max_features])


def document_frequency(docs: Sequence[Sequence[str]]) -> Counter[str]:
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    return df


def smooth_idf(docs: Sequence[Sequence[str]], vocabulary: Sequence[str]) -> FloatArray:
    """``ln((1 + n) / (1 + df)) + 1`` per term (scikit-learn's smooth idf)."""
    df = document_frequency(docs)
    counts = np.array([df[t] for t in vocabulary], dtype=np.float64)
    return np.log((1.0 + len(docs)) / (1.0 + counts)) + 1.0


def tfidf_block(
    docs: Sequence[Sequence[str]], vocabulary: Sequence[str], idf: FloatArray, weight: float
) -> Any:
    """CSR ``n × len(vocabulary)``: (1 + ln tf) × idf, each row L2-normalised, times ``weight``.

    Rows are computed independently and in column order, so a text gets the same row alone as
    in any batch."""
    import scipy.sparse as sp  # type: ignore[import-untyped]

    index = {term: j for j, term in enumerate(vocabulary)}
    indptr, cols, counts = [0], list[int](), list[int]()
    for doc in docs:
        row = sorted((index[t], c) for t, c in Counter(doc).items() if t in index)
        cols.extend(j for j, _ in row)
        counts.extend(c for _, c in row)
        indptr.append(len(cols))
    col = np.asarray(cols, dtype=np.int64)
    data = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[col]
    rows = np.repeat(np.arange(len(docs)), np.diff(indptr))
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(docs)))
    data = data / norms[rows] * weight  # a row with entries has a positive norm
    shape = (len(docs), len(vocabulary))
    return sp.csr_matrix((data, col, np.asarray(indptr, dtype=np.int64)), shape=shape)
