"""Service errors and the one JSON error shape: {"ok": false, "error", "errors", "status"}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException

from dyadwatch.errors import (
    BadActorPatternError,
    BadConfidenceError,
    BadDateWindowError,
    DatabaseError,
    DatabaseNotFoundError,
    DyadwatchError,
    NoAlertDataError,
    NoDyadEventsError,
    SchemaVersionError,
    SeriesTooShortError,
    TooLittleHistoryError,
    UnknownActorError,
    UnknownForecastDyadError,
)
from dyadwatch.store.snapshot import DatabaseBusyError, QueryTimeoutError, SnapshotError

logger = logging.getLogger("dyadwatch.api")


class ArticleNotFoundError(DyadwatchError):
    code = "E611"
    template = "No article {article_id!r} in the database. List events to find article ids."


class WritesDisabledError(DyadwatchError):
    code = "E612"
    template = (
        "Writing is switched off: start the service with --token (or DYADWATCH_TOKEN) "
        "to accept coding jobs."
    )


class BadTokenError(DyadwatchError):
    code = "E613"
    template = "Missing or wrong token: send the header 'Authorization: Bearer <token>'."


class JobNotFoundError(DyadwatchError):
    code = "E614"
    template = "No job {job_id!r}. Jobs are kept in memory until the service stops."


class BadJobError(DyadwatchError):
    code = "E615"
    template = "Bad coding job: {detail}."


class BodyTooLargeError(DyadwatchError):
    code = "E616"
    template = "Request body larger than {limit} bytes; send less (see docs/api.md, Limits)."


class HostNotAllowedError(DyadwatchError):
    """A request's Host header names a host the service was not started for (a guard against
    DNS rebinding). Use an allowed name, or add the name with `dyadwatch serve --allowed-host`.
    """

    code = "E617"
    template = (
        "Host {host!r} is not one this service answers to (allowed: {allowed}). Open the "
        "dashboard through one of those names, or start `dyadwatch serve` with "
        "--allowed-host {hint}."
    )


class AnalysisTooCostlyError(DyadwatchError):
    """An analysis (reciprocity's permutation test) would run past the query time limit, so it
    is refused before it starts. Ask for fewer permutations, a coarser period or a shorter window.
    """

    code = "E618"
    template = (
        "{what} would take about {seconds:.0f} s, over the {limit:g} s query time limit. "
        "Ask for at most {permutations} permutations, a coarser period or a shorter window."
    )


class ErrorBody(BaseModel):
    """The body of every JSON error."""

    model_config = ConfigDict(extra="forbid")

    ok: bool = False
    error: str
    errors: list[str]
    status: int


STATUS: tuple[tuple[type[DyadwatchError], int], ...] = (
    (BadActorPatternError, 400),
    (BadDateWindowError, 400),
    (BadConfidenceError, 400),
    (BadJobError, 400),
    (HostNotAllowedError, 400),
    (BadTokenError, 401),
    (BodyTooLargeError, 413),
    (WritesDisabledError, 403),
    (UnknownActorError, 404),
    (NoDyadEventsError, 404),
    (ArticleNotFoundError, 404),
    (JobNotFoundError, 404),
    (SeriesTooShortError, 422),
    (TooLittleHistoryError, 422),
    (NoAlertDataError, 404),
    (UnknownForecastDyadError, 404),
    (AnalysisTooCostlyError, 422),
    (DatabaseNotFoundError, 503),
    (DatabaseBusyError, 503),
    (QueryTimeoutError, 503),
    (SnapshotError, 503),
    (SchemaVersionError, 503),
    (DatabaseError, 503),
)
RETRY_AFTER: tuple[type[DyadwatchError], ...] = (DatabaseBusyError, DatabaseNotFoundError)


def status_of(error: DyadwatchError) -> int:
    """The HTTP status of a coded error (500 for codes the table does not name)."""
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 500


def error_body(status: int, errors: list[str]) -> dict[str, Any]:
    """The JSON error shape; ``error`` is the first message, ``errors`` all of them."""
    return ErrorBody(error=errors[0], errors=errors, status=status).model_dump()


def error_response(status: int, errors: list[str],
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, errors), status_code=status, headers=headers)


def _validation_message(item: dict[str, Any]) -> str:
    where = [str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body")]
    name = ".".join(where) or "request"
    return f"{name}: {item.get('msg', 'invalid value')}"


async def _on_coded(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, DyadwatchError):  # registered for this type only
        raise exc
    status = status_of(exc)
    headers = {"Retry-After": "5"} if isinstance(exc, RETRY_AFTER) else None
    return error_response(status, [str(exc)], headers)


async def _on_validation(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, RequestValidationError):  # registered for this type only
        raise exc
    messages = [_validation_message(item) for item in exc.errors()]
    return error_response(400, messages or ["Bad request parameters."])


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, HTTPException):  # registered for this type only
        raise exc
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return error_response(exc.status_code, [detail], getattr(exc, "headers", None))


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, ["Internal error; the server log has the details."])


def install_error_handlers(app: FastAPI) -> None:
    """Every error the app answers, in the one JSON shape."""
    app.add_exception_handler(DyadwatchError, _on_coded)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(HTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
