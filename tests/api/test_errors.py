"""The one JSON error shape, pinned: {"ok": false, "error", "errors", "status"}."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api.errors import ErrorBody, error_body, status_of
from dyadwatch.errors import (
    BadDateWindowError,
    DyadwatchError,
    NoDyadEventsError,
    UnknownActorError,
)
from dyadwatch.store.snapshot import DatabaseBusyError, QueryTimeoutError

ErrorCheck = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(("status", "errors"), [(400, ["a", "b"]), (503, ["busy"])])
def test_errors_body_shape_is_pinned(status: int, errors: list[str]) -> None:
    assert error_body(status, errors) == {"ok": False, "error": errors[0], "errors": errors,
                                          "status": status}
    assert list(ErrorBody.model_json_schema()["properties"]) == ["ok", "error", "errors",
                                                                 "status"]


@pytest.mark.parametrize(("error", "status"), [
    (BadDateWindowError(detail="x"), 400),
    (UnknownActorError(value="ZZZ", meaning="m", path="p", similar="none", next_step="s"),
     404),
    (NoDyadEventsError(a="A", b="B", window="", path="p"), 404),
    (DatabaseBusyError(path="p"), 503),
    (QueryTimeoutError(seconds=1.0), 503),
    (DyadwatchError(detail="anything else"), 500),
])
def test_errors_status_of_coded_errors(error: DyadwatchError, status: int) -> None:
    assert status_of(error) == status


@pytest.mark.parametrize(("method", "path", "status"), [
    ("get", "/api/nothing-here", 404),
    ("delete", "/api/events", 405),
    ("post", "/api/events", 405),
])
def test_errors_framework_errors_use_the_shape(client: TestClient, assert_error: ErrorCheck,
                                               method: str, path: str, status: int) -> None:
    assert_error(client.request(method, path), status)


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 512):
        yield b"x" * 512


@pytest.mark.parametrize(("size", "streamed"), [(2048, False), (2048, True)])
def test_errors_large_body_is_413(synthetic_db: Path, tmp_path: Path, client_for: Any,
                                  assert_error: ErrorCheck, size: int, streamed: bool) -> None:
    content = _chunks(size) if streamed else b"x" * size
    with client_for(synthetic_db, tmp_path, max_body_bytes=1024, token="t") as client:
        response = client.post("/api/jobs", content=content,
                               headers={"content-type": "application/json"})
    assert_error(response, 413, "E616", "1024 bytes")


@pytest.mark.parametrize("path", ["/api/events"])
def test_errors_unexpected_failure_is_500_in_shape(client: TestClient, assert_error: ErrorCheck,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   path: str) -> None:
    from dyadwatch.api import service

    def broken(*args: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "events", broken)
    body = assert_error(client.get(path), 500)
    assert "boom" not in body["error"]


@pytest.mark.parametrize("missing", ["absent.duckdb"])
def test_errors_missing_database_is_503_and_health_says_so(
        tmp_path: Path, client_for: Any, assert_error: ErrorCheck, missing: str) -> None:
    with client_for(tmp_path / missing, tmp_path) as client:
        assert_error(client.get("/api/events"), 503, "E705")
        health = client.get("/api/health").json()
    assert health["ok"] is True and health["database"]["ready"] is False
    assert "E705" in health["database"]["error"]
