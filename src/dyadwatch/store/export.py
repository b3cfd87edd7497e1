"""Event writers: GDELT 2.0 event table, PLOVER JSON Lines, Phoenix TSV, Parquet.

Each writer takes an iterable of :class:`dyadwatch.model.Event` and returns the number of
events written. Layouts and the choices made for each field are in docs/formats.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyadwatch import __version__
from dyadwatch.model import Event
from dyadwatch.ontology import PHOENIX_CLASS
from dyadwatch.store.db import EVENT_COLUMNS, event_row
from dyadwatch.store.gdelt import GDELT_COLUMNS, INT_COLUMNS, KEPT

Extras = Mapping[str, Mapping[str, Any]]

PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
    "Confidence", "Dyadic",
)
# dyadwatch's own fields, written after the 61 GDELT 2.0 columns (docs/formats.md)
GDELT_TRAILING: tuple[str, ...] = ("Confidence", "Dyadic")
# PLOVER quad category of each PLOVER event type (PLOVER manual, table of event types).
PLOVER_QUAD: dict[str, int] = {
    **dict.fromkeys(["AGREE", "CONSULT", "SUPPORT", "CONCEDE"], 1),
    **dict.fromkeys(["COOPERATE", "AID", "RETREAT"], 2),
    **dict.fromkeys(["REQUEST", "ACCUSE", "REJECT", "THREATEN"], 3),
    **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], 4),
}
_ROLES = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU",
                    "BUS", "CRM", "CVL", "LEG", "REF", "HLH", "AGR", "LAB", "ELI", "IGO",
                    "NGO", "IMG", "MNC", "INS", "UAF", "RAD", "MOD", "DEV", "ENV", "HRI"})
_ENTITIES = frozenset({"IGO", "NGO", "IMG", "MNC"})


# ---- shared helpers ---------------------------------------------------------------------


def numeric_event_id(event_id: str) -> int:
    """GLOBALEVENTID of an event: the GDELT id itself, else 60 bits of SHA-1 of event_id."""
    prefix, _, rest = event_id.partition(":")
    if prefix == "gdelt" and rest.isdigit():
        return int(rest)
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def split_actor(code: str | None, country: str | None) -> tuple[str, str, str]:
    """(entity, role, attributes) of a CAMEO actor code, e.g. USAGOVMIL → USA, GOV, MIL."""
    if not code:
        return "", "", ""
    entity = country if country and code.startswith(country) else code[:3]
    rest = code[len(entity):]
    role = rest[:3] if rest[:3] in _ROLES else ""
    rest = rest[len(role):]
    return entity, role, ";".join(rest[i:i + 3] for i in range(0, len(rest), 3))


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _gdelt_number(value: float | int | None) -> str:
    """GDELT's float style: integral values without '.0' (lat 8, tone 0), else repr."""
    if value is None:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _fraction_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year + ((month - 1) * 30 + day) / 365:.4f}"


# ---- GDELT 2.0 --------------------------------------------------------------------------


def gdelt_row(event: Event, extra: Mapping[str, Any] | None = None,
              url: str | None = None) -> list[str]:
    """The 61 GDELT 2.0 fields of one event; ``extra`` holds columns kept from an import."""
    values = _gdelt_derived(event, url)
    values.update(_gdelt_kept(event))
    if extra:
        values.update({name: _gdelt_cell(name, extra[name])
                       for name in GDELT_COLUMNS if name in extra})
    return [values[name] for name in GDELT_COLUMNS]


def _gdelt_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "FractionDate":
        return f"{float(value):.4f}"
    if name in INT_COLUMNS:
        return str(int(value))
    if isinstance(value, float):
        return _gdelt_number(value)
    return _text(value)


def _gdelt_kept(event: Event) -> dict[str, str]:
    loc = event.location
    return {
        "SQLDATE": event.date.replace("-", "") if event.date else "",
        "Actor1Code": _text(event.source), "Actor1Name": _text(event.source_text),
        "Actor1CountryCode": _text(event.source_country),
        "Actor2Code": _text(event.target), "Actor2Name": _text(event.target_text),
        "Actor2CountryCode": _text(event.target_country),
        "EventCode": event.cameo, "EventRootCode": event.cameo_root,
        "QuadClass": str(event.quad_class),
        "GoldsteinScale": repr(float(event.goldstein)) if event.goldstein is not None else "",
        "ActionGeo_FullName": _text(loc.name) if loc else "",
        "ActionGeo_CountryCode": _text(loc.country) if loc else "",
        "ActionGeo_Lat": _gdelt_number(loc.lat) if loc else "",
        "ActionGeo_Long": _gdelt_number(loc.lon) if loc else "",
    }


