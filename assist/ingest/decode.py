"""Bytes to text: size and binary checks, BOMs, strict UTF-8, then GB18030 with a plausibility test.

The rule is "never guess silently wrong": bytes that are valid UTF-8 are UTF-8; GB18030 (a
superset of GBK/GB2312) is accepted only when the decoded text looks like Chinese, because it
decodes almost any byte string; anything else is refused with the encodings that were tried.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from assist.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    NotLegalDocument,
    UndecodableInput,
    UnsupportedFormat,
)
from assist.text.normalize import normalize

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest single document accepted by default (10 MiB, far above any real judgment)."""

# Wide BOMs longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Formats that arrive under a .txt name: (magic prefix, what it is and what to do).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file: give it a .pdf suffix"),
    (b"PK\x03\x04", "a ZIP container (.docx/.xlsx?): give it its real suffix"),
    (b"PK\x05\x06", "an empty ZIP container"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel file: save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image: run OCR first"),
    (b"\xff\xd8\xff", "a JPEG image: run OCR first"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image: run OCR first"),
    (b"MM\x00*", "a TIFF image: run OCR first"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive: unpack it first"),
)

# C0 controls that never occur in text files (tab, newline, CR, form feed, ^Z, ESC excepted).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.05

# What GB18030-decoded Chinese text is made of; anything else hints at a wrong decoding.
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BLANK = re.compile(r"\s")
_IMPLAUSIBLE = re.compile(
    r"[^\s\u3400-\u4dbf\u4e00-\u9fff"  # hanzi
    r"\u3000-\u303f\uff01-\uffef"  # CJK punctuation, full-width forms
    r"\x21-\x7e\u00a0-\u00ff\u0100-\u01dc\u02c7-\u02d9\u0391-\u03c9"  # ASCII, Latin, Greek
    r"\u2010-\u206f\u2103\u2116\u2160-\u217f\u2190-\u2199\u2200-\u22ff"  # punctuation, ℃, Ⅻ, ∶
    r"\u2460-\u24ff\u25a0-\u25ff\u2605\u2606\u3220-\u3229]"  # ①, ○□, ★, ㈠
)
_MIN_PLAUSIBLE_SHARE = 0.95
_MIN_HANZI_SHARE = 0.5  # of the non-ASCII characters
_MIN_GB2312_SHARE = 0.6  # of the hanzi: traditional text in GBK scores ~0.7, Big5 mojibake < 0.55
_CUT_REASONS = ("unexpected end of data", "incomplete multibyte sequence")
_TRIED = "UTF-8 (with or without BOM), UTF-16 (BOM or not), UTF-32 with BOM, GB18030/GBK/GB2312"

# Rendered as nothing: zero-width space/joiners, word joiner, soft hyphen, a stray BOM. Web
# copies and some editors scatter them inside words and numbers (罚金人民币7\u200b000元), where
# they would split what a reader sees as one token.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff"))


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters (done when reading, before any offset exists)."""
    return text.translate(INVISIBLE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the codec name that produced it."""

    text: str
    encoding: str
    dropped_tail: int = 0  # bytes of a final character cut off mid-sequence (a truncated excerpt)


def decode_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode one document's bytes, or raise an ``InputError`` subclass naming ``source``."""
    return decode_text(data, source, max_bytes=max_bytes).text


def detect_encoding(data: bytes, source: str = "<bytes>") -> str:
    """The codec ``decode_bytes`` would use for ``data`` (``utf-8``, ``gb18030``, …)."""
    return decode_text(data, source, max_bytes=max(len(data), 1)).encoding


def decode_text(
    data: bytes,
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    declared: str | None = None,
) -> Decoded:
    """Decode with detection; ``declared`` is a charset the container names (HTML ``<meta>``).

    A declared charset is used only after a BOM and valid UTF-8 have been ruled out, because
    pages declaring ``gb2312`` while being UTF-8 are common.
    """
    if not data:
        raise EmptyInput("the input is empty (0 bytes)", source=source)
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"the input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes; "
            f"if it really is one document, raise the limit (max_bytes / --max-bytes)",
            source=source,
        )
    decoded = _decode_wide(data, source)
    if decoded is None and b"\x00" in data:
        decoded = _guess_utf16(data)
    if decoded is None:
        body = data.removeprefix(codecs.BOM_UTF8)
        check_binary(body, source)
        decoded = _decode_narrow(body, source, declared, bom=len(body) < len(data))
    if not decoded.text.strip():
        raise EmptyInput("the input holds only blanks", source=source)
    return decoded


def check_binary(data: bytes, source: str) -> None:
    """Raise ``BinaryInput`` for NUL bytes, known binary magic numbers or many control bytes."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"this is not plain text but {what}", source=source)
    if data[:5].lower() == b"{\\rtf":
        raise UnsupportedFormat("this is an RTF file: save it as .docx or .txt", source=source)
    if b"\x00" in data:
        raise BinaryInput(
            "the input contains NUL bytes and is not UTF-16 Chinese text: it is a binary file",
            source=source,
        )
    controls = len(data.translate(None, _NOT_CONTROL))  # deletes all but the controls
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise BinaryInput(
            f"{controls:,} of {len(data):,} bytes are control codes: it is a binary file",
            source=source,
        )


def _decode_wide(data: bytes, source: str) -> Decoded | None:
    """UTF-16/32 with a BOM; these hold NUL bytes, so the binary test runs on the text."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start + len(bom)}); re-save it as UTF-8",
                    source=source,
                ) from None
            if _BAD_CONTROL.search(text) or not _plausible_text(text):
                raise BinaryInput(
                    f"starts with a {codec} byte-order mark but does not decode to text",
                    source=source,
                )
            return Decoded(text, codec)
    return None


