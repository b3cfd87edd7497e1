"""The JSON API under /api/: thin routes over ``dyadwatch.api.service``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from dyadwatch import __version__
from dyadwatch.analysis import escalation as esc
from dyadwatch.analysis.series import Freq
from dyadwatch.api import service
from dyadwatch.api.errors import ErrorBody
from dyadwatch.api.settings import Settings
from dyadwatch.api_python import Direction, EventDB
from dyadwatch.errors import DyadwatchError
from dyadwatch.store import queries
from dyadwatch.store.snapshot import SnapshotSource

MAX_PAGE_SIZE = 1000
MAX_TOP = 500
MAX_PERMUTATIONS = 5000
MAX_LAG = 26

Json = dict[str, Any]
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in (
        (400, "Bad parameters (bad actor pattern, bad dates, out-of-range values)."),
        (404, "Unknown actor, dyad without events, or no such article."),
        (422, "The dyad's series is too short for the analysis, or the analysis would "
              "run past the query time limit."),
        (503, "Database missing, busy without an earlier copy, or a query over its time."),
    )
}

router = APIRouter(prefix="/api", responses=_ERRORS)


@dataclass(frozen=True, slots=True)
class ServiceState:
    """What the routes need: where to read, and the limits."""

    source: SnapshotSource
    settings: Settings


def _state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.dyadwatch
    return state


def _read(request: Request, answer: Callable[[EventDB], Json]) -> Json:
    """``answer`` over the current snapshot; the query parameter ``min_confidence``, on any
    route that reads events, leaves out the events less sure than it (E350: 400)."""
    state = _state(request)
    least = queries.check_confidence(request.query_params.get("min_confidence"))
    with service.reading(state.source, state.settings.query_timeout) as db:
        db.min_confidence = least
        return answer(db)


# ---- shared parameters -------------------------------------------------------------

Actor = Annotated[str, Query(min_length=1, max_length=40,
                             description="Actor pattern: TUR, TUR* or =TURGOV.")]
Since = Annotated[str | None, Query(max_length=32, description="First date, YYYY-MM-DD.")]
Until = Annotated[str | None, Query(max_length=32, description="Last date, YYYY-MM-DD.")]
FreqQ = Annotated[Freq, Query(description="Period of the series.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE,
                             description=f"Page size, at most {MAX_PAGE_SIZE}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Top = Annotated[int, Query(ge=1, le=MAX_TOP, description="How many to list.")]
By = Annotated[Literal["code", "country"],
               Query(description="Pair actors by full code or by country.")]


# ---- service -----------------------------------------------------------------------


@router.get("/health", summary="Service and database status")
def health(request: Request) -> Json:
    """Always 200 while the service runs; ``database.ready`` says whether reads work."""
    state = _state(request)
    database: Json = {"path": str(state.source.db_path), "ready": False, "error": None}
    try:
        with service.reading(state.source, state.settings.query_timeout) as db:
            database.update(service.summary(db, state.source.current,
                                            state.source.writer_active()), ready=True)
    except DyadwatchError as e:
        database["error"] = str(e)
    return {"ok": True, "version": __version__, "database": database,
            "writes_enabled": state.settings.writes_enabled}


@router.get("/runs", summary="Coding runs, newest first")
def runs(request: Request, limit: Limit = 50, offset: Offset = 0) -> Json:
    return _read(request, lambda db: service.runs(db, limit, offset))


# ---- events and articles -----------------------------------------------------------


@router.get("/events", summary="Events, filtered and paged")
def events(
    request: Request,
    source: Annotated[str | None, Query(max_length=40, description="Source actor pattern.")]
    = None,
    target: Annotated[str | None, Query(max_length=40, description="Target actor pattern.")]
    = None,
    since: Since = None,
    until: Until = None,
    article: Annotated[str | None, Query(max_length=200, description="Article id.")] = None,
    cameo_root: Annotated[str | None, Query(pattern=r"^[0-9]{2}$",
                                            description="CAMEO root code, 01-20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    min_confidence: Annotated[float | None, Query(
        ge=0.0, le=1.0, description="Least confidence, 0-1 (docs/events.md); also taken by "
        "every route that reads events.")] = None,
) -> Json:
    """Events in the event-record form, ordered by date, article and sentence."""
    params = service.EventParams(source, target, since, until, article, cameo_root, quad,
                                 limit, offset)
    return _read(request, lambda db: service.events(db, params))


@router.get("/articles/{article_id}", summary="One article with its text and events")
def article(request: Request,
            article_id: Annotated[str, Path(min_length=1, max_length=200)]) -> Json:
    return _read(request, lambda db: service.article(db, article_id))


@router.get("/actors", summary="Search actors by code or name")
def actors(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=100,
                                   description="Part of a name, or the start of a code.")],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Json:
    """Coded actors (with event counts) first, then matches in the actor dictionary."""
    return _read(request, lambda db: service.actors(db, q, limit))


# ---- dyads and the network ---------------------------------------------------------


@router.get("/dyads", summary="The most active dyads")
def dyads(request: Request, since: Since = None, until: Until = None, top: Top = 20,
          by: By = "code") -> Json:
    return _read(request, lambda db: service.dyads(db, since, until, top, by))


@router.get("/network", summary="Actor network of a period")
def network(request: Request, since: Since = None, until: Until = None, top: Top = 40,
            by: By = "code") -> Json:
    """Directed edges of the busiest actor pairs and their nodes."""
    return _read(request, lambda db: service.network(db, since, until, top, by))


@router.get("/series", summary="A dyad's series, both directions")
def series(request: Request, a: Actor, b: Actor, freq: FreqQ = "week", since: Since = None,
           until: Until = None) -> Json:
    """Per-period counts by quad class and Goldstein sum/mean; direction AB is a→b."""
    return _read(request, lambda db: service.series(db, a, b, freq, since, until))


@router.get("/escalation", summary="Escalation and de-escalation episodes")
def escalation(
    request: Request, a: Actor, b: Actor, freq: FreqQ = "week", since: Since = None,
    until: Until = None,
    direction: Annotated[Direction, Query(description="Series to segment.")] = "both",
    penalty: Annotated[float, Query(gt=0, le=1000, description="PELT penalty factor.")]
    = esc.DEFAULT_BETA,
    min_change: Annotated[float, Query(ge=0, le=20)] = 0.0,
    drivers: Annotated[int, Query(ge=0, le=20)] = 3,
) -> Json:
    params = service.EscalationParams(freq, since, until, direction, penalty, min_change,
                                      drivers)
    return _read(request, lambda db: service.escalation(db, a, b, params))


@router.get("/reciprocity", summary="Does each side answer the other in kind?")
def reciprocity(
    request: Request, a: Actor, b: Actor, freq: FreqQ = "week", since: Since = None,
    until: Until = None,
    max_lag: Annotated[int, Query(ge=0, le=MAX_LAG)] = 4,
    permutations: Annotated[int, Query(ge=0, le=MAX_PERMUTATIONS)] = 999,
    seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0,
) -> Json:
    limit = _state(request).settings.query_timeout
    return _read(request, lambda db: service.reciprocity(db, a, b, freq, since, until,
                                                         max_lag, permutations, seed, limit))


CameoRoot = Annotated[str | None, Query(pattern=r"^[0-9]{2}$",
                                        description="CAMEO root code, 01-20.")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")]


@router.get("/timeline", summary="A dyad's events in date order with evidence")
def timeline(request: Request, a: Actor, b: Actor, since: Since = None, until: Until = None,
             cameo_root: CameoRoot = None, quad: Quad = None,
             limit: Limit = 200, offset: Offset = 0) -> Json:
    """Events of both directions, undated last, with modality, negation and evidence."""
    params = service.TimelineParams(since, until, cameo_root, quad, limit, offset)
    return _read(request, lambda db: service.timeline(db, a, b, params))


@router.get("/timeline/download", summary="A dyad's events as a CSV or JSON file",
            response_class=Response,
            responses={200: {"content": {"text/csv": {"schema": {"type": "string"}},
                                         "application/json": {"schema": {"type": "array"}}},
                             "description": "Every event of the view, as an attachment."}})
def timeline_download(request: Request, a: Actor, b: Actor, since: Since = None,
                      until: Until = None, cameo_root: CameoRoot = None, quad: Quad = None,
                      format: Annotated[Literal["csv", "json"],  # noqa: A002
                                        Query(description="File format.")] = "csv"
                      ) -> Response:
    """What the dashboard's download links fetch: the same events as /api/timeline, all
    pages (at most 100,000), as CSV or a JSON array."""
    params = service.TimelineParams(since, until, cameo_root, quad)
    state = _state(request)
    with service.reading(state.source, state.settings.query_timeout) as db:
        body, name = service.timeline_download(db, a, b, params, format)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
