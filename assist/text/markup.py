"""HTML left in a document's text, blanked out without changing its length.

Pages copied from court and law-firm sites keep their markup (``<p>…</p>``, ``<br/>``,
``&nbsp;``) in plain-text and JSON Lines fields. Offsets must stay offsets into the text as
received, so nothing is deleted: a run of tags that holds a block tag (p, div, br, td …) becomes
blanks ending in one line break, other tags become blanks, and an entity becomes its character
followed by blanks (a blank entity such as ``&nbsp;`` only blanks). Only real markup is touched:
a tag needs a known tag name right after ``<`` and an entity a known name (or a number), so
``<<民法典>>`` and ``<第五条>`` stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import name2codepoint

_BLOCK = frozenset((
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table",
    "tbody", "thead", "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "center", "form",
    "body", "html", "head", "title", "figure", "figcaption", "address",
))  # fmt: skip
_INLINE = frozenset((
    "span", "a", "b", "i", "u", "s", "em", "strong", "font", "small", "big", "sub", "sup", "img",
    "label", "ins", "del", "strike", "code", "abbr", "cite", "o:p", "meta", "link", "input",
    "button", "select", "option", "textarea", "iframe",
))  # fmt: skip
_TAG = re.compile(
    r"</?(?P<name>[A-Za-z][A-Za-z0-9]{0,9}(?::[A-Za-z]{1,9})?)(?=[\s/>])[^<>]{0,800}>"
    r"|&(?P<ent>#[0-9]{2,7}|#[xX][0-9A-Fa-f]{2,6}|[A-Za-z]{2,8}[0-9]?);"
    r"|&(?P<bare>nbsp)(?![A-Za-z0-9;])",
    re.IGNORECASE,
)
# Markup whose content is no text either: comments, scripts, styles (each closer searched once
# from its opener, and not again once missing, so the scan stays linear).
_HIDDEN = tuple(
    (re.compile(a, re.IGNORECASE), re.compile(b, re.IGNORECASE))
    for a, b in ((r"<!--", r"-->"), (r"<script\b", r"</script\s*>"), (r"<style\b", r"</style\s*>"))
)
_BLANK_CHARS = "\u00a0\u2002\u2003\u2009\u200b\u200c\u200d\u200e\u200f\u3000\ufeff"


def _entity_char(name: str) -> str | None:
    """The character an entity stands for, or None when the name is not a known entity."""
    if name.startswith("#"):
        try:
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            return chr(code) if 0 < code < 0x110000 else None
        except ValueError:
            return None
    named = name2codepoint.get(name) or name2codepoint.get(name.lower())
    return chr(named) if named is not None else None


def _replacement(m: re.Match[str]) -> tuple[str, bool] | None:
    """(replacement, is_block) for one match, or None when it is no real markup."""
    width = m.end() - m.start()
    if m["bare"]:
        return " " * width, False
    if m["ent"]:
        ch = _entity_char(m["ent"])
        if ch is None:
            return None
        if ch.isspace() or ch in _BLANK_CHARS or not ch.isprintable():
            return " " * width, False
        return ch + " " * (width - 1), False
    name = (m["name"] or "").lower()
    if name and name not in _BLOCK and name not in _INLINE:
        return None
    return " " * width, name in _BLOCK


def _hidden(s: str) -> list[tuple[int, int]]:
    """Spans of comments, scripts and styles, in order, none inside another."""
    spans: list[tuple[int, int]] = []
    for opener, closer in _HIDDEN:
        pos = 0
        while (o := opener.search(s, pos)) is not None:
            c = closer.search(s, o.end())
            if c is None:
                break
            spans.append((o.start(), c.end()))
            pos = c.end()
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _markup(s: str) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, replacement, is_block) of every piece of real markup, in order."""
    hidden = _hidden(s)
    pieces = [(a, b, " " * (b - a), False) for a, b in hidden]
    i = 0
    for m in _TAG.finditer(s):
        while i < len(hidden) and hidden[i][1] <= m.start():
            i += 1
        if i < len(hidden) and hidden[i][0] < m.end():
            continue  # inside a comment or a script
        rep = _replacement(m)
        if rep is not None:
            pieces.append((m.start(), m.end(), *rep))
    yield from sorted(pieces)


def blank_markup(s: str) -> str:
    """``s`` with its HTML tags and entities blanked (same length, see the module doc)."""
    if "<" not in s and "&" not in s:
        return s
    out: list[str] = []
    pos = 0
    run: list[str] = []  # the current run of markup (and blanks between), block tags in it
    block = False
    for start, end, rep, is_block in _markup(s):
        gap = s[pos:start]
        if gap and not gap.isspace():
            out.append(_close(run, block))
            run, block = [], False
            out.append(gap)
        else:
            run.append(gap)
        run.append(rep)
        block = block or is_block
        pos = end
    out.append(_close(run, block))
    out.append(s[pos:])
    return "".join(out)


def _close(run: list[str], block: bool) -> str:
    """A run of markup: one that holds a block tag ends in a line break unless it has one."""
    text = "".join(run)
    if block and "\n" not in text and text.endswith(" "):
        text = text[:-1] + "\n"
    return text
