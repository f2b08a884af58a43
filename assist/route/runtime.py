"""``RouterRuntime``: the fitted ``DomainRouter`` as plain arrays, run with NumPy alone.

Loading scikit-learn and skops costs seconds and ~200 MB per process; inference needs neither.
This class repeats, operation for operation, what the scikit-learn pipeline computes, so its
probabilities are bit-for-bit those of the estimator (tests/route/test_runtime.py):

- ``HashingVectorizer`` (no alternate sign): signed MurmurHash3 (x86, 32-bit, seed 0) of each
  token's UTF-8 bytes, column ``abs(h) % n_features``, counts summed — vectorised here: every
  n-gram is at most 12 bytes, gathered from the encoded text into three zero-padded words;
- the kept text columns, ``1 + log(tf)`` and × idf in float32, L2 row norm summed in float64 in
  the order scipy stores the row (``csr @ diags`` leaves columns descending);
- structural one-hot, L2-normalised and scaled, in float32;
- the logistic heads: ``X @ coef.T`` accumulated entry by entry in float64 (as scipy's
  ``csr_matvecs``) in the heads' dtype (float32 when fitted on the float32 design), then
  softmax (multinomial) or, for two classes, ``expit`` with the C library's ``exp``/``expf``.

Saved as ``router.npz`` (NumPy arrays, read with ``allow_pickle=False``) and ``router.json``
(classes, head structure, parameters); ``assist.route.registry`` checks both before reading.
"""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast, get_args

import numpy as np
from numpy.typing import NDArray

from assist.analysis import Alternative, DomainGuess, DomainLabel
from assist.route.constraints import restrict
from assist.route.features import NGRAM_SIZES, RouteInput, ngram_source

ARRAYS_FILE = "router.npz"
HEADER_FILE = "router.json"
RUNTIME_FORMAT = 1
DOMAINS: tuple[str, ...] = get_args(DomainLabel)
FloatArray = NDArray[np.float64]
U32 = NDArray[np.uint32]

_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)


class RuntimeFormatError(ValueError):
    """Arrays or header that do not describe a router this code can run."""


# -- hashing -----------------------------------------------------------------------------
def _rotl(x: U32, r: int) -> U32:
    return cast(U32, (x << np.uint32(r)) | (x >> np.uint32(32 - r)))


def _mix(k: U32) -> U32:
    k = k * _C1
    return cast(U32, _rotl(k, 15) * _C2)


def murmurhash3_32(words: U32, lengths: NDArray[np.int64]) -> NDArray[np.int32]:
    """Signed MurmurHash3_x86_32 (seed 0) of byte strings given as little-endian words
    (``words[i, j]`` = bytes 4j..4j+3 of string i, zero-padded) and their byte lengths."""
    with np.errstate(over="ignore"):
        h = np.zeros(len(lengths), np.uint32)
        blocks = lengths // 4
        for j in range(words.shape[1]):
            full = blocks > j
            mixed = _rotl(h ^ _mix(words[:, j]), 13) * np.uint32(5) + np.uint32(0xE6546B64)
            tail = (blocks == j) & (lengths % 4 != 0)
            h = np.where(full, mixed, np.where(tail, h ^ _mix(words[:, j]), h))
        h ^= lengths.astype(np.uint32)
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
    return h.view(np.int32)


def hash_columns(hashes: NDArray[np.int32], n_features: int) -> NDArray[np.int64]:
    """scikit-learn's column of a signed hash: ``abs(h) % n_features`` (−2³¹ handled as it is)."""
    h = hashes.astype(np.int64)
    out = np.abs(h) % n_features
    out[h == -(2**31)] = (2**31 - 1 - (n_features - 1)) % n_features
    return out


