"""One file to text by its suffix: .txt, .docx, .html, .pdf (a text layer only, no OCR).

Every failure is an ``InputError`` subclass naming the file; library exceptions never escape.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from assist.errors import (
    CorruptFile,
    EmptyInput,
    EncryptedDocument,
    InputTooLarge,
    NoTextLayer,
    UnreadableFile,
    UnsupportedFormat,
)
from assist.ingest.decode import DEFAULT_MAX_BYTES, Decoded, decode_text, strip_invisible
from assist.ingest.html import html_text

SUPPORTED_SUFFIXES = (".txt", ".text", ".docx", ".html", ".htm", ".pdf")
_FORMAT = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_HINTS = {
    ".doc": "save it as .docx",
    ".wps": "save it as .docx",
    ".rtf": "save it as .docx",
    ".xls": "export the text column as CSV",
    ".xlsx": "export the text column as CSV",
}


@dataclass(frozen=True, slots=True)
class IngestedText:
    """The text of one document and where it came from; ``meta`` holds strings only."""

    id: str
    text: str
    source: str
    format: str
    meta: dict[str, str] = field(default_factory=dict)


def read_document(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None
) -> IngestedText:
    """Read one document file; ``doc_id`` defaults to the file stem."""
    source = str(path)
    _check_suffix(path.suffix, source)
    try:
        if not path.is_file():
            raise UnreadableFile("no such file (or not a regular file)", source=source)
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes, source)
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file: {exc.strerror or exc}", source=source) from exc
    return _ingest(data, path.suffix, source, doc_id or path.stem, max_bytes)


def read_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    doc_id: str | None = None,
) -> IngestedText:
    """Read an uploaded file's bytes; the suffix of ``filename`` picks the format."""
    name = PurePath(filename)
    _check_suffix(name.suffix, filename)
    return _ingest(data, name.suffix, filename, doc_id or name.stem, max_bytes)


def _check_suffix(suffix: str, source: str) -> None:
    if suffix.lower() in _FORMAT:
        return
    hint = _HINTS.get(suffix.lower())
    raise UnsupportedFormat(
        f"cannot read {suffix or 'files without a suffix'}"
        + (f" ({hint})" if hint else "")
        + f"; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        source=source,
    )


def _too_large(size: int, max_bytes: int, source: str) -> InputTooLarge:
    return InputTooLarge(
        f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes; if it really is "
        "one document, raise the limit (max_bytes / --max-bytes)",
        source=source,
    )


def _ingest(data: bytes, suffix: str, source: str, doc_id: str, max_bytes: int) -> IngestedText:
    fmt = _FORMAT[suffix.lower()]
    if not data:
        raise EmptyInput("the file is empty (0 bytes)", source=source)
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes, source)
    text, meta = _READERS[fmt](data, source, max_bytes)
    text = strip_invisible(text)  # before any offset is taken: the reported text is the clean one
    if not text.strip():
        raise EmptyInput(f"the {fmt} file holds no text", source=source)
    return IngestedText(id=doc_id, text=text, source=source, format=fmt, meta=meta)


def _decoded_meta(decoded: Decoded) -> dict[str, str]:
    meta = {"encoding": decoded.encoding}
    if decoded.dropped_tail:
        meta["dropped_tail_bytes"] = str(decoded.dropped_tail)
    return meta


def _read_txt(data: bytes, source: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    decoded = decode_text(data, source, max_bytes=max_bytes)
    return decoded.text, _decoded_meta(decoded)


# --- .docx ---------------------------------------------------------------------------------


def _read_docx(data: bytes, source: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    import docx  # lazy: python-docx pulls in lxml

    from assist.ingest.docx_text import body_lines

    try:
        document = docx.Document(io.BytesIO(data))
        lines = body_lines(document.element.body)
        title = document.core_properties.title or ""
    except Exception as exc:  # python-docx raises zipfile, lxml and KeyError variants
        raise CorruptFile(
            f"not a readable .docx file ({type(exc).__name__}): re-save it from Word",
            source=source,
        ) from exc
    meta = {"title": title} if title else {}
    return "\n".join(lines), meta


# --- .html ---------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def _read_html(data: bytes, source: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    head = data[:4096]
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = match.group(1).decode("ascii") if match else None
    decoded = decode_text(data, source, max_bytes=max_bytes, declared=declared)
    text, title = html_text(decoded.text)
    meta = _decoded_meta(decoded)
    if declared:
        meta["declared_charset"] = declared
    if title:
        meta["title"] = title
    return text, meta


# --- .pdf ----------------------------------------------------------------------------------


def _read_pdf(data: bytes, source: str, max_bytes: int) -> tuple[str, dict[str, str]]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    from assist.ingest.reflow import reflow_pages

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument("the PDF is password-protected: remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except EncryptedDocument as exc:
        raise EncryptedDocument(exc.message, source=source) from None
    except (DependencyError, FileNotDecryptedError) as exc:
        raise EncryptedDocument(
            f"the PDF is encrypted and cannot be opened ({exc}): remove the password first",
            source=source,
        ) from exc
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError, struct.error …
        raise CorruptFile(
            f"not a readable PDF ({type(exc).__name__}: {exc})", source=source
        ) from exc
    text = reflow_pages(pages)  # a text layer breaks every visual line: rejoin the wraps
    if not text.strip():
        raise NoTextLayer(
            f"the PDF has {len(pages)} page(s) but no text layer (a scan?): run OCR first, "
            "or supply the .docx/.txt",
            source=source,
        )
    return text, {"pages": str(len(pages))}


_READERS: dict[str, Callable[[bytes, str, int], tuple[str, dict[str, str]]]] = {
    "txt": _read_txt,
    "docx": _read_docx,
    "html": _read_html,
    "pdf": _read_pdf,
}
