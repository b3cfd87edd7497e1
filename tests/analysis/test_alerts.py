"""Alerts: a planted turn ranks first, rates are per article, the current period is judged
fairly, and the brief and the Atom feed are what a reader needs."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.brief import entry_id, render_atom, render_html, render_markdown
from dyadwatch.cli import cli
from dyadwatch.early_warning import AlertSettings, compute_alerts
from dyadwatch.errors import NoAlertDataError
from dyadwatch.model import Event
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import make_event, write_events

START = date(2021, 1, 4)  # a Monday
WEEKS = 12
# Fictional states: steady pairs, and ARN-GON that turns hostile in the last week.
STEADY = (("ROH", "GON", "042"), ("ROH", "DAL", "057"), ("MOR", "ROH", "111"),
          ("DAL", "ERE", "036"))


def _day(week: int, weekday: int = 1) -> date:
    return START + timedelta(weeks=week, days=weekday)


def _filler(week: int, n: int) -> list[Event]:
    """Articles without a dyad (one-sided statements): they count as articles coded."""
    return [make_event(None, f"fill-{week}-{i}", _day(week, i % 5), "ARNGOV", None, "010",
                       "ARN", None, f"Arnor's council spoke of harvests ({week}-{i}).")
            for i in range(n)]


def planted_events(turn: bool = True, weeks: int = WEEKS) -> list[Event]:
    events: list[Event] = []
    for week in range(weeks):
        for k, (a, b, cameo) in enumerate(STEADY):
            for j in range(2):
                events.append(make_event(None, f"w{week}-s{k}-{j}", _day(week, j), a, b, cameo,
                                         a, b, f"{a} and {b} met again ({week}/{k}/{j})."))
        last = week == weeks - 1
        if turn and last:
            hostile = [("ARN", "GON", "190"), ("GON", "ARN", "190"), ("ARN", "GON", "173")]
            for j, (a, b, cameo) in enumerate(hostile):
                events.append(make_event(None, f"w{week}-t{j}", _day(week, 2), a, b, cameo, a, b,
                                         f"Planted: {a} fought {b} at the ford ({j})."))
        else:
            events.append(make_event(None, f"w{week}-p", _day(week, 3), "ARN", "GON", "042",
                                     "ARN", "GON", f"Arnor and Gondor traded grain ({week})."))
        events += _filler(week, 3)
    return events


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("alerts") / "planted.duckdb"
    conn = open_db(path)
    write_events(conn, planted_events())
    conn.close()
    return path


def _alerts(db: Path, **settings: object) -> object:
    conn = open_db(db, read_only=True)
    try:
        return compute_alerts(conn, AlertSettings(**settings), str(db))  # type: ignore[arg-type]
    finally:
        conn.close()


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [_day(WEEKS - 1, 6).isoformat()])
def test_alerts_planted_turn_ranks_first(planted_db: Path, as_of: str) -> None:
    result = _alerts(planted_db, as_of=as_of)
    first = result.alerts[0]  # type: ignore[attr-defined]
    assert (first.actor_a, first.actor_b) == ("ARN", "GON")
    assert {"goldstein_drop", "new_material_conflict"} <= set(first.triggers)
    assert first.evidence[0]["sentence"].startswith("Planted:")
    assert first.size < -2
    assert all((a.actor_a, a.actor_b) != ("DAL", "ERE") for a in result.alerts)  # type: ignore[attr-defined]


@pytest.mark.issue(17)
@pytest.mark.parametrize("weeks", [WEEKS])
def test_alerts_steady_dyads_do_not_fire(tmp_path: Path, weeks: int) -> None:
    db = tmp_path / "steady.duckdb"
    conn = open_db(db)
    write_events(conn, planted_events(turn=False, weeks=weeks))
    conn.close()
    assert _alerts(db, as_of=_day(weeks - 1, 6).isoformat()).alerts == []  # type: ignore[attr-defined]


@pytest.mark.issue(17)
@pytest.mark.parametrize("busy", [4])
def test_alerts_counts_are_per_article(tmp_path: Path, busy: int) -> None:
    """A week with four times the articles and four times the events is no turn."""
    events = planted_events(turn=False)
    last = [e for e in events if e.date and date.fromisoformat(e.date) >= _day(WEEKS - 1, 0)]
    extra = []
    for copy in range(1, busy):
        extra += [make_event(None, f"{e.article_id}-x{copy}", date.fromisoformat(e.date),
                             e.source, e.target, e.cameo, e.source_country, e.target_country,
                             f"{e.sentence} (copy {copy})")
                  for e in last if e.date]
    db = tmp_path / "busy.duckdb"
    conn = open_db(db)
    write_events(conn, events + extra)
    conn.close()
    assert _alerts(db, as_of=_day(WEEKS - 1, 6).isoformat()).alerts == []  # type: ignore[attr-defined]


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [_day(WEEKS - 1, 3).isoformat()])
def test_alerts_incomplete_period_is_said(planted_db: Path, as_of: str) -> None:
    result = _alerts(planted_db, as_of=as_of)
    record = result.record()  # type: ignore[attr-defined]
    assert record["complete"] is False and record["days_covered"] == 4
    assert "incomplete" in record["note"]
    assert result.alerts[0].actor_a == "ARN"  # type: ignore[attr-defined]


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [_day(WEEKS, 2).isoformat()])
def test_alerts_empty_current_period_left_out(planted_db: Path, as_of: str) -> None:
    result = _alerts(planted_db, as_of=as_of)
    record = result.record()  # type: ignore[attr-defined]
    assert "left out" in record["note"]
    assert record["period_start"] == _day(WEEKS - 1, 0).isoformat()


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", ["2019-01-01"])
def test_alerts_before_any_article_is_a_coded_error(planted_db: Path, as_of: str) -> None:
    with pytest.raises(NoAlertDataError, match="E811"):
        _alerts(planted_db, as_of=as_of)


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [_day(WEEKS - 1, 6).isoformat()])
def test_alerts_brief_is_one_file_without_requests(planted_db: Path, as_of: str) -> None:
    result = _alerts(planted_db, as_of=as_of)
    page = render_html(result)  # type: ignore[arg-type]
    assert "<svg" in page and "Planted: ARN fought GON" in page
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(src|srcset|data)\s*=\s*["']?https?:""", page)
    assert not re.search(r"url\(", page)
    markdown = render_markdown(result)  # type: ignore[arg-type]
    assert markdown.startswith("# Dyads to look at") and "## 1. ARN – GON" in markdown


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [(_day(WEEKS - 1, 4).isoformat(),
                                    _day(WEEKS - 1, 6).isoformat())])
