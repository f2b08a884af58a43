"""The bundled statute store: every article of the laws and interpretations the product cites.

``assist/data/statutes.jsonl.gz`` (built by ``corpora/build_statutes.py`` from the public
statute corpora) holds one JSON object per article and law version. A law may have several
versions (民事诉讼法 2021 and 2023 renumbered articles); a version is in force from its
``effective_from`` up to, not including, its ``effective_to`` (the next version's effective
date or the repeal date; ``None`` while in force). Lookups pick the version in force on a
date, or the latest version when no date is given. Drafted citations must pass
``contains_verbatim``: the product quotes statutes from this store, never from memory.
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from typing import Any

from assist.extract.statutes import normalize_law_name
from assist.text.normalize import normalize
from assist.text.numerals import parse_int

DATA_FILE = "statutes.jsonl.gz"
MANIFEST_FILE = "statutes.manifest.json"

_CN_DIGITS = "零一二三四五六七八九"
_REF = re.compile(
    r"第?(?P<n>[0-9]+|[零〇一二三四五六七八九十百千]+)条?(?:之(?P<s>[0-9]+|[一二三四五六七八九十]+))?"
)
_TRIAL = "(试行)"
_VERSION_NOTE = re.compile(r"\((\d{4})年?[^()]{0,8}\)$")
_SEP = "\x00"  # between articles in the search blob: no keyword can span two articles


def _cn(n: int) -> str:
    """A number in Chinese numerals as statutes write it (105 → 一百零五, 10 → 十)."""
    out, zero, started = "", False, False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        d = n // value % 10
        if d:
            out += "零" if zero else ""
            out += ("" if (value == 10 and d == 1 and not started) else _CN_DIGITS[d]) + unit
            started, zero = True, False
        elif started:
            zero = True
    if n % 10:
        out += ("零" if zero else "") + _CN_DIGITS[n % 10]
    return out or "零"


def article_label(no: int, sub: int = 0) -> str:
    """The article label as statutes write it: (307, 1) → 第三百零七条之一."""
    return f"第{_cn(no)}条" + (f"之{_cn(sub)}" if sub else "")


def parse_article(ref: int | str) -> tuple[int, int] | None:
    """115 / "115" / "第一百一十五条" / "第307条之一" → (number, 之-suffix); None if not one."""
    if isinstance(ref, int):
        return (ref, 0) if ref > 0 else None
    m = _REF.fullmatch(re.sub(r"\s+", "", normalize(ref)))
    if m is None:
        return None
    no = parse_int(m.group("n"))
    sub = parse_int(m.group("s")) if m.group("s") else 0
    return (no, sub) if no and sub is not None and no > 0 else None


@dataclass(frozen=True, slots=True)
class Source:
    """The corpus file an article was read from (path under the corpora root) and its SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article of one version of a law, its text verbatim from the source (款 split by \\n)."""

    law: str
    version: str
    effective_from: date
    effective_to: date | None
    article: str
    article_no: int
    text: str
    source: Source
    chapter: str = ""

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on < self.effective_to)


@dataclass(frozen=True, slots=True)
class LawVersion:
    """One version of a law: its dates and how many articles the store holds for it."""

    law: str
    version: str
    effective_from: date
    effective_to: date | None
    articles: int

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on < self.effective_to)


def _name(law: str) -> str:
    """The full name of a cited law, a version note such as （2021年修正） dropped."""
    return normalize_law_name(_VERSION_NOTE.sub("", normalize(law).strip()))


def _group(law: str) -> str:
    """Versions are grouped under the name without （试行）: 刑事诉讼规则（试行） → 刑事诉讼规则."""
    return law.removesuffix(_TRIAL)


def _article(rec: dict[str, Any]) -> Article:
    src = rec["source"]
    return Article(
        law=rec["law"],
        version=rec["version"],
        effective_from=date.fromisoformat(rec["effective_from"]),
        effective_to=date.fromisoformat(rec["effective_to"]) if rec["effective_to"] else None,
        article=rec["article"],
        article_no=rec["article_no"],
        text=rec["text"],
        source=Source(src["path"], src["sha256"]),
        chapter=rec.get("chapter") or "",
    )


class StatuteStore:
    """Articles indexed by law group, article label and version."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self._by_key: dict[tuple[str, str], list[Article]] = {}
        self._versions: dict[str, dict[tuple[str, str], list[Article]]] = {}
        self._names: dict[str, str] = {}
        for rec in records:
            art = _article(rec)
            group = _group(art.law)
            self._by_key.setdefault((group, art.article), []).append(art)
            self._versions.setdefault(group, {}).setdefault((art.law, art.version), []).append(art)
            for name in (art.law, group, *rec.get("aliases", ())):
                self._names.setdefault(normalize_law_name(name), group)
        for arts in self._by_key.values():
            arts.sort(key=lambda a: a.effective_from)

    @classmethod
    def from_bytes(cls, data: bytes) -> StatuteStore:
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        return cls(json.loads(line) for line in lines if line)

    # --- names and versions ------------------------------------------------------------

    def laws(self) -> list[str]:
        """Every law group in the store (the name without （试行）), sorted."""
        return sorted(self._versions)

    def resolve(self, law: str) -> str | None:
        """The store's name for a law given by full name, short name or alias; None if absent."""
        name = _name(law)
        return self._names.get(name) or self._names.get(_group(name))

    def versions(self, law: str) -> list[LawVersion]:
        """Every version of a law held in the store, oldest first (repealed ones included)."""
        group = self.resolve(law)
        if group is None:
            return []
        out = [
            LawVersion(name, ver, arts[0].effective_from, arts[0].effective_to, len(arts))
            for (name, ver), arts in self._versions[group].items()
        ]
        return sorted(out, key=lambda v: v.effective_from)

    # --- lookups -----------------------------------------------------------------------

    def get(self, law: str, article: int | str, *, on: date | None = None) -> Article | None:
        """The article in the version in force on ``on`` (the latest version when None).

        A version note in the name picks that version when no date is given
        (《中华人民共和国民事诉讼法》（2021年修正） → the 2021 version); a name with （试行）
        only matches the trial version.
        """
        group, ref = self.resolve(law), parse_article(article)
        if group is None or ref is None:
            return None
        arts = self._by_key.get((group, article_label(*ref)), [])
        name = _name(law)
        if name.endswith(_TRIAL):
            arts = [a for a in arts if a.law == name]
        if on is not None:
            return next((a for a in reversed(arts) if a.in_force(on)), None)
        note = _VERSION_NOTE.search(normalize(law).strip())
        if note:
            return next((a for a in arts if a.version == note.group(1)), None)
        return arts[-1] if arts else None

    def contains_verbatim(
        self, law: str, article_no: int | str, text: str, on: date | None = None
    ) -> bool:
        """True when ``text`` is found verbatim in the stored article (the citation check).

        A quote running over two 款 may leave out the paragraph break; nothing else is
        forgiven: punctuation, numerals and every character must be as promulgated.
        """
        art = self.get(law, article_no, on=on)
        if art is None or not text.strip():
            return False
        return text in art.text or text in art.text.replace("\n", "")

    # --- keyword search ----------------------------------------------------------------

    @cached_property
    def _blobs(self) -> dict[str, list[tuple[str, list[int], list[Article]]]]:
        """Per law group, per version: normalised texts joined by a separator, with offsets."""
        out: dict[str, list[tuple[str, list[int], list[Article]]]] = {}
        for group, versions in sorted(self._versions.items()):
            for arts in sorted(versions.values(), key=lambda a: a[0].effective_from):
                starts, pos = [], 0
                for art in arts:
                    starts.append(pos)
                    pos += len(art.text) + 1
                blob = normalize(_SEP.join(a.text for a in arts))
                out.setdefault(group, []).append((blob, starts, arts))
        return out

    def search(
        self, keyword: str, *, law: str | None = None, on: date | None = None, limit: int = 20
    ) -> list[Article]:
        """Articles whose normalised text contains the normalised keyword, in statute order.

        Searches the version in force on ``on`` of each law (the latest version when None);
        ``law`` restricts the search to one law.
        """
        kw = normalize(keyword).strip()
        if not kw or _SEP in kw or limit <= 0:
            return []
        groups = [self.resolve(law)] if law is not None else sorted(self._blobs)
        out: list[Article] = []
        for group in groups:
            if group is None:
                continue
            for art in self._find(group, kw, on):
                out.append(art)
                if len(out) >= limit:
                    return out
        return out

    def _find(self, group: str, kw: str, on: date | None) -> Iterator[Article]:
        versions = self._blobs[group]
        chosen = [versions[-1]] if on is None else [v for v in versions if v[2][0].in_force(on)]
        for blob, starts, arts in chosen:
            i = blob.find(kw)
            while i >= 0:
                k = bisect_right(starts, i) - 1
                yield arts[k]
                nxt = starts[k + 1] if k + 1 < len(starts) else len(blob)
                i = blob.find(kw, nxt)


@cache
def default_store() -> StatuteStore:
    """The store from the packaged data file, read on first use (never at import)."""
    data = resources.files("assist.data").joinpath(DATA_FILE).read_bytes()
    return StatuteStore.from_bytes(data)


@cache
def manifest() -> dict[str, Any]:
    """The build manifest: counts, versions, effective dates and their basis, source hashes."""
    text = resources.files("assist.data").joinpath(MANIFEST_FILE).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
