"""Decoding and file formats: bytes in, text out (no knowledge of law)."""

from __future__ import annotations

from assist.ingest.archive import ARCHIVE_SUFFIXES, Record, RecordError, iter_records
from assist.ingest.decode import (
    DEFAULT_MAX_BYTES,
    Decoded,
    check_legal_text,
    decode_bytes,
    decode_text,
    detect_encoding,
)
from assist.ingest.formats import SUPPORTED_SUFFIXES, IngestedText, read_bytes, read_document

__all__ = [
    "ARCHIVE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Decoded",
    "IngestedText",
    "Record",
    "RecordError",
    "check_legal_text",
    "decode_bytes",
    "decode_text",
    "detect_encoding",
    "iter_records",
    "read_bytes",
    "read_document",
]
