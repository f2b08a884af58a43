"""What reading yields: a document (``Record``) or why one could not be read (``RecordError``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assist.errors import DuplicateRecord, InputError


@dataclass(frozen=True, slots=True)
class Record:
    """One document of an archive; ``meta`` keeps the other columns as strings.

    ``alt_ids`` are the ids to fall back on, in order, when ``id`` was made from a file name
    and an earlier input already has it (``x.docx`` beside ``x.pdf``, two ``判决书.docx``):
    the name with its suffix, then the path. Ids the data gives have none: a repeat is an error.
    """

    id: str
    text: str
    source: str
    meta: dict[str, str] = field(default_factory=dict)
    alt_ids: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RecordError:
    """A file or record that could not be read: where (file, file:line), why (a stable code)."""

    source: str
    code: str
    message: str

    @classmethod
    def from_error(cls, error: InputError, source: str) -> RecordError:
        return cls(source=source, code=error.code, message=error.message)


def claim_id(item: Record, seen: set[str]) -> Record | RecordError:
    """``item`` under the first of its id and ``alt_ids`` not in ``seen`` (which it joins);
    a ``duplicate_id`` error when all are taken: never two documents under one id.

    The last alternate (the path) is reserved too, so one file named twice is one document.
    """
    for doc_id in (item.id, *item.alt_ids):
        if doc_id not in seen:
            seen.update((doc_id, *item.alt_ids[-1:]))
            return item if doc_id == item.id else replace(item, id=doc_id)
    return RecordError(
        item.source,
        DuplicateRecord.code,
        f"the id {item.id!r} was used by an earlier record: this one is skipped",
    )
