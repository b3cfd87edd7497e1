"""A dyad's events in reading order, with the evidence sentence and its source: as a
DataFrame for the Python API, as plain records for the ``timeline`` command (which starts
without pandas, issue 16)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dyadwatch.ontology import QUAD_NAMES, cameo_table

if TYPE_CHECKING:
    import pandas as pd

TIMELINE_FIELDS: tuple[str, ...] = (
    "date", "direction", "source", "target", "cameo", "event", "plover_type", "goldstein",
    "quad_class", "modality", "negated", "sentence", "article_id", "url", "publisher",
    "event_id",
)
# The kind of each column (dyadwatch.cli.tables), as pandas' dtypes in build_timeline.
TIMELINE_KINDS: dict[str, str] = {
    **dict.fromkeys(TIMELINE_FIELDS, "str"), "date": "date", "goldstein": "float",
    "quad_class": "int", "negated": "bool",
}
_READING_ORDER: tuple[str, ...] = ("date", "article_id", "sentence_index", "event_id")
# How a timeline says what kind of claim an event is; asserted deeds carry no label.
MOOD_LABELS: dict[str, str] = {"threatened": "threat", "intended": "intent",
                               "reported": "reported", "hypothetical": "hypothetical"}


def mood_label(modality: str | None, negated: bool | None) -> str:
    """'threat', 'intent', 'reported', 'denied' (negated) or '' for an asserted deed."""
    labels = [MOOD_LABELS.get(modality or "", "")] + (["denied"] if negated else [])
    return ", ".join(label for label in labels if label)


def _cameo_name(code: str) -> str:
    entry = cameo_table().get(code)
    return entry.name if entry else ""


def build_timeline(events: pd.DataFrame, labels: tuple[str, str]) -> pd.DataFrame:
    """Chronological events (undated last) with a readable direction and CAMEO name."""
    a, b = labels
    frame = events.sort_values(["date", "article_id", "sentence_index", "event_id"],
                               na_position="last", kind="stable").copy()
    frame["direction"] = frame["direction"].map({"AB": f"{a}->{b}", "BA": f"{b}->{a}"})
    frame["event"] = frame["cameo"].map(_cameo_name)
    return frame.reindex(columns=list(TIMELINE_FIELDS)).reset_index(drop=True)


def timeline_records(events: Sequence[Mapping[str, Any]],
                     labels: tuple[str, str]) -> list[dict[str, Any]]:
    """build_timeline over plain records (as queries.dyad_event_records gives them): the
    same order, columns and values, missing values None."""
    a, b = labels
    names = {"AB": f"{a}->{b}", "BA": f"{b}->{a}"}
    ordered = sorted(events, key=lambda event: [(event[key] is None, event[key])
                                                for key in _READING_ORDER])  # None last
    return [{**{name: event.get(name) for name in TIMELINE_FIELDS},
             "direction": names.get(event["direction"]), "event": _cameo_name(event["cameo"])}
            for event in ordered]


def sources(events: pd.DataFrame) -> pd.DataFrame:
    """The articles behind the events: id, url, publisher, title and event count."""
    columns = ["article_id", "url", "publisher", "title"]
    frame = events.reindex(columns=columns)
    counts = frame.groupby("article_id", dropna=False).size().rename("events")
    first = frame.drop_duplicates("article_id").set_index("article_id")
    return first.join(counts).reset_index().sort_values(
        ["events", "article_id"], ascending=[False, True]).reset_index(drop=True)


def quad_name(quad: int) -> str:
    return QUAD_NAMES.get(int(quad), str(quad))
