"""GDELT 2.0 event table: the 61 columns, reading an export file, importing it.

An imported row becomes one event (``origin = 'gdelt'``, ``event_id = 'gdelt:' +
GLOBALEVENTID``); the columns the events table has no place for go to ``gdelt_extra``
so that :func:`dyadwatch.store.export.write_gdelt` writes the row back unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.coding.confidence import is_dyadic
from dyadwatch.errors import GdeltFileError, GdeltFormatError, UnreadableInputError
from dyadwatch.model import Event, Failure, Location
from dyadwatch.ontology import cameo_table
from dyadwatch.store.db import EVENT_COLUMNS, event_row, transaction

logger = logging.getLogger(__name__)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

# GDELT column → events column, for the columns the events table keeps.
KEPT: dict[str, str] = {
    "SQLDATE": "date", "Actor1Code": "source", "Actor1Name": "source_text",
    "Actor1CountryCode": "source_country", "Actor2Code": "target", "Actor2Name": "target_text",
    "Actor2CountryCode": "target_country", "EventCode": "cameo", "EventRootCode": "cameo_root",
    "QuadClass": "quad_class", "GoldsteinScale": "goldstein",
    "ActionGeo_FullName": "location_name", "ActionGeo_CountryCode": "location_country",
    "ActionGeo_Lat": "location_lat", "ActionGeo_Long": "location_lon",
}
# The events table keeps a location only when it has a name; GDELT rows can have a country
# or coordinates without one, so gdelt_extra also holds the ActionGeo values as given.
ACTION_GEO: tuple[str, ...] = (
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
)
EXTRA_COLUMNS: tuple[str, ...] = tuple(
    name for name in GDELT_COLUMNS if name not in KEPT or name in ACTION_GEO
)
INT_COLUMNS = frozenset({
    "GLOBALEVENTID", "MonthYear", "Year", "IsRootEvent", "NumMentions", "NumSources",
    "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED",
})
FLOAT_COLUMNS = frozenset({
    "FractionDate", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
    "Actor2Geo_Long", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long",
})
GDELT_RULE = "gdelt:2.0"
GDELT_VERSION = "gdelt-2.0"


@dataclass(slots=True)
class GdeltImport:
    """What one import-gdelt run read and wrote."""

    rows: int = 0
    events: int = 0
    new: int = 0  # events not in the database before (a re-import replaces, adds none)
    failures: list[Failure] = field(default_factory=list)


def _typed(name: str, raw: str) -> Any:
    if raw == "":
        return None
    if name in INT_COLUMNS:
        return int(raw)
    if name in FLOAT_COLUMNS:
        return float(raw)
    return raw


def _iso_date(sqldate: str) -> str:
    if len(sqldate) != 8 or not sqldate.isdigit():
        raise ValueError(f"SQLDATE {sqldate!r} is not YYYYMMDD")
    return f"{sqldate[:4]}-{sqldate[4:6]}-{sqldate[6:]}"


def parse_row(fields: list[str]) -> tuple[Event, dict[str, Any]]:
    """One GDELT 2.0 row (61 strings, or 63 with the confidence and dyadic that dyadwatch's
    export adds) → the Event and its gdelt_extra values."""
    trailing = len(GDELT_COLUMNS) + 2
    if len(fields) not in (len(GDELT_COLUMNS), trailing):
        raise ValueError(f"{len(fields)} columns, expected {len(GDELT_COLUMNS)} "
                         f"(or {trailing} from a dyadwatch export)")
    fields, ours = fields[:len(GDELT_COLUMNS)], fields[len(GDELT_COLUMNS):]
    row = {name: _typed(name, raw) for name, raw in zip(GDELT_COLUMNS, fields, strict=True)}
    if row["GLOBALEVENTID"] is None or row["EventCode"] is None or row["QuadClass"] is None:
        raise ValueError("GLOBALEVENTID, EventCode and QuadClass are required")
    event = _event_from(row, fields[1])
    if ours and ours[0].strip():
        event = replace(event, confidence=float(ours[0]))
    extra = {"event_id": event.event_id, **{name: row[name] for name in EXTRA_COLUMNS}}
    return event, extra


def _event_from(row: dict[str, Any], sqldate: str) -> Event:
    code = str(row["EventCode"])
    known = cameo_table().get(code)
    place = row["ActionGeo_FullName"]
    return Event(
        event_id=f"gdelt:{row['GLOBALEVENTID']}",
        article_id=row["SOURCEURL"] or f"gdelt:{row['GLOBALEVENTID']}",
        date=_iso_date(sqldate) if sqldate else None,
        source=row["Actor1Code"], target=row["Actor2Code"],
        source_country=row["Actor1CountryCode"], target_country=row["Actor2CountryCode"],
        source_text=row["Actor1Name"], target_text=row["Actor2Name"],
        cameo=code, cameo_root=row["EventRootCode"] or code[:2],
        plover_type=known.plover_type if known else None,
        plover_mode=known.plover_mode if known else None,
        goldstein=row["GoldsteinScale"], quad_class=int(row["QuadClass"]),
        sentence="", sentence_index=0, trigger="", trigger_start=0, negated=False,
        modality="asserted",
        location=Location(place, row["ActionGeo_CountryCode"], row["ActionGeo_Lat"],
                          row["ActionGeo_Long"]) if place else None,
        rule=GDELT_RULE, dictionary_version=GDELT_VERSION,
        dyadic=is_dyadic(row["Actor1Code"], row["Actor1CountryCode"], row["Actor2Code"],
                         row["Actor2CountryCode"]),
    )


def read_gdelt(path: str | Path, report: GdeltImport) -> Iterator[tuple[Event, dict[str, Any]]]:
    """Parsed rows of a GDELT 2.0 export; bad rows are recorded in ``report`` and skipped."""
    try:
        handle = open(path, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115
    except OSError as e:
        raise UnreadableInputError(path=str(path), detail=str(e)) from e
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            report.rows += 1
            try:
                yield parse_row(line.rstrip("\r\n").split("\t"))
            except ValueError as e:
                error = GdeltFormatError(path=str(path), line=number, detail=str(e))
                report.failures.append(Failure(error.code, f"{path}:{number}", error.message))


def import_gdelt(conn: duckdb.DuckDBPyConnection, path: str | Path, run_id: int,
                 batch_size: int = 50_000) -> GdeltImport:
    """Read a GDELT 2.0 export into ``events`` and ``gdelt_extra`` (re-importing replaces)."""
    report = GdeltImport()
    batch: list[tuple[Event, dict[str, Any]]] = []
    for item in read_gdelt(path, report):
        batch.append(item)
        if len(batch) >= batch_size:
            _write(conn, batch, run_id, report)
            batch = []
    _write(conn, batch, run_id, report)
    if report.events == 0:
        detail = report.failures[0].message if report.failures else "the file is empty"
        raise GdeltFileError(path=str(path), detail=detail)
    if report.failures:
        logger.warning("%s: %d rows skipped (%s)", path, len(report.failures),
                       GdeltFormatError.code)
    return report


def _write(conn: duckdb.DuckDBPyConnection, batch: list[tuple[Event, dict[str, Any]]],
           run_id: int, report: GdeltImport) -> None:
    """Write one batch in one transaction; counts its events and the new ones in ``report``."""
    if not batch:
        return
    import pandas as pd  # only for GDELT imports: `dyadwatch code` never loads pandas

    events = pd.DataFrame([event_row(event) for event, _ in batch], columns=list(EVENT_COLUMNS))
    events["origin"] = "gdelt"
    events["run_id"] = run_id
    extras = pd.DataFrame([extra for _, extra in batch], columns=["event_id", *EXTRA_COLUMNS])
    event_cols = ", ".join((*EVENT_COLUMNS, "origin", "run_id"))
    extra_cols = ", ".join(f'"{name}"' for name in ("event_id", *EXTRA_COLUMNS))
    try:
        with transaction(conn):
            before = _count(conn)
            conn.register("_gdelt_events", events)
            conn.register("_gdelt_extra", extras)
            conn.execute(f"INSERT OR REPLACE INTO events ({event_cols}) "
                         f"SELECT {event_cols} FROM _gdelt_events")
            conn.execute(f"INSERT OR REPLACE INTO gdelt_extra ({extra_cols}) "
                         f"SELECT {extra_cols} FROM _gdelt_extra")
            new = _count(conn) - before
    finally:
        conn.unregister("_gdelt_events")
        conn.unregister("_gdelt_extra")
    report.events += len(batch)
    report.new += new


def _count(conn: duckdb.DuckDBPyConnection) -> int:
    [(count,)] = conn.execute("SELECT count(*) FROM events").fetchall()
    return int(count)
