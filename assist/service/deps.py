"""FastAPI dependencies as ``Annotated`` aliases: the state, a DB session, the caller.

Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in the
thread pool, and each such hop costs a thread hand-off per request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from assist.analyze import Analyzer
from assist.service.auth import Principal, authenticate_hashed, hash_token
from assist.service.errors import ServiceError
from assist.service.settings import Settings
from assist.service.state import ServiceState

_bearer = HTTPBearer(auto_error=False, description="a token from `assist tokens create`")


async def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


def get_session(state: StateDep) -> Iterator[Session]:
    with state.store.session() as session:
        yield session


async def get_analyzer(state: StateDep) -> Analyzer:
    return state.analyzer()


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
AnalyzerDep = Annotated[Analyzer, Depends(get_analyzer)]


def _lookup(state: ServiceState, token_hash: str) -> Principal | None:
    with state.store.session() as session:
        who = authenticate_hashed(session, token_hash)
    if who is not None:
        state.tokens.put(token_hash, who)
    return who


async def get_principal(
    request: Request,
    state: StateDep,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller, from ``Authorization: Bearer <token>``; 401 without a valid token. A token
    seen valid in the last seconds is taken from the cache (no database read, no thread hop)."""
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise ServiceError(
            "unauthorized",
            "send a token: Authorization: Bearer <token> (assist tokens create)",
            401,
        )
    token_hash = hash_token(creds.credentials, state.settings.pepper)
    who = state.tokens.get(token_hash) or await run_in_threadpool(_lookup, state, token_hash)
    if who is None:
        raise ServiceError(
            "invalid_token", "the token is unknown or revoked; ask an admin for a new one", 401
        )
    request.state.user = who.name
    return who


PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def require_admin(who: PrincipalDep) -> Principal:
    if who.role != "admin":
        raise ServiceError("forbidden", "this needs an admin token", 403)
    return who


AdminDep = Annotated[Principal, Depends(require_admin)]