def test_alerts_atom_feed_is_well_formed_with_stable_ids(planted_db: Path,
                                                         as_of: tuple[str, str]) -> None:
    import feedparser

    early, late = (_alerts(planted_db, as_of=day) for day in as_of)
    parsed = feedparser.parse(render_atom(late))  # type: ignore[arg-type]
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    for key in ("id", "title", "updated", "author"):
        assert parsed.feed.get(key), key
    assert parsed.entries
    for entry in parsed.entries:
        for key in ("id", "title", "updated", "summary", "link"):
            assert entry.get(key), key
    ids = {entry.id for entry in parsed.entries}
    assert ids == {entry_id(a, "country") for a in early.alerts} & ids  # type: ignore[attr-defined]
    assert parsed.entries[0].id == entry_id(late.alerts[0], "country")  # type: ignore[attr-defined]


@pytest.mark.issue(17)
@pytest.mark.parametrize("suffix", [".html", ".md", ".atom", ".json"])
def test_alerts_cli_writes_brief(planted_db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"brief{suffix}"
    result = CliRunner().invoke(cli, ["alerts", "--db", str(planted_db), "--as-of",
                                      _day(WEEKS - 1, 6).isoformat(), "--forecast-freq", "none",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1. ARN – GON" in result.stdout
    assert out.stat().st_size > 200


@pytest.mark.issue(17)
@pytest.mark.parametrize("args", [["--format", "json"]])
def test_alerts_cli_json(planted_db: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["alerts", "--db", str(planted_db), "--as-of",
                                      _day(WEEKS - 1, 6).isoformat(), *args])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["alerts"][0]["alert_id"] == f"ARN-GON/week/{_day(WEEKS - 1, 0).isoformat()}"
    assert record["alerts"][0]["why"]


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", ["not-a-date"])
def test_alerts_cli_bad_date_is_usage_error(planted_db: Path, as_of: str) -> None:
    result = CliRunner().invoke(cli, ["alerts", "--db", str(planted_db), "--as-of", as_of])
    assert result.exit_code == 2
    assert "E704" in result.output


@pytest.mark.issue(17)
@pytest.mark.parametrize("texts", [{
    "2021-03-01_talks.txt": "date 2021-03-01\nFrance and Germany agreed on Monday to hold "
                            "talks on energy prices.",
    "2021-03-02_protest.txt": "date 2021-03-02\nFrance protested on Tuesday against "
                              "German border checks.",
}])
def test_alerts_watch_writes_a_brief_each_cycle(tmp_path: Path, texts: dict[str, str]) -> None:
    import feedparser

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in texts.items():
        (inbox / name).write_text(text, encoding="utf-8")
    briefs = tmp_path / "briefs"
    result = CliRunner().invoke(cli, ["watch", str(inbox), "--once", "--db",
                                      str(tmp_path / "w.duckdb"), "--brief", str(briefs)])
    assert result.exit_code == 0, result.output
    assert (briefs / "brief-2021-03-02.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")
    assert feedparser.parse((briefs / "alerts.atom").read_text(encoding="utf-8")).bozo == 0


@pytest.mark.issue(17)
@pytest.mark.parametrize("pair", [("ISL", "NZL")])
def test_alerts_first_contact_only_between_states(tmp_path: Path, pair: tuple[str, str]) -> None:
    """Two states meeting for the first time fire; fictional codes meeting first never do."""
    a, b = pair
    last = WEEKS - 1
    first = [make_event(None, f"first-{i}", _day(last, 4), a, b, "042", a, b,
                        f"{a} and {b} opened talks for the first time ({i}).") for i in range(2)]
    fictional = [make_event(None, f"fict-{i}", _day(last, 4), "ERE", "MOR", "042", "ERE", "MOR",
                            f"Erebor and Mordor exchanged envoys ({i}).") for i in range(2)]
    db = tmp_path / "first.duckdb"
    conn = open_db(db)
    write_events(conn, planted_events(turn=False) + first + fictional)
    conn.close()
    alerts = _alerts(db, as_of=_day(last, 6).isoformat()).alerts  # type: ignore[attr-defined]
    assert [(x.actor_a, x.actor_b, x.triggers) for x in alerts] == [(a, b, ("first_contact",))]


def unsure_turn_events() -> list[Event]:
    """The planted turn, its hostile events coded with a confidence of 0.2."""
    return [replace(e, confidence=0.2) if "-t" in e.article_id else e
            for e in planted_events()]


@pytest.fixture(scope="module")
def unsure_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("alerts") / "unsure.duckdb"
    conn = open_db(path)
    write_events(conn, unsure_turn_events())
    conn.close()
    return path


@pytest.mark.issue(14)
@pytest.mark.parametrize(("least", "turned"), [(None, True), (0.5, False)])
def test_alerts_min_confidence_leaves_out_unsure_events(unsure_db: Path, least: float | None,
                                                        turned: bool) -> None:
    result = _alerts(unsure_db, as_of=_day(WEEKS - 1, 6).isoformat(), min_confidence=least)
    pairs = [(a.actor_a, a.actor_b) for a in result.alerts]  # type: ignore[attr-defined]
    assert (("ARN", "GON") in pairs) is turned


@pytest.mark.issue(14)
@pytest.mark.parametrize("least", ["0.5"])
def test_alerts_cli_min_confidence(unsure_db: Path, least: str) -> None:
    args = ["alerts", "--db", str(unsure_db), "--as-of", _day(WEEKS - 1, 6).isoformat(),
            "--format", "json"]
    every = CliRunner().invoke(cli, args)
    sure = CliRunner().invoke(cli, [*args, "--min-confidence", least])
    assert every.exit_code == 0 and sure.exit_code == 0, every.output + sure.output
    pairs = [[(a["actor_a"], a["actor_b"]) for a in json.loads(r.output)["alerts"]]
             for r in (every, sure)]
    assert ("ARN", "GON") in pairs[0] and ("ARN", "GON") not in pairs[1]
    bad = CliRunner().invoke(cli, [*args, "--min-confidence", "2"])
    assert bad.exit_code == 2


@pytest.mark.issue(14)
@pytest.mark.parametrize("by", ["actor"])
def test_alerts_read_dyadic_events_only(tmp_path: Path, by: str) -> None:
    """A turn against a sector with no country (ARNGOV → CVL) is no dyad: no alert."""
    events = planted_events(turn=False)
    week = WEEKS - 1
    events += [make_event(None, f"w{week}-cvl{j}", _day(week, 2), "ARNGOV", "CVL", "190",
                          "ARN", None, f"Arnor's guards fired on a crowd ({j}).")
               for j in range(3)]
    db = tmp_path / "sector.duckdb"
    conn = open_db(db)
    write_events(conn, events)
    conn.close()
    result = _alerts(db, as_of=_day(week, 6).isoformat(), by=by)
    assert all("CVL" not in (a.actor_a, a.actor_b) for a in result.alerts)  # type: ignore[attr-defined]
