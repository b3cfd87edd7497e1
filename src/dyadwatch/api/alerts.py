"""Alerts over HTTP: ``/api/alerts`` (JSON, with forecasts on request) and ``/alerts.atom``.

Answers are kept per database snapshot and parameters, so a feed reader polling the feed
or the dashboard refreshing its panel does not refit the forecast model each time. Both
read dyadic events only and take ``min_confidence`` as every route that reads events does
(E350, 400, outside 0-1).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from dyadwatch.api import service
from dyadwatch.api.errors import ErrorBody
from dyadwatch.errors import NoAlertDataError
from dyadwatch.store.queries import check_confidence

Json = dict[str, Any]
CACHE_SIZE = 32
_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in (
        (400, "Bad parameters (a date that is not a date, a least confidence outside 0-1)."),
        (503, "Database missing or busy without an earlier copy."),
    )
}

router = APIRouter(responses=_RESPONSES)

AsOf = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                   description="Judge the period holding this date.")]
FreqA = Annotated[Literal["day", "week", "month"], Query(description="Length of a period.")]
ByA = Annotated[Literal["country", "actor"], Query(description="Pair by country or code.")]
MinEvents = Annotated[int, Query(ge=1, le=1000, description="Events needed in the period.")]
TopA = Annotated[int, Query(ge=1, le=50, description="How many dyads.")]
MinConfA = Annotated[str | None, Query(max_length=32, description=(
    "Least confidence, 0-1 (docs/events.md): only events at least this sure count."))]
ForecastA = Annotated[Literal["none", "week", "month"],
                      Query(description="Attach each dyad's next-period forecast at this "
                                        "frequency (fits the model: slower).")]


class _Cache:
    """Answers by (snapshot generation, parameters); the oldest are dropped."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple[Any, ...]) -> Any | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            return None

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_CACHE = _Cache()


def _answer(request: Request, params: tuple[Any, ...]) -> tuple[Any, dict[str, Any]]:
    """(AlertResult, forecasts) for the current snapshot, computed once per version."""
    from dyadwatch.early_warning import AlertSettings, alert_forecasts, compute_alerts

    state = request.app.state.dyadwatch
    as_of, freq, by, min_events, top, forecast, least = params
    with state.source.acquire() as snapshot:
        key = (str(state.source.db_path), snapshot.generation, *params)
        cached = _CACHE.get(key)
        if cached is not None:
            return tuple(cached)
    with service.reading(state.source, state.settings.query_timeout) as db:
        settings = AlertSettings(as_of, freq, by, min_events, top=top, min_confidence=least)
        result = compute_alerts(db.conn, settings, str(state.source.db_path))
        forecasts = alert_forecasts(db.conn, result, forecast) if forecast != "none" else {}
    _CACHE.put(key, (result, forecasts))
    return result, forecasts


@router.get("/api/alerts", summary="Dyads that turned in the latest period")
def alerts(request: Request, as_of: AsOf = None, freq: FreqA = "week", by: ByA = "country",
           min_events: MinEvents = 2, top: TopA = 5, forecast: ForecastA = "none",
           min_confidence: MinConfA = None) -> Json:
    """Ranked alerts with why they fired, their size against the baseline and the evidence
    (docs/alerts.md); with ``forecast``, each dyad's next-period forecast and track record."""
    least = check_confidence(min_confidence)
    try:
        result, forecasts = _answer(request, (as_of, freq, by, min_events, top, forecast,
                                              least))
    except NoAlertDataError as e:  # nothing coded yet: no alert, said in words
        return {"ok": True, "as_of": as_of, "freq": freq, "by": by, "alerts": [],
                "forecasts": {}, "note": str(e)}
    record: Json = result.record()
    record["db"] = request.app.state.dyadwatch.source.db_path.name
    record["forecasts"] = forecasts
    return {"ok": True, **record}


@router.get("/alerts.atom", summary="The alerts as an Atom feed",
            response_class=Response, responses={200: {"content": {
                "application/atom+xml": {}}}})
def alerts_feed(request: Request, as_of: AsOf = None, freq: FreqA = "week",
                by: ByA = "country", min_events: MinEvents = 2, top: TopA = 5,
                min_confidence: MinConfA = None) -> Response:
    """Atom 1.0; an entry id stays the same for the same dyad and period."""
    from dyadwatch.brief import render_atom

    least = check_confidence(min_confidence)
    result, _ = _answer(request, (as_of, freq, by, min_events, top, "none", least))
    base = str(request.base_url).rstrip("/")
    return Response(render_atom(result, base), media_type="application/atom+xml")
