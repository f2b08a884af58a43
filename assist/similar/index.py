"""A similar-case index over {id, text}: built once, queried fast, saved without pickle.

Score of a document ``d`` for a query ``q`` (a dot product of sparse vectors, divided by the
query's score against itself so that it lies in [0, 1]):

    w_text · cos(t_q, t_d)  +  Σ_e  present_e · [both have e]  +  absent_e · [neither has e]

``t`` is the unit char n-gram vector (TF-IDF with sublinear tf, or BM25), with IDF computed
over the indexed corpus itself (no labels); ``e`` runs over the legal elements of
``assist.similar.features``. The weights are data (``assist/data/similar_weights.json``, fitted
by ``training/eval_similar.py``). Text postings are stored per term (CSC), so a query touches
only the documents sharing its n-grams; elements are a small dense 0/1 matrix.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from assist.similar.features import CaseFeatures, case_features, element_labels

FORMAT = "case-assist/similar-index"
VERSION = 1
Scheme = Literal["tfidf", "bm25"]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SimilarWeights:
    scheme: Scheme = "tfidf"
    ngram: int = 2
    k1: float = 1.2  # BM25 only
    b: float = 0.75  # BM25 only
    text: float = 1.0
    present: dict[str, float] = field(default_factory=dict)  # element code → weight
    absent: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme, "ngram": self.ngram, "k1": self.k1, "b": self.b,
            "text": self.text, "present": self.present, "absent": self.absent,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SimilarWeights:
        scheme = data.get("scheme", "tfidf")
        if scheme not in ("tfidf", "bm25"):
            raise ValueError(f"unknown text scheme {scheme!r}")
        return cls(
            scheme=scheme,
            ngram=int(data.get("ngram", 2)),
            k1=float(data.get("k1", 1.2)),
            b=float(data.get("b", 0.75)),
            text=float(data.get("text", 1.0)),
            present={str(k): float(v) for k, v in data.get("present", {}).items()},
            absent={str(k): float(v) for k, v in data.get("absent", {}).items()},
        )


@cache
def default_weights() -> SimilarWeights:
    """The fitted weights shipped with the package."""
    raw = resources.files("assist.data").joinpath("similar_weights.json").read_text("utf-8")
    return SimilarWeights.from_json(json.loads(raw)["weights"])


def uniform_weights(scheme: Scheme = "tfidf", ngram: int = 2) -> SimilarWeights:
    """Untuned weights: the text cosine plus the share of elements on which two cases agree."""
    codes = element_codes()
    each = 1.0 / len(codes)
    return SimilarWeights(
        scheme=scheme,
        ngram=ngram,
        present=dict.fromkeys(codes, each),
        absent=dict.fromkeys(codes, each),
    )


def element_codes() -> tuple[str, ...]:
    return tuple(sorted(element_labels()))


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    score: float
    shared: tuple[str, ...]  # the legal elements both cases have, in Chinese


class SimilarIndex:
    """Char n-gram postings and element flags of a corpus, with the weights that score it."""

    def __init__(
        self,
        ids: Sequence[str],
        vocab: Sequence[str],
        idf: F64,
        avgdl: float,
        postings: tuple[I64, npt.NDArray[np.int32], F32],
        elements: npt.NDArray[np.uint8],
        codes: Sequence[str],
        weights: SimilarWeights,
    ) -> None:
        self.ids = list(ids)
        self.vocab = list(vocab)
        self.term_id = {term: i for i, term in enumerate(self.vocab)}
        self.idf = idf
        self.avgdl = avgdl
        self.ptr, self.doc, self.val = postings
        self.elements = elements
        self.codes = list(codes)
        self.weights = weights
        self._wp = np.array([weights.present.get(c, 0.0) for c in self.codes], dtype=np.float64)
        self._wa = np.array([weights.absent.get(c, 0.0) for c in self.codes], dtype=np.float64)
        self._rank = np.argsort(-self._wp, kind="stable")  # shared facts, heaviest first

    # ---- building ----
    @classmethod
    def build(
        cls, corpus: Iterable[tuple[str, str]], weights: SimilarWeights | None = None
    ) -> SimilarIndex:
        w = weights or default_weights()
        ids: list[str] = []
        feats: list[CaseFeatures] = []
        for doc_id, text in corpus:
            ids.append(doc_id)
            feats.append(case_features(text, w.ngram))
        return cls.from_features(ids, feats, w)

    @classmethod
    def from_features(
        cls, ids: Sequence[str], feats: Sequence[CaseFeatures], weights: SimilarWeights
    ) -> SimilarIndex:
        vocab: dict[str, int] = {}
        for f in feats:
            for term in f.terms:
                vocab.setdefault(term, len(vocab))
        n = len(feats)
        df = np.zeros(len(vocab), dtype=np.float64)
        rows: list[I64] = []
        for f in feats:
            rows.append(np.fromiter((vocab[t] for t in f.terms), np.int64, len(f.terms)))
            df[rows[-1]] += 1
        idf = _idf(weights.scheme, df, n)
        avgdl = float(np.mean([f.length for f in feats])) if feats else 1.0
        terms, docs, vals = [], [], []
        for d, (f, idx) in enumerate(zip(feats, rows, strict=True)):
            tf = np.fromiter(f.terms.values(), np.float64, len(f.terms))
            w = _unit(_weigh(weights, tf, idf[idx], f.length, avgdl))
            terms.append(idx)
            docs.append(np.full(len(idx), d, dtype=np.int32))
            vals.append(w.astype(np.float32))
        postings = _csc(terms, docs, vals, len(vocab))
        codes = element_codes()
        flags = np.zeros((n, len(codes)), dtype=np.uint8)
        col = {c: i for i, c in enumerate(codes)}
        for d, f in enumerate(feats):
            for fact in f.facts:
                if fact.code in col:
                    flags[d, col[fact.code]] = 1
        vocab_list = sorted(vocab, key=vocab.__getitem__)
        return cls(ids, vocab_list, idf, avgdl, postings, flags, codes, weights)

    # ---- querying ----
    def __len__(self) -> int:
        return len(self.ids)

    def featurize(self, text: str) -> CaseFeatures:
        return case_features(text, self.weights.ngram)

    def search(self, text: str, top: int = 10) -> list[Hit]:
        """The ``top`` documents most similar to ``text``, best first."""
        return self.search_features(self.featurize(text), top)

    def search_features(self, feats: CaseFeatures, top: int = 10) -> list[Hit]:
        scores = self.scores(feats)
        k = max(0, min(top, len(scores)))
        if k == 0:
            return []
        part = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        order = part[np.lexsort((part, -scores[part]))]  # score, then corpus order
        flags = self._flags(feats)
        return [Hit(self.ids[d], float(scores[d]), self.shared(flags, int(d))) for d in order]

    def scores(self, feats: CaseFeatures) -> F64:
        """The score of every document for one query, in [0, 1]: the weighted agreement as a
        share of the query's agreement with itself (an identical document scores 1)."""
        if not self.ids:
            return np.zeros(0, dtype=np.float64)
        q = self._flags(feats).astype(np.float64)
        itself = self.weights.text + float(self._wp @ q + self._wa @ (1.0 - q))
        total = self.weights.text * self.text_scores(feats) + self.element_scores(feats)
        scores = total / itself if itself > 0 else total
        return np.clip(scores, 0.0, 1.0)  # float32 postings may overshoot 1 by an ulp

    def text_scores(self, feats: CaseFeatures) -> F64:
        """Cosine of the query's n-gram vector with every document's."""
        n = len(self.ids)
        known = [(self.term_id[t], c) for t, c in feats.terms.items() if t in self.term_id]
        unknown = np.array([c for t, c in feats.terms.items() if t not in self.term_id], float)
        if not known:
            return np.zeros(n, dtype=np.float64)
        idx = np.array([i for i, _ in known], dtype=np.int64)
        tf = np.array([c for _, c in known], dtype=np.float64)
        w = _weigh(self.weights, tf, self.idf[idx], feats.length, self.avgdl)
        unseen_idf = _idf(self.weights.scheme, np.zeros(1), n)
        extra = _weigh(self.weights, unknown, unseen_idf, feats.length, self.avgdl)
        norm = math.sqrt(float(w @ w) + float(extra @ extra))
        if norm == 0:
            return np.zeros(n, dtype=np.float64)
        starts, ends = self.ptr[idx], self.ptr[idx + 1]
        lengths = ends - starts
        pos = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        weights = self.val[pos] * np.repeat(w / norm, lengths)
        scores = np.bincount(self.doc[pos], weights=weights, minlength=n)
        return np.asarray(scores, dtype=np.float64)

    def element_scores(self, feats: CaseFeatures) -> F64:
        """Weighted agreement of the query's elements with every document's."""
        q = self._flags(feats).astype(np.float64)
        present = self._wp * q
        absent = self._wa * (1.0 - q)
        flags = self.elements.astype(np.float64)
        return np.asarray(flags @ (present - absent) + absent.sum(), dtype=np.float64)

    def shared(self, query_flags: npt.NDArray[np.uint8], d: int) -> tuple[str, ...]:
        """The elements the query and document ``d`` both have, as Chinese phrases."""
        labels = element_labels()
        both = query_flags & self.elements[d]
        return tuple(labels[self.codes[i]] for i in self._rank if both[i])

    def _flags(self, feats: CaseFeatures) -> npt.NDArray[np.uint8]:
        have = {f.code for f in feats.facts}
        return np.array([c in have for c in self.codes], dtype=np.uint8)

    # ---- saving ----
    def save(self, path: str | Path) -> None:
        """Write the index as one ``.npz`` (arrays and a UTF-8 JSON header; no pickle)."""
        meta = {
            "format": FORMAT, "version": VERSION, "ids": self.ids, "vocab": self.vocab,
            "codes": self.codes, "avgdl": self.avgdl, "weights": self.weights.to_json(),
        }  # fmt: skip
        header = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), np.uint8)
        with Path(path).open("wb") as fh:
            np.savez_compressed(
                fh, meta=header, idf=self.idf, ptr=self.ptr, doc=self.doc, val=self.val,
                elements=self.elements,
            )  # fmt: skip

    @classmethod
    def load(cls, path: str | Path) -> SimilarIndex:
        with np.load(Path(path), allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
            if meta.get("format") != FORMAT or meta.get("version") != VERSION:
                raise ValueError(f"{path}: not a similar-case index of version {VERSION}")
            postings = (z["ptr"].astype(np.int64), z["doc"].astype(np.int32), z["val"])
            return cls(
                meta["ids"], meta["vocab"], z["idf"], float(meta["avgdl"]), postings,
                z["elements"], meta["codes"], SimilarWeights.from_json(meta["weights"]),
            )  # fmt: skip


def _idf(scheme: Scheme, df: F64, n: int) -> F64:
    if scheme == "bm25":
        return np.asarray(np.log1p((n - df + 0.5) / (df + 0.5)), dtype=np.float64)
    return np.asarray(np.log((1.0 + n) / (1.0 + df)) + 1.0, dtype=np.float64)


def _weigh(w: SimilarWeights, tf: F64, idf: F64, length: int, avgdl: float) -> F64:
    if w.scheme == "bm25":
        norm = w.k1 * (1.0 - w.b + w.b * length / max(avgdl, 1e-9))
        return np.asarray(idf * tf * (w.k1 + 1.0) / (tf + norm), dtype=np.float64)
    return np.asarray((1.0 + np.log(np.maximum(tf, 1.0))) * idf, dtype=np.float64)


def _unit(v: F64) -> F64:
    norm = float(np.sqrt(v @ v))
    return v / norm if norm > 0 else v


def _csc(
    terms: list[I64], docs: list[npt.NDArray[np.int32]], vals: list[F32], n_terms: int
) -> tuple[I64, npt.NDArray[np.int32], F32]:
    """Postings sorted by term: ``ptr[t]:ptr[t+1]`` indexes term ``t``'s documents."""
    if not terms:
        return np.zeros(n_terms + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32)
    t = np.concatenate(terms)
    order = np.argsort(t, kind="stable")
    ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(t, minlength=n_terms), out=ptr[1:])
    return ptr, np.concatenate(docs)[order], np.concatenate(vals)[order]