def token_columns(tokens: Sequence[str], n_features: int) -> NDArray[np.int64]:
    """Hashed columns of short tokens (structural tokens: a handful per document)."""
    data = [t.encode("utf-8") for t in tokens]
    width = max((len(b) for b in data), default=0) // 4 + 1
    buf = np.zeros((len(data), 4 * width), np.uint8)
    for i, b in enumerate(data):
        buf[i, : len(b)] = np.frombuffer(b, np.uint8)
    words = buf.view("<u4").astype(np.uint32)
    lengths = np.array([len(b) for b in data], np.int64)
    return hash_columns(murmurhash3_32(words, lengths), n_features)


def ngram_columns(text: str, n_features: int) -> NDArray[np.int64]:
    """Hashed columns of ``char_ngrams(text)``, in the same order, without a Python loop over
    the n-grams: each n-gram's UTF-8 bytes are gathered from the encoded string."""
    s = ngram_source(text)
    if not s:
        return np.zeros(0, np.int64)
    chars = np.frombuffer(s.encode("utf-32-le"), np.uint32)
    nbytes = np.where(chars < 0x80, 1, np.where(chars < 0x800, 2, np.where(chars < 0x10000, 3, 4)))
    encoded = np.frombuffer(s.encode("utf-8"), np.uint8)
    starts = np.concatenate(([0], np.cumsum(nbytes)))
    width = 4 * max(NGRAM_SIZES)  # bytes of the longest n-gram
    padded = np.concatenate((encoded, np.zeros(width, np.uint8)))
    firsts, lengths = [], []
    for n in NGRAM_SIZES:
        m = len(chars) - n + 1
        if m > 0:
            firsts.append(starts[:m])
            lengths.append(starts[n : n + m] - starts[:m])
    first = np.concatenate(firsts)
    length = np.concatenate(lengths).astype(np.int64)
    idx = first[:, None] + np.arange(width)
    gathered = np.where(np.arange(width) < length[:, None], padded[idx], 0).astype(np.uint8)
    words = np.ascontiguousarray(gathered).view("<u4").astype(np.uint32)
    return hash_columns(murmurhash3_32(words, length), n_features)


# -- the design row of one document ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Row:
    """One design row as scipy stores it: columns and float32 values in storage order."""

    cols: NDArray[np.int64]
    data: NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Head:
    """A fitted logistic head (``coef`` k × features, or 1 × features for two classes), or a
    constant label where the domain had a single sub-domain (``classes`` of length one)."""

    classes: tuple[str, ...]
    coef: FloatArray | None = None
    intercept: FloatArray | None = None

    def proba(self, rows: Sequence[Row]) -> FloatArray:
        """scikit-learn's ``predict_proba`` in the dtype the head was fitted in (float32 when
        the design was), returned as float64 like ``DomainRouter``."""
        if self.coef is None or self.intercept is None:
            return np.ones((len(rows), 1))
        dtype = self.coef.dtype
        weights = np.ascontiguousarray(self.coef.T)
        scores = np.zeros((len(rows), weights.shape[1]), dtype)
        for i, row in enumerate(rows):  # scipy csr_matvecs: y += a * x, entry by entry
            if len(row.cols):
                products = row.data.astype(dtype)[:, None] * weights[row.cols]
                scores[i] = np.cumsum(products, axis=0)[-1]
        scores = scores + self.intercept
        if len(self.classes) == 2:
            p = _expit(scores[:, 0])
            return np.stack([1 - p, p], axis=1).astype(np.float64)
        scores -= np.reshape(np.max(scores, axis=1), (-1, 1))  # sklearn.utils.extmath.softmax
        np.exp(scores, out=scores)
        scores /= np.reshape(np.sum(scores, axis=1), (-1, 1))
        return scores.astype(np.float64)


