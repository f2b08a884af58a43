"""Request and response models of the HTTP API (the OpenAPI document is built from these)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(
        min_length=1, description="the document text, UTF-8; limit ASSIST_MAX_TEXT_CHARS"
    )
    id: str | None = Field(
        None, min_length=1, max_length=200, description="your id; default: a hash of the text"
    )


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["accept", "reject", "unsure"]
    note: str = Field("", max_length=4000, description="why; kept with the label for retraining")


class ErrorInfo(BaseModel):
    code: str = Field(description="stable machine code, e.g. invalid_request, lead_not_found")
    message: str = Field(description="what went wrong and what to do")
    source: str | None = None
    details: list[dict[str, Any]] = Field(default_factory=list, description="per-field problems")


class ErrorResponse(BaseModel):
    error: ErrorInfo


class Review(BaseModel):
    id: int
    lead_id: str
    decision: str
    note: str
    reviewer: str
    created_at: str


class LeadPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="leads, best score first, with `review`")
    total: int
    limit: int
    offset: int


class Job(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    filename: str
    total: int | None = Field(description="records in the upload when known up front")
    done: int
    errors: int
    leads: int
    message: str | None
    created_by: str
    created_at: str
    finished_at: str | None
    leads_url: str | None


class Health(BaseModel):
    status: str
    version: str


class Ready(BaseModel):
    ready: bool
    detail: str | None = None
    seconds_to_ready: float | None = None


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry documenting error statuses with the one error shape."""
    return {s: {"model": ErrorResponse} for s in statuses}
