"""Property tests of the whole API from its OpenAPI document: no input gives a 5xx.

Bounded (a few examples per operation, about half a minute) and marked slow; run in the suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis

# Imported here, while collection is single-threaded: importing it lazily inside the fixture,
# with the app's threads running, can hit CPython 3.11's thread-unsafe AST recursion counter
# when pytest rewrites the module for the first time ("AST constructor recursion depth mismatch").
import schemathesis.specs.openapi.schemas
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from service_helpers import generated, make_settings, token_for

from assist.service.app import create_app

HEADERS: dict[str, str] = {}
EXAMPLES = 40  # per operation: about 15 s for the whole API


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    app = create_app(make_settings(Path(tmp_path_factory.mktemp("st")), screen_workers=1))
    with TestClient(app) as c:
        assert app.state.service.wait_ready(120), app.state.service.load_error
        HEADERS["Authorization"] = f"Bearer {token_for(app, 'fuzz', 'admin')}"
        c.post("/v1/analyze", json={"text": generated("commutation_ruling", 2)}, headers=HEADERS)
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.slow
def test_schemathesis_no_server_errors(api_schema: schemathesis.BaseSchema) -> None:
    """Every operation, a bounded number of generated requests each; collect any 5xx."""
    failures: list[str] = []
    calls: list[str] = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)  # fmt: skip
        def run(case: schemathesis.Case) -> None:
            calls.append(case.operation.label)
            try:
                case.call_and_validate(headers=HEADERS, checks=[not_a_server_error])
            except Exception as exc:  # keep going: report every operation that fails
                failures.append(f"{case.operation.label}: {exc}"[:500])
                raise

        try:
            run()
        except Exception:  # recorded above
            continue
    assert not failures, "\n".join(failures)
    assert len(set(calls)) >= 10 and len(calls) >= 5 * EXAMPLES  # every operation was exercised