def _guess_utf16(data: bytes) -> Decoded | None:
    """BOM-less UTF-16 (Notepad's "Unicode" saved by some tools without BOM), judged on the text.

    ASCII and line ends put a NUL in every other byte, on the odd side for little-endian; the
    side with more NULs is tried first, and the result must read as Chinese.
    """
    if len(data) % 2:
        return None
    odd_first = data[1::2].count(0) >= data[0::2].count(0)
    for codec in ("utf-16-le", "utf-16-be") if odd_first else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return Decoded(text, codec)
    return None


def _decode_narrow(data: bytes, source: str, declared: str | None, *, bom: bool) -> Decoded:
    try:
        return _decode_cut(data, "utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        if bom:
            raise UndecodableInput(
                f"starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                f"(byte {exc.start + 3}); re-save it as UTF-8",
                source=source,
            ) from None
    codec = _trusted_codec(declared)
    if codec is not None:
        try:
            decoded = _decode_cut(data, codec)
        except UnicodeDecodeError:
            pass
        else:
            if not _BAD_CONTROL.search(decoded.text):
                return decoded
    try:
        decoded = _decode_cut(data, "gb18030")
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            f"is neither UTF-8 nor GB18030 (invalid byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); tried {_TRIED}; re-save it as UTF-8",
            source=source,
        ) from None
    if not _plausible_chinese(decoded.text):
        raise UndecodableInput(
            f"is not UTF-8, and as GB18030 it does not read as Chinese text (another encoding "
            f"such as Big5 or Latin-1?); tried {_TRIED}; re-save it as UTF-8",
            source=source,
        )
    return decoded


def _decode_cut(data: bytes, codec: str) -> Decoded:
    """Strict decoding that forgives only a character cut off at the very end (an excerpt)."""
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 3 or exc.reason not in _CUT_REASONS:
            raise
        if codec.startswith("utf-8") and data[: exc.start].isascii():
            raise  # a lone high byte after plain ASCII is no evidence of UTF-8
        return Decoded(data[: exc.start].decode(codec), codec, dropped_tail=len(data) - exc.start)