def _gdelt_derived(event: Event, url: str | None) -> dict[str, str]:
    values = dict.fromkeys(GDELT_COLUMNS, "")
    values.update({
        "GLOBALEVENTID": str(numeric_event_id(event.event_id)),
        "IsRootEvent": "1" if event.sentence_index == 0 else "0",
        "EventBaseCode": event.cameo[:3],
        "NumMentions": "1", "NumSources": "1", "NumArticles": "1",
        "Actor1Geo_Type": "0", "Actor2Geo_Type": "0",
        "ActionGeo_Type": "" if event.location else "0",
        "SOURCEURL": _text(url or event.article_id),
    })
    if event.date:
        values.update(MonthYear=event.date[:7].replace("-", ""), Year=event.date[:4],
                      FractionDate=_fraction_date(event.date),
                      DATEADDED=event.date.replace("-", "") + "000000")
    for n, (code, country) in ((1, (event.source, event.source_country)),
                               (2, (event.target, event.target_country))):
        entity, role, _ = split_actor(code, country)
        values[f"Actor{n}Type1Code"] = role
        values[f"Actor{n}KnownGroupCode"] = entity if entity in _ENTITIES else ""
    return values


def write_gdelt(events: Iterable[Event], fh: IO[str], extras: Extras | None = None,
                urls: Mapping[str, str] | None = None) -> int:
    """Write GDELT 2.0 event rows: the 61 GDELT columns then dyadwatch's confidence and
    dyadic (:data:`GDELT_TRAILING`), tab-separated, no header, one per line.

    ``extras`` (event_id → gdelt_extra row) restores columns kept from a GDELT import;
    ``urls`` (article_id → url) fills SOURCEURL, which is otherwise the article id.
    Events without a date are not written (GDELT requires SQLDATE, MonthYear and Year);
    the return value counts the rows written, so the caller can report the difference.
    """
    count = 0
    for event in events:
        if not event.date:
            continue
        extra = extras.get(event.event_id) if extras else None
        url = urls.get(event.article_id) if urls else None
        fh.write("\t".join([*gdelt_row(event, extra, url), *trailing_fields(event)]) + "\n")
        count += 1
    return count


def trailing_fields(event: Event) -> list[str]:
    """Confidence (empty when unknown) and dyadic (1 or 0), as text."""
    confidence = "" if event.confidence is None else f"{event.confidence:.3f}"
    return [confidence, "1" if event.dyadic else "0"]


# ---- PLOVER -----------------------------------------------------------------------------


def _plover_entity(code: str | None, country: str | None, text: str | None) -> dict[str, Any]:
    entity, role, _ = split_actor(code, country)
    record: dict[str, Any] = {"code": entity or code, "entitytext": text or ""}
    if role:
        record["sector"] = role
    record["cameo"] = code
    return record


def plover_record(event: Event) -> dict[str, Any]:
    """One PLOVER JSON record (PLOVER manual, chapter Data Fields) for an event."""
    record: dict[str, Any] = {
        "id": event.event_id,
        "hasevent": True,
        "date": event.date,
        "actor": [_plover_entity(event.source, event.source_country, event.source_text)]
        if event.source else [],
        "recipient": [_plover_entity(event.target, event.target_country, event.target_text)]
        if event.target else [],
        "event": [event.plover_type] if event.plover_type else [],
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": [],
        "eventtext": [event.trigger] if event.trigger else [],
        "quadcode": PLOVER_QUAD.get(event.plover_type or "", event.quad_class),
        "eventscale": event.goldstein,
        "text": event.sentence,
        "textinfo": {"sequence": event.sentence_index, "start": event.trigger_start,
                     "end": event.trigger_start + len(event.trigger)},
        "citeinfo": {"citation": event.article_id},
        "coder": f"dyadwatch {__version__} ({event.rule})",
        "codebook": f"cameo {event.cameo}; dictionary {event.dictionary_version}",
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "negated": event.negated,
        "modality": event.modality,
        "confidence": event.confidence,
        "dyadic": event.dyadic,
    }
    if event.location is not None:
        loc = event.location
        record["eventloc"] = {"extracted": loc.name, "resolved": loc.name,
                              "countrycode": loc.country, "lat": loc.lat, "lon": loc.lon}
    return record


