"""Schema migrations: a small versioned table instead of Alembic (one process owns the schema,
every step is a plain function, and the package stays light).

``schema_migrations`` holds one row per applied version; ``migrate`` applies the missing ones in
order inside one transaction each. Add a step by appending ``(version, description, function)``
to ``MIGRATIONS``; never edit an applied step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine

from assist.service.store import Base


def _v1_initial(conn: Connection) -> None:
    Base.metadata.create_all(conn, checkfirst=True)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "users, analyses, leads, reviews, jobs, audit", _v1_initial),
)


def current_version(engine: Engine) -> int:
    with engine.begin() as conn:
        _ensure_table(conn)
        found = conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar()
    return int(found or 0)


def migrate(engine: Engine) -> list[int]:
    """Apply every missing migration; returns the versions applied now."""
    applied: list[int] = []
    for version, description, step in MIGRATIONS:
        with engine.begin() as conn:
            _ensure_table(conn)
            done = conn.execute(
                text("SELECT 1 FROM schema_migrations WHERE version = :v"), {"v": version}
            ).first()
            if done:
                continue
            step(conn)
            conn.execute(
                text(
                    "INSERT INTO schema_migrations (version, description, applied_at) "
                    "VALUES (:v, :d, :t)"
                ),
                {"v": version, "d": description, "t": datetime.now(UTC).isoformat()},
            )
            applied.append(version)
    return applied


def _ensure_table(conn: Connection) -> None:
    conn.execute(
        text(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, description VARCHAR(200), applied_at VARCHAR(40))"
        )
    )
