"""Every input a command names (files, folders, archives, ``-`` for stdin) as one stream."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from assist.errors import AssistError, DuplicateRecord
from assist.ingest.archive import Record, RecordError, iter_records
from assist.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes


def iter_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record | RecordError]:
    """Records of every input in order; unreadable ones as ``RecordError`` (the run goes on).

    Ids must be unique across all inputs: a later record reusing an id is refused, so no
    document is ever analysed twice under one name.
    """
    seen: set[str] = set()
    for arg in paths:
        for item in _one(arg, max_bytes):
            if isinstance(item, Record):
                if item.id in seen:
                    item = RecordError(
                        item.source,
                        DuplicateRecord.code,
                        f"the id {item.id!r} was used by an earlier input: this one is skipped",
                    )
                else:
                    seen.add(item.id)
            yield item


def _one(arg: str, max_bytes: int) -> Iterator[Record | RecordError]:
    if arg == "-":
        try:
            text = decode_bytes(sys.stdin.buffer.read(), "stdin", max_bytes=max_bytes)
        except AssistError as err:
            yield RecordError("stdin", err.code, err.message)
            return
        yield Record(id="stdin", text=text, source="stdin", meta={})
        return
    path = Path(arg)
    if not path.exists():
        yield RecordError(arg, "not_found", "no such file or folder")
        return
    yield from iter_records(path, max_bytes=max_bytes)
