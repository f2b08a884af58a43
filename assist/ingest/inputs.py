"""Every input a command names (files, folders, archives, ``-`` for stdin) as one stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from assist.errors import AssistError
from assist.ingest.archive import Record, RecordError, claim_id, iter_records
from assist.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, strip_invisible


def iter_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record | RecordError]:
    """Records of every input in order; unreadable ones as ``RecordError`` (the run goes on).

    Ids must be unique across all inputs: a file whose name-made id is taken gets its path as
    id (``b/判决书.docx``); a record reusing an id its data gives is refused, so no document is
    ever analysed twice under one name.
    """
    seen: set[str] = set()
    for arg in paths:
        for item in _one(arg, max_bytes):
            yield claim_id(item, seen) if isinstance(item, Record) else item


def _one(arg: str, max_bytes: int) -> Iterator[Record | RecordError]:
    if arg == "-":
        try:
            text = decode_bytes(sys.stdin.buffer.read(), "stdin", max_bytes=max_bytes)
        except AssistError as err:
            yield RecordError("stdin", err.code, err.message)
            return
        yield Record(id="stdin", text=strip_invisible(text), source="stdin", meta={})
        return
    path = Path(arg)
    if not path.exists():
        yield RecordError(arg, "not_found", "no such file or folder")
        return
    yield from iter_records(path, max_bytes=max_bytes)
