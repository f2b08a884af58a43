"""Length-preserving normalisation.

Every rule maps one character to exactly one character, so an offset into the
normalised text is the same offset into the text as received. Extractors match on
``Text.norm`` and report offsets (and raw evidence) against ``Text.raw``.

What changes: full-width ASCII forms become ASCII (（，：；０-９ → (,:;0-9), every kind of
blank becomes a space, ``\\r`` becomes ``\\n``, 〔〕 become (), dash variants become ``-``,
○/◯ become 〇, and traditional characters become simplified (OpenCC table, data file).
HTML left in the text (``<p>``, ``&nbsp;``) is blanked in place: see ``assist/text/markup``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from assist.text.markup import blank_markup

_BLANKS = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"
_EXTRA = {"\r": "\n", "\u3014": "(", "\u3015": ")", "\u25cb": "〇", "\u25ef": "〇", "\u00b7": "·"}


@cache
def _t2s() -> dict[str, str]:
    table: dict[str, str] = {}
    data = resources.files("assist.data").joinpath("t2s.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[trad] = simp
    return table


@cache
def _table() -> dict[int, str]:
    mapping: dict[str, str] = {}
    for code in range(0xFF01, 0xFF5F):
        mapping[chr(code)] = chr(code - 0xFEE0)
    mapping.update(dict.fromkeys(_BLANKS, " "))
    mapping.update(dict.fromkeys(_DASHES, "-"))
    mapping.update(_EXTRA)
    for trad, simp in _t2s().items():
        mapping.setdefault(trad, simp)
    # Close the map under itself so that normalising twice changes nothing.
    for key, value in list(mapping.items()):
        seen = {key}
        while value in mapping and value not in seen:
            seen.add(value)
            value = mapping[value]
        mapping[key] = value
    return {ord(k): v for k, v in mapping.items() if k != v}


def normalize(text: str) -> str:
    """Return ``text`` with the one-to-one character rules applied (same length).

    Markup is blanked after the character rules, so that full-width markup is caught too and
    a second pass changes nothing."""
    once = text.translate(_table())
    blanked = blank_markup(once)
    # An entity may stand for a character the rules change (&#65288; is （).
    return once if blanked is once else blanked.translate(_table())


@dataclass(frozen=True, slots=True)
class Text:
    """A document's text as received (``raw``) and its normalised twin (``norm``)."""

    raw: str
    norm: str

    def __post_init__(self) -> None:
        if len(self.raw) != len(self.norm):
            raise ValueError("normalised text must keep the length of the raw text")

    def __len__(self) -> int:
        return len(self.raw)

    def raw_span(self, start: int, end: int) -> str:
        """The evidence as received, for offsets found on ``norm``."""
        return self.raw[start:end]


def make_text(raw: str) -> Text:
    """Build the ``Text`` pair that every extractor takes."""
    return Text(raw=raw, norm=normalize(raw))
