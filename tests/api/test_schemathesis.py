"""Property-based calls generated from /openapi.json: no answer may be a server error.

Each operation gets MAX_EXAMPLES generated requests (hypothesis, derandomized); every
answer must be below 500 and conform to the document (status codes, content type, schema).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a dev dependency")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dyadwatch.api import Settings, create_app  # noqa: E402

MAX_EXAMPLES = 20
OPERATIONS = (
    ("GET", "/api/health"), ("GET", "/api/runs"), ("GET", "/api/events"),
    ("GET", "/api/articles/{article_id}"), ("GET", "/api/actors"), ("GET", "/api/dyads"),
    ("GET", "/api/network"), ("GET", "/api/series"), ("GET", "/api/escalation"),
    ("GET", "/api/reciprocity"), ("GET", "/api/timeline"), ("GET", "/api/timeline/download"),
    ("POST", "/api/jobs"),
    ("GET", "/api/jobs"), ("GET", "/api/jobs/{job_id}"), ("GET", "/api/alerts"),
    ("GET", "/alerts.atom"),
)
CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(synthetic_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("schemathesis-snapshots")
    # schemathesis calls the app as http://testserver/; the Host allow-list must let it in
    app = create_app(synthetic_db, Settings(snapshot_dir=folder,
                                            allowed_hosts=("testserver", "localhost")))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("operation", ["all"])
def test_schemathesis_document_covers_every_route(api_schema: Any, operation: str) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_schemathesis_no_server_errors(api_schema: Any, method: str, path: str) -> None:
    operation = api_schema[path][method]

    @given(operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def call(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500, (case.path, case.query, response.text)
        case.validate_response(response, checks=CHECKS)

    call()