class RouterRuntime:
    """The inference half of ``DomainRouter`` (``predict_proba``, ``route``) on NumPy arrays."""

    def __init__(
        self,
        *,
        n_features: int,
        struct_features: int,
        struct_weight: float,
        text_columns: NDArray[np.int32],
        idf: NDArray[np.float32],
        domain: Head,
        subdomains: Mapping[str, Head],
    ) -> None:
        self.n_features = n_features
        self.struct_features = struct_features
        self.struct_weight = struct_weight
        self.text_columns = text_columns
        self.idf = idf
        self.domain = domain
        self.subdomains = dict(subdomains)
        self.classes_ = np.array(domain.classes)
        # hashed column → its place among the kept columns, or -1 (4 MB at 2**20 columns)
        self._position = np.full(n_features, -1, np.int32)
        self._position[text_columns] = np.arange(len(text_columns), dtype=np.int32)

    # -- features --------------------------------------------------------------------------
    def _text(self, text: str) -> Row:
        cols = ngram_columns(text, self.n_features)
        kept = self.text_columns
        if not len(kept):
            return Row(np.zeros(0, np.int64), np.zeros(0, np.float32))
        pos = self._position[cols]
        pos = pos[pos >= 0]
        counts = np.bincount(pos, minlength=len(kept))
        nz = np.flatnonzero(counts)[::-1]  # csr @ diags leaves each row's columns descending
        tf = counts[nz].astype(np.float32)
        data = (1.0 + np.log(tf)).astype(np.float32) * self.idf[nz]
        squares = (data * data).astype(np.float64)  # sklearn: float products, double sum
        total = float(np.cumsum(squares)[-1]) if len(squares) else 0.0
        if total != 0.0:
            data = (data.astype(np.float64) / math.sqrt(total)).astype(np.float32)
        return Row(nz.astype(np.int64), data)

    def _struct(self, tokens: Sequence[str]) -> Row:
        cols = np.unique(token_columns(tokens, self.struct_features)).astype(np.int64)
        value = np.float32(1.0 / math.sqrt(len(cols))) if len(cols) else np.float32(0)
        data = np.full(len(cols), value, np.float32) * np.float32(self.struct_weight)
        return Row(cols + len(self.text_columns), data.astype(np.float32))

    def design_row(self, x: RouteInput) -> Row:
        text, struct = self._text(x.text), self._struct(x.tokens)
        return Row(np.concatenate((text.cols, struct.cols)), np.concatenate((text.data, struct.data)))  # fmt: skip

    # -- predict ---------------------------------------------------------------------------
    def predict_proba(self, X: Sequence[RouteInput]) -> FloatArray:
        """P(domain) per document, columns in the order of ``classes_``."""
        return self.domain.proba([self.design_row(x) for x in X])

    def predict(self, X: Sequence[RouteInput]) -> NDArray[np.str_]:
        return cast(NDArray[np.str_], self.classes_[self.predict_proba(X).argmax(axis=1)])

    def route(
        self, X: Sequence[RouteInput], allowed: Sequence[frozenset[str] | None] | None = None
    ) -> list[DomainGuess]:
        """One ``DomainGuess`` per document, as ``DomainRouter.route``; ``allowed`` (one per
        document, from ``constraints.allowed_domains``) rules domains out before the argmax."""
        rows = [self.design_row(x) for x in X]
        proba = self.domain.proba(rows)
        keep = allowed if allowed is not None else [None] * len(rows)
        classes = [str(c) for c in self.classes_]
        out = []
        for row, raw, ok in zip(rows, proba, keep, strict=True):
            p = restrict(classes, raw, ok)
            label = classes[int(p.argmax())]
            out.append(guess(self.classes_, p, label, self.subdomain_proba(row, label)))
        return out

    def subdomain_proba(self, row: Row, domain: str) -> dict[str, float]:
        head = self.subdomains.get(domain)
        if head is None:
            return {}
        p = head.proba([row])[0]
        return {c: float(v) for c, v in zip(head.classes, p, strict=True)}

    def labels(self) -> dict[str, list[str]]:
        """Domain → the sub-domains the model can output."""
        return {d: list(self.subdomains[d].classes) if d in self.subdomains else [] for d in self.domain.classes}  # fmt: skip

    # -- export / persistence --------------------------------------------------------------
    @classmethod
    def from_router(cls, router: Any) -> RouterRuntime:
        """The fitted state of a ``DomainRouter`` (read by attribute: no scikit-learn import)."""
        model = router.domain_model_
        subs: dict[str, Head] = {}
        for domain, head in router.subdomain_models_.items():
            if isinstance(head, str):
                subs[str(domain)] = Head((head,))
            else:
                subs[str(domain)] = _head(head)
        return cls(
            n_features=int(router.n_features),
            struct_features=int(router.struct_features),
            struct_weight=float(router.struct_weight),
            text_columns=np.asarray(router.text_columns_, np.int32),
            idf=np.asarray(router.idf_, np.float32),
            domain=_head(model),
            subdomains=subs,
        )

    def header(self) -> dict[str, Any]:
        return {
            "format": RUNTIME_FORMAT,
            "n_features": self.n_features,
            "struct_features": self.struct_features,
            "struct_weight": self.struct_weight,
            "classes": list(self.domain.classes),
            "subdomains": {d: list(h.classes) for d, h in self.subdomains.items()},
        }

    def arrays(self) -> dict[str, NDArray[Any]]:
        out: dict[str, NDArray[Any]] = {"text_columns": self.text_columns, "idf": self.idf}
        for name, head in [("domain", self.domain), *self.subdomains.items()]:
            if head.coef is not None and head.intercept is not None:
                out[f"{name}.coef"], out[f"{name}.intercept"] = head.coef, head.intercept
        return out

    def save(self, folder: Path) -> None:
        """Write ``router.npz`` and ``router.json`` into ``folder``."""
        with (folder / ARRAYS_FILE).open("wb") as fh:
            np.savez_compressed(fh, allow_pickle=False, **self.arrays())
        text = json.dumps(self.header(), ensure_ascii=False, indent=2, sort_keys=True)
        (folder / HEADER_FILE).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> RouterRuntime:
        """Read what ``save`` wrote (no pickle); ``RuntimeFormatError`` if it does not fit."""
        header = json.loads((folder / HEADER_FILE).read_text(encoding="utf-8"))
        try:
            with np.load(folder / ARRAYS_FILE, allow_pickle=False) as npz:
                arrays = {name: npz[name] for name in npz.files}
        except (OSError, ValueError, zipfile.BadZipFile) as exc:
            raise RuntimeFormatError(f"cannot read {folder / ARRAYS_FILE}: {exc}") from exc
        return cls.from_parts(header, arrays)

    @classmethod
    def from_parts(cls, header: Any, arrays: Mapping[str, NDArray[Any]]) -> RouterRuntime:
        """Check header and arrays against each other, then build the runtime."""
        if not isinstance(header, dict) or header.get("format") != RUNTIME_FORMAT:
            raise RuntimeFormatError(f"header is not router runtime format {RUNTIME_FORMAT}")
        try:
            classes = [str(c) for c in header["classes"]]
            subs = {str(d): [str(c) for c in cs] for d, cs in header["subdomains"].items()}
            n_features, n_struct = int(header["n_features"]), int(header["struct_features"])
            weight = float(header["struct_weight"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RuntimeFormatError(f"header lacks or garbles {exc}") from exc
        if bad := [d for d in [*classes, *subs] if d not in DOMAINS]:
            raise RuntimeFormatError(f"unknown domains {bad}; use {DOMAINS}")
        text_columns = _array(arrays, "text_columns", np.int32, None)
        width = len(text_columns) + n_struct
        heads = {name: _parts(arrays, name, labels, width)
                 for name, labels in [("domain", classes), *subs.items()]}  # fmt: skip
        expected = {"text_columns", "idf"} | {f"{n}.{p}" for n, h in heads.items() if h.coef is not None for p in ("coef", "intercept")}  # fmt: skip
        if unexpected := sorted(set(arrays) - expected):
            raise RuntimeFormatError(f"unexpected arrays {unexpected}")
        if np.any(np.diff(text_columns) <= 0) or (len(text_columns) and (text_columns[0] < 0 or text_columns[-1] >= n_features)):  # fmt: skip
            raise RuntimeFormatError("text_columns must be sorted, distinct and < n_features")
        domain = heads.pop("domain")
        return cls(
            n_features=n_features,
            struct_features=n_struct,
            struct_weight=weight,
            text_columns=text_columns,
            idf=_array(arrays, "idf", np.float32, (len(text_columns),)),
            domain=domain,
            subdomains=heads,
        )


@cache
def _libm_expf() -> Callable[[float], float] | None:
    """The C library's ``expf``, which scipy's float32 ``expit`` calls (NumPy's own float32
    ``exp`` can differ in the last bit)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("m")
    try:
        expf = ctypes.CDLL(name).expf
    except (OSError, AttributeError):
        return None
    expf.restype, expf.argtypes = ctypes.c_float, [ctypes.c_float]
    return cast(Callable[[float], float], expf)


def _expit(x: NDArray[Any]) -> NDArray[Any]:
    """scipy.special.expit, ``1 / (1 + exp(-x))`` with libm's exp in the dtype of ``x``."""
    one = x.dtype.type(1)
    if x.dtype == np.float64:
        e = np.array([math.exp(-float(v)) for v in x], np.float64)
    elif (expf := _libm_expf()) is not None:
        e = np.array([expf(-float(v)) for v in x], np.float32)
    else:  # no libm to call: within one float32 ulp
        e = np.exp(-x)
    return cast(NDArray[Any], one / (one + e))


def _head(model: Any) -> Head:
    coef = np.asarray(model.coef_)
    if coef.dtype not in (np.float32, np.float64) or model.intercept_.dtype != coef.dtype:
        raise RuntimeFormatError(f"cannot export a head with coef_ of {coef.dtype}")
    return Head(tuple(str(c) for c in model.classes_), coef, np.asarray(model.intercept_))


def _array(
    arrays: Mapping[str, NDArray[Any]], name: str, dtype: type[Any], shape: tuple[int, ...] | None
) -> NDArray[Any]:
    a = arrays.get(name)
    if a is None:
        raise RuntimeFormatError(f"array {name!r} is missing")
    if a.dtype != dtype or (shape is not None and a.shape != shape) or a.ndim != (len(shape) if shape else 1):  # fmt: skip
        raise RuntimeFormatError(f"array {name!r} is {a.dtype}{a.shape}, not {np.dtype(dtype)}{shape or '(n,)'}")  # fmt: skip
    return a


def _parts(arrays: Mapping[str, NDArray[Any]], name: str, labels: list[str], width: int) -> Head:
    if len(labels) == 1:
        return Head(tuple(labels))
    if len(labels) < 1:
        raise RuntimeFormatError(f"head {name!r} has no classes")
    k = 1 if len(labels) == 2 else len(labels)
    found = arrays.get(f"{name}.coef")
    dtype: type[Any] = np.float32 if found is not None and found.dtype == np.float32 else np.float64  # fmt: skip
    coef = _array(arrays, f"{name}.coef", dtype, (k, width))
    intercept = _array(arrays, f"{name}.intercept", dtype, (k,))
    return Head(tuple(labels), coef, intercept)


def _domain(label: str) -> DomainLabel:
    if label not in DOMAINS:
        raise ValueError(f"the model predicts {label!r}, not a domain of {DOMAINS}")
    return cast(DomainLabel, label)


def guess(classes: NDArray[Any], proba: FloatArray, label: str, sub: dict[str, float]) -> DomainGuess:  # fmt: skip
    """The ``DomainGuess`` of one document from its domain and sub-domain probabilities."""
    order = np.argsort(-proba, kind="stable")
    alternatives = tuple(
        Alternative(_domain(str(classes[i])), round(float(proba[i]), 4))
        for i in order
        if str(classes[i]) != label
    )
    subdomain = max(sub, key=sub.__getitem__) if sub else None
    score = round(float(proba[list(classes).index(label)]), 4)
    return DomainGuess(_domain(label), subdomain, score, alternatives)