def write_plover(events: Iterable[Event], fh: IO[str]) -> int:
    """Write PLOVER records as JSON Lines (one record per line, UTF-8)."""
    count = 0
    for event in events:
        fh.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


# ---- Phoenix ----------------------------------------------------------------------------


def phoenix_row(event: Event, url: str | None = None, publisher: str | None = None) -> list[str]:
    """The 26 Phoenix / PETRARCH pipeline fields of one event, then confidence and dyadic."""
    day = event.date or ""
    src = split_actor(event.source, event.source_country)
    tgt = split_actor(event.target, event.target_country)
    loc = event.location
    values = [
        event.event_id, day.replace("-", ""), day[:4], day[5:7], day[8:10],
        _text(event.source), *src, _text(event.target), *tgt,
        event.cameo, event.cameo_root, str(PHOENIX_CLASS.get(event.cameo_root, "")),
        "" if event.goldstein is None else repr(float(event.goldstein)), "",
        _gdelt_number(loc.lat) if loc else "", _gdelt_number(loc.lon) if loc else "",
        _text(loc.name) if loc else "", "", _text(loc.country) if loc else "",
        f"{event.article_id}-{event.sentence_index}", _text(url), _text(publisher),
        *trailing_fields(event),
    ]
    return [_text(value) for value in values]


def write_phoenix(events: Iterable[Event], fh: IO[str],
                  urls: Mapping[str, tuple[str | None, str | None]] | None = None) -> int:
    """Write Phoenix TSV rows (no header; columns in PHOENIX_COLUMNS order)."""
    count = 0
    for event in events:
        url, publisher = (urls or {}).get(event.article_id, (None, None))
        fh.write("\t".join(phoenix_row(event, url, publisher)) + "\n")
        count += 1
    return count


# ---- Parquet ----------------------------------------------------------------------------

PARQUET_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("article_id", pa.string()), ("date", pa.date32()),
    ("source", pa.string()), ("target", pa.string()), ("source_country", pa.string()),
    ("target_country", pa.string()), ("source_text", pa.string()), ("target_text", pa.string()),
    ("cameo", pa.string()), ("cameo_root", pa.string()), ("plover_type", pa.string()),
    ("plover_mode", pa.string()), ("goldstein", pa.float64()), ("quad_class", pa.int8()),
    ("sentence", pa.string()), ("sentence_index", pa.int32()), ("trigger", pa.string()),
    ("trigger_start", pa.int32()), ("negated", pa.bool_()), ("modality", pa.string()),
    ("location_name", pa.string()), ("location_country", pa.string()),
    ("location_lat", pa.float64()), ("location_lon", pa.float64()), ("rule", pa.string()),
    ("dictionary_version", pa.string()), ("confidence", pa.float64()), ("dyadic", pa.bool_()),
])


def _chunks(events: Iterable[Event], size: int) -> Iterator[list[Event]]:
    iterator = iter(events)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _parquet_batch(chunk: list[Event]) -> pa.RecordBatch:
    rows = [event_row(event) for event in chunk]
    columns = {name: [row[i] for row in rows] for i, name in enumerate(EVENT_COLUMNS)}
    columns["date"] = [None if d is None else _to_date(d) for d in columns["date"]]
    return pa.RecordBatch.from_pydict(columns, schema=PARQUET_SCHEMA)


def _to_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def write_parquet(events: Iterable[Event], path: str | Path, chunk_size: int = 100_000) -> int:
    """Write events to one Parquet file with the events-table columns (zstd)."""
    count = 0
    with pq.ParquetWriter(str(path), PARQUET_SCHEMA, compression="zstd") as writer:
        for chunk in _chunks(events, chunk_size):
            writer.write_batch(_parquet_batch(chunk))
            count += len(chunk)
    return count


__all__ = ["GDELT_COLUMNS", "GDELT_TRAILING", "KEPT", "PHOENIX_COLUMNS", "write_gdelt",
           "write_parquet",
           "write_phoenix", "write_plover"]
