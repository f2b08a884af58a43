"""Tokens: random bearer tokens, stored only as HMAC-SHA256(pepper, token); roles reviewer/admin."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from assist.service.errors import ServiceError
from assist.service.store import User, utcnow

Role = Literal["reviewer", "admin"]
ROLES: tuple[Role, ...] = ("reviewer", "admin")
TOKEN_PREFIX = "ca_"
LAST_USED_EVERY = timedelta(minutes=1)
_NAME = re.compile(r"^[A-Za-z0-9_.@\-\u4e00-\u9fff]{1,100}$")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the token's name and role."""

    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class TokenInfo:
    name: str
    role: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def hash_token(token: str, pepper: bytes) -> str:
    return hmac.new(pepper, token.encode("utf-8"), hashlib.sha256).hexdigest()


def create_token(session: Session, name: str, role: str, pepper: bytes) -> str:
    """A new token for ``name``; the plain token is returned once and never stored."""
    if role not in ROLES:
        raise ServiceError("bad_role", f"role must be one of {', '.join(ROLES)}; got {role!r}", 422)
    if not _NAME.match(name):
        raise ServiceError(
            "bad_name", "a token name is 1-100 letters, digits, Chinese characters or _.@-", 422
        )
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ServiceError(
            "name_taken", f"a token named {name!r} exists; revoke it first or pick another", 409
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(User(name=name, role=role, token_hash=hash_token(token, pepper)))
    session.flush()
    return token


def list_tokens(session: Session) -> list[TokenInfo]:
    rows = session.scalars(select(User).order_by(User.name)).all()
    return [TokenInfo(u.name, u.role, u.created_at, u.last_used_at, u.revoked_at) for u in rows]


def revoke_token(session: Session, name: str) -> None:
    """Revoke by name (the row is deleted so the name can be reused; the audit log keeps it)."""
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise ServiceError(
            "unknown_token", f"no token named {name!r} (see: assist tokens list)", 404
        )
    session.delete(user)


def authenticate(session: Session, token: str, pepper: bytes) -> Principal | None:
    return authenticate_hashed(session, hash_token(token, pepper))


class TokenCache:
    """Tokens seen valid in the last ``ttl`` seconds, by hash: a request with a cached token
    needs no database read nor thread hand-off. A token revoked elsewhere (``assist tokens
    revoke`` in another process) keeps working here for at most ``ttl`` seconds."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._seen: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    def get(self, token_hash: str) -> Principal | None:
        hit = self._seen.get(token_hash)
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def put(self, token_hash: str, who: Principal) -> None:
        with self._lock:
            if len(self._seen) > 10_000:  # a flood of distinct tokens must not grow memory
                self._seen.clear()
            self._seen[token_hash] = (who, time.monotonic() + self.ttl)

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()


def authenticate_hashed(session: Session, token_hash: str) -> Principal | None:
    """``authenticate`` for a token already hashed (the cache's key)."""
    user = session.scalar(select(User).where(User.token_hash == token_hash))
    if user is None or user.revoked_at is not None:
        return None
    now = utcnow()
    if user.last_used_at is None or now - user.last_used_at > LAST_USED_EVERY:
        user.last_used_at = now  # not on every call: a write per request would serialise them
    role: Role = "admin" if user.role == "admin" else "reviewer"
    return Principal(user.name, role)
