"""Shared inputs of the screening tests: a generated archive with planted cross-case patterns."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from assist.archive.records import TABLES
from assist.synth.archive import generate_archive

MIN_N = 300  # the generator plants ~130 pattern documents: smaller archives take a prefix


def write_jsonl(path: Path, n: int, seed: int = 3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc in islice(generate_archive(max(n, MIN_N), seed), n):
            fh.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")
    return path


def texts(n: int, seed: int = 3) -> list[tuple[str, str]]:
    return [(doc.id, doc.text) for doc in islice(generate_archive(max(n, MIN_N), seed), n)]


def table_rows(out: Path, table: str) -> list[dict[str, Any]]:
    """Every row of one records table, in a canonical order (independent of batch order)."""
    rows = (
        pq.read_table(out / "records" / table).to_pylist()
        if any((out / "records" / table).glob("*.parquet"))
        else []
    )
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def all_rows(out: Path) -> dict[str, list[dict[str, Any]]]:
    return {table: table_rows(out, table) for table in TABLES}


def doc_ids(out: Path) -> list[str]:
    return [r["doc_id"] for r in pq.read_table(out / "records" / "documents").to_pylist()]
