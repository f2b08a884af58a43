"""POST /v1/screen (an uploaded archive → a background job) and GET /v1/jobs/{id}."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, File, UploadFile, status

from assist.ingest.archive import ARCHIVE_SUFFIXES
from assist.service.deps import AnalyzerDep, PrincipalDep, SessionDep, StateDep
from assist.service.errors import ServiceError
from assist.service.jobs import job_view, new_job
from assist.service.models import Job, errors
from assist.service.routes.analyze import read_upload
from assist.service.store import JobRow

router = APIRouter(prefix="/v1", tags=["screening"])


@router.post(
    "/screen", status_code=status.HTTP_202_ACCEPTED, response_model=Job,
    responses=errors(401, 413, 415, 422, 503),
)  # fmt: skip
async def screen(
    state: StateDep, who: PrincipalDep, _analyzer: AnalyzerDep,
    file: Annotated[UploadFile, File(description="JSON Lines / CSV / Parquet of {id, text}")],
) -> Job:  # fmt: skip
    """Start screening an archive; poll GET /v1/jobs/{id} for progress, then list its leads."""
    name = file.filename or "upload"
    suffix = PurePath(name).suffix.lower()
    if suffix not in ARCHIVE_SUFFIXES:
        raise ServiceError(
            "unsupported_format",
            f"cannot screen {suffix or 'a file without a suffix'}; send one of "
            f"{', '.join(ARCHIVE_SUFFIXES)} with `id` and `text` per record",
            415,
        )
    data = await read_upload(file, state.settings.max_body_bytes)
    if not data.strip():
        raise ServiceError("empty_input", "the uploaded archive is empty", 422)
    row, path, out = new_job(state.store, state.settings.data_dir, name, data, who.name)
    state.jobs.submit(row.id, path, out, who.name)
    return Job(**job_view(row))


@router.get("/jobs/{job_id}", response_model=Job, responses=errors(401, 404))
def get_job(job_id: str, session: SessionDep, _who: PrincipalDep) -> Job:
    """A screening job's status and progress; `leads_url` once it is done."""
    row = session.get(JobRow, job_id)
    if row is None:
        raise ServiceError("job_not_found", f"no job {job_id!r}; POST /v1/screen starts one", 404)
    return Job(**job_view(row))
