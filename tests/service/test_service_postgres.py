"""The store on a real PostgreSQL server (issue #5: "PostgreSQL by URL").

Starts a throw-away cluster on loopback with the Debian server binaries (initdb/pg_ctl), points
ASSIST_DATABASE_URL at it and drives the API: migrations, analysis, leads, reviews, tokens.
Skipped, with the reason, when the server binaries or the psycopg driver are not installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_helpers import lead_text, make_settings, token_for

from assist.service.app import create_app

pytest.importorskip("psycopg", reason="the psycopg driver is not installed")


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to the postgres user when we are root."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    root = Path(tempfile.mkdtemp(prefix="assist-pg-", dir="/tmp"))
    root.chmod(0o755)
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                                 "-U", "postgres", "-E", "UTF8"]), **run)  # fmt: skip
    opts = f"-h 127.0.0.1 -p {port} -k {root}"
    subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts,
                                 "-l", str(root / "log"), "-w", "start"]), **run)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                     "-w", "stop"]), capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
def test_service_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path, database_url=pg_url))
    with TestClient(app) as client:
        assert app.state.service.wait_ready(120), app.state.service.load_error
        headers = {"Authorization": f"Bearer {token_for(app, 'pg', 'admin')}"}
        answer = client.post(
            "/v1/analyze", json={"text": lead_text(), "id": "pg-1"}, headers=headers
        )
        assert answer.status_code == 200, answer.text
        leads = client.get("/v1/leads", headers=headers).json()
        assert leads["total"] >= 1
        lead_id = leads["items"][0]["lead_id"]
        review = client.post(
            f"/v1/leads/{lead_id}/review",
            json={"decision": "accept", "note": "已调卷"},
            headers=headers,
        )
        assert review.status_code == 201, review.text
        assert client.get("/v1/audit", headers=headers).status_code == 200
    # A second app on the same database: migrations are idempotent, data is still there.
    again = create_app(make_settings(tmp_path / "again", database_url=pg_url))
    with TestClient(again) as client:
        assert again.state.service.wait_ready(120)
        headers = {"Authorization": f"Bearer {token_for(again, 'pg2', 'reviewer')}"}
        assert client.get("/v1/leads", headers=headers).json()["total"] >= 1
