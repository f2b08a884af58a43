"""Domain errors with stable codes; shells (CLI, HTTP) render them, the core only raises."""

from __future__ import annotations


class AssistError(Exception):
    """Base error: a stable machine code, a message that says what to do, an HTTP status."""

    code = "assist_error"
    status = 500

    def __init__(self, message: str, *, source: str | None = None, code: str | None = None) -> None:
        if code is not None:
            self.code = code  # a record error read back from a batch keeps its original code
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "source": self.source}


class InputError(AssistError):
    """The input cannot be analysed; subclasses name the reason."""

    code = "bad_input"
    status = 422


class EmptyInput(InputError):
    code = "empty_input"


class BinaryInput(InputError):
    code = "binary_input"


class InputTooLarge(InputError):
    code = "input_too_large"
    status = 413


class UndecodableInput(InputError):
    code = "undecodable_input"


class UnsupportedFormat(InputError):
    code = "unsupported_format"
    status = 415


class NotLegalDocument(InputError):
    code = "not_legal_document"


class BadRecord(InputError):
    """A record of an archive (JSON Lines, CSV, Parquet) lacks `id`/`text` or is malformed."""

    code = "bad_record"


class NoTextLayer(InputError):
    """A PDF (or other page format) whose pages carry no extractable text: a scan needs OCR."""

    code = "no_text_layer"


class CorruptFile(InputError):
    """A .docx/.pdf/.parquet file that its library cannot open or read."""

    code = "corrupt_file"


class EncryptedDocument(InputError):
    """A password-protected file that cannot be opened without the password."""

    code = "encrypted_document"


class UnreadableFile(InputError):
    """The file does not exist, is not a regular file, or cannot be read (permissions)."""

    code = "unreadable_file"


class DuplicateRecord(InputError):
    """An archive record repeats an `id` seen earlier in the same run."""

    code = "duplicate_id"
