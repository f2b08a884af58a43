"""JSON and JSON Schema for the contract, generated from the core dataclasses by pydantic."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from assist import SCHEMA_VERSION
from assist.analysis import Analysis


@cache
def _adapter() -> TypeAdapter[Analysis]:
    return TypeAdapter(Analysis)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis as JSON-ready data: Decimal → string, tuples → lists."""
    data: dict[str, Any] = _adapter().dump_python(analysis, mode="json")
    return data


def to_json(analysis: Analysis, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)


def from_dict(data: dict[str, Any]) -> Analysis:
    """Validate contract JSON back into the dataclasses (round trip, batch readers)."""
    return _adapter().validate_python(data)


def json_schema() -> dict[str, Any]:
    schema: dict[str, Any] = _adapter().json_schema(mode="serialization")
    schema["title"] = f"case-assist analysis (schema version {SCHEMA_VERSION})"
    return schema
