"""Reference data of the package (TSV/TOML/JSON files), read lazily by the modules that use them."""

from __future__ import annotations

from importlib import resources


def tsv_rows(name: str) -> list[list[str]]:
    """The rows of ``assist/data/<name>``: tab-separated fields; blank and ``#`` lines skipped."""
    text = resources.files("assist.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]