def _trusted_codec(label: str | None) -> str | None:
    """A declared Chinese charset (GB family → GB18030, Big5); Western ones are not trusted."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    if name in ("gb2312", "gbk", "gb18030"):
        return "gb18030"
    return name if name in ("big5", "big5hkscs") else None


def _plausible_text(text: str) -> bool:
    """Nearly all non-blank characters belong to the scripts and symbols of Chinese documents."""
    visible = len(text) - _BLANK.subn("", text)[1]
    return _IMPLAUSIBLE.subn("", text)[1] <= (1 - _MIN_PLAUSIBLE_SHARE) * visible


def _plausible_chinese(text: str) -> bool:
    """GB18030 output that reads like Chinese: no stray controls, mostly common hanzi."""
    if _BAD_CONTROL.search(text) or not _plausible_text(text):
        return False
    if not text.strip():
        return True  # blanks only (U+3000): reported as empty, not as undecodable
    hanzi = _HANZI.subn("", text)[1]
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if hanzi == 0 or hanzi < _MIN_HANZI_SHARE * non_ascii:
        return False
    common = len(text) - len(text.translate(_gb2312_hanzi()))
    return common >= _MIN_GB2312_SHARE * hanzi


@cache
def _gb2312_hanzi() -> dict[int, None]:
    """Translate table deleting the 6,763 GB2312 hanzi (rows 0xB0-0xF7): counts common hanzi."""
    table: dict[int, None] = {}
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                table[ord(bytes((lead, trail)).decode("gb2312"))] = None
            except UnicodeDecodeError:
                continue
    return table


# Words of court, procuratorate and agency documents. Strong ones (roles, institutions, the
# operative verbs) score 2, the rest 1; longest first in the pattern, so 被告人 is one hit.
_STRONG_WORDS = """
人民法院 人民检察院 法院 检察院 公诉机关 公诉人 原告 被告人 被告 上诉人 被上诉人 申请执行人
被执行人 辩护人 自诉人 罪犯 判决 裁定 刑法 有期徒刑 行政处罚 检察建议 诉称 辩称 指控
"""
_WEAK_WORDS = """
检察机关 公安机关 公安局 第三人 申请人 被申请人 当事人 代理人 律师 本院 本案 原审 再审 调解 纠纷
诉讼 起诉 上诉 查明 审理 开庭 犯罪 刑事 民事 拘役 罚金 罚款 没收 处罚决定 违法 借款 借贷 欠款
合同 债务 赔偿 执行 仲裁 证据 案由 案件 立案 受理 法律 条例 抗诉 羁押 逮捕 拘留 判处 盗窃 诈骗
司法 依法 判令 自首 缓刑 取保候审 违约 担保 保证人
"""
_STRONG = frozenset(_STRONG_WORDS.split())
_LEGAL = re.compile(
    "|".join(sorted([*_STRONG, *_WEAK_WORDS.split()], key=len, reverse=True))
    + r"|罪|第[一二三四五六七八九十百零〇0-9]+条"
)
_MIN_CJK_SHARE = 0.3  # of the non-blank characters
_MIN_SCORE_SHORT = 2  # an excerpt: a party block, a CAIL fact, one 诉称 paragraph
_MIN_SCORE = 3  # a page or more
_SHORT = 1000  # non-blank characters
_MANY_HITS = 4  # repeated hits of few words add 1 to the score
_LEGAL_WINDOW = 50_000  # characters judged: a legal text shows what it is long before that


def check_legal_text(text: str, source: str) -> None:
    """Raise ``NotLegalDocument`` unless ``text`` looks like a Chinese legal text.

    Deliberately lenient (a short CAIL fact or a truncated judgment page passes): it only
    stops what is obviously something else — a recipe, English prose, a table of numbers.
    """
    if not text.strip():
        raise EmptyInput("the text is empty", source=source)
    norm = normalize(text[:_LEGAL_WINDOW])
    visible = len(norm) - _BLANK.subn("", norm)[1]
    hanzi = _HANZI.subn("", norm)[1]
    if hanzi < _MIN_CJK_SHARE * visible:
        raise NotLegalDocument(
            f"only {hanzi} of {visible} characters are Chinese: this is not a Chinese legal "
            "document (judgment, ruling, indictment, penalty decision …)",
            source=source,
        )
    needed = _MIN_SCORE_SHORT if visible < _SHORT else _MIN_SCORE
    found: set[str] = set()
    score = 0
    for hits, match in enumerate(_LEGAL.finditer(norm), 1):
        word = match.group()
        if word not in found:
            found.add(word)
            score += 2 if word in _STRONG else 1
        if score + (hits >= _MANY_HITS) >= needed:
            return
    raise NotLegalDocument(
        f"found {len(found)} legal terms ({'、'.join(sorted(found)) or 'none'}), too few for "
        "a legal document (法院, 原告, 被告人, 判决, 指控 …)",
        source=source,
    )
